/** The formula builder's pure part: searching the catalogue and writing the formula text. */
import type { FunctionSpec } from "../../../core";
import { qualified } from "../audit/actions";

const fold = (s: string): string => s.normalize("NFKC").toLowerCase();

/** Functions whose name, meaning (ja and en) or argument names contain every word of the query; names first. */
export function searchFunctions(catalogue: readonly FunctionSpec[], query: string, lang: "ja" | "en"): FunctionSpec[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return catalogue.slice();
  const scored: { f: FunctionSpec; score: number }[] = [];
  for (const f of catalogue) {
    const name = fold(f.name);
    const text = [f.description.ja, f.description.en, ...f.args.flatMap((a) => [a.name, a.ja])].map(fold).join(" ");
    if (!words.every((w) => name.includes(w) || text.includes(w))) continue;
    const first = words[0] as string;
    const score = name === first ? 0 : name.startsWith(first) ? 1 : name.includes(first) ? 2 : fold(f.description[lang]).includes(first) ? 3 : 4;
    scored.push({ f, score });
  }
  return scored.sort((a, b) => a.score - b.score).map((s) => s.f);
}

const REF = /^(?:(?:'[^']+'|[^\s!'"(),]+)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** One argument as formula text: a bare word for a text argument is quoted ("linear"); references are qualified when on another sheet. */
function argText(spec: FunctionSpec, i: number, text: string, sheet: string | undefined, target: string | undefined): string {
  const t = text.trim();
  if (t === "") return "";
  if (sheet !== undefined && REF.test(t) && !t.includes("!")) return sheet === target ? t : qualified(sheet, t);
  const a = spec.args[i];
  if (a?.type !== "text") return t;
  // a text argument typed as a bare word (linear, A重油, kerosene) is text; references, numbers, quoted
  // text, expressions and workbook names in the ALCN_X style are left as typed
  const keep = REF.test(t) || NUMBER.test(t) || /^["=({]/.test(t) || /[()&]/.test(t) || /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(t);
  if (!keep) return `"${t.replace(/"/g, '""')}"`;
  return t;
}

/** =ALCN.NAME(a, , c): trailing omitted arguments are dropped, inner ones left empty. */
export function buildFormula(spec: FunctionSpec | string, texts: readonly string[], sheets: readonly (string | undefined)[], targetSheet: string | undefined): string {
  const s: FunctionSpec = typeof spec === "string" ? { name: spec, description: { ja: "", en: "" }, result: "scalar", args: [], compute: () => 0 } : spec;
  const target = targetSheet ?? mostCommon(sheets);
  const parts = texts.map((t, i) => argText(s, i, t, sheets[i], target));
  while (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  return `=ALCN.${s.name}(${parts.join(",")})`;
}

function mostCommon(xs: readonly (string | undefined)[]): string | undefined {
  const n = new Map<string, number>();
  for (const x of xs) if (x !== undefined) n.set(x, (n.get(x) ?? 0) + 1);
  let best: string | undefined;
  for (const [k, v] of n) if (best === undefined || v > (n.get(best) ?? 0)) best = k;
  return best;
}
