import type { FunctionSpec } from "../spec";
import { INTENSITY } from "./intensity";
import { REGFIT, REGPREDICT } from "./regression";

/** SPEC 3.1 and 3.5: the benchmark and parameter functions. */
export const BENCHMARK_FUNCTIONS: readonly FunctionSpec[] = [INTENSITY, REGFIT, REGPREDICT];
