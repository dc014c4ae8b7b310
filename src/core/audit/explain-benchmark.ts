/** Audit explainers for the benchmark functions (SPEC 3.1): rule, source, plain recomputation, native formula. */
import { argText, given, paren } from "./native";
import { average, coefTexts, fOf, fText, regSetup, xTexts } from "./regression";
import { need, PlainError, PlainUnavailable, plainNumber, plainText, plainVector, plainVectorKeep, plainVectorKeepEach, plainCells, plainCell, sum } from "./plain";
import type { AuditStep, Explainer, PlainEnv } from "./types";
import type { CellArg, CellScalar } from "../values";
import { STATUS_WORDS, type YearStatus } from "../benchmark/baseline";

const METI = {
  ja: "経済産業省 製造産業局 金属課「アルミニウムベンチマーク（案）」2025年10月2日",
  en: "METI Metals Division, “Aluminium benchmark (draft)”, 2 October 2025",
};

function src(jaPage: string, enPage: string, extra?: { ja: string; en: string }): { ja: string; en: string } {
  return {
    ja: `${METI.ja}「${jaPage}」${extra ? `／${extra.ja}` : ""}`,
    en: `${METI.en}, “${enPage}”${extra ? `; ${extra.en}` : ""}`,
  };
}

const SPEC = (s: string) => ({ ja: `ALCN 仕様 ${s}`, en: `ALCN SPEC ${s}` });

function nonNeg(x: number): number {
  if (x < 0) throw new PlainError("NUM");
  return x;
}

function step(steps: AuditStep[], ja: string, en: string, value: number | string): void {
  steps.push({ label: { ja, en }, value });
}

/** One or two regressors: [size] when charges is blank, else [size, charges]. */
function ownX(args: readonly CellArg[]): number[] {
  const size = nonNeg(need(args[0]));
  const c = plainNumber(args[1]);
  const charges = c === undefined ? undefined : nonNeg(c);
  return charges === undefined ? [size] : [size, charges];
}

const CORRFACTOR: Explainer = {
  rule: {
    ja: "補正係数 = 業界平均の炉サイズ・チャージ数で回帰式が見込む排出原単位 f(平均) ÷ 当該炉の炉サイズ・チャージ数で見込む排出原単位 f(自炉)。係数・平均・式の形を省略すると、ブックのパラメータを使います。",
    en: "Correction factor = the intensity the regression expects at the industry-average furnace, f(avg), over the one it expects at this furnace, f(own). Omitted coefficients, averages and form come from the workbook's parameters.",
  },
  source: src("上工程の目指すべき排出原単位の決定／【参考】上工程の補正について", "Upstream target intensity; reference: upstream correction", SPEC("3.1 CORRFACTOR")),
  recompute(args, env, steps) {
    const x = ownX(args);
    const setup = regSetup(args, 2, 5, env);
    const avg = [average(args, 3, "bm.reg.avg_size", env)];
    if (x.length === 2) avg.push(average(args, 4, "bm.reg.avg_charges", env));
    step(steps, "回帰式の形", "regression form", setup.formName);
    step(steps, "係数（b0 が先頭）", "coefficients (b0 first)", setup.coefs.join(", "));
    step(steps, "平均（炉サイズ, チャージ数）", "average (size, charges)", avg.join(", "));
    const fa = fOf(setup, avg);
    step(steps, "f(平均)", "f(avg)", fa);
    const fo = fOf(setup, x);
    step(steps, "f(自炉)", "f(own)", fo);
    if (!(fa > 0) || !(fo > 0)) throw new PlainError("NUM");
    const cf = fa / fo;
    step(steps, "補正係数 CF", "correction factor CF", cf);
    return { value: cf };
  },
  native(texts, args, env) {
    const two = given(args, 1);
    const setup = regSetup(args, 2, 5, env);
    const avgs = [average(args, 3, "bm.reg.avg_size", env)];
    if (two) avgs.push(average(args, 4, "bm.reg.avg_charges", env));
    const x = xTexts(texts, args, two ? [0, 1] : [0], avgs, two ? [3, 4] : [3]);
    const b = coefTexts(setup, texts, args, 2);
    return `=(${fText(setup, b, x.avg)})/(${fText(setup, b, x.own)})`;
  },
};

