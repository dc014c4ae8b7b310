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

/**
 * Furnace correction factor: f(avg_size, avg_charges) ÷ f(size, charges) of the industry regression.
 * @customfunction CORRFACTOR
 * @param size Furnace size (capacity, t).
 * @param charges Charges (casts per hour); blank for a one-regressor equation.
 * @param coefs Regression coefficients b0, b1 … (default bm.reg.coefs).
 * @param avg_size Industry-average furnace size, t (default bm.reg.avg_size).
 * @param avg_charges Industry-average charges per hour (default bm.reg.avg_charges).
 * @param form "linear", "log", "power" or "poly2"…"poly10" (default bm.reg.form, else "linear").
 * @returns The correction factor CF.
 */
export function corrfactor(size: any, charges?: any, coefs?: any[][], avg_size?: any, avg_charges?: any, form?: any): number {
  return callFromExcel("CORRFACTOR", [size, charges, coefs, avg_size, avg_charges, form]);
}

/**
 * Company correction factor from its furnaces: Σ emissions × CF ÷ Σ emissions.
 * @customfunction COMPANYCF
 * @param sizes Size of each furnace (t).
 * @param charges Charges per hour of each furnace; blank for a one-regressor equation.
 * @param emissions Emissions of each furnace (t-CO2).
 * @param coefs Regression coefficients b0, b1 … (default bm.reg.coefs).
 * @param avg_size Industry-average furnace size, t (default bm.reg.avg_size).
 * @param avg_charges Industry-average charges per hour (default bm.reg.avg_charges).
 * @param form "linear", "log", "power" or "poly2"…"poly10" (default bm.reg.form, else "linear").
 * @returns The company's correction factor.
 */
export function companycf(sizes: any[][], charges: any[][], emissions: any[][], coefs?: any[][], avg_size?: any, avg_charges?: any, form?: any): number {
  return callFromExcel("COMPANYCF", [sizes, charges, emissions, coefs, avg_size, avg_charges, form]);
}

/**
 * Upstream intensity: emissions ÷ semi-product production × cf (t-CO2/t).
 * @customfunction UPINTENSITY
 * @param emissions Upstream emissions (t-CO2).
 * @param semi_production Semi-product (slab, billet) production (t).
 * @param cf The company's correction factor (COMPANYCF).
 * @returns Corrected upstream intensity (t-CO2/t).
 */
export function upintensity(emissions: any, semi_production: any, cf: any): number {
  return callFromExcel("UPINTENSITY", [emissions, semi_production, cf]);
}

/**
 * Top-X % benchmark level of intensities (lower is better): PERCENTILE.INC, or activity-weighted.
 * @customfunction TARGET
 * @param intensities Intensities of the entities (t-CO2/t).
 * @param top_pct X of top-X %, 0–100 (e.g. 50 or 32.5).
 * @param activities Activity of each entity, same size as intensities (t).
 * @param method "count" (PERCENTILE.INC; default without activities) or "activity" (default with activities).
 * @returns The benchmark level (t-CO2/t).
 */
export function target(intensities: any[][], top_pct: any, activities?: any[][], method?: any): number {
  return callFromExcel("TARGET", [intensities, top_pct, activities, method]);
}

/**
 * Benchmark path: the level in a fiscal year on the straight line from base_value at base_fy to final_value at final_fy.
 * @customfunction BMPATH
 * @param base_value Level at base_fy (the top-50 % level, t-CO2/t).
 * @param final_value Level at final_fy (the top-32.5 % level, t-CO2/t).
 * @param fiscal_year Fiscal year, e.g. 2027.
 * @param base_fy First year of the path (default bm.base_fy, 2025: an assumption).
 * @param final_fy Last year of the path (default bm.final_fy, 2030).
 * @returns The level in that fiscal year (t-CO2/t).
 */
export function bmpath(base_value: any, final_value: any, fiscal_year: any, base_fy?: any, final_fy?: any): number {
  return callFromExcel("BMPATH", [base_value, final_value, fiscal_year, base_fy, final_fy]);
}

/**
 * Baseline activity from the base-period values (FY2023–2025) with statuses normal, none, opening, disaster.
 * @customfunction BASEACTIVITY
 * @param values Activity of each base year, a row or column (t).
 * @param statuses Status of each year: blank/"normal", "none", "opening", "disaster" (same size as values).
 * @param days Operating days of the opening year: a number, or a range shaped like values.
 * @returns The baseline activity (t).
 */
export function baseactivity(values: any[][], statuses?: any[][], days?: any[][]): number {
  return callFromExcel("BASEACTIVITY", [values, statuses, days]);
}

