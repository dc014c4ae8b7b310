/** SPEC 6 output: numbers in JavaScript's shortest round-trip form, TRUE/FALSE, text as is, arrays as {a,b;c,d}, errors as code and message. */
import { DetailedCellError, type CellValue } from "hyperformula";

function scalar(v: CellValue, withMessage: boolean): string {
  if (v instanceof DetailedCellError) return withMessage && v.message ? `${v.value} ${v.message}` : v.value;
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