const COMPANYCF: Explainer = {
  rule: {
    ja: "会社の補正係数 = Σ（炉の排出量 Eᵢ × 炉の補正係数 CFᵢ）÷ Σ Eᵢ（排出量で重み付けした平均）。CFᵢ = f(平均) ÷ f(炉ᵢ)。",
    en: "Company factor = Σ (furnace emissions Eᵢ × furnace factor CFᵢ) ÷ Σ Eᵢ (emission-weighted mean), with CFᵢ = f(avg) ÷ f(furnaceᵢ).",
  },
  source: src("割当量の算定式（案）", "Allocation formula (draft)", SPEC("3.1 COMPANYCF")),
  recompute(args, env, steps) {
    if (!given(args, 0) || !given(args, 2)) throw new PlainError("VALUE");
    const two = given(args, 1);
    // each column read and checked cell by cell, in argument order (as the core reads them)
    const rs = plainVectorKeepEach(args[0], nonNeg);
    const rc = two ? plainVectorKeepEach(args[1], nonNeg) : undefined;
    const re = plainVectorKeepEach(args[2], nonNeg);
    // negative values before mismatched sizes: the order the core reads them in (so the same error code)
    if (re.length !== rs.length || (rc && rc.length !== rs.length)) throw new PlainError("VALUE");
    // rows that are blank throughout are skipped; a row with some blanks is an error
    const sizes: number[] = [];
    const charges: number[] | undefined = rc ? [] : undefined;
    const emissions: number[] = [];
    for (let i = 0; i < rs.length; i++) {
      const row = [rs[i], rc?.[i], re[i]];
      if (row.every((v) => v === undefined)) continue;
      if (rs[i] === undefined || re[i] === undefined || (rc && rc[i] === undefined)) throw new PlainError("VALUE");
      sizes.push(rs[i] as number);
      charges?.push(rc?.[i] as number);
      emissions.push(re[i] as number);
    }
    const n = sizes.length;
    if (n === 0) throw new PlainError("NUM");
    const setup = regSetup(args, 3, 6, env);
    const avg = [average(args, 4, "bm.reg.avg_size", env)];
    if (charges) avg.push(average(args, 5, "bm.reg.avg_charges", env));
    const fa = fOf(setup, avg);
    step(steps, "回帰式の形", "regression form", setup.formName);
    step(steps, "f(平均)", "f(avg)", fa);
    if (!(fa > 0)) throw new PlainError("NUM");
    const total = sum(emissions);
    step(steps, "Σ 排出量", "Σ emissions", total);
    const weighted: number[] = [];
    for (let i = 0; i < n; i++) {
      const fo = fOf(setup, charges ? [sizes[i] as number, charges[i] as number] : [sizes[i] as number]);
      if (!(fo > 0)) throw new PlainError("NUM");
      const cf = fa / fo;
      const e = emissions[i] as number;
      weighted.push(e * cf);
      steps.push({
        label: { ja: `炉 ${i + 1}: CF（重み）`, en: `furnace ${i + 1}: CF (weight)` },
        value: cf,
        note: { ja: `f(炉)=${fo}、重み=${total === 0 ? "—" : e / total}`, en: `f(own)=${fo}, weight=${total === 0 ? "—" : e / total}` },
      });
    }
    if (total === 0) throw new PlainError("DIV0");
    const result = sum(weighted) / total;
    step(steps, "会社の補正係数", "company factor", result);
    return { value: result };
  },
  native(texts, args, env) {
    const two = given(args, 1);
    const setup = regSetup(args, 3, 6, env);
    const avgs = [average(args, 4, "bm.reg.avg_size", env)];
    if (two) avgs.push(average(args, 5, "bm.reg.avg_charges", env));
    const x = xTexts(texts, args, two ? [0, 1] : [0], avgs, two ? [4, 5] : [4]);
    const b = coefTexts(setup, texts, args, 3);
    const e = argText(texts, args, 2);
    return `=SUMPRODUCT(${e},(${fText(setup, b, x.avg)})/(${fText(setup, b, x.own)}))/SUM(${e})`;
  },
};

