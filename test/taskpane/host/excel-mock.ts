/**
 * A stand-in for the slice of the Excel JavaScript API the adapter uses. It records what the adapter
 * queues and counts context.sync() calls, and — like Excel — makes loaded properties readable only
 * after a sync (reading before throws), so a missing sync is a test failure.
 */
import { cellRef, parseRange } from "../../../src/taskpane/host/a1";

type Grid = unknown[][];

export interface MockOp {
  readonly op: string;
  readonly target: string;
  readonly value?: unknown;
}

export interface MockSheetState {
  name: string;
  cells: Map<string, { value?: unknown; formula?: string; numberFormat?: string }>;
  /** Review › Protect Sheet: Excel refuses writes and formats on locked cells (every cell but `unlocked`). */
  protected?: boolean;
  unlocked?: Set<string>;
}

export class MockWorkbookState {
  sheets: MockSheetState[] = [];
  /** Review › Protect Workbook (structure): Excel refuses to add sheets. */
  structureProtected = false;
  /** The user is typing in a cell: every sync fails with Excel's InvalidOperationInCellEditMode. */
  cellEditMode = false;
  names: string[] = [];
  /** Values of names, for readNames. */
  nameValues = new Map<string, unknown[][]>();
  charts: { sheet: string; name: string }[] = [];
  ops: MockOp[] = [];
  syncs = 0;
  selection = { sheet: "Sheet1", address: "A1:B2" };
  /** Workbook.onSelectionChanged handlers that are registered (after the sync that added them). */
  selectionHandlers: { handler: () => Promise<unknown>; context: MockContext }[] = [];

  /** What Excel does when the user selects a cell: the selection moves and every registered handler runs. */
  async userSelects(sheet: string, address: string): Promise<void> {
    this.selection = { sheet, address };
    for (const h of [...this.selectionHandlers]) await h.handler();
  }

  cell(sheet: string, address: string): { value?: unknown; formula?: string; numberFormat?: string } | undefined {
    return this.sheets.find((s) => s.name === sheet)?.cells.get(address);
  }
}

class Loadable {
  protected loaded = false;
  protected pending = false;
  load(): this {
    this.pending = true;
    return this;
  }
  /** Called by sync. */
  settle(): void {
    if (this.pending) this.loaded = true;
  }
  protected need(what: string): void {
    if (!this.loaded) throw new Error(`${what} read before context.sync()`);
  }
}

