/**
 * PRICEBAND (SPEC 3.1): the GX-ETS price band in JPY/t-CO2. FY2026 lower 1,700 / upper 4,300; each later
 * year × 1.03, i.e. value(fy) = value(2026) × 1.03^(fy − 2026), exact (no yearly rounding:
 * docs/decisions/107-priceband-rounding.md). All four constants come from the active parameter set
 * (bm.price.base_fy, bm.price.lower, bm.price.upper, bm.price.growth_pct).
 */
import { D } from "../decimal";
import { fail } from "../errors";
import type { CalcContext, FunctionSpec } from "../spec";
import { paramNumber } from "./parameters-fn";
import { checkYear } from "./bmpath";

export type Bound = "upper" | "lower";

export function priceBand(fy: D, bound: Bound, ctx: CalcContext): D {
  checkYear("fiscal_year", fy);
  const first = checkYear("bm.price.base_fy", paramNumber(ctx, "bm.price.base_fy"));
  if (fy.lt(first)) fail("NA", "priceYear", { min: first.toString(), value: fy.toString() });
  const start = paramNumber(ctx, bound === "upper" ? "bm.price.upper" : "bm.price.lower");
  // A Parameters sheet can hold any number: a negative price or a fall of 100 % or more is out of domain.
  if (start.lt(0)) fail("NUM", "negative", { arg: bound === "upper" ? "bm.price.upper" : "bm.price.lower", value: start.toString() });
  const growthPct = paramNumber(ctx, "bm.price.growth_pct");
  if (growthPct.lte(-100)) fail("NUM", "outOfRange", { arg: "bm.price.growth_pct", min: -100, max: "∞", value: growthPct.toString() });
  const growth = new D(1).add(growthPct.div(100));
  return start.mul(growth.pow(fy.sub(first)));
}

export const PRICEBAND: FunctionSpec = {
  name: "PRICEBAND",
  description: {
    en: "GX-ETS price band (JPY/t-CO2): FY2026 lower 1,700 / upper 4,300, each later year × 1.03 (not rounded).",
    ja: "GX-ETS 上下限価格（円/t-CO2）：2026年度 下限1,700・上限4,300、以降毎年度 ×1.03（丸めなし）。",
  },
  result: "scalar",
  args: [
    { name: "fiscal_year", ja: "年度", type: "number", description: { en: "Fiscal year, 2026 or later.", ja: "年度（2026以降）。" } },
    {
      name: "bound",
      ja: "上限下限",
      type: "text",
      optional: true,
      options: ["upper", "lower"],
      default: "upper",
      description: { en: "\"upper\" (default) or \"lower\".", ja: "\"upper\"（上限、既定）または \"lower\"（下限）。" },
    },
  ],
  compute: ([fy, bound], ctx) => priceBand(fy as D, bound as Bound, ctx),
};
