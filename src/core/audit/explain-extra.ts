/** Audit explainers for further functions: PRICEBAND, REBASE, REGPREDICT, WAVG, COVERAGE, ELECCO2, TOCRUDE, FROMCRUDE, FUELGJ. */
import { argText, given, paren } from "./native";
import { fOf, type RegSetup } from "./regression";
import { need, PlainError, plainEdition, PlainUnavailable, plainNumber, plainText, plainVector, plainVectorKeep, sum } from "./plain";
import type { AuditStep, Explainer, PlainEnv } from "./types";
import type { CellScalar } from "../values";

const SPEC = (s: string) => ({ ja: `ALCN 仕様 ${s}`, en: `ALCN SPEC ${s}` });

function step(steps: AuditStep[], ja: string, en: string, value: number | string): void {
  steps.push({ label: { ja, en }, value });
}

function nonNeg(x: number): number {
  if (x < 0) throw new PlainError("NUM");
  return x;
}

function param(env: PlainEnv, name: string): number {
  const v = env.param(name);
  if (typeof v !== "number") throw new PlainError("NA");
  return v;
}

const PRICEBAND: Explainer = {
  rule: {
    ja: "GX-ETS の上下限価格（円/t-CO2）: 2026年度 下限 1,700・上限 4,300、以降毎年度 ×1.03（丸めなし）。",
    en: "GX-ETS price band (JPY/t-CO2): FY2026 lower 1,700 / upper 4,300, each later year × 1.03 (not rounded).",
  },
  source: SPEC("3.1 PRICEBAND（上下限価格）"),
  recompute(args, env, steps) {
    const fy = need(args[0]);
    const bound = plainText(args[1]) ?? "upper";
    if (bound !== "upper" && bound !== "lower") throw new PlainError("VALUE");
    const first = param(env, "bm.price.base_fy");
    // whole Western-calendar years within Excel's date range (a 令和 year such as 8 is a slip)
    if (![fy, first].every((v) => Number.isInteger(v) && v >= 1900 && v <= 9999)) throw new PlainError("NUM");
    if (fy < first) throw new PlainError("NA");
    const start = param(env, bound === "upper" ? "bm.price.upper" : "bm.price.lower");
    const g = param(env, "bm.price.growth_pct");
    step(steps, `${first}年度の${bound === "upper" ? "上限" : "下限"}価格`, `FY${first} ${bound} price`, start);
    const factor = (1 + g / 100) ** (fy - first);
    step(steps, `× (1 + ${g}%)^${fy - first}`, `× (1 + ${g} %)^${fy - first}`, factor);
    return { value: start * factor };
  },
  native(t, a, env) {
    const bound = plainText(a[1]) ?? "upper";
    const start = param(env, bound === "upper" ? "bm.price.upper" : "bm.price.lower");
    return `=${start}*(1+${param(env, "bm.price.growth_pct")}%)^(${argText(t, a, 0)}-${param(env, "bm.price.base_fy")})`;
  },
};

const REBASE: Explainer = {
  rule: {
    ja: "期間中の活動量変動: 直近2年度の平均が基準活動量から閾値%（既定 7.5%）以上変動していればその平均、そうでなければ基準活動量。",
    en: "Activity change during the period: the mean of the two latest years if it differs from the baseline by at least the threshold (default 7.5 %), else the baseline.",
  },
  source: SPEC("3.1 REBASE"),
  recompute(args, env, steps) {
    const base = nonNeg(need(args[0]));
    const a1 = nonNeg(need(args[1]));
    const a2 = nonNeg(need(args[2]));
    const th = given(args, 3) ? nonNeg(need(args[3])) : (() => {
      const p = env.param("bm.rebase_threshold_pct");
      return typeof p === "number" ? p : 7.5;
    })();
    if (base === 0) throw new PlainError("DIV0");
    const mean = (a1 + a2) / 2;
    step(steps, "直近2年度の平均", "mean of the two latest years", mean);
    const change = Math.abs(mean - base) / base;
    step(steps, "変動率", "change", change);
    // the core compares exactly; a tie within 1e-12 counts as reaching the threshold
    const moved = change * 100 >= th - 1e-12 * Math.max(1, th);
    step(steps, `閾値 ${th}% 以上`, `at least ${th} %`, moved ? "yes" : "no");
    return { value: moved ? mean : base };
  },
};

