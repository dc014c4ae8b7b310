/**
 * Weighted least squares in 100-digit decimal arithmetic (DWide), the solver behind REGFIT,
 * REGPREDICT's fits and the CLI's native LINEST/LOGEST.
 *
 * Method (docs/decisions/150-regression.md): the augmented cross-product matrix
 * [1 X y]ᵀ W [1 X y] is accumulated exactly in BigInt (each column over a common power of ten;
 * cell values are short decimals, ≤ 17 significant digits) and rounded once to 100 digits. These
 * are the *exact* normal equations of the data, not the rounded double ones whose condition number
 * squares. They are then solved by the sweep operator (Gauss–Jordan on the
 * symmetric matrix) at 100 digits, intercept first, which yields in one pass the coefficients,
 * (XᵀWX)⁻¹ for the standard errors, the residual sum of squares and the centred total sum of
 * squares. A conditioning of 10⁶⁰ still leaves 40 correct digits; NIST Filip (the hardest StRD set)
 * needs far less. Pivots that fall to ~0 relative to their starting diagonal mean a column is a
 * linear combination of the earlier ones: we refuse with #NUM! (LINEST silently drops such columns).
 */
import { DWide } from "../decimal";
import { fail } from "../errors";

export interface LsqInput {
  /** n design rows of k regressors each (no intercept column). */
  readonly rows: readonly (readonly DWide[])[];
  readonly y: readonly DWide[];
  /** Positive WLS weights, one per row; omitted = all 1. Zero-weight rows must be removed by the caller. */
  readonly weights?: readonly DWide[];
  /** Fit b0 (true) or force b0 = 0 (false). */
  readonly intercept: boolean;
}

export interface LsqResult {
  /** b0, b1 … bk (b0 = 0 without intercept). */
  readonly coefs: DWide[];
  /** Standard error of each coefficient; undefined for b0 without intercept, and when df = 0. */
  readonly se: (DWide | undefined)[];
  /** Observations used. */
  readonly n: number;
  /** Regressors (k). */
  readonly k: number;
  /** Residual degrees of freedom, n − (k + 1) or n − k without intercept. */
  readonly df: number;
  /** Residual (weighted) sum of squares. */
  readonly sse: DWide;
  /** Regression sum of squares: centred SST − SSE, or Σw·y² − SSE without intercept. */
  readonly ssreg: DWide;
  /** SSreg / (SSreg + SSE); undefined when the total sum of squares is 0. */
  readonly r2: DWide | undefined;
  /** √(SSE / df); undefined when df = 0. */
  readonly residualSd: DWide | undefined;
  /** (SSreg / dfreg) / (SSE / df); undefined when df = 0 or SSE = 0. */
  readonly f: DWide | undefined;
}

/** A pivot below this fraction of its column's starting diagonal is treated as exact collinearity. */
export const COLLINEAR_TOLERANCE = new DWide("1e-60");

/** SSE at or below this fraction of Σw·y² is the rounding noise of an exact fit. */
const EXACT_FIT_TOLERANCE = new DWide("1e-60");
const ZERO = new DWide(0);
const ONE = new DWide(1);

/** A decimal as an integer mantissa and a power of ten: v = m × 10^exp (exact). */
export function scaledOf(v: DWide): { m: bigint; exp: number } {
  if (v.isZero()) return { m: 0n, exp: 0 };
  if (!v.isFinite()) throw new Error("non-finite value in least squares");
  const w = v.d;
  if (w.length <= 2) {
    // ≤ 14 digits (every cell value of up to 14 significant digits): exact in a double, no strings.
    const w0 = w[0] as number;
    const lead = w0 < 10 ? 1 : w0 < 100 ? 2 : w0 < 1e3 ? 3 : w0 < 1e4 ? 4 : w0 < 1e5 ? 5 : w0 < 1e6 ? 6 : 7;
    let num = w.length === 1 ? w0 : w0 * 1e7 + (w[1] as number);
    const count = lead + 7 * (w.length - 1);
    let tz = 0;
    while (num % 10 === 0) {
      num /= 10;
      tz++;
    }
    const m = BigInt(num);
    return { m: v.s < 0 ? -m : m, exp: v.e - (count - 1) + tz };
  }
  let digits = String(v.d[0]);
  for (let i = 1; i < v.d.length; i++) digits += String(v.d[i]).padStart(7, "0");
  const trimmed = digits.replace(/0+$/, "");
  const m = BigInt(trimmed);
  return { m: v.s < 0 ? -m : m, exp: v.e - (digits.length - 1) + (digits.length - trimmed.length) };
}

