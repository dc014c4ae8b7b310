/**
 * A workbook in memory, independent of where it came from (a plan, an .xlsx file), and its evaluation in
 * HyperFormula with every ALCN function registered. Cells are loaded one by one with evaluation suspended,
 * so a sparse sheet (a cell at XFD1048576) never becomes a dense array.
 */
import { DetailedCellError, type HyperFormula } from "hyperformula";
import { cellRef, parseRef, sheetPrefix, type WorkbookPlan } from "../core/workbook/plan";
import type { ParamEntry } from "../core/editions";
import { createEngine, engineContext } from "./engine";
import { oneLine } from "./format";
import { toEngineFormula } from "./formula-names";
import { WorkbookRejected } from "./xlsx-guard";

export type Scalar = number | string | boolean;
/** A value as Excel shows it: a scalar, an error code ("#N/A", "#CYCLE!" …) or blank. */
export type CellValueOut = Scalar | { error: string; message?: string } | null;

export interface ModelCell {
  readonly row: number;
  readonly col: number;
  /** A constant. */
  readonly value?: Scalar | null;
  /** An error value stored as a constant ("#N/A" pasted as a value, "#REF!"): it stays an error. */
  readonly error?: string;
  /** A formula as typed ("=ALCN.X(…)"). */
  readonly formula?: string;
  /** The value the file cached for a formula (undefined: none stored). */
  readonly cached?: CellValueOut;
}

export interface ModelSheet {
  readonly name: string;
  readonly cells: readonly ModelCell[];
}

export interface ModelName {
  readonly name: string;
  /** "'Sheet'!$B$5" or "'Sheet'!$B$5:$B$7". */
  readonly expression: string;
}

export interface WorkbookModel {
  readonly sheets: readonly ModelSheet[];
  readonly names: readonly ModelName[];
}

/** Excel's grid. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** Largest bounding box (cells) loaded as one dense block; sparser or larger sheets are loaded cell by cell. */
const DENSE_LIMIT = 2_000_000;

/** Error codes HyperFormula reads as errors when they are a cell's raw content. */
const ENGINE_ERRORS = new Set(["#DIV/0!", "#N/A", "#REF!", "#NAME?", "#NUM!", "#VALUE!", "#SPILL!"]);

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The model of a plan (values and formulas; nothing cached yet). */
export function modelOfPlan(plan: WorkbookPlan): WorkbookModel {
  return {
    sheets: plan.sheets.map((s) => ({
      name: s.name,
      cells: s.cells.map((c) => {
        const { row, col } = parseRef(c.ref);
        if (c.formula !== undefined) return { row, col, formula: toEngineFormula(c.formula) };
        return { row, col, value: c.value ?? null };
      }),
    })),
    names: plan.names.map((n) => ({ name: n.name, expression: `${quoteSheet(n.sheet)}!${absoluteRange(n.ref)}` })),
  };
}

function absoluteRange(ref: string): string {
  return ref
    .split(":")
    .map((r) => {
      const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(r);
      return m ? `$${m[1]}$${m[2]}` : r;
    })
    .join(":");
}