const REGPREDICT: Explainer = {
  rule: { ja: "回帰式の値 f(x): linear b0 + Σ bj·xj、log b0 + Σ bj·ln xj、power exp(b0 + Σ bj·ln xj)、polyN Σ bi·x^i。", en: "The regression's value f(x): linear b0 + Σ bj·xj, log b0 + Σ bj·ln xj, power exp(b0 + Σ bj·ln xj), polyN Σ bi·x^i." },
  source: SPEC("3.1 REGPREDICT"),
  recompute(args, _env, steps) {
    if (!given(args, 0)) throw new PlainError("VALUE");
    const x = plainVectorKeep(args[0]);
    if (x.every((v) => v === undefined)) throw new PlainError("NUM");
    if (x.some((v) => v === undefined)) throw new PlainError("VALUE");
    if (!given(args, 1)) throw new PlainError("VALUE");
    // A REGFIT stats block (5 rows, b0 … bk in its first row) is read by its first row, as the core does.
    const c = args[1];
    const statsBlock = Array.isArray(c) && c.length === 5 && ((c[0] as readonly unknown[] | undefined)?.length ?? 0) > 1;
    // regression data cannot contain blanks (as the core reads it): all blank #NUM!, some blank #VALUE!
    const rawCoefs = plainVectorKeep(statsBlock ? [(c as readonly (readonly CellScalar[])[])[0] as readonly CellScalar[]] : c);
    if (rawCoefs.every((v) => v === undefined)) throw new PlainError("NUM");
    if (rawCoefs.some((v) => v === undefined)) throw new PlainError("VALUE");
    const coefs = rawCoefs as number[];
    const formName = plainText(args[2]) ?? "linear";
    const m = /^poly(\d+)$/.exec(formName);
    const form: RegSetup["form"] =
      formName === "linear" || formName === "log" || formName === "power"
        ? { kind: formName }
        : m && Number(m[1]) >= 2 && Number(m[1]) <= 10
          ? { kind: "poly", degree: Number(m[1]) }
          : (() => {
              throw new PlainError("VALUE");
            })();
    const v = fOf({ form, formName, coefs, from: "args" }, x as number[]);
    step(steps, "f(x)", "f(x)", v);
    return { value: v };
  },
};

const WAVG: Explainer = {
  rule: { ja: "加重平均 = Σ 値 × 重み ÷ Σ 重み。", en: "Weighted average = Σ value × weight ÷ Σ weight." },
  source: SPEC("3.3 WAVG"),
  recompute(args, _env, steps) {
    const v = plainVector(args[0]);
    const w = plainVector(args[1]);
    if (!v || !w) throw new PlainError("VALUE");
    for (const x of w) nonNeg(x);
    if (v.length !== w.length) throw new PlainError("VALUE");
    const sw = sum(w);
    step(steps, "Σ 重み", "Σ weights", sw);
    if (sw === 0) throw new PlainError("DIV0");
    const swv = sum(v.map((x, i) => x * (w[i] as number)));
    step(steps, "Σ 値 × 重み", "Σ value × weight", swv);
    return { value: swv / sw };
  },
  native: (t, a) => `=SUMPRODUCT(${argText(t, a, 0)},${argText(t, a, 1)})/SUM(${argText(t, a, 1)})`,
};

const COVERAGE: Explainer = {
  rule: { ja: "カバー率 = 参加企業 ÷（業界全体 − 対象外）。", en: "Coverage = participants ÷ (total − excluded)." },
  source: SPEC("3.3 COVERAGE"),
  recompute(args, _env, steps) {
    const p = nonNeg(need(args[0]));
    const total = nonNeg(need(args[1]));
    const ex = plainNumber(args[2]);
    const base = total - (ex === undefined ? 0 : nonNeg(ex));
    step(steps, "分母（業界全体 − 対象外）", "denominator (total − excluded)", base);
    if (base === 0) throw new PlainError("DIV0");
    if (base < 0) throw new PlainError("NUM");
    return { value: p / base };
  },
  native: (t, a) => (given(a, 2) ? `=${paren(argText(t, a, 0))}/(${argText(t, a, 1)}-${paren(argText(t, a, 2))})` : `=${paren(argText(t, a, 0))}/${paren(argText(t, a, 1))}`),
};