class MockRange extends Loadable {
  private _address: string;
  constructor(
    private readonly ctx: MockContext,
    private readonly sheet: string,
    address: string,
  ) {
    super();
    this._address = address;
    ctx.track(this);
    const guard = (what: string) => this.refuseIfLocked(what);
    this.format = {
      font: new Proxy({}, { set: (_t, k, v) => (guard("format"), ctx.state.ops.push({ op: `font.${String(k)}`, target: this.id(), value: v }), true) }),
      fill: new Proxy({}, { set: (_t, k, v) => (guard("format"), ctx.state.ops.push({ op: `fill.${String(k)}`, target: this.id(), value: v }), true) }),
      set columnWidth(v: number) {
        guard("format");
        ctx.state.ops.push({ op: "columnWidth", target: `${sheet}!${address}`, value: v });
      },
      protection: new MockCellProtection(ctx, () => this.lockedCells()),
    };
  }
  format: { font: object; fill: object; columnWidth: number; protection: MockCellProtection };
  /** True when some cell of the range is locked (every cell is, unless the test unlocked it). */
  private lockedCells(): boolean {
    const sheet = this.ctx.state.sheets.find((s) => s.name === this.sheet);
    const box = parseRange(this._address.replace(/\$/g, ""));
    for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) if (!sheet?.unlocked?.has(cellRef({ row: r, col: c }))) return true;
    return false;
  }
  /** Like Excel: on a protected sheet, writing a locked cell (value, formula or format) fails at the next sync. */
  private refuseIfLocked(what: string): boolean {
    const sheet = this.ctx.state.sheets.find((s) => s.name === this.sheet);
    if (sheet?.protected && (what !== "formulas" || this.lockedCells())) {
      this.ctx.fail(`AccessDenied: ${what} of ${this.id()} on a protected sheet`);
      return true;
    }
    return false;
  }
  private id(): string {
    return `${this.sheet}!${this._address}`;
  }
  get address(): string {
    this.need("address");
    return `${this.sheet}!${this._address}`;
  }
  get values(): Grid {
    this.need("values");
    // a formula cell's value is whatever the test stored as its value ("" when none)
    return this.grid((c) => c?.value ?? "");
  }
  get formulas(): Grid {
    this.need("formulas");
    return this.grid((c) => c?.formula ?? c?.value ?? "");
  }
  /** Every cell of the range, row by row, as Excel returns values/formulas. */
  private grid(of: (c: { value?: unknown; formula?: string } | undefined) => unknown): Grid {
    const cells = this.ctx.state.sheets.find((s) => s.name === this.sheet)?.cells;
    const box = parseRange(this._address.replace(/\$/g, ""));
    const out: Grid = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row: unknown[] = [];
      for (let c = box.left; c <= box.right; c++) row.push(of(cells?.get(cellRef({ row: r, col: c }))));
      out.push(row);
    }
    return out;
  }
  set formulas(v: Grid) {
    if (this.refuseIfLocked("formulas")) return;
    this.ctx.state.ops.push({ op: "formulas", target: this.id(), value: v });
    // one cell: the workbook changes at the next sync (only its formula; its number format stays)
    if (v.length === 1 && v[0]?.length === 1 && !this._address.includes(":")) {
      const f = v[0][0];
      this.ctx.onSync(() => {
        const sheet = this.ctx.state.sheets.find((s) => s.name === this.sheet);
        if (!sheet) return;
        const old = sheet.cells.get(this._address) ?? {};
        const { value: _v, formula: _f, ...rest } = old;
        sheet.cells.set(this._address, typeof f === "string" && f.startsWith("=") ? { ...rest, formula: f } : { ...rest, value: f });
      });
    }
  }
  /** Excel activates the range's sheet and selects it (when the batch syncs). */
  select(): void {
    this.ctx.state.ops.push({ op: "select", target: this.id() });
    this.ctx.onSync(() => {
      this.ctx.state.selection = { sheet: this.sheet, address: this._address };
    });
  }
  set numberFormat(v: Grid) {
    if (this.refuseIfLocked("numberFormat")) return;
    this.ctx.state.ops.push({ op: "numberFormat", target: this.id(), value: v });
  }
}

/** Worksheet.protection / Workbook.protection: `protected`, readable after a sync (or loaded with the parent's items). */
class MockProtection extends Loadable {
  constructor(
    ctx: MockContext,
    private readonly read: () => boolean,
    loadedWithParent = false,
  ) {
    super();
    ctx.track(this);
    if (loadedWithParent) this.loaded = true;
  }
  get protected(): boolean {
    this.need("protection.protected");
    return this.read();
  }
}

/** Range.format.protection: `locked`, readable after a sync. */
class MockCellProtection extends Loadable {
  constructor(
    ctx: MockContext,
    private readonly read: () => boolean,
  ) {
    super();
    ctx.track(this);
  }
  get locked(): boolean {
    this.need("format.protection.locked");
    return this.read();
  }
}

class MockChart {
  title = { text: "" };
  private readonly record: { sheet: string; name: string };
  constructor(
    private readonly ctx: MockContext,
    readonly target: string,
    record?: { sheet: string; name: string },
  ) {
    this.record = record ?? { sheet: target, name: "Chart" };
    if (!record) ctx.state.charts.push(this.record);
  }
  get name(): string {
    return this.record.name;
  }
  set name(v: string) {
    this.record.name = v;
  }
  setPosition(a: string, b: string): void {
    this.ctx.state.ops.push({ op: "chart.setPosition", target: this.target, value: `${a}:${b}` });
  }
  delete(): void {
    this.ctx.state.ops.push({ op: "chart.delete", target: `${this.target}:${this.record.name}` });
    this.ctx.state.charts = this.ctx.state.charts.filter((c) => c !== this.record);
  }
}

