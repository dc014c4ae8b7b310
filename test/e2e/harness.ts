/**
 * E2E harness: build the preview once (webpack --mode development into a temp dir), serve it from a tiny
 * static server on 127.0.0.1 at a free port, and launch /usr/bin/chromium with a fresh profile.
 */
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const ROOT = resolve(__dirname, "../..");
export const RESULTS = join(ROOT, "test-results");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".css": "text/css",
};

/** The build made once by global-setup.ts (a file run on its own builds here). Not removed by the files. */
export function previewBuild(): string {
  return process.env.ALCN_E2E_BUILD ?? buildPreview();
}

export function buildPreview(): string {
  const out = mkdtempSync(join(tmpdir(), "alcn-e2e-build-"));
  const webpack = join(ROOT, "node_modules", "webpack", "bin", "webpack.js");
  const r = spawnSync(process.execPath, [webpack, "--mode", "development", "--env", `outputPath=${out}`], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_ENV: "development" } });
  if (r.status !== 0 || !existsSync(join(out, "preview.html"))) throw new Error(`preview build failed:\n${r.stdout}\n${r.stderr}`);
  return out;
}

/** The npm copy of office.js, mapped under /office-js as the dev server does (office.js loads helpers from there). */
const OFFICE_NPM = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

export function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const rel = path === "/" ? "preview.html" : normalize(path).replace(/^([/\\])+/, "");
    let file = join(dir, rel);
    if (!existsSync(file) && rel.startsWith("office-js/")) file = join(OFFICE_NPM, rel.slice("office-js/".length));
    const inside = file.startsWith(dir) || file.startsWith(OFFICE_NPM);
    if (!inside || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })));
}

export async function launch(): Promise<{ context: BrowserContext; page: Page; profile: string; errors: string[] }> {
  const profile = mkdtempSync(join(tmpdir(), "alcn-e2e-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1500, height: 950 },
    locale: "ja-JP",
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  page.on("console", (m) => {
    // A failed request is reported with its URL by the response handler above.
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
  });
  return { context, page, profile, errors };
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  // Let Fluent's transitions (dialog fade, button colours) finish so the picture shows the settled state.
  await page.waitForTimeout(500);
  const file = join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

export function cleanup(...dirs: string[]): void {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
