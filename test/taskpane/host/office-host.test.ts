import { OfficeHost, _internal } from "../../../src/taskpane/host/office-host";
import { MockWorkbookState, mockRun } from "./excel-mock";
import { buildAllowancePlan, DEMO_ALLOWANCE } from "../../../src/core/workbook";
import { planToBatch } from "../../../src/taskpane/wizard/write";

const labels = { block: "g", fy: "FY", allowance: "a", emissions: "e", furnace: "f", cf: "cf", chartAllowance: "A", chartCf: "C" };

function bigInputs(rows: number) {
  const furnaces = Array.from({ length: rows }, (_, i) => ({ id: `F${i + 1}`, capacity_t: 20 + (i % 40), charges_per_h: 0.3 + (i % 5) / 10, emissions_t: 1000 + i, semi_t: 3000 + i }));
  return { ...DEMO_ALLOWANCE, furnaces };
}

describe("OfficeHost (against a recording stand-in for Excel)", () => {
  it("writes a 1 000-furnace workbook in 2 context.sync() calls, with one formulas block per sheet", async () => {
    const state = new MockWorkbookState();
    state.sheets.push({ name: "Sheet1", cells: new Map() });
    const host = new OfficeHost(mockRun(state));
    const batch = planToBatch(buildAllowancePlan(bigInputs(1000), { mode: "alcn", lang: "ja" }), labels);
    const names = await host.sheetNames();
    expect(names).toEqual(["Sheet1"]);
    expect(await host.inspectTargets(batch)).toEqual({ occupied: [], protectedSheets: [], structureLocked: false });
    await host.write(batch);
    expect(host.syncCount()).toBeLessThanOrEqual(5);
    expect(state.syncs).toBe(host.syncCount());
    expect(state.ops.filter((o) => o.op === "formulas")).toHaveLength(3);
    expect(state.ops.filter((o) => o.op === "sheet.add").map((o) => o.target)).toEqual(["割当量計算", "入力", "パラメータ"]);
    expect(state.ops.filter((o) => o.op === "chart.add")).toHaveLength(2);
    // names are queued before the formulas that use them
    const firstName = state.ops.findIndex((o) => o.op === "name.add");
    const firstFormulas = state.ops.findIndex((o) => o.op === "formulas");
    expect(firstName).toBeLessThan(firstFormulas);
    // the same write with 10 rows costs the same number of round trips
    const small = new MockWorkbookState();
    const h2 = new OfficeHost(mockRun(small));
    const b2 = planToBatch(buildAllowancePlan(bigInputs(10), { mode: "alcn", lang: "ja" }), labels);
    await h2.sheetNames();
    await h2.inspectTargets(b2);
    await h2.write(b2);
    expect(h2.syncCount()).toBe(host.syncCount());
  });

  it("replaces names that already exist and reports non-empty cells of existing sheets", async () => {
    const state = new MockWorkbookState();
    state.sheets.push({ name: "割当量計算", cells: new Map([["A1", { value: "old" }]]) });
    state.names.push("ALCN_COEFS");
    const host = new OfficeHost(mockRun(state));
    const batch = planToBatch(buildAllowancePlan(DEMO_ALLOWANCE, { mode: "native", lang: "ja" }), labels);
    const { occupied } = await host.inspectTargets(batch);
    expect(occupied.length).toBeGreaterThan(0);
    expect(occupied[0]).toMatchObject({ sheet: "割当量計算", ref: "A1", value: "old" });
    await host.write(batch);
    expect(state.ops.find((o) => o.op === "name.delete")?.target).toBe("ALCN_COEFS");
    expect(state.ops.filter((o) => o.op === "sheet.add").map((o) => o.target)).toEqual(["入力", "パラメータ"]);
  });

  it("a second write replaces ALCN's own charts and keeps the user's", async () => {
    const state = new MockWorkbookState();
    const host = new OfficeHost(mockRun(state));
    const batch = planToBatch(buildAllowancePlan(DEMO_ALLOWANCE, { mode: "alcn", lang: "ja" }), labels);
    await host.write(batch);
    state.charts.push({ sheet: "割当量計算", name: "ユーザーのグラフ" });
    await host.write(batch);
    expect(state.charts.map((c) => c.name).sort()).toEqual(["ALCN_CHART_1", "ALCN_CHART_2", "ユーザーのグラフ"]);
    expect(host.syncCount()).toBe(2 + 3);
  });

  it("reads named ranges in 2 syncs, leaving out names the workbook lacks", async () => {
    const state = new MockWorkbookState();
    state.names.push("ALCN_COEFS", "Other");
    state.nameValues.set("ALCN_COEFS", [[-0.35], [-0.18], [-0.22]]);
    const host = new OfficeHost(mockRun(state));
    const r = await host.readNames(["alcn_coefs", "ALCN_FORM"]);
    expect([...r.entries()]).toEqual([["ALCN_COEFS", [[-0.35], [-0.18], [-0.22]]]]);
    expect(host.syncCount()).toBe(2);
  });

  it("reads the selection with its sheet", async () => {
    const state = new MockWorkbookState();
    state.sheets.push({ name: "Sheet 1", cells: new Map([["C3", { value: 5 }]]) });
    state.selection = { sheet: "Sheet 1", address: "C3" };
    const host = new OfficeHost(mockRun(state));
    const r = await host.readSelection();
    expect(r.sheet).toBe("Sheet 1");
    expect(r.values).toEqual([[5]]);
    expect(_internal.splitAddress("'It''s'!A1:B2")).toEqual({ sheet: "It's", address: "A1:B2" });
  });
});

