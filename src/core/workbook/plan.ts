/**
 * A workbook as a pure description (no Excel, no ExcelJS): sheets of cells with values or formulas,
 * and the defined names of the Parameters sheet. The taskpane writes a plan through its host, the CLI
 * through ExcelJS (src/cli/xlsx-writer.ts) and HyperFormula (recalc). One builder, three renderers.
 *
 * Formulas are written the way a user types them in Excel: `=ALCN.CORRFACTOR(…)`, `=PERCENTILE.INC(…)`
 * — no `_xldudf_`/`_xlfn.` prefixes (the file writer adds those). References to other sheets are quoted
 * (`'入力'!C5`); named cells (ALCN_COEF_B0 …) are absolute references to one cell or one range.
 */

export type Lang = "ja" | "en";
export type WorkbookMode = "alcn" | "native";

/** What a cell is for: drives the styling (inputs yellow, outputs bold …) and the input checks. */
export type CellRole = "title" | "header" | "label" | "input" | "output" | "note" | "param";

export interface CellPlan {
  /** A1 reference on its sheet, e.g. "B4". */
  readonly ref: string;
  /** A constant (inputs, labels, units, notes). */
  readonly value?: number | string | boolean;
  /** A live formula, beginning with "=", without `_xlfn.` or `_xldudf_`. */
  readonly formula?: string;
  /** Excel number format, e.g. "#,##0.0" or "0.0000". */
  readonly numFmt?: string;
  readonly role: CellRole;
  /** The rule in words and where it comes from (shown as a cell comment / in the audit panel). */
  readonly note?: string;
}

export interface SheetPlan {
  readonly name: string;
  readonly cells: readonly CellPlan[];
  /** Column widths in characters, from column A. */
  readonly columns?: readonly number[];
  /** The formula mode a calculation sheet is written in (the sheet also states it in a cell). */
  readonly mode?: WorkbookMode;
}

export interface NamedCell {
  /** Workbook-scoped defined name, e.g. "ALCN_COEF_B0". */
  readonly name: string;
  readonly sheet: string;
  /** "C5" or a range "C5:C7". */
  readonly ref: string;
  /** The edition parameter this cell overrides (e.g. "bm.credit_cap_pct"), when it is one. */
  readonly param?: string;
}

export interface WorkbookPlan {
  readonly sheets: readonly SheetPlan[];
  readonly names: readonly NamedCell[];
  readonly mode: WorkbookMode;
  readonly lang: Lang;
}

/** Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 reference of a 0-based row and column. */
export function cellRef(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** 0-based row and column of an A1 reference (absolute markers allowed). */
export function parseRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.toUpperCase());
  if (!m) throw new Error(`not an A1 cell reference: ${ref}`);
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** "$C$5" from "C5"; ranges "C5:C7" → "$C$5:$C$7". */
export function absolute(ref: string): string {
  return ref
    .split(":")
    .map((r) => {
      const { row, col } = parseRef(r);
      return `$${columnLetters(col)}$${row + 1}`;
    })
    .join(":");
}

/** A sheet name as it appears in a formula: always quoted ('入力'!C5), quotes doubled. */
export function sheetPrefix(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!`;
}

/** A cell or range on another sheet, e.g. `'入力'!C5:C9`. */
export function onSheet(sheet: string, ref: string): string {
  return `${sheetPrefix(sheet)}${ref}`;
}

/** Builds the cells of one sheet row by row; keeps refs consistent for the formulas that point at them. */
export class SheetBuilder {
  private readonly cells: CellPlan[] = [];
  private readonly used = new Set<string>();

  constructor(readonly name: string) {}

  set(row: number, col: number, cell: Omit<CellPlan, "ref">): string {
    const ref = cellRef(row, col);
    if (this.used.has(ref)) throw new Error(`cell ${this.name}!${ref} written twice`);
    this.used.add(ref);
    this.cells.push({ ref, ...cell });
    return ref;
  }

  build(columns?: readonly number[], mode?: WorkbookMode): SheetPlan {
    return { name: this.name, cells: [...this.cells], ...(columns ? { columns } : {}), ...(mode ? { mode } : {}) };
  }
}

/** Every formula cell of a plan, with its sheet (for renderers and tests). */
export function formulaCells(plan: WorkbookPlan): { sheet: string; cell: CellPlan }[] {
  return plan.sheets.flatMap((s) => s.cells.filter((c) => c.formula !== undefined).map((cell) => ({ sheet: s.name, cell })));
}
