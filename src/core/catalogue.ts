/** Every ALCN function, by family: the one table behind Excel, the CLI and the metadata. */
import { BENCHMARK_FUNCTIONS } from "./benchmark";
import { CIRCULAR_FUNCTIONS } from "./circular";
import { EMISSIONS_FUNCTIONS } from "./emissions";
import { FOLLOWUP_FUNCTIONS } from "./followup";
import type { FunctionSpec } from "./spec";

export const CATALOGUE: readonly FunctionSpec[] = [...BENCHMARK_FUNCTIONS, ...EMISSIONS_FUNCTIONS, ...FOLLOWUP_FUNCTIONS, ...CIRCULAR_FUNCTIONS];

const BY_NAME = new Map(CATALOGUE.map((f) => [f.name, f]));

export function functionSpec(name: string): FunctionSpec | undefined {
  return BY_NAME.get(name.toUpperCase());
}
