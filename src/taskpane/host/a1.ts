/** A1 references: parse, format, bounding boxes. Pure, shared by both hosts. */
import { columnLetters } from "../../core/workbook/plan";

export interface CellPos {
  /** 0-based row. */
  readonly row: number;
  /** 0-based column. */
  readonly col: number;
}

export { columnLetters };

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B12" or "$B$12" → {row: 11, col: 1}. */
export function parseCell(ref: string): CellPos {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1] as string) };
}

export function cellRef(pos: CellPos, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(pos.col)}${d}${pos.row + 1}`;
}

export interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** "B2:D5" (or "B2") → box. */
export function parseRange(address: string): Box {
  const [a, b] = address.split(":");
  const p = parseCell(a as string);
  const q = b === undefined ? p : parseCell(b);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

export function rangeRef(box: Box, absolute = false): string {
  const a = cellRef({ row: box.top, col: box.left }, absolute);
  if (box.top === box.bottom && box.left === box.right) return a;
  return `${a}:${cellRef({ row: box.bottom, col: box.right }, absolute)}`;
}

export function boundingBox(refs: Iterable<string>): Box | undefined {
  let box: Box | undefined;
  for (const r of refs) {
    const p = parseRange(r);
    box = box
      ? { top: Math.min(box.top, p.top), left: Math.min(box.left, p.left), bottom: Math.max(box.bottom, p.bottom), right: Math.max(box.right, p.right) }
      : p;
  }
  return box;
}

/** A sheet name as a formula prefix: 'ALCN計算'! (quoted unless plain ASCII word). */
export function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

/**
 * A sheet-qualified address → its sheet and address: "'入力'!B4" → {sheet: "入力", address: "B4"},
 * "Sheet1!A1:B2" → {sheet: "Sheet1", …}, "B4" → {sheet: "", address: "B4"} ('' in a quoted name is one ').
 */
export function splitQualified(full: string): { sheet: string; address: string } {
  const i = full.lastIndexOf("!");
  if (i < 0) return { sheet: "", address: full };
  let sheet = full.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: full.slice(i + 1) };
}

/** The inverse of splitQualified: ("入力", "B4") → "'入力'!B4"; ("", "B4") → "B4". */
export function qualifiedAddress(sheet: string, address: string): string {
  return sheet === "" ? address : `${sheetPrefix(sheet)}${address}`;
}
