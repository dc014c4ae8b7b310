/**
 * An independent oracle for the regression tests: ordinary least squares in exact rational
 * arithmetic (BigInt fractions, Gauss–Jordan on the normal equations). Different algorithm and
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
  const cross = (i: number, j: number): Q => {
    const ci = cols[i] as { num: bigint[]; den: bigint };
    const cj = cols[j] as { num: bigint[]; den: bigint };
    return new Q(dot(ci.num, cj.num), ci.den * cj.den);
  };
  const xty = (i: number): Q => {
    const ci = cols[i] as { num: bigint[]; den: bigint };
    return new Q(dot(ci.num, yc.num), ci.den * yc.den);
  };
  // [XᵀX | I | Xᵀy]
  const a: Q[][] = Array.from({ length: p }, (_, i) => [
    ...Array.from({ length: p }, (_u, j) => cross(i, j)),
    ...Array.from({ length: p }, (_u, j) => new Q(i === j ? 1n : 0n)),
    xty(i),
  ]);
  const width = 2 * p + 1;
  for (let c = 0; c < p; c++) {
    const piv = a.findIndex((r, i) => i >= c && !(r[c] as Q).isZero());
    if (piv < 0) throw new Error("singular");
    [a[c], a[piv]] = [a[piv] as Q[], a[c] as Q[]];
    const pr = a[c] as Q[];
    const d = pr[c] as Q;
    for (let j = 0; j < width; j++) pr[j] = (pr[j] as Q).div(d);
    for (let i = 0; i < p; i++) {
      if (i === c) continue;
      const ri = a[i] as Q[];
      const f = ri[c] as Q;
      if (f.isZero()) continue;
      for (let j = 0; j < width; j++) ri[j] = (ri[j] as Q).sub(f.mul(pr[j] as Q));
    }
  }
  const b = a.map((r) => r[width - 1] as Q);
  const syy = new Q(dot(yc.num, yc.num), yc.den * yc.den);
  const sy = new Q(yc.num.reduce((t, v) => t + v, 0n), yc.den);
  // b solves XᵀX b = Xᵀy exactly, so SSE = yᵀy − bᵀXᵀy holds exactly in rationals.
  const sse = Array.from({ length: p }, (_, i) => (b[i] as Q).mul(xty(i))).reduce((t, v) => t.sub(v), syy);
  const sst = intercept ? syy.sub(sy.mul(sy).div(new Q(BigInt(n)))) : syy;
  const s2 = sse.div(new Q(BigInt(n - p)));
  return {
    coefs: b.map((q) => q.wide()),
    se: a.map((r, j) => s2.mul(r[p + j] as Q).wide().sqrt()),
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
