/**
 * What the taskpane asks of a workbook. The Office.js adapter (office-host.ts) is the only implementation
 * that touches Excel; the fake host (fake-host.ts) records every write and computes it headless for tests
 * and the dev preview. Components receive a WorkbookHost through context and never see Office.
 */
import type { ParamEntry } from "../../core/editions";

export type CellValue = number | string | boolean;

/** How a written cell looks: headers bold, inputs on a pale fill, outputs bold. */
export type CellStyle = "title" | "header" | "label" | "input" | "param" | "output" | "note";

/** One cell to write. A formula starts with "=" and wins over value. */
export interface CellWrite {
  readonly ref: string;
  readonly value?: CellValue;
  readonly formula?: string;
  readonly numFmt?: string;
  readonly style?: CellStyle;
}

export interface SheetWrite {
  readonly name: string;
  readonly cells: readonly CellWrite[];
  /** Column widths in characters, from column A. */
  readonly columnWidths?: readonly number[];
}

/** A workbook-scope name for one cell or range, e.g. ALCN_COEFS → Parameters!$B$4:$D$4. */
export interface NameWrite {
  readonly name: string;
  readonly sheet: string;
  readonly ref: string;
  readonly comment?: string;
}

/** A chart of a block of cells (first row = series names, first column = categories when seriesBy is columns). */
export interface ChartWrite {
  readonly sheet: string;
  readonly kind: "columnClustered" | "line";
  readonly title: string;
  /** The data block, e.g. "A40:C45". */
  readonly range: string;
  readonly seriesBy: "columns" | "rows";
  /** Top-left and bottom-right cells the chart covers, e.g. "H3", "O20". */
  readonly topLeft: string;
  readonly bottomRight: string;
}

/** Everything one "write" puts into the workbook. Sheets are created when missing. */
export interface WriteBatch {
  readonly sheets: readonly SheetWrite[];
  readonly names: readonly NameWrite[];
  readonly charts: readonly ChartWrite[];
}

/** A non-empty cell the batch would overwrite. */
export interface OccupiedCell {
  readonly sheet: string;
  readonly ref: string;
  readonly value: CellValue | null;
  readonly formula: string | null;
}

/** What a batch would meet in the workbook, read before anything is written. */
export interface TargetCheck {
  /** Non-empty cells it would overwrite, on sheets that already exist (gaps inside each sheet's block count too). */
  readonly occupied: readonly OccupiedCell[];
  /** Existing sheets of the batch that are protected: Excel refuses to write their cells and formats. */
  readonly protectedSheets: readonly string[];
  /** The workbook's structure is protected and the batch would add a sheet: Excel refuses to add it. */
  readonly structureLocked: boolean;
}

/** True when protection would refuse the batch (nothing may be written then). */
export function isBlocked(check: Pick<TargetCheck, "protectedSheets" | "structureLocked">): boolean {
  return check.protectedSheets.length > 0 || check.structureLocked;
}

/**
 * A write that the workbook's protection refuses, raised before anything is changed (the pane shows it in
 * the user's language). `sheets`: protected sheets written to; `structure`: a sheet would be added to a
 * workbook whose structure is protected; `cell`: the one locked cell writeFormula was asked to write.
 */
export class ProtectionError extends Error {
  constructor(
    readonly sheets: readonly string[],
    readonly structure: boolean,
    readonly cell?: string,
  ) {
    super(
      cell !== undefined
        ? `cell ${cell} is locked on a protected sheet`
        : structure && sheets.length === 0
          ? "the workbook structure is protected: no sheet can be added"
          : `protected sheet(s): ${sheets.join(", ")}${structure ? "; the workbook structure is protected" : ""}`,
    );
    this.name = "ProtectionError";
  }
}

/** Excel refuses every request while the user is typing in a cell (InvalidOperationInCellEditMode). */
export class CellEditModeError extends Error {
  constructor() {
    super("Excel is in cell-edit mode");
    this.name = "CellEditModeError";
  }
}

export interface RangeData {
  readonly sheet: string;
  /** The A1 address without sheet, e.g. "B2:D5". */
  readonly address: string;
  readonly values: (CellValue | null)[][];
  /** The formula text where a cell has one, else its value as Excel shows it in the formula bar. */
  readonly formulas: (string | null)[][];
}

