/**
 * A workbook that lives in memory: it records every write (cells, formulas, number formats, styles,
 * names, charts, sheets) and counts round trips exactly where the Office adapter syncs, and it computes
 * the recorded workbook headless with HyperFormula (createEngine from the CLI: every ALCN function
 * registered). For tests and the dev preview only — HyperFormula is GPL and never enters the add-in
 * bundle, so only the preview entry and tests import this file.
 */
import type { HyperFormula } from "hyperformula";
import { createEngine, engineContext } from "../../cli/engine";
import type { ParamEntry } from "../../core/editions";
import { cellRef, parseCell, parseRange, sheetPrefix, splitQualified } from "./a1";
import { sheetBlock } from "./layout";
import { CellEditModeError, isBlocked, ProtectionError, topRows, type UsedRange, type CellStyle, type CellValue, type ChartWrite, type NameWrite, type OccupiedCell, type RangeData, type TargetCheck, type WorkbookHost, type WriteBatch, type WriteOutcome } from "./types";

export interface FakeCell {
  value?: CellValue;
  formula?: string;
  numFmt?: string;
  style?: CellStyle;
}

export interface FakeSheet {
  readonly name: string;
  readonly cells: Map<string, FakeCell>;
  columnWidths: number[];
  /** Protected as with Excel's Review › Protect Sheet: only `unlocked` cells take a formula. */
  protection?: { readonly unlocked: ReadonlySet<string> };
}

/** A computed value as the preview shows it: a number, text, boolean, an error code, or null for blank. */
export type ComputedValue = number | string | boolean | { readonly error: string; readonly message?: string } | null;

export interface FakeHostOptions {
  /** Sheets that exist before the wizard runs: name → { ref → value or "=formula" }. */
  readonly sheets?: Readonly<Record<string, Readonly<Record<string, CellValue>>>>;
  readonly displayLanguage?: string;
  /** Sheets protected from the start (all their cells locked). */
  readonly protectedSheets?: readonly string[];
  /** The workbook's structure is protected (no sheet can be added). */
  readonly structureProtected?: boolean;
  /** A pane draft kept in the workbook from an earlier session. */
  readonly draft?: string;
}

export class FakeHost implements WorkbookHost {
  readonly kind = "fake" as const;
  readonly sheets: FakeSheet[] = [];
  readonly names = new Map<string, NameWrite>();
  readonly charts: ChartWrite[] = [];
  /** Every operation in order, for tests ("sheet.add ALCN計算", "range.formulas ALCN計算!A1:F40", …). */
  readonly log: string[] = [];
  parameterOverrides: { values: Readonly<Record<string, ParamEntry>>; label: string } | undefined;
  selection = { sheet: "", address: "A1" };
  /** Review › Protect Workbook (structure): sheets cannot be added. */
  structureProtected = false;
  /** The user is typing in a cell: Excel refuses every request (CellEditModeError), as the adapter reports it. */
  cellEditMode = false;
  private syncs = 0;
  private engine: HyperFormula | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly selectionListeners = new Set<() => void>();
  private readonly language: string | undefined;

  constructor(options: FakeHostOptions = {}) {
    const initial = options.sheets ?? { Sheet1: {} };
    for (const [name, cells] of Object.entries(initial)) {
      const sheet = this.addSheet(name);
      for (const [ref, v] of Object.entries(cells)) {
        sheet.cells.set(ref, typeof v === "string" && v.startsWith("=") ? { formula: v } : { value: v });
      }
    }
    this.selection = { sheet: this.sheets[0]?.name ?? "", address: "A1" };
    this.language = options.displayLanguage;
    for (const name of options.protectedSheets ?? []) this.protectSheet(name);
    this.structureProtected = options.structureProtected ?? false;
    this.draft = options.draft;
  }

  /** Protect a sheet as Excel's Review › Protect Sheet does; `unlocked` cells (e.g. "B4") still take formulas. */
  protectSheet(name: string, unlocked: readonly string[] = []): void {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    sheet.protection = { unlocked: new Set(unlocked.map((r) => cellRef(parseCell(r)))) };
  }

  unprotectSheet(name: string): void {
    const sheet = this.sheet(name);
    if (sheet) delete sheet.protection;
  }

  // ---- WorkbookHost -------------------------------------------------------------------------------

  displayLanguage(): string | undefined {
    return this.language;
  }

  syncCount(): number {
    return this.syncs;
  }

  /** The pane's draft, as the workbook's document settings hold it. */
  draft: string | undefined;

  async readDraft(): Promise<string | undefined> {
    return this.draft;
  }

  async writeDraft(text: string): Promise<void> {
    this.draft = text;
  }

