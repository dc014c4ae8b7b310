import { FakeHost } from "../../../src/taskpane/host/fake-host";
import { uniqueSheetName, type WriteBatch } from "../../../src/taskpane/host/types";

function batch(rows: number): WriteBatch {
  const cells = [
    { ref: "A1", value: "炉", style: "header" as const },
    { ref: "B1", value: "排出量", style: "header" as const },
    { ref: "C1", value: "半製品", style: "header" as const },
    { ref: "D1", value: "原単位", style: "header" as const },
  ];
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    cells.push({ ref: `A${r}`, value: `F${i + 1}`, style: "input" as const } as never);
    cells.push({ ref: `B${r}`, value: 100 + i, style: "input" as const } as never);
    cells.push({ ref: `C${r}`, value: 1000, style: "input" as const } as never);
    cells.push({ ref: `D${r}`, formula: `=ALCN.INTENSITY(B${r},C${r})`, numFmt: "0.000" } as never);
  }
  const total = rows + 2;
  return {
    sheets: [
      { name: "パラメータ", cells: [{ ref: "A1", value: "係数" }, { ref: "B1", value: 2, style: "param" }] },
      { name: "ALCN計算", cells: [...cells, { ref: `A${total}`, value: "合計" }, { ref: `B${total}`, formula: `=SUM(B2:B${total - 1})*ALCN_K` }] },
    ],
    names: [{ name: "ALCN_K", sheet: "パラメータ", ref: "B1" }],
    charts: [{ sheet: "ALCN計算", kind: "columnClustered", title: "t", range: `A1:B${total - 1}`, seriesBy: "columns", topLeft: "F2", bottomRight: "M20" }],
  };
}

describe("FakeHost", () => {
  it("records sheets, names, formats, charts and computes formulas with ALCN functions and names", async () => {
    const host = new FakeHost();
    const out = await host.write(batch(3));
    expect(out.sheets).toEqual(["パラメータ", "ALCN計算"]);
    expect(host.sheets.map((s) => s.name)).toEqual(["Sheet1", "パラメータ", "ALCN計算"]);
    expect(host.formulaAt("ALCN計算", "D2")).toBe("=ALCN.INTENSITY(B2,C2)");
    expect(host.cellAt("ALCN計算", "D2")?.numFmt).toBe("0.000");
    expect(host.valueAt("ALCN計算", "D2")).toBeCloseTo(0.1, 12);
    expect(host.valueAt("ALCN計算", "B5")).toBe((100 + 101 + 102) * 2);
    expect(host.charts).toHaveLength(1);
    expect(host.log).toContain("name.add ALCN_K 'パラメータ'!B1");
    expect(host.log.filter((l) => l.startsWith("range.formulas"))).toHaveLength(2);
  });

  it("reports non-empty cells of existing sheets only, with their values", async () => {
    const host = new FakeHost({ sheets: { ALCN計算: { A1: "memo", D3: "=1+1" }, Other: { A1: 5 } } });
    const { occupied, protectedSheets, structureLocked } = await host.inspectTargets(batch(2));
    expect(protectedSheets).toEqual([]);
    expect(structureLocked).toBe(false);
    expect(occupied).toEqual([
      { sheet: "ALCN計算", ref: "A1", value: "memo", formula: null },
      { sheet: "ALCN計算", ref: "D3", value: 2, formula: "=1+1" },
    ]);
    expect((await host.inspectTargets({ sheets: [{ name: "New", cells: [{ ref: "A1", value: 1 }] }], names: [], charts: [] })).occupied).toEqual([]);
  });

  it("writes 1 000 furnace rows in a constant number of round trips", async () => {
    const host = new FakeHost();
    const b = batch(1000);
    const names = await host.sheetNames();
    uniqueSheetName("ALCN計算", names);
    await host.inspectTargets(b);
    await host.write(b);
    expect(host.syncCount()).toBeLessThanOrEqual(5);
    // the same as for 3 rows
    const small = new FakeHost();
    await small.sheetNames();
    await small.inspectTargets(batch(3));
    await small.write(batch(3));
    expect(host.syncCount()).toBe(small.syncCount());
    expect(host.valueAt("ALCN計算", "D1001")).toBeCloseTo(1099 / 1000, 12);
  });

  it("gives unique sheet names", () => {
    expect(uniqueSheetName("ALCN計算", ["Sheet1"])).toBe("ALCN計算");
    expect(uniqueSheetName("ALCN計算", ["alcn計算", "ALCN計算 (2)"])).toBe("ALCN計算 (3)");
    expect(uniqueSheetName("a/b", [])).toBe("a_b");
    expect(uniqueSheetName("x".repeat(40), ["x".repeat(31)])).toHaveLength(31);
  });

  it("passes parameter overrides to the engine's functions", () => {
    const host = new FakeHost();
    host.setParameterOverrides({ "bm.x": { value: 1, unit: "", assumption: false, source: { document: "test" } } }, "wb");
    expect(host.parameterOverrides?.label).toBe("wb");
  });
});