export function valueOf(v: unknown): CellValueOut {
  if (v instanceof DetailedCellError) return v.message ? { error: v.value, message: oneLine(v.message) } : { error: v.value };
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

export interface Evaluation {
  readonly hf: HyperFormula;
  /** The computed value of a cell. */
  value(sheet: string, row: number, col: number): CellValueOut;
  /** Every formula cell, in sheet order, with its computed value. */
  readonly formulas: readonly { sheet: string; cell: ModelCell; value: CellValueOut }[];
  readonly millis: number;
}

/**
 * Load the model into a fresh engine and compute it. Workbook parameters (the named cells that stand for an
 * edition parameter) become the engine's overrides for the ALCN functions that read parameters.
 */
export function evaluate(model: WorkbookModel, overrides?: ReadonlyMap<string, ParamEntry>): Evaluation {
  const t0 = performance.now();
  const hf = createEngine();
  if (overrides && overrides.size > 0) engineContext.params.setOverrides(overrides, "workbook");
  else engineContext.params.clearOverrides();
  const ids = new Map<string, number>();
  hf.suspendEvaluation();
  for (const s of model.sheets) {
    const added = hf.addSheet(s.name);
    const id = hf.getSheetId(added);
    if (id === undefined) throw new Error(`could not add sheet ${s.name}`);
    ids.set(s.name, id);
  }
  for (const n of model.names) {
    try {
      hf.addNamedExpression(n.name, `=${n.expression}`);
    } catch {
      // A name HyperFormula cannot hold (e.g. one pointing at another file) simply stays undefined (#NAME?).
    }
  }
  // Constants first, then formulas: an ALCN function returning an array is sized when its formula is
  // entered, from the values its arguments have at that moment.
  // Text constants get HyperFormula's apostrophe so that "123" or "=x" typed as text stays text.
  // An error constant goes in as its code, which the engine reads as that error (codes it does not know, such
  // as #NULL! or #CALC!, become #VALUE!), so formulas over it give the error, not a number as if it were blank.
  const constant = (c: ModelCell): Scalar | null =>
    c.error !== undefined ? (ENGINE_ERRORS.has(c.error) ? c.error : "#VALUE!") : typeof c.value === "string" ? `'${c.value}` : (c.value ?? null);
  for (const s of model.sheets) {
    const sheet = ids.get(s.name) as number;
    const constants = s.cells.filter((c) => c.formula === undefined && ((c.value !== null && c.value !== undefined) || c.error !== undefined));
    const rows = constants.reduce((m, c) => Math.max(m, c.row + 1), 0);
    const cols = constants.reduce((m, c) => Math.max(m, c.col + 1), 0);
    if (rows * cols <= DENSE_LIMIT && rows * cols <= 4 * constants.length + 10_000) {
      // A compact sheet: one dense block in a single operation (per-cell writes cost ~20 µs each).
      const block: (Scalar | null)[][] = Array.from({ length: rows }, () => new Array<Scalar | null>(cols).fill(null));
      for (const c of constants) (block[c.row] as (Scalar | null)[])[c.col] = constant(c);
      hf.setSheetContent(sheet, block);
    } else for (const c of constants) hf.setCellContents({ sheet, row: c.row, col: c.col }, [[constant(c)]]);
  }
  for (const s of model.sheets) {
    const sheet = ids.get(s.name) as number;
    for (const c of s.cells) {
      if (c.formula === undefined) continue;
      try {
        hf.setCellContents({ sheet, row: c.row, col: c.col }, [[c.formula]]);
      } catch (e) {
        // Within Excel's limits (checked when the file is read) a formula can still chain thousands of
        // operators (=------1); the engine's recursive parser then runs out of stack. Name the cell.
        hf.destroy();
        const why = e instanceof RangeError ? "the formula is nested too deeply for the engine to read" : "the engine could not read the formula";
        throw new WorkbookRejected(`${sheetPrefix(s.name)}${cellRef(c.row, c.col)}: ${why} (${(e as Error).message})`);
      }
    }
  }
  hf.resumeEvaluation();
  const value = (sheet: string, row: number, col: number): CellValueOut => {
    const id = ids.get(sheet);
    if (id === undefined) throw new Error(`no sheet ${sheet}`);
    const address = { sheet: id, row, col };
    const v = valueOf(hf.getCellValue(address));
    // Excel shows a formula that ends on an empty cell (=IF(…,A1) with A1 blank) as 0; HyperFormula as blank.
    return v === null && hf.doesCellHaveFormula(address) ? 0 : v;
  };
  const formulas = model.sheets.flatMap((s) => s.cells.filter((c) => c.formula !== undefined).map((cell) => ({ sheet: s.name, cell, value: value(s.name, cell.row, cell.col) })));
  return { hf, value, formulas, millis: performance.now() - t0 };
}