  /** One context.sync() of the adapter; refused while a cell is being edited. */
  private roundTrip(): void {
    if (this.cellEditMode) throw new CellEditModeError();
    this.syncs++;
  }

  async readSelection(): Promise<RangeData> {
    this.roundTrip();
    return this.rangeData(this.selection.sheet, this.selection.address);
  }

  async readRange(sheet: string, address: string): Promise<RangeData> {
    this.roundTrip();
    return this.rangeData(sheet, address);
  }

  async readUsedRange(sheet: string, maxCells: number): Promise<UsedRange> {
    this.roundTrip(); // the used range's address
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const refs = [...s.cells].filter(([, c]) => c.formula !== undefined || (c.value !== undefined && c.value !== "")).map(([ref]) => parseCell(ref));
    if (refs.length === 0) return { ...this.rangeData(s.name, "A1"), fullAddress: "A1", truncated: false };
    const box = refs.reduce((b, p) => ({ top: Math.min(b.top, p.row), left: Math.min(b.left, p.col), bottom: Math.max(b.bottom, p.row), right: Math.max(b.right, p.col) }), { top: Infinity, left: Infinity, bottom: -1, right: -1 });
    const part = topRows(box, maxCells);
    const fullAddress = `${cellRef({ row: box.top, col: box.left })}:${cellRef({ row: box.bottom, col: box.right })}`;
    const address = `${cellRef({ row: part.top, col: part.left })}:${cellRef({ row: part.bottom, col: part.right })}`;
    this.roundTrip(); // its cells
    return { ...this.rangeData(s.name, address), fullAddress, truncated: part.bottom < box.bottom };
  }

  async readNames(names: readonly string[]): Promise<Map<string, (CellValue | null)[][]>> {
    this.roundTrip();
    const out = new Map<string, (CellValue | null)[][]>();
    const found = names.map((n) => this.names.get(n.toUpperCase())).filter((n): n is NameWrite => n !== undefined);
    if (found.length === 0) return out;
    this.roundTrip();
    for (const n of found) out.set(n.name.toUpperCase(), this.rangeData(n.sheet, n.ref.replace(/\$/g, "")).values);
    return out;
  }

  async sheetNames(): Promise<string[]> {
    this.roundTrip();
    return this.sheets.map((s) => s.name);
  }

  /** Protection as the adapter reads it (sheet names, their protection, the workbook's structure) in one round trip. */
  private protectionOf(batch: WriteBatch): Omit<TargetCheck, "occupied"> {
    const protectedSheets = batch.sheets.filter((s) => this.sheet(s.name)?.protection !== undefined).map((s) => s.name);
    const adds = batch.sheets.some((s) => !this.sheet(s.name));
    return { protectedSheets, structureLocked: adds && this.structureProtected };
  }

  async inspectTargets(batch: WriteBatch): Promise<TargetCheck> {
    this.roundTrip();
    const protection = this.protectionOf(batch);
    if (isBlocked(protection)) return { ...protection, occupied: [] };
    const out: OccupiedCell[] = [];
    let loaded = false;
    for (const s of batch.sheets) {
      const sheet = this.sheet(s.name);
      const block = sheetBlock(s);
      if (!sheet || !block) continue;
      loaded = true;
      for (const [ref, c] of sheet.cells) {
        const p = parseCell(ref);
        const inside = p.row >= block.box.top && p.row <= block.box.bottom && p.col >= block.box.left && p.col <= block.box.right;
        if (inside && (c.formula !== undefined || (c.value !== undefined && c.value !== ""))) {
          out.push({ sheet: sheet.name, ref, value: c.formula !== undefined ? this.plainValue(sheet.name, ref) : (c.value ?? null), formula: c.formula ?? null });
        }
      }
    }
    if (loaded) this.roundTrip();
    return { ...protection, occupied: out };
  }

