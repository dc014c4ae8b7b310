/**
 * Screening statistics for the input checks, in plain doubles (a screen, not accounting):
 * the median, and externally studentised residuals of a least-squares fit computed through a
 * modified Gram–Schmidt QR (no normal equations).
 */

export function median(xs: readonly number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const s = xs.slice().sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export interface ResidualFit {
  /** Fitted values. */
  readonly fitted: number[];
  /** Raw residuals y − ŷ. */
  readonly residuals: number[];
  /** Externally studentised residuals t_i = e_i / (s_(i) √(1 − h_ii)); NaN where undefined. */
  readonly studentised: number[];
}

/**
 * Least squares of y on [1, x_1 … x_k] and the externally studentised residual of each point.
 * Returns undefined when there are too few points (n < p + 2) or the columns are collinear.
 */
export function studentisedResiduals(y: readonly number[], xs: readonly (readonly number[])[]): ResidualFit | undefined {
  const n = y.length;
  const cols: number[][] = [y.map(() => 1), ...xs.map((c) => c.slice())];
  const p = cols.length;
  if (n < p + 2) return undefined;
  // modified Gram–Schmidt: Q (n×p) with orthonormal columns
  const q: number[][] = [];
  for (let j = 0; j < p; j++) {
    const v = (cols[j] as number[]).slice();
    const norm0 = Math.hypot(...v);
    for (const qk of q) {
      let d = 0;
      for (let i = 0; i < n; i++) d += (qk[i] as number) * (v[i] as number);
      for (let i = 0; i < n; i++) v[i] = (v[i] as number) - d * (qk[i] as number);
    }
    const norm = Math.hypot(...v);
    if (!(norm > 1e-10 * Math.max(norm0, 1e-300))) return undefined;
    q.push(v.map((x) => x / norm));
  }
  const fitted = new Array<number>(n).fill(0);
  for (const qk of q) {
    let d = 0;
    for (let i = 0; i < n; i++) d += (qk[i] as number) * (y[i] as number);
    for (let i = 0; i < n; i++) fitted[i] = (fitted[i] as number) + d * (qk[i] as number);
  }
  const residuals = y.map((v, i) => v - (fitted[i] as number));
  const sse = residuals.reduce((s, e) => s + e * e, 0);
  const studentised = residuals.map((e, i) => {
    const h = q.reduce((s, qk) => s + (qk[i] as number) ** 2, 0);
    const oneMinusH = 1 - h;
    if (!(oneMinusH > 1e-12)) return NaN;
    const sDeleted2 = (sse - (e * e) / oneMinusH) / (n - p - 1);
    if (!(sDeleted2 > 0)) return e === 0 ? 0 : Math.sign(e) * Infinity;
    return e / Math.sqrt(sDeleted2 * oneMinusH);
  });
  return { fitted, residuals, studentised };
}