const UPINTENSITY: Explainer = {
  rule: {
    ja: "上工程の排出原単位 = 排出量 ÷ 半製品の生産量 × 炉サイズ・チャージ数を考慮した補正係数。",
    en: "Upstream intensity = emissions ÷ semi-product production × the furnace size / charges correction factor.",
  },
  source: src("割当量の算定式（案）", "Allocation formula (draft)", SPEC("3.1 UPINTENSITY")),
  recompute(args, _env, steps) {
    const e = nonNeg(need(args[0]));
    const p = nonNeg(need(args[1]));
    const cf = need(args[2]);
    if (!(cf > 0)) throw new PlainError("NUM");
    if (p === 0) throw new PlainError("DIV0");
    const raw = e / p;
    step(steps, "補正前の原単位（排出量 ÷ 生産量）", "raw intensity (emissions ÷ production)", raw);
    const v = raw * cf;
    step(steps, "補正後の原単位", "corrected intensity", v);
    return { value: v };
  },
  native: (t, a) => `=${paren(argText(t, a, 0))}/${paren(argText(t, a, 1))}*${paren(argText(t, a, 2))}`,
};

function products(tArg: CellArg, aArg: CellArg, side: { ja: string; en: string }, steps: AuditStep[]): number {
  const t = plainVector(tArg);
  const a = plainVector(aArg);
  if (!t || !a) throw new PlainError("VALUE");
  for (const x of a) nonNeg(x);
  for (const x of t) nonNeg(x);
  // one value against a range pairs with every entry (one target for all product types)
  if (t.length !== a.length && t.length !== 1 && a.length !== 1) throw new PlainError("VALUE");
  const n = Math.max(t.length, a.length);
  const terms = Array.from({ length: n }, (_v, i) => (t.length === 1 ? (t[0] as number) : (t[i] as number)) * (a.length === 1 ? (a[0] as number) : (a[i] as number)));
  if (terms.length > 1) {
    terms.forEach((v, i) =>
      steps.push({ label: { ja: `${side.ja} 品種 ${i + 1}: 目指すべき原単位 × 活動量`, en: `${side.en} product ${i + 1}: target × activity` }, value: v }),
    );
  }
  const s = sum(terms);
  step(steps, `${side.ja}: Σ 目指すべき原単位 × 基準活動量`, `${side.en}: Σ target × activity`, s);
  return s;
}

const UP = { ja: "上工程", en: "upstream" };
const DOWN = { ja: "下工程", en: "downstream" };

function upPart(args: readonly CellArg[], steps: AuditStep[]): number {
  const s = products(args[0], args[1], UP, steps);
  const cf = need(args[2]);
  if (cf < 0) throw new PlainError("NUM");
  if (cf === 0) throw new PlainError("DIV0");
  const up = s / cf;
  step(steps, "上工程の割当量（÷ 補正係数）", "upstream allocation (÷ CF)", up);
  return up;
}

/** The rounding argument, else the parameter bm.rounding, else "none". */
function roundingMode(args: readonly CellArg[], env: PlainEnv): string {
  const given_ = plainText(args[5]);
  if (given_ !== undefined) return given_;
  const p = env.param("bm.rounding");
  return typeof p === "string" ? p.toLowerCase() : "none";
}

function rounded(x: number, mode: string): number {
  switch (mode) {
    case "none":
      return x;
    case "floor":
      return Math.floor(x);
    case "ceil":
      return Math.ceil(x);
    case "round":
      return Math.sign(x) * Math.floor(Math.abs(x) + 0.5);
    default:
      throw new PlainError("VALUE");
  }
}

