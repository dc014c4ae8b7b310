/**
 * REGFIT and REGPREDICT (SPEC 3.1): the industry regression of intensity on furnace size, charges
 * or any k regressors, in the forms of ./forms, solved exactly-enough in 100-digit decimals
 * (./leastsquares). Decisions: docs/decisions/150-regression.md.
 *
 * Orientation (like LINEST): known_y is one row or one column of n values. Each observation of
 * known_x is a row when known_y is a column (n × k block) and a column when known_y is a row
 * (k × n block). When that dimension does not match n but the other one does, the block is read
 * the other way (a row of x for a column of y, and so on); a square n × n block follows known_y.
 */
import { D, DWide } from "../decimal";
import { calcError, fail, type CalcError } from "../errors";
import { cellNumber, choice, scalarBoolean } from "../input";
import type { ArgShape, FunctionSpec } from "../spec";
import { type CellArg, type CellMatrix, isMatrix, isBlank, type OutScalar } from "../values";
import { evaluateForm, polyDegree, REG_FORMS, regressorsOf, type RegForm } from "./forms";
import { leastSquares, type LsqResult } from "./leastsquares";
import { lnFast } from "./lnexp";

/** A rectangular block of numbers read strictly: blanks and text are errors (regression data must be complete). */
interface Block {
  readonly rows: number;
  readonly cols: number;
  readonly cells: D[][];
}

/** Read a range strictly. All-blank → #NUM! (nothing to fit); one blank → #VALUE!; text → #VALUE!. */
export function strictBlock(arg: string, raw: CellArg): Block {
  if (raw === undefined || raw === null || raw === "") fail("VALUE", "missing", { arg });
  const m: CellMatrix = isMatrix(raw) ? raw : [[raw]];
  const rows = m.length;
  const cols = m[0]?.length ?? 0;
  if (rows === 0 || cols === 0) fail("NUM", "emptyRange", { arg });
  if (m.every((r) => r.every((c) => isBlank(c)))) fail("NUM", "emptyRange", { arg });
  const cells = m.map((r, i) => {
    if (r.length !== cols) fail("VALUE", "shapeMismatch", { arg, other: arg, a: cols, b: r.length });
    return r.map((c, j) => {
      const v = cellNumber(arg, c);
      if (v === undefined) fail("VALUE", "blankCell", { arg, pos: rows === 1 || cols === 1 ? i * cols + j + 1 : `R${i + 1}C${j + 1}` });
      return v;
    });
  });
  return { rows, cols, cells };
}

/** A strict vector (one row or one column). */
export function strictVector(arg: string, raw: CellArg): D[] {
  const b = strictBlock(arg, raw);
  if (b.rows > 1 && b.cols > 1) fail("VALUE", "notVector", { arg });
  return b.cells.flat();
}

/**
 * Spill size of REGFIT / LINEST from the shapes of known_y and known_x, the number of terms and stats:
 * k+1 columns (k regressors or the polynomial degree), 5 rows with stats.
 */
export function regressionSize(y: ArgShape, x: ArgShape | undefined, polyDegree: number | undefined, stats: boolean): { rows: number; cols: number } {
  const n = y.rows * y.cols;
  const yIsRow = y.rows === 1 && n > 1;
  let k = 1;
  if (polyDegree !== undefined) k = polyDegree;
  else if (x !== undefined) {
    if (yIsRow) k = x.cols === n ? x.rows : x.cols;
    else k = x.rows === n ? x.cols : x.rows;
  }
  return { rows: stats ? 5 : 1, cols: k + 1 };
}

/** An option's value for sizing only: errors and stale values fall back to the default. */
export function sizingOption<T>(read: () => T | undefined, fallback: T): T {
  try {
    return read() ?? fallback;
  } catch {
    return fallback;
  }
}

/** The observations of known_x as rows of k values each, oriented against n and known_y's shape. */
export function observationsOf(x: Block, n: number, yIsRow: boolean): D[][] {
  const byRows = (): D[][] => x.cells.map((r) => r.slice());
  const byCols = (): D[][] => Array.from({ length: x.cols }, (_, j) => x.cells.map((r) => r[j] as D));
  if (yIsRow) {
    if (x.cols === n) return byCols();
    if (x.rows === n) return byRows();
  } else {
    if (x.rows === n) return byRows();
    if (x.cols === n) return byCols();
  }
  return fail("VALUE", "shapeMismatch", { arg: "known_x", other: "known_y", a: yIsRow ? x.cols : x.rows, b: n });
}

export interface RegFitOptions {
  readonly form?: RegForm;
  readonly weights?: readonly D[];
  readonly intercept?: boolean;
}

