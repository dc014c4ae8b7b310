/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../../src/taskpane/components/App";
import { FakeHost } from "../../../src/taskpane/host/fake-host";

// Fluent v9 measures elements and watches media; jsdom lacks a few browser APIs.
beforeAll(() => {
  window.matchMedia ??= ((q: string) => ({ matches: false, media: q, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false })) as typeof window.matchMedia;
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

// Fluent in jsdom and HyperFormula over 1 000 rows are slow on a busy machine; these are not speed tests.
jest.setTimeout(60000);

const next = () => fireEvent.click(screen.getByRole("button", { name: "次へ" }));

describe("taskpane App", () => {
  it("offers the wizard, the formula builder and the audit panel on tabs", () => {
    render(<App host={new FakeHost()} />);
    for (const name of ["割当量ウィザード", "関数ビルダー", "監査"]) expect(screen.getByRole("tab", { name })).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "関数ビルダー" }));
    expect(screen.queryByRole("button", { name: "デモ会社を読み込む" })).toBeNull();
    fireEvent.click(screen.getByRole("tab", { name: "割当量ウィザード" }));
    expect(screen.getByRole("button", { name: "デモ会社を読み込む" })).toBeTruthy();
  });

  it("is Japanese by default and English when Office says so", () => {
    const { unmount } = render(<App host={new FakeHost()} />);
    expect(screen.getByRole("heading", { name: "ALCN 排出枠（割当量）計算" })).toBeTruthy();
    unmount();
    render(<App host={new FakeHost({ displayLanguage: "en-US" })} />);
    expect(screen.getByRole("heading", { name: "ALCN allowance calculation" })).toBeTruthy();
  });

  it("switches language in the pane", () => {
    render(<App host={new FakeHost({ displayLanguage: "ja-JP" })} />);
    fireEvent.change(screen.getByLabelText("表示言語"), { target: { value: "en" } });
    expect(screen.getByRole("heading", { name: "ALCN allowance calculation" })).toBeTruthy();
  });

  it("does not leave a step with errors, and says how to fix them", () => {
    render(<App host={new FakeHost()} />);
    next();
    expect(screen.getByText("会社名を入力してください（シートの表題に使います）。")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 2 }).textContent).toContain("会社と年度");
    fireEvent.change(screen.getByLabelText("会社名"), { target: { value: "テスト株式会社" } });
    next();
    expect(screen.getByRole("heading", { level: 2 }).textContent).toContain("溶解炉");
    fireEvent.change(screen.getByLabelText("炉サイズ（t） 1 行目"), { target: { value: "１０" } });
    next();
    expect(screen.getByText(/1 行目: 炉サイズ（t）「１０」は数値ではありません/)).toBeTruthy();
    expect(screen.getByLabelText("炉サイズ（t） 1 行目").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText(/炉IDを入力してください/)).toBeTruthy();
  });

  it("the demo button never replaces what the user typed without asking", async () => {
    render(<App host={new FakeHost()} />);
    // nothing typed yet: the demo loads at once
    fireEvent.click(screen.getByRole("button", { name: "デモ会社を読み込む" }));
    expect((screen.getByLabelText("会社名") as HTMLInputElement).value).toBe("北斗アルミ圧延株式会社（架空）");
    // the demo as loaded again: still nothing typed, no question
    fireEvent.click(screen.getByRole("button", { name: "デモ会社を読み込む" }));
    expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull();
    fireEvent.change(screen.getByLabelText("会社名"), { target: { value: "自社アルミ株式会社" } });
    fireEvent.click(screen.getByRole("button", { name: "デモ会社を読み込む" }));
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    expect(within(dialog).getByText("入力した内容を置き換えますか？")).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "キャンセル", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
    expect((screen.getByLabelText("会社名") as HTMLInputElement).value).toBe("自社アルミ株式会社");
    fireEvent.click(screen.getByRole("button", { name: "デモ会社を読み込む" }));
    fireEvent.click(within(await screen.findByRole("alertdialog", { hidden: true })).getByRole("button", { name: "置き換える", hidden: true }));
    await waitFor(() => expect((screen.getByLabelText("会社名") as HTMLInputElement).value).toBe("北斗アルミ圧延株式会社（架空）"));
  });

  it("every furnace input shows its unit", () => {
    render(<App host={new FakeHost()} />);
    fireEvent.click(screen.getByRole("button", { name: "デモ会社を読み込む" }));
    next();
    for (const label of ["炉サイズ（t） 1 行目", "チャージ数（回/時） 1 行目", "排出量（t-CO2） 1 行目", "半製品生産量（t） 1 行目"]) expect(screen.getByLabelText(label)).toBeTruthy();
  });

  it("the demo company goes to the result and writes, asking before overwriting", async () => {
    const host = new FakeHost({ sheets: { 割当量計算: { A1: "前回のメモ" } } });
    render(<App host={host} />);
    fireEvent.click(screen.getByRole("button", { name: "デモ会社を読み込む" }));
    for (let i = 0; i < 5; i++) next();
    expect(screen.getByRole("heading", { level: 2 }).textContent).toContain("結果と見通し");
    const allowance = screen.getByTestId("result-allowance").textContent ?? "";
    expect(Number(allowance.replace(/,/g, ""))).toBeGreaterThan(1000);
    next();
    // Without "overwrite", the write goes to new sheets with unique names: no dialog.
    fireEvent.click(screen.getByRole("button", { name: "シートに書き込む" }));
    await screen.findByText(/書き込みました: 割当量計算 \(2\)、入力、パラメータ/);
    expect(host.cellAt("割当量計算", "A1")?.value).toBe("前回のメモ");
    // With "overwrite": the dialog lists the existing content; cancel keeps it.
    fireEvent.click(screen.getByLabelText(/同じ名前のシートがあれば上書きする/));
    fireEvent.click(screen.getByRole("button", { name: "シートに書き込む" }));
    // jsdom cannot run Fluent's enter animation, so the dialog counts as hidden to role queries.
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    expect(within(dialog).getByText("前回のメモ")).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "キャンセル", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
    expect(host.cellAt("割当量計算", "A1")?.value).toBe("前回のメモ");
    fireEvent.click(screen.getByRole("button", { name: "シートに書き込む" }));
    const again = await screen.findByRole("alertdialog", { hidden: true });
    await act(async () => {
      fireEvent.click(within(again).getByRole("button", { name: "上書きする", hidden: true }));
    });
    await screen.findByText(/書き込みました: 割当量計算、入力 \(2\)|書き込みました: 割当量計算、/);
    expect(host.cellAt("割当量計算", "A1")?.value).not.toBe("前回のメモ");
    expect(host.formulaAt("割当量計算", "B3")).toMatch(/^='入力/);
  }, 30000);
});

