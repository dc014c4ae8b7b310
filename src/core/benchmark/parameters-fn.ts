/**
 * SPEC 3.5: PARAM and EDITION, and the helpers the benchmark functions use to read the active
 * parameter set (an edition, or a workbook's Parameters sheet via ParameterStore.setOverrides).
 *
 * Benchmark parameter names (edition meti-al-2025-10-draft, see docs/notes/benchmark.md):
 *   bm.baseline_years, bm.baseline.annual_days, bm.base_pct, bm.final_pct, bm.base_fy, bm.final_fy,
 *   bm.reg.form, bm.reg.coefs, bm.reg.avg_size, bm.reg.avg_charges, bm.target.up, bm.target.down,
 *   bm.rounding, bm.credit_cap_pct, bm.rebase_threshold_pct, bm.price.base_fy, bm.price.lower,
 *   bm.price.upper, bm.price.growth_pct.
 */
import { D } from "../decimal";
import type { EditionKind, ParamEntry, ParamValue } from "../editions";
import { fail } from "../errors";
import { cellsOf } from "../input";
import type { CalcContext, FunctionSpec } from "../spec";
import { type CellArg, isBlank, isCellError, type OutScalar } from "../values";

type Present = Exclude<ParamValue, null>;

function asNumber(name: string, v: Present): D {
  if (typeof v === "number") return new D(v);
  if (Array.isArray(v) && v.length === 1 && typeof v[0] === "number") return new D(v[0]);
  return fail("VALUE", "paramType", { value: name, expected: "number" });
}

/** A numeric parameter; unset/unpublished/unknown → #N/A. */
export function paramNumber(ctx: CalcContext, name: string): D {
  return asNumber(name, ctx.params.value(name));
}

/** A numeric parameter if set, else undefined (an unknown name is also undefined). */
export function paramNumberOrUndefined(ctx: CalcContext, name: string): D | undefined {
  const v = ctx.params.valueOrUndefined(name);
  return v === undefined ? undefined : asNumber(name, v);
}

/** A list-of-numbers parameter if set (a single number is a list of one), else undefined. */
export function paramListOrUndefined(ctx: CalcContext, name: string): D[] | undefined {
  const v = ctx.params.valueOrUndefined(name);
  if (v === undefined) return undefined;
  if (typeof v === "number") return [new D(v)];
  if (Array.isArray(v)) return v.map((x: number) => new D(x));
  return fail("VALUE", "paramType", { value: name, expected: "numbers" });
}

/** A text parameter if set, else undefined. */
export function paramTextOrUndefined(ctx: CalcContext, name: string): string | undefined {
  const v = ctx.params.valueOrUndefined(name);
  if (v === undefined) return undefined;
  if (typeof v === "string") return v.trim();
  return fail("VALUE", "paramType", { value: name, expected: "text" });
}

/** PARAM: the value of a parameter; a list (e.g. bm.reg.coefs) spills as a row. */
export const PARAM: FunctionSpec = {
  name: "PARAM",
  description: {
    en: "The value of a parameter from the active parameter set or a named edition (e.g. \"bm.final_pct\").",
    ja: "パラメータの値（有効なパラメータセットまたは指定したエディションから。例: \"bm.final_pct\"）。",
  },
  result: "array",
  args: [
    { name: "name", ja: "名前", type: "text", description: { en: "Parameter name, e.g. \"bm.final_pct\".", ja: "パラメータ名（例: \"bm.final_pct\"）。" } },
    {
      name: "edition",
      ja: "エディション",
      type: "text",
      optional: true,
      description: { en: "Edition id (default: the active parameter set).", ja: "エディションID（省略時は有効なパラメータセット）。" },
    },
  ],
  compute: ([name, edition], ctx) => {
    const v = ctx.params.value(name as string, edition as string | undefined);
    if (Array.isArray(v)) {
      if (v.length === 0) fail("NA", "unpublished", { value: name as string, edition: (edition as string | undefined) ?? "" });
      return [v.map((x: number): OutScalar => x)];
    }
    return [[v as number | string]];
  },
};

const KINDS: readonly EditionKind[] = ["benchmark", "factors", "lci"];

/** EDITION: the id of the active edition of a kind. */
export const EDITION: FunctionSpec = {
  name: "EDITION",
  description: {
    en: "The id of the active edition of a kind (\"benchmark\" by default, \"factors\", \"lci\").",
    ja: "有効なエディションのID（種類: \"benchmark\"（既定）、\"factors\"、\"lci\"）。",
  },
  result: "scalar",
  args: [
    {
      name: "kind",
      ja: "種類",
      type: "text",
      optional: true,
      options: KINDS,
      default: "benchmark",
      description: { en: "\"benchmark\" (default), \"factors\" or \"lci\".", ja: "\"benchmark\"（既定）、\"factors\"、\"lci\"。" },
    },
  ],
  compute: ([kind], ctx) => {
    const id = ctx.params.activeEdition(kind as EditionKind);
    if (id === undefined) fail("NA", "unknownEdition", { value: kind as string, allowed: ctx.params.editionIds().join(", ") });
    return id;
  },
};

/**
 * Overrides for ParameterStore.setOverrides from a Parameters sheet: each named cell (or range) by its
 * parameter name, e.g. { "bm.reg.coefs": [[1.2, -0.01, -0.05]], "bm.reg.form": "power", "bm.reg.avg_size": 21 }.
 * One number → number; text → trimmed text; a range of several cells → list of numbers (blank cells dropped);
 * a blank cell → null (not set, so functions answer #N/A as for an unpublished value). A range mixing text,
 * errors or booleans is rejected (TypeError) so the taskpane can point at the cell.
 */
export function overridesFromCells(cells: Readonly<Record<string, CellArg>>, source = "Parameters sheet"): Record<string, ParamEntry> {
  const out: Record<string, ParamEntry> = {};
  for (const [name, raw] of Object.entries(cells)) {
    const flat = cellsOf(raw).filter((c) => !isBlank(c));
    let value: ParamValue;
    if (flat.length === 0) value = null;
    else if (flat.length === 1 && typeof flat[0] === "string") value = flat[0].trim();
    else if (flat.every((c): c is number => typeof c === "number" && Number.isFinite(c))) {
      value = flat.length === 1 ? (flat[0] as number) : flat;
    } else {
      const bad = flat.find((c) => typeof c !== "number");
      throw new TypeError(`${name}: ${isCellError(bad) ? bad.code : JSON.stringify(bad)} is not a number`);
    }
    out[name] = { value, unit: "", assumption: false, source: { document: source, note: name } };
  }
  return out;
}
