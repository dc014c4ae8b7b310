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
    if (v.length === 1 && v[0]?.length === 1) return scalar(v[0][0] as CellValue, true);
    return `{${v.map((row) => row.map((c) => scalar(c, false)).join(",")).join(";")}}`;
  }
  return scalar(v, true);
}
