/**
 * The wizard end to end in Japanese, in Debian's chromium, against the preview (the real taskpane on the
 * fake host): input checks with messages, the demo company, the result, the write (formulas, computed
 * allowance, charts, sync count), the overwrite dialog, and native-formula mode. Screenshots: test-results/.
 */
import type { Server } from "node:http";
import type { BrowserContext, Page } from "playwright-core";
import { cleanup, launch, previewBuild, serve, shot } from "./harness";

interface CellInfo {
  ref: string;
  formula?: string;
  value: unknown;
}

let server: Server;
let url = "";
let context: BrowserContext;
let page: Page;
let profile = "";
let errors: string[] = [];

beforeAll(async () => {
  ({ server, url } = await serve(previewBuild()));
  ({ context, page, profile, errors } = await launch());
});

afterAll(async () => {
  await context?.close();
  server?.close();
  cleanup(profile);
});

const next = () => page.getByRole("button", { name: "次へ", exact: true }).click();
const heading = (text: string) => page.getByRole("heading", { name: new RegExp(text) }).waitFor();

/** Cells of a sheet of the fake host whose formula starts with a prefix, with computed values. */
async function cellsWith(sheet: string, prefix: string): Promise<CellInfo[]> {
  return page.evaluate(
    ([sheetName, p]) => {
      const host = (window as unknown as { alcnFakeHost: { sheet(n: string): { cells: Map<string, { formula?: string }> } | undefined; valueAt(s: string, r: string): unknown } }).alcnFakeHost;
      const s = host.sheet(sheetName as string);
      if (!s) return [];
      return [...s.cells.entries()].filter(([, c]) => c.formula?.startsWith(p as string)).map(([ref, c]) => ({ ref, formula: c.formula, value: host.valueAt(sheetName as string, ref) }));
    },
    [sheet, prefix],
  );
}

async function hostState(): Promise<{ sheets: string[]; syncs: number; charts: number; names: string[] }> {
  return page.evaluate(() => {
    const h = (window as unknown as { alcnFakeHost: { sheets: { name: string }[]; syncCount(): number; charts: unknown[]; names: Map<string, unknown> } }).alcnFakeHost;
    return { sheets: h.sheets.map((s) => s.name), syncs: h.syncCount(), charts: h.charts.length, names: [...h.names.keys()] };
  });
}

const parseNum = (s: string) => Number(s.replace(/[^0-9.\-−]/g, "").replace("−", "-"));

test("the pane opens in Japanese and checks the first step", async () => {
  await page.goto(url);
  await page.getByRole("heading", { name: "ALCN 排出枠（割当量）計算" }).waitFor();
  await heading("会社と年度");
  await next();
  await page.getByText("会社名を入力してください（シートの表題に使います）。").waitFor();
  await shot(page, "e2e-01-company-error");
  await page.getByLabel("会社名").fill("テスト軽金属株式会社");
  await next();
  await heading("溶解炉");
});

test("pasted furnace rows are checked row by row with a message saying how to fix them", async () => {
  await page.getByLabel(/Excel から貼り付け/).fill("炉ID\t炉サイズ\tチャージ数\t排出量\t半製品\nA-1\t1,200\t0.5\t9000\t30000\nA-1\t40\t０.６\t-5\t20000");
  await page.getByRole("button", { name: "貼り付けた表を読み込む" }).click();
  await page.getByText("2 行を読み込みました。").waitFor();
  await next();
  await page.getByText(/炉サイズ（t）「1,200」は数値ではありません。半角数字で入力してください/).waitFor();
  await page.getByText("炉ID「A-1」が重複しています。炉ごとに異なるIDにしてください。").waitFor();
  await page.getByText(/チャージ数（回\/時）「０.６」は数値ではありません/).waitFor();
  await page.getByText(/排出量（t-CO2）は 0 以上で入力してください/).waitFor();
  await shot(page, "e2e-02-furnace-errors");
  // Fix one cell by typing: its message goes away.
  await page.getByLabel("炉サイズ（t） 1 行目").fill("1200");
  await page.getByText(/「1,200」は数値ではありません/).waitFor({ state: "detached" });
});

