/**
 * The Office.js adapter: the only module of the taskpane that touches Excel / Office.
 *
 * Round trips: every method loads what it needs, queues all its operations and syncs once or twice,
 * whatever the number of rows — sheetNames 1, readSelection/readRange 1, inspectTargets 1–2 (sheets and
 * their protection; then the target blocks), write 2 (load the existing sheets, their protection and the
 * names; then everything else), 3 when it replaces sheets that carry charts (their charts are loaded so
 * ALCN's own can be replaced); selectCell 1, writeFormula 1 (2 when Excel refuses it: the second tells a
 * locked cell on a protected sheet), readUsedRange 2 (its address, then its top rows), onSelectionChanged 1
 * to add the handler and 1 to remove it (in the context it was added in); readDraft/writeDraft none (the
 * document settings, decision 407). Every call made while a cell is being edited is a CellEditModeError.
 *
 * Protection: Worksheet.protection (ExcelApi 1.2) and Workbook.protection (1.7) are read in the same round
 * trip as the sheet names; every host with the SharedRuntime 1.1 the manifest requires has both.
 */
import type { ParamEntry } from "../../core/editions";
import { addinContext } from "../../functions/runtime";
import { columnAddress, sheetBlock, STYLE_LOOK } from "./layout";
import { CellEditModeError, isBlocked, ProtectionError, topRows, type UsedRange, type CellValue, type OccupiedCell, type RangeData, type TargetCheck, type WorkbookHost, type WriteBatch, type WriteOutcome } from "./types";
import { cellRef, parseRange, splitQualified } from "./a1";

/**
 * Excel.run, or a stand-in for tests. With `within`, the batch runs in that earlier request context
 * (Excel.run(context, batch)) — removing an event handler has to happen in the context that added it.
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>, within?: Excel.RequestContext) => Promise<T>;

const splitAddress = splitQualified;

/** The sheet of a sheet-qualified address ("'入力'!B4"); a bare address is on the active sheet. */
function sheetAt(context: Excel.RequestContext, full: string): Excel.Worksheet {
  const { sheet } = splitQualified(full);
  const sheets = context.workbook.worksheets;
  return sheet === "" ? sheets.getActiveWorksheet() : sheets.getItem(sheet);
}

/** The range of a sheet-qualified address ("'入力'!B4"); a bare address is on the active sheet. */
function rangeAt(context: Excel.RequestContext, full: string): Excel.Range {
  return sheetAt(context, full).getRange(splitQualified(full).address.replace(/\$/g, ""));
}

/** Queue the loads protectionOf needs: every sheet's name and protection, and the workbook's structure protection. */
function loadProtection(context: Excel.RequestContext): void {
  context.workbook.worksheets.load("items/name,items/protection/protected");
  context.workbook.protection.load("protected");
}

/** Which of the batch's existing sheets are protected, and whether it adds a sheet to a protected structure (after loadProtection and a sync). */
function protectionOf(context: Excel.RequestContext, batch: WriteBatch): Omit<TargetCheck, "occupied"> {
  const existing = new Map(context.workbook.worksheets.items.map((s) => [s.name.toLowerCase(), s]));
  const protectedSheets = batch.sheets.filter((s) => existing.get(s.name.toLowerCase())?.protection.protected === true).map((s) => s.name);
  const adds = batch.sheets.some((s) => !existing.has(s.name.toLowerCase()));
  return { protectedSheets, structureLocked: adds && context.workbook.protection.protected };
}

/** True for one cell ("B4", "$B$4", "B4:B4"). */
function isOneCell(full: string): boolean {
  try {
    const b = parseRange(splitQualified(full).address.replace(/\$/g, ""));
    return b.top === b.bottom && b.left === b.right;
  } catch {
    return false;
  }
}

