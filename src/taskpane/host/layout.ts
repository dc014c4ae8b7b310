/**
 * Turn a sheet's cell list into the few rectangular operations a host can send at once: one 2-D
 * formulas block and one 2-D number-format block over the written bounding box, and style runs
 * (vertical runs of equally styled cells). The number of operations depends on the sheet's shape,
 * not its row count, and the number of round trips does not depend on either.
 */
import { boundingBox, columnLetters, rangeRef, parseCell, type Box } from "./a1";
import type { CellStyle, CellValue, SheetWrite } from "./types";

export interface SheetBlock {
  readonly box: Box;
  readonly address: string;
  /** What to put into range.formulas: "=…" for formulas, the value otherwise, "" for gaps. */
  readonly formulas: (CellValue | "")[][];
  /** range.numberFormat: "General" where nothing is given. */
  readonly numberFormats: string[][];
  readonly styleRuns: readonly { readonly style: CellStyle; readonly address: string }[];
}

export function sheetBlock(sheet: SheetWrite): SheetBlock | undefined {
  const box = boundingBox(sheet.cells.map((c) => c.ref));
  if (!box) return undefined;
  const h = box.bottom - box.top + 1;
  const w = box.right - box.left + 1;
  const formulas: (CellValue | "")[][] = Array.from({ length: h }, () => new Array<CellValue | "">(w).fill(""));
  const numberFormats: string[][] = Array.from({ length: h }, () => new Array<string>(w).fill("General"));
  const styles: (CellStyle | undefined)[][] = Array.from({ length: h }, () => new Array<CellStyle | undefined>(w).fill(undefined));
  for (const c of sheet.cells) {
    const p = parseCell(c.ref);
    const r = p.row - box.top;
    const k = p.col - box.left;
    const row = formulas[r] as (CellValue | "")[];
    row[k] = c.formula !== undefined ? (c.formula.startsWith("=") ? c.formula : `=${c.formula}`) : (c.value ?? "");
    if (c.numFmt) (numberFormats[r] as string[])[k] = c.numFmt;
    (styles[r] as (CellStyle | undefined)[])[k] = c.style;
  }
  const styleRuns: { style: CellStyle; address: string }[] = [];
  for (let k = 0; k < w; k++) {
    let start = -1;
    let cur: CellStyle | undefined;
    for (let r = 0; r <= h; r++) {
      const s = r < h ? (styles[r] as (CellStyle | undefined)[])[k] : undefined;
      if (s !== cur) {
        if (cur !== undefined) {
          const col = box.left + k;
          styleRuns.push({ style: cur, address: rangeRef({ top: box.top + start, bottom: box.top + r - 1, left: col, right: col }) });
        }
        cur = s;
        start = r;
      }
    }
  }
  return { box, address: rangeRef(box), formulas, numberFormats, styleRuns };
}

/** Column letter span for column widths, e.g. index 2 → "C:C". */
export function columnAddress(index: number): string {
  const l = columnLetters(index);
  return `${l}:${l}`;
}

/** How a style looks (shared by the Office adapter and the preview grid). */
export const STYLE_LOOK: Record<CellStyle, { bold?: boolean; fill?: string; color?: string; italic?: boolean; size?: number }> = {
  title: { bold: true, size: 14 },
  header: { bold: true, fill: "#D9E1F2" },
  label: {},
  input: { fill: "#FFF2CC" },
  param: { fill: "#E2EFDA" },
  output: { bold: true },
  note: { italic: true, color: "#595959" },
};