const ALLOWANCE: Explainer = {
  rule: {
    ja: "割当量 = 上工程［目指すべき排出原単位 × 基準活動量 ÷ 補正係数］＋ 下工程［目指すべき排出原単位 × 基準活動量］。品種ごとの範囲なら各工程で積の和。端数処理は rounding（公式規定は未公表）。",
    en: "Allocation = upstream [target × baseline activity ÷ CF] + downstream [target × baseline activity]; with one value per product type, each side is a sum of products. Rounding per `rounding` (the official rule is not published).",
  },
  source: src("割当量の算定：各社の炉サイズ・チャージ数による割当量の調整／割当量の算定式（案）", "Allocation: adjustment by furnace size and charges; allocation formula (draft)", SPEC("3.1 ALLOWANCE")),
  recompute(args, env, steps) {
    const up = upPart(args, steps);
    const down = products(args[3], args[4], DOWN, steps);
    const total = up + down;
    step(steps, "合計（丸め前）", "total (before rounding)", total);
    const mode = roundingMode(args, env);
    // At a rounding boundary (x.5 for round, a whole number for floor/ceil) a last-digit difference between
    // doubles and the core's decimals flips the result by 1 t-CO2: doubles cannot decide, so not available.
    const a = Math.abs(total);
    const gap = mode === "round" ? Math.abs(a - (Math.floor(a) + 0.5)) : Math.abs(total - Math.round(total));
    if (mode !== "none" && gap <= 1e-9 * Math.max(1, a)) throw new PlainUnavailable("total at a rounding boundary");
    const r = rounded(total, mode);
    if (mode !== "none") step(steps, `端数処理（${mode}）`, `rounding (${mode})`, r);
    return { value: r };
  },
  native(t, a, env) {
    const mode = roundingMode(a, env);
    const body = `SUMPRODUCT(${argText(t, a, 0)},${argText(t, a, 1)})/${paren(argText(t, a, 2))}+SUMPRODUCT(${argText(t, a, 3)},${argText(t, a, 4)})`;
    const wrap: Record<string, string> = { none: body, floor: `ROUNDDOWN(${body},0)`, round: `ROUND(${body},0)`, ceil: `ROUNDUP(${body},0)` };
    return `=${wrap[mode] ?? body}`;
  },
};

const ALLOWANCE_UP: Explainer = {
  rule: { ja: "上工程の割当量 = Σ 目指すべき排出原単位 × 基準活動量 ÷ 補正係数。", en: "Upstream allocation = Σ target × baseline activity ÷ CF." },
  source: ALLOWANCE.source,
  recompute: (args, _env, steps) => ({ value: upPart(args, steps) }),
  native: (t, a) => `=SUMPRODUCT(${argText(t, a, 0)},${argText(t, a, 1)})/${paren(argText(t, a, 2))}`,
};

const ALLOWANCE_DOWN: Explainer = {
  rule: { ja: "下工程の割当量 = Σ 目指すべき排出原単位 × 基準活動量。", en: "Downstream allocation = Σ target × baseline activity." },
  source: ALLOWANCE.source,
  recompute: (args, _env, steps) => ({ value: products(args[0], args[1], DOWN, steps) }),
  native: (t, a) => `=SUMPRODUCT(${argText(t, a, 0)},${argText(t, a, 1)})`,
};

function capPct(env: PlainEnv): number {
  const p = env.param("bm.credit_cap_pct");
  if (typeof p !== "number") throw new PlainError("NA");
  return p;
}

const BALANCE: Explainer = {
  rule: {
    ja: "余剰（＋）／不足（−）= 割当量 ＋ min（クレジット, 排出量 × 上限%）− 排出量。J-クレジット・JCM は検証済排出量の 10% まで。",
    en: "Surplus (+) / shortfall (−) = allowance + min(credits, cap % × emissions) − emissions; J-credits/JCM may cover at most 10 % of verified emissions.",
  },
  source: SPEC("3.1 BALANCE（GX-ETS クレジット使用上限）"),
  recompute(args, env, steps) {
    const allowance = nonNeg(need(args[0]));
    const emissions = nonNeg(need(args[1]));
    const credits = nonNeg(plainNumber(args[2]) ?? 0);
    const pct = capPct(env);
    const cap = (emissions * pct) / 100;
    step(steps, `クレジット上限（排出量 × ${pct}%）`, `credit cap (emissions × ${pct} %)`, cap);
    const used = Math.min(credits, cap);
    step(steps, "使用できるクレジット", "credits counted", used);
    const b = allowance + used - emissions;
    step(steps, b >= 0 ? "余剰" : "不足", b >= 0 ? "surplus" : "shortfall", b);
    return { value: b, scale: Math.max(Math.abs(allowance), emissions) };
  },
  native(t, a, env) {
    const credits = given(a, 2) ? argText(t, a, 2) : "0";
    return `=${argText(t, a, 0)}+MIN(${credits},${capPct(env)}%*${paren(argText(t, a, 1))})-${paren(argText(t, a, 1))}`;
  },
};

