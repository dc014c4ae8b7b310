/**
 * The furnace correction of the draft (炉サイズ・チャージ数を考慮した補正係数), SPEC 3.1:
 *   CORRFACTOR  CF = f(avg_size, avg_charges) / f(size, charges)
 *   COMPANYCF   Σ Eᵢ·CFᵢ / Σ Eᵢ (emission-weighted: docs/decisions/101-company-cf-weighting.md)
 *   UPINTENSITY emissions / semi-product production × cf
 * f is the industry regression (forms.ts). Omitted coefs / averages / form come from the active parameter
 * set — bm.reg.coefs, bm.reg.avg_size, bm.reg.avg_charges, bm.reg.form — which a workbook's Parameters
 * sheet fills through ParameterStore.setOverrides; none set → #N/A saying how to set them. Form defaults
 * to "linear" like REGFIT (docs/decisions/102-default-regression-form.md). One regressor: charges blank.
 */
import { D } from "../decimal";
import { fail } from "../errors";
import { cellNumber, cellsOf } from "../input";
import type { CalcContext, FunctionSpec, ArgSpec } from "../spec";
import { isBlank, isMatrix, type CellArg, type CellScalar } from "../values";
import { evaluateForm, isRegForm, REG_FORMS, regressorsOf, type RegForm } from "./forms";
import { expFast, expNarrow, lnNarrow, NARROW_F, toNarrow } from "./lnexp";
import { paramListOrUndefined, paramNumberOrUndefined, paramTextOrUndefined } from "./parameters-fn";

/** The regression the correction uses: form, coefficients (b0 first) and the industry-average furnace. */
export interface Regression {
  readonly form: RegForm;
  readonly coefs: D[];
  /** [avg_size] with one regressor, [avg_size, avg_charges] with two. */
  readonly avg: D[];
}

export const REG_PARAM = {
  coefs: "bm.reg.coefs",
  avgSize: "bm.reg.avg_size",
  avgCharges: "bm.reg.avg_charges",
  form: "bm.reg.form",
} as const;

/** Fill each omitted part from the active parameter set; anything still missing → #N/A naming the parameters. */
export function resolveRegression(
  ctx: CalcContext,
  twoRegressors: boolean,
  coefs: D[] | undefined,
  avgSize: D | undefined,
  avgCharges: D | undefined,
  form: string | undefined,
): Regression {
  const c = coefs ?? paramListOrUndefined(ctx, REG_PARAM.coefs);
  const s = avgSize ?? paramNumberOrUndefined(ctx, REG_PARAM.avgSize);
  const h = twoRegressors ? (avgCharges ?? paramNumberOrUndefined(ctx, REG_PARAM.avgCharges)) : undefined;
  const missing: string[] = [];
  if (c === undefined || c.length === 0) missing.push(REG_PARAM.coefs);
  if (s === undefined) missing.push(REG_PARAM.avgSize);
  if (twoRegressors && h === undefined) missing.push(REG_PARAM.avgCharges);
  if (missing.length > 0) fail("NA", "regNotSet", { value: missing.join(", ") });
  let f: RegForm = "linear";
  const fText = form ?? paramTextOrUndefined(ctx, REG_PARAM.form);
  if (fText !== undefined) {
    const key = fText.normalize("NFKC").toLowerCase();
    if (!isRegForm(key)) fail("VALUE", "unknownOption", { arg: "form", value: fText, allowed: REG_FORMS.join(", ") });
    f = key;
  }
  return { form: f, coefs: c as D[], avg: twoRegressors ? [s as D, h as D] : [s as D] };
}

/** f(x), which must be positive for a ratio of intensities. */
function fPositive(reg: Regression, x: D[], what: string): D {
  const y = evaluateForm(reg.form, reg.coefs, x);
  if (!y.gt(0)) fail("NUM", "notPositive", { arg: what, value: y.toString() });
  return y;
}

/** The Decimal of a cell's number (what cellNumber builds). */
function dec(v: number): D {
  return new D(v);
}

/**
 * The power form fused (docs/decisions/109-corrfactor-power-fused.md): CF = f(avg)/f(x) =
 * exp(Σ bⱼ·(ln avgⱼ − ln xⱼ)) — b0 cancels, one exp, no division, one rounding to 40 digits, the sum kept
 * in binary fixed point (2^−192). ln avgⱼ and bⱼ are prepared once per regression (with f(avg)).
 */