test("the demo company runs through every step to a result", async () => {
  // the earlier tests typed furnace rows: the demo asks before replacing them
  await page.getByRole("button", { name: "デモ会社を読み込む" }).click();
  const ask = page.getByRole("alertdialog");
  await ask.getByText("入力した内容を置き換えますか？").waitFor();
  await shot(page, "e2e-02b-replace-inputs");
  await ask.getByRole("button", { name: "置き換える" }).click();
  await page.getByText(/デモ会社（架空）の値を読み込みました/).waitFor();
  await page.getByRole("button", { name: /^1\. 会社と年度/ }).click();
  await heading("会社と年度");
  await next();
  await heading("溶解炉");
  await page.getByLabel("炉ID 1 行目").waitFor();
  await shot(page, "e2e-03-furnaces");
  await next();
  await heading("業界パラメータ");
  // Fit the regression from an industry furnace table (size, charges, intensity, production) with REGFIT.
  const industry = [
    [20, 0.3, 1000],
    [30, 0.5, 2000],
    [45, 0.4, 1500],
    [60, 0.8, 3000],
    [25, 0.6, 1200],
    [35, 0.55, 2500],
  ].map(([size, charges, w]) => `${size}\t${charges}\t${Math.exp(-0.35) * Math.pow(size as number, -0.18) * Math.pow(charges as number, -0.22)}\t${w}`);
  await page.getByLabel(/業界の炉データを貼り付け/).fill(industry.join("\n"));
  await page.getByRole("button", { name: "回帰式を推計する" }).click();
  await page.getByText(/6 基のデータで推計しました/).waitFor();
  const coefs = (await page.getByLabel(/係数 b0, b1, b2/).inputValue()).split("\t").map(Number);
  expect(coefs[0]).toBeCloseTo(-0.35, 9);
  expect(coefs[1]).toBeCloseTo(-0.18, 9);
  expect(coefs[2]).toBeCloseTo(-0.22, 9);
  await shot(page, "e2e-04-parameters");
  await next();
  await heading("基準活動量");
  await shot(page, "e2e-05-baseline");
  await next();
  await heading("目指すべき排出原単位");
  await next();
  await heading("結果と見通し");
  const cf = await page.getByTestId("result-cf").innerText();
  expect(parseNum(cf)).toBeGreaterThan(0.5);
  const allowanceText = await page.getByTestId("result-allowance").innerText();
  expect(parseNum(allowanceText)).toBeGreaterThan(1000);
  await shot(page, "e2e-06-result");
  await next();
  await heading("シートに書き込む");
});

let uiAllowance = 0;

test("writing puts live formulas on new sheets, computes the same allowance, draws the charts, in ≤ 5 syncs", async () => {
  const before = await hostState();
  await page.getByRole("button", { name: /^6\. 結果と見通し/ }).click();
  uiAllowance = parseNum(await page.getByTestId("result-allowance").innerText());
  await page.getByRole("button", { name: /^7\. シートに書き込む/ }).click();
  await page.getByRole("button", { name: "シートに書き込む", exact: true }).click();
  await page.getByText(/書き込みました/).waitFor();
  const after = await hostState();
  expect(after.sheets).toEqual(["Sheet1", "割当量計算", "入力", "パラメータ"]);
  expect(after.syncs - before.syncs).toBeLessThanOrEqual(5);
  expect(after.charts).toBe(2);
  expect(after.names).toEqual(expect.arrayContaining(["ALCN_COEFS", "ALCN_AVG_SIZE", "ALCN_FORM"]));
  const totals = await cellsWith("割当量計算", "=ALCN.ALLOWANCE(");
  expect(totals.length).toBeGreaterThanOrEqual(1);
  const first = totals.find((c) => c.ref.startsWith("B")) as CellInfo;
  expect(first.formula).toMatch(/^=ALCN\.ALLOWANCE\(D\d+:D\d+,C\d+:C\d+,B\d+,D\d+:D\d+,C\d+:C\d+,ALCN_ROUNDING\)$/);
  expect(typeof first.value).toBe("number");
  // The sheet (HyperFormula over the written formulas) and the pane (the core) agree to the displayed digit.
  expect(Math.round(first.value as number)).toBe(uiAllowance);
  const cfs = await cellsWith("割当量計算", "=ALCN.CORRFACTOR(");
  expect(cfs).toHaveLength(5);
  for (const c of cfs) expect(typeof c.value).toBe("number");
  // The workbook view shows the formula of a selected cell.
  await page.locator(`td[data-ref="${first.ref}"]`).click();
  await expect(page.getByTestId("formula-bar").innerText()).resolves.toContain("=ALCN.ALLOWANCE(");
  await shot(page, "e2e-07-written");
  await page.getByLabel(/数式を表示/).check();
  await shot(page, "e2e-08-formulas");
  await page.getByLabel(/数式を表示/).uncheck();
  await page.getByRole("img", { name: "炉ごとの補正係数" }).scrollIntoViewIfNeeded();
  await shot(page, "e2e-08b-charts");
});

