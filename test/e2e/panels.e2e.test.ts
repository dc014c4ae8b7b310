/**
 * The audit panel, the formula builder and the input checks end to end in Japanese, in Debian's chromium,
 * against the preview (the real taskpane beside the fake host's workbook view). Screenshots: test-results/.
 */
import type { Server } from "node:http";
import type { BrowserContext, Page } from "playwright-core";
import { cleanup, launch, previewBuild, serve, shot } from "./harness";

let server: Server;
let url = "";
let context: BrowserContext;
let page: Page;
let profile = "";
let errors: string[] = [];

type Host = {
  write(b: unknown): Promise<unknown>;
  formulaAt(s: string, r: string): string | undefined;
  cellAt(s: string, r: string): { numFmt?: string } | undefined;
  valueAt(s: string, r: string): unknown;
  selection: { sheet: string; address: string };
};

beforeAll(async () => {
  ({ server, url } = await serve(previewBuild()));
  ({ context, page, profile, errors } = await launch());
});

afterAll(async () => {
  await context?.close();
  server?.close();
  cleanup(profile);
});

const SHEET = "炉データ";
const cell = (ref: string) => page.locator(`td[data-ref="${ref}"]`);

test("a company's furnace sheet with an ALCN formula", async () => {
  await page.goto(url);
  await page.getByRole("heading", { name: "ALCN 排出枠（割当量）計算" }).waitFor();
  await page.evaluate((sheet) => {
    const host = (window as unknown as { alcnFakeHost: Host }).alcnFakeHost;
    const head = ["炉ID", "炉サイズ (t)", "チャージ数 (回/h)", "排出量 (t-CO2)", "半製品生産量 (t)"];
    const rows: (string | number)[][] = [
      ["A-1", 20, 1.0, 9000, 10000],
      ["A-2", 30, 1.5, "1,200", 12000],
      ["A-3", 40, 2.0, 8000, 14000000],
      ["A-4", 50, 1.0, 7000, 16000],
    ];
    const cells: { ref: string; value?: string | number; formula?: string }[] = [];
    head.forEach((h, c) => cells.push({ ref: `${"ABCDE"[c]}1`, value: h }));
    rows.forEach((r, i) => r.forEach((v, c) => cells.push({ ref: `${"ABCDE"[c]}${i + 2}`, value: v })));
    cells.push({ ref: "G1", value: "補正係数" });
    cells.push({ ref: "G2", formula: "=ALCN.CORRFACTOR(B2,C2,{1,-0.005,-0.1},30,1.5)" });
    cells.push({ ref: "G5", numFmt: "0.000" } as { ref: string }); // an empty cell the user formatted
    return host.write({ sheets: [{ name: sheet, cells }], names: [], charts: [] });
  }, SHEET);
  await cell("G2").waitFor();
});

test("audit: select the CF cell, see f(avg), f(own), CF, ✓ and the native formula", async () => {
  await cell("G2").click();
  await page.getByRole("tab", { name: "監査" }).click();
  await page.getByRole("button", { name: "選択セルを監査" }).click();
  await page.getByText("f(平均)", { exact: true }).waitFor();
  await page.getByText("f(自炉)", { exact: true }).waitFor();
  await page.getByText("✓ 一致").first().waitFor();
  const native = await page.getByTestId("audit-native").textContent();
  expect(native).toBe("=(1+(-0.005)*30+(-0.1)*1.5)/(1+(-0.005)*B2+(-0.1)*C2)");
  expect(await page.getByTestId("audit-core").textContent()).toBe("0.875"); // (1 − 0.15 − 0.15) / (1 − 0.1 − 0.1), in decimals
  await shot(page, "e2e-panels-01-audit");
  // the panel follows the selection by itself (no button press)
  await cell("A2").click();
  await page.getByText(`選択セル（${SHEET}!A2）に ALCN 関数がありません。`).waitFor();
  await cell("G2").click();
  await page.getByTestId("audit-core").getByText("0.875").waitFor();
});

test("builder: search, fill from the selection, preview, insert, and ask before overwriting", async () => {
  await page.getByRole("tab", { name: "関数ビルダー" }).click();
  await page.getByLabel("関数を検索（名前・説明）").first().fill("補正係数");
  await page.getByRole("option", { name: /^CORRFACTOR/ }).click();
  await cell("B5").click();
  await page.getByRole("button", { name: "選択範囲を使う: 炉サイズ" }).click();
  await cell("C5").click();
  await page.getByRole("button", { name: "選択範囲を使う: チャージ数" }).click();
  await page.getByLabel(/^係数/).fill("{1,-0.005,-0.1}");
  await page.getByLabel(/^平均炉サイズ/).fill("30");
  await page.getByLabel(/^平均チャージ数/).fill("1.5");
  await page.getByTestId("builder-formula").getByText("=ALCN.CORRFACTOR(B5,C5,{1,-0.005,-0.1},30,1.5)").waitFor();
  await cell("G5").click();
  await page.getByRole("button", { name: "結果を確認" }).click();
  await page.getByTestId("builder-preview").getByText(String(0.7 / (1 - 0.25 - 0.1))).waitFor();
  await page.getByRole("button", { name: "選択セルに挿入" }).click();
  await page.getByText(`${SHEET}!G5 に挿入しました。`).waitFor();
  const g5 = await page.evaluate((s) => {
    const h = (window as unknown as { alcnFakeHost: Host }).alcnFakeHost;
    return { f: h.formulaAt(s, "G5"), v: h.valueAt(s, "G5") };
  }, SHEET);
  expect(g5.f).toBe("=ALCN.CORRFACTOR(B5,C5,{1,-0.005,-0.1},30,1.5)");
  expect(g5.v).toBeCloseTo(0.7 / 0.65, 12);
  // one cell's formula only: the number format the user gave G5 stays, and the grid shows it
  expect(await page.evaluate((s) => (window as unknown as { alcnFakeHost: Host }).alcnFakeHost.cellAt(s, "G5")?.numFmt, SHEET)).toBe("0.000");
  expect(await cell("G5").textContent()).toBe("1.077");

  await cell("A3").click();
  await page.getByRole("button", { name: "選択セルに挿入" }).click();
  await page.getByText("セルを上書きしますか？").waitFor();
  await page.getByText("A-2", { exact: true }).last().waitFor();
  await shot(page, "e2e-panels-02-builder-overwrite");
  await page.getByRole("button", { name: "キャンセル" }).click();
  const a3 = await page.evaluate((s) => (window as unknown as { alcnFakeHost: Host }).alcnFakeHost.valueAt(s, "A3"), SHEET);
  expect(a3).toBe("A-2");
});

test("input checks: the sheet's findings, click selects the cell", async () => {
  await page.getByRole("tab", { name: "入力チェック" }).click();
  await page.getByRole("combobox", { name: "対象" }).selectOption(SHEET);
  await page.getByRole("button", { name: "チェックを実行" }).click();
  await page.getByText(/数値のセルに文字列「1,200」があります/).waitFor();
  await page.getByText(/千t/).first().waitFor();
  await shot(page, "e2e-panels-03-checks");
  await page.getByRole("button", { name: `セルへ移動 ${SHEET}!E4` }).click();
  const sel = await page.evaluate(() => (window as unknown as { alcnFakeHost: Host }).alcnFakeHost.selection);
  expect(sel).toEqual({ sheet: SHEET, address: "E4" });
  expect(await page.getByTestId("name-box").textContent()).toBe("E4");
  expect(await cell("E4").getAttribute("aria-selected")).toBe("true");
  expect(errors).toEqual([]);
});