interface PowerPrep {
  /** ln avgⱼ·2^192 */
  readonly lnAvg: readonly bigint[];
  /** bⱼ·2^192 (j ≥ 1) */
  readonly b: readonly bigint[];
  /** |bⱼ| as doubles, for the range guard. */
  readonly absB: readonly number[];
  /** |b0| + Σ|bⱼ·ln avgⱼ| (an upper bound of |ln f(avg)|, in doubles). */
  readonly avgBound: number;
}

/** One-entry memo of f(avg): a sheet calls CORRFACTOR row after row with the same regression. */
let lastAvg: { form: RegForm; coefs: D[]; avg: D[]; value: D; power: PowerPrep | undefined } | undefined;

/** a = b; the same sign, exponent and digit words (a freshly coerced copy of the same cell) answer without eq. */
function sameDecimal(a: D, b: D): boolean {
  const x = a.d;
  const y = b.d;
  if (a.s === b.s && a.e === b.e && x && y && x.length === y.length) {
    let i = 0;
    while (i < x.length && x[i] === y[i]) i++;
    if (i === x.length) return true;
  }
  return a.eq(b);
}

function sameValues(a: readonly D[], b: readonly D[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameDecimal(a[i] as D, b[i] as D)) return false;
  return true;
}

/** |ln f| bound under which the fused route is used: f(x) and f(avg) are then far inside the Decimal range and
 * expFast's own fixed-point path, so the unfused route would neither overflow, underflow nor fall back. */
const FUSED_BOUND = 50000;
const TWO_POW_40 = 2 ** 40;

/** |v·2^−192| as a double (enough for a range guard). */
function absNarrowToNumber(v: bigint): number {
  return Math.abs(Number(v >> (NARROW_F - 40n))) / TWO_POW_40;
}

function powerPrep(reg: Regression): PowerPrep | undefined {
  if (reg.form !== "power" || reg.coefs.length !== reg.avg.length + 1) return undefined;
  const lnAvg = reg.avg.map((v) => lnNarrow(v));
  const slopes = reg.coefs.slice(1);
  const absB = slopes.map((c) => Math.abs(c.toNumber()));
  let avgBound = Math.abs((reg.coefs[0] as D).toNumber());
  lnAvg.forEach((l, j) => (avgBound += (absB[j] as number) * absNarrowToNumber(l)));
  if (!(avgBound <= FUSED_BOUND)) return undefined;
  return { lnAvg, b: slopes.map((c) => toNarrow(c)), absB, avgBound };
}

function averageEntry(reg: Regression): NonNullable<typeof lastAvg> {
  if (lastAvg && lastAvg.form === reg.form && sameValues(lastAvg.coefs, reg.coefs) && sameValues(lastAvg.avg, reg.avg)) return lastAvg;
  const value = fPositive(reg, reg.avg, "f(avg_size, avg_charges)");
  lastAvg = { form: reg.form, coefs: [...reg.coefs], avg: [...reg.avg], value, power: powerPrep(reg) };
  return lastAvg;
}

/** f at the industry-average furnace. The memo compares values (cheaper than a string key per call). */
export function fAverage(reg: Regression): D {
  return averageEntry(reg).value;
}

/** The fused power-form CF, or undefined where the unfused route must decide (x ≤ 0, huge exponents). */
function powerCf(p: PowerPrep, x: readonly D[]): D | undefined {
  if (x.length !== p.lnAvg.length) return undefined;
  let acc = 0n;
  let bound = p.avgBound;
  for (let j = 0; j < x.length; j++) {
    const v = x[j] as D;
    if (!v.gt(0)) return undefined;
    const l = lnNarrow(v);
    bound += (p.absB[j] as number) * absNarrowToNumber(l);
    acc += ((p.b[j] as bigint) * ((p.lnAvg[j] as bigint) - l)) >> NARROW_F;
  }
  if (!(bound <= FUSED_BOUND)) return undefined;
  return expNarrow(x[0] as D, acc);
}