  async write(batch: WriteBatch): Promise<WriteOutcome> {
    this.roundTrip(); // load existing sheets, their protection and names
    const protection = this.protectionOf(batch);
    if (isBlocked(protection)) throw new ProtectionError(protection.protectedSheets, protection.structureLocked);
    const existedBefore = new Set(this.sheets.map((s) => s.name.toLowerCase()));
    let cells = 0;
    for (const s of batch.sheets) {
      if (!this.sheet(s.name)) {
        this.addSheet(s.name);
        this.log.push(`sheet.add ${s.name}`);
      }
    }
    for (const n of batch.names) {
      if (this.names.has(n.name.toUpperCase())) this.log.push(`name.delete ${n.name}`);
      this.names.set(n.name.toUpperCase(), n);
      this.log.push(`name.add ${n.name} ${sheetPrefix(n.sheet)}${n.ref}`);
    }
    for (const s of batch.sheets) {
      const sheet = this.sheet(s.name) as FakeSheet;
      const block = sheetBlock(s);
      if (!block) continue;
      // The adapter writes the whole block: gaps become blank.
      for (const ref of [...sheet.cells.keys()]) {
        const p = parseCell(ref);
        if (p.row >= block.box.top && p.row <= block.box.bottom && p.col >= block.box.left && p.col <= block.box.right) sheet.cells.delete(ref);
      }
      for (const c of s.cells) {
        const ref = cellRef(parseCell(c.ref));
        const cell: FakeCell = {};
        if (c.formula !== undefined) cell.formula = c.formula.startsWith("=") ? c.formula : `=${c.formula}`;
        else if (c.value !== undefined) cell.value = c.value;
        if (c.numFmt) cell.numFmt = c.numFmt;
        if (c.style) cell.style = c.style;
        sheet.cells.set(ref, cell);
        cells++;
      }
      if (s.columnWidths) sheet.columnWidths = [...s.columnWidths];
      this.log.push(`range.numberFormat ${sheetPrefix(s.name)}${block.address}`);
      this.log.push(`range.formulas ${sheetPrefix(s.name)}${block.address}`);
      for (const run of block.styleRuns) this.log.push(`format ${run.style} ${sheetPrefix(s.name)}${run.address}`);
    }
    // ALCN's own earlier charts on the sheets it charts again are replaced (as the adapter does).
    const charted = new Set(batch.charts.map((c) => c.sheet.toLowerCase()));
    if ([...charted].some((name) => existedBefore.has(name))) this.roundTrip(); // the adapter loads their charts
    for (let i = this.charts.length - 1; i >= 0; i--) {
      if (charted.has((this.charts[i] as ChartWrite).sheet.toLowerCase())) {
        this.log.push(`chart.delete ${(this.charts[i] as ChartWrite).sheet}`);
        this.charts.splice(i, 1);
      }
    }
    for (const c of batch.charts) {
      this.charts.push(c);
      this.log.push(`chart.add ${c.kind} ${sheetPrefix(c.sheet)}${c.range}`);
    }
    const first = batch.sheets[0];
    if (first) this.selection = { sheet: first.name, address: "A1" }; // the adapter activates the first sheet
    this.roundTrip(); // everything else
    this.invalidate();
    if (first) this.selectionChanged();
    return { sheets: batch.sheets.map((s) => s.name), cells, names: batch.names.length, charts: batch.charts.length };
  }

  async selectCell(address: string): Promise<void> {
    this.roundTrip();
    const { sheet, address: a } = this.resolve(address);
    parseRange(a); // a malformed address fails as in Excel
    this.log.push(`range.select ${sheetPrefix(sheet.name)}${a}`);
    this.select(sheet.name, a);
  }

