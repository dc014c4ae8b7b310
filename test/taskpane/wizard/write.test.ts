import { DEMO_ALLOWANCE, DEMO_INDUSTRY, parseRef } from "../../../src/core/workbook";
import { call } from "../../helpers";
import { evaluate, modelOfPlan } from "../../../src/cli/workbook-model";
import { FakeHost } from "../../../src/taskpane/host/fake-host";
import { computeResults } from "../../../src/taskpane/wizard/compute";
import { demoState } from "../../../src/taskpane/wizard/demo";
import { newKey, type WizardState } from "../../../src/taskpane/wizard/state";
import { commitWrite, parameterOverrides, prepareWrite, renameSheets, restoreParameters, restoreParametersWhenReady, toAllowanceInputs } from "../../../src/taskpane/wizard/write";
import { buildAllowancePlan } from "../../../src/core/workbook";

// Fluent in jsdom and HyperFormula over 1 000 rows are slow on a busy machine; these are not speed tests.
jest.setTimeout(60000);

const labels = { block: "グラフ用データ", fy: "年度", allowance: "割当量", emissions: "見込排出量", furnace: "炉ID", cf: "CF", chartAllowance: "割当量と排出量", chartCf: "炉ごとの補正係数" };

function withFurnaces(st: WizardState, n: number): WizardState {
  return {
    ...st,
    furnaces: Array.from({ length: n }, (_, i) => ({ key: newKey(), id: `F${i + 1}`, capacity: String(15 + (i % 45)), charges: String(0.3 + (i % 6) / 10), emissions: String(2000 + 7 * i), semi: String(6000 + 11 * i) })),
  };
}