/**
 * CF of one furnace: f(avg) / f(own). x = [size] or [size, charges]. The power form goes through the fused
 * route (within ~1e-45 relative of the exact value; the unfused 40-digit route is within ~1e-39) unless an
 * explicit fAvg is given or the values leave its guarded range.
 */
export function corrFactor(reg: Regression, x: D[], fAvg?: D): D {
  if (fAvg === undefined) {
    const entry = averageEntry(reg);
    if (entry.power) {
      const cf = powerCf(entry.power, x);
      if (cf !== undefined) return cf;
    }
    fAvg = entry.value;
  }
  return fAvg.div(fPositive(reg, x, "f(size, charges)"));
}

/**
 * Σ Eᵢ·CFᵢ / Σ Eᵢ over the furnaces. Large tables (SPEC 8: 100 000 rows ≤ 1 s) make the cost per row what
 * matters, so for the linear, log and power forms each column's term bⱼ·xⱼ (bⱼ·ln xⱼ) is computed once per
 * distinct value (ln costs ~12 µs, a row only a few Decimal additions):
 *   linear/log: f(x) = b0 + Σ bⱼ·termⱼ, the same operations in the same order as evaluateForm;
 *   power:      1/f(x) = exp(−b0)·Π exp(−bⱼ·ln xⱼ), so no exp per row either; each factor is rounded to
 *               40 digits, so Eᵢ/f(xᵢ) differs from the exp-of-the-sum route by ~1e-39 relative, far below
 *               the 1e-16 of the double returned to Excel.
 * polyN forms (one column, few furnaces in practice) keep one f per distinct furnace.
 */
export function companyCf(reg: Regression, rows: readonly FurnaceRow[]): D {
  const fAvg = fAverage(reg);
  const first = rows[0];
  // The first row through evaluateForm: shape and positivity errors exactly as CORRFACTOR reports them.
  if (first) fPositive(reg, first.x.map(dec), "f(size, charges)");
  const k = first?.x.length ?? 0;
  const columnWise = (reg.form === "linear" || reg.form === "log" || reg.form === "power") && reg.coefs.length === k + 1;
  let sumE = new D(0);
  let sumEw = new D(0);
  if (columnWise) {
    const power = reg.form === "power";
    const b0 = reg.coefs[0] as D;
    const expMinusB0 = power ? expFast(b0.neg()) : b0;
    // Per column: value → bⱼ·termⱼ (linear/log) or exp(−bⱼ·ln v) (power), keyed by the cell's double.
    const memo: Map<number, D>[] = Array.from({ length: k }, () => new Map());
    const part = (j: number, v: number): D => {
      const m = memo[j] as Map<number, D>;
      let p = m.get(v);
      if (p === undefined) {
        const term = (reg.coefs[j + 1] as D).mul(regressorsOf(reg.form, [dec(v)], "x")[0] as D);
        p = power ? expFast(term.neg()) : term;
        m.set(v, p);
      }
      return p;
    };
    for (const r of rows) {
      sumE = sumE.add(r.e);
      if (r.e.isZero()) continue;
      if (power) {
        // Eᵢ·Π exp(−bⱼ·ln xᵢⱼ); the common factor exp(−b0) is applied once after the loop.
        let t = r.e;
        for (let j = 0; j < k; j++) t = t.mul(part(j, r.x[j] as number));
        sumEw = sumEw.add(t);
      } else {
        let f = b0;
        for (let j = 0; j < k; j++) f = f.add(part(j, r.x[j] as number));
        if (!f.gt(0)) fPositive(reg, r.x.map(dec), "f(size, charges)");
        sumEw = sumEw.add(r.e.div(f));
      }
    }
    if (power) sumEw = sumEw.mul(expMinusB0);
  } else {
    // Furnaces of the same size and charges share f.
    const fOf = new Map<string, D>();
    for (const r of rows) {
      const key = r.x.join("|");
      let f = fOf.get(key);
      if (f === undefined) {
        f = fPositive(reg, r.x.map(dec), "f(size, charges)");
        fOf.set(key, f);
      }
      sumE = sumE.add(r.e);
      if (!r.e.isZero()) sumEw = sumEw.add(r.e.div(f));
    }
  }
  if (sumE.isZero()) fail("DIV0", "zeroDivisor", { arg: "emissions (total)" });
  return sumEw.mul(fAvg).div(sumE);
}

