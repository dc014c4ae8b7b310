import { buildAllowancePlan, buildFollowupPlan, buildTemplatePlan, DEMO_ALLOWANCE, DEMO_FOLLOWUP, DEMO_INDUSTRY, formulaCells, modeStatement, PARAMETER_NAMES, parseRef, sheetName, type AllowanceInputs, type Lang, type ProductRow, type WorkbookMode } from "../../src/core/workbook";
import { evaluate, modelOfPlan, type CellValueOut, type Evaluation } from "../../src/cli/workbook-model";
import { sameValue } from "../../src/cli/recalc";

function at(ev: Evaluation, sheet: string, ref: string): CellValueOut {
  const { row, col } = parseRef(ref);
  return ev.value(sheet, row, col);
}

const modes: WorkbookMode[] = ["alcn", "native"];
const langs: Lang[] = ["ja", "en"];

describe("workbook plans", () => {
  it.each(langs.flatMap((lang) => modes.map((mode) => [lang, mode] as const)))("%s/%s: every formula evaluates to a value, no engine error", (lang, mode) => {
    const plan = buildTemplatePlan({ lang, mode });
    const ev = evaluate(modelOfPlan(plan));
    const bad = ev.formulas.filter((f) => f.value !== null && typeof f.value === "object").map((f) => `${f.sheet}!${f.cell.row + 1}:${f.cell.col + 1} ${JSON.stringify(f.value)} ${f.cell.formula}`);
    expect(bad).toEqual([]);
    expect(ev.formulas.length).toBeGreaterThan(150);
  });

  it("native mode uses no ALCN function; ALCN mode uses them for every rule", () => {
    const native = formulaCells(buildTemplatePlan({ lang: "en", mode: "native" }));
    expect(native.filter((f) => /ALCN\./.test(f.cell.formula ?? ""))).toEqual([]);
    const nativeText = native.map((f) => f.cell.formula ?? "").join("\n");
    for (const fn of ["SUMPRODUCT(", "LN(", "EXP(", "LINEST(", "INDEX(", "MATCH("]) expect(nativeText).toContain(fn);
    const alcn = formulaCells(buildTemplatePlan({ lang: "en", mode: "alcn" })).map((f) => f.cell.formula ?? "").join("\n");
    for (const fn of ["CORRFACTOR", "COMPANYCF", "REGPREDICT", "UPINTENSITY", "BASEACTIVITY", "BMPATH", "ALLOWANCE", "ALLOWANCE.UP", "ALLOWANCE.DOWN", "BALANCE", "PRICEBAND", "CHANGERATE", "PROGRESS", "DECOMPOSE", "INTENSITY", "REGFIT", "WAVG"]) {
      expect(alcn).toContain(`ALCN.${fn}(`);
    }
  });

  it("ALCN and native modes give the same results through the engine (1e-9 relative)", () => {
    const a = buildAllowancePlan(DEMO_ALLOWANCE, { mode: "alcn", lang: "en" });
    const n = buildAllowancePlan(DEMO_ALLOWANCE, { mode: "native", lang: "en" });
    const ea = evaluate(modelOfPlan(a));
    const en = evaluate(modelOfPlan(n));
    const r = a.results;
    expect(n.results).toEqual(r); // same layout of the results
    const refs = [r.companyCf, r.allowanceUp, r.allowanceDown, r.allowance, r.emissions, r.credits, r.balance, r.costLower, r.costUpper, ...r.furnaceCf, ...r.outlook.flatMap((o) => [o.allowance, o.emissions, o.balance, o.costLower, o.costUpper])];
    for (const ref of refs) {
      const va = at(ea, r.sheet, ref);
      expect(typeof va).toBe("number");
      expect([ref, sameValue(va, at(en, r.sheet, ref))]).toEqual([ref, true]);
    }
    // every cell of the calculation sheet that both modes hold agrees
    const calcA = ea.formulas.filter((f) => f.sheet === r.sheet);
    let compared = 0;
    for (const f of calcA) {
      const vn = en.value(r.sheet, f.cell.row, f.cell.col);
      if (typeof f.value === "number") {
        expect([f.cell.row, f.cell.col, sameValue(f.value, vn)]).toEqual([f.cell.row, f.cell.col, true]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(80);
  });

  it("follow-up: ALCN and native modes agree; the decomposition adds up to the change in CO2", () => {
    const fa = buildFollowupPlan(DEMO_FOLLOWUP, { mode: "alcn", lang: "ja" });
    const fn = buildFollowupPlan(DEMO_FOLLOWUP, { mode: "native", lang: "ja" });
    const wrap = (sheet: typeof fa.sheet) => ({ sheets: [sheet], names: [], mode: "alcn" as const, lang: "ja" as const });
    const ea = evaluate(modelOfPlan(wrap(fa.sheet)));
    const en = evaluate(modelOfPlan(wrap(fn.sheet)));
    for (let col = 1; col <= 2; col++) {
      const parts = fa.results.decompositionRows.map((r) => ea.value(fa.results.sheet, r - 1, col) as number);
      const partsN = fn.results.decompositionRows.map((r) => en.value(fn.results.sheet, r - 1, col) as number);
      parts.forEach((p, k) => expect(sameValue(p, partsN[k] as number)).toBe(true));
      expect(Math.abs((parts[0] as number) + (parts[1] as number) + (parts[2] as number) - (parts[3] as number))).toBeLessThan(1e-12);
    }
    // tables 1 and 2 sit at the same addresses in both modes: every numeric cell agrees
    const firstFactorRow = Math.min(...fa.results.decompositionRows) - 3;
    const early = ea.formulas.filter((f) => f.cell.row < firstFactorRow && typeof f.value === "number");
    expect(early.length).toBeGreaterThan(40);
    for (const f of early) expect([f.cell.row, f.cell.col, sameValue(f.value, en.value(fa.results.sheet, f.cell.row, f.cell.col))]).toEqual([f.cell.row, f.cell.col, true]);
    // 2024 vs 2013: CO2 change = 113900 / 142000 − 1
    expect(ea.value(fa.results.sheet, (fa.results.decompositionRows[3] as number) - 1, 1)).toBeCloseTo(113900 / 142000 - 1, 12);
  });

  it("the demo figures follow the draft's formula (hand check)", () => {
    const plan = buildAllowancePlan(DEMO_ALLOWANCE, { mode: "native", lang: "en" });
    const ev = evaluate(modelOfPlan(plan));
    const r = plan.results;
    // power form: f = exp(b0) size^b1 charges^b2; CF = f(avg)/f(own)
    const [b0, b1, b2] = DEMO_ALLOWANCE.regression.coefs;
    const f = (s: number, c: number): number => Math.exp(b0 + b1 * Math.log(s) + b2 * Math.log(c));
    const cfs = DEMO_ALLOWANCE.furnaces.map((x) => f(35, 0.55) / f(x.capacity_t, x.charges_per_h));
    const e = DEMO_ALLOWANCE.furnaces.map((x) => x.emissions_t);
    const companyCf = cfs.reduce((s, cf, i) => s + cf * (e[i] as number), 0) / e.reduce((s, x) => s + x, 0);
    expect(at(ev, r.sheet, r.companyCf)).toBeCloseTo(companyCf, 12);
    // FY2026 targets: base + (final − base)/5; baseline: slab mean, billet with 2024 disaster → 2023 value, extrusions opened in FY2025 for 219 days
    const tg = (b: number, fin: number): number => b + (fin - b) / 5;
    const up = (tg(0.42, 0.36) * ((113500 + 117900 + 115200) / 3) + tg(0.47, 0.4) * ((24100 + 24100 + 25900) / 3)) / companyCf;
    const down = tg(0.28, 0.24) * ((86400 + 88900 + 90300) / 3) + tg(0.33, 0.29) * ((12600 * 365) / 219);
    expect(at(ev, r.sheet, r.allowanceUp)).toBeCloseTo(up, 6);
    expect(at(ev, r.sheet, r.allowanceDown)).toBeCloseTo(down, 6);
    expect(at(ev, r.sheet, r.balance)).toBeCloseTo(up + down + Math.min(2000, 9350) - 93500, 6);
  });

  it.each(langs)("%s: sheet names, mode statement and the Parameters named cells", (lang) => {
    for (const mode of modes) {
      const plan = buildTemplatePlan({ lang, mode });
      expect(plan.sheets.map((s) => s.name)).toEqual([sheetName("calc", lang), sheetName("inputs", lang), sheetName("params", lang), sheetName("industry", lang), sheetName("followup", lang)]);
      const calc = plan.sheets[0];
      expect(calc?.mode).toBe(mode);
      expect(calc?.cells.some((c) => c.value === modeStatement(mode, lang))).toBe(true);
      const names = new Map(plan.names.map((n) => [n.name, n]));
      for (const n of ["ALCN_COEF_B0", "ALCN_COEF_B1", "ALCN_COEF_B2", "ALCN_COEFS", "ALCN_FORM", "ALCN_AVG_SIZE", "ALCN_AVG_CHARGES", "ALCN_CREDIT_CAP_PCT", "ALCN_PRICE_LOWER"]) expect(names.has(n)).toBe(true);
      for (const [name, param] of Object.entries(PARAMETER_NAMES)) expect(names.get(name)?.param).toBe(param);
      // every parameter has a unit and a source next to it
      const params = plan.sheets.find((s) => s.name === sheetName("params", lang));
      for (const p of plan.names.filter((x) => !x.ref.includes(":"))) {
        const { row } = parseRef(p.ref);
        const unit = params?.cells.find((c) => c.ref === `C${row + 1}`);
        const source = params?.cells.find((c) => c.ref === `D${row + 1}`);
        expect(unit?.value).toBeTruthy();
        expect(String(source?.value ?? "").length).toBeGreaterThan(5);
      }
    }
  });

  it("Japanese labels in ja, English in en", () => {
    const ja = JSON.stringify(buildTemplatePlan({ lang: "ja", mode: "alcn" }).sheets);
    const en = JSON.stringify(buildTemplatePlan({ lang: "en", mode: "alcn" }).sheets);
    expect(ja).toContain("割当量");
    expect(ja).toContain("補正係数");
    expect(en).toContain("Allowance (total)");
    expect(en).not.toMatch(/[\u3040-\u30ff]/);
  });

  it("inputs drive the formulas: a typed target replaces the BM path, and changing an input changes the result", () => {
    const typed: AllowanceInputs = {
      ...DEMO_ALLOWANCE,
      products: DEMO_ALLOWANCE.products.map((p, i) => (i === 0 ? { ...p, target: { typed: 0.5 } } : p)),
    };
    for (const mode of modes) {
      const base = buildAllowancePlan(DEMO_ALLOWANCE, { mode, lang: "en" });
      const other = buildAllowancePlan(typed, { mode, lang: "en" });
      const a = at(evaluate(modelOfPlan(base)), base.results.sheet, base.results.allowanceUp) as number;
      const b = at(evaluate(modelOfPlan(other)), other.results.sheet, other.results.allowanceUp) as number;
      expect(b).toBeGreaterThan(a);
    }
  });

  it("industry sheet: REGFIT (ALCN) and LINEST (native) give the same fit; the Parameters coefficients point at it", () => {
    const inputs = { ...DEMO_ALLOWANCE, industry: DEMO_INDUSTRY };
    const values = modes.map((mode) => {
      const plan = buildAllowancePlan(inputs, { mode, lang: "ja" });
      const ev = evaluate(modelOfPlan(plan));
      const named = (name: string): CellValueOut => {
        const n = plan.names.find((x) => x.name === name);
        if (!n) throw new Error(name);
        const p = plan.sheets.find((sh) => sh.name === n.sheet)?.cells.find((c) => c.ref === n.ref);
        expect(p?.formula).toMatch(/^='業界データ'!B\d+$/);
        return ev.value(n.sheet, parseRef(n.ref).row, parseRef(n.ref).col);
      };
      return ["ALCN_COEF_B0", "ALCN_COEF_B1", "ALCN_COEF_B2", "ALCN_AVG_SIZE", "ALCN_AVG_CHARGES"].map(named) as number[];
    });
    // ln y = b0 + b1 ln size + b2 ln charges on the 14 demo furnaces (least squares, checked with numpy)
    expect(values[0]?.[0]).toBeCloseTo(-0.06792311658658, 12);
    expect(values[0]?.[1]).toBeCloseTo(-0.24450599337269, 12);
    expect(values[0]?.[2]).toBeCloseTo(-0.13537865654288, 12);
    values[0]?.forEach((v, k) => expect(sameValue(v, values[1]?.[k] as number)).toBe(true));
    // every numeric cell of the industry sheet (CF, corrected intensities, fit, R², reference levels) agrees
    const [ea, en] = modes.map((mode) => evaluate(modelOfPlan(buildAllowancePlan(inputs, { mode, lang: "en" }))));
    const cells = (ea as Evaluation).formulas.filter((f) => f.sheet === "Industry");
    expect(cells.length).toBe(2 * 14 + 9);
    for (const f of cells) {
      expect(typeof f.value).toBe("number");
      expect([f.cell.row, f.cell.col, sameValue(f.value, (en as Evaluation).value("Industry", f.cell.row, f.cell.col))]).toEqual([f.cell.row, f.cell.col, true]);
    }
  });

  it("baseline activity: the native helper columns follow BASEACTIVITY's status rules, including its #N/A cases", () => {
    const cases: [ProductRow["statuses"], ProductRow["baseline"], ProductRow["days"]][] = [
      [["normal", "disaster", "disaster"], [100, 5, 7], [null, null, null]],
      [["opening", "normal", "disaster"], [40, 100, 3], [null, null, null]],
      [["none", "normal", "normal"], [0, 100, 120], [null, null, null]],
      [["normal", "none", "normal"], [90, 0, 110], [null, null, null]],
      [["opening", "disaster", "normal"], [40, 1, 100], [null, null, null]],
      [["normal", "none", "disaster"], [90, 0, 1], [null, null, null]],
      [["disaster", "normal", "normal"], [1, 100, 100], [null, null, null]],
      [["none", "none", "opening"], [0, 0, 50], [null, null, 73]],
      [["normal", "opening", "normal"], [10, 60, 100], [null, null, null]],
    ];
    const products: ProductRow[] = cases.map(([statuses, baseline, days], i) => ({
      side: i === 0 ? "up" : "down",
      name: { ja: `製品${i}`, en: `P${i}` },
      baseline,
      statuses,
      days,
      target: { base: 0.3, final: 0.25 },
    }));
    const inputs: AllowanceInputs = { ...DEMO_ALLOWANCE, products };
    const a = buildAllowancePlan(inputs, { mode: "alcn", lang: "en" });
    const n = buildAllowancePlan(inputs, { mode: "native", lang: "en" });
    const ea = evaluate(modelOfPlan(a));
    const en = evaluate(modelOfPlan(n));
    const cells = ea.formulas.filter((f) => f.cell.formula?.includes("ALCN.BASEACTIVITY"));
    expect(cells).toHaveLength(cases.length);
    const got = cells.map((f) => [f.value, en.value(f.sheet, f.cell.row, f.cell.col)]);
    for (const [alcn, native] of got) {
      if (typeof alcn === "number") expect(sameValue(alcn, native as CellValueOut)).toBe(true);
      else expect((native as { error: string }).error).toBe((alcn as { error: string }).error);
    }
    expect(got.map(([v]) => (typeof v === "number" ? v : (v as { error: string }).error))).toEqual([100, 100, 110, 100, "#N/A", "#N/A", "#N/A", 250, 100]);
  });

  it.each(["floor", "round", "ceil"] as const)("rounding %s: whole t-CO2, the same in both modes", (rounding) => {
    const inputs: AllowanceInputs = { ...DEMO_ALLOWANCE, bm: { rounding } };
    const [va, vn] = modes.map((mode) => {
      const plan = buildAllowancePlan(inputs, { mode, lang: "en" });
      return at(evaluate(modelOfPlan(plan)), plan.results.sheet, plan.results.allowance) as number;
    });
    expect(Number.isInteger(va)).toBe(true);
    expect(vn).toBe(va);
  });

  it("rejects a plan without furnaces or without one side", () => {
    expect(() => buildAllowancePlan({ ...DEMO_ALLOWANCE, furnaces: [] }, { mode: "alcn", lang: "en" })).toThrow();
    expect(() => buildAllowancePlan({ ...DEMO_ALLOWANCE, products: DEMO_ALLOWANCE.products.filter((p) => p.side === "up") }, { mode: "alcn", lang: "en" })).toThrow();
  });
});
