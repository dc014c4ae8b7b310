/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { ChecksPanel, preferredSheet } from "../../../src/taskpane/components/checks/ChecksPanel";
import { actionsFromHost, type PanelActions } from "../../../src/taskpane/components/audit/actions";
import { FakeHost } from "../../../src/taskpane/host/fake-host";
import { HostContext } from "../../../src/taskpane/components/HostContext";
import { OfficeHost } from "../../../src/taskpane/host/office-host";
import { MockWorkbookState, mockRun } from "../host/excel-mock";
import { InLang, shimBrowser } from "../audit/setup";

beforeAll(shimBrowser);

/** A furnace table at A6 on the 入力 sheet: F2 has "1,200" as text, F3 is 1000× too large. */
function inputs(): Record<string, number | string> {
  const cells: Record<string, number | string> = { A1: "入力", A3: "会社名", B3: "デモ" };
  ["炉ID", "炉サイズ (t)", "チャージ数 (回/h)", "排出量 (t-CO2)", "半製品生産量 (t)"].forEach((h, c) => (cells[`${"ABCDE"[c]}6`] = h));
  const rows: [string, number, number, number | string, number | string][] = [
    ["F1", 20, 1.0, 9000, 10000],
    ["F2", 30, 1.5, "1,200", 12000],
    ["F3", 40, 2.0, 8000, 14000 * 1000],
    ["F4", 50, 1.0, 7000, 16000],
  ];
  rows.forEach((r, i) => r.forEach((v, c) => (cells[`${"ABCDE"[c]}${7 + i}`] = v)));
  return cells;
}

function renderPanel(host: FakeHost, lang: "ja" | "en", actions: PanelActions = actionsFromHost(host)) {
  render(
    <InLang lang={lang}>
      <ChecksPanel actions={actions} />
    </InLang>,
  );
}

