import { functionSpec, invoke, ParameterStore } from "../../../src/core";
import { DEMO_FOLLOWUP } from "../../../src/core/workbook";
import { STRINGS } from "../../../src/taskpane/i18n";
import { FakeHost } from "../../../src/taskpane/host/fake-host";
import { checkFollowup, demoFollowupState, initialFollowupState, issueKey, pasteFollowup, toFollowupInputs, type FollowupState } from "../../../src/taskpane/followup/state";
import { commitFollowupWrite, computeFollowup, prepareFollowupWrite } from "../../../src/taskpane/followup/write";

jest.setTimeout(60000);
const ja = STRINGS.ja;

/** Every ALCN.<fn>(A1,B2,…) cell of the sheet: its value and the core's value on the sheet's argument cells. */
function alcnCells(host: FakeHost, sheet: string, fn: string): { ref: string; sheetValue: number; coreValue: number }[] {
  const s = host.sheet(sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const out: { ref: string; sheetValue: number; coreValue: number }[] = [];
  const spec = functionSpec(fn);
  if (!spec) throw new Error(fn);
  for (const [ref, c] of s.cells) {
    const m = c.formula ? new RegExp(`^=ALCN\\.${fn}\\(([A-Z]+\\d+(?:,[A-Z]+\\d+)*)\\)$`).exec(c.formula) : null;
    if (!m) continue;
    const args = (m[1] as string).split(",").map((r) => host.valueAt(sheet, r) as number);
    const core = invoke(spec, args, { lang: "ja", params: new ParameterStore() });
    out.push({ ref, sheetValue: host.valueAt(sheet, ref) as number, coreValue: core as number });
  }
  return out;
}

describe("follow-up inputs", () => {
  it("the demo state round-trips to the shared demo inputs and passes the checks", () => {
    const st = demoFollowupState("ja");
    expect(toFollowupInputs(st).columns).toEqual(DEMO_FOLLOWUP.columns);
    expect(checkFollowup(st, ja)).toEqual({});
  });

  it("strict numbers with Japanese messages, units in the field name; blanks are required", () => {
    const demo = demoFollowupState("ja");
    const st: FollowupState = {
      ...demo,
      columns: demo.columns.map((c, i) => (i === 2 ? { ...c, values: { ...c.values, co2: "118,500", production: "２２６４００", energyTJ: "", emissionFactor: "450" } } : c)),
    };
    const issues = checkFollowup(st, ja);
    expect(issues[issueKey(2, "co2")]).toBe("実績（2023年度）のCO2排出量（t-CO2）「118,500」は数値ではありません。半角数字で入力してください（全角数字・桁区切り「,」は使えません）。");
    expect(issues[issueKey(2, "production")]).toMatch(/生産活動量（t）「２２６４００」は数値ではありません/);
    expect(issues[issueKey(2, "energyTJ")]).toBe("実績（2023年度）のエネルギー使用量（TJ）を入力してください。");
    expect(issues[issueKey(2, "emissionFactor")]).toMatch(/kg-CO2\/kWh としては大きすぎます/);
    expect(Object.keys(issues)).toHaveLength(4);
  });

  it("fiscal years: four digits, actual years ascending, base before, outlook after; target ≠ base", () => {
    const demo = demoFollowupState("ja");
    const fy = (vals: string[]): FollowupState => ({ ...demo, columns: demo.columns.map((c, i) => ({ ...c, fy: vals[i] as string })) });
    expect(checkFollowup(fy(["2013", "2030", "2024", "2023", "2025"]), ja)[issueKey(3, "fy")]).toMatch(/古い順/);
    expect(checkFollowup(fy(["２０１３", "2030", "2023", "2024", "2025"]), ja)[issueKey(0, "fy")]).toMatch(/年度「２０１３」が正しくありません/);
    expect(checkFollowup(fy(["2013", "2030", "2023", "2024", "2024"]), ja)[issueKey(4, "fy")]).toMatch(/見通しの年度/);
    const same: FollowupState = { ...demo, columns: demo.columns.map((c, i) => (i === 1 ? { ...c, values: { ...c.values, co2: "142000" } } : c)) };
    expect(checkFollowup(same, ja)[issueKey(1, "co2")]).toMatch(/進捗率を計算できません/);
    expect(checkFollowup(initialFollowupState(), ja)["followup.organisation"]).toBeDefined();
  });

  it("paste from Excel: label column and header row with years", () => {
    const text = [
      "項目\t基準年度（2012年度）\t2030年度目標\tFY2022\tFY2023\t2024年度見通し",
      "CO2排出量\t100\t60\t90\t85\t80",
      "生産活動量\t1000\t1000\t990\t1000\t1010",
      "エネルギー使用量\t10\t8\t9.5\t9.2\t9",
      "電力消費量\t500\t450\t480\t470\t460",
      "電力排出係数\t0.5\t0.3\t0.45\t0.44\t0.43",
    ].join("\r\n");
    const r = pasteFollowup(initialFollowupState(), text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.columns.map((c) => c.fy)).toEqual(["2012", "2030", "2022", "2023", "2024"]);
    expect(r.state.columns[3]?.values.energyTJ).toBe("9.2");
    expect(pasteFollowup(initialFollowupState(), "1\t2\t3\t4\t5")).toEqual({ ok: false, reason: "rows", count: 1 });
    const bad = pasteFollowup(initialFollowupState(), ["1\t2\t3\t4\t5", "1\t2\t3\t4", "1\t2\t3\t4\t5", "1\t2\t3\t4\t5", "1\t2\t3\t4\t5"].join("\n"));
    expect(bad).toEqual({ ok: false, reason: "columns", n: 2, count: 4 });
  });
});

describe("writing the follow-up sheet", () => {
  it("new unique sheet, 4 syncs, and the CHANGERATE / PROGRESS / INTENSITY / DECOMPOSE cells equal the core", async () => {
    const st = demoFollowupState("ja");
    const host = new FakeHost({ sheets: { フォローアップ: { A1: "前回のメモ" } } });
    const before = host.syncCount();
    const prepared = await prepareFollowupWrite(host, st, "ja");
    expect(prepared.sheet.name).toBe("フォローアップ (2)");
    expect(prepared.occupied).toEqual([]);
    const out = await commitFollowupWrite(host, prepared);
    expect(host.syncCount() - before).toBe(4);
    expect(out.sheet).toBe("フォローアップ (2)");
    expect(out.range).toMatch(/^A1:[A-Z]+\d+$/);
    expect(host.cellAt("フォローアップ", "A1")?.value).toBe("前回のメモ");
    const sheet = out.sheet;
    const change = alcnCells(host, sheet, "CHANGERATE");
    const progress = alcnCells(host, sheet, "PROGRESS");
    const intensity = alcnCells(host, sheet, "INTENSITY");
    expect(change.length).toBeGreaterThanOrEqual(8);
    expect(progress.length).toBe(6);
    expect(intensity.length).toBe(5); // CO2 intensity; the energy intensity multiplies TJ by 1000 inside the call
    for (const c of [...change, ...progress, ...intensity]) {
      expect(Number.isFinite(c.sheetValue)).toBe(true);
      expect(c.sheetValue).toBeCloseTo(c.coreValue, 12);
    }
    // the pane's figures are these cells: CO2 progress of FY2024 = (142000 − 113900) / (142000 − 98000)
    const figures = computeFollowup(toFollowupInputs(st), "ja");
    const fy2024 = figures.years.find((y) => y.fy === 2024);
    expect(fy2024?.co2Progress).toEqual({ ok: true, value: expect.closeTo((142000 - 113900) / (142000 - 98000), 12) as number });
    const sheetProgress = progress.map((p) => p.sheetValue);
    expect(sheetProgress.some((v) => Math.abs(v - (142000 - 113900) / (142000 - 98000)) < 1e-12)).toBe(true);
    // DECOMPOSE rows: the sheet's first period (base → latest actual) equals the pane's
    const dec = figures.decomposition;
    expect(dec.ok).toBe(true);
    const s = host.sheet(sheet);
    const decCells = [...(s?.cells ?? [])].filter(([ref, c]) => c.formula?.includes("ALCN.DECOMPOSE") && ref.startsWith("B")).map(([ref]) => host.valueAt(sheet, ref) as number);
    expect(decCells).toHaveLength(4);
    decCells.forEach((v, k) => expect(v).toBeCloseTo(dec.ok ? (dec.value[k] as number) : NaN, 12));
    expect(decCells[0]! + decCells[1]! + decCells[2]!).toBeCloseTo(decCells[3]!, 12);
  });

  it("native mode: no ALCN function, every numeric cell equal to ALCN mode", async () => {
    const st = demoFollowupState("ja");
    const a = new FakeHost();
    const pa = await prepareFollowupWrite(a, st, "ja");
    await commitFollowupWrite(a, pa);
    const n = new FakeHost();
    const pn = await prepareFollowupWrite(n, { ...st, mode: "native" }, "ja");
    await commitFollowupWrite(n, pn);
    const nf = [...(n.sheet(pn.sheet.name)?.cells.values() ?? [])].map((c) => c.formula ?? "");
    expect(nf.some((f) => f.includes("ALCN."))).toBe(false);
    expect(nf.some((f) => f.includes("LN("))).toBe(true);
    // Table 2 has the same layout in both modes: compare each ALCN formula cell with the native cell at the same place.
    const alcnRefs = [...(a.sheet(pa.sheet.name)?.cells ?? [])].filter(([, c]) => /ALCN\.(CHANGERATE|PROGRESS|INTENSITY)/.test(c.formula ?? "")).map(([ref]) => ref);
    expect(alcnRefs.length).toBeGreaterThan(20);
    for (const ref of alcnRefs) expect(n.valueAt(pn.sheet.name, ref) as number).toBeCloseTo(a.valueAt(pa.sheet.name, ref) as number, 12);
    // Table 3 in native mode has one more row (the LMDI weight): compare by the factor labels.
    const byLabel = (h: FakeHost, sheet: string, label: string) => {
      const row = [...(h.sheet(sheet)?.cells ?? [])].find(([ref, c]) => ref.startsWith("A") && c.value === label)?.[0].slice(1);
      return h.valueAt(sheet, `B${row}`) as number;
    };
    for (const label of ["経済活動量の変化", "CO2排出係数の変化", "経済活動量あたりのエネルギー使用量の変化"])
      expect(byLabel(n, pn.sheet.name, label)).toBeCloseTo(byLabel(a, pa.sheet.name, label), 12);
  });

  it("replace: the existing cells are reported before anything is written, in a constant 4 syncs", async () => {
    const host = new FakeHost({ sheets: { フォローアップ: { B7: 1, A1: "memo" } } });
    const st = { ...demoFollowupState("ja"), replace: true };
    const before = host.syncCount();
    const p = await prepareFollowupWrite(host, st, "ja");
    expect(p.sheet.name).toBe("フォローアップ");
    expect(p.occupied.map((o) => o.ref).sort()).toEqual(["A1", "B7"]);
    expect(host.cellAt("フォローアップ", "A1")?.value).toBe("memo");
    await commitFollowupWrite(host, p);
    expect(host.syncCount() - before).toBe(4);
    expect(host.cellAt("フォローアップ", "A1")?.value).toBe("カーボンニュートラル行動計画 フォローアップ");
  });
});
