/** Small helpers for writing the native Excel equivalent of an ALCN formula. */
import type { CellArg, CellScalar } from "../values";

function scalarLiteral(c: CellScalar): string {
  if (typeof c === "number") return String(c);
  if (typeof c === "boolean") return c ? "TRUE" : "FALSE";
  if (c === null || c === undefined) return "0";
  if (typeof c === "string") return `"${c.replace(/"/g, '""')}"`;
  return c.code;
}

/** A literal for a value: a number, "text", or an array constant {1,2;3,4}. */
export function literal(v: CellArg | readonly number[]): string {
  if (Array.isArray(v)) {
    const rows = (v as readonly unknown[]).every((r) => Array.isArray(r)) ? (v as readonly (readonly CellScalar[])[]) : [v as readonly CellScalar[]];
    if (rows.length === 1 && rows[0]?.length === 1) return scalarLiteral(rows[0][0] as CellScalar);
    return `{${rows.map((r) => r.map(scalarLiteral).join(",")).join(";")}}`;
  }
  return scalarLiteral(v as CellScalar);
}

/** The argument as written in the formula, else its value as a literal. */
export function argText(texts: readonly string[], args: readonly CellArg[], i: number): string {
  const t = texts[i];
  if (t !== undefined && t.trim() !== "") return t.trim();
  return literal(args[i]);
}

/** Wrap in parentheses unless the text is a plain reference, name or unsigned number. */
export function paren(t: string): string {
  const simple = /^[$A-Za-z0-9_.!:'\u0080-\uffff]+$/.test(t) && !t.startsWith("-");
  const call = /^[A-Za-z][A-Za-z0-9.]*\([^()]*\)$/.test(t);
  return simple || call ? t : `(${t})`;
}

/** Was the argument given (not omitted, not blank)? */
export function given(args: readonly CellArg[], i: number): boolean {
  const v = args[i];
  return !(v === undefined || v === null || v === "");
}
