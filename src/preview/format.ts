/** Display a computed value roughly as Excel would with the cell's number format (preview only). */
import type { ComputedValue } from "../taskpane/host/fake-host";

export function display(v: ComputedValue, numFmt: string | undefined): string {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  if (!numFmt || numFmt === "General") return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(10)));
  const dot = numFmt.indexOf(".");
  const decimals = dot < 0 ? 0 : numFmt.slice(dot + 1).replace(/[^0#]/g, "").length;
  const grouping = numFmt.includes(",");
  const pct = numFmt.includes("%");
  const x = pct ? v * 100 : v;
  const s = x.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouping });
  return pct ? `${s}%` : s;
}