const POW10: bigint[] = [1n];
function pow10(k: number): bigint {
  for (let i = POW10.length; i <= k; i++) POW10.push((POW10[i - 1] as bigint) * 10n);
  return POW10[k] as bigint;
}

/** A column of decimals over one common power of ten: v_i = num_i × 10^scale, exactly. */
function scaledColumn(values: readonly DWide[]): { num: bigint[]; scale: number } {
  const parts = values.map(scaledOf);
  let scale = Infinity;
  for (const p of parts) if (p.m !== 0n && p.exp < scale) scale = p.exp;
  if (scale === Infinity) scale = 0;
  return { num: parts.map((p) => (p.m === 0n ? 0n : p.m * pow10(p.exp - scale))), scale };
}

/**
 * The augmented cross-product matrix [1 X y]ᵀ W [1 X y] as a full symmetric m × m array,
 * m = p + 1 with p = k + (intercept ? 1 : 0); the last row/column is y.
 * Every column is put over a common power of ten and the sums are accumulated in BigInt, so they
 * are exact; each sum is then rounded once to 100 digits.
 */
export function crossProducts(input: LsqInput): DWide[][] {
  const { rows, y, weights, intercept } = input;
  const n = rows.length;
  const k = n > 0 ? (rows[0] as readonly DWide[]).length : 0;
  const m = k + (intercept ? 1 : 0) + 1;
  const cols: { num: bigint[]; scale: number }[] = [];
  if (intercept) cols.push({ num: new Array<bigint>(n).fill(1n), scale: 0 });
  for (let j = 0; j < k; j++) cols.push(scaledColumn(rows.map((r) => r[j] as DWide)));
  cols.push(scaledColumn(y));
  const w = weights ? scaledColumn(weights) : undefined;
  const acc: bigint[] = new Array<bigint>((m * (m + 1)) / 2).fill(0n);
  const z: bigint[] = new Array<bigint>(m).fill(0n);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < m; a++) z[a] = (cols[a] as { num: bigint[] }).num[i] as bigint;
    const wi = w ? (w.num[i] as bigint) : 1n;
    let t = 0;
    for (let a = 0; a < m; a++) {
      const za = w ? (z[a] as bigint) * wi : (z[a] as bigint);
      for (let b = a; b < m; b++) acc[t] = (acc[t++] as bigint) + za * (z[b] as bigint);
    }
  }
  const full: DWide[][] = Array.from({ length: m }, () => new Array<DWide>(m).fill(ZERO));
  let t = 0;
  for (let a = 0; a < m; a++) {
    for (let b = a; b < m; b++) {
      const scale = (cols[a] as { scale: number }).scale + (cols[b] as { scale: number }).scale + (w ? w.scale : 0);
      const v = new DWide(`${(acc[t++] as bigint).toString()}e${scale}`);
      (full[a] as DWide[])[b] = v;
      (full[b] as DWide[])[a] = v;
    }
  }
  return full;
}

/**
 * Solve from an augmented cross-product matrix (as built by crossProducts, possibly by a faster
 * special-purpose builder). n is the number of observations, k the number of regressors.
 */
