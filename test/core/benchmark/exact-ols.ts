/**
 * An independent oracle for the regression tests: ordinary least squares in exact rational
 * arithmetic (BigInt, fraction-free Gauss–Jordan on the integer-scaled normal equations). Different algorithm and
 * different arithmetic from src/core/benchmark/leastsquares.ts, so agreement means something.
 * Used for the standard errors, which NIST's file does not certify.
 */
import { DWide } from "../../../src/core/decimal";

export class Q {
  readonly n: bigint;
  readonly d: bigint;
  constructor(n: bigint, d: bigint = 1n) {
    if (d === 0n) throw new Error("zero denominator");
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n < 0n ? -n : n, d);
    this.n = g > 1n ? n / g : n;
    this.d = g > 1n ? d / g : d;
  }
  static parse(s: string): Q {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s.trim());
    if (!m) throw new Error(`not a decimal: ${s}`);
    const frac = m[3] ?? "";
    let n = BigInt((m[2] ?? "") + frac || "0");
    if (m[1] === "-") n = -n;
    const e = Number(m[4] ?? "0") - frac.length;
    return e >= 0 ? new Q(n * 10n ** BigInt(e)) : new Q(n, 10n ** BigInt(-e));
  }
  add(o: Q): Q {
    return new Q(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Q): Q {
    return new Q(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Q): Q {
    return new Q(this.n * o.n, this.d * o.d);
  }
  div(o: Q): Q {
    return new Q(this.n * o.d, this.d * o.n);
  }
  isZero(): boolean {
    return this.n === 0n;
  }
  wide(): DWide {
    return new DWide(this.n.toString()).div(this.d.toString());
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export interface ExactFit {
  readonly coefs: DWide[];
  readonly se: DWide[];
  readonly residualSd: DWide;
  readonly r2: DWide;
}

/** Exact OLS of y on the design rows (plus an intercept column first if intercept). */
export function exactOls(rows: readonly (readonly Q[])[], y: readonly Q[], intercept: boolean): ExactFit {
  const design = rows.map((r) => (intercept ? [new Q(1n), ...r] : [...r]));
  const p = design[0]?.length ?? 0;
  const n = design.length;
  // Put each column (and y) over one common denominator so that the sums are plain BigInt sums.
  const common = (vals: readonly Q[]): { num: bigint[]; den: bigint } => {
    const den = vals.reduce((l, v) => (l % v.d === 0n ? l : (l * v.d) / gcd(l, v.d)), 1n);
    return { num: vals.map((v) => v.n * (den / v.d)), den };
  };
  const cols = Array.from({ length: p }, (_, j) => common(design.map((r) => r[j] as Q)));
  const yc = common(y);
  const dot = (a: bigint[], b: bigint[]): bigint => a.reduce((s, v, k) => s + v * (b[k] as bigint), 0n);
  // XᵀX = Dg⁻¹·N·Dg⁻¹ with the integer matrix N = [Σ num_i·num_j] and Dg = diag(den); so
  // (XᵀX)⁻¹ = Dg·N⁻¹·Dg. N⁻¹ = adj(N)/det(N) by fraction-free (Bareiss) Gauss–Jordan on [N | I]:
  // every division below is exact, and no gcd is needed until the very end.
  const den = cols.map((c) => c.den);
  const xtyNum = cols.map((c) => dot(c.num, yc.num)); // (Xᵀy)_i = xtyNum_i / (den_i·yden)
  const m: bigint[][] = Array.from({ length: p }, (_, i) => [
    ...Array.from({ length: p }, (_u, j) => dot((cols[i] as { num: bigint[] }).num, (cols[j] as { num: bigint[] }).num)),
    ...Array.from({ length: p }, (_u, j) => (i === j ? 1n : 0n)),
  ]);
  let prev = 1n;
  for (let k = 0; k < p; k++) {
    const piv = m.findIndex((r, i) => i >= k && r[k] !== 0n);
    if (piv < 0) throw new Error("singular");
    if (piv !== k) {
      [m[k], m[piv]] = [m[piv] as bigint[], m[k] as bigint[]];
    }
    const rk = m[k] as bigint[];
    const akk = rk[k] as bigint;
    for (let i = 0; i < p; i++) {
      if (i === k) continue;
      const ri = m[i] as bigint[];
      const aik = ri[k] as bigint;
      for (let j = 0; j < 2 * p; j++) if (j !== k) ri[j] = (akk * (ri[j] as bigint) - aik * (rk[j] as bigint)) / prev;
      ri[k] = 0n;
    }
    prev = akk;
  }
  // Now every m[i][i] = prev and the right block is prev·N⁻¹ (row swaps are already undone by the
  // elimination acting on [N | I]).
  const det = prev;
  const invN = (i: number, j: number): Q => new Q((m[i] as bigint[])[p + j] as bigint, det);
  const b = Array.from({ length: p }, (_, j) => {
    // b_j = den_j · Σ_l (N⁻¹)_jl · den_l · (Xᵀy)_l = den_j · Σ_l (N⁻¹)_jl · xtyNum_l / yden
    let acc = 0n;
    for (let l = 0; l < p; l++) acc += ((m[j] as bigint[])[p + l] as bigint) * (xtyNum[l] as bigint);
    return new Q((den[j] as bigint) * acc, det * yc.den);
  });
  const syy = new Q(dot(yc.num, yc.num), yc.den * yc.den);
  const sy = new Q(yc.num.reduce((t, v) => t + v, 0n), yc.den);
  // b solves XᵀX b = Xᵀy exactly, so SSE = yᵀy − bᵀXᵀy holds exactly in rationals.
  const sse = b.map((bj, i) => bj.mul(new Q(xtyNum[i] as bigint, (den[i] as bigint) * yc.den))).reduce((t, v) => t.sub(v), syy);
  const sst = intercept ? syy.sub(sy.mul(sy).div(new Q(BigInt(n)))) : syy;
  const s2 = sse.div(new Q(BigInt(n - p)));
  const invDiag = (j: number): Q => invN(j, j).mul(new Q((den[j] as bigint) * (den[j] as bigint)));
  return {
    coefs: b.map((q) => q.wide()),
    se: b.map((_b, j) => s2.mul(invDiag(j)).wide().sqrt()),
    residualSd: s2.wide().sqrt(),
    r2: new Q(1n).sub(sse.div(sst)).wide(),
  };
}

/** Log relative error, NIST's accuracy measure, capped at 16 (beyond double precision). */
export function lre(est: number | DWide, cert: DWide | string): number {
  const c = new DWide(cert);
  const e = new DWide(est).sub(c).abs();
  if (e.isZero()) return 16;
  const rel = c.isZero() ? e : e.div(c.abs());
  return Math.min(16, -rel.log(10).toNumber());
}
