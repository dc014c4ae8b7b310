/**
 * The audit against a real workbook: every ALCN cell of the demo template (allowance + follow-up, the same
 * plan the wizard and `alcn template` write) is read back from the fake host, explained, recomputed
 * independently and compared with the value the engine computed for the cell.
 */
import { explain, parseFormula } from "../../../src/core/audit";
import { ParameterStore } from "../../../src/core";
import { buildTemplatePlan } from "../../../src/core/workbook";
import { actionsFromHost, cellScalar, evaluateCall, MAX_AUDIT_READ_CELLS } from "../../../src/taskpane/components/audit/actions";
import { FakeHost } from "../../../src/taskpane/host/fake-host";
import { parameterOverrides, planToBatch } from "../../../src/taskpane/wizard/write";

const LABELS = { block: "chart", fy: "FY", allowance: "allowance", emissions: "emissions", furnace: "furnace", cf: "CF", chartAllowance: "a", chartCf: "c" };

describe.each(["ja", "en"] as const)("audit of the demo workbook (%s)", (lang) => {
  it("every ALCN cell: ✓ or not available, never ✗, and the cell's value agrees with the core", async () => {
    const plan = buildTemplatePlan({ mode: "alcn", lang });
    const host = new FakeHost({ sheets: {} });
    await host.write(planToBatch(plan, LABELS));
    const overrides = parameterOverrides(plan);
    host.setParameterOverrides(overrides, "workbook");
    const params = new ParameterStore();
    params.setOverrides(overrides, "workbook");
    const actions = actionsFromHost(host);

    const seen = new Map<string, number>();
    const problems: string[] = [];
    for (const sheet of host.sheets) {
      for (const [ref, cell] of sheet.cells) {
        if (!cell.formula?.includes("ALCN.")) continue;
        const parsed = parseFormula(cell.formula);
        if (!parsed.ok) {
          problems.push(`${sheet.name}!${ref} unreadable: ${cell.formula}`);
          continue;
        }
        const { values, unevaluated } = await evaluateCall(parsed, actions, sheet.name);
        const v = host.valueAt(sheet.name, ref);
        const cellValue = v !== null && typeof v === "object" ? { kind: "CellError" as const, code: v.error } : cellScalar(v);
        const ex = explain(parsed.name, values, { lang, params }, lang, { argTexts: parsed.args.map((a) => a.text), ...(parsed.nested ? {} : { cellValue }) });
        seen.set(`${parsed.name}:${ex.check}`, (seen.get(`${parsed.name}:${ex.check}`) ?? 0) + 1);
        if (unevaluated.length) problems.push(`${sheet.name}!${ref} args ${unevaluated.join(",")} not evaluated: ${cell.formula}`);
        if (ex.check === "fail") problems.push(`${sheet.name}!${ref} ✗ ${cell.formula}: ${ex.checkDetail}`);
        if (ex.cell && !ex.cell.agrees) problems.push(`${sheet.name}!${ref} cell ${ex.cell.display} vs core ${ex.coreDisplay}: ${cell.formula}`);
      }
    }
    if (process.env.AUDIT_DEBUG) console.log([...seen]);
    expect(problems).toEqual([]);
    const passed = [...seen].filter(([k]) => k.endsWith(":pass")).map(([k]) => k.split(":")[0]);
    // the allowance chain is audited end to end
    for (const f of ["CORRFACTOR", "COMPANYCF", "UPINTENSITY", "ALLOWANCE", "BALANCE", "BASEACTIVITY"]) expect(passed).toContain(f);
  });

  it("does not read a reference larger than the read cap (one huge round trip); the argument stays unevaluated", async () => {
    const host = new FakeHost({ sheets: { S: { A1: 3, B1: 1 } } });
    const reads: string[] = [];
    const base = actionsFromHost(host);
    const actions = { ...base, readRange: (sheet: string, address: string) => (reads.push(address), base.readRange(sheet, address)) };
    const parsed = parseFormula("=ALCN.WAVG(A1:Z1048576,B1:B2)");
    if (!parsed.ok) throw new Error(parsed.reason);
    const { unevaluated } = await evaluateCall(parsed, actions, "S");
    expect(reads).toEqual(["B1:B2"]);
    expect(unevaluated).toEqual([0]);
    expect(MAX_AUDIT_READ_CELLS).toBe(100_000);
  });
});
