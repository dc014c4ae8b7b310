/* Excel wrappers for SPEC 3.4 (recycling and Scope 3). JSDoc is the registration. */
import { callFromExcel } from "./runtime";

/**
 * CO2 avoided by recycled ingot (t-CO2): recycled_t × (primary_factor − recycled_factor).
 * @customfunction RECYCLEDSAVING
 * @param recycled_t Recycled ingot used (t).
 * @param primary_factor CO2 of primary ingot (t-CO2/t); default 12.71 (Japan Aluminium Association LCI data).
 * @param recycled_factor CO2 of recycled ingot (t-CO2/t); default 0.303 (Japan Aluminium Association LCI data).
 * @returns CO2 avoided (t-CO2).
 */
export function recycledsaving(recycled_t: any, primary_factor?: any, recycled_factor?: any): number {
  return callFromExcel("RECYCLEDSAVING", [recycled_t, primary_factor, recycled_factor]);
}

/**
 * Scope 3 CO2 of purchased ingot (t-CO2): primary_t × primary_factor + recycled_t × recycled_factor.
 * @customfunction INGOTCO2
 * @param primary_t Primary ingot purchased (t).
 * @param recycled_t Recycled ingot purchased (t).
 * @param primary_factor CO2 of primary ingot (t-CO2/t); default 12.71 (Japan Aluminium Association LCI data).
 * @param recycled_factor CO2 of recycled ingot (t-CO2/t); default 0.303 (Japan Aluminium Association LCI data).
 * @returns Scope 3 CO2 (t-CO2).
 */
export function ingotco2(primary_t: any, recycled_t: any, primary_factor?: any, recycled_factor?: any): number {
  return callFromExcel("INGOTCO2", [primary_t, recycled_t, primary_factor, recycled_factor]);
}
