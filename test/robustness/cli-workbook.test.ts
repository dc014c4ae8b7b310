/**
 * An error value stored as a constant in an input cell of an .xlsx (#N/A pasted as a value, #REF!) stays
 * an error when `alcn recalc` recomputes: formulas over it give the error, as in Excel, never a number as
 * if the cell were blank.
 */
import ExcelJS from "exceljs";
import { evaluate } from "../../src/cli/workbook-model";
import { modelOfWorkbook } from "../../src/cli/xlsx-reader";

describe("error constants in a workbook's input cells", () => {
  it("propagate through native and ALCN formulas", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("入力");
    ws.getCell("A1").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    ws.getCell("A2").value = 5;
    ws.getCell("A3").value = { error: "#NULL!" } as ExcelJS.CellErrorValue;
    ws.getCell("B1").value = { formula: "SUM(A1:A2)" } as ExcelJS.CellFormulaValue;
    ws.getCell("B2").value = { formula: "ALCN.INTENSITY(A1,1)" } as ExcelJS.CellFormulaValue;
    ws.getCell("B3").value = { formula: "SUM(A2:A3)" } as ExcelJS.CellFormulaValue;
    ws.getCell("B4").value = { formula: "ALCN.WAVG(A1:A2,A1:A2)" } as ExcelJS.CellFormulaValue;
    ws.getCell("B5").value = { formula: "SUM(A2)" } as ExcelJS.CellFormulaValue;
    const ev = evaluate(modelOfWorkbook(wb).model);
    try {
      expect(ev.formulas.map((f) => f.value)).toEqual([
        { error: "#N/A" },
        { error: "#N/A" },
        { error: "#VALUE!" },
        { error: "#VALUE!", message: "values contains the error value #N/A" },
        5,
      ]);
    } finally {
      ev.hf.destroy();
    }
  });
});
