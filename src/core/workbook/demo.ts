/**
 * The fictional demo company of `alcn template`, `npm run demo` and the preview: 北斗アルミ圧延株式会社
 * (Hokuto Aluminium Rolling Co.), a mid-sized sheet and extrusion maker with five melting furnaces.
 * Every figure is invented but of a plausible order (melting furnaces of 15–60 t, 0.3–0.8 casts per hour,
 * ≈ 0.3–0.5 t-CO2 per t of slab/billet). The regression and the benchmark levels are NOT published by
 * METI yet: the values below are placeholders flagged as assumptions on the Parameters sheet.
 */
import type { AllowanceInputs } from "./allowance";
import type { FollowupInputs } from "./followup";
import type { IndustryInputs } from "./industry";

export const DEMO_ALLOWANCE: AllowanceInputs = {
  company: { ja: "北斗アルミ圧延株式会社（架空）", en: "Hokuto Aluminium Rolling Co. (fictional)" },
  fiscalYear: 2026,
  furnaces: [
    { id: "M-1", capacity_t: 60, charges_per_h: 0.8, emissions_t: 21400, semi_t: 68200 },
    { id: "M-2", capacity_t: 45, charges_per_h: 0.65, emissions_t: 15800, semi_t: 45100 },
    { id: "M-3", capacity_t: 30, charges_per_h: 0.5, emissions_t: 9900, semi_t: 24800 },
    { id: "E-1", capacity_t: 25, charges_per_h: 0.45, emissions_t: 7300, semi_t: 17600 },
    { id: "E-2", capacity_t: 15, charges_per_h: 0.3, emissions_t: 4100, semi_t: 8300 },
  ],
  regression: {
    form: "power",
    coefs: [-0.35, -0.18, -0.22],
    avgSize: 35,
    avgCharges: 0.55,
    source: {
      ja: "デモ用の仮の値（業界回帰式は未公表）。協会公表後に置き換えること",
      en: "Demo placeholder (the industry regression is not published); replace with the association's values",
    },
  },
  products: [
    {
      side: "up",
      name: { ja: "スラブ", en: "Slab" },
      baseline: [113500, 117900, 115200],
      statuses: ["normal", "normal", "normal"],
      days: [null, null, null],
      target: { base: 0.42, final: 0.36 },
    },
    {
      side: "up",
      name: { ja: "ビレット", en: "Billet" },
      baseline: [24100, 19800, 25900],
      statuses: ["normal", "disaster", "normal"],
      days: [null, null, null],
      target: { base: 0.47, final: 0.4 },
    },
    {
      side: "down",
      name: { ja: "板製品（圧延）", en: "Rolled sheet" },
      baseline: [86400, 88900, 90300],
      statuses: ["normal", "normal", "normal"],
      days: [null, null, null],
      target: { base: 0.28, final: 0.24 },
    },
    {
      side: "down",
      name: { ja: "押出製品", en: "Extrusions" },
      baseline: [null, null, 12600],
      statuses: ["none", "none", "opening"],
      days: [null, null, 219],
      target: { base: 0.33, final: 0.29 },
    },
  ],
  expectedEmissions: [
    { fy: 2026, emissions: 93500, credits: 2000 },
    { fy: 2027, emissions: 93500, credits: 2000 },
    { fy: 2028, emissions: 91000, credits: 3000 },
    { fy: 2029, emissions: 89000, credits: 3000 },
    { fy: 2030, emissions: 86000, credits: 4000 },
  ],
};

export const DEMO_FOLLOWUP: FollowupInputs = {
  organisation: { ja: "北斗アルミ圧延株式会社（架空）", en: "Hokuto Aluminium Rolling Co. (fictional)" },
  columns: [
    { kind: "base", fy: 2013, co2: 142000, production: 231000, energyTJ: 2210, electricityMWh: 182000, emissionFactor: 0.57 },
    { kind: "target", fy: 2030, co2: 98000, production: 240000, energyTJ: 1990, electricityMWh: 176000, emissionFactor: 0.37 },
    { kind: "actual", fy: 2023, co2: 118500, production: 226400, energyTJ: 2080, electricityMWh: 171500, emissionFactor: 0.45 },
    { kind: "actual", fy: 2024, co2: 113900, production: 229800, energyTJ: 2050, electricityMWh: 170200, emissionFactor: 0.43 },
    { kind: "outlook", fy: 2025, co2: 110000, production: 232000, energyTJ: 2030, electricityMWh: 169000, emissionFactor: 0.42 },
  ],
};

/**
 * A fictional industry furnace table (14 furnaces of member companies) for the template's industry sheet,
 * drawn around ln y = −0.35 − 0.18 ln size − 0.22 ln charges with a few % of scatter.
 */
export const DEMO_INDUSTRY: IndustryInputs = {
  source: {
    ja: "架空の業界炉データ（デモ用）。実際は協会が会員各社の炉別データから作成",
    en: "fictional industry furnace data (demo); in practice compiled by the association from members' furnaces",
  },
  furnaces: [
    { size: 12, charges: 0.3, intensity: 0.6107, production: 6100 },
    { size: 15, charges: 0.25, intensity: 0.5695, production: 8300 },
    { size: 18, charges: 0.45, intensity: 0.5093, production: 9800 },
    { size: 20, charges: 0.35, intensity: 0.5126, production: 12500 },
    { size: 25, charges: 0.5, intensity: 0.4736, production: 17600 },
    { size: 28, charges: 0.4, intensity: 0.4543, production: 19900 },
    { size: 30, charges: 0.6, intensity: 0.4318, production: 24800 },
    { size: 35, charges: 0.45, intensity: 0.4341, production: 31000 },
    { size: 40, charges: 0.7, intensity: 0.412, production: 38500 },
    { size: 45, charges: 0.55, intensity: 0.3929, production: 45100 },
    { size: 50, charges: 0.85, intensity: 0.3612, production: 52600 },
    { size: 60, charges: 0.65, intensity: 0.3782, production: 68200 },
    { size: 70, charges: 0.9, intensity: 0.329, production: 80400 },
    { size: 22, charges: 0.3, intensity: 0.5318, production: 14100 },
  ],
};
