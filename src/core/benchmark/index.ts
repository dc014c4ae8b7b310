import type { FunctionSpec } from "../spec";
import { INTENSITY } from "./intensity";

/** SPEC 3.1 and 3.5: the benchmark and parameter functions. */
export const BENCHMARK_FUNCTIONS: readonly FunctionSpec[] = [INTENSITY];
