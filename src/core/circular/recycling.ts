/**
 * SPEC 3.4: recycling and Scope 3 (purchased ingot).
 * RECYCLEDSAVING = recycled_t × (primary_factor − recycled_factor) (t-CO2 avoided);
 * INGOTCO2 = primary_t × primary_factor + recycled_t × recycled_factor (t-CO2).
 * Omitted factors come from the active LCI edition ("lci.primary_ingot.co2" 12.71 and
 * "lci.recycled_ingot.co2" 0.303 t-CO2/t in jaa-lci), which a Parameters sheet may override.
 */
import { D } from "../decimal";
import { fail } from "../errors";
import type { ParameterStore } from "../parameters";
import type { FunctionSpec } from "../spec";

export const PRIMARY_PARAM = "lci.primary_ingot.co2";
export const RECYCLED_PARAM = "lci.recycled_ingot.co2";

/** A factor argument, or the parameter when it is omitted. */
export function lciFactor(params: ParameterStore, given: D | undefined, name: string): D {
  if (given !== undefined) return given;
  const r = params.resolve(name);
  const v = r.entry.value;
  if (v === null) fail("NA", "unpublished", { value: name, edition: r.edition });
  if (typeof v !== "number") fail("VALUE", "factorNotNumber", { value: name, edition: r.edition });
  return new D(v);
}

/** t-CO2 avoided by using recycled instead of primary ingot. */
export function recycledSaving(recycledT: D, primaryFactor: D, recycledFactor: D): D {
  return recycledT.mul(primaryFactor.minus(recycledFactor));
}

/** Scope 3 CO2 of purchased ingot. */
export function ingotCo2(primaryT: D, recycledT: D, primaryFactor: D, recycledFactor: D): D {
  return primaryT.mul(primaryFactor).plus(recycledT.mul(recycledFactor));
}

const PRIMARY_FACTOR = {
  name: "primary_factor",
  ja: "新地金係数",
  type: "number",
  domain: "nonNegative",
  optional: true,
  description: {
    en: "CO2 of primary ingot (t-CO2/t); default 12.71 (Japan Aluminium Association LCI data).",
    ja: "新地金の CO2 排出原単位（t-CO2/t）。省略時 12.71（日本アルミニウム協会 LCI データ）。",
  },
} as const;

const RECYCLED_FACTOR = {
  name: "recycled_factor",
  ja: "再生地金係数",
  type: "number",
  domain: "nonNegative",
  optional: true,
  description: {
    en: "CO2 of recycled ingot (t-CO2/t); default 0.303 (Japan Aluminium Association LCI data).",
    ja: "再生地金の CO2 排出原単位（t-CO2/t）。省略時 0.303（日本アルミニウム協会 LCI データ）。",
  },
} as const;

export const RECYCLEDSAVING: FunctionSpec = {
  name: "RECYCLEDSAVING",
  description: {
    en: "CO2 avoided by recycled ingot (t-CO2): recycled_t × (primary_factor − recycled_factor).",
    ja: "再生地金の使用による CO2 削減量（t-CO2）：再生地金量 ×（新地金係数 − 再生地金係数）。",
  },
  result: "scalar",
  args: [
    { name: "recycled_t", ja: "再生地金量", type: "number", domain: "nonNegative", description: { en: "Recycled ingot used (t).", ja: "再生地金の使用量（t）。" } },
    PRIMARY_FACTOR,
    RECYCLED_FACTOR,
  ],
  compute: ([recycled, pf, rf], ctx) =>
    recycledSaving(recycled as D, lciFactor(ctx.params, pf as D | undefined, PRIMARY_PARAM), lciFactor(ctx.params, rf as D | undefined, RECYCLED_PARAM)),
};

export const INGOTCO2: FunctionSpec = {
  name: "INGOTCO2",
  description: {
    en: "Scope 3 CO2 of purchased ingot (t-CO2): primary_t × primary_factor + recycled_t × recycled_factor.",
    ja: "購入地金の Scope 3 排出量（t-CO2）：新地金量 × 新地金係数 + 再生地金量 × 再生地金係数。",
  },
  result: "scalar",
  args: [
    { name: "primary_t", ja: "新地金量", type: "number", domain: "nonNegative", description: { en: "Primary ingot purchased (t).", ja: "新地金の購入量（t）。" } },
    { name: "recycled_t", ja: "再生地金量", type: "number", domain: "nonNegative", description: { en: "Recycled ingot purchased (t).", ja: "再生地金の購入量（t）。" } },
    PRIMARY_FACTOR,
    RECYCLED_FACTOR,
  ],
  compute: ([primary, recycled, pf, rf], ctx) =>
    ingotCo2(
      primary as D,
      recycled as D,
      lciFactor(ctx.params, pf as D | undefined, PRIMARY_PARAM),
      lciFactor(ctx.params, rf as D | undefined, RECYCLED_PARAM),
    ),
};
