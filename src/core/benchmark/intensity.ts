import type { D } from "../decimal";
import { fail } from "../errors";
import type { FunctionSpec } from "../spec";

/** 排出原単位 = emissions ÷ activity (t-CO2/t). */
export function intensity(emissions: D, activity: D): D {
  if (activity.isZero()) fail("DIV0", "zeroDivisor", { arg: "activity" });
  return emissions.div(activity);
}

export const INTENSITY: FunctionSpec = {
  name: "INTENSITY",
  description: {
    en: "Emission intensity: emissions divided by activity (t-CO2/t).",
    ja: "排出原単位：排出量 ÷ 活動量（t-CO2/t）。",
  },
  result: "scalar",
  args: [
    { name: "emissions", ja: "排出量", type: "number", domain: "nonNegative", description: { en: "Emissions (t-CO2).", ja: "排出量（t-CO2）。" } },
    { name: "activity", ja: "活動量", type: "number", domain: "nonNegative", description: { en: "Activity, e.g. production (t).", ja: "活動量（生産量など、t）。" } },
  ],
  compute: ([e, a]) => intensity(e as D, a as D),
};
