/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FormulaBuilder } from "../../../src/taskpane/components/builder/FormulaBuilder";
import { actionsFromHost } from "../../../src/taskpane/components/audit/actions";
import { FakeHost } from "../../../src/taskpane/host/fake-host";
import { OfficeHost } from "../../../src/taskpane/host/office-host";
import { MockWorkbookState, mockRun } from "../host/excel-mock";
import { InLang, shimBrowser } from "../audit/setup";

beforeAll(shimBrowser);

function setup(lang: "ja" | "en", cells: Record<string, number | string> = { A1: 300, A2: 120, B5: "old note" }) {
  const host = new FakeHost({ sheets: { 入力: cells, 計算: {} } });
  const actions = actionsFromHost(host);
  render(
    <InLang lang={lang}>
      <FormulaBuilder actions={actions} />
    </InLang>,
  );
  return host;
}

describe("FormulaBuilder", () => {
  it("searches, shows the meaning in Japanese, fills arguments from the selection, previews and inserts", async () => {
    const host = setup("ja");
    fireEvent.change(screen.getByLabelText("関数を検索（名前・説明）", { selector: "input" }), { target: { value: "原単位" } });
    fireEvent.click(screen.getByRole("option", { name: /^INTENSITY/ }));
    expect(screen.getByText("排出原単位：排出量 ÷ 活動量（t-CO2/t）。")).toBeTruthy();

    host.select("入力", "A1");
    fireEvent.click(screen.getByRole("button", { name: "選択範囲を使う: 排出量" }));
    await waitFor(() => expect(screen.getByTestId("builder-formula").textContent).toBe("=ALCN.INTENSITY(A1)"));
    host.select("入力", "A2");
    fireEvent.click(screen.getByRole("button", { name: "選択範囲を使う: 活動量" }));
    await waitFor(() => expect(screen.getByTestId("builder-formula").textContent).toBe("=ALCN.INTENSITY(A1,A2)"));

    host.select("入力", "C3");
    fireEvent.click(screen.getByRole("button", { name: "結果を確認" }));
    await waitFor(() => expect(screen.getByTestId("builder-preview").textContent).toBe("2.5"));

    fireEvent.click(screen.getByRole("button", { name: "選択セルに挿入" }));
    await screen.findByText(/に挿入しました/);
    expect(host.formulaAt("入力", "C3")).toBe("=ALCN.INTENSITY(A1,A2)");
    expect(host.valueAt("入力", "C3")).toBe(2.5);
  });

  it("asks before overwriting a non-empty cell, showing what is there; cancel keeps it", async () => {
    const host = setup("en");
    fireEvent.click(screen.getByRole("option", { name: /^CHANGERATE/ }));
    fireEvent.change(screen.getByLabelText(/^actual/, { selector: "input" }), { target: { value: "90" } });
    fireEvent.change(screen.getByLabelText(/^base/, { selector: "input" }), { target: { value: "100" } });
    host.select("入力", "B5");
    fireEvent.click(screen.getByRole("button", { name: "Insert into the selected cell" }));
    expect(await screen.findByText("Overwrite the cell?")).toBeTruthy();
    expect(screen.getByText("old note")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByText("Overwrite the cell?")).toBeNull());
    expect(host.cellAt("入力", "B5")?.value).toBe("old note");

    fireEvent.click(screen.getByRole("button", { name: "Insert into the selected cell" }));
    fireEvent.click(await screen.findByRole("button", { name: "Overwrite" }));
    await screen.findByText(/Inserted into/);
    expect(host.formulaAt("入力", "B5")).toBe("=ALCN.CHANGERATE(90,100)");
    expect(host.valueAt("入力", "B5")).toBeCloseTo(-0.1, 12);
  });

  it("a locked cell on a protected sheet: says how to unprotect, the cell stays as it was", async () => {
    const host = setup("ja");
    host.protectSheet("入力", ["C4"]);
    fireEvent.click(screen.getByRole("option", { name: /^CHANGERATE/ }));
    fireEvent.change(screen.getByLabelText(/^実績/, { selector: "input" }), { target: { value: "90" } });
    fireEvent.change(screen.getByLabelText(/^基準/, { selector: "input" }), { target: { value: "100" } });
    host.select("入力", "C3");
    fireEvent.click(screen.getByRole("button", { name: "選択セルに挿入" }));
    expect(await screen.findByText(/セル '入力'!C3 はシートの保護でロックされているため、数式を入力できません。/)).toBeTruthy();
    expect(host.cellAt("入力", "C3")).toBeUndefined();
    host.select("入力", "C4"); // an unlocked cell of the same sheet
    fireEvent.click(screen.getByRole("button", { name: "選択セルに挿入" }));
    await screen.findByText(/に挿入しました/);
    expect(host.formulaAt("入力", "C4")).toBe("=ALCN.CHANGERATE(90,100)");
  });

  it("refuses to preview or insert with a required argument empty", async () => {
    setup("en");
    fireEvent.click(screen.getByRole("option", { name: /^PROGRESS/ }));
    fireEvent.click(screen.getByRole("button", { name: "Insert into the selected cell" }));
    expect(await screen.findByText(/Required arguments base, actual, target are empty/)).toBeTruthy();
  });

  it("previews an error result with its message", async () => {
    const host = setup("en", { A1: 1, A2: 0 });
    fireEvent.click(screen.getByRole("option", { name: /^INTENSITY/ }));
    host.select("入力", "A1");
    fireEvent.click(screen.getByRole("button", { name: "Use selection: emissions" }));
    host.select("入力", "A2");
    fireEvent.click(screen.getByRole("button", { name: "Use selection: activity" }));
    await waitFor(() => expect(screen.getByTestId("builder-formula").textContent).toBe("=ALCN.INTENSITY(A1,A2)"));
    fireEvent.click(screen.getByRole("button", { name: "Preview" }));
    await waitFor(() => expect(screen.getByTestId("builder-preview").textContent).toMatch(/^#DIV\/0! activity is zero/));
  });

  it("inserts with writeFormula: the cell's number format and style stay, the selection stays, 2 round trips", async () => {
    const host = setup("en");
    await host.write({ sheets: [{ name: "入力", cells: [{ ref: "C3", value: 0.5, numFmt: "0.000", style: "output" }] }], names: [], charts: [] });
    fireEvent.click(screen.getByRole("option", { name: /^INTENSITY/ }));
    fireEvent.change(screen.getByLabelText(/^emissions/, { selector: "input" }), { target: { value: "A1" } });
    fireEvent.change(screen.getByLabelText(/^activity/, { selector: "input" }), { target: { value: "A2" } });
    host.select("入力", "C3");
    const logged = host.log.length;
    const syncs = host.syncCount();
    fireEvent.click(screen.getByRole("button", { name: "Insert into the selected cell" }));
    fireEvent.click(await screen.findByRole("button", { name: "Overwrite" }));
    await screen.findByText(/Inserted into/);
    expect(host.cellAt("入力", "C3")).toEqual({ formula: "=ALCN.INTENSITY(A1,A2)", numFmt: "0.000", style: "output" });
    expect(host.valueAt("入力", "C3")).toBe(2.5);
    expect(host.log.slice(logged)).toEqual(["range.formulas '入力'!C3"]); // no block write, no number format, no activation
    expect(host.selection).toEqual({ sheet: "入力", address: "C3" });
    expect(host.syncCount() - syncs).toBe(2); // read the selection, write the formula
  });

  it("inserts through the Office adapter: Range.formulas on that one cell, number format kept, nothing activated", async () => {
    const state = new MockWorkbookState();
    state.sheets.push({ name: "計算", cells: new Map([["B2", { numberFormat: "0.000" }]]) });
    state.sheets.push({ name: "Sheet1", cells: new Map() });
    state.selection = { sheet: "計算", address: "B2" };
    const office = new OfficeHost(mockRun(state));
    render(
      <InLang lang="en">
        <FormulaBuilder actions={actionsFromHost(office)} />
      </InLang>,
    );
    fireEvent.click(screen.getByRole("option", { name: /^INTENSITY/ }));
    fireEvent.change(screen.getByLabelText(/^emissions/, { selector: "input" }), { target: { value: "300" } });
    fireEvent.change(screen.getByLabelText(/^activity/, { selector: "input" }), { target: { value: "120" } });
    fireEvent.click(screen.getByRole("button", { name: "Insert into the selected cell" }));
    await screen.findByText("Inserted into 計算!B2.");
    expect(state.cell("計算", "B2")).toEqual({ formula: "=ALCN.INTENSITY(300,120)", numberFormat: "0.000" });
    expect(state.ops).toEqual([{ op: "formulas", target: "計算!B2", value: [["=ALCN.INTENSITY(300,120)"]] }]);
    expect(office.syncCount()).toBe(2);
  });
});
