/**
 * SPEC 3.3 DECOMPOSE (要因分析): the CO2 change between two years split along the identity
 *   C = A × (E/A) × (C/E)
 * (A activity, E energy, C CO2) into the effects of activity (経済活動量の変化), CO2 per energy
 * (CO2排出係数の変化) and energy per activity (経済活動量あたりのエネルギー使用量の変化), returned as the row
 * [activity, emission factor, energy intensity, total], each a fraction of co2_0.
 *
 * "lmdi" (default), additive LMDI-I (Ang 2005): effect_x = L(C1, C0) × ln(x1/x0) ÷ C0 with the logarithmic
 * mean L(a, b) = (a − b) / (ln a − ln b), L(a, a) = a. The three effects add up to total = (C1 − C0)/C0
 * (to the 40 significant digits of the Decimal; no residual). Zero values: co2_0 = 0 → #DIV/0! (the
 * fractions are of co2_0); any other zero → #NUM! (a logarithm of zero; see
 * docs/decisions/201-lmdi-zero-values.md). Negative values → #NUM!.
 *
 * "simple": each factor's own rate of change, A1/A0 − 1, (C1/E1)/(C0/E0) − 1, (E1/A1)/(E0/A0) − 1, and the
 * actual change C1/C0 − 1 as total; the three do not add up to the total (the interaction residual is
 * left in the total). Zero denominators → #DIV/0!; co2_1 = 0 is allowed.
 */
import type { D } from "../decimal";
import { fail } from "../errors";
import type { FunctionSpec } from "../spec";

export interface YearValues {
  readonly activity: D;
  readonly energy: D;
  readonly co2: D;
}

export type DecomposeMethod = "lmdi" | "simple";

/** The logarithmic mean L(a, b) = (a − b) / ln(a / b), L(a, a) = a (a, b > 0). */
export function logMean(a: D, b: D): D {
  if (a.eq(b)) return a;
  // Larger argument first, so that L(a, b) and L(b, a) round identically.
  const [hi, lo] = a.gt(b) ? [a, b] : [b, a];
  return hi.minus(lo).div(hi.div(lo).ln());
}

const NAMES = {
  activity0: "activity0",
  energy0: "energy0",
  co2_0: "co2_0",
  activity1: "activity1",
  energy1: "energy1",
  co2_1: "co2_1",
} as const;

/** Additive LMDI-I effects as fractions of co2_0: [activity, emission factor, energy intensity, total]. */
export function decomposeLmdi(y0: YearValues, y1: YearValues): [D, D, D, D] {
  if (y0.co2.isZero()) fail("DIV0", "zeroDivisor", { arg: NAMES.co2_0 });
  const zeros: [D, string][] = [
    [y0.activity, NAMES.activity0],
    [y0.energy, NAMES.energy0],
    [y1.activity, NAMES.activity1],
    [y1.energy, NAMES.energy1],
    [y1.co2, NAMES.co2_1],
  ];
  for (const [v, name] of zeros) if (v.isZero()) fail("NUM", "logOfZero", { arg: name });
  const c0 = y0.co2;
  const c1 = y1.co2;
  const lnActivity = y1.activity.div(y0.activity).ln();
  // (C1/E1)/(C0/E0) = C1·E0 / (C0·E1); (E1/A1)/(E0/A0) = E1·A0 / (E0·A1): the products are exact.
  const lnFactor = c1.mul(y0.energy).div(c0.mul(y1.energy)).ln();
  const lnIntensity = y1.energy.mul(y0.activity).div(y0.energy.mul(y1.activity)).ln();
  const weight = logMean(c1, c0).div(c0);
  return [weight.mul(lnActivity), weight.mul(lnFactor), weight.mul(lnIntensity), c1.minus(c0).div(c0)];
}

/** Each factor's own rate of change and the actual change rate of CO2. */
export function decomposeSimple(y0: YearValues, y1: YearValues): [D, D, D, D] {
  const denominators: [D, string][] = [
    [y0.co2, NAMES.co2_0],
    [y0.activity, NAMES.activity0],
    [y0.energy, NAMES.energy0],
    [y1.activity, NAMES.activity1],
    [y1.energy, NAMES.energy1],
  ];
  for (const [v, name] of denominators) if (v.isZero()) fail("DIV0", "zeroDivisor", { arg: name });
  const activity = y1.activity.div(y0.activity).minus(1);
  const factor = y1.co2.mul(y0.energy).div(y0.co2.mul(y1.energy)).minus(1);
  const intensity = y1.energy.mul(y0.activity).div(y0.energy.mul(y1.activity)).minus(1);
  const total = y1.co2.div(y0.co2).minus(1);
  return [activity, factor, intensity, total];
}

export function decompose(y0: YearValues, y1: YearValues, method: DecomposeMethod = "lmdi"): [D, D, D, D] {
  return method === "simple" ? decomposeSimple(y0, y1) : decomposeLmdi(y0, y1);
}

function valueArg(name: string, ja: string, en: string, jaDesc: string) {
  return { name, ja, type: "number", domain: "nonNegative", description: { en, ja: jaDesc } } as const;
}

export const DECOMPOSE: FunctionSpec = {
  name: "DECOMPOSE",
  description: {
    en: "Factor analysis of the CO2 change: a row [activity, emission factor, energy intensity, total] effects, each a fraction of co2_0.",
    ja: "要因分析：CO2 排出量の変化を [経済活動量の変化, CO2排出係数の変化, 経済活動量あたりのエネルギー使用量の変化, CO2排出量の変化] の1行で返します（基準年度排出量に対する割合）。",
  },
  result: "array",
  resultSize: () => ({ rows: 1, cols: 4 }),
  args: [
    valueArg("activity0", "活動量0", "Activity (e.g. production, t) in the base (or previous) year.", "基準年度（または前年度）の経済活動量（生産量 t など）。"),
    valueArg("energy0", "エネルギー0", "Energy use in the base year (e.g. TJ or kL crude-oil equivalent).", "基準年度のエネルギー使用量（TJ、原油換算 kL など）。"),
    valueArg("co2_0", "CO2_0", "CO2 emissions in the base year (t-CO2).", "基準年度の CO2 排出量（t-CO2）。"),
    valueArg("activity1", "活動量1", "Activity in the year analysed, same unit.", "対象年度の経済活動量（同じ単位）。"),
    valueArg("energy1", "エネルギー1", "Energy use in the year analysed, same unit.", "対象年度のエネルギー使用量（同じ単位）。"),
    valueArg("co2_1", "CO2_1", "CO2 emissions in the year analysed (t-CO2).", "対象年度の CO2 排出量（t-CO2）。"),
    {
      name: "method",
      ja: "方法",
      type: "text",
      options: ["lmdi", "simple"],
      default: "lmdi",
      description: {
        en: "\"lmdi\" (default: additive LMDI-I, the effects add up to the total) or \"simple\" (each factor's own change rate; the residual stays in the total).",
        ja: "\"lmdi\"（既定：加法型 LMDI-I。各要因の和が合計に一致）または \"simple\"（各要因の変化率。残差は合計に含まれる）。",
      },
    },
  ],
  compute: ([a0, e0, c0, a1, e1, c1, method]) => {
    const row = decompose(
      { activity: a0 as D, energy: e0 as D, co2: c0 as D },
      { activity: a1 as D, energy: e1 as D, co2: c1 as D },
      method as DecomposeMethod,
    );
    return [row];
  },
};