describe("FakeHost: select, one-cell formulas, selection events", () => {
  async function withInputs(): Promise<FakeHost> {
    const host = new FakeHost({ sheets: { Sheet1: {}, 入力: { A1: 300, A2: 120 } } });
    // a formatted, styled cell and a formula that depends on it
    await host.write({
      sheets: [{ name: "入力", cells: [{ ref: "C3", value: 1, numFmt: "0.00", style: "output" }, { ref: "D3", formula: "=C3*2" }] }],
      names: [],
      charts: [],
    });
    host.select("Sheet1", "A1");
    return host;
  }

  it("selectCell selects a sheet-qualified address in 1 round trip and tells the preview and listeners", async () => {
    const host = await withInputs();
    let repaints = 0;
    let changes = 0;
    host.subscribe(() => repaints++);
    host.onSelectionChanged(() => changes++);
    const before = host.syncCount();
    await host.selectCell("'入力'!B4");
    expect(host.selection).toEqual({ sheet: "入力", address: "B4" });
    expect(host.syncCount() - before).toBe(1);
    expect(repaints).toBe(1);
    expect(changes).toBe(1);
    expect(host.log).toContain("range.select '入力'!B4");
    await host.selectCell("$C$3:$D$4"); // bare: on the current sheet
    expect(host.selection).toEqual({ sheet: "入力", address: "C3:D4" });
    await expect(host.selectCell("Nope!A1")).rejects.toThrow(/no sheet/);
    await expect(host.selectCell("'入力'!nonsense")).rejects.toThrow();
    expect(host.selection).toEqual({ sheet: "入力", address: "C3:D4" });
  });

  it("writeFormula changes one cell's formula, keeps its number format and style and the selection, and recomputes", async () => {
    const host = await withInputs();
    expect(host.valueAt("入力", "D3")).toBe(2);
    const before = host.syncCount();
    const logged = host.log.length;
    await host.writeFormula("'入力'!C3", "=ALCN.INTENSITY(A1,A2)");
    expect(host.syncCount() - before).toBe(1);
    expect(host.cellAt("入力", "C3")).toEqual({ formula: "=ALCN.INTENSITY(A1,A2)", numFmt: "0.00", style: "output" });
    expect(host.valueAt("入力", "C3")).toBe(2.5);
    expect(host.valueAt("入力", "D3")).toBe(5); // dependants recomputed
    expect(host.log.slice(logged)).toEqual(["range.formulas '入力'!C3"]);
    expect(host.selection).toEqual({ sheet: "Sheet1", address: "A1" });
    // a constant, a new cell
    await host.writeFormula("'入力'!E1", "42");
    expect(host.cellAt("入力", "E1")).toEqual({ value: 42 });
    await expect(host.writeFormula("'入力'!A1:B2", "=1")).rejects.toThrow(/one cell/);
    await expect(host.writeFormula("Nope!A1", "=1")).rejects.toThrow(/no sheet/);
  });

  it("selection listeners hear the preview's clicks and a write's sheet activation, until unsubscribed", async () => {
    const host = new FakeHost();
    const seen: string[] = [];
    const off = host.onSelectionChanged(() => seen.push(`${host.selection.sheet}!${host.selection.address}`));
    host.select("Sheet1", "B2");
    await host.write({ sheets: [{ name: "New", cells: [{ ref: "A1", value: 1 }] }], names: [], charts: [] });
    off();
    host.select("Sheet1", "C3");
    expect(seen).toEqual(["Sheet1!B2", "New!A1"]);
  });
});
