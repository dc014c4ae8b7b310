/**
 * What the workbook refuses, on both hosts: protected sheets and a protected workbook structure are found
 * before anything is written (in the round trips the writes already make) and refused with ProtectionError
 * before any change; a locked cell is told apart from other failures of a one-cell write; while the user
 * types in a cell, every call is a CellEditModeError.
 */
import { buildAllowancePlan, DEMO_ALLOWANCE } from "../../../src/core/workbook";
import { FakeHost } from "../../../src/taskpane/host/fake-host";
import { OfficeHost } from "../../../src/taskpane/host/office-host";
import { CellEditModeError, isBlocked, ProtectionError, type WorkbookHost, type WriteBatch } from "../../../src/taskpane/host/types";
import { planToBatch } from "../../../src/taskpane/wizard/write";
import { MockContext, MockWorkbookState, mockRun } from "./excel-mock";

const labels = { block: "g", fy: "FY", allowance: "a", emissions: "e", furnace: "f", cf: "cf", chartAllowance: "A", chartCf: "C" };
const demoBatch = (): WriteBatch => planToBatch(buildAllowancePlan(DEMO_ALLOWANCE, { mode: "alcn", lang: "ja" }), labels);

/** The same workbook on either host: 割当量計算 holds a memo; `protect` protects it; `structure` protects the workbook. */
interface Case {
  readonly host: WorkbookHost;
  protect(sheet: string, unlocked?: string[]): void;
  protectStructure(): void;
  editCell(on: boolean): void;
  /** Every cell value or formula of a sheet, to show nothing changed. */
  snapshot(): string;
}

function office(): Case {
  const state = new MockWorkbookState();
  state.sheets.push({ name: "割当量計算", cells: new Map([["A1", { value: "memo" }]]) }, { name: "入力", cells: new Map() });
  return {
    host: new OfficeHost(mockRun(state)),
    protect: (sheet, unlocked = []) => {
      const s = state.sheets.find((x) => x.name === sheet);
      if (s) Object.assign(s, { protected: true, unlocked: new Set(unlocked) });
    },
    protectStructure: () => {
      state.structureProtected = true;
    },
    editCell: (on) => {
      state.cellEditMode = on;
    },
    snapshot: () => JSON.stringify([state.sheets.map((s) => [s.name, [...s.cells]]), state.names, state.charts]),
  };
}

function fake(): Case {
  const host = new FakeHost({ sheets: { 割当量計算: { A1: "memo" }, 入力: {} } });
  return {
    host,
    protect: (sheet, unlocked) => host.protectSheet(sheet, unlocked),
    protectStructure: () => {
      host.structureProtected = true;
    },
    editCell: (on) => {
      host.cellEditMode = on;
    },
    snapshot: () => JSON.stringify([host.sheets.map((s) => [s.name, [...s.cells]]), [...host.names.keys()], host.charts]),
  };
}

