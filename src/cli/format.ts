/** SPEC 6 output: numbers in JavaScript's shortest round-trip form, TRUE/FALSE, text as is, arrays as {a,b;c,d}, errors as code and message. */
import { DetailedCellError, type CellValue } from "hyperformula";

/**
 * An engine message as one line. HyperFormula's parser lists every token it could have expected, over many
 * lines; a person needs only that the formula could not be read and where.
 */
export function oneLine(message: string): string {
  if (message.startsWith("Parsing error")) {
    const found = /but found: '?([^'\n]*?)'?\s*$/.exec(message)?.[1];
    if (found === undefined) return "the formula could not be parsed";
    return found === "" ? "the formula could not be parsed: it ends too early" : `the formula could not be parsed near "${found}"`;
  }
  return message.replace(/\s*\n\s*/g, " ");
}

function scalar(v: CellValue, withMessage: boolean): string {
  if (v instanceof DetailedCellError) return withMessage && v.message ? `${v.value} ${oneLine(v.message)}` : v.value;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v === null || v === undefined) return "";
  return String(v);
}

export function formatValue(v: CellValue | CellValue[][]): string {
  if (Array.isArray(v)) {
    const first = v[0]?.[0];
    if (v.length === 1 && v[0]?.length === 1) return scalar(first as CellValue, true);
    // A function that failed as a whole fills its block with one error: print it once, with its message.
    const sameError = (c: CellValue) => c instanceof DetailedCellError && first instanceof DetailedCellError && c.value === first.value && c.message === first.message;
    if (first instanceof DetailedCellError && v.every((row) => row.every(sameError))) return scalar(first, true);
    return `{${v.map((row) => row.map((c) => scalar(c, false)).join(",")).join(";")}}`;
  }
  return scalar(v, true);
}
