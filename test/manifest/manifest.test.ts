/**
 * @jest-environment jsdom
 *
 * The manifest, checked offline (Microsoft's validator needs its online service: `npm run validate` is a
 * release step). jsdom's DOMParser is a strict, namespace-aware XML parser.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { checkManifest, NS, parseManifest } from "./check";

const ROOT = join(__dirname, "..", "..");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestTransform } = require("../../webpack.config.js") as { manifestTransform: (base: string) => (content: Buffer | string) => string };

/** PNG width and height from the IHDR chunk. */
function pngSize(file: string): [number, number] {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

describe("manifest.xml", () => {
  test("passes every offline check", () => {
    expect(checkManifest(xml)).toEqual([]);
  });

  test("is a shared-runtime Excel taskpane add-in with the ALCN namespace and Japanese overrides", () => {
    const { manifest } = parseManifest(xml);
    expect(manifest).toBeDefined();
    const res = manifest!.resources;
    expect(res.get("Functions.Namespace")?.value).toBe("ALCN");
    expect(res.get("Functions.Metadata.Url")?.element.tagName).toBe("bt:Url");
    expect(res.get("Functions.Metadata.Url")?.ja).toBe("https://localhost:3000/functions-ja.json");
    expect(res.get("Taskpane.Url")?.value).toBe("https://localhost:3000/taskpane.html");
    const runtime = manifest!.doc.getElementsByTagNameNS(NS.ov, "Runtime")[0];
    expect(runtime?.getAttribute("lifetime")).toBe("long");
    expect(runtime?.getAttribute("resid")).toBe("Taskpane.Url");
  });

  test("every icon it names exists in assets/ at its size", () => {
    const { manifest } = parseManifest(xml);
    const urls = [...manifest!.resources.values()].filter((r) => r.kind === "Images").map((r) => r.value);
    urls.push(...["IconUrl", "HighResolutionIconUrl"].map((n) => manifest!.doc.getElementsByTagNameNS(NS.app, n)[0]?.getAttribute("DefaultValue") ?? ""));
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const url of urls) {
      const m = /\/assets\/icon-(\d+)\.png$/.exec(url);
      expect(m).not.toBeNull();
      const size = Number(m![1]);
      expect(pngSize(join(ROOT, "assets", `icon-${size}.png`))).toEqual([size, size]);
    }
  });

  describe("the checks catch broken manifests", () => {
    const broken: [string, string, RegExp][] = [
      ["malformed XML", xml.replace("</Hosts>", "</Host>"), /not well-formed/],
      ["a dangling resid", xml.replace('resid="TaskpaneButton.Tooltip"', 'resid="No.Such.String"'), /does not resolve/],
      ["a resource without bt: prefix", xml.replace(/<bt:Url id="Functions.Script.Url" DefaultValue="([^"]+)"\/>/, '<Url id="Functions.Script.Url" DefaultValue="$1"/>'), /bt: prefix|does not resolve/],
      ["a ja-JP override without bt: prefix", xml.replace('<bt:Override Locale="ja-JP" Value="https://localhost:3000/functions-ja.json"/>', '<Override Locale="ja-JP" Value="https://localhost:3000/functions-ja.json"/>'), /bt:Override|functions-ja/],
      ["no SharedRuntime requirement", xml.replace('<Set Name="SharedRuntime" MinVersion="1.1"/>', ""), /SharedRuntime/],
      ["a short-lived runtime", xml.replace('lifetime="long"', 'lifetime="short"'), /lifetime="long"/],
      ["more permissions than needed", xml.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteMailbox</Permissions>"), /ReadWriteDocument/],
      ["no Japanese display name", xml.replace(/<Override Locale="ja-JP" Value="ALCN – [^"]*"\/>/, ""), /DisplayName/],
      ["a URL resid used as an image", xml.replace('<bt:Image size="16" resid="Icon.16x16"/>', '<bt:Image size="16" resid="Taskpane.Url"/>'), /expected Images/],
      ["an http URL", xml.replace('DefaultValue="https://localhost:3000/functions.js"', 'DefaultValue="http://localhost:3000/functions.js"'), /https/],
    ];
    test.each(broken)("%s", (_name, bad, expected) => {
      expect(bad).not.toBe(xml);
      expect(checkManifest(bad).join("\n")).toMatch(expected);
    });
  });

  test("ALCN_BASE_URL moves every URL (and the AppDomain) to the production origin", () => {
    const moved = manifestTransform("https://addin.example.co.jp/alcn")(xml);
    expect(moved).not.toMatch(/localhost:3000/);
    expect(moved).toContain("<AppDomain>https://addin.example.co.jp</AppDomain>");
    expect(moved).toContain('Value="https://addin.example.co.jp/alcn/functions-ja.json"');
    expect(checkManifest(moved)).toEqual([]);
  });
});
