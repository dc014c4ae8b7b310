/**
 * SPEC 3.2: Scope 1 CO2 of fuels with the SHK (温対法 算定省令) factors.
 * FUELCO2 = amount × GJ/unit × tC/GJ × 44/12 (t-CO2); FUELGJ = amount × GJ/unit (GJ);
 * FACTOR = one factor: "gj" (GJ/unit), "tc" (tC/GJ) or "co2" (= GJ/unit × tC/GJ × 44/12, t-CO2/unit).
 * Units of the amount follow the ordinance: kL for 灯油・A重油・B・C重油, t for LPG・LNG,
 * 千m³ (thousand cubic metres, at the edition's gas conditions) for 天然ガス・都市ガス.
 */
import type { D } from "../decimal";
import type { CalcContext, FunctionSpec } from "../spec";
import { carbonToCo2, editionIdOf, fuelFactor, fuelKeyOf } from "./fuels";

export type FactorKind = "gj" | "tc" | "co2";

/** The factor of a fuel by name: what = "gj" (GJ/unit), "tc" (tC/GJ), "co2" (t-CO2/unit). */
export function factorOf(ctx: CalcContext, fuel: string, what: FactorKind, edition?: string): D {
  const id = editionIdOf(ctx.params, edition);
  const key = fuelKeyOf(ctx.params, fuel, id);
  if (what === "gj") return fuelFactor(ctx.params, key, "gj", id);
  if (what === "tc") return fuelFactor(ctx.params, key, "tc", id);
  return carbonToCo2(fuelFactor(ctx.params, key, "gj", id).mul(fuelFactor(ctx.params, key, "tc", id)));
}

/** t-CO2 of an amount of fuel: amount × GJ/unit × tC/GJ × 44 ÷ 12 (one rounding, at the division). */
export function fuelCo2(ctx: CalcContext, amount: D, fuel: string, edition?: string): D {
  const id = editionIdOf(ctx.params, edition);
  const key = fuelKeyOf(ctx.params, fuel, id);
  const gj = fuelFactor(ctx.params, key, "gj", id);
  const tc = fuelFactor(ctx.params, key, "tc", id);
  return carbonToCo2(amount.mul(gj).mul(tc));
}

/** GJ of an amount of fuel: amount × GJ/unit. */
export function fuelGj(ctx: CalcContext, amount: D, fuel: string, edition?: string): D {
  const id = editionIdOf(ctx.params, edition);
  const key = fuelKeyOf(ctx.params, fuel, id);
  return amount.mul(fuelFactor(ctx.params, key, "gj", id));
}

const AMOUNT = {
  name: "amount",
  ja: "使用量",
  type: "number",
  domain: "nonNegative",
  description: {
    en: "Fuel used, in the ordinance's unit: kL (kerosene, fuel oil A, B/C), t (LPG, LNG), thousand m³ (natural gas, city gas).",
    ja: "燃料使用量（算定省令の単位）：kL（灯油・A重油・B・C重油）、t（LPG・LNG）、千m³（天然ガス・都市ガス）。",
  },
} as const;

const FUEL = {
  name: "fuel",
  ja: "燃料",
  type: "text",
  description: {
    en: "Fuel name: 灯油/kerosene, A重油/fuel oil A, B・C重油/fuel oil B/C, LPG, LNG, 天然ガス/natural gas, 都市ガス/city gas.",
    ja: "燃料の種類：灯油、A重油、B・C重油、LPG、LNG、天然ガス、都市ガス（英語名も可）。",
  },
} as const;

const EDITION = {
  name: "edition",
  ja: "エディション",
  type: "text",
  optional: true,
  description: {
    en: "Factor edition id, e.g. \"shk-2024\" (default: the active factors edition) or \"shk-h22\".",
    ja: "係数のエディション（例 \"shk-2024\"。省略時は有効な係数エディション。\"shk-h22\" は改正前の値）。",
  },
} as const;

export const FUELCO2: FunctionSpec = {
  name: "FUELCO2",
  description: {
    en: "Scope 1 CO2 of a fuel (t-CO2): amount × GJ/unit × tC/GJ × 44/12, with the SHK calculation ordinance factors.",
    ja: "燃料の燃焼による CO2 排出量（t-CO2）：使用量 × 単位発熱量 × 炭素排出係数 × 44/12（算定省令の係数）。",
  },
  result: "scalar",
  args: [AMOUNT, FUEL, EDITION],
  compute: ([amount, fuel, edition], ctx) => fuelCo2(ctx, amount as D, fuel as string, edition as string | undefined),
};

export const FUELGJ: FunctionSpec = {
  name: "FUELGJ",
  description: {
    en: "Heat of a fuel (GJ): amount × GJ/unit, with the SHK calculation ordinance factors.",
    ja: "燃料の熱量（GJ）：使用量 × 単位発熱量（算定省令の係数）。",
  },
  result: "scalar",
  args: [AMOUNT, FUEL, EDITION],
  compute: ([amount, fuel, edition], ctx) => fuelGj(ctx, amount as D, fuel as string, edition as string | undefined),
};

export const FACTOR: FunctionSpec = {
  name: "FACTOR",
  description: {
    en: "A fuel's SHK factor: \"gj\" heat value (GJ/unit), \"tc\" carbon factor (tC/GJ) or \"co2\" (t-CO2/unit = GJ × tC × 44/12).",
    ja: "燃料の算定省令の係数：\"gj\" 単位発熱量（GJ/単位）、\"tc\" 炭素排出係数（tC/GJ）、\"co2\" CO2 排出係数（t-CO2/単位 = GJ × tC × 44/12）。",
  },
  result: "scalar",
  args: [
    FUEL,
    {
      name: "what",
      ja: "係数",
      type: "text",
      options: ["gj", "tc", "co2"],
      description: {
        en: "\"gj\" (GJ/unit), \"tc\" (tC/GJ) or \"co2\" (t-CO2/unit).",
        ja: "\"gj\"（GJ/単位）、\"tc\"（tC/GJ）、\"co2\"（t-CO2/単位）。",
      },
    },
    EDITION,
  ],
  compute: ([fuel, what, edition], ctx) => factorOf(ctx, fuel as string, what as FactorKind, edition as string | undefined),
};