describe.each([
  ["OfficeHost (Excel stand-in)", office],
  ["FakeHost", fake],
])("%s", (_label, make) => {
  it("names the protected target sheets in one round trip and reads no cells then", async () => {
    const c = make();
    c.protect("割当量計算");
    const before = c.host.syncCount();
    const check = await c.host.inspectTargets(demoBatch());
    expect(check).toEqual({ occupied: [], protectedSheets: ["割当量計算"], structureLocked: false });
    expect(isBlocked(check)).toBe(true);
    expect(c.host.syncCount() - before).toBe(1);
  });

  it("a protected sheet that the batch does not write is no obstacle", async () => {
    const c = make();
    c.protect("入力");
    const batch: WriteBatch = { sheets: [{ name: "割当量計算", cells: [{ ref: "A1", value: 1 }] }], names: [], charts: [] };
    const check = await c.host.inspectTargets(batch);
    expect(check.protectedSheets).toEqual([]);
    expect(check.occupied).toEqual([expect.objectContaining({ sheet: "割当量計算", ref: "A1", value: "memo" })]);
  });

  it("a protected structure blocks a batch that adds sheets, not one that only writes existing sheets", async () => {
    const c = make();
    c.protectStructure();
    expect(await c.host.inspectTargets(demoBatch())).toMatchObject({ structureLocked: true, protectedSheets: [] });
    const existingOnly: WriteBatch = { sheets: [{ name: "入力", cells: [{ ref: "B2", value: 5 }] }], names: [], charts: [] };
    expect(isBlocked(await c.host.inspectTargets(existingOnly))).toBe(false);
    await c.host.write(existingOnly);
    expect((await c.host.readRange("入力", "B2")).values).toEqual([[5]]);
  });

  it("write refuses before changing anything when a sheet was protected after the check", async () => {
    const c = make();
    const batch = demoBatch();
    expect(isBlocked(await c.host.inspectTargets(batch))).toBe(false);
    c.protect("割当量計算"); // e.g. while the overwrite question was open
    const before = c.snapshot();
    const err = await c.host.write(batch).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtectionError);
    expect(err).toMatchObject({ sheets: ["割当量計算"], structure: false });
    expect(c.snapshot()).toBe(before); // no sheet added, no name, no formula
  });

  it("write refuses to add sheets to a protected structure before changing anything", async () => {
    const c = make();
    c.protectStructure();
    const before = c.snapshot();
    await expect(c.host.write(demoBatch())).rejects.toMatchObject({ sheets: [], structure: true });
    expect(c.snapshot()).toBe(before);
  });

  it("writeFormula: a locked cell on a protected sheet is a ProtectionError naming the cell; an unlocked cell takes the formula", async () => {
    const c = make();
    c.protect("入力", ["C3"]);
    const err = await c.host.writeFormula("'入力'!B4", "=1+1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtectionError);
    expect(err).toMatchObject({ sheets: ["入力"], cell: "'入力'!B4" });
    expect((await c.host.readRange("入力", "B4")).formulas).toEqual([[null]]);
    const before = c.host.syncCount();
    await c.host.writeFormula("'入力'!C3", "=ALCN.CHANGERATE(90,100)");
    expect(c.host.syncCount() - before).toBe(1);
    expect((await c.host.readRange("入力", "C3")).formulas).toEqual([["=ALCN.CHANGERATE(90,100)"]]);
  });

  it("while a cell is being edited every call is a CellEditModeError and nothing changes; afterwards all works", async () => {
    const c = make();
    c.editCell(true);
    const before = c.snapshot();
    const batch = demoBatch();
    for (const call of [() => c.host.sheetNames(), () => c.host.inspectTargets(batch), () => c.host.write(batch), () => c.host.readRange("入力", "A1"), () => c.host.writeFormula("'入力'!B4", "=1")]) {
      await expect(call()).rejects.toBeInstanceOf(CellEditModeError);
    }
    expect(c.snapshot()).toBe(before);
    c.editCell(false);
    await c.host.write(batch);
    expect(c.snapshot()).not.toBe(before);
  });

  it("writeFormula: other failures stay what they are", async () => {
    const c = make();
    const err = await c.host.writeFormula("'無いシート'!A1", "=1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(ProtectionError);
  });
});

describe("the Excel stand-in behaves as Excel does on protected sheets", () => {
  it("a write to a locked cell fails at the sync; adding a sheet to a protected structure fails", async () => {
    const state = new MockWorkbookState();
    state.sheets.push({ name: "S", cells: new Map(), protected: true, unlocked: new Set(["B2"]) });
    const ctx = new MockContext(state);
    ctx.workbook.worksheets.getItem("S").getRange("A1").formulas = [["=1"]];
    await expect(ctx.sync()).rejects.toThrow(/AccessDenied/);
    ctx.workbook.worksheets.getItem("S").getRange("B2").numberFormat = [["0"]];
    await expect(ctx.sync()).rejects.toThrow(/AccessDenied/); // formats are locked too
    ctx.workbook.worksheets.getItem("S").getRange("B2").formulas = [["=2"]];
    await ctx.sync();
    expect(state.cell("S", "B2")?.formula).toBe("=2");
    state.structureProtected = true;
    ctx.workbook.worksheets.add("New");
    await expect(ctx.sync()).rejects.toThrow(/AccessDenied/);
    expect(state.sheets.map((s) => s.name)).toEqual(["S"]);
  });
});
