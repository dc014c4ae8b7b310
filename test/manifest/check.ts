/**
 * Offline manifest checks (what `office-addin-manifest validate` cannot do without Microsoft's service).
 * Parses with the DOM's XML parser (jsdom's strict, namespace-aware parser in the tests) and returns the
 * list of problems, so the tests can show the checks also fail on broken manifests.
 */
export const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
} as const;

/** Which resource list a resid must resolve to, by the element that refers to it. */
const RESID_KIND: Record<string, "Images" | "Urls" | "ShortStrings" | "LongStrings" | "Strings"> = {
  Image: "Images",
  SourceLocation: "Urls",
  LearnMoreUrl: "Urls",
  FunctionFile: "Urls",
  Runtime: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "Strings",
};

const MAX_LENGTH = { ShortStrings: 125, LongStrings: 250 } as const;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

export interface ParsedManifest {
  readonly doc: Document;
  /** resource id → { kind, default value, ja-JP override } */
  readonly resources: Map<string, { kind: string; value: string; ja: string | undefined; element: Element }>;
}

function children(parent: Element, ns: string, local: string): Element[] {
  return Array.from(parent.children).filter((c) => c.namespaceURI === ns && c.localName === local);
}

function jaOverride(el: Element, ns: string): string | undefined {
  return children(el, ns, "Override").find((o) => o.getAttribute("Locale") === "ja-JP")?.getAttribute("Value") ?? undefined;
}

export function parseManifest(xml: string): { manifest?: ParsedManifest; problems: string[] } {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) return { problems: [`not well-formed XML: ${error.textContent ?? ""}`] };
  const problems: string[] = [];
  const resources = new Map<string, { kind: string; value: string; ja: string | undefined; element: Element }>();
  for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    for (const list of Array.from(doc.getElementsByTagNameNS(NS.bt, kind))) {
      for (const el of Array.from(list.children)) {
        if (el.namespaceURI !== NS.bt) problems.push(`<${el.tagName}> inside bt:${kind} is not in the bt: namespace`);
        const id = el.getAttribute("id");
        if (!id) {
          problems.push(`<${el.tagName}> inside bt:${kind} has no id`);
          continue;
        }
        if (resources.has(id)) problems.push(`resource id ${id} is declared twice`);
        const value = el.getAttribute("DefaultValue") ?? "";
        resources.set(id, { kind, value, ja: jaOverride(el, NS.bt), element: el });
        for (const o of Array.from(el.children)) {
          if (o.localName === "Override" && o.namespaceURI !== NS.bt) problems.push(`${id}: <${o.tagName}> must be bt:Override`);
        }
      }
    }
  }
  // Resource lists written without the bt: prefix are silently ignored by Office.
  for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings", "Url", "String", "Image"]) {
    for (const el of Array.from(doc.getElementsByTagNameNS(NS.ov, kind))) problems.push(`<${el.tagName}> must use the bt: prefix`);
  }
  return { manifest: { doc, resources }, problems };
}