const ELECCO2: Explainer = {
  rule: { ja: "電力の CO2 = 電力量（kWh）× 排出係数（kg-CO2/kWh）÷ 1000（t-CO2）。", en: "Electricity CO2 = kWh × factor (kg-CO2/kWh) ÷ 1000 (t-CO2)." },
  source: SPEC("3.2 ELECCO2"),
  recompute(args, _env, steps) {
    const kwh = nonNeg(need(args[0]));
    const f = nonNeg(need(args[1]));
    const kg = kwh * f;
    step(steps, "kg-CO2", "kg-CO2", kg);
    return { value: kg / 1000 };
  },
  native: (t, a) => `=${paren(argText(t, a, 0))}*${paren(argText(t, a, 1))}/1000`,
};

const CRUDE = "shoene.crude_kl_per_gj";
const CRUDE_SOURCE = { ja: "省エネ法 原油換算係数（0.0258 kL/GJ）／ALCN 仕様 3.2", en: "Energy Conservation Act crude-oil coefficient (0.0258 kL/GJ); ALCN SPEC 3.2" };

function crude(env: PlainEnv): number {
  const c = param(env, CRUDE);
  if (!(c > 0)) throw new PlainError("NUM");
  return c;
}

const TOCRUDE: Explainer = {
  rule: { ja: "原油換算 kL = 熱量 GJ × 0.0258。", en: "Crude-oil equivalent kL = GJ × 0.0258." },
  source: CRUDE_SOURCE,
  recompute(args, env, steps) {
    const gj = nonNeg(need(args[0]));
    const c = crude(env);
    step(steps, "係数 kL/GJ", "coefficient kL/GJ", c);
    return { value: gj * c };
  },
  native: (t, a, env) => `=${paren(argText(t, a, 0))}*${crude(env)}`,
};

const FROMCRUDE: Explainer = {
  rule: { ja: "熱量 GJ = 原油換算 kL ÷ 0.0258。", en: "GJ = crude-oil equivalent kL ÷ 0.0258." },
  source: CRUDE_SOURCE,
  recompute(args, env, steps) {
    const kl = nonNeg(need(args[0]));
    const c = crude(env);
    step(steps, "係数 kL/GJ", "coefficient kL/GJ", c);
    return { value: kl / c };
  },
  native: (t, a, env) => `=${paren(argText(t, a, 0))}/${crude(env)}`,
};

/** The audit's own fuel-name table for FUELGJ (the same words as FUELCO2's). */
const FUELS: Readonly<Record<string, string>> = { 灯油: "灯油", kerosene: "灯油", a重油: "A重油", "fuel oil a": "A重油", "b・c重油": "B・C重油", lpg: "LPG", lng: "LNG", 天然ガス: "天然ガス", "natural gas": "天然ガス", 都市ガス: "都市ガス", "city gas": "都市ガス" };

const FUELGJ: Explainer = {
  rule: { ja: "燃料の熱量 GJ = 使用量 × 単位発熱量（算定省令）。", en: "Fuel heat GJ = amount × heat value per unit (SHK ordinance)." },
  source: { ja: "温対法 算定省令 別表第1／ALCN 仕様 3.2 FUELGJ", en: "SHK calculation ordinance, table 1; ALCN SPEC 3.2 FUELGJ" },
  recompute(args, env, steps) {
    const amount = nonNeg(need(args[0]));
    const name = plainText(args[1]);
    if (name === undefined) throw new PlainError("VALUE");
    const fuel = FUELS[name];
    if (!fuel) throw new PlainUnavailable(`fuel name ${name} not in the audit's table`);
    const edition = plainEdition(args[2]);
    const gj = env.param(`shk.${fuel}.gj`, edition);
    if (typeof gj !== "number") throw new PlainError("NA");
    step(steps, "単位発熱量 GJ/単位", "heat value GJ/unit", gj);
    return { value: amount * gj };
  },
};

export const EXTRA_EXPLAINERS: Readonly<Record<string, Explainer>> = { PRICEBAND, REBASE, REGPREDICT, WAVG, COVERAGE, ELECCO2, TOCRUDE, FROMCRUDE, FUELGJ };
