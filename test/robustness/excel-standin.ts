/**
 * A stand-in for Excel's CustomFunctions global (the real one exists only in the Excel runtime), and the
 * translation of a core test argument into what Excel hands a custom function: null for an omitted
 * argument, a CustomFunctions.Error for an error value in a cell.
 */
import { EXCEL_CODE, isCalcError, messageOf, type CellArg, type CellScalar, type FinalOutput, type Lang } from "../../src/core";

export class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const STAND_IN = {
  Error: StandInError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
};

const g = globalThis as Record<string, unknown>;

export function installCustomFunctions(): void {
  g.CustomFunctions = STAND_IN;
}

export function removeCustomFunctions(): void {
  delete g.CustomFunctions;
}

function excelCell(c: CellScalar): unknown {
  if (c === undefined) return null;
  if (typeof c === "object" && c !== null) return new StandInError(c.code);
  return c;
}

/** One argument as Excel would pass it to the wrapper. */
export function asExcelArg(a: CellArg): unknown {
  if (Array.isArray(a)) return (a as readonly (readonly CellScalar[])[]).map((row) => row.map(excelCell));
  return excelCell(a as CellScalar);
}

/** What the Excel edge must return for a core result: the same values, errors as CustomFunctions.Error. */
export function expectedAtEdge(out: FinalOutput, lang: Lang): unknown {
  const cell = (v: unknown): unknown => (isCalcError(v) ? new StandInError(EXCEL_CODE[v.code], messageOf(v, lang)) : v);
  return Array.isArray(out) ? out.map((row) => row.map(cell)) : cell(out);
}
