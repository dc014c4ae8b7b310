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
