import type { FunctionSpec } from "../spec";
import { INGOTCO2, RECYCLEDSAVING } from "./recycling";

/** SPEC 3.4: recycling and Scope 3. */
export const CIRCULAR_FUNCTIONS: readonly FunctionSpec[] = [RECYCLEDSAVING, INGOTCO2];
