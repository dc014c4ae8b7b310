/**
 * Fast natural logarithm and exponential for Decimals, in BigInt binary fixed point (2^272 ≈ 81 decimal
 * places for the 100-digit clone, 2^192 ≈ 57 for the 40-digit one).
 *
 * decimal.js's ln/exp cost 0.4–1 ms per call, which made the log and power forms of REGFIT
 * (one ln per regressor per row) and CORRFACTOR (one ln/exp per furnace) far too slow. These
 * compute ln x to ~78 correct digits (absolute) and exp y to ~76 significant digits at the wide scale
 * (~54 at the narrow one), deterministically
 * (integer arithmetic only), and return a Decimal of the argument's own clone (so D results are rounded
 * to 40 digits, DWide results to 100 with ~75 of them correct). The scale is a power of two so that every
 * rescaling after a product is a shift, not a division by 10^80, and D arguments use the narrower scale
 * (npm run bench, one 2-core machine: ln of a D 7.1 → 4.0 µs, exp of a 40-digit D 12.2 → 6.4 µs, CORRFACTOR
 * core 29 → 19 µs); decimal ↔ binary conversions happen once per call.
 *
 * ln x: x = m·10^e (exact integer mantissa) = f·2^b·10^e with f ∈ [1, 2); f = (1 + j/64)(1 + r) with
 * 0 ≤ r < 1/64; ln(1 + r) = 2·atanh(r / (2 + r)) by its series; ln(1 + j/64), ln 2 and ln 10 are
 * tabulated once with the same series.
 * exp y: y = k·ln 2 + t, |t| ≤ ln2/2; exp(t) = (Taylor of t/2¹⁰)^(2¹⁰); result × 2^k.
 */
import type { D } from "../decimal";
import { scaledOf } from "./leastsquares";

/**
 * Two working scales: 2^272 (≈ 81 decimal places) for the 100-digit clone (DWide, ~75 correct digits as
 * before), and 2^192 (≈ 57 places) for clones of up to 40 digits (D): 17 guard digits keep the result
 * correctly rounded at 40 digits (the tests compare with decimal.js) with ~30 % fewer series terms.
 */
interface Scale {
  readonly F: bigint;
  readonly ONE: bigint;
  /** Decimal places carried before the final rounding to the clone's precision. */
  readonly digits: number;
  readonly ln2: bigint;
  readonly ln10: bigint;
  readonly lnTable: readonly bigint[];
}

const WIDE_F = 272n;

const POW10: bigint[] = [1n];
function pow10(k: number): bigint {
  for (let i = POW10.length; i <= k; i++) POW10.push((POW10[i - 1] as bigint) * 10n);
  return POW10[k] as bigint;
}

/** 2·atanh(z)·2^F for a fixed-point z (|z| small), by the series 2·Σ z^(2k+1)/(2k+1). */
function atanh2(z: bigint, F: bigint): bigint {
  const z2 = (z * z) >> F;
  let term = z;
  let sum = z;
  for (let k = 1; ; k++) {
    term = (term * z2) >> F;
    if (term === 0n || term === -1n) break;
    sum += term / BigInt(2 * k + 1);
  }
  return 2n * sum;
}

/** ln(a/b)·2^F for a rational a/b > 0 near 1, via z = (a − b)/(a + b). */
function lnRatio(a: bigint, b: bigint, F: bigint): bigint {
  return atanh2(((a - b) << F) / (a + b), F);
}

let scales: { wide: Scale; narrow: Scale } | undefined;

function scaleFor(precision: number): Scale {
  if (!scales) {
    // ln 2 = 2·atanh(1/3); ln 10 = 3·ln 2 + ln(5/4); ln(1 + j/64) — at the wide scale, then shifted down.
    const F = WIDE_F;
    const ln2 = lnRatio(2n, 1n, F);
    const ln10 = 3n * ln2 + lnRatio(5n, 4n, F);
    const lnTable = Array.from({ length: 64 }, (_, j) => lnRatio(64n + BigInt(j), 64n, F));
    const wide: Scale = { F, ONE: 1n << F, digits: 80, ln2, ln10, lnTable };
    const d = WIDE_F - 192n;
    const narrow: Scale = { F: 192n, ONE: 1n << 192n, digits: 57, ln2: ln2 >> d, ln10: ln10 >> d, lnTable: lnTable.map((v) => v >> d) };
    scales = { wide, narrow };
  }
  return precision <= 40 ? scales.narrow : scales.wide;
}

function scaleOfValue(x: D): Scale {
  return scaleFor((x.constructor as typeof D).precision);
}

/** Number of bits of m > 0. */
function bitLength(m: bigint): number {
  if (m < 0x100000000n) return 32 - Math.clz32(Number(m));
  const h = m.toString(16);
  return (h.length - 1) * 4 + (32 - Math.clz32(parseInt(h[0] as string, 16)));
}