describe("writing the wizard's workbook", () => {
  it("round-trips the demo company: state → inputs equals the shared demo inputs", () => {
    const inputs = toAllowanceInputs(demoState("ja"));
    expect(inputs.furnaces).toEqual(DEMO_ALLOWANCE.furnaces);
    expect(inputs.products.map((p) => [p.side, p.baseline, p.statuses, p.days, p.target])).toEqual(DEMO_ALLOWANCE.products.map((p) => [p.side, p.baseline, p.statuses, p.days, p.target]));
    expect(inputs.expectedEmissions).toEqual(DEMO_ALLOWANCE.expectedEmissions);
    // the regression is the REGFIT of the demo industry table (as on the template's Industry sheet), to 12 digits
    const fit = call("REGFIT", DEMO_INDUSTRY.furnaces.map((f) => [f.intensity]), DEMO_INDUSTRY.furnaces.map((f) => [f.size, f.charges]), "power") as number[][];
    inputs.regression.coefs.forEach((c, i) => expect(c).toBeCloseTo(fit[0]?.[i] as number, 10));
  });

  it("the preview's demo company gives the allowance `npm run demo` gives (the same industry fit)", () => {
    const st = demoState("ja");
    const pane = computeResults(st, "ja").years[0]?.allowance;
    const plan = buildAllowancePlan({ ...DEMO_ALLOWANCE, industry: DEMO_INDUSTRY }, { mode: "alcn", lang: "ja" });
    const ev = evaluate(modelOfPlan(plan));
    const { row, col } = parseRef(plan.results.allowance);
    const cli = ev.value(plan.results.sheet, row, col);
    ev.hf.destroy();
    expect(pane?.ok).toBe(true);
    expect(Math.round(pane?.ok ? pane.value : NaN)).toBe(Math.round(cli as number));
  });

  it("1 000 furnaces: ≤ 5 syncs, and the sheet computes what the pane shows", async () => {
    const st = withFurnaces(demoState("ja"), 1000);
    const host = new FakeHost();
    const prepared = await prepareWrite(host, st, "ja", labels);
    expect(prepared.occupied).toEqual([]);
    const out = await commitWrite(host, prepared);
    expect(host.syncCount()).toBeLessThanOrEqual(5);
    expect(out.charts).toBe(2);
    const r = prepared.plan.results;
    const pane = computeResults(st, "ja");
    const sheetCf = host.valueAt(r.sheet, r.companyCf) as number;
    expect(pane.cf.ok && pane.cf.value).toBeCloseTo(sheetCf, 9);
    const y = pane.years.find((x) => x.fy === st.fy);
    expect(y?.allowance.ok).toBe(true);
    expect(host.valueAt(r.sheet, r.allowance) as number).toBeCloseTo(y?.allowance.ok ? y.allowance.value : NaN, 6);
    r.outlook.forEach((o, i) => {
      const yr = pane.years[i];
      expect(host.valueAt(r.sheet, o.allowance) as number).toBeCloseTo(yr?.allowance.ok ? yr.allowance.value : NaN, 6);
    });
    // the chart block reads the furnace CFs live
    expect(host.charts[1]?.range).toMatch(/^L\d+:M\d+$/);
  });

  it("native mode computes the same allowance as ALCN mode", async () => {
    const st = demoState("ja");
    const a = new FakeHost();
    const pa = await prepareWrite(a, st, "ja", labels);
    await commitWrite(a, pa);
    const n = new FakeHost();
    const pn = await prepareWrite(n, { ...st, mode: "native" }, "ja", labels);
    await commitWrite(n, pn);
    const va = a.valueAt(pa.plan.results.sheet, pa.plan.results.allowance) as number;
    const vn = n.valueAt(pn.plan.results.sheet, pn.plan.results.allowance) as number;
    expect(vn).toBeCloseTo(va, 6);
  });

  it("a second write goes to new, uniquely named sheets and its formulas point at them", async () => {
    const st = demoState("ja");
    const host = new FakeHost();
    await commitWrite(host, await prepareWrite(host, st, "ja", labels));
    const second = await prepareWrite(host, st, "ja", labels);
    expect(second.batch.sheets.map((s) => s.name)).toEqual(["割当量計算 (2)", "入力 (2)", "パラメータ (2)"]);
    const formulas = second.batch.sheets.flatMap((s) => s.cells.map((c) => c.formula ?? ""));
    expect(formulas.some((f) => f.includes("'入力 (2)'!"))).toBe(true);
    expect(formulas.some((f) => /'入力'!/.test(f))).toBe(false);
    expect(second.occupied).toEqual([]);
    await commitWrite(host, second);
    expect(host.valueAt("割当量計算 (2)", second.plan.results.allowance)).toBe(host.valueAt("割当量計算", second.plan.results.allowance));
  });

  it("replacing 1 000-furnace sheets also stays within 5 syncs, and ALCN's charts are replaced, not stacked", async () => {
    const st = { ...withFurnaces(demoState("ja"), 1000), replace: true };
    const host = new FakeHost();
    await commitWrite(host, await prepareWrite(host, st, "ja", labels));
    const before = host.syncCount();
    const again = await prepareWrite(host, st, "ja", labels);
    expect(again.occupied.length).toBeGreaterThan(5000);
    await commitWrite(host, again);
    expect(host.syncCount() - before).toBeLessThanOrEqual(5);
    expect(host.charts).toHaveLength(2);
  });

  it("a typed target is written as typed and the sheet agrees with the pane", async () => {
    const demo = demoState("ja");
    const st: WizardState = { ...demo, products: demo.products.map((p, i) => (i === 2 ? { ...p, targetMode: "typed" as const, typed: "0.25" } : p)) };
    expect(toAllowanceInputs(st).products[2]?.target).toEqual({ typed: 0.25 });
    const host = new FakeHost();
    const prepared = await prepareWrite(host, st, "ja", labels);
    await commitWrite(host, prepared);
    const pane = computeResults(st, "ja");
    pane.years.forEach((y, i) => {
      const o = prepared.plan.results.outlook[i];
      expect(host.valueAt(prepared.plan.results.sheet, o?.allowance ?? "A1") as number).toBeCloseTo(y.allowance.ok ? y.allowance.value : NaN, 6);
    });
  });

  it("with replace, the existing cells are reported before anything is written", async () => {
    const host = new FakeHost({ sheets: { 割当量計算: { A1: "memo" } } });
    const p = await prepareWrite(host, { ...demoState("ja"), replace: true }, "ja", labels);
    expect(p.occupied).toEqual([{ sheet: "割当量計算", ref: "A1", value: "memo", formula: null }]);
    expect(host.cellAt("割当量計算", "A1")?.value).toBe("memo");
  });

  it("passes the Parameters sheet's values to the functions as overrides", async () => {
    const host = new FakeHost();
    await commitWrite(host, await prepareWrite(host, demoState("ja"), "ja", labels));
    const o = host.parameterOverrides?.values ?? {};
    expect(o["bm.reg.coefs"]?.value).toEqual(toAllowanceInputs(demoState("ja")).regression.coefs);
    expect(o["bm.reg.form"]?.value).toBe("power");
    expect(o["bm.credit_cap_pct"]?.value).toBe(10);
  });

  it("reopening a written workbook restores its Parameters sheet as the functions' parameter set", async () => {
    const host = new FakeHost();
    await commitWrite(host, await prepareWrite(host, demoState("ja"), "ja", labels));
    host.parameterOverrides = undefined;
    expect(await restoreParameters(host)).toBeGreaterThan(5);
    const restored = (host as { parameterOverrides: FakeHost["parameterOverrides"] }).parameterOverrides;
    const inputs = toAllowanceInputs(demoState("ja"));
    expect(restored?.values["bm.reg.coefs"]?.value).toEqual(inputs.regression.coefs);
    expect(restored?.values["bm.reg.avg_size"]?.value).toBe(inputs.regression.avgSize);
    expect(await restoreParameters(new FakeHost())).toBe(0);
  });

  it("opening the pane while a cell is being edited: the Parameters sheet is restored once editing ends", async () => {
    const host = new FakeHost();
    await commitWrite(host, await prepareWrite(host, demoState("ja"), "ja", labels));
    host.parameterOverrides = undefined;
    host.cellEditMode = true;
    let waits = 0;
    const wait = async () => {
      if (++waits === 3) host.cellEditMode = false; // the user presses Enter
    };
    expect(await restoreParametersWhenReady(host, wait)).toBeGreaterThan(5);
    expect(waits).toBe(3);
    expect(host.parameterOverrides).toBeDefined();
    // still editing after every try, or another failure: 0, never an exception
    host.cellEditMode = true;
    expect(await restoreParametersWhenReady(host, async () => undefined, 4)).toBe(0);
  });

  it("renameSheets rewrites quoted references only", () => {
    const plan = buildAllowancePlan(DEMO_ALLOWANCE, { mode: "alcn", lang: "ja" });
    const renamed = renameSheets(plan, new Map([["入力", "入力 (2)"]]));
    expect(renamed.names.every((n) => n.sheet !== "入力")).toBe(true);
    expect(Object.keys(parameterOverrides(renamed)).length).toBeGreaterThan(5);
  });
});