  async writeFormula(address: string, formula: string): Promise<void> {
    this.roundTrip();
    const { sheet, address: a } = this.resolve(address);
    const box = parseRange(a);
    if (box.top !== box.bottom || box.left !== box.right) throw new Error(`writeFormula writes one cell, not ${address}`);
    const ref = cellRef({ row: box.top, col: box.left });
    if (sheet.protection && !sheet.protection.unlocked.has(ref)) {
      this.roundTrip(); // the adapter's second round trip, which tells why Excel refused
      throw new ProtectionError([sheet.name], false, `${sheetPrefix(sheet.name)}${ref}`);
    }
    // Range.formulas = [[f]]: the formula (or constant) changes, the number format and style stay.
    const old = sheet.cells.get(ref);
    const cell: FakeCell = { ...(old?.numFmt ? { numFmt: old.numFmt } : {}), ...(old?.style ? { style: old.style } : {}) };
    const text = formula.trim();
    if (text.startsWith("=")) cell.formula = text;
    else if (text !== "") cell.value = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text) ? Number(text) : formula;
    if (cell.formula === undefined && cell.value === undefined && !cell.numFmt && !cell.style) sheet.cells.delete(ref);
    else sheet.cells.set(ref, cell);
    this.log.push(`range.formulas ${sheetPrefix(sheet.name)}${ref}`);
    this.invalidate(); // recomputed on the next read
  }

  onSelectionChanged(cb: () => void): () => void {
    this.selectionListeners.add(cb);
    return () => {
      this.selectionListeners.delete(cb);
    };
  }

  setParameterOverrides(values: Readonly<Record<string, ParamEntry>>, label: string): void {
    this.parameterOverrides = { values, label };
    engineContext.params.setOverrides(values, label);
    this.invalidate();
  }

  // ---- the recorded workbook, computed ------------------------------------------------------------

  /** Re-render hook for the preview. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** The formula text of a cell ("=…"), or undefined. */
  formulaAt(sheet: string, ref: string): string | undefined {
    return this.sheet(sheet)?.cells.get(cellRef(parseCell(ref)))?.formula;
  }

  cellAt(sheet: string, ref: string): FakeCell | undefined {
    return this.sheet(sheet)?.cells.get(cellRef(parseCell(ref)));
  }

  /** The computed value of a cell (formulas evaluated by HyperFormula with ALCN registered). */
  valueAt(sheet: string, ref: string): ComputedValue {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const engine = this.compute();
    const id = engine.getSheetId(s.name);
    if (id === undefined) return null;
    const p = parseCell(ref);
    const v = engine.getCellValue({ sheet: id, row: p.row, col: p.col });
    if (v === null || v === undefined) return null;
    if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
    const err = v as { value?: string; message?: string };
    return { error: String(err.value ?? "#ERROR!"), ...(err.message ? { message: err.message } : {}) };
  }

  /** The value of a named cell. */
  valueOfName(name: string): ComputedValue {
    const n = this.names.get(name.toUpperCase());
    if (!n) throw new Error(`no name ${name}`);
    return this.valueAt(n.sheet, n.ref.split(":")[0] as string);
  }

  private plainValue(sheet: string, ref: string): CellValue | null {
    const v = this.valueAt(sheet, ref);
    if (v === null) return null;
    return typeof v === "object" ? v.error : v;
  }

  private addSheet(name: string): FakeSheet {
    const sheet: FakeSheet = { name, cells: new Map(), columnWidths: [] };
    this.sheets.push(sheet);
    this.invalidate();
    return sheet;
  }

  private invalidate(): void {
    this.engine?.destroy();
    this.engine = undefined;
    for (const fn of this.listeners) fn();
  }

  private compute(): HyperFormula {
    if (this.engine) return this.engine;
    const engine = createEngine();
    for (const s of this.sheets) engine.addSheet(s.name);
    for (const n of this.names.values()) {
      engine.addNamedExpression(n.name, `=${sheetPrefix(n.sheet)}${absolute(n.ref)}`);
    }
    engine.batch(() => {
      for (const s of this.sheets) {
        const id = engine.getSheetId(s.name) as number;
        let rows = 0;
        let cols = 0;
        for (const ref of s.cells.keys()) {
          const p = parseCell(ref);
          rows = Math.max(rows, p.row + 1);
          cols = Math.max(cols, p.col + 1);
        }
        const grid: (CellValue | null)[][] = Array.from({ length: rows }, () => new Array<CellValue | null>(cols).fill(null));
        for (const [ref, c] of s.cells) {
          const p = parseCell(ref);
          (grid[p.row] as (CellValue | null)[])[p.col] = c.formula ?? c.value ?? null;
        }
        engine.setSheetContent(id, grid);
      }
    });
    this.engine = engine;
    return engine;
  }

  private rangeData(sheet: string, address: string): RangeData {
    const box = parseRange(address);
    const values: (CellValue | null)[][] = [];
    const formulas: (string | null)[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const vr: (CellValue | null)[] = [];
      const fr: (string | null)[] = [];
      for (let c = box.left; c <= box.right; c++) {
        const ref = cellRef({ row: r, col: c });
        const cell = this.sheet(sheet)?.cells.get(ref);
        vr.push(cell ? this.plainValue(sheet, ref) : null);
        fr.push(cell?.formula ?? (cell?.value !== undefined ? String(cell.value) : null));
      }
      values.push(vr);
      formulas.push(fr);
    }
    return { sheet, address, values, formulas };
  }

  /** Select a cell or range (the preview grid, tests; the panels go through selectCell). */
  select(sheet: string, address: string): void {
    this.selection = { sheet: this.sheet(sheet)?.name ?? sheet, address };
    for (const fn of this.listeners) fn();
    this.selectionChanged();
  }

  private selectionChanged(): void {
    for (const fn of [...this.selectionListeners]) fn();
  }

  /** A sheet-qualified address on an existing sheet (a bare address is on the selection's sheet). */
  private resolve(full: string): { sheet: FakeSheet; address: string } {
    const { sheet, address } = splitQualified(full);
    const name = sheet === "" ? this.selection.sheet : sheet;
    const found = this.sheet(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return { sheet: found, address: address.replace(/\$/g, "") };
  }
}

function absolute(ref: string): string {
  return ref
    .split(":")
    .map((r) => cellRef(parseCell(r), true))
    .join(":");
}