const regArgs: readonly ArgSpec[] = [
  {
    name: "coefs",
    ja: "係数",
    type: "numbers",
    optional: true,
    description: { en: "Regression coefficients b0, b1 … (default bm.reg.coefs).", ja: "回帰係数 b0, b1 …（省略時 bm.reg.coefs）。" },
  },
  {
    name: "avg_size",
    ja: "平均炉サイズ",
    type: "number",
    optional: true,
    domain: "nonNegative",
    description: { en: "Industry-average furnace size, t (default bm.reg.avg_size).", ja: "業界平均の炉サイズ（t。省略時 bm.reg.avg_size）。" },
  },
  {
    name: "avg_charges",
    ja: "平均チャージ数",
    type: "number",
    optional: true,
    domain: "nonNegative",
    description: { en: "Industry-average charges per hour (default bm.reg.avg_charges).", ja: "業界平均のチャージ数（回/時。省略時 bm.reg.avg_charges）。" },
  },
  {
    name: "form",
    ja: "回帰式の形",
    type: "text",
    optional: true,
    options: REG_FORMS,
    description: {
      en: "\"linear\", \"log\", \"power\" or \"poly2\"…\"poly10\" (default bm.reg.form, else \"linear\").",
      ja: "\"linear\"、\"log\"、\"power\"、\"poly2\"〜\"poly10\"（省略時 bm.reg.form、未設定なら \"linear\"）。",
    },
  },
];

export const CORRFACTOR: FunctionSpec = {
  name: "CORRFACTOR",
  description: {
    en: "Furnace correction factor: f(avg_size, avg_charges) ÷ f(size, charges) of the industry regression.",
    ja: "炉サイズ・チャージ数の補正係数：回帰式による 業界平均の炉の排出原単位 ÷ この炉の排出原単位。",
  },
  result: "scalar",
  args: [
    { name: "size", ja: "炉サイズ", type: "number", domain: "nonNegative", description: { en: "Furnace size (capacity, t).", ja: "炉サイズ（容量、t）。" } },
    {
      name: "charges",
      ja: "チャージ数",
      type: "number",
      optional: true,
      domain: "nonNegative",
      description: { en: "Charges (casts per hour); blank for a one-regressor equation.", ja: "チャージ数（時間当たりの鋳造回数）。説明変数が1つの回帰式では空白。" },
    },
    ...regArgs,
  ],
  compute: ([size, charges, coefs, avgSize, avgCharges, form], ctx) => {
    const two = charges !== undefined;
    const reg = resolveRegression(ctx, two, coefs as D[] | undefined, avgSize as D | undefined, avgCharges as D | undefined, form as string | undefined);
    return corrFactor(reg, two ? [size as D, charges as D] : [size as D]);
  },
};

/**
 * Read one furnace column (row-major) as the cells' numbers, keeping blanks (undefined); negatives → #NUM!.
 * A finite number is taken as it is; any other cell goes through cellNumber (blank, or its error). No
 * Decimal per cell: 100 000-row tables made that garbage a fifth of COMPANYCF's time (SPEC 8).
 */
function column(arg: string, raw: CellArg): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  const take = (c: CellScalar): void => {
    const v = typeof c === "number" && Number.isFinite(c) ? c : cellNumber(arg, c)?.toNumber();
    if (v !== undefined && v < 0) fail("NUM", "negative", { arg, value: dec(v).toString() });
    out.push(v);
  };
  if (isMatrix(raw)) {
    for (const row of raw) for (const c of row) take(c);
  } else take(raw);
  return out;
}

/** One furnace of COMPANYCF: its size (and charges) as the cells' numbers, its emissions as a Decimal. */
export interface FurnaceRow {
  readonly x: readonly number[];
  readonly e: D;
}

function isOmitted(v: unknown): boolean {
  return v === undefined || v === null || v === "";
}

/**
 * The furnace table: rows where every cell is blank are skipped (a generous selection); a row with some
 * blank cells is #VALUE! (a blank is missing, not zero).
 */
