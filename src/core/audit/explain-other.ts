/** Audit explainers for the emissions and follow-up functions (SPEC 3.2, 3.3). */
import { argText, paren } from "./native";
import { need, PlainError, plainEdition, PlainUnavailable, plainText } from "./plain";
import type { AuditStep, Explainer, PlainEnv } from "./types";

function step(steps: AuditStep[], ja: string, en: string, value: number | string): void {
  steps.push({ label: { ja, en }, value });
}

function nonNeg(x: number): number {
  if (x < 0) throw new PlainError("NUM");
  return x;
}

/** The audit's own fuel-name table (Japanese names are the parameter keys). */
const FUEL_ALIASES: Readonly<Record<string, string>> = {
  灯油: "灯油",
  kerosene: "灯油",
  a重油: "A重油",
  "a heavy oil": "A重油",
  "heavy oil a": "A重油",
  "fuel oil a": "A重油",
  "b・c重油": "B・C重油",
  "bc重油": "B・C重油",
  "b/c heavy oil": "B・C重油",
  "heavy oil b/c": "B・C重油",
  "fuel oil b/c": "B・C重油",
  lpg: "LPG",
  lng: "LNG",
  天然ガス: "天然ガス",
  "natural gas": "天然ガス",
  都市ガス: "都市ガス",
  "city gas": "都市ガス",
};

function fuelFactors(fuelArg: string | undefined, editionArg: string | undefined, env: PlainEnv): { fuel: string; gj: number; tc: number } {
  if (fuelArg === undefined) throw new PlainError("VALUE");
  const fuel = FUEL_ALIASES[fuelArg];
  if (!fuel) throw new PlainUnavailable(`fuel name ${fuelArg} not in the audit's table`);
  const edition = editionArg;
  const gj = env.param(`shk.${fuel}.gj`, edition);
  const tc = env.param(`shk.${fuel}.tc`, edition);
  if (typeof gj !== "number" || typeof tc !== "number") throw new PlainError("NA");
  return { fuel, gj, tc };
}

const FUELCO2: Explainer = {
  rule: {
    ja: "燃料の CO2 排出量 = 使用量 × 単位発熱量（GJ/単位）× 炭素排出係数（tC/GJ）× 44/12。係数は算定省令のエディションから。",
    en: "Fuel CO2 = amount × heat value (GJ/unit) × carbon factor (tC/GJ) × 44/12, with the factors of the SHK calculation-ordinance edition.",
  },
  source: { ja: "温対法 算定・報告・公表制度 算定省令 別表第1（エディション shk-2024 / shk-h22）／ALCN 仕様 3.2 FUELCO2", en: "SHK calculation ordinance, table 1 (editions shk-2024 / shk-h22); ALCN SPEC 3.2 FUELCO2" },
  recompute(args, env, steps) {
    const amount = nonNeg(need(args[0]));
    const { fuel, gj, tc } = fuelFactors(plainText(args[1]), plainEdition(args[2]), env);
    step(steps, "燃料", "fuel", fuel);
    step(steps, "単位発熱量 GJ/単位", "heat value GJ/unit", gj);
    step(steps, "炭素排出係数 tC/GJ", "carbon factor tC/GJ", tc);
    const heat = amount * gj;
    step(steps, "発熱量 GJ", "heat GJ", heat);
    const carbon = heat * tc;
    step(steps, "炭素 tC", "carbon tC", carbon);
    const co2 = (carbon * 44) / 12;
    step(steps, "CO2 t-CO2（× 44/12）", "CO2 t-CO2 (× 44/12)", co2);
    return { value: co2 };
  },
  native(t, a, env) {
    const { gj, tc } = fuelFactors(plainText(a[1]), plainEdition(a[2]), env);
    return `=${paren(argText(t, a, 0))}*${gj}*${tc}*44/12`;
  },
};

const FOLLOWUP = { ja: "経団連 カーボンニュートラル行動計画 フォローアップ調査票", en: "Keidanren carbon-neutral action plan follow-up survey" };

const CHANGERATE: Explainer = {
  rule: { ja: "削減率（変化率）= 実績 ÷ 基準 − 1（基準年度比・前年度比）。", en: "Change rate = actual ÷ base − 1 (against the base year or the previous year)." },
  source: { ja: `${FOLLOWUP.ja}／ALCN 仕様 3.3 CHANGERATE`, en: `${FOLLOWUP.en}; ALCN SPEC 3.3 CHANGERATE` },
  recompute(args, _env, steps) {
    const actual = nonNeg(need(args[0]));
    const base = nonNeg(need(args[1]));
    if (base === 0) throw new PlainError("DIV0");
    const ratio = actual / base;
    step(steps, "実績 ÷ 基準", "actual ÷ base", ratio);
    return { value: ratio - 1, scale: ratio };
  },
  native: (t, a) => `=${paren(argText(t, a, 0))}/${paren(argText(t, a, 1))}-1`,
};

