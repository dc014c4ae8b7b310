/**
 * A stand-in for the slice of the Excel JavaScript API the adapter uses. It records what the adapter
 * queues and counts context.sync() calls, and — like Excel — makes loaded properties readable only
 * after a sync (reading before throws), so a missing sync is a test failure.
 */
type Grid = unknown[][];

export interface MockOp {
  readonly op: string;
  readonly target: string;
  readonly value?: unknown;
}

export class MockWorkbookState {
  sheets: { name: string; cells: Map<string, { value?: unknown; formula?: string }> }[] = [];
  names: string[] = [];
  /** Values of names, for readNames. */
  nameValues = new Map<string, unknown[][]>();
  charts: { sheet: string; name: string }[] = [];
  ops: MockOp[] = [];
  syncs = 0;
  selection = { sheet: "Sheet1", address: "A1:B2" };
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
    this.format = {
      font: new Proxy({}, { set: (_t, k, v) => (ctx.state.ops.push({ op: `font.${String(k)}`, target: this.id(), value: v }), true) }),
      fill: new Proxy({}, { set: (_t, k, v) => (ctx.state.ops.push({ op: `fill.${String(k)}`, target: this.id(), value: v }), true) }),
      set columnWidth(v: number) {
        ctx.state.ops.push({ op: "columnWidth", target: `${sheet}!${address}`, value: v });
      },
    };
  }
  format: { font: object; fill: object; columnWidth: number };
  private id(): string {
    return `${this.sheet}!${this._address}`;
  }
  get address(): string {
    this.need("address");
    return `${this.sheet}!${this._address}`;
  }
  get values(): Grid {
    this.need("values");
    return [[this.ctx.state.sheets.find((s) => s.name === this.sheet)?.cells.get(this._address.split(":")[0] as string)?.value ?? ""]];
  }
  get formulas(): Grid {
    this.need("formulas");
    const c = this.ctx.state.sheets.find((s) => s.name === this.sheet)?.cells.get(this._address.split(":")[0] as string);
    return [[c?.formula ?? c?.value ?? ""]];
  }
  set formulas(v: Grid) {
    this.ctx.state.ops.push({ op: "formulas", target: this.id(), value: v });
  }
  set numberFormat(v: Grid) {
    this.ctx.state.ops.push({ op: "numberFormat", target: this.id(), value: v });
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
  constructor(
    private readonly ctx: MockContext,
    readonly name: string,
    readonly isNullObject = false,
  ) {
    this.charts = new MockCharts(ctx, name);
  }
  getRange(address: string): MockRange {
    return new MockRange(this.ctx, this.name, address);
  }
  activate(): void {
    this.ctx.state.ops.push({ op: "activate", target: this.name });
  }
}

class MockSheets extends Loadable {
  constructor(private readonly ctx: MockContext) {
    super();
    ctx.track(this);
  }
  get items(): MockSheet[] {
    this.need("worksheets.items");
    return this.ctx.state.sheets.map((s) => new MockSheet(this.ctx, s.name));
  }
  add(name: string): MockSheet {
    this.ctx.state.ops.push({ op: "sheet.add", target: name });
    this.ctx.state.sheets.push({ name, cells: new Map() });
    return new MockSheet(this.ctx, name);
  }
  getItem(name: string): MockSheet {
    return new MockSheet(this.ctx, name);
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

export class MockContext {
  private readonly tracked: Loadable[] = [];
  readonly workbook: { worksheets: MockSheets; names: MockNames; getSelectedRange(): MockRange };
  constructor(readonly state: MockWorkbookState) {
    this.workbook = {
      worksheets: new MockSheets(this),
      names: new MockNames(this),
      getSelectedRange: () => new MockRange(this, state.selection.sheet, state.selection.address),
    };
  }
  track(l: Loadable): void {
    this.tracked.push(l);
  }
  async sync(): Promise<void> {
    this.state.syncs++;
    for (const l of this.tracked) l.settle();
  }
}

/** An Excel.run stand-in over one mock workbook. */
export function mockRun(state: MockWorkbookState) {
  return <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(new MockContext(state) as unknown as Excel.RequestContext);
}
