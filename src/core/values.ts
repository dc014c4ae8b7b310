import type { D } from "./decimal";
import type { CalcError } from "./errors";

/** An error value found in a cell (e.g. #REF! passed in a range). */
export interface CellErrorValue {
  readonly kind: "CellError";
  readonly code: string;
}

/** One cell as it arrives from Excel or the CLI engine. null, undefined and "" are a blank cell. */
export type CellScalar = number | string | boolean | null | undefined | CellErrorValue;
/** A range: rows of cells. */
export type CellMatrix = readonly (readonly CellScalar[])[];
/** One argument as it arrives: a single value, a range, or undefined when omitted. */
export type CellArg = CellScalar | CellMatrix;

/** One cell of a result. Decimals are converted to numbers at the edge. */
export type OutScalar = number | string | boolean | D | CalcError;
export type OutMatrix = OutScalar[][];
export type Output = OutScalar | OutMatrix;

/** A result ready for a cell: Decimals turned into finite numbers. */
export type FinalScalar = number | string | boolean | CalcError;
export type FinalOutput = FinalScalar | FinalScalar[][];

export function isCellError(v: unknown): v is CellErrorValue {
  return typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "CellError";
}

export function isMatrix(v: CellArg): v is CellMatrix {
  return Array.isArray(v);
}

export function isBlank(v: CellScalar): v is null | undefined | "" {
  return v === null || v === undefined || v === "";
}
