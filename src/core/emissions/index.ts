import type { FunctionSpec } from "../spec";

/** SPEC 3.2: emissions and energy. */
export const EMISSIONS_FUNCTIONS: readonly FunctionSpec[] = [];
