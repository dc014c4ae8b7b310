import { STRINGS } from "../../../src/taskpane/i18n";
import { demoState } from "../../../src/taskpane/wizard/demo";
import { checkBaseline, checkFurnaces, checkParams, checkTargets, furnacesFromPaste, initialState, parseNumber, parseTsv } from "../../../src/taskpane/wizard/state";
import { fitFromTable } from "../../../src/taskpane/wizard/compute";

const ja = STRINGS.ja;

describe("wizard input checks", () => {
  it("numbers are strict: thousands separators and full-width digits are errors, not guesses", () => {
    expect(parseNumber("1200")).toEqual({ ok: true, value: 1200 });
    expect(parseNumber(" 0.55 ")).toEqual({ ok: true, value: 0.55 });
    expect(parseNumber("1e3")).toEqual({ ok: true, value: 1000 });
    expect(parseNumber("1,200")).toEqual({ ok: false, reason: "notNumber" });
    expect(parseNumber("１２")).toEqual({ ok: false, reason: "notNumber" });
    expect(parseNumber("")).toEqual({ ok: false, reason: "required" });
  });

  it("a paste from Excel drops the header row and keeps five columns", () => {
    expect(parseTsv("炉ID\t炉サイズ\tチャージ数\t排出量\t半製品\r\nM-1\t60\t0.8\t21400\t68200\r\n")).toEqual([["M-1", "60", "0.8", "21400", "68200"]]);
    expect(furnacesFromPaste("M-1\t60\t0.8\t21400").widthIssue).toEqual({ n: 1, count: 4 });
  });

  it("each furnace cell gets its own message; units off by 1000 are flagged", () => {
    const st = { ...initialState(), furnaces: furnacesFromPaste("A\t-3\tx\t100\t1000\nA\t30\t0.5\t21400\t68").rows };
    const issues = checkFurnaces(st, ja);
    const [a, b] = st.furnaces;
    expect(issues[`furnace.${a?.key}.capacity`]).toContain("0 より大きい値");
    expect(issues[`furnace.${a?.key}.charges`]).toContain("「x」は数値ではありません");
    expect(issues[`furnace.${b?.key}.id`]).toContain("重複");
    expect(issues[`furnace.${b?.key}.emissions`]).toContain("単位（t と 千t）");
  });

  it("the demo company passes every step", () => {
    const st = demoState("ja");
    expect(checkFurnaces(st, ja)).toEqual({});
    expect(checkParams(st, ja)).toEqual({});
    expect(checkBaseline(st, ja)).toEqual({});
    expect(checkTargets(st, ja)).toEqual({});
  });

  it("baseline: a blank normal year and an opening without days are explained", () => {
    const st = demoState("ja");
    const p = st.products[0];
    if (!p) throw new Error("demo");
    const broken = { ...st, products: [{ ...p, values: ["", p.values[1], p.values[2]] as const, statuses: ["normal", "normal", "opening"] as const, days: "" }, ...st.products.slice(1)] };
    const issues = checkBaseline(broken, ja);
    expect(issues[`product.${p.key}.value.0`]).toContain("2023年度が空欄です");
    expect(issues[`product.${p.key}.days`]).toContain("稼働日数");
  });

  it("targets: the FY2030 level above the base level is refused", () => {
    const st = demoState("ja");
    const p = st.products[0];
    if (!p) throw new Error("demo");
    const issues = checkTargets({ ...st, products: [{ ...p, base: "0.3", final: "0.4" }] }, ja);
    expect(issues[`product.${p.key}.final`]).toBe(ja.targets.order);
  });

  it("fits the regression from an industry table with REGFIT and production-weighted averages", () => {
    // intensity = exp(-0.35) · size^-0.18 · charges^-0.22 exactly, so a power fit recovers the coefficients.
    const rows = [
      [20, 0.3, 1000],
      [30, 0.5, 2000],
      [45, 0.4, 1500],
      [60, 0.8, 3000],
      [25, 0.6, 1200],
    ].map(([s, c, w]) => `${s}\t${c}\t${Math.exp(-0.35) * Math.pow(s as number, -0.18) * Math.pow(c as number, -0.22)}\t${w}`);
    const r = fitFromTable(rows.join("\n"), "power", "ja");
    if (!r.ok) throw new Error(r.reason);
    expect(r.coefs[0]).toBeCloseTo(-0.35, 9);
    expect(r.coefs[1]).toBeCloseTo(-0.18, 9);
    expect(r.coefs[2]).toBeCloseTo(-0.22, 9);
    expect(r.avgSize).toBeCloseTo((20 * 1000 + 30 * 2000 + 45 * 1500 + 60 * 3000 + 25 * 1200) / 8700, 9);
    expect(fitFromTable("1\t2\t3\t4", "power", "ja")).toMatchObject({ ok: false, reason: "tooFew" });
  });
});
