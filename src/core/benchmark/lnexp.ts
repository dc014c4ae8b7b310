/**
 * Fast natural logarithm and exponential for Decimals, in BigInt fixed point (80 decimal places).
 *
 * decimal.js's ln/exp cost 0.4–1 ms per call, which made the log and power forms of REGFIT
 * (one ln per regressor per row) and CORRFACTOR (one ln/exp per furnace) far too slow. These
 * compute ln x to ~77 correct digits (absolute) and exp y to ~75 significant digits in ~10–20 µs,
 * deterministically (integer arithmetic only), and return a Decimal of the argument's own clone
 * (so D results are rounded to 40 digits, DWide results to 100 with ~75 of them correct).
 *
 * ln x: x = m·10^e (exact integer mantissa) = f·2^b·10^e with f ∈ [1, 2); f = (1 + j/64)(1 + r) with
 * 0 ≤ r < 1/64; ln(1 + r) = 2·atanh(r / (2 + r)) by its series; ln(1 + j/64), ln 2 and ln 10 are
 * tabulated once with the same series.
 * exp y: y = k·ln 2 + t, |t| ≤ ln2/2; exp(t) = (Taylor of t/2¹⁰)^(2¹⁰); result × 2^k.
 */
import type { D } from "../decimal";
import { scaledOf } from "./leastsquares";

const DIGITS = 80;
const S = 10n ** BigInt(DIGITS);

/** 2·atanh(z/S)·S for a fixed-point z, by the series 2·Σ z^(2k+1)/(2k+1). */
function atanh2(z: bigint): bigint {
  const z2 = (z * z) / S;
  let term = z;
  let sum = z;
  for (let k = 1; ; k++) {
    term = (term * z2) / S;
    if (term === 0n) break;
    sum += term / BigInt(2 * k + 1);
  }
  return 2n * sum;
}

/** ln(a/b)·S for a rational a/b > 0 near 1, via z = (a − b)/(a + b). */
function lnRatio(a: bigint, b: bigint): bigint {
  return atanh2(((a - b) * S) / (a + b));
}

let tables: { ln2: bigint; ln10: bigint; lnTable: bigint[] } | undefined;

function tablesOf(): { ln2: bigint; ln10: bigint; lnTable: bigint[] } {
  if (tables) return tables;
  // ln 2 = 2·atanh(1/3) (a series in 1/9, ~85 terms for 80 digits); ln 10 = 3·ln 2 + ln(5/4).
  const ln2 = lnRatio(2n, 1n);
  const ln10 = 3n * ln2 + lnRatio(5n, 4n);
  const lnTable = Array.from({ length: 64 }, (_, j) => lnRatio(64n + BigInt(j), 64n));
  tables = { ln2, ln10, lnTable };
  return tables;
}

function bitLength(m: bigint): number {
  return m.toString(2).length;
}

/** A fixed-point value as a Decimal of like's clone, rounded to that clone's precision. */
function fromFixed(like: D, v: bigint): D {
  const Ctor = like.constructor as typeof D;
  return new Ctor(`${v.toString()}e-${DIGITS}`).toSignificantDigits(Ctor.precision);
}

/** ln x as a fixed-point BigInt (×10^80); x > 0. */
export function lnFixed(x: D): bigint {
  const { ln2, ln10, lnTable } = tablesOf();
  const { m, exp } = scaledOf(x);
  if (m <= 0n) throw new RangeError("ln of a non-positive number");
  const b = bitLength(m) - 1;
  const f = (m * S) >> BigInt(b); // f ∈ [S, 2S)
  const j = Number(((f - S) * 64n) / S);
  const dj = S + (BigInt(j) * S) / 64n;
  const g = (f * S) / dj; // ∈ [S, S·(1 + 1/64))
  const lnF = (lnTable[j] as bigint) + lnRatio(g, S);
  return lnF + BigInt(b) * ln2 + BigInt(exp) * ln10;
}

/** Natural logarithm of x > 0, as a Decimal of x's own clone. */
export function lnFast(x: D): D {
  return fromFixed(x, lnFixed(x));
}

/** e^y as a Decimal of y's own clone. Very large |y| falls back to decimal.js. */
export function expFast(y: D): D {
  if (y.abs().gt(100000)) return y.exp();
  const { ln2 } = tablesOf();
  const { m, exp } = scaledOf(y);
  const yf = exp >= -DIGITS ? m * 10n ** BigInt(exp + DIGITS) : m / 10n ** BigInt(-exp - DIGITS);
  // k = round(y / ln 2)
  const twice = (2n * yf) / ln2;
  const k = twice >= 0n ? (twice + 1n) / 2n : -((-twice + 1n) / 2n);
  const t = yf - k * ln2;
  const SQUARINGS = 10;
  const u = t / BigInt(1 << SQUARINGS);
  let sum = S + u;
  let term = u;
  for (let n = 2; ; n++) {
    term = (term * u) / (S * BigInt(n));
    if (term === 0n) break;
    sum += term;
  }
  for (let i = 0; i < SQUARINGS; i++) sum = (sum * sum) / S;
  // × 2^k exactly (2^−n = 5^n / 10^n), then one rounding to the clone's precision.
  const Ctor = y.constructor as typeof D;
  const kn = Number(k);
  if (Math.abs(kn) > 4000) return new Ctor(`${sum.toString()}e-${DIGITS}`).mul(new Ctor(2).pow(kn));
  const exact = kn >= 0 ? `${(sum << k).toString()}e-${DIGITS}` : `${(sum * 5n ** -k).toString()}e-${DIGITS - kn}`;
  return new Ctor(exact).toSignificantDigits(Ctor.precision);
}