/** Every offline check; an empty list means the manifest passes. */
export function checkManifest(xml: string): string[] {
  const { manifest, problems } = parseManifest(xml);
  if (!manifest) return problems;
  const { doc, resources } = manifest;
  const root = doc.documentElement;

  if (root.localName !== "OfficeApp" || root.namespaceURI !== NS.app) problems.push("root is not an appforoffice/1.1 OfficeApp");
  if (root.getAttributeNS(NS.xsi, "type") !== "TaskPaneApp") problems.push('OfficeApp xsi:type is not "TaskPaneApp"');
  const text = (local: string): string | undefined => children(root, NS.app, local)[0]?.textContent?.trim();

  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text("Id") ?? "")) problems.push("Id is not a GUID");
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(text("Version") ?? "")) problems.push("Version is not n.n.n.n");

  // Hosts: Excel only.
  const hosts = Array.from(doc.getElementsByTagNameNS(NS.app, "Host")).map((h) => h.getAttribute("Name"));
  if (hosts.length !== 1 || hosts[0] !== "Workbook") problems.push(`Hosts must be exactly Workbook, got ${hosts.join(",")}`);

  // Permissions: the least that writes formulas.
  if (text("Permissions") !== "ReadWriteDocument") problems.push(`Permissions must be ReadWriteDocument, got ${text("Permissions")}`);

  // Shared runtime requirement and a long-lived runtime.
  const shared = Array.from(doc.getElementsByTagNameNS(NS.app, "Set")).find((s) => s.getAttribute("Name") === "SharedRuntime");
  if (!shared || shared.getAttribute("MinVersion") !== "1.1") problems.push("Requirements lack <Set Name=\"SharedRuntime\" MinVersion=\"1.1\"/>");
  const cfRuntime = Array.from(doc.getElementsByTagNameNS(NS.app, "Set")).find((s) => s.getAttribute("Name") === "CustomFunctionsRuntime");
  if (!cfRuntime) problems.push("Requirements lack <Set Name=\"CustomFunctionsRuntime\" …/>");
  const runtimes = Array.from(doc.getElementsByTagNameNS(NS.ov, "Runtime"));
  if (runtimes.length !== 1 || runtimes[0]?.getAttribute("lifetime") !== "long") problems.push('exactly one <Runtime lifetime="long"> is required');
  const runtimeUrl = runtimes[0]?.getAttribute("resid");

  // Custom functions: namespace ALCN, page = the shared runtime, metadata with a ja-JP override.
  const cf = Array.from(doc.getElementsByTagNameNS(NS.ov, "ExtensionPoint")).find((e) => e.getAttributeNS(NS.xsi, "type") === "CustomFunctions");
  if (!cf) {
    problems.push("no CustomFunctions extension point");
  } else {
    const loc = (local: string): string | null | undefined => cf.getElementsByTagNameNS(NS.ov, local)[0]?.getElementsByTagNameNS(NS.ov, "SourceLocation")[0]?.getAttribute("resid");
    if (loc("Page") !== runtimeUrl) problems.push("the custom functions Page is not the shared runtime's page");
    const ns = cf.getElementsByTagNameNS(NS.ov, "Namespace")[0]?.getAttribute("resid");
    if (!ns || resources.get(ns)?.value !== "ALCN") problems.push("custom functions namespace is not ALCN");
    const meta = loc("Metadata");
    const metaRes = meta ? resources.get(meta) : undefined;
    if (!metaRes || metaRes.kind !== "Urls" || !metaRes.value.endsWith("/functions.json")) problems.push("Metadata must be a bt:Url to functions.json");
    else if (!metaRes.ja?.endsWith("/functions-ja.json")) problems.push("Metadata bt:Url lacks <bt:Override Locale=\"ja-JP\" …/functions-ja.json>");
    if (!resources.get(loc("Script") ?? "")?.value.endsWith("/functions.js")) problems.push("Script must point at functions.js");
  }
  const functionFile = doc.getElementsByTagNameNS(NS.ov, "FunctionFile")[0]?.getAttribute("resid");
  if (functionFile !== undefined && functionFile !== runtimeUrl) problems.push("FunctionFile is not the shared runtime's page");

  // Every resid resolves to a resource of the right kind.
  for (const el of Array.from(doc.getElementsByTagName("*"))) {
    const resid = el.getAttribute("resid");
    if (resid === null) continue;
    const res = resources.get(resid);
    if (!res) {
      problems.push(`resid "${resid}" on <${el.tagName}> does not resolve`);
      continue;
    }
    const want = RESID_KIND[el.localName];
    const ok = want === undefined || want === res.kind || (want === "Strings" && (res.kind === "ShortStrings" || res.kind === "LongStrings"));
    if (!ok) problems.push(`resid "${resid}" on <${el.tagName}> is a ${res.kind} resource, expected ${want}`);
    if (res.kind === "Images" && el.getAttribute("size") && !resources.get(resid)?.value.includes(`-${el.getAttribute("size")}.png`)) {
      problems.push(`image ${resid} used at size ${el.getAttribute("size")} points at ${res.value}`);
    }
  }

  // Lengths Office enforces, https everywhere, one origin.
  const origins = new Set<string>();
  for (const [id, res] of resources) {
    const limit = MAX_LENGTH[res.kind as keyof typeof MAX_LENGTH];
    for (const v of [res.value, res.ja]) if (limit && v !== undefined && v.length > limit) problems.push(`${id} is longer than ${limit} characters`);
    if (res.kind === "Images" || res.kind === "Urls") {
      if (!res.value.startsWith("https://")) problems.push(`${id} is not an https:// URL`);
      else origins.add(new URL(res.value).origin);
    }
  }
  for (const local of ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"]) {
    for (const el of Array.from(root.getElementsByTagNameNS(NS.app, local))) {
      const v = el.getAttribute("DefaultValue") ?? "";
      if (!v.startsWith("https://")) problems.push(`${local} is not an https:// URL`);
      else origins.add(new URL(v).origin);
    }
  }
  if (origins.size !== 1) problems.push(`URLs use more than one origin: ${[...origins].join(", ")}`);

  // Japanese: display name, description and the visible ribbon strings.
  for (const local of ["DisplayName", "Description"]) {
    const el = children(root, NS.app, local)[0];
    const ja = el ? jaOverride(el, NS.app) : undefined;
    if (!ja || !JAPANESE.test(ja)) problems.push(`${local} lacks a Japanese ja-JP override`);
    if ((el?.getAttribute("DefaultValue") ?? "").length > (local === "DisplayName" ? 125 : 250)) problems.push(`${local} is too long`);
  }
  for (const el of Array.from(doc.getElementsByTagNameNS(NS.ov, "Control"))) {
    for (const local of ["Label", "Description"]) {
      for (const ref of Array.from(el.getElementsByTagNameNS(NS.ov, local))) {
        const res = resources.get(ref.getAttribute("resid") ?? "");
        if (res && !(res.ja && JAPANESE.test(res.ja))) problems.push(`${ref.getAttribute("resid")} has no Japanese ja-JP override`);
      }
    }
  }
  return problems;
}
