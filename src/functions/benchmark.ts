/* Excel wrappers for SPEC 3.1 and 3.5 (benchmark, parameters). JSDoc is the registration. */
import { callFromExcel } from "./runtime";

/**
 * Emission intensity: emissions divided by activity (t-CO2/t).
 * @customfunction INTENSITY
 * @param emissions Emissions (t-CO2).
 * @param activity Activity, e.g. production (t).
 * @returns Intensity (t-CO2/t).
 */
export function intensity(emissions: any, activity: any): number {
  return callFromExcel("INTENSITY", [emissions, activity]);
}

/**
 * Least-squares regression of known_y on the columns of known_x: returns b0, b1 … bk (b0 first), or with stats = TRUE the LINEST statistics block.
 * @customfunction REGFIT
 * @param known_y The y values (one row or one column), e.g. intensities.
 * @param known_x The regressors: one column per variable (size, charges …), one row per observation.
 * @param form "linear" (default), "log", "power" or "poly2" … "poly10".
 * @param weights Optional non-negative weights (e.g. production); 0 leaves a row out.
 * @param stats TRUE returns the five-row statistics block (as LINEST, b0 first).
 * @param intercept FALSE fits without b0 (b0 = 0, uncentred R²).
 * @returns A row b0 … bk, or a 5-row block with stats = TRUE.
 */
export function regfit(known_y: any, known_x: any, form?: any, weights?: any, stats?: any, intercept?: any): any[][] {
  return callFromExcel("REGFIT", [known_y, known_x, form, weights, stats, intercept]);
}

/**
 * The value the regression predicts for one row x (size, charges …) with REGFIT's coefficients.
 * @customfunction REGPREDICT
 * @param x The regressor values of one observation (one row or column).
 * @param coefs b0, b1 … bk as returned by REGFIT (or its stats block: the first row is used).
 * @param form The form used in REGFIT (default "linear").
 * @returns f(x).
 */
export function regpredict(x: any, coefs: any, form?: any): number {
  return callFromExcel("REGPREDICT", [x, coefs, form]);
}