export function furnaceRows(rawSizes: CellArg, rawCharges: CellArg | undefined, rawE: CellArg): { rows: FurnaceRow[]; two: boolean } {
  const sizes = column("sizes", rawSizes);
  // An omitted charges argument (Excel may pass an empty argument as a blank 1×1 range) = one regressor.
  const two = !isOmitted(rawCharges) && cellsOf(rawCharges as CellArg).some((c) => !isBlank(c));
  const charges = two ? column("charges", rawCharges as CellArg) : undefined;
  const es = column("emissions", rawE);
  if (charges && charges.length !== sizes.length) fail("VALUE", "shapeMismatch", { arg: "charges", other: "sizes", a: charges.length, b: sizes.length });
  if (es.length !== sizes.length) fail("VALUE", "shapeMismatch", { arg: "emissions", other: "sizes", a: es.length, b: sizes.length });
  const rows: FurnaceRow[] = [];
  for (let i = 0; i < sizes.length; i++) {
    const s = sizes[i];
    const h = charges?.[i];
    const e = es[i];
    if (s === undefined && h === undefined && e === undefined) continue;
    const where = ` (${i + 1})`;
    if (s === undefined) fail("VALUE", "missing", { arg: `sizes${where}` });
    if (two && h === undefined) fail("VALUE", "missing", { arg: `charges${where}` });
    if (e === undefined) fail("VALUE", "missing", { arg: `emissions${where}` });
    rows.push({ x: two ? [s, h as number] : [s], e: dec(e) });
  }
  if (rows.length === 0) fail("NUM", "emptyRange", { arg: "sizes" });
  return { rows, two };
}

export const COMPANYCF: FunctionSpec = {
  name: "COMPANYCF",
  description: {
    en: "Company correction factor from its furnaces: Σ emissions × CF ÷ Σ emissions.",
    ja: "各社ごとの補正係数：炉ごとの補正係数を排出量で加重平均（Σ 排出量 × CF ÷ Σ 排出量）。",
  },
  result: "scalar",
  args: [
    { name: "sizes", ja: "炉サイズ", type: "raw", description: { en: "Size of each furnace (t).", ja: "各炉の炉サイズ（t）。" } },
    {
      name: "charges",
      ja: "チャージ数",
      type: "raw",
      optional: true,
      description: { en: "Charges per hour of each furnace; blank for a one-regressor equation.", ja: "各炉のチャージ数。説明変数が1つの回帰式では空白。" },
    },
    { name: "emissions", ja: "排出量", type: "raw", description: { en: "Emissions of each furnace (t-CO2).", ja: "各炉の排出量（t-CO2）。" } },
    ...regArgs,
  ],
  compute: ([rawS, rawC, rawE, coefs, avgSize, avgCharges, form], ctx) => {
    if (isOmitted(rawS)) fail("VALUE", "missing", { arg: "sizes" });
    if (isOmitted(rawE)) fail("VALUE", "missing", { arg: "emissions" });
    const { rows, two } = furnaceRows(rawS as CellArg, rawC as CellArg | undefined, rawE as CellArg);
    const reg = resolveRegression(ctx, two, coefs as D[] | undefined, avgSize as D | undefined, avgCharges as D | undefined, form as string | undefined);
    return companyCf(reg, rows);
  },
};

export const UPINTENSITY: FunctionSpec = {
  name: "UPINTENSITY",
  description: {
    en: "Upstream intensity: emissions ÷ semi-product production × cf (t-CO2/t).",
    ja: "上工程の排出原単位：排出量 ÷ 半製品の生産量 × 補正係数（t-CO2/t）。",
  },
  result: "scalar",
  args: [
    { name: "emissions", ja: "排出量", type: "number", domain: "nonNegative", description: { en: "Upstream emissions (t-CO2).", ja: "上工程の排出量（t-CO2）。" } },
    {
      name: "semi_production",
      ja: "半製品生産量",
      type: "number",
      domain: "nonNegative",
      description: { en: "Semi-product (slab, billet) production (t).", ja: "半製品（スラブ、ビレット）の生産量（t）。" },
    },
    { name: "cf", ja: "補正係数", type: "number", domain: "positive", description: { en: "The company's correction factor (COMPANYCF).", ja: "各社ごとの補正係数（COMPANYCF）。" } },
  ],
  compute: ([e, p, cf]) => {
    if ((p as D).isZero()) fail("DIV0", "zeroDivisor", { arg: "semi_production" });
    return (e as D).div(p as D).mul(cf as D);
  },
};