class MockCharts extends Loadable {
  constructor(
    private readonly ctx: MockContext,
    private readonly sheet: string,
  ) {
    super();
    ctx.track(this);
  }
  get items(): MockChart[] {
    this.need("charts.items");
    return this.ctx.state.charts.filter((c) => c.sheet === this.sheet).map((c) => new MockChart(this.ctx, this.sheet, c));
  }
  add(type: string, range: MockRange, seriesBy: string): MockChart {
    this.ctx.state.ops.push({ op: "chart.add", target: this.sheet, value: [type, seriesBy] });
    void range;
    return new MockChart(this.ctx, this.sheet);
  }
}

class MockSheet {
  readonly charts: MockCharts;
  readonly protection: MockProtection;
  constructor(
    private readonly ctx: MockContext,
    readonly name: string,
    readonly isNullObject = false,
    protectionLoaded = false,
  ) {
    this.charts = new MockCharts(ctx, name);
    this.protection = new MockProtection(ctx, () => ctx.state.sheets.find((s) => s.name === name)?.protected === true, protectionLoaded);
  }
  load(): this {
    return this; // name is known
  }
  getRange(address: string): MockRange {
    return new MockRange(this.ctx, this.name, address);
  }
  activate(): void {
    this.ctx.state.ops.push({ op: "activate", target: this.name });
  }
  /** Cells with a value or formula (valuesOnly); a null object for an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): MockUsedRange {
    void valuesOnly;
    return new MockUsedRange(this.ctx, this.name);
  }
}

class MockUsedRange extends Loadable {
  constructor(
    private readonly ctx: MockContext,
    private readonly sheet: string,
  ) {
    super();
    ctx.track(this);
  }
  private box(): { top: number; left: number; bottom: number; right: number } | undefined {
    const cells = this.ctx.state.sheets.find((s) => s.name === this.sheet)?.cells ?? new Map();
    let box: { top: number; left: number; bottom: number; right: number } | undefined;
    for (const [ref, c] of cells) {
      if (c.formula === undefined && (c.value === undefined || c.value === "")) continue;
      const p = parseRange(ref);
      box = box ? { top: Math.min(box.top, p.top), left: Math.min(box.left, p.left), bottom: Math.max(box.bottom, p.top), right: Math.max(box.right, p.left) } : { top: p.top, left: p.left, bottom: p.top, right: p.left };
    }
    return box;
  }
  get isNullObject(): boolean {
    this.need("isNullObject");
    return this.box() === undefined;
  }
  get address(): string {
    this.need("address");
    const b = this.box();
    if (!b) throw new Error("address of a null object");
    return `${this.sheet}!${cellRef({ row: b.top, col: b.left })}:${cellRef({ row: b.bottom, col: b.right })}`;
  }
}

class MockSheets extends Loadable {
  private props = "";
  constructor(private readonly ctx: MockContext) {
    super();
    ctx.track(this);
  }
  /** "items/name,items/protection/protected": the items' protection is read in the same round trip. */
  override load(props?: string): this {
    this.props += `,${props ?? ""}`;
    return super.load();
  }
  get items(): MockSheet[] {
    this.need("worksheets.items");
    const withProtection = this.props.includes("items/protection/protected");
    return this.ctx.state.sheets.map((s) => new MockSheet(this.ctx, s.name, false, withProtection));
  }
  add(name: string): MockSheet {
    if (this.ctx.state.structureProtected) {
      this.ctx.fail(`AccessDenied: the workbook structure is protected (add ${name})`);
      return new MockSheet(this.ctx, name, true);
    }
    this.ctx.state.ops.push({ op: "sheet.add", target: name });
    this.ctx.state.sheets.push({ name, cells: new Map() });
    return new MockSheet(this.ctx, name);
  }
  /** Like Excel, a missing sheet is an ItemNotFound error at the next sync. */
  getItem(name: string): MockSheet {
    if (!this.ctx.state.sheets.some((s) => s.name === name)) this.ctx.fail(`ItemNotFound: ${name}`);
    return new MockSheet(this.ctx, name);
  }
  getActiveWorksheet(): MockSheet {
    return new MockSheet(this.ctx, this.ctx.state.selection.sheet);
  }
  getItemOrNullObject(name: string): MockSheet {
    return new MockSheet(this.ctx, name, !this.ctx.state.sheets.some((s) => s.name === name));
  }
}

