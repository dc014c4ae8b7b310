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
