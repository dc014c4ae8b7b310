/**
 * SPEC 3.3 quantities of the follow-up: ROLLINGQTY (圧延量, the thickness-adjusted rolling quantity) and
 * WAVG (a weighted average: average plate thickness by weight, average furnace size by production).
 */
import { D } from "../decimal";
import { fail } from "../errors";
import type { FunctionSpec } from "../spec";

/**
 * 圧延量 = extrusion + sheet × [(1 − cold_share) + cold_share × (thickness / base_thickness)^exponent].
 * cold_share is a fraction in [0, 1] (cold-rolling energy ÷ total energy).
 */
export function rollingQty(extrusion: D, sheet: D, coldShare: D, thickness: D, baseThickness: D, exponent: D): D {
  if (coldShare.gt(1)) fail("NUM", "outOfRange", { arg: "cold_share", min: 0, max: 1, value: coldShare.toString() });
  if (baseThickness.isZero()) fail("DIV0", "zeroDivisor", { arg: "base_thickness" });
  const thicknessFactor = thickness.div(baseThickness).pow(exponent);
  const sheetFactor = coldShare.neg().plus(1).plus(coldShare.mul(thicknessFactor));
  return extrusion.plus(sheet.mul(sheetFactor));
}

/** Σ v·w ÷ Σ w. Sizes must match; weights are ≥ 0 (checked by the spec); Σ w = 0 → #DIV/0!. */
export function weightedAverage(values: readonly D[], weights: readonly D[]): D {
  if (values.length !== weights.length) fail("VALUE", "shapeMismatch", { arg: "values", other: "weights", a: values.length, b: weights.length });
  let sw = new D(0);
  let swv = new D(0);
  values.forEach((v, i) => {
    const w = weights[i] ?? new D(0);
    sw = sw.plus(w);
    swv = swv.plus(v.mul(w));
  });
  if (sw.isZero()) fail("DIV0", "zeroDivisor", { arg: "Σ weights" });
  return swv.div(sw);
}

export const ROLLINGQTY: FunctionSpec = {
  name: "ROLLINGQTY",
  description: {
    en: "Rolling-adjusted quantity: extrusion + sheet × [(1 − cold_share) + cold_share × (thickness ÷ base_thickness)^exponent].",
    ja: "圧延量：押出量 + 板生産量 ×［(1 − 冷延比率) + 冷延比率 ×（板厚 ÷ 基準板厚）^指数］。",
  },
  result: "scalar",
  args: [
    { name: "extrusion", ja: "押出量", type: "number", domain: "nonNegative", description: { en: "Extrusion output (t).", ja: "押出製品の生産量（t）。" } },
    { name: "sheet", ja: "板生産量", type: "number", domain: "nonNegative", description: { en: "Sheet (rolled) output (t).", ja: "板（圧延品）の生産量（t）。" } },
    {
      name: "cold_share",
      ja: "冷延比率",
      type: "number",
      domain: "nonNegative",
      description: { en: "Cold-rolling energy ÷ total energy, a fraction from 0 to 1.", ja: "冷間圧延のエネルギー ÷ 全エネルギー（0〜1 の割合）。" },
    },
    { name: "thickness", ja: "平均板厚", type: "number", domain: "positive", description: { en: "Average plate thickness of the year (mm).", ja: "当年度の平均板厚（mm）。" } },
    { name: "base_thickness", ja: "基準板厚", type: "number", domain: "nonNegative", description: { en: "Base-year average plate thickness (mm).", ja: "基準年度の平均板厚（mm）。" } },
    {
      name: "exponent",
      ja: "指数",
      type: "number",
      default: -0.5,
      description: { en: "Exponent of the thickness ratio; default −0.5.", ja: "板厚比の指数。省略時 −0.5。" },
    },
  ],
  compute: ([extrusion, sheet, cold, thickness, base, exponent]) => rollingQty(extrusion as D, sheet as D, cold as D, thickness as D, base as D, exponent as D),
};

export const WAVG: FunctionSpec = {
  name: "WAVG",
  description: {
    en: "Weighted average: Σ value × weight ÷ Σ weight (e.g. average plate thickness by weight, average furnace size by production).",
    ja: "加重平均：Σ 値 × 重み ÷ Σ 重み（例：重量による平均板厚、生産量による平均炉サイズ）。",
  },
  result: "scalar",
  args: [
    { name: "values", ja: "値", type: "numbers", description: { en: "The values (a row, a column or a range).", ja: "値（行・列・範囲）。" } },
    { name: "weights", ja: "重み", type: "numbers", domain: "nonNegative", description: { en: "The weights, one per value (≥ 0).", ja: "重み（値と同じ個数、0 以上）。" } },
  ],
  compute: ([values, weights]) => weightedAverage(values as D[], weights as D[]),
};