describe("the draft kept in the workbook", () => {
  it("an untouched pane keeps nothing; typed inputs are kept and come back when the pane opens again", async () => {
    const host = new FakeHost();
    const first = render(<App host={host} />);
    await new Promise((r) => setTimeout(r, 1500));
    expect(host.draft).toBeUndefined(); // nothing typed: the workbook is not touched
    fireEvent.change(screen.getByLabelText("会社名"), { target: { value: "自社アルミ株式会社" } });
    await waitFor(() => expect(host.draft).toContain("自社アルミ株式会社"), { timeout: 5000 });
    first.unmount(); // the pane is closed mid-way
    render(<App host={host} />);
    await waitFor(() => expect((screen.getByLabelText("会社名") as HTMLInputElement).value).toBe("自社アルミ株式会社"));
    expect(screen.getByText(/このブックに保存されていた前回の入力を復元しました/)).toBeTruthy();
    // what was restored counts as typed: the demo button asks first
    fireEvent.click(screen.getByRole("button", { name: "デモ会社を読み込む" }));
    expect(await screen.findByRole("alertdialog", { hidden: true })).toBeTruthy();
  }, 30000);

  it("a damaged draft is ignored, the pane opens empty", async () => {
    const host = new FakeHost({ draft: '{"v":1,"wizard":{"company":["x"],"furnaces":"many"}}' });
    render(<App host={host} />);
    await new Promise((r) => setTimeout(r, 300));
    expect((screen.getByLabelText("会社名") as HTMLInputElement).value).toBe("");
    expect(screen.queryByText(/前回の入力を復元しました/)).toBeNull();
  });
});