const INTENSITY: Explainer = {
  rule: { ja: "排出原単位 = 排出量 ÷ 活動量（t-CO2/t）。", en: "Emission intensity = emissions ÷ activity (t-CO2/t)." },
  source: src("割当量の算定式（案）（下工程の排出原単位 = 排出量 ÷ 製品生産量）", "Allocation formula (draft): downstream intensity = emissions ÷ product output", SPEC("3.1 INTENSITY")),
  recompute(args, _env, steps) {
    const e = nonNeg(need(args[0]));
    const a = nonNeg(need(args[1]));
    if (a === 0) throw new PlainError("DIV0");
    const v = e / a;
    step(steps, "排出量 ÷ 活動量", "emissions ÷ activity", v);
    return { value: v };
  },
  native: (t, a) => `=${paren(argText(t, a, 0))}/${paren(argText(t, a, 1))}`,
};

type Status = YearStatus;

function statusOf(c: CellArg): Status {
  if (c === 0) return "normal";
  const s = plainText(c);
  if (s === undefined) return "normal";
  const hit = STATUS_WORDS[s];
  if (!hit) throw new PlainError("VALUE");
  return hit;
}

function flat(v: CellArg): CellArg[] {
  return Array.isArray(v) ? (v as readonly (readonly CellArg[])[]).flat() : [v];
}

function yearLabels(n: number, env: PlainEnv): string[] {
  const p = env.param("bm.baseline_years");
  if (Array.isArray(p) && p.length === n) return p.map((y) => `FY${y}`);
  return Array.from({ length: n }, (_v, i) => `#${i + 1}`);
}

const BASEACTIVITY: Explainer = {
  rule: {
    ja: "基準活動量 = 2023〜2025年度の値の平均。状態: 「none」（稼働なし）は除外、「disaster」（災害）は前年度の値で置換、「opening」（新設）が最終年度より前ならその翌年度以降の平均、最終年度なら 値 × 365 ÷ 稼働日数。",
    en: "Baseline activity = mean of the FY2023–2025 values. Statuses: \"none\" (not operating) excluded; \"disaster\" replaced by the previous year's value; \"opening\" before the last year → mean of the years after it; in the last year → value × 365 ÷ operating days.",
  },
  source: src("割当量の算定式（案）（基準活動量 = 2023年度～2025年度における各社ごとの生産量）", "Allocation formula (draft): baseline activity = FY2023–2025 production", SPEC("3.1 BASEACTIVITY")),
  recompute(args, env, steps) {
    if (!given(args, 0)) throw new PlainError("VALUE");
    const values = plainVectorKeepEach(args[0], nonNeg);
    const n = values.length;
    let statuses: Status[] = values.map(() => "normal");
    if (given(args, 1)) {
      const raw = flat(args[1]);
      if (raw.length !== n) throw new PlainError("VALUE");
      statuses = raw.map(statusOf);
    }
    let days: (number | undefined)[] = [];
    if (given(args, 2)) {
      const d = plainVectorKeep(args[2]);
      if (d.length === 1) days = values.map(() => d[0]);
      else if (d.length === n) days = d;
      else throw new PlainError("VALUE");
    }
    const years = yearLabels(n, env);
    const openings = statuses.flatMap((st, i) => (st === "opening" ? [i] : []));
    if (openings.length > 1) throw new PlainError("VALUE");
    const opening = openings[0] ?? -1;
    if (opening === n - 1) {
      const v = values[opening];
      if (v === undefined) throw new PlainError("NA");
      const d = days[opening];
      if (d === undefined) throw new PlainError("VALUE");
      if (d < 1 || d > 366) throw new PlainError("NUM");
      const annualParam = env.param("bm.baseline.annual_days");
      const annual = typeof annualParam === "number" ? annualParam : 365;
      const r = (v * annual) / d;
      step(steps, `${years[opening]}: 新設（最終年度）→ 値 × ${annual} ÷ ${d} 日`, `${years[opening]}: opening in the last year → value × ${annual} ÷ ${d} days`, r);
      return { value: r };
    }
    // years before an opening are not used; "none" and blank years are left out; a disaster year takes
    // the previous (used) year's value
    const used: number[] = [];
    const usedYears: string[] = [];
    let prev: number | undefined;
    for (let i = opening + 1; i < n; i++) {
      const st = statuses[i];
      const v = values[i];
      if (st === "none" || (st !== "disaster" && v === undefined)) {
        prev = undefined;
        continue;
      }
      if (st === "disaster") {
        if (prev === undefined) throw new PlainError("NA");
        step(steps, `${years[i]}: 災害 → 前年度の値`, `${years[i]}: disaster → previous year's value`, prev);
      } else prev = v;
      used.push(prev as number);
      usedYears.push(years[i] as string);
    }
    if (opening >= 0) step(steps, `${years[opening]}: 新設 → 翌年度以降の平均`, `${years[opening]}: opening → mean of the later years`, usedYears.join(", ") || "—");
    const excluded = years.filter((_y, i) => i > opening && (statuses[i] === "none" || (statuses[i] !== "disaster" && values[i] === undefined)));
    if (excluded.length) step(steps, "除外（休止・空白）", "left out (not operating or blank)", excluded.join(", "));
    step(steps, "使用した年度", "years used", usedYears.join(", ") || "—");
    if (used.length === 0) throw new PlainError("NA");
    const mean = sum(used) / used.length;
    step(steps, "平均", "mean", mean);
    return { value: mean };
  },
};

