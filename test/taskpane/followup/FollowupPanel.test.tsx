/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../../src/taskpane/components/App";
import { FakeHost } from "../../../src/taskpane/host/fake-host";
import { shimBrowser } from "../audit/setup";

beforeAll(shimBrowser);
jest.setTimeout(60000);
// A busy machine renders Fluent slowly; waits are generous (not speed tests).
const SLOW = { timeout: 15000 };

function openTab(host: FakeHost): void {
  render(<App host={host} />);
  fireEvent.click(screen.getByRole("tab", { name: "フォローアップ報告" }));
}

/** The demo data written over the same-named sheet (replace ticked). */
function writeDemoOver(host: FakeHost): void {
  openTab(host);
  fireEvent.click(screen.getByRole("button", { name: "デモデータを読み込む" }));
  fireEvent.click(screen.getByLabelText(/同じ名前のシート（フォローアップ）があれば上書きする/));
  fireEvent.click(screen.getByRole("button", { name: "シートに書き込む" }));
}

describe("the follow-up report tab", () => {
  it("every field is labelled with its unit; bad numbers get Japanese messages and block the write", async () => {
    const host = new FakeHost();
    openTab(host);
    fireEvent.click(screen.getByRole("button", { name: "デモデータを読み込む" }));
    const field = screen.getByLabelText("実績（2023年度）のCO2排出量（t-CO2）") as HTMLInputElement;
    expect(field.value).toBe("118500");
    for (const label of ["基準年度（2013年度）の生産活動量（t）", "目標（2030年度）のエネルギー使用量（TJ）", "実績（2024年度）の電力消費量（MWh）", "見通し（2025年度）の電力排出係数（kg-CO2/kWh）"])
      expect(screen.getByLabelText(label)).toBeTruthy();
    fireEvent.change(field, { target: { value: "118,500" } });
    expect(await screen.findByText(/「118,500」は数値ではありません/, undefined, SLOW)).toBeTruthy();
    expect(field.getAttribute("aria-invalid")).toBe("true");
    const syncs = host.syncCount();
    fireEvent.click(screen.getByRole("button", { name: "シートに書き込む" }));
    expect(await screen.findByText(/入力エラーが 1 件あります/, undefined, SLOW)).toBeTruthy();
    expect(host.syncCount()).toBe(syncs);
  });

  it("demo data → core figures → write: says where it was written, the sheet computes the same progress", async () => {
    const host = new FakeHost();
    openTab(host);
    fireEvent.click(screen.getByRole("button", { name: "デモデータを読み込む" }));
    const figures = await screen.findByTestId("followup-figures", undefined, SLOW);
    // CO2 progress FY2024: (142000 − 113900) / (142000 − 98000) = 63.9 %
    expect(within(figures).getAllByText("63.9%").length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole("button", { name: "シートに書き込む" }));
    expect(await screen.findByText(/「フォローアップ」シートの A1:[A-Z]+\d+ に書き込みました（セル \d+ 個、同期 4 回）/, undefined, SLOW)).toBeTruthy();
    const sheet = host.sheet("フォローアップ");
    const progress = [...(sheet?.cells ?? [])].filter(([, c]) => c.formula?.startsWith("=ALCN.PROGRESS(")).map(([ref]) => host.valueAt("フォローアップ", ref) as number);
    expect(progress.some((v) => Math.abs(v - 28100 / 44000) < 1e-12)).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "書き込んだシートを表示" }));
    await waitFor(() => expect(host.selection.sheet).toBe("フォローアップ"), SLOW);
  });

  it("replace over a non-empty sheet: the dialog shows what is there; cancel writes nothing", async () => {
    const host = new FakeHost({ sheets: { フォローアップ: { A1: "手入力のメモ" } } });
    writeDemoOver(host);
    const dialog = await screen.findByRole("alertdialog", undefined, SLOW);
    expect(within(dialog).getByText("手入力のメモ")).toBeTruthy();
    expect(within(dialog).getByText("フォローアップ!A1")).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "キャンセル" }));
    // Fluent keeps the closing dialog (aria-hidden) for its exit motion: wait until it is gone.
    await waitFor(() => expect(screen.queryAllByRole("alertdialog", { hidden: true })).toHaveLength(0), SLOW);
    expect(host.cellAt("フォローアップ", "A1")?.value).toBe("手入力のメモ");
    fireEvent.click(screen.getByRole("button", { name: "シートに書き込む" }));
    fireEvent.click(await screen.findByRole("button", { name: "上書きする" }, SLOW));
    expect(await screen.findByText(/「フォローアップ」シートの .* に書き込みました/, undefined, SLOW)).toBeTruthy();
    expect(host.cellAt("フォローアップ", "A1")?.value).toBe("カーボンニュートラル行動計画 フォローアップ");
  });

  it("replace over a protected sheet: says so and how to unprotect; no dialog, nothing written", async () => {
    const host = new FakeHost({ sheets: { フォローアップ: { A1: "手入力のメモ" } }, protectedSheets: ["フォローアップ"] });
    writeDemoOver(host);
    expect(await screen.findByText(/シート「フォローアップ」は保護されているため、書き込めません。/, undefined, SLOW)).toBeTruthy();
    expect(screen.queryAllByRole("alertdialog", { hidden: true })).toHaveLength(0);
    expect(host.cellAt("フォローアップ", "A1")?.value).toBe("手入力のメモ");
    expect(host.sheets.map((s) => s.name)).toEqual(["フォローアップ"]);
  });

  it("a sheet protected while the overwrite question is open: the confirmed write is refused, nothing written", async () => {
    const host = new FakeHost({ sheets: { フォローアップ: { A1: "手入力のメモ" } } });
    writeDemoOver(host);
    const overwrite = await screen.findByRole("button", { name: "上書きする" }, SLOW);
    host.protectSheet("フォローアップ");
    fireEvent.click(overwrite);
    expect(await screen.findByText(/シート「フォローアップ」は保護されているため、書き込めません。/, undefined, SLOW)).toBeTruthy();
    expect(host.cellAt("フォローアップ", "A1")?.value).toBe("手入力のメモ");
  });

  it("the demo button asks before replacing edited figures, also after switching tabs", async () => {
    openTab(new FakeHost());
    fireEvent.click(screen.getByRole("button", { name: "デモデータを読み込む" }));
    // to the wizard and back: the demo as loaded is still "nothing typed"
    fireEvent.click(screen.getByRole("tab", { name: "割当量ウィザード" }));
    fireEvent.click(screen.getByRole("tab", { name: "フォローアップ報告" }));
    fireEvent.click(screen.getByRole("button", { name: "デモデータを読み込む" }));
    expect(screen.queryAllByRole("alertdialog", { hidden: true })).toHaveLength(0);
    const first = screen.getAllByRole("textbox").find((e) => (e as HTMLInputElement).value === "142000") as HTMLInputElement;
    fireEvent.change(first, { target: { value: "150000" } });
    fireEvent.click(screen.getByRole("button", { name: "デモデータを読み込む" }));
    const dialog = await screen.findByRole("alertdialog", undefined, SLOW);
    fireEvent.click(within(dialog).getByRole("button", { name: "キャンセル" }));
    await waitFor(() => expect(screen.queryAllByRole("alertdialog", { hidden: true })).toHaveLength(0), SLOW);
    expect(first.value).toBe("150000");
  });

  it("paste from Excel fills the table", async () => {
    openTab(new FakeHost());
    const rows = ["100\t60\t90\t85\t80", "1000\t1000\t990\t1000\t1010", "10\t8\t9.5\t9.2\t9", "500\t450\t480\t470\t460", "0.5\t0.3\t0.45\t0.44\t0.43"].join("\n");
    fireEvent.change(screen.getByLabelText(/Excel から貼り付け/), { target: { value: rows } });
    fireEvent.click(screen.getByRole("button", { name: "貼り付けた表を読み込む" }));
    expect(await screen.findByText("貼り付けた表を読み込みました。", undefined, SLOW)).toBeTruthy();
    expect((screen.getByLabelText("実績（2024年度）のエネルギー使用量（TJ）") as HTMLInputElement).value).toBe("9.2");
  });
});