/** The prepared least-squares problem: transformed design rows, response and weights in DWide. */
export function prepareFit(y: readonly D[], obs: readonly D[][], opts: RegFitOptions = {}): { rows: DWide[][]; y: DWide[]; weights?: DWide[] } {
  const form = opts.form ?? "linear";
  const n = y.length;
  if (obs.length !== n) fail("VALUE", "shapeMismatch", { arg: "known_y", other: "known_x", a: n, b: obs.length });
  const w = opts.weights;
  if (w) {
    if (w.length !== n) fail("VALUE", "shapeMismatch", { arg: "weights", other: "known_y", a: w.length, b: n });
    for (const v of w) if (v.isNegative() && !v.isZero()) fail("NUM", "negative", { arg: "weights", value: v.toString() });
    if (w.every((v) => v.isZero())) fail("NUM", "allZeroWeights", { arg: "weights" });
  }
  if (polyDegree(form) > 0 && obs.some((r) => r.length !== 1)) fail("VALUE", "notVector", { arg: "known_x" });
  const rows: DWide[][] = [];
  const ys: DWide[] = [];
  // Logarithms of repeated values (furnace sizes, charges) are computed once per fit.
  const logForm = form === "log" || form === "power";
  const lnCache = new Map<string, DWide>();
  const lnOf = (v: DWide, arg: string): DWide => {
    const key = v.toString();
    let r = lnCache.get(key);
    if (r === undefined) {
      if (!v.gt(0)) fail("NUM", "notPositive", { arg, value: key });
      r = lnFast(v);
      lnCache.set(key, r);
    }
    return r;
  };
  const ws: DWide[] = [];
  for (let i = 0; i < n; i++) {
    const wi = w?.[i];
    if (wi?.isZero()) continue; // a zero weight removes the observation (it still had to be a number)
    // Linear terms and y are used as they are (exact decimals; the solver sums them exactly in BigInt).
    // ln and powers are computed at 100 digits, so those inputs are first carried into DWide.
    if (form === "linear") rows.push((obs[i] as D[]).slice());
    else {
      const xi = (obs[i] as D[]).map((v) => new DWide(v));
      rows.push(logForm ? xi.map((v) => lnOf(v, "known_x")) : regressorsOf(form, xi, "known_x"));
    }
    ys.push(form === "power" ? lnOf(new DWide(y[i] as D), "known_y") : (y[i] as D));
    if (wi) ws.push(new DWide(wi));
  }
  return w ? { rows, y: ys, weights: ws } : { rows, y: ys };
}

/** Fit y on the observation rows. Pure; throws CalcAbort (via fail) on bad input. */
export function regfit(y: readonly D[], obs: readonly D[][], opts: RegFitOptions = {}): LsqResult {
  const problem = prepareFit(y, obs, opts);
  return leastSquares({ ...problem, intercept: opts.intercept ?? true });
}

const na = (): CalcError => calcError("NA", "statsFiller");
const div0 = (what: string): CalcError => calcError("DIV0", "zeroDivisor", { arg: what });

/**
 * LINEST's five-row statistics block in b0-first column order:
 * coefs; standard errors; R², residual SD; F, residual df; SSreg, SSresid; other cells #N/A.
 */
export function statsBlock(r: LsqResult, intercept: boolean): OutScalar[][] {
  const width = r.coefs.length;
  const fill = (cells: OutScalar[]): OutScalar[] => [...cells, ...Array.from({ length: width - cells.length }, na)];
  const se: OutScalar[] = r.se.map((s, j) => {
    if (s !== undefined) return s;
    if (j === 0 && !intercept) return calcError("NA", "noIntercept");
    return div0("df");
  });
  return [
    r.coefs.slice(),
    se,
    fill([r.r2 ?? div0("SStotal"), r.residualSd ?? div0("df")]),
    fill([r.f ?? div0(r.df === 0 ? "df" : "SSresid"), r.df]),
    fill([r.ssreg, r.sse]),
  ];
}

function optionalWeights(raw: CellArg): D[] | undefined {
  if (raw === undefined || raw === null || raw === "") return undefined;
  if (isMatrix(raw) && raw.every((r) => r.every((c) => isBlank(c)))) return undefined;
  return strictVector("weights", raw);
}

/** REGFIT on raw cell arguments (also used by the CLI's LINEST). */
export function regfitCells(rawY: CellArg, rawX: CellArg, form: RegForm, rawWeights: CellArg, stats: boolean, intercept: boolean): OutScalar[][] {
  const yb = strictBlock("known_y", rawY);
  if (yb.rows > 1 && yb.cols > 1) fail("VALUE", "notVector", { arg: "known_y" });
  const y = yb.cells.flat();
  const yIsRow = yb.rows === 1 && yb.cols > 1;
  const obs = observationsOf(strictBlock("known_x", rawX), y.length, yIsRow);
  const weights = optionalWeights(rawWeights);
  const r = regfit(y, obs, { form, ...(weights ? { weights } : {}), intercept });
  return stats ? statsBlock(r, intercept) : [r.coefs.slice()];
}