describe("ChecksPanel", () => {
  it("offers the Inputs sheet, lists findings and selects a finding's cell on click", async () => {
    const host = new FakeHost({ sheets: { Sheet1: {}, 入力: inputs() } });
    renderPanel(host, "ja");
    await waitFor(() => expect((screen.getByRole("combobox") as HTMLSelectElement).value).toBe("入力"));
    fireEvent.click(screen.getByRole("button", { name: "チェックを実行" }));
    await screen.findByTestId("checks-count");
    const items = screen.getAllByTestId("finding").map((li) => li.textContent ?? "");
    expect(items.some((t) => t.includes("入力!D8") && t.includes("1,200") && t.includes("候補: 1200"))).toBe(true);
    expect(items.some((t) => t.includes("入力!E9") && t.includes("千t") && t.includes("候補: 14000"))).toBe(true);
    expect(items[0]).toContain("エラー"); // errors first
    fireEvent.click(screen.getByRole("button", { name: "セルへ移動 入力!E9" }));
    await waitFor(() => expect(host.selection).toEqual({ sheet: "入力", address: "E9" }));
    expect(host.log).toContain("range.select '入力'!E9"); // through WorkbookHost.selectCell, as in Excel
  });

  it("a whole sheet is checked over its used range: a slip in row 1 206 of a 1 200-furnace table is found", async () => {
    const cells = inputs();
    for (let i = 0; i < 1200; i++) {
      const r = 11 + i;
      [`G${i + 5}`, 20 + (i % 40), 1 + (i % 5) / 10, 8000 + i, 10000 + 7 * i].forEach((v, c) => (cells[`${"ABCDE"[c]}${r}`] = v));
    }
    cells.D1206 = "９０００"; // full-width digits far below row 400
    const host = new FakeHost({ sheets: { 入力: cells } });
    renderPanel(host, "ja");
    await waitFor(() => expect((screen.getByRole("combobox") as HTMLSelectElement).value).toBe("入力"));
    fireEvent.click(screen.getByRole("button", { name: "チェックを実行" }));
    await screen.findByTestId("checks-count", undefined, { timeout: 15000 });
    const items = screen.getAllByTestId("finding").map((li) => li.textContent ?? "");
    expect(items.some((t) => t.includes("入力!D1206") && t.includes("９０００"))).toBe(true);
    expect(screen.queryByText(/のうち、先頭の/)).toBeNull(); // all of it was read
  }, 30000);

  it("a sheet larger than the read cap says which part was checked", async () => {
    const host = new FakeHost({ sheets: { 入力: inputs() } });
    const base = actionsFromHost(host);
    const actions: PanelActions = { ...base, readUsedRange: (sheet) => base.readUsedRange!(sheet, 30) }; // 5 columns → 6 rows
    renderPanel(host, "ja", actions);
    await waitFor(() => expect((screen.getByRole("combobox") as HTMLSelectElement).value).toBe("入力"));
    fireEvent.click(screen.getByRole("button", { name: "チェックを実行" }));
    expect(await screen.findByText(/シートの使用範囲 A1:E10 のうち、先頭の A1:E6 を検査しました（100,000 セルまで）/)).toBeTruthy();
  });

  it("in Excel (the Office adapter), a finding's click selects its cell with Range.select", async () => {
    const state = new MockWorkbookState();
    state.sheets.push({ name: "Sheet1", cells: new Map() });
    state.sheets.push({ name: "入力", cells: new Map(Object.entries(inputs()).map(([ref, value]) => [ref, { value }])) });
    state.selection = { sheet: "Sheet1", address: "A1" };
    const office = new OfficeHost(mockRun(state));
    renderPanel(new FakeHost(), "en", actionsFromHost(office));
    await waitFor(() => expect((screen.getByRole("combobox") as HTMLSelectElement).value).toBe("入力"));
    fireEvent.click(screen.getByRole("button", { name: "Run the checks" }));
    await screen.findByTestId("checks-count");
    const link = screen.getByRole("button", { name: "Go to cell 入力!E9" }) as HTMLButtonElement;
    expect(link.disabled).toBe(false);
    const before = office.syncCount();
    fireEvent.click(link);
    await waitFor(() => expect(state.selection).toEqual({ sheet: "入力", address: "E9" }));
    expect(state.ops).toContainEqual({ op: "select", target: "入力!E9" });
    expect(office.syncCount() - before).toBe(1);
  });

  it("a finding whose sheet is gone says so instead of failing silently", async () => {
    const host = new FakeHost({ sheets: { 入力: inputs() } });
    renderPanel(host, "en");
    await waitFor(() => expect((screen.getByRole("combobox") as HTMLSelectElement).value).toBe("入力"));
    fireEvent.click(screen.getByRole("button", { name: "Run the checks" }));
    await screen.findByTestId("checks-count");
    host.sheets.splice(0, 1); // the sheet is deleted after the checks ran
    fireEvent.click(screen.getByRole("button", { name: "Go to cell 入力!E9" }));
    expect(await screen.findByText(/no sheet 入力/)).toBeTruthy();
  });

  it("checks the selected range and says when it finds no table or nothing wrong", async () => {
    const host = new FakeHost({ sheets: { Data: { A1: 1, B1: 2 } } });
    renderPanel(host, "en");
    host.select("Data", "A1:B1");
    fireEvent.click(screen.getByRole("button", { name: "Run the checks" }));
    expect(await screen.findByText(/No input table found/)).toBeTruthy();

    const clean = new FakeHost({ sheets: { Furnaces: { A1: "Size (t)", B1: "Emissions (t-CO2)", C1: "Semi-products (t)", A2: 20, B2: 900, C2: 1000, A3: 30, B3: 800, C3: 1000 } } });
    renderPanel(clean, "en");
    await waitFor(() => expect((screen.getAllByRole("combobox")[1] as HTMLSelectElement).value).toBe("Furnaces"));
    fireEvent.click(screen.getAllByRole("button", { name: "Run the checks" })[1] as HTMLElement);
    expect(await screen.findByText("No problems found (1 tables checked).")).toBeTruthy();
  });

  it("without a way to select cells, the cell links are disabled but the findings are shown", async () => {
    const host = new FakeHost({ sheets: { 入力: inputs() } });
    const base = actionsFromHost(host);
    const { selectCell: _omit, ...noSelect } = base;
    renderPanel(host, "en", noSelect);
    await waitFor(() => expect((screen.getByRole("combobox") as HTMLSelectElement).value).toBe("入力"));
    fireEvent.click(screen.getByRole("button", { name: "Run the checks" }));
    await screen.findByTestId("checks-count");
    expect((screen.getByRole("button", { name: "Go to cell 入力!D8" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("with the host from context, it asks for the sheet names once (no render loop)", async () => {
    const host = new FakeHost({ sheets: { 入力: inputs() } });
    let calls = 0;
    const names = host.sheetNames.bind(host);
    host.sheetNames = async () => {
      calls++;
      return names();
    };
    render(
      <HostContext.Provider value={host}>
        <InLang lang="en">
          <ChecksPanel />
        </InLang>
      </HostContext.Provider>,
    );
    await waitFor(() => expect((screen.getByRole("combobox") as HTMLSelectElement).value).toBe("入力"));
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toBe(1);
  });

  it("preferredSheet", () => {
    expect(preferredSheet(["Sheet1", "Inputs", "炉データ"])).toBe("Inputs");
    expect(preferredSheet(["Sheet1", "炉データ"])).toBe("炉データ");
    expect(preferredSheet(["Sheet1"])).toBeUndefined();
  });
});