/** Excel PERCENTILE.INC in plain doubles. */
function percentileInc(xs: readonly number[], p: number): number {
  const s = xs.slice().sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return (s[lo] as number) + (h - lo) * ((s[hi] as number) - (s[lo] as number));
}

const TARGET: Explainer = {
  rule: {
    ja: "目指すべき排出原単位（上位X%水準、原単位が小さいほど上位）。method \"count\": 原単位の PERCENTILE.INC（X/100）。method \"activity\": 原単位の昇順に並べ、累積活動量が総活動量の X% 以上となる最初の事業者の原単位。",
    en: "Target intensity (top-X % level; lower is better). method \"count\": PERCENTILE.INC of the intensities at X/100. method \"activity\": sorted ascending, the intensity of the first entity at which cumulative activity ≥ X % of the total.",
  },
  source: src("割当量の算定式（案）（上位X%に相当する水準）", "Allocation formula (draft): the top-X % level", SPEC("3.1 TARGET")),
  recompute(args, _env, steps) {
    if (!given(args, 0)) throw new PlainError("VALUE");
    const pct = need(args[1]);
    const hasActs = given(args, 2);
    const method = plainText(args[3]) ?? (hasActs ? "activity" : "count");
    if (method !== "count" && method !== "activity") throw new PlainError("VALUE");
    if (method === "activity" && !hasActs) throw new PlainError("VALUE");
    // entries with a blank intensity are left out together with their activity; a blank activity is 0
    const ci = plainCells(args[0]);
    const ca = hasActs ? plainCells(args[2]) : undefined;
    if (ca && ca.length !== ci.length) throw new PlainError("VALUE");
    const xs: number[] = [];
    const acts: number[] = [];
    ci.forEach((c, k) => {
      // pair by pair: both read, then both checked (the core's order)
      const x = plainCell(c);
      const w = ca ? plainCell(ca[k] as CellScalar) : undefined;
      if (x !== undefined) nonNeg(x);
      if (w !== undefined) nonNeg(w);
      if (x === undefined) return;
      xs.push(x);
      acts.push(w ?? 0);
    });
    if (pct < 0 || pct > 100) throw new PlainError("NUM");
    if (xs.length < 1) throw new PlainError("NUM");
    step(steps, "方式", "method", method);
    if (method === "count") {
      const h = (xs.length - 1) * (pct / 100);
      step(steps, "順位（0 始まり、補間）", "rank (0-based, interpolated)", h);
      const v = percentileInc(xs, pct / 100);
      step(steps, "PERCENTILE.INC", "PERCENTILE.INC", v);
      return { value: v };
    }
    const order = xs.map((x, i) => ({ x, a: acts[i] as number, i })).sort((p, q) => p.x - q.x || p.i - q.i);
    const total = sum(acts);
    if (total === 0) throw new PlainError("DIV0");
    const need_ = (total * pct) / 100;
    step(steps, `総活動量 × ${pct}%`, `total activity × ${pct} %`, need_);
    let cum = 0;
    for (const o of order) {
      cum += o.a;
      // a 1e-12 relative allowance so that an exact decimal tie (e.g. 0.1 + 0.2 vs 0.3) is a tie here too
      if (cum >= need_ - 1e-12 * total) {
        step(steps, `到達した事業者（入力の ${o.i + 1} 番目）の累積活動量`, `cumulative activity at entity #${o.i + 1}`, cum);
        return { value: o.x };
      }
    }
    return { value: (order[order.length - 1] as { x: number }).x };
  },
  native(t, a) {
    const acts = given(a, 2);
    const method = plainText(a[3]) ?? (acts ? "activity" : "count");
    const x = argText(t, a, 0);
    const p = paren(argText(t, a, 1));
    if (method === "count") return `=PERCENTILE.INC(${x},${p}/100)`;
    const w = argText(t, a, 2);
    return `=LET(s,SORTBY(${x},${x},1),w,SORTBY(${w},${x},1),c,SCAN(0,w,LAMBDA(acc,v,acc+v)),XLOOKUP(TRUE,c>=${p}/100*SUM(${w}),s))`;
  },
};