class MockValues extends Loadable {
  constructor(
    ctx: MockContext,
    private readonly grid: unknown[][] | undefined,
  ) {
    super();
    ctx.track(this);
  }
  get isNullObject(): boolean {
    this.need("isNullObject");
    return this.grid === undefined;
  }
  get values(): unknown[][] {
    this.need("values");
    return this.grid ?? [];
  }
}

class MockNames extends Loadable {
  constructor(private readonly ctx: MockContext) {
    super();
    ctx.track(this);
  }
  get items(): { name: string; getRangeOrNullObject(): MockValues }[] {
    this.need("names.items");
    return this.ctx.state.names.map((name) => ({ name, getRangeOrNullObject: () => new MockValues(this.ctx, this.ctx.state.nameValues.get(name)) }));
  }
  add(name: string, range: MockRange, comment?: string): void {
    void range;
    void comment;
    this.ctx.state.ops.push({ op: "name.add", target: name });
    this.ctx.state.names.push(name);
  }
  getItem(name: string): { delete(): void } {
    return {
      delete: () => {
        this.ctx.state.ops.push({ op: "name.delete", target: name });
        this.ctx.state.names = this.ctx.state.names.filter((n) => n !== name);
      },
    };
  }
}

/** Workbook.onSelectionChanged: handlers are registered at the sync after add, and must be removed in their own context. */
class MockSelectionEvent {
  constructor(private readonly ctx: MockContext) {}
  add(handler: () => Promise<unknown>): { remove(): void } {
    const ctx = this.ctx;
    const entry = { handler, context: ctx };
    ctx.state.ops.push({ op: "onSelectionChanged.add", target: "workbook" });
    ctx.onSync(() => ctx.state.selectionHandlers.push(entry));
    return {
      remove: () => {
        // Office.js: "remove" needs the request context that added the handler, inside Excel.run(context, …)
        if (!ctx.running) throw new Error("handler removed outside Excel.run(handler's context, …)");
        ctx.state.ops.push({ op: "onSelectionChanged.remove", target: "workbook" });
        ctx.onSync(() => {
          ctx.state.selectionHandlers = ctx.state.selectionHandlers.filter((h) => h !== entry);
        });
      },
    };
  }
}

export class MockContext {
  private readonly tracked: Loadable[] = [];
  private queued: (() => void)[] = [];
  private failures: string[] = [];
  /** True while a batch runs in this context (Excel.run(batch) or Excel.run(this, batch)). */
  running = false;
  readonly workbook: { worksheets: MockSheets; names: MockNames; protection: MockProtection; getSelectedRange(): MockRange; onSelectionChanged: MockSelectionEvent };
  constructor(readonly state: MockWorkbookState) {
    this.workbook = {
      worksheets: new MockSheets(this),
      protection: new MockProtection(this, () => state.structureProtected),
      names: new MockNames(this),
      getSelectedRange: () => new MockRange(this, state.selection.sheet, state.selection.address),
      onSelectionChanged: new MockSelectionEvent(this),
    };
  }
  track(l: Loadable): void {
    this.tracked.push(l);
  }
  /** A queued change that takes effect when the batch syncs. */
  onSync(fn: () => void): void {
    this.queued.push(fn);
  }
  /** An error Excel reports at the next sync (nothing queued is applied). */
  fail(message: string): void {
    this.failures.push(message);
  }
  async sync(): Promise<void> {
    if (this.state.cellEditMode) {
      this.queued = [];
      this.failures = [];
      throw Object.assign(new Error("The request cannot be processed while Excel is in cell-editing mode."), { code: "InvalidOperationInCellEditMode" });
    }
    this.state.syncs++;
    const failures = this.failures;
    const queued = this.queued;
    this.failures = [];
    this.queued = [];
    if (failures.length > 0) throw new Error(failures.join("; "));
    for (const fn of queued) fn();
    for (const l of this.tracked) l.settle();
  }
}

/** An Excel.run stand-in over one mock workbook; `within` re-enters an earlier run's context. */
export function mockRun(state: MockWorkbookState) {
  return async <T>(batch: (context: Excel.RequestContext) => Promise<T>, within?: Excel.RequestContext): Promise<T> => {
    const ctx = (within as unknown as MockContext | undefined) ?? new MockContext(state);
    ctx.running = true;
    try {
      return await batch(ctx as unknown as Excel.RequestContext);
    } finally {
      ctx.running = false;
    }
  };
}
