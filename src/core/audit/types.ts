/** Shapes shared by the audit explainers and the explanation they produce. */
import type { Text } from "../spec";
import type { CellArg } from "../values";

/** One intermediate value of a computation (e.g. f(avg), CF of furnace 3). */
export interface AuditStep {
  readonly label: Text;
  readonly value: number | string;
  readonly note?: Text;
}

/** What an explainer's recomputation can read besides the arguments: the active parameters. */
export interface PlainEnv {
  /** A parameter value (number, text or list), or undefined when not set / unknown. */
  param(name: string, edition?: string): number | string | readonly number[] | undefined;
}

/** The independent recomputation's outcome. */
export interface PlainResult {
  readonly value: number | readonly (readonly number[])[];
  /** Size of the terms the result came from (for results that cancel, e.g. BALANCE ≈ 0). */
  readonly scale?: number;
}

/** The rule of one function, its source and (for covered functions) how to recompute it. */
export interface Explainer {
  readonly rule: Text;
  readonly source: Text;
  /**
   * Plain-double recomputation, independent of the core. Pushes intermediate values to `steps`;
   * throws PlainError (expected error code) or PlainUnavailable.
   */
  readonly recompute?: (args: readonly CellArg[], env: PlainEnv, steps: AuditStep[]) => PlainResult;
  /** The same computation as a native Excel formula, from the argument texts (addresses) and values. */
  readonly native?: (texts: readonly string[], args: readonly CellArg[], env: PlainEnv) => string | undefined;
}