/** The used part of a sheet, read up to a number of cells from its top (whole rows). */
export interface UsedRange extends RangeData {
  /** The whole used range, e.g. "B3:H9001" ("A1" for an empty sheet). */
  readonly fullAddress: string;
  /** True when only the top rows of it were read (`address` is smaller than `fullAddress`). */
  readonly truncated: boolean;
}

/** The top rows of a used-range box that hold at most `maxCells` cells (at least one row). */
export function topRows(box: { top: number; left: number; bottom: number; right: number }, maxCells: number): { top: number; left: number; bottom: number; right: number } {
  const rows = Math.max(1, Math.min(box.bottom - box.top + 1, Math.floor(maxCells / (box.right - box.left + 1))));
  return { ...box, bottom: box.top + rows - 1 };
}

export interface WriteOutcome {
  readonly sheets: readonly string[];
  readonly cells: number;
  readonly names: number;
  readonly charts: number;
}

export interface WorkbookHost {
  /** "excel" inside Office, "fake" in tests and the preview. */
  readonly kind: "excel" | "fake";
  /** Office's display language (e.g. "ja-JP"), undefined outside Office. */
  displayLanguage(): string | undefined;
  /** The current selection with its values and formulas. */
  readSelection(): Promise<RangeData>;
  /** Any range, e.g. ("パラメータ", "B2:D2"). */
  readRange(sheet: string, address: string): Promise<RangeData>;
  /**
   * A sheet's used range (cells with values; formats alone do not count), its top rows up to `maxCells`
   * cells. 2 round trips (its size, then its cells).
   */
  readUsedRange(sheet: string, maxCells: number): Promise<UsedRange>;
  /** The worksheet names in tab order. */
  sheetNames(): Promise<string[]>;
  /**
   * What the batch would meet: the non-empty cells it would overwrite on sheets that already exist (over
   * each sheet's written block, so gaps inside the block count too; new sheets have none), the protected
   * sheets among its targets, and whether a protected workbook structure forbids the sheets it adds.
   * When protection blocks the batch, `occupied` is not read (empty).
   */
  inspectTargets(batch: WriteBatch): Promise<TargetCheck>;
  /**
   * Write the batch: create missing sheets, cells, number formats, styles, names (replacing same-named),
   * charts. Checks protection again first (the user may have protected a sheet since inspectTargets) and
   * throws ProtectionError before changing anything.
   */
  write(batch: WriteBatch): Promise<WriteOutcome>;
  /** The values of workbook names that exist (missing names are left out), e.g. ALCN_COEFS → [[b0, b1, b2]]. */
  readNames(names: readonly string[]): Promise<Map<string, (CellValue | null)[][]>>;
  /** Make the shared runtime's functions use these parameters (the Parameters sheet's named cells). */
  setParameterOverrides(values: Readonly<Record<string, ParamEntry>>, label: string): void;
  /**
   * Select a cell or range so the user sees it, e.g. "'入力'!B4" (sheet-qualified A1; a bare address is on
   * the active sheet). Excel activates that sheet as part of selecting; nothing else changes. 1 round trip.
   */
  selectCell(address: string): Promise<void>;
  /**
   * Put one formula (or constant) into one cell, e.g. ("'計算'!G5", "=ALCN.INTENSITY(A1,A2)"): only that
   * cell's formula changes — its number format, style and the selection stay, no sheet is activated. The
   * caller asks before overwriting a non-empty cell. A multi-cell address is an error. 1 round trip; when
   * Excel refuses the write, one more to tell a locked cell on a protected sheet (ProtectionError) from
   * other failures (rethrown as they are). A single-cell write changes nothing when it fails.
   */
  writeFormula(address: string, formula: string): Promise<void>;
  /**
   * Call `cb` whenever the selection changes (the user's or the add-in's own select). Returns the function
   * that removes the handler. Optional: a host without selection events leaves it out.
   */
  onSelectionChanged?(cb: () => void): () => void;
  /**
   * The pane's draft kept in this workbook (its document settings), or undefined. No round trip: Office
   * holds the settings in the add-in.
   */
  readDraft(): Promise<string | undefined>;
  /** Keep the pane's draft in this workbook; it is saved to the file when the workbook is saved. */
  writeDraft(text: string): Promise<void>;
  /** How many round trips to the workbook (context.sync() calls) so far. */
  syncCount(): number;
}

/** A name for a new sheet that no existing sheet has: base, else "base (2)", "base (3)" … (Excel limit 31 chars, case-insensitive). */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const clean = base.replace(/[\\/?*[\]:]/g, "_").slice(0, 31) || "Sheet";
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = clean.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