const PROGRESS: Explainer = {
  rule: { ja: "進捗率 =（基準 − 実績）÷（基準 − 目標）。", en: "Progress rate = (base − actual) ÷ (base − target)." },
  source: { ja: `${FOLLOWUP.ja}／ALCN 仕様 3.3 PROGRESS`, en: `${FOLLOWUP.en}; ALCN SPEC 3.3 PROGRESS` },
  recompute(args, _env, steps) {
    const base = nonNeg(need(args[0]));
    const actual = nonNeg(need(args[1]));
    const target = nonNeg(need(args[2]));
    const done = base - actual;
    const planned = base - target;
    step(steps, "削減実績（基準 − 実績）", "achieved (base − actual)", done);
    step(steps, "削減目標（基準 − 目標）", "planned (base − target)", planned);
    if (planned === 0) throw new PlainError("DIV0");
    const value = done / planned;
    // Both differences can cancel (base ≈ actual ≈ 1e6): doubles then lose digits the core's decimals keep,
    // so the comparison is scaled by the size of the terms, as for CHANGERATE and BALANCE.
    return { value, scale: (Math.max(Math.abs(base), Math.abs(actual), Math.abs(target)) / Math.abs(planned)) * Math.max(1, Math.abs(value)) };
  },
  native: (t, a) => `=(${argText(t, a, 0)}-${paren(argText(t, a, 1))})/(${argText(t, a, 0)}-${paren(argText(t, a, 2))})`,
};

function logMean(a: number, b: number): number {
  return a === b ? a : (a - b) / (Math.log(a) - Math.log(b));
}

const DECOMPOSE: Explainer = {
  rule: {
    ja: "要因分析: CO2 排出量の変化を 経済活動量の変化・CO2排出係数の変化・経済活動量あたりのエネルギー使用量の変化 に分解（基準年度の CO2 に対する割合）。\"lmdi\": 加法 LMDI-I（残差なし）、\"simple\": 各要因の変化率（残差は合計に含む）。",
    en: "Factor analysis: the CO2 change split into activity, emission-factor (CO2 per energy) and energy-intensity (energy per activity) effects, each a fraction of base-year CO2. \"lmdi\": additive LMDI-I (no residual); \"simple\": each factor's own rate of change (the residual stays in the total).",
  },
  source: { ja: `${FOLLOWUP.ja}（要因分析）／ALCN 仕様 3.3 DECOMPOSE`, en: `${FOLLOWUP.en} (factor analysis); ALCN SPEC 3.3 DECOMPOSE` },
  recompute(args, _env, steps) {
    const [a0, e0, c0, a1, e1, c1] = [0, 1, 2, 3, 4, 5].map((i) => nonNeg(need(args[i]))) as [number, number, number, number, number, number];
    const method = plainText(args[6]) ?? "lmdi";
    if (method !== "lmdi" && method !== "simple") throw new PlainError("VALUE");
    if (c0 === 0) throw new PlainError("DIV0");
    // LMDI takes logarithms of every ratio, so a zero there is #NUM!; "simple" only divides (co2_1 = 0 is fine)
    if (a0 === 0 || e0 === 0 || a1 === 0 || e1 === 0) throw new PlainError(method === "lmdi" ? "NUM" : "DIV0");
    const ef0 = c0 / e0;
    const ef1 = c1 / e1;
    const ei0 = e0 / a0;
    const ei1 = e1 / a1;
    step(steps, "CO2排出係数（CO2 ÷ エネルギー）基準→当年", "emission factor (CO2 ÷ energy) base → year", `${ef0} → ${ef1}`);
    step(steps, "エネルギー原単位（エネルギー ÷ 活動量）基準→当年", "energy intensity (energy ÷ activity) base → year", `${ei0} → ${ei1}`);
    const total = (c1 - c0) / c0;
    if (method === "simple") {
      return { value: [[a1 / a0 - 1, ef1 / ef0 - 1, ei1 / ei0 - 1, total]], scale: 1 };
    }
    if (c1 === 0) throw new PlainError("NUM");
    const L = logMean(c1, c0);
    step(steps, "対数平均 L(CO2₁, CO2₀)", "log mean L(CO2₁, CO2₀)", L);
    const parts = [Math.log(a1 / a0), Math.log(ef1 / ef0), Math.log(ei1 / ei0)].map((l) => (L * l) / c0);
    return { value: [[...parts, total]], scale: Math.max(1, ...parts.map(Math.abs)) };
  },
};

export const OTHER_EXPLAINERS: Readonly<Record<string, Explainer>> = { FUELCO2, CHANGERATE, PROGRESS, DECOMPOSE };
