/**
 * The production build, built into a temporary directory: the files Excel loads, office.js from the CDN,
 * no HyperFormula (GPL-3.0, CLI and preview only) in any bundle, the SPEC §8 gzip budgets, and a
 * functions-ja.json equal to what the generator makes from the emitted functions.json.
 * One webpack run (≈10 s here); the budgets are printed so CI logs show them.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import { join, relative } from "path";
import { gzipSync } from "zlib";
import { CATALOGUE } from "../../src/core/catalogue";
import { japaneseMetadata, type FunctionsMetadata } from "../../scripts/functions-ja";

const ROOT = join(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("../../webpack.config.js") as ((env: object, argv: { mode: string }) => { entry: Record<string, unknown> }) & { OFFICE_CDN: string };

const KB = 1024;
const BUDGET_GZIP = { "functions.js": 100 * KB, "taskpane.js": 400 * KB };

let out: string;
let build: { status: number | null; output: string; seconds: number };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), "alcn-build-"));
  const env = { ...process.env };
  delete env.ALCN_BASE_URL;
  delete env.PORT;
  const started = Date.now();
  const r = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--env", `outputPath=${out}`], {
    cwd: ROOT,
    env,
    encoding: "utf8",
    timeout: 150_000,
  });
  build = { status: r.status, output: `${r.stdout}\n${r.stderr}`, seconds: (Date.now() - started) / 1000 };
}, 160_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe("npm run build (production)", () => {
  test("succeeds", () => {
    if (build.status !== 0) throw new Error(`webpack exited ${build.status}:\n${build.output.slice(-4000)}`);
    process.stdout.write(`production build: ${build.seconds.toFixed(1)} s\n`);
  });

  test("emits the add-in files and no preview", () => {
    for (const f of ["functions.js", "functions.html", "taskpane.js", "taskpane.html", "functions.json", "functions-ja.json", "manifest.xml", "assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png"]) {
      expect([f, existsSync(join(out, f))]).toEqual([f, true]);
    }
    expect(existsSync(join(out, "preview.html"))).toBe(false);
    expect(existsSync(join(out, "preview.js"))).toBe(false);
    expect(existsSync(join(out, "office-js"))).toBe(false);
    expect(readFileSync(join(out, "manifest.xml"), "utf8")).toBe(readFileSync(join(ROOT, "manifest.xml"), "utf8"));
  });

  test("pages load office.js from Microsoft's CDN first, then one bundle", () => {
    const taskpane = readFileSync(join(out, "taskpane.html"), "utf8");
    const functions = readFileSync(join(out, "functions.html"), "utf8");
    // Production HTML is minified: attribute quotes are optional.
    const scriptsOf = (html: string) => [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    for (const html of [taskpane, functions]) {
      const scripts = scriptsOf(html);
      expect(scripts[0]).toBe(config.OFFICE_CDN);
      expect(html).not.toMatch(/office-js\//);
    }
    expect(scriptsOf(taskpane)).toEqual([config.OFFICE_CDN, "taskpane.js"]);
    expect(scriptsOf(functions)).toEqual([config.OFFICE_CDN, "functions.js"]);
    expect(taskpane).toMatch(/<div id=["']?root["']?>/);
  });

  test("both bundles register every function (the taskpane page is the shared runtime's page)", () => {
    const ids = (JSON.parse(readFileSync(join(out, "functions.json"), "utf8")) as FunctionsMetadata).functions.map((f) => f.id);
    for (const bundle of ["functions.js", "taskpane.js"]) {
      const code = readFileSync(join(out, bundle), "utf8");
      const missing = ids.filter((id) => !code.includes(`CustomFunctions.associate("${id}",`));
      expect([bundle, missing]).toEqual([bundle, []]);
    }
  });

  test("contains no HyperFormula", () => {
    const offenders = files(out)
      .filter((f) => /\.(js|html|json|txt)$/.test(f))
      .filter((f) => /hyperformula/i.test(readFileSync(f, "utf8")))
      .map((f) => relative(out, f));
    expect(offenders).toEqual([]);
  });

  test("bundles fit the SPEC §8 gzip budgets", () => {
    const sizes = Object.fromEntries(Object.keys(BUDGET_GZIP).map((f) => [f, gzipSync(readFileSync(join(out, f)), { level: 9 }).length]));
    process.stdout.write(`gzip: ${Object.entries(sizes).map(([f, n]) => `${f} ${(n / KB).toFixed(1)} KB`).join(", ")}\n`);
    for (const [f, limit] of Object.entries(BUDGET_GZIP)) expect([f, sizes[f]! <= limit]).toEqual([f, true]);
  });

  test("functions-ja.json is the translation of the emitted functions.json", () => {
    const en = JSON.parse(readFileSync(join(out, "functions.json"), "utf8")) as FunctionsMetadata;
    const ja = JSON.parse(readFileSync(join(out, "functions-ja.json"), "utf8")) as FunctionsMetadata;
    expect(en.functions.length).toBeGreaterThan(0);
    expect(ja).toEqual(japaneseMetadata(en, CATALOGUE));
  });

  test("the preview entry exists only in development", () => {
    expect(Object.keys(config({}, { mode: "production" }).entry).sort()).toEqual(["functions", "taskpane"]);
    expect(Object.keys(config({}, { mode: "development" }).entry).sort()).toEqual(["functions", "preview", "taskpane"]);
  });
});