function cellValue(v: unknown): CellValue | null {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

function toRangeData(sheet: string, address: string, values: unknown[][], formulas: unknown[][]): RangeData {
  return {
    sheet,
    address,
    values: values.map((r) => r.map(cellValue)),
    formulas: formulas.map((r) => r.map((f) => (f === "" || f === null || f === undefined ? null : String(f)))),
  };
}

/** The document setting that holds the pane's draft (decision 407). */
export const DRAFT_SETTING = "alcn.draft";

/** The workbook's add-in settings (Office.context.document.settings), undefined outside Office. */
function documentSettings(): Office.Settings | undefined {
  return (globalThis as { Office?: typeof Office }).Office?.context?.document?.settings;
}

/** Names of the charts ALCN draws, so a later write replaces them and leaves the user's charts alone. */
export const CHART_PREFIX = "ALCN_CHART_";

export class OfficeHost implements WorkbookHost {
  readonly kind = "excel" as const;
  private syncs = 0;

  private readonly run: ExcelRun;

  constructor(run: ExcelRun = (batch, within) => (within ? Excel.run(within, batch) : Excel.run(batch))) {
    // Excel refuses every request while the user types in a cell: one error the pane can explain
    this.run = async (batch, within) => {
      try {
        return await run(batch, within);
      } catch (e) {
        if ((e as { code?: unknown } | null)?.code === "InvalidOperationInCellEditMode") throw new CellEditModeError();
        throw e;
      }
    };
  }

  private async sync(context: Excel.RequestContext): Promise<void> {
    this.syncs++;
    await context.sync();
  }

  syncCount(): number {
    return this.syncs;
  }

  displayLanguage(): string | undefined {
    const office = (globalThis as { Office?: typeof Office }).Office;
    return office?.context?.displayLanguage;
  }

  readDraft(): Promise<string | undefined> {
    const v: unknown = documentSettings()?.get(DRAFT_SETTING);
    return Promise.resolve(typeof v === "string" ? v : undefined);
  }

  writeDraft(text: string): Promise<void> {
    const settings = documentSettings();
    if (!settings) return Promise.resolve();
    settings.set(DRAFT_SETTING, text);
    return new Promise((resolve, reject) =>
      settings.saveAsync((r) => (String(r.status) === "succeeded" ? resolve() : reject(new Error(r.error?.message ?? "settings not saved")))),
    );
  }

  setParameterOverrides(values: Readonly<Record<string, ParamEntry>>, label: string): void {
    addinContext.params.setOverrides(values, label);
  }

  readSelection(): Promise<RangeData> {
    return this.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load(["address", "values", "formulas"]);
      await this.sync(context);
      const { sheet, address } = splitAddress(range.address);
      return toRangeData(sheet, address, range.values, range.formulas);
    });
  }

  readRange(sheet: string, address: string): Promise<RangeData> {
    return this.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(address);
      range.load(["values", "formulas"]);
      await this.sync(context);
      return toRangeData(sheet, address, range.values, range.formulas);
    });
  }

  readUsedRange(sheet: string, maxCells: number): Promise<UsedRange> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("address");
      await this.sync(context);
      if (used.isNullObject) return { sheet, address: "A1", values: [[null]], formulas: [[null]], fullAddress: "A1", truncated: false };
      const fullAddress = splitQualified(used.address).address.replace(/\$/g, "");
      const box = parseRange(fullAddress);
      const part = topRows(box, maxCells);
      const address = `${cellRef({ row: part.top, col: part.left })}:${cellRef({ row: part.bottom, col: part.right })}`;
      const range = ws.getRange(address);
      range.load(["values", "formulas"]);
      await this.sync(context);
      return { ...toRangeData(sheet, address, range.values, range.formulas), fullAddress, truncated: part.bottom < box.bottom };
    });
  }

  readNames(names: readonly string[]): Promise<Map<string, (CellValue | null)[][]>> {
    return this.run(async (context) => {
      const all = context.workbook.names;
      all.load("items/name");
      await this.sync(context);
      const wanted = new Set(names.map((n) => n.toUpperCase()));
      const ranges = all.items.filter((n) => wanted.has(n.name.toUpperCase())).map((n) => {
        const range = n.getRangeOrNullObject();
        range.load("values");
        return { name: n.name, range };
      });
      const out = new Map<string, (CellValue | null)[][]>();
      if (ranges.length === 0) return out;
      await this.sync(context);
      for (const r of ranges) if (!r.range.isNullObject) out.set(r.name.toUpperCase(), r.range.values.map((row) => row.map(cellValue)));
      return out;
    });
  }

  selectCell(address: string): Promise<void> {
    return this.run(async (context) => {
      rangeAt(context, address).select();
      await this.sync(context);
    });
  }

  async writeFormula(address: string, formula: string): Promise<void> {
    if (!isOneCell(address)) throw new Error(`writeFormula writes one cell, not ${address}`);
    try {
      await this.run(async (context) => {
        // formulas only: the cell's number format and style stay as they are
        rangeAt(context, address).formulas = [[formula]];
        await this.sync(context);
      });
    } catch (e) {
      const sheet = await this.lockedSheetOf(address);
      if (sheet !== undefined) throw new ProtectionError([sheet], false, address);
      throw e;
    }
  }

  /** The sheet's name when the cell is locked on a protected sheet (why Excel refused a write), else undefined. */
  private lockedSheetOf(address: string): Promise<string | undefined> {
    return this.run(async (context) => {
      const ws = sheetAt(context, address);
      const range = rangeAt(context, address);
      ws.load("name");
      ws.protection.load("protected");
      range.format.protection.load("locked");
      await this.sync(context);
      return ws.protection.protected && range.format.protection.locked !== false ? ws.name : undefined;
    }).catch(() => undefined);
  }

  onSelectionChanged(cb: () => void): () => void {
    let removed = false;
    const added = this.run(async (context) => {
      const handler = context.workbook.onSelectionChanged.add(async () => {
        if (!removed) cb();
      });
      await this.sync(context);
      return { handler, context };
    }).catch(() => undefined); // a host without the event (ExcelApi < 1.2): the panels keep their buttons
    return () => {
      if (removed) return;
      removed = true;
      void added
        .then((h) =>
          h
            ? this.run(async (context) => {
                h.handler.remove();
                await this.sync(context);
              }, h.context)
            : undefined,
        )
        .catch(() => undefined);
    };
  }

  sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await this.sync(context);
      return sheets.items.map((s) => s.name);
    });
  }

  inspectTargets(batch: WriteBatch): Promise<TargetCheck> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      loadProtection(context);
      await this.sync(context);
      const protection = protectionOf(context, batch);
      if (isBlocked(protection)) return { ...protection, occupied: [] };
      const existing = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const loaded: { sheet: string; top: number; left: number; range: Excel.Range }[] = [];
      for (const s of batch.sheets) {
        if (!existing.has(s.name.toLowerCase())) continue;
        const block = sheetBlock(s);
        if (!block) continue;
        const range = sheets.getItem(s.name).getRange(block.address);
        range.load(["values", "formulas"]);
        loaded.push({ sheet: s.name, top: block.box.top, left: block.box.left, range });
      }
      if (loaded.length === 0) return { ...protection, occupied: [] };
      await this.sync(context);
      const out: OccupiedCell[] = [];
      for (const l of loaded) {
        l.range.values.forEach((row, r) =>
          row.forEach((v, c) => {
            const f = l.range.formulas[r]?.[c];
            const value = cellValue(v);
            const formula = typeof f === "string" && f.startsWith("=") ? f : null;
            if (value !== null || formula !== null) out.push({ sheet: l.sheet, ref: cellRef({ row: l.top + r, col: l.left + c }), value, formula });
          }),
        );
      }
      return { ...protection, occupied: out };
    });
  }

  write(batch: WriteBatch): Promise<WriteOutcome> {
    return this.run(async (context) => {
      const wb = context.workbook;
      loadProtection(context);
      wb.names.load("items/name");
      await this.sync(context);
      // protected since inspectTargets (e.g. while the overwrite question was open): refuse before any change
      const protection = protectionOf(context, batch);
      if (isBlocked(protection)) throw new ProtectionError(protection.protectedSheets, protection.structureLocked);
      const existingSheets = new Map(wb.worksheets.items.map((s) => [s.name.toLowerCase(), s]));
      // Replacing sheets that carry charts: ALCN's own earlier charts are found (one more round trip,
      // only in this case) and deleted below; the user's charts stay.
      const chartSheets = [...new Set(batch.charts.map((c) => c.sheet.toLowerCase()))].flatMap((name) => {
        const ws = existingSheets.get(name);
        if (!ws) return [];
        const charts = ws.charts;
        charts.load("items/name");
        return [charts];
      });
      if (chartSheets.length > 0) await this.sync(context);
      const existingNames = new Set(wb.names.items.map((n) => n.name.toLowerCase()));

      // 1. sheets
      const sheetOf = new Map<string, Excel.Worksheet>();
      for (const s of batch.sheets) {
        sheetOf.set(s.name, existingSheets.get(s.name.toLowerCase()) ?? wb.worksheets.add(s.name));
      }
      const sheet = (name: string): Excel.Worksheet => sheetOf.get(name) ?? existingSheets.get(name.toLowerCase()) ?? wb.worksheets.getItem(name);
      // 2. names before formulas, so formulas never see an undefined name
      for (const n of batch.names) {
        if (existingNames.has(n.name.toLowerCase())) wb.names.getItem(n.name).delete();
        wb.names.add(n.name, sheet(n.sheet).getRange(n.ref), n.comment);
      }
      // 3. one block of formulas and one of number formats per sheet, then style runs
      let cells = 0;
      for (const s of batch.sheets) {
        const ws = sheet(s.name);
        const block = sheetBlock(s);
        if (!block) continue;
        cells += s.cells.length;
        const range = ws.getRange(block.address);
        range.numberFormat = block.numberFormats;
        range.formulas = block.formulas as unknown as string[][];
        for (const run of block.styleRuns) {
          const look = STYLE_LOOK[run.style];
          const fmt = ws.getRange(run.address).format;
          if (look.bold) fmt.font.bold = true;
          if (look.italic) fmt.font.italic = true;
          if (look.color) fmt.font.color = look.color;
          if (look.size) fmt.font.size = look.size;
          if (look.fill) fmt.fill.color = look.fill;
        }
        s.columnWidths?.forEach((w, i) => {
          // Excel measures column width in points; about 7 points per character at the default font.
          ws.getRange(columnAddress(i)).format.columnWidth = w * 7;
        });
      }
      // 4. charts (replacing ALCN's own earlier charts on the same sheets, never the user's)
      for (const charts of chartSheets) {
        for (const old of charts.items) if (old.name.startsWith(CHART_PREFIX)) old.delete();
      }
      for (const [i, c] of batch.charts.entries()) {
        const ws = sheet(c.sheet);
        const chart = ws.charts.add(c.kind === "line" ? "Line" : "ColumnClustered", ws.getRange(c.range), c.seriesBy === "rows" ? "Rows" : "Columns");
        chart.name = `${CHART_PREFIX}${i + 1}`;
        chart.title.text = c.title;
        chart.setPosition(c.topLeft, c.bottomRight);
      }
      const first = batch.sheets[0];
      if (first) sheet(first.name).activate();
      await this.sync(context);
      return { sheets: batch.sheets.map((s) => s.name), cells, names: batch.names.length, charts: batch.charts.length };
    });
  }
}

/** Exported for tests. */
export const _internal = { splitAddress };
