/**
 * BALANCE (SPEC 3.1): allowance + min(credits, cap × emissions) − emissions, where the credit cap
 * (J-credits / JCM: at most 10 % of verified emissions) is bm.credit_cap_pct of the active parameter set.
 * Positive: surplus (余剰); negative: shortfall (不足) to buy.
 */
import { D } from "../decimal";
import { fail } from "../errors";
import type { CalcContext, FunctionSpec } from "../spec";
import { paramNumber } from "./parameters-fn";

export function balance(allowance: D, emissions: D, credits: D, capPct: D): D {
  // A Parameters sheet can hold any number; a cap outside 0–100 % would count credits wrongly without a sign.
  if (capPct.lt(0) || capPct.gt(100)) fail("NUM", "outOfRange", { arg: "bm.credit_cap_pct", min: 0, max: 100, value: capPct.toString() });
  const cap = emissions.mul(capPct).div(100);
  return allowance.add(D.min(credits, cap)).sub(emissions);
}

export const BALANCE: FunctionSpec = {
  name: "BALANCE",
  description: {
    en: "Balance: allowance + min(credits, 10 % of emissions) − emissions (t-CO2); negative is a shortfall.",
    ja: "過不足：割当量 ＋ min(クレジット, 排出量の10%) − 排出量（t-CO2）。負は不足。",
  },
  result: "scalar",
  args: [
    { name: "allowance", ja: "割当量", type: "number", domain: "nonNegative", description: { en: "Allocation (t-CO2).", ja: "割当量（t-CO2）。" } },
    { name: "emissions", ja: "排出量", type: "number", domain: "nonNegative", description: { en: "Verified emissions (t-CO2).", ja: "検証済排出量（t-CO2）。" } },
    {
      name: "credits",
      ja: "クレジット",
      type: "number",
      optional: true,
      domain: "nonNegative",
      default: 0,
      description: { en: "J-credits / JCM to surrender (t-CO2), capped at bm.credit_cap_pct of emissions.", ja: "使用する J-クレジット・JCM（t-CO2）。排出量の bm.credit_cap_pct が上限。" },
    },
  ],
  compute: ([a, e, c], ctx: CalcContext) => balance(a as D, e as D, c as D, paramNumber(ctx, "bm.credit_cap_pct")),
};
