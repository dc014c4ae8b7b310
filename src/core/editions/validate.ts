import type { Edition, EditionKind, ParamEntry } from "./types";

const KINDS: readonly EditionKind[] = ["benchmark", "factors", "lci"];

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Check an edition read from JSON (a shipped file, a user's file or a Parameters sheet). Throws on a malformed one. */
export function parseEdition(json: unknown): Edition {
  if (!isObj(json)) throw new TypeError("edition: not an object");
  const { id, kind, validFrom, title, values } = json;
  if (typeof id !== "string" || id === "") throw new TypeError("edition: id missing");
  if (typeof kind !== "string" || !KINDS.includes(kind as EditionKind)) throw new TypeError(`edition ${id}: kind must be one of ${KINDS.join(", ")}`);
  if (typeof validFrom !== "string") throw new TypeError(`edition ${id}: validFrom missing`);
  if (!isObj(title) || typeof title.ja !== "string" || typeof title.en !== "string") throw new TypeError(`edition ${id}: title.ja/en missing`);
  if (!isObj(values)) throw new TypeError(`edition ${id}: values missing`);
  for (const [name, e] of Object.entries(values)) {
    if (!isObj(e)) throw new TypeError(`edition ${id}: ${name} is not an object`);
    const v = e.value;
    const okValue =
      v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v)) || (Array.isArray(v) && v.every((x) => typeof x === "number" && Number.isFinite(x)));
    if (!okValue) throw new TypeError(`edition ${id}: ${name}.value must be a number, text, a list of numbers or null`);
    if (typeof e.unit !== "string") throw new TypeError(`edition ${id}: ${name}.unit missing`);
    if (typeof e.assumption !== "boolean") throw new TypeError(`edition ${id}: ${name}.assumption missing`);
    if (!isObj(e.source) || typeof e.source.document !== "string") throw new TypeError(`edition ${id}: ${name}.source.document missing`);
  }
  return { id, kind: kind as EditionKind, validFrom, title: { ja: title.ja, en: title.en }, values: values as Record<string, ParamEntry> };
}
