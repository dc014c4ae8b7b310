/**
 * SPEC 3.2: 省エネ法 crude-oil equivalent and electricity CO2.
 * TOCRUDE(gj) = GJ × 0.0258 kL/GJ; FROMCRUDE(kl) = kL ÷ 0.0258 (GJ); ELECCO2 = kWh × kg-CO2/kWh ÷ 1000 (t-CO2).
 * The coefficient is the parameter "shoene.crude_kl_per_gj" of the factors edition (a Parameters sheet may override it).
 */
import { D } from "../decimal";
import { fail } from "../errors";
import type { ParameterStore } from "../parameters";
import type { FunctionSpec } from "../spec";

export const CRUDE_PARAM = "shoene.crude_kl_per_gj";

/** The crude-oil coefficient (kL per GJ) from the active parameters. */
export function crudeCoefficient(params: ParameterStore): D {
  const r = params.resolve(CRUDE_PARAM);
  const v = r.entry.value;
  if (v === null) fail("NA", "unpublished", { value: CRUDE_PARAM, edition: r.edition });
  if (typeof v !== "number") fail("VALUE", "factorNotNumber", { value: CRUDE_PARAM, edition: r.edition });
  if (!(v > 0)) fail("NUM", "notPositive", { arg: CRUDE_PARAM, value: v });
  return new D(v);
}

/** kL of crude oil equivalent to gj GJ. */
export function toCrude(gj: D, klPerGj: D): D {
  return gj.mul(klPerGj);
}

/** GJ equivalent to kl kL of crude oil. */
export function fromCrude(kl: D, klPerGj: D): D {
  return kl.div(klPerGj);
}

/** t-CO2 of electricity: kWh × factor (kg-CO2/kWh) ÷ 1000. */
export function elecCo2(kwh: D, kgPerKwh: D): D {
  return kwh.mul(kgPerKwh).div(1000);
}

export const TOCRUDE: FunctionSpec = {
  name: "TOCRUDE",
  description: {
    en: "Crude-oil equivalent (kL) of an energy amount under the Energy Conservation Act: GJ × 0.0258.",
    ja: "省エネ法の原油換算（kL）：熱量（GJ）× 0.0258。",
  },
  result: "scalar",
  args: [{ name: "gj", ja: "熱量", type: "number", domain: "nonNegative", description: { en: "Energy (GJ).", ja: "熱量（GJ）。" } }],
  compute: ([gj], ctx) => toCrude(gj as D, crudeCoefficient(ctx.params)),
};

export const FROMCRUDE: FunctionSpec = {
  name: "FROMCRUDE",
  description: {
    en: "Energy (GJ) of a crude-oil equivalent under the Energy Conservation Act: kL ÷ 0.0258.",
    ja: "省エネ法の原油換算量（kL）から熱量（GJ）へ：kL ÷ 0.0258。",
  },
  result: "scalar",
  args: [{ name: "kl", ja: "原油換算量", type: "number", domain: "nonNegative", description: { en: "Crude-oil equivalent (kL).", ja: "原油換算量（kL）。" } }],
  compute: ([kl], ctx) => fromCrude(kl as D, crudeCoefficient(ctx.params)),
};

export const ELECCO2: FunctionSpec = {
  name: "ELECCO2",
  description: {
    en: "CO2 of purchased electricity (t-CO2): kWh × factor (kg-CO2/kWh) ÷ 1000.",
    ja: "購入電力の CO2 排出量（t-CO2）：電力量（kWh）× 排出係数（kg-CO2/kWh）÷ 1000。",
  },
  result: "scalar",
  args: [
    { name: "kwh", ja: "電力量", type: "number", domain: "nonNegative", description: { en: "Electricity used (kWh).", ja: "電力使用量（kWh）。" } },
    {
      name: "factor",
      ja: "排出係数",
      type: "number",
      domain: "nonNegative",
      description: {
        en: "Emission factor in kg-CO2/kWh (e.g. 0.441; a factor listed as 0.000441 t-CO2/kWh is 0.441 kg-CO2/kWh).",
        ja: "排出係数（kg-CO2/kWh。例 0.441。t-CO2/kWh で 0.000441 と公表された値は 0.441 と入力）。",
      },
    },
  ],
  compute: ([kwh, factor]) => elecCo2(kwh as D, factor as D),
};