export const REGFIT: FunctionSpec = {
  name: "REGFIT",
  description: {
    en: "Least-squares regression of known_y on the columns of known_x: returns b0, b1 … bk (b0 first), or with stats = TRUE the LINEST statistics block.",
    ja: "既知のy を既知のx の各列に最小二乗回帰し、係数 b0, b1 … bk（b0 が先頭）を返します。stats = TRUE で LINEST と同じ統計ブロックを返します。",
  },
  result: "array",
  args: [
    { name: "known_y", ja: "既知のy", type: "raw", description: { en: "The y values (one row or one column), e.g. intensities.", ja: "y の値（1 行または 1 列）。例: 原単位。" } },
    {
      name: "known_x",
      ja: "既知のx",
      type: "raw",
      description: {
        en: "The regressors: one column per variable (size, charges …), one row per observation.",
        ja: "説明変数：変数ごとに 1 列（炉の規模、チャージ数など）、観測ごとに 1 行。",
      },
    },
    {
      name: "form",
      ja: "式の形",
      type: "text",
      options: REG_FORMS,
      default: "linear",
      optional: true,
      description: {
        en: "\"linear\" (default), \"log\", \"power\" or \"poly2\" … \"poly10\".",
        ja: "\"linear\"（既定）、\"log\"、\"power\"、\"poly2\"〜\"poly10\"。",
      },
    },
    {
      name: "weights",
      ja: "重み",
      type: "raw",
      optional: true,
      description: { en: "Optional non-negative weights (e.g. production); 0 leaves a row out.", ja: "任意の 0 以上の重み（生産量など）。0 の行は除外されます。" },
    },
    {
      name: "stats",
      ja: "統計",
      type: "boolean",
      default: false,
      optional: true,
      description: { en: "TRUE returns the five-row statistics block (as LINEST, b0 first).", ja: "TRUE で 5 行の統計ブロック（LINEST と同じ、b0 が先頭）を返します。" },
    },
    {
      name: "intercept",
      ja: "定数項",
      type: "boolean",
      default: true,
      optional: true,
      description: { en: "FALSE fits without b0 (b0 = 0, uncentred R²).", ja: "FALSE で定数項 b0 なし（b0 = 0、R² は原点まわり）で当てはめます。" },
    },
  ],
  compute: ([y, x, form, w, stats, intercept]) =>
    regfitCells(y as CellArg, x as CellArg, form as RegForm, w as CellArg, stats as boolean, intercept as boolean),
  resultSize: ([y, x, form, , stats]) => {
    const f = sizingOption(() => choice("form", form?.value, REG_FORMS), "linear" as RegForm);
    const deg = polyDegree(f);
    return regressionSize(y ?? { rows: 1, cols: 1, value: undefined }, x, deg > 0 ? deg : undefined, sizingOption(() => scalarBoolean("stats", stats?.value), false));
  },
};

/**
 * The coefficients for REGPREDICT: a row or column, or the first row of a REGFIT stats block (5 rows).
 * Any other block (a 2×2 selected by mistake) is #VALUE!, not silently its first row.
 */
export function coefsOf(raw: CellArg): D[] {
  if (isMatrix(raw) && raw.length === 5 && (raw[0]?.length ?? 0) > 1) return strictVector("coefs", [raw[0] as CellMatrix[number]]);
  return strictVector("coefs", raw);
}

/** f(x) with REGFIT's coefficients. */
export function regpredict(x: D[], coefs: D[], form: RegForm = "linear"): D {
  return evaluateForm(form, coefs, x);
}

export const REGPREDICT: FunctionSpec = {
  name: "REGPREDICT",
  description: {
    en: "The value the regression predicts for one row x (size, charges …) with REGFIT's coefficients.",
    ja: "REGFIT の係数で、1 行の説明変数 x（炉の規模、チャージ数など）に対する回帰式の値を返します。",
  },
  result: "scalar",
  args: [
    { name: "x", ja: "x", type: "raw", description: { en: "The regressor values of one observation (one row or column).", ja: "1 観測分の説明変数の値（1 行または 1 列）。" } },
    {
      name: "coefs",
      ja: "係数",
      type: "raw",
      description: { en: "b0, b1 … bk as returned by REGFIT (or its stats block: the first row is used).", ja: "REGFIT が返す b0, b1 … bk（統計ブロックなら 1 行目を使用）。" },
    },
    {
      name: "form",
      ja: "式の形",
      type: "text",
      options: REG_FORMS,
      default: "linear",
      optional: true,
      description: { en: "The form used in REGFIT (default \"linear\").", ja: "REGFIT で使った式の形（既定 \"linear\"）。" },
    },
  ],
  compute: ([x, coefs, form]) => regpredict(strictVector("x", x as CellArg), coefsOf(coefs as CellArg), form as RegForm),
};