describe("protected sheets", () => {
  it("a protected target sheet: the pane says which and how to unprotect, asks nothing and writes nothing", async () => {
    const host = new FakeHost({ sheets: { 割当量計算: { A1: "前回のメモ" } }, protectedSheets: ["割当量計算"] });
    render(<App host={host} />);
    fireEvent.click(screen.getByRole("button", { name: "デモ会社を読み込む" }));
    for (let i = 0; i < 6; i++) next();
    fireEvent.click(screen.getByLabelText(/同じ名前のシートがあれば上書きする/));
    const sheetsBefore = host.sheets.map((s) => s.name);
    fireEvent.click(screen.getByRole("button", { name: "シートに書き込む" }));
    expect(await screen.findByText(/シート「割当量計算」は保護されているため、書き込めません。.*シート保護の解除.*ブックは何も変更していません。/)).toBeTruthy();
    expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull();
    expect(host.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(host.cellAt("割当量計算", "A1")?.value).toBe("前回のメモ");
    expect(host.names.size).toBe(0);
    // unprotected, the same click writes
    host.unprotectSheet("割当量計算");
    fireEvent.click(screen.getByRole("button", { name: "シートに書き込む" }));
    const dialog = await screen.findByRole("alertdialog", { hidden: true }, { timeout: 15000 });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "上書きする", hidden: true }));
    });
    await screen.findByText(/書き込みました: 割当量計算、/, undefined, { timeout: 15000 });
  }, 30000);

  it("Excel in cell-edit mode: the write says to finish editing first, nothing is written", async () => {
    const host = new FakeHost();
    render(<App host={host} />);
    fireEvent.click(screen.getByRole("button", { name: "デモ会社を読み込む" }));
    for (let i = 0; i < 6; i++) next();
    host.cellEditMode = true;
    fireEvent.click(screen.getByRole("button", { name: "シートに書き込む" }));
    expect(await screen.findByText(/Excel でセルを編集中のため、ブックを読み書きできません。/)).toBeTruthy();
    expect(host.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  }, 30000);

  it("a protected workbook structure: new sheets cannot be added, and the pane says so", async () => {
    const host = new FakeHost({ structureProtected: true, displayLanguage: "en-US" });
    render(<App host={host} />);
    fireEvent.click(screen.getByRole("button", { name: "Load demo company" }));
    for (let i = 0; i < 6; i++) fireEvent.click(screen.getByRole("button", { name: "Next" }));
    fireEvent.click(screen.getByRole("button", { name: "Write to the workbook" }));
    expect(await screen.findByText(/The workbook's structure is protected, so no sheet can be added\. Turn off Review › Protect Workbook/)).toBeTruthy();
    expect(host.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  }, 30000);
});

describe("long furnace tables", () => {
  beforeAll(() => {
    window.matchMedia ??= ((q: string) => ({ matches: false, media: q, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false })) as typeof window.matchMedia;
  });
  it("a 1 000-row paste shows 200 rows for editing and still reports an error in row 950", () => {
    render(<App host={new FakeHost()} />);
    fireEvent.change(screen.getByLabelText("会社名"), { target: { value: "大規模株式会社" } });
    next();
    const rows = Array.from({ length: 1000 }, (_, i) => `F${i + 1}\t40\t0.5\t${i === 949 ? "12,000" : "12000"}\t30000`).join("\n");
    fireEvent.change(screen.getByLabelText(/Excel から貼り付け/), { target: { value: rows } });
    fireEvent.click(screen.getByRole("button", { name: "貼り付けた表を読み込む" }));
    expect(screen.getByText("1000 行を読み込みました。")).toBeTruthy();
    expect(screen.getByText(/先頭 200 行を表示しています（1000 行すべてを検査し、書き込みます）/)).toBeTruthy();
    expect(screen.queryByLabelText("炉ID 201 行目")).toBeNull();
    next();
    expect(screen.getByText(/950 行目: 排出量（t-CO2）「12,000」は数値ではありません/)).toBeTruthy();
  }, 30000);
});
