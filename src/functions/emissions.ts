/* Excel wrappers for SPEC 3.2 (emissions and energy). JSDoc is the registration. */
import { callFromExcel } from "./runtime";

/**
 * Scope 1 CO2 of a fuel (t-CO2): amount × GJ/unit × tC/GJ × 44/12, with the SHK calculation ordinance factors.
 * @customfunction FUELCO2
 * @param amount Fuel used, in the ordinance's unit: kL (kerosene, fuel oil A, B/C), t (LPG, LNG), thousand m³ (natural gas, city gas).
 * @param fuel Fuel name: 灯油/kerosene, A重油/fuel oil A, B・C重油/fuel oil B/C, LPG, LNG, 天然ガス/natural gas, 都市ガス/city gas.
 * @param edition Factor edition id, e.g. "shk-2024" (default: the active factors edition) or "shk-h22".
 * @returns CO2 (t-CO2).
 */
export function fuelco2(amount: any, fuel: any, edition?: any): number {
  return callFromExcel("FUELCO2", [amount, fuel, edition]);
}

/**
 * Heat of a fuel (GJ): amount × GJ/unit, with the SHK calculation ordinance factors.
 * @customfunction FUELGJ
 * @param amount Fuel used, in the ordinance's unit: kL (kerosene, fuel oil A, B/C), t (LPG, LNG), thousand m³ (natural gas, city gas).
 * @param fuel Fuel name: 灯油/kerosene, A重油/fuel oil A, B・C重油/fuel oil B/C, LPG, LNG, 天然ガス/natural gas, 都市ガス/city gas.
 * @param edition Factor edition id, e.g. "shk-2024" (default: the active factors edition) or "shk-h22".
 * @returns Heat (GJ).
 */
export function fuelgj(amount: any, fuel: any, edition?: any): number {
  return callFromExcel("FUELGJ", [amount, fuel, edition]);
}

/**
 * A fuel's SHK factor: "gj" heat value (GJ/unit), "tc" carbon factor (tC/GJ) or "co2" (t-CO2/unit = GJ × tC × 44/12).
 * @customfunction FACTOR
 * @param fuel Fuel name: 灯油/kerosene, A重油/fuel oil A, B・C重油/fuel oil B/C, LPG, LNG, 天然ガス/natural gas, 都市ガス/city gas.
 * @param what "gj" (GJ/unit), "tc" (tC/GJ) or "co2" (t-CO2/unit).
 * @param edition Factor edition id, e.g. "shk-2024" (default: the active factors edition) or "shk-h22".
 * @returns The factor.
 */
export function factor(fuel: any, what: any, edition?: any): number {
  return callFromExcel("FACTOR", [fuel, what, edition]);
}

/**
 * Crude-oil equivalent (kL) of an energy amount under the Energy Conservation Act: GJ × 0.0258.
 * @customfunction TOCRUDE
 * @param gj Energy (GJ).
 * @returns Crude-oil equivalent (kL).
 */
export function tocrude(gj: any): number {
  return callFromExcel("TOCRUDE", [gj]);
}

/**
 * Energy (GJ) of a crude-oil equivalent under the Energy Conservation Act: kL ÷ 0.0258.
 * @customfunction FROMCRUDE
 * @param kl Crude-oil equivalent (kL).
 * @returns Energy (GJ).
 */
export function fromcrude(kl: any): number {
  return callFromExcel("FROMCRUDE", [kl]);
}

/**
 * CO2 of purchased electricity (t-CO2): kWh × factor (kg-CO2/kWh) ÷ 1000.
 * @customfunction ELECCO2
 * @param kwh Electricity used (kWh).
 * @param factor Emission factor in kg-CO2/kWh (e.g. 0.441; a factor listed as 0.000441 t-CO2/kWh is 0.441 kg-CO2/kWh).
 * @returns CO2 (t-CO2).
 */
export function elecco2(kwh: any, factor: any): number {
  return callFromExcel("ELECCO2", [kwh, factor]);
}
