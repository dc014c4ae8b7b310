/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FormulaBuilder } from "../../../src/taskpane/components/builder/FormulaBuilder";
import { actionsFromHost } from "../../../src/taskpane/components/audit/actions";
import { FakeHost } from "../../../src/taskpane/host/fake-host";
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
});
