import type { FunctionSpec } from "../spec";
import { ELECCO2, FROMCRUDE, TOCRUDE } from "./conversions";
import { FACTOR, FUELCO2, FUELGJ } from "./factors";

/** SPEC 3.2: emissions and energy. */
export const EMISSIONS_FUNCTIONS: readonly FunctionSpec[] = [FUELCO2, FUELGJ, FACTOR, TOCRUDE, FROMCRUDE, ELECCO2];