/** A binary fixed-point value v·2^−(F−shift) as a Decimal of like's clone, rounded to its precision. */
function fromBinary(like: D, sc: Scale, v: bigint, shift = 0): D {
  const Ctor = like.constructor as typeof D;
  // Enough decimal places for the scale's significant digits even when the value is tiny (2^shift, shift < 0).
  const places = sc.digits + (shift < 0 ? Math.ceil(-shift * 0.30103) + 1 : 0);
  const right = Number(sc.F) - shift;
  const scaled = v * pow10(places);
  const dec = right >= 0 ? scaled >> BigInt(right) : scaled << BigInt(-right);
  return new Ctor(`${dec.toString()}e-${places}`).toSignificantDigits(Ctor.precision);
}

/** ln x as a binary fixed-point BigInt (×2^F of the scale); x > 0. */
function lnBinary(x: D, sc: Scale): bigint {
  const { F, ONE, ln2, ln10, lnTable } = sc;
  const { m, exp } = scaledOf(x);
  if (m <= 0n) throw new RangeError("ln of a non-positive number");
  const b = bitLength(m) - 1;
  const fb = Number(F);
  const f = b <= fb ? m << BigInt(fb - b) : m >> BigInt(b - fb); // f ∈ [2^F, 2^(F+1))
  const j = Number(((f - ONE) * 64n) >> F);
  const dj = ONE + (BigInt(j) << (F - 6n));
  const g = (f << F) / dj; // ∈ [2^F, 2^F·(1 + 1/64))
  const lnF = (lnTable[j] as bigint) + lnRatio(g, ONE, F);
  return lnF + BigInt(b) * ln2 + BigInt(exp) * ln10;
}

/** ln x as a decimal fixed-point BigInt (×10^80); x > 0. */
export function lnFixed(x: D): bigint {
  const sc = scaleFor(100);
  return (lnBinary(x, sc) * pow10(80)) >> sc.F;
}

/** Natural logarithm of x > 0, as a Decimal of x's own clone. */
export function lnFast(x: D): D {
  const sc = scaleOfValue(x);
  return fromBinary(x, sc, lnBinary(x, sc));
}

/** e^y as a Decimal of y's own clone. Very large |y| falls back to decimal.js. */
export function expFast(y: D): D {
  if (y.abs().gt(100000)) return y.exp();
  const sc = scaleOfValue(y);
  return expBinary(y, sc, toBinary(y, sc));
}

/** y as a binary fixed-point BigInt (×2^F of the scale, truncated toward zero). */
function toBinary(y: D, sc: Scale): bigint {
  const { m, exp } = scaledOf(y);
  return exp >= 0 ? (m * pow10(exp)) << sc.F : (m << sc.F) / pow10(-exp);
}

/** e^(yf·2^−F) as a Decimal of like's clone (|y| ≤ 100 000). */
function expBinary(like: D, sc: Scale, yf: bigint): D {
  const { F, ONE, ln2 } = sc;
  // k = round(y / ln 2)
  const twice = (2n * yf) / ln2;
  const k = twice >= 0n ? (twice + 1n) / 2n : -((-twice + 1n) / 2n);
  const t = yf - k * ln2;
  const SQUARINGS = 10;
  const u = t >> BigInt(SQUARINGS);
  let sum = ONE + u;
  let term = u;
  for (let n = 2; ; n++) {
    term = ((term * u) >> F) / BigInt(n);
    if (term === 0n) break;
    sum += term;
  }
  for (let i = 0; i < SQUARINGS; i++) sum = (sum * sum) >> F;
  const kn = Number(k);
  const Ctor = like.constructor as typeof D;
  if (Math.abs(kn) > 4000) return fromBinary(like, sc, sum).mul(new Ctor(2).pow(kn));
  return fromBinary(like, sc, sum, kn);
}

/**
 * The narrow (2^192, ~57 places) fixed point for callers that fuse several ln/exp of 40-digit values into
 * one rounding (CORRFACTOR's power form: exp(Σ bⱼ·(ln avgⱼ − ln xⱼ))): values stay BigInts between steps.
 */
export const NARROW_F = 192n;

/** ln x·2^192 (x > 0), the same fixed-point value lnFast rounds for a 40-digit x. */
export function lnNarrow(x: D): bigint {
  return lnBinary(x, scaleFor(40));
}

/** v·2^192 truncated toward zero. */
export function toNarrow(v: D): bigint {
  return toBinary(v, scaleFor(40));
}

/** e^(yf·2^−192) rounded to like's clone (at most 40 digits); the caller keeps |y| ≤ 100 000. */
export function expNarrow(like: D, yf: bigint): D {
  return expBinary(like, scaleFor(40), yf);
}