/**
 * Activity-change rule: the mean of the two latest years if it differs from the baseline by at least threshold_pct, else the baseline.
 * @customfunction REBASE
 * @param base_activity Baseline activity (t).
 * @param activity_1 Activity of the earlier of the two latest years (t).
 * @param activity_2 Activity of the latest year (t).
 * @param threshold_pct Threshold in % (default bm.rebase_threshold_pct, 7.5).
 * @returns The activity to use (t).
 */
export function rebase(base_activity: any, activity_1: any, activity_2: any, threshold_pct?: any): number {
  return callFromExcel("REBASE", [base_activity, activity_1, activity_2, threshold_pct]);
}

/**
 * Allocation: up_target × up_activity ÷ cf + down_target × down_activity (t-CO2), optionally rounded.
 * @customfunction ALLOWANCE
 * @param up_target Upstream target intensity (t-CO2/t): one value or one per product type.
 * @param up_activity Upstream baseline activity, semi-products (t): one value or one per product type.
 * @param cf The company's correction factor (COMPANYCF).
 * @param down_target Downstream target intensity (t-CO2/t): one value or one per product type.
 * @param down_activity Downstream baseline activity, product output (t): one value or one per product type.
 * @param rounding "none" (default), "floor", "round" (half away from zero) or "ceil" to whole t-CO2.
 * @returns The allocation (t-CO2).
 */
export function allowance(up_target: any[][], up_activity: any[][], cf: any, down_target: any[][], down_activity: any[][], rounding?: any): number {
  return callFromExcel("ALLOWANCE", [up_target, up_activity, cf, down_target, down_activity, rounding]);
}

/**
 * Upstream part of the allocation: up_target × up_activity ÷ cf (t-CO2).
 * @customfunction ALLOWANCE.UP
 * @param up_target Upstream target intensity (t-CO2/t): one value or one per product type.
 * @param up_activity Upstream baseline activity, semi-products (t): one value or one per product type.
 * @param cf The company's correction factor (COMPANYCF).
 * @returns The upstream allocation (t-CO2).
 */
export function allowance_up(up_target: any[][], up_activity: any[][], cf: any): number {
  return callFromExcel("ALLOWANCE.UP", [up_target, up_activity, cf]);
}

/**
 * Downstream part of the allocation: down_target × down_activity (t-CO2).
 * @customfunction ALLOWANCE.DOWN
 * @param down_target Downstream target intensity (t-CO2/t): one value or one per product type.
 * @param down_activity Downstream baseline activity, product output (t): one value or one per product type.
 * @returns The downstream allocation (t-CO2).
 */
export function allowance_down(down_target: any[][], down_activity: any[][]): number {
  return callFromExcel("ALLOWANCE.DOWN", [down_target, down_activity]);
}

/**
 * Balance: allowance + min(credits, 10 % of emissions) − emissions (t-CO2); negative is a shortfall.
 * @customfunction BALANCE
 * @param allowance Allocation (t-CO2).
 * @param emissions Verified emissions (t-CO2).
 * @param credits J-credits / JCM to surrender (t-CO2), capped at bm.credit_cap_pct of emissions.
 * @returns Surplus (positive) or shortfall (negative), t-CO2.
 */
export function balance(allowance: any, emissions: any, credits?: any): number {
  return callFromExcel("BALANCE", [allowance, emissions, credits]);
}

/**
 * GX-ETS price band (JPY/t-CO2): FY2026 lower 1,700 / upper 4,300, each later year × 1.03 (not rounded).
 * @customfunction PRICEBAND
 * @param fiscal_year Fiscal year, 2026 or later.
 * @param bound "upper" (default) or "lower".
 * @returns The price (JPY/t-CO2).
 */
export function priceband(fiscal_year: any, bound?: any): number {
  return callFromExcel("PRICEBAND", [fiscal_year, bound]);
}

/**
 * The value of a parameter from the active parameter set or a named edition (e.g. "bm.final_pct").
 * @customfunction PARAM
 * @param name Parameter name, e.g. "bm.final_pct".
 * @param edition Edition id (default: the active parameter set).
 * @returns The value (a list spills as a row).
 */
export function param(name: any, edition?: any): any[][] {
  return callFromExcel("PARAM", [name, edition]);
}

/**
 * The id of the active edition of a kind ("benchmark" by default, "factors", "lci").
 * @customfunction EDITION
 * @param kind "benchmark" (default), "factors" or "lci".
 * @returns The edition id.
 */
export function edition(kind?: any): string {
  return callFromExcel("EDITION", [kind]);
}
