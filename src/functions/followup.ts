/* Excel wrappers for SPEC 3.3 (carbon-neutral action plan follow-up). JSDoc is the registration. */
import { callFromExcel } from "./runtime";

/**
 * Change rate: actual ÷ base − 1 (against the base year or the previous year), as a fraction.
 * @customfunction CHANGERATE
 * @param actual This year's value.
 * @param base The base-year (or previous-year) value.
 * @returns The change rate (format the cell as %).
 */
export function changerate(actual: any, base: any): number {
  return callFromExcel("CHANGERATE", [actual, base]);
}

/**
 * Progress rate: (base − actual) ÷ (base − target), as a fraction.
 * @customfunction PROGRESS
 * @param base Base-year value.
 * @param actual Actual value of the year.
 * @param target Target value (e.g. FY2030).
 * @returns The progress rate (format the cell as %).
 */
export function progress(base: any, actual: any, target: any): number {
  return callFromExcel("PROGRESS", [base, actual, target]);
}

/**
 * Coverage: participants ÷ (total − excluded), as a fraction (e.g. the plan's share of the industry's production).
 * @customfunction COVERAGE
 * @param participants The participating companies' total (e.g. production, t).
 * @param total The whole industry's total, in the same unit.
 * @param excluded Part of the total outside the scope (e.g. the sash industry); default 0.
 * @returns The coverage (format the cell as %).
 */
export function coverage(participants: any, total: any, excluded?: any): number {
  return callFromExcel("COVERAGE", [participants, total, excluded]);
}

/**
 * Factor analysis of the CO2 change: a row [activity, emission factor, energy intensity, total] effects, each a fraction of co2_0.
 * @customfunction DECOMPOSE
 * @param activity0 Activity (e.g. production, t) in the base (or previous) year.
 * @param energy0 Energy use in the base year (e.g. TJ or kL crude-oil equivalent).
 * @param co2_0 CO2 emissions in the base year (t-CO2).
 * @param activity1 Activity in the year analysed, same unit.
 * @param energy1 Energy use in the year analysed, same unit.
 * @param co2_1 CO2 emissions in the year analysed (t-CO2).
 * @param method "lmdi" (default: additive LMDI-I, the effects add up to the total) or "simple" (each factor's own change rate; the residual stays in the total).
 * @returns One row of four fractions (format as %).
 */
export function decompose(activity0: any, energy0: any, co2_0: any, activity1: any, energy1: any, co2_1: any, method?: any): any[][] {
  return callFromExcel("DECOMPOSE", [activity0, energy0, co2_0, activity1, energy1, co2_1, method]);
}

/**
 * Rolling-adjusted quantity: extrusion + sheet × [(1 − cold_share) + cold_share × (thickness ÷ base_thickness)^exponent].
 * @customfunction ROLLINGQTY
 * @param extrusion Extrusion output (t).
 * @param sheet Sheet (rolled) output (t).
 * @param cold_share Cold-rolling energy ÷ total energy, a fraction from 0 to 1.
 * @param thickness Average plate thickness of the year (mm).
 * @param base_thickness Base-year average plate thickness (mm).
 * @param exponent Exponent of the thickness ratio; default −0.5.
 * @returns The rolling-adjusted quantity (t).
 */
export function rollingqty(extrusion: any, sheet: any, cold_share: any, thickness: any, base_thickness: any, exponent?: any): number {
  return callFromExcel("ROLLINGQTY", [extrusion, sheet, cold_share, thickness, base_thickness, exponent]);
}

/**
 * Weighted average: Σ value × weight ÷ Σ weight (e.g. average plate thickness by weight, average furnace size by production).
 * @customfunction WAVG
 * @param values The values (a row, a column or a range).
 * @param weights The weights, one per value (≥ 0).
 * @returns The weighted average.
 */
export function wavg(values: any[][], weights: any[][]): number {
  return callFromExcel("WAVG", [values, weights]);
}
