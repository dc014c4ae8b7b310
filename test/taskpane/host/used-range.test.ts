/** readUsedRange on both hosts: the used box, its top rows up to a number of cells, 2 round trips. */
import { FakeHost } from "../../../src/taskpane/host/fake-host";
import { OfficeHost } from "../../../src/taskpane/host/office-host";
import type { WorkbookHost } from "../../../src/taskpane/host/types";
import { MockWorkbookState, mockRun } from "./excel-mock";

const CELLS: Record<string, number | string> = { B3: "炉", C3: "t", B4: "F1", C4: 20, B5: "F2", C5: 30, D9: "=C4+C5" };

function office(cells: Record<string, number | string>): WorkbookHost {
  const state = new MockWorkbookState();
  state.sheets.push({ name: "S", cells: new Map(Object.entries(cells).map(([ref, v]) => [ref, typeof v === "string" && v.startsWith("=") ? { formula: v } : { value: v }])) });
  return new OfficeHost(mockRun(state));
}
const fake = (cells: Record<string, number | string>): WorkbookHost => new FakeHost({ sheets: { S: cells } });

describe.each([
  ["OfficeHost (Excel stand-in)", office],
  ["FakeHost", fake],
])("%s readUsedRange", (_label, make) => {
  it("reads the box that holds values, in 2 round trips", async () => {
    const host = make(CELLS);
    const u = await host.readUsedRange("S", 1000);
    expect(u).toMatchObject({ sheet: "S", address: "B3:D9", fullAddress: "B3:D9", truncated: false });
    expect(u.values).toHaveLength(7);
    expect(u.values[1]?.slice(0, 2)).toEqual(["F1", 20]);
    expect(u.formulas[6]?.[2]).toBe("=C4+C5");
    expect(host.syncCount()).toBe(2);
  });

  it("reads whole rows from the top up to the cell limit, and says so", async () => {
    const u = await make(CELLS).readUsedRange("S", 7); // 3 columns → 2 rows
    expect(u).toMatchObject({ address: "B3:D4", fullAddress: "B3:D9", truncated: true });
    expect(u.values).toHaveLength(2);
  });

  it("an empty sheet is A1, blank", async () => {
    const u = await make({}).readUsedRange("S", 1000);
    expect(u).toMatchObject({ address: "A1", fullAddress: "A1", truncated: false, values: [[null]] });
  });
});
