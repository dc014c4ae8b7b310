/** `alcn eval "=…" …`: evaluate formulas headless, one output line per formula. */
import type { CellValue } from "hyperformula";
import { createEngine } from "./engine";
import { toEngineFormula } from "./formula-names";
import { formatValue } from "./format";

export function evaluateFormulas(formulas: readonly string[]): string[] {
  const hf = createEngine();
  const sheet = hf.getSheetId(hf.addSheet("Eval"));
  if (sheet === undefined) throw new Error("could not create the evaluation sheet");
  const out: string[] = [];
  formulas.forEach((f, i) => {
    // As typed in Excel: capital-E numbers (1E+308) are rewritten for the engine's parser.
    const text = toEngineFormula(f.trim().startsWith("=") ? f.trim() : `=${f.trim()}`);
    // Each formula gets its own row, far apart, so that spilled arrays never collide.
    const row = i * 100;
    hf.setCellContents({ sheet, row, col: 0 }, [[text]]);
    const value = hf.getCellValue({ sheet, row, col: 0 });
    if (hf.isCellPartOfArray({ sheet, row, col: 0 })) {
      const arr = readSpill(hf, sheet, row);
      out.push(formatValue(arr));
    } else out.push(formatValue(value));
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
