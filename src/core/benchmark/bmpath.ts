/**
 * BMPATH (SPEC 3.1): the yearly benchmark path, a straight line from base_value (the 上位50 % level) at
 * base_fy to final_value (the 上位32.5 % level) at final_fy. Omitted years come from the active parameter
 * set: bm.base_fy (2025, an assumption — docs/decisions/103-base-fy-assumption.md) and bm.final_fy (2030).
 */
import type { D } from "../decimal";
import { fail } from "../errors";
import type { CalcContext, FunctionSpec } from "../spec";
import { paramNumber } from "./parameters-fn";

/**
 * A fiscal year must be a whole Western-calendar year within Excel's date range (1900–9999): a 令和 year
 * (7 for FY2025) or a two-digit year is a slip that a straight-line path would otherwise accept
 * (docs/decisions/801-bad-input-error-classes.md).
 */
export function checkYear(arg: string, y: D): D {
  if (!y.isInteger()) fail("NUM", "notInteger", { arg, value: y.toString() });
  if (y.lt(1900) || y.gt(9999)) fail("NUM", "notFiscalYear", { arg, value: y.toString() });
  return y;
}

export function bmPath(base: D, final: D, fy: D, baseFy: D, finalFy: D): D {
  checkYear("fiscal_year", fy);
  checkYear("base_fy", baseFy);
  checkYear("final_fy", finalFy);
  if (!baseFy.lt(finalFy)) fail("NUM", "yearOrder", { arg: "base_fy", value: baseFy.toString(), other: "final_fy", max: finalFy.toString() });
  if (fy.lt(baseFy) || fy.gt(finalFy)) {
    fail("NA", "yearOutsidePath", { arg: "fiscal_year", value: fy.toString(), min: baseFy.toString(), max: finalFy.toString() });
  }
  if (fy.eq(baseFy)) return base;
  if (fy.eq(finalFy)) return final;
  return base.add(final.sub(base).mul(fy.sub(baseFy)).div(finalFy.sub(baseFy)));
}

export const BMPATH: FunctionSpec = {
  name: "BMPATH",
  description: {
    en: "Benchmark path: the level in a fiscal year on the straight line from base_value at base_fy to final_value at final_fy.",
    ja: "BM推移：基準年度の水準から最終年度の水準までの直線上の、その年度の水準。",
  },
  result: "scalar",
  args: [
    { name: "base_value", ja: "基準水準", type: "number", domain: "nonNegative", description: { en: "Level at base_fy (the top-50 % level, t-CO2/t).", ja: "起点年度の水準（上位50%水準、t-CO2/t）。" } },
    { name: "final_value", ja: "最終水準", type: "number", domain: "nonNegative", description: { en: "Level at final_fy (the top-32.5 % level, t-CO2/t).", ja: "最終年度の水準（上位32.5%水準、t-CO2/t）。" } },
    { name: "fiscal_year", ja: "年度", type: "number", description: { en: "Fiscal year, e.g. 2027.", ja: "年度（例: 2027）。" } },
    {
      name: "base_fy",
      ja: "起点年度",
      type: "number",
      optional: true,
      description: { en: "First year of the path (default bm.base_fy, 2025: an assumption).", ja: "起点年度（省略時 bm.base_fy = 2025。仮定）。" },
    },
    { name: "final_fy", ja: "最終年度", type: "number", optional: true, description: { en: "Last year of the path (default bm.final_fy, 2030).", ja: "最終年度（省略時 bm.final_fy = 2030）。" } },
  ],
  compute: ([base, final, fy, baseFy, finalFy], ctx: CalcContext) =>
    bmPath(base as D, final as D, fy as D, (baseFy as D | undefined) ?? paramNumber(ctx, "bm.base_fy"), (finalFy as D | undefined) ?? paramNumber(ctx, "bm.final_fy")),
};
