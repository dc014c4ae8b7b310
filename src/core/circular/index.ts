import type { FunctionSpec } from "../spec";

/** SPEC 3.4: recycling and Scope 3. */
export const CIRCULAR_FUNCTIONS: readonly FunctionSpec[] = [];
