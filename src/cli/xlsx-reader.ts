/**
 * Read an .xlsx into a WorkbookModel: guard the file first (xlsx-guard), then ExcelJS; formulas are mapped
 * from their stored form (`_xldudf_ALCN_X`, `_xlfn.`) to the typed form; cached values are kept for --check;
 * the Parameters sheet's named cells become parameter overrides.
 */
import { readFileSync, statSync } from "node:fs";
import ExcelJS from "exceljs";
import type { ParamEntry } from "../core/editions";
import { overridesFromCells } from "../core/benchmark/parameters-fn";
import type { CellArg, CellScalar } from "../core";
import { PARAMETER_NAMES } from "../core/workbook/allowance";
import { cellRef, sheetPrefix } from "../core/workbook/plan";
import { beyondFormulaLimits } from "../core/formula-limits";
import { fromStoredFormula, fromStoredReference } from "./formula-names";
import { guardXlsx, LIMITS, WorkbookRejected, type GuardReport } from "./xlsx-guard";
import { MAX_COLS, MAX_ROWS, type CellValueOut, type ModelCell, type ModelName, type ModelSheet, type Scalar, type WorkbookModel } from "./workbook-model";

export interface LoadedWorkbook {
  readonly workbook: ExcelJS.Workbook;
  readonly model: WorkbookModel;
  readonly overrides: Map<string, ParamEntry>;
  readonly guard: GuardReport;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function scalarOf(v: unknown): Scalar | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH) / 86_400_000;
  if (typeof v === "object") {
    const o = v as { richText?: { text: string }[]; text?: unknown; hyperlink?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join("");
    if (typeof o.text === "string") return o.text;
  }
  return String(v);
}

function cachedOf(result: unknown): CellValueOut | undefined {
  if (result === undefined) return undefined;
  if (result !== null && typeof result === "object" && "error" in (result as object)) return { error: String((result as { error: unknown }).error) };
  return scalarOf(result);
}

/** Read and check a workbook; throws WorkbookRejected with a one-line reason. */
export async function loadXlsx(file: string): Promise<LoadedWorkbook> {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new WorkbookRejected(`${file} is not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof WorkbookRejected) throw e;
    throw new WorkbookRejected(`cannot open ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (size > LIMITS.fileBytes) throw new WorkbookRejected(`the file is ${Math.round(size / 1048576)} MB (limit ${LIMITS.fileBytes / 1048576} MB)`);
  const buf = readFileSync(file);
  const guard = guardXlsx(buf);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new WorkbookRejected(`could not read the workbook: ${(e as Error).message}`);
  }
  return { workbook: wb, ...modelOfWorkbook(wb), guard };
}

/** The model and parameter overrides of an ExcelJS workbook. */
export function modelOfWorkbook(wb: ExcelJS.Workbook): { model: WorkbookModel; overrides: Map<string, ParamEntry> } {
  const sheets: ModelSheet[] = [];
  let total = 0;
  wb.eachSheet((ws) => {
    const cells: ModelCell[] = [];
    const arrayCells = new Set<string>();
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const r = Number(cell.row) - 1;
        const c = Number(cell.col) - 1;
        if (r >= MAX_ROWS || c >= MAX_COLS) throw new WorkbookRejected(`cell ${ws.name}!${cell.address} is outside Excel's grid`);
        if (++total > LIMITS.cells) throw new WorkbookRejected(`the workbook has more than ${LIMITS.cells} cells (limit)`);
        if (cell.type === ExcelJS.ValueType.Merge) return;
        if (arrayCells.has(cell.address)) return;
        if (cell.type === ExcelJS.ValueType.Formula) {
          const v = cell.value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
          const stored = cell.formula;
          if (!stored) return;
          if (v.shareType === "array" && v.ref) markArray(v.ref, cell.address, arrayCells);
          // cell.result, not v.result: ExcelJS's value getter drops falsy results (0, FALSE, "").
          const cached = cachedOf(cell.result);
          const beyond = beyondFormulaLimits(stored);
          if (beyond) throw new WorkbookRejected(`${sheetPrefix(ws.name)}${cell.address}: ${beyond} — not a formula Excel could have saved`);
          cells.push({ row: r, col: c, formula: fromStoredFormula(stored), ...(cached === undefined ? {} : { cached }) });
          return;
        }
        if (cell.type === ExcelJS.ValueType.Error) {
          const code = (cell.value as { error?: unknown } | null)?.error;
          cells.push({ row: r, col: c, value: null, ...(typeof code === "string" ? { error: code } : {}) });
          return;
        }
        cells.push({ row: r, col: c, value: scalarOf(cell.value) });
      });
    });
    sheets.push({ name: ws.name, cells: cells.filter((x) => x.formula !== undefined || !arrayCells.has(cellRef(x.row, x.col))) });
  });
  const names: ModelName[] = [];
  const overrides = new Map<string, ParamEntry>();
  const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  for (const n of model) {
    if (n.ranges.length !== 1) continue;
    const range = n.ranges[0] as string;
    names.push({ name: n.name, expression: fromStoredReference(range) });
    const param = PARAMETER_NAMES[n.name];
    const cells = param ? namedCells(wb, range) : undefined;
    if (param && cells !== undefined) {
      // The same conversion as the taskpane's (blank = not set → #N/A); a cell that is not a parameter value
      // (text among numbers, an error) leaves the edition's value in force and --check shows the effect.
      try {
        const entry = overridesFromCells({ [param]: cells }, `Parameters sheet (${n.name})`)[param];
        if (entry) overrides.set(param, entry);
      } catch {
        /* not a usable parameter value */
      }
    }
  }
  return { model: { sheets, names }, overrides };
}

function markArray(ref: string, master: string, into: Set<string>): void {
  const [a, b] = ref.replace(/\$/g, "").split(":");
  if (!a || !b) return;
  const p = (x: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(x);
    if (!m) return [0, 0];
    let col = 0;
    for (const ch of m[1] as string) col = col * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]) - 1, col - 1];
  };
  const [r0, c0] = p(a);
  const [r1, c1] = p(b);
  if ((r1 - r0 + 1) * (c1 - c0 + 1) > LIMITS.cells) throw new WorkbookRejected(`array formula ${ref} is too large`);
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (cellRef(r, c) !== master) into.add(cellRef(r, c));
}

/** The cells a defined name points at, as a function argument would see them (a scalar, or rows × columns). */
function namedCells(wb: ExcelJS.Workbook, range: string): CellArg | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(range);
  if (!m) return undefined;
  const ws = wb.getWorksheet((m[1] ?? m[2] ?? "").replace(/''/g, "'"));
  if (!ws) return undefined;
  const read = (a: string): CellScalar => {
    const cell = ws.getCell(a);
    if (cell.type === ExcelJS.ValueType.Formula) {
      const c = cachedOf(cell.result);
      if (c === undefined || c === null) return null;
      return typeof c === "object" ? { kind: "CellError", code: c.error } : c;
    }
    return scalarOf(cell.value);
  };
  if (!m[5]) return read(`${m[3]}${m[4]}`);
  const col = (s: string): number => [...s].reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const [c0, c1, r0, r1] = [col(m[3] as string), col(m[5]), Number(m[4]) - 1, Number(m[6]) - 1];
  if ((c1 - c0 + 1) * (r1 - r0 + 1) > 1000) return undefined;
  const rows: CellScalar[][] = [];
  for (let r = r0; r <= r1; r++) {
    const line: CellScalar[] = [];
    for (let c = c0; c <= c1; c++) line.push(read(cellRef(r, c)));
    rows.push(line);
  }
  return rows;
}