/** Let queued promise callbacks (the adapter's Excel.run chains) finish. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
}

describe("OfficeHost: select, one-cell formulas, selection events", () => {
  function workbook(): MockWorkbookState {
    const state = new MockWorkbookState();
    state.sheets.push({ name: "Sheet1", cells: new Map() });
    state.sheets.push({ name: "入力", cells: new Map([["B4", { value: 0.25, numberFormat: "0.0%" }]]) });
    state.sheets.push({ name: "It's", cells: new Map() });
    state.selection = { sheet: "Sheet1", address: "A1" };
    return state;
  }

  it("selectCell selects a sheet-qualified cell (Range.select) in 1 sync", async () => {
    const state = workbook();
    const host = new OfficeHost(mockRun(state));
    await host.selectCell("'入力'!B4");
    expect(state.selection).toEqual({ sheet: "入力", address: "B4" });
    expect(state.ops).toEqual([{ op: "select", target: "入力!B4" }]);
    expect(host.syncCount()).toBe(1);
    await host.selectCell("'It''s'!C2:D3");
    expect(state.selection).toEqual({ sheet: "It's", address: "C2:D3" });
    await host.selectCell("E5"); // bare: on the active sheet
    expect(state.selection).toEqual({ sheet: "It's", address: "E5" });
    expect(host.syncCount()).toBe(3);
    expect(state.syncs).toBe(3);
  });

  it("selectCell on a missing sheet fails as Excel does and changes nothing", async () => {
    const state = workbook();
    const host = new OfficeHost(mockRun(state));
    await expect(host.selectCell("Nope!A1")).rejects.toThrow(/ItemNotFound/);
    expect(state.selection).toEqual({ sheet: "Sheet1", address: "A1" });
  });

  it("writeFormula sets one cell's formula only (number format kept, nothing activated) in 1 sync", async () => {
    const state = workbook();
    const host = new OfficeHost(mockRun(state));
    await host.writeFormula("'入力'!B4", "=ALCN.CHANGERATE(90,100)");
    expect(state.ops).toEqual([{ op: "formulas", target: "入力!B4", value: [["=ALCN.CHANGERATE(90,100)"]] }]);
    expect(state.cell("入力", "B4")).toEqual({ formula: "=ALCN.CHANGERATE(90,100)", numberFormat: "0.0%" });
    expect(state.selection).toEqual({ sheet: "Sheet1", address: "A1" });
    expect(host.syncCount()).toBe(1);
    // the same cost for a cell on the active sheet
    await host.writeFormula("C3", "=1+1");
    expect(state.cell("Sheet1", "C3")).toEqual({ formula: "=1+1" });
    expect(host.syncCount()).toBe(2);
  });

  it("writeFormula refuses a multi-cell address without a round trip", async () => {
    const state = workbook();
    const host = new OfficeHost(mockRun(state));
    await expect(host.writeFormula("'入力'!B4:C5", "=1")).rejects.toThrow(/one cell/);
    expect(state.ops).toEqual([]);
    expect(host.syncCount()).toBe(0);
  });

  it("onSelectionChanged adds a workbook handler (1 sync) and removes it in the context that added it (1 sync)", async () => {
    const state = workbook();
    const host = new OfficeHost(mockRun(state));
    let calls = 0;
    const off = host.onSelectionChanged(() => calls++);
    await settle();
    expect(state.selectionHandlers).toHaveLength(1);
    expect(host.syncCount()).toBe(1);
    await state.userSelects("入力", "B4");
    await state.userSelects("入力", "B5");
    expect(calls).toBe(2);
    off();
    off(); // twice is harmless
    await settle();
    expect(state.selectionHandlers).toHaveLength(0);
    expect(state.ops.map((o) => o.op)).toEqual(["onSelectionChanged.add", "onSelectionChanged.remove"]);
    expect(host.syncCount()).toBe(2);
    await state.userSelects("入力", "B6");
    expect(calls).toBe(2);
  });

  it("unsubscribing before the handler is registered still removes it, and never calls back", async () => {
    const state = workbook();
    const host = new OfficeHost(mockRun(state));
    let calls = 0;
    const off = host.onSelectionChanged(() => calls++);
    off();
    await settle();
    expect(state.selectionHandlers).toHaveLength(0);
    await state.userSelects("入力", "B4");
    expect(calls).toBe(0);
  });

  it("a host without the event (the add fails) leaves a harmless unsubscribe", async () => {
    const host = new OfficeHost(() => Promise.reject(new Error("ApiNotFound")));
    const off = host.onSelectionChanged(() => undefined);
    await settle();
    expect(() => off()).not.toThrow();
    await settle();
  });
});

describe("OfficeHost draft (the workbook's document settings)", () => {
  const g = globalThis as { Office?: unknown };
  afterEach(() => {
    delete g.Office;
  });

  /** Office.context.document.settings as Office keeps them: set in memory, saveAsync reports succeeded or failed. */
  function stubSettings(fail = false) {
    const store = new Map<string, unknown>();
    const saved: string[] = [];
    g.Office = {
      context: {
        document: {
          settings: {
            get: (k: string) => store.get(k) ?? null,
            set: (k: string, v: unknown) => store.set(k, v),
            saveAsync: (cb: (r: { status: string; error?: { message: string } }) => void) => {
              if (fail) cb({ status: "failed", error: { message: "settings too large" } });
              else {
                saved.push(String(store.get("alcn.draft")));
                cb({ status: "succeeded" });
              }
            },
          },
        },
      },
    };
    return { store, saved };
  }

  it("keeps the draft under alcn.draft and saves the settings, without a round trip", async () => {
    const { saved } = stubSettings();
    const host = new OfficeHost(mockRun(new MockWorkbookState()));
    expect(await host.readDraft()).toBeUndefined();
    await host.writeDraft('{"v":1}');
    expect(saved).toEqual(['{"v":1}']);
    expect(await host.readDraft()).toBe('{"v":1}');
    expect(host.syncCount()).toBe(0);
  });

  it("a failed save is an error the pane can ignore; outside Office there is no draft", async () => {
    stubSettings(true);
    const host = new OfficeHost(mockRun(new MockWorkbookState()));
    await expect(host.writeDraft("x")).rejects.toThrow(/settings too large/);
    delete g.Office;
    expect(await host.readDraft()).toBeUndefined();
    await expect(host.writeDraft("x")).resolves.toBeUndefined();
  });
});
