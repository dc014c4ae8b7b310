/**
 * Fast natural logarithm and exponential for Decimals, in BigInt binary fixed point (F = 272 bits ≈ 81
 * decimal places).
 *
 * decimal.js's ln/exp cost 0.4–1 ms per call, which made the log and power forms of REGFIT
 * (one ln per regressor per row) and CORRFACTOR (one ln/exp per furnace) far too slow. These
 * compute ln x to ~78 correct digits (absolute) and exp y to ~76 significant digits, deterministically
 * (integer arithmetic only), and return a Decimal of the argument's own clone (so D results are rounded
 * to 40 digits, DWide results to 100 with ~75 of them correct). The scale is a power of two so that every
 * rescaling after a product is a shift, not a division by 10^80 (bench: CORRFACTOR's one ln pair and exp
 * went from ~33 to ~12 µs); decimal ↔ binary conversions happen once per call.
 *
 * ln x: x = m·10^e (exact integer mantissa) = f·2^b·10^e with f ∈ [1, 2); f = (1 + j/64)(1 + r) with
 * 0 ≤ r < 1/64; ln(1 + r) = 2·atanh(r / (2 + r)) by its series; ln(1 + j/64), ln 2 and ln 10 are
 * tabulated once with the same series.
 * exp y: y = k·ln 2 + t, |t| ≤ ln2/2; exp(t) = (Taylor of t/2¹⁰)^(2¹⁰); result × 2^k.
 */
import type { D } from "../decimal";
import { scaledOf } from "./leastsquares";

/** Decimal places the results carry before the final rounding to the clone's precision. */
const DIGITS = 80;
const F = 272;
const FB = BigInt(F);
const ONE = 1n << FB;

const POW10: bigint[] = [1n];
function pow10(k: number): bigint {
  for (let i = POW10.length; i <= k; i++) POW10.push((POW10[i - 1] as bigint) * 10n);
  return POW10[k] as bigint;
}

/** 2·atanh(z)·2^F for a fixed-point z (|z| small), by the series 2·Σ z^(2k+1)/(2k+1). */
function atanh2(z: bigint): bigint {
  const z2 = (z * z) >> FB;
  let term = z;
  let sum = z;
  for (let k = 1; ; k++) {
    term = (term * z2) >> FB;
    if (term === 0n || term === -1n) break;
    sum += term / BigInt(2 * k + 1);
  }
  return 2n * sum;
}

/** ln(a/b)·2^F for a rational a/b > 0 near 1, via z = (a − b)/(a + b). */
function lnRatio(a: bigint, b: bigint): bigint {
  return atanh2(((a - b) << FB) / (a + b));
}

let tables: { ln2: bigint; ln10: bigint; lnTable: bigint[] } | undefined;

function tablesOf(): { ln2: bigint; ln10: bigint; lnTable: bigint[] } {
  if (tables) return tables;
  // ln 2 = 2·atanh(1/3); ln 10 = 3·ln 2 + ln(5/4).
  const ln2 = lnRatio(2n, 1n);
  const ln10 = 3n * ln2 + lnRatio(5n, 4n);
  const lnTable = Array.from({ length: 64 }, (_, j) => lnRatio(64n + BigInt(j), 64n));
  tables = { ln2, ln10, lnTable };
  return tables;
}

/** Number of bits of m > 0. */
function bitLength(m: bigint): number {
  if (m < 0x100000000n) return 32 - Math.clz32(Number(m));
  const h = m.toString(16);
  return (h.length - 1) * 4 + (32 - Math.clz32(parseInt(h[0] as string, 16)));
}

/** A binary fixed-point value v·2^−(F−shift) as a Decimal of like's clone, rounded to its precision. */
function fromBinary(like: D, v: bigint, shift = 0): D {
  const Ctor = like.constructor as typeof D;
  // Enough decimal places for DIGITS significant digits even when the value is tiny (2^shift, shift < 0).
  const places = DIGITS + (shift < 0 ? Math.ceil(-shift * 0.30103) + 1 : 0);
  const right = F - shift;
  const scaled = v * pow10(places);
  const dec = right >= 0 ? scaled >> BigInt(right) : scaled << BigInt(-right);
  return new Ctor(`${dec.toString()}e-${places}`).toSignificantDigits(Ctor.precision);
}

/** ln x as a binary fixed-point BigInt (×2^F); x > 0. */
function lnBinary(x: D): bigint {
  const { ln2, ln10, lnTable } = tablesOf();
  const { m, exp } = scaledOf(x);
  if (m <= 0n) throw new RangeError("ln of a non-positive number");
  const b = bitLength(m) - 1;
  const f = b <= F ? m << BigInt(F - b) : m >> BigInt(b - F); // f ∈ [2^F, 2^(F+1))
  const j = Number(((f - ONE) * 64n) >> FB);
  const dj = ONE + (BigInt(j) << (FB - 6n));
  const g = (f << FB) / dj; // ∈ [2^F, 2^F·(1 + 1/64))
  const lnF = (lnTable[j] as bigint) + lnRatio(g, ONE);
  return lnF + BigInt(b) * ln2 + BigInt(exp) * ln10;
}

/** ln x as a decimal fixed-point BigInt (×10^80); x > 0. */
export function lnFixed(x: D): bigint {
  return (lnBinary(x) * pow10(DIGITS)) >> FB;
}

/** Natural logarithm of x > 0, as a Decimal of x's own clone. */
export function lnFast(x: D): D {
  return fromBinary(x, lnBinary(x));
}

/** e^y as a Decimal of y's own clone. Very large |y| falls back to decimal.js. */
export function expFast(y: D): D {
  if (y.abs().gt(100000)) return y.exp();
  const { ln2 } = tablesOf();
  const { m, exp } = scaledOf(y);
  const yf = exp >= 0 ? (m * pow10(exp)) << FB : (m << FB) / pow10(-exp);
  // k = round(y / ln 2)
  const twice = (2n * yf) / ln2;
  const k = twice >= 0n ? (twice + 1n) / 2n : -((-twice + 1n) / 2n);
  const t = yf - k * ln2;
  const SQUARINGS = 10n;
  const u = t >> SQUARINGS;
  let sum = ONE + u;
  let term = u;
  for (let n = 2; ; n++) {
    term = ((term * u) >> FB) / BigInt(n);
    if (term === 0n) break;
    sum += term;
  }
  for (let i = 0; i < Number(SQUARINGS); i++) sum = (sum * sum) >> FB;
  const kn = Number(k);
  const Ctor = y.constructor as typeof D;
  if (Math.abs(kn) > 4000) return fromBinary(y, sum).mul(new Ctor(2).pow(kn));
  return fromBinary(y, sum, kn);
}
