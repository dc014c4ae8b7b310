/**
 * `npm start` on a free port: the development build is served over plain HTTP on 127.0.0.1 — the preview at
 * /, the add-in pages with the local office.js, both metadata files and the manifest for that port — and
 * the banner explains sideloading. The server is stopped with SIGTERM at the end.
 */
import { spawn, type ChildProcess } from "child_process";
import { createServer } from "net";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
// Development bundles are several MB (source maps, the preview's HyperFormula): allow for a loaded machine.
jest.setTimeout(60_000);

let server: ChildProcess;
let base: string;
let output = "";
let exit: Promise<number | null>;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function get(path: string): Promise<{ status: number; type: string; text: string }> {
  const r = await fetch(base + path);
  return { status: r.status, type: r.headers.get("content-type") ?? "", text: await r.text() };
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}/`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
  delete env.ALCN_BASE_URL;
  delete env.ALCN_HTTPS;
  server = spawn(process.execPath, [join(ROOT, "scripts", "start.cjs")], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  server.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  exit = new Promise((resolve) => server.once("exit", (code) => resolve(code)));
  // The dev middleware holds requests until the first build has finished.
  const deadline = Date.now() + 150_000;
  for (;;) {
    try {
      if ((await fetch(base + "functions.json")).ok) break;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null) throw new Error(`npm start exited ${server.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start did not serve functions.json in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}, 160_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await exit;
  }
});

describe("npm start", () => {
  test("serves the preview at /", async () => {
    const page = await get("");
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/text\/html/);
    expect(page.text).toContain('src="preview.js"');
    expect(page.text).not.toContain("office.js"); // the preview runs on the fake host
    expect((await get("preview.js")).status).toBe(200);
  });

  test("serves the add-in pages with the npm copy of office.js", async () => {
    for (const html of ["taskpane.html", "functions.html"]) {
      const page = await get(html);
      expect(page.status).toBe(200);
      expect(page.text).toContain('src="office-js/office.js"');
      expect(page.text).not.toContain("appsforoffice.microsoft.com");
    }
    expect((await get("office-js/office.js")).status).toBe(200);
    // Host scripts office.js loads inside Excel come from the whole npm dist.
    expect((await get("office-js/excel-web-16.00.js")).status).toBe(200);
    expect((await get("functions.js")).status).toBe(200);
    expect((await get("taskpane.js")).status).toBe(200);
  });

  test("serves both metadata files, the manifest for this port and the icons", async () => {
    const en = await get("functions.json");
    const ja = await get("functions-ja.json");
    const enIds = (JSON.parse(en.text) as { functions: { id: string }[] }).functions.map((f) => f.id);
    expect(enIds.length).toBeGreaterThan(0);
    expect((JSON.parse(ja.text) as { functions: { id: string }[] }).functions.map((f) => f.id)).toEqual(enIds);
    const manifest = await get("manifest.xml");
    const port = new URL(base).port;
    expect(manifest.text).toContain(`https://localhost:${port}/taskpane.html`);
    expect(manifest.text).not.toContain("https://localhost:3000/");
    expect((await get("assets/icon-80.png")).status).toBe(200);
  });

  test("prints the sideloading steps", () => {
    expect(output).toContain(base);
    for (const words of ["Windows:", "macOS:", "Web:", "office-addin-dev-certs", "--https"]) expect(output).toContain(words);
  });

  test("stops on SIGTERM", async () => {
    server.kill("SIGTERM");
    expect(await exit).toBe(0);
  }, 20_000);
});
