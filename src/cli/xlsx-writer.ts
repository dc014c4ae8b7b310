/**
 * Render a workbook plan as .xlsx with ExcelJS. Formulas are stored the way Excel saves them
 * (`_xldudf_ALCN_…` for ALCN functions, `_xlfn.` for newer Excel functions) with the engine's results as
 * cached values, so Excel, LibreOffice and a file viewer show numbers before any recalculation.
 * The Parameters cells become workbook-scoped defined names.
 */
import ExcelJS from "exceljs";
import type { CellPlan, CellRole, WorkbookPlan } from "../core/workbook/plan";
import { columnLetters, parseRef } from "../core/workbook/plan";
import { toStoredFormula } from "./formula-names";
import { evaluate, modelOfPlan, quoteSheet, type CellValueOut, type Evaluation } from "./workbook-model";

/** The seven error values a file can hold; the engine's own (#CYCLE!, #ERROR! …) are stored as #VALUE!. */
const EXCEL_ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"]);

export function cachedResult(v: CellValueOut): ExcelJS.CellFormulaValue["result"] {
  if (v === null) return undefined;
  if (typeof v === "object") return { error: (EXCEL_ERRORS.has(v.error) ? v.error : "#VALUE!") as ExcelJS.CellErrorValue["error"] };
  return v;
}

const FILL: Partial<Record<CellRole, string>> = {
  input: "FFFFF2CC",
  param: "FFE2EFDA",
  header: "FFD9E1F2",
};

function style(cell: ExcelJS.Cell, plan: CellPlan): void {
  const fill = FILL[plan.role];
  if (fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
  if (plan.role === "title") cell.font = { bold: true, size: 14 };
  else if (plan.role === "header") cell.font = { bold: true };
  else if (plan.role === "note") cell.font = { color: { argb: "FF595959" } };
  if (plan.numFmt) cell.numFmt = plan.numFmt;
}

/** The ExcelJS workbook of a plan, with the engine's values cached in every formula cell. */
export function renderPlan(plan: WorkbookPlan, evaluation: Evaluation = evaluate(modelOfPlan(plan))): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ALCN";
  wb.calcProperties.fullCalcOnLoad = false;
  for (const s of plan.sheets) {
    const ws = wb.addWorksheet(s.name);
    s.columns?.forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
    for (const c of s.cells) {
      const cell = ws.getCell(c.ref);
      if (c.formula !== undefined) {
        const { row, col } = parseRef(c.ref);
        const result = cachedResult(evaluation.value(s.name, row, col));
        cell.value = { formula: toStoredFormula(c.formula), ...(result === undefined ? {} : { result }) } as ExcelJS.CellFormulaValue;
      } else if (c.value !== undefined) cell.value = c.value;
      style(cell, c);
      if (c.note && (c.role === "output" || c.role === "param" || c.role === "input")) cell.note = c.note;
    }
  }
  for (const n of plan.names) {
    const [a, b] = n.ref.split(":");
    const abs = (r: string): string => {
      const { row, col } = parseRef(r);
      return `$${columnLetters(col)}$${row + 1}`;
    };
    wb.definedNames.add(`${quoteSheet(n.sheet)}!${abs(a as string)}${b ? `:${abs(b)}` : ""}`, n.name);
  }
  return wb;
}

export async function writePlan(plan: WorkbookPlan, file: string, evaluation?: Evaluation): Promise<Evaluation> {
  const ev = evaluation ?? evaluate(modelOfPlan(plan));
  await renderPlan(plan, ev).xlsx.writeFile(file);
  return ev;
}