test("writing again over the same sheets shows what is there and asks first", async () => {
  await page.getByLabel(/同じ名前のシートがあれば上書きする/).check();
  await page.getByRole("button", { name: "シートに書き込む", exact: true }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor();
  await expect(dialog.getByText("空でないセルを上書きしますか？").count()).resolves.toBe(1);
  await expect(dialog.getByText(/割当量計算!A1/).count()).resolves.toBeGreaterThan(0);
  await shot(page, "e2e-09-overwrite-dialog");
  // Cancel writes nothing.
  const before = await hostState();
  await dialog.getByRole("button", { name: "キャンセル" }).click();
  await dialog.waitFor({ state: "detached" });
  expect((await hostState()).sheets).toEqual(before.sheets);
  // Keyboard: open again and confirm with Enter on the focused primary button.
  await page.getByRole("button", { name: "シートに書き込む", exact: true }).click();
  await page.getByRole("alertdialog").waitFor();
  await page.getByRole("button", { name: "上書きする" }).focus();
  await page.keyboard.press("Enter");
  await page.getByText(/書き込みました/).waitFor();
  expect((await hostState()).sheets).toEqual(["Sheet1", "割当量計算", "入力", "パラメータ"]);
});

test("a protected calculation sheet: the pane says which and how to unprotect, and writes nothing", async () => {
  const protect = (on: boolean) =>
    page.evaluate((p) => {
      const h = (window as unknown as { alcnFakeHost: { protectSheet(n: string): void; unprotectSheet(n: string): void } }).alcnFakeHost;
      if (p) h.protectSheet("割当量計算");
      else h.unprotectSheet("割当量計算");
    }, on);
  await protect(true);
  const before = await hostState();
  const formulaBefore = (await cellsWith("割当量計算", "=")).map((c) => c.formula);
  await page.getByRole("button", { name: "シートに書き込む", exact: true }).click();
  await page.getByText(/シート「割当量計算」は保護されているため、書き込めません。/).waitFor();
  await expect(page.getByRole("alertdialog").count()).resolves.toBe(0);
  await shot(page, "e2e-09b-protected-sheet");
  const after = await hostState();
  expect(after.sheets).toEqual(before.sheets);
  expect((await cellsWith("割当量計算", "=")).map((c) => c.formula)).toEqual(formulaBefore);
  await protect(false);
});

test("native-formula mode writes plain Excel formulas to new sheets with unique names and the same allowance", async () => {
  await page.getByLabel(/同じ名前のシートがあれば上書きする/).uncheck();
  await page.getByLabel(/ネイティブ数式/).check();
  await page.getByRole("button", { name: "シートに書き込む", exact: true }).click();
  await page.getByText(/書き込みました: 割当量計算 \(2\)/).waitFor();
  const s = await hostState();
  expect(s.sheets).toEqual(["Sheet1", "割当量計算", "入力", "パラメータ", "割当量計算 (2)", "入力 (2)", "パラメータ (2)"]);
  const alcnCalls = await cellsWith("割当量計算 (2)", "=ALCN.");
  expect(alcnCalls).toEqual([]);
  const sums = (await cellsWith("割当量計算 (2)", "=SUMPRODUCT(")).concat(await cellsWith("割当量計算 (2)", "=IF(ALCN_ROUNDING"));
  const total = sums.find((c) => /SUMPRODUCT\(D\d+:D\d+,C\d+:C\d+\)\/B\d+\+SUMPRODUCT/.test(c.formula ?? "") && c.ref.startsWith("B"));
  expect(total).toBeDefined();
  expect(Math.round((total as CellInfo).value as number)).toBe(uiAllowance);
  await shot(page, "e2e-10-native");
});

test("the audit panel explains a written correction factor selected in the workbook view", async () => {
  await page.getByRole("tab", { name: "割当量計算", exact: true }).click();
  const cf = (await cellsWith("割当量計算", "=ALCN.CORRFACTOR("))[0] as CellInfo;
  await page.locator(`td[data-ref="${cf.ref}"]`).click();
  await page.getByRole("tab", { name: "監査" }).click();
  await page.getByText("✓ 一致").first().waitFor({ timeout: 20000 });
  await shot(page, "e2e-13-audit");
  await page.getByRole("tab", { name: "割当量ウィザード" }).click();
});

async function tabTo(target: ReturnType<Page["getByLabel"]>, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("not reachable with Tab");
}

test("the first steps work with the keyboard alone, and focus follows the step", async () => {
  await page.goto(url);
  await page.getByRole("heading", { name: "ALCN 排出枠（割当量）計算" }).waitFor();
  await tabTo(page.getByLabel("会社名"));
  await page.keyboard.type("キーボード株式会社");
  await tabTo(page.getByRole("button", { name: "次へ", exact: true }));
  await page.keyboard.press("Enter");
  await heading("溶解炉");
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H2");
  await tabTo(page.getByLabel("炉ID 1 行目"));
  await page.keyboard.type("K-1");
  await page.keyboard.press("Tab");
  await page.keyboard.type("40");
  await shot(page, "e2e-12-keyboard");
  expect(await page.getByLabel("炉サイズ（t） 1 行目").inputValue()).toBe("40");
});

test("at Excel's default taskpane width (350 px) the furnace table and the result stay usable", async () => {
  await page.goto(`${url}?pane=350`);
  await page.getByRole("button", { name: "デモ会社を読み込む" }).click();
  await next();
  await heading("溶解炉");
  // Every number is shown whole (the table scrolls sideways rather than cutting digits off).
  const fits = (label: string) => page.getByLabel(label).evaluate((el) => (el as HTMLInputElement).scrollWidth <= (el as HTMLInputElement).clientWidth + 1);
  for (const label of ["排出量（t-CO2） 1 行目", "半製品生産量（t） 1 行目", "チャージ数（回/時） 2 行目"]) expect(await fits(label)).toBe(true);
  await shot(page, "e2e-14-narrow-furnaces");
  for (let i = 0; i < 4; i++) await next();
  await heading("結果と見通し");
  for (const label of ["2026 見込排出量（t-CO2）", "2030 クレジット（t-CO2）"]) expect(await fits(label)).toBe(true);
  await shot(page, "e2e-15-narrow-result");
});

test("follow-up report: demo data, write, the sheet's progress rate is the pane's", async () => {
  await page.goto(url);
  await page.getByRole("tab", { name: "フォローアップ報告" }).click();
  await page.getByRole("button", { name: "デモデータを読み込む" }).click();
  expect(await page.getByLabel("実績（2024年度）のCO2排出量（t-CO2）").inputValue()).toBe("113900");
  await page.getByTestId("followup-figures").getByText("63.9%").first().waitFor();
  const before = (await hostState()).syncs;
  await page.getByRole("button", { name: "シートに書き込む", exact: true }).click();
  await page.getByText(/「フォローアップ」シートの A1:[A-Z]+\d+ に書き込みました/).waitFor();
  const after = await hostState();
  expect(after.sheets).toContain("フォローアップ");
  expect(after.syncs - before).toBe(4);
  // CO2 progress FY2024 = (142000 − 113900) / (142000 − 98000), computed by the sheet's ALCN.PROGRESS formula
  const progress = await cellsWith("フォローアップ", "=ALCN.PROGRESS(");
  expect(progress.some((c) => Math.abs((c.value as number) - 28100 / 44000) < 1e-12)).toBe(true);
  await page.getByRole("button", { name: "書き込んだシートを表示" }).click();
  await page.getByRole("tab", { name: "フォローアップ", exact: true }).waitFor();
  await shot(page, "e2e-16-followup");
});

test("English on the switch, and no page errors", async () => {
  await page.getByLabel("表示言語").selectOption("en");
  await page.getByRole("heading", { name: "ALCN allowance calculation" }).waitFor();
  await shot(page, "e2e-11-english");
  expect(errors.filter((e) => !/favicon/.test(e))).toEqual([]);
});