export function solveCrossProducts(cp: readonly (readonly DWide[])[], n: number, k: number, intercept: boolean): LsqResult {
  const p = k + (intercept ? 1 : 0);
  const m = p + 1;
  if (n === 0 || n < p) fail("NUM", "tooFewRows", { n, p });
  const a: DWide[][] = cp.map((r) => r.slice());
  const start = a.map((r, i) => r[i] as DWide);
  const yy = start[p] as DWide;
  // Centred total sum of squares: Syy − (Σw·y)² / Σw (from the intercept pivot).
  let sst: DWide;
  if (intercept) {
    const sw = (a[0] as DWide[])[0] as DWide;
    const sy = (a[0] as DWide[])[p] as DWide;
    sst = ((a[p] as DWide[])[p] as DWide).sub(sy.mul(sy).div(sw));
  } else sst = (a[p] as DWide[])[p] as DWide;

  // Sweep the p design columns (Goodnight 1979: divide the pivot row by d, eliminate the pivot
  // column from the other rows, a[i][s] = −a[i][s]/d, a[s][s] = 1/d). Afterwards
  // a[0..p-1][0..p-1] = (XᵀWX)⁻¹, a[j][p] = b_j and a[p][p] = SSE.
  for (let s = 0; s < p; s++) {
    const row = a[s] as DWide[];
    const d = row[s] as DWide;
    const ref = start[s] as DWide;
    if (ref.isZero() || d.lte(ref.mul(COLLINEAR_TOLERANCE))) {
      const column = intercept ? s : s + 1;
      fail("NUM", "collinear", { column });
    }
    for (let j = 0; j < m; j++) if (j !== s) row[j] = (row[j] as DWide).div(d);
    for (let i = 0; i < m; i++) {
      if (i === s) continue;
      const ri = a[i] as DWide[];
      const f = ri[s] as DWide;
      if (f.isZero()) {
        continue;
      }
      for (let j = 0; j < m; j++) if (j !== s) ri[j] = (ri[j] as DWide).sub(f.mul(row[j] as DWide));
      ri[s] = f.div(d).neg();
    }
    row[s] = ONE.div(d);
  }

  let sse = (a[p] as DWide[])[p] as DWide;
  // An exact fit leaves only rounding noise of the 100-digit sweep (≈ 10⁻⁹⁰ of Σw·y²); report it as the
  // exact 0 it is, so that SEs and the residual SD are 0 and F is #DIV/0!, as for NIST Wampler1.
  if (sse.lte(yy.mul(EXACT_FIT_TOLERANCE))) sse = ZERO;
  const df = n - p;
  const ssreg = sst.sub(sse);
  const r2 = sst.isZero() ? undefined : ssreg.div(sst);
  const s2 = df > 0 ? sse.div(df) : undefined;
  const residualSd = s2?.sqrt();
  const dfreg = intercept ? p - 1 : p;
  const f = s2 !== undefined && !sse.isZero() && dfreg > 0 ? ssreg.div(dfreg).div(s2) : undefined;

  const coefs: DWide[] = [];
  const se: (DWide | undefined)[] = [];
  if (!intercept) {
    coefs.push(ZERO);
    se.push(undefined);
  }
  for (let j = 0; j < p; j++) {
    coefs.push((a[j] as DWide[])[p] as DWide);
    if (s2 === undefined) se.push(undefined);
    else {
      const inv = (a[j] as DWide[])[j] as DWide;
      se.push(inv.isNegative() ? ZERO : s2.mul(inv).sqrt());
    }
  }
  return { coefs, se, n, k, df, sse, ssreg, r2, residualSd, f };
}

/** Fit y on the rows (plus an intercept unless intercept = false). */
export function leastSquares(input: LsqInput): LsqResult {
  const n = input.rows.length;
  const k = n > 0 ? (input.rows[0] as readonly DWide[]).length : 0;
  if (input.y.length !== n) fail("VALUE", "shapeMismatch", { arg: "known_y", other: "known_x", a: input.y.length, b: n });
  if (input.weights && input.weights.length !== n) {
    fail("VALUE", "shapeMismatch", { arg: "weights", other: "known_y", a: input.weights.length, b: n });
  }
  const p = k + (input.intercept ? 1 : 0);
  if (n === 0 || n < p) fail("NUM", "tooFewRows", { n, p });
  return solveCrossProducts(crossProducts(input), n, k, input.intercept);
}
