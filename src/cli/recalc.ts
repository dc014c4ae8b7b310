/**
 * `alcn recalc FILE.xlsx [--out OUT.xlsx] [--check]`: recompute every formula (ALCN and native) headless;
 * --check compares with the values cached in the file (1e-9 relative) and lists each differing cell;
 * --out writes the file back with the recomputed values cached. Circular references end with one line
 * and a non-zero exit.
 */
import type ExcelJS from "exceljs";
import { cellRef } from "../core/workbook/plan";
import { loadXlsx } from "./xlsx-reader";
import { cachedResult } from "./xlsx-writer";
import { outputRefusal } from "./output-file";
import { evaluate, type CellValueOut, type Evaluation } from "./workbook-model";

export const RELATIVE_TOLERANCE = 1e-9;

export interface RecalcOptions {
  readonly out?: string;
  readonly check?: boolean;
}

export interface Difference {
  readonly sheet: string;
  readonly ref: string;
  readonly cached: CellValueOut | undefined;
  readonly computed: CellValueOut;
}

export interface RecalcResult {
  readonly evaluation: Evaluation;
  readonly formulas: number;
  readonly differences: readonly Difference[];
  readonly cycles: readonly { sheet: string; ref: string }[];
  readonly millis: number;
}

/** Equal as Excel shows them: numbers within 1e-9 relative, text and booleans exactly, errors by code, blank = "". */
export function sameValue(a: CellValueOut | undefined, b: CellValueOut): boolean {
  if (a === undefined) return false;
  const blank = (v: CellValueOut): boolean => v === null || v === "";
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (typeof a === "number" && typeof b === "number") {
    if (a === b) return true;
    return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
  }
  if (typeof a === "object" && typeof b === "object" && a !== null && b !== null) return a.error === b.error;
  return a === b;
}

export function showValue(v: CellValueOut | undefined): string {
  if (v === undefined) return "(no cached value)";
  if (v === null) return "(blank)";
  if (typeof v === "object") return v.message ? `${v.error} (${v.message})` : v.error;
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

export async function recalcFile(file: string, opts: RecalcOptions = {}): Promise<RecalcResult> {
  const t0 = performance.now();
  const loaded = await loadXlsx(file);
  const evaluation = evaluate(loaded.model, loaded.overrides);
  const differences: Difference[] = [];
  const cycles: { sheet: string; ref: string }[] = [];
  for (const f of evaluation.formulas) {
    const ref = cellRef(f.cell.row, f.cell.col);
    if (f.value !== null && typeof f.value === "object" && f.value.error === "#CYCLE!") cycles.push({ sheet: f.sheet, ref });
    if (opts.check && !sameValue(f.cell.cached, f.value)) differences.push({ sheet: f.sheet, ref, cached: f.cell.cached, computed: f.value });
  }
  if (opts.out && cycles.length === 0) {
    writeResults(loaded.workbook, evaluation);
    await loaded.workbook.xlsx.writeFile(opts.out);
  }
  return { evaluation, formulas: evaluation.formulas.length, differences, cycles, millis: performance.now() - t0 };
}

function writeResults(wb: ExcelJS.Workbook, ev: Evaluation): void {
  for (const f of ev.formulas) {
    const ws = wb.getWorksheet(f.sheet);
    if (!ws) continue;
    const cell = ws.getCell(f.cell.row + 1, f.cell.col + 1);
    const v = cell.value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
    const result = cachedResult(f.value);
    const next = { ...v } as { result?: unknown };
    if (result === undefined) delete next.result;
    else next.result = result;
    cell.value = next as ExcelJS.CellValue;
  }
}

/** The command: prints a summary (and the differences) on stdout, the reason of a failure on stderr. */
export async function recalcCommand(args: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let file: string | undefined;
  let outFile: string | undefined;
  let check = false;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--check") check = true;
    else if (a === "--force") force = true;
    else if (a === "--out") {
      outFile = args[++i];
      if (!outFile) {
        err("alcn recalc: --out needs a file name");
        return 2;
      }
    } else if (a.startsWith("--")) {
      err(`alcn recalc: unknown option ${a}`);
      return 2;
    } else if (file === undefined) file = a;
    else {
      err(`alcn recalc: one file at a time (got ${file} and ${a})`);
      return 2;
    }
  }
  if (!file) {
    err("usage: alcn recalc FILE.xlsx [--out OUT.xlsx [--force]] [--check]");
    return 2;
  }
  const refused = outFile === undefined ? undefined : outputRefusal(outFile, { input: file, force });
  if (refused) {
    err(`alcn recalc: ${refused}`);
    return 2;
  }
  const r = await recalcFile(file, { check, ...(outFile ? { out: outFile } : {}) });
  if (r.cycles.length > 0) {
    const first = r.cycles[0] as { sheet: string; ref: string };
    err(`alcn: circular reference in ${file}: ${r.cycles.length} cell(s) depend on themselves (first: '${first.sheet}'!${first.ref}); nothing written`);
    return 1;
  }
  for (const d of r.differences) out(`'${d.sheet}'!${d.ref}: file ${showValue(d.cached)}, alcn ${showValue(d.computed)}`);
  const summary = `${r.formulas} formulas recalculated in ${Math.round(r.millis)} ms`;
  if (check) out(r.differences.length === 0 ? `${summary}; all match the cached values (1e-9 relative)` : `${summary}; ${r.differences.length} differ from the cached values`);
  else out(summary);
  if (outFile) out(`written: ${outFile}`);
  return r.differences.length > 0 ? 1 : 0;
}
