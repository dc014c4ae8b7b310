/** `alcn eval "=…" …`: evaluate formulas headless, one output line per formula. */
import type { CellValue } from "hyperformula";
import { createEngine } from "./engine";
import { toEngineFormula } from "./formula-names";
import { formatValue } from "./format";
import { beyondFormulaLimits } from "../core/formula-limits";

export function evaluateFormulas(formulas: readonly string[]): string[] {
  let hf = createEngine();
  const sheet = hf.getSheetId(hf.addSheet("Eval"));
  if (sheet === undefined) throw new Error("could not create the evaluation sheet");
  const out: string[] = [];
  formulas.forEach((f, i) => {
    // As typed in Excel: capital-E numbers (1E+308) are rewritten for the engine's parser.
    const text = toEngineFormula(f.trim().startsWith("=") ? f.trim() : `=${f.trim()}`);
    const refused = beyondFormulaLimits(text);
    if (refused) {
      out.push(`#ERROR! ${refused}`);
      return;
    }
    // Each formula gets its own row, far apart, so that spilled arrays never collide.
    const row = i * 100;
    try {
      hf.setCellContents({ sheet, row, col: 0 }, [[text]]);
      const value = hf.getCellValue({ sheet, row, col: 0 });
      if (hf.isCellPartOfArray({ sheet, row, col: 0 })) {
        const arr = readSpill(hf, sheet, row);
        out.push(formatValue(arr));
      } else out.push(formatValue(value));
    } catch (e) {
      // One line for this formula, never a stack trace; a fresh engine for the ones after it.
      out.push(`#ERROR! ${e instanceof Error ? e.message : String(e)}`);
      hf.destroy();
      hf = createEngine();
      hf.addSheet("Eval");
    }
  });
  hf.destroy();
  return out;
}

function readSpill(hf: ReturnType<typeof createEngine>, sheet: number, row: number): CellValue[][] {
  const size = hf.getSheetDimensions(sheet);
  const rows: CellValue[][] = [];
  for (let r = row; r < size.height; r++) {
    if (!hf.isCellPartOfArray({ sheet, row: r, col: 0 })) break;
    const line: CellValue[] = [];
    for (let c = 0; c < size.width; c++) {
      if (!hf.isCellPartOfArray({ sheet, row: r, col: c })) break;
      line.push(hf.getCellValue({ sheet, row: r, col: c }));
    }
    rows.push(line);
  }
  return rows;
}
