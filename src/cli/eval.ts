/** `alcn eval "=…" …`: evaluate formulas headless, one output line per formula. */
import type { CellValue } from "hyperformula";
import { createEngine } from "./engine";
import { toEngineFormula } from "./formula-names";
import { formatValue } from "./format";

/** Excel's own limits on one formula; beyond them the engine's recursive parser can exhaust the stack. */
const MAX_FORMULA_CHARS = 8192;
const MAX_NESTING = 64;

/** Why Excel would not accept this formula (too long, nested too deep), or undefined. Strings are skipped. */
function beyondExcelLimits(text: string): string | undefined {
  if (text.length > MAX_FORMULA_CHARS) return `the formula has ${text.length} characters; Excel allows ${MAX_FORMULA_CHARS}`;
  let depth = 0;
  let inString = false;
  for (const ch of text) {
    if (ch === '"') inString = !inString;
    else if (!inString && (ch === "(" || ch === "{")) {
      if (++depth > MAX_NESTING) return `the formula nests more than ${MAX_NESTING} levels; Excel allows ${MAX_NESTING}`;
    } else if (!inString && (ch === ")" || ch === "}")) depth--;
  }
  return undefined;
}

export function evaluateFormulas(formulas: readonly string[]): string[] {
  let hf = createEngine();
  const sheet = hf.getSheetId(hf.addSheet("Eval"));
  if (sheet === undefined) throw new Error("could not create the evaluation sheet");
  const out: string[] = [];
  formulas.forEach((f, i) => {
    // As typed in Excel: capital-E numbers (1E+308) are rewritten for the engine's parser.
    const text = toEngineFormula(f.trim().startsWith("=") ? f.trim() : `=${f.trim()}`);
    const refused = beyondExcelLimits(text);
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
