import DecimalJs from "decimal.js";

/**
 * The project's one Decimal. Accounting arithmetic (intensities, allowances, balances, conversions)
 * uses it at 40 significant digits; decimal.js's global constructor is never touched.
 */
export const D = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 40 });
export type D = InstanceType<typeof D>;

/**
 * A wider clone for least squares (REGFIT): the normal equations of a degree-10 polynomial
 * (NIST Filip) lose ~30 digits to conditioning, so the regression works at 100 digits.
 */
export const DWide = DecimalJs.clone({ precision: 100, rounding: DecimalJs.ROUND_HALF_EVEN, toExpNeg: -120, toExpPos: 120 });
export type DWide = InstanceType<typeof DWide>;

/** A number from a cell, converted by its shortest round-trip string (0.1 stays 0.1). */
export function dec(n: number): D {
  return new D(n);
}

/** A Decimal back to the nearest double for Excel. */
export function num(d: DecimalJs.Value): number {
  return typeof d === "number" ? d : Number(d.toString());
}