function fy(args: readonly CellArg[], at: number, param: string, fallback: number, env: PlainEnv): number {
  const v = plainNumber(args[at]);
  if (v !== undefined) return v;
  const p = env.param(param);
  return typeof p === "number" ? p : fallback;
}

const BMPATH: Explainer = {
  rule: {
    ja: "ベンチマークの推移: 基準年度（既定 2025、仮定）に上位50%水準、最終年度（既定 2030）に上位32.5%水準、その間は直線。",
    en: "Benchmark path: the top-50 % level at base_fy (default 2025, an assumption), the top-32.5 % level at final_fy (default 2030), a straight line between.",
  },
  source: SPEC("3.1 BMPATH（基準年度 2025 は仮定）"),
  recompute(args, env, steps) {
    const b = nonNeg(need(args[0]));
    const f = nonNeg(need(args[1]));
    const y = need(args[2]);
    const y0 = fy(args, 3, "bm.base_fy", 2025, env);
    const y1 = fy(args, 4, "bm.final_fy", 2030, env);
    step(steps, "基準年度 → 最終年度", "base FY → final FY", `${y0} → ${y1}`);
    // whole Western-calendar years within Excel's date range (a 令和 year such as 7 is a slip)
    if (![y, y0, y1].every((v) => Number.isInteger(v) && v >= 1900 && v <= 9999)) throw new PlainError("NUM");
    if (!(y0 < y1)) throw new PlainError("NUM");
    if (y < y0 || y > y1) throw new PlainError("NA");
    const share = (y - y0) / (y1 - y0);
    step(steps, "経過割合", "share of the way", share);
    const v = b + (f - b) * share;
    step(steps, `${y}年度の水準`, `level in FY${y}`, v);
    return { value: v, scale: Math.max(Math.abs(b), Math.abs(f)) };
  },
  native(t, a, env) {
    const y0 = given(a, 3) ? argText(t, a, 3) : String(fy(a, 3, "bm.base_fy", 2025, env));
    const y1 = given(a, 4) ? argText(t, a, 4) : String(fy(a, 4, "bm.final_fy", 2030, env));
    const b = paren(argText(t, a, 0));
    return `=${b}+(${argText(t, a, 1)}-${b})*(${argText(t, a, 2)}-${paren(y0)})/(${y1}-${paren(y0)})`;
  },
};

export const BENCHMARK_EXPLAINERS: Readonly<Record<string, Explainer>> = {
  CORRFACTOR,
  COMPANYCF,
  UPINTENSITY,
  ALLOWANCE,
  "ALLOWANCE.UP": ALLOWANCE_UP,
  "ALLOWANCE.DOWN": ALLOWANCE_DOWN,
  BALANCE,
  INTENSITY,
  BASEACTIVITY,
  TARGET,
  BMPATH,
};
