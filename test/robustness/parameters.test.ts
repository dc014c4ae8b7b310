/**
 * Issue 9, the parameter path: a workbook's Parameters sheet can hold anything (text where a number is due,
 * a list where one value is due, zero, negative, blank). Whatever overridesFromCells accepts, every
 * function — called with its optional arguments omitted so that it reads the parameters — still answers a
 * finite value or an error with real messages; a sheet value it rejects is a TypeError the caller handles.
 */
import fc from "fast-check";
import { CATALOGUE, invoke, ParameterStore, type CellArg, type CellScalar, type FunctionSpec } from "../../src/core";
import { overridesFromCells } from "../../src/core/benchmark/parameters-fn";
import { SHIPPED_EDITIONS } from "../../src/core/editions";
import { insane, unmet } from "./check";
import { BASELINE } from "./fixtures";

const NAMES = [...new Set(SHIPPED_EDITIONS.flatMap((e) => Object.keys(e.values)))];

const cell: fc.Arbitrary<CellScalar> = fc.oneof(
  fc.constantFrom(0, -1, 1, 0.5, 2.5, 7.5, 10, 32.5, 50, 100, 365, 2025, 2030, 1e308, 1e-308, -1e308),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom("linear", "log", "power", "poly2", "poly10", "floor", "round", "nonsense", "１２３", "", null),
);
/** One sheet value in fifty is one the conversion rejects (a boolean or an error among the cells). */
const rejected: fc.Arbitrary<CellScalar> = fc.oneof(fc.boolean(), fc.constant({ kind: "CellError" as const, code: "#REF!" }));
const value: fc.Arbitrary<CellArg> = fc.oneof(
  { arbitrary: cell, weight: 30 },
  { arbitrary: fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 1 }), weight: 20 },
  { arbitrary: rejected, weight: 1 },
);
const sheet: fc.Arbitrary<Record<string, CellArg>> = fc.dictionary(fc.constantFrom(...NAMES), value, { maxKeys: 12 });

/** The baseline call with every optional argument and every argument with a default left out. */
function leanArgs(fn: FunctionSpec): CellArg[] {
  const base = BASELINE[fn.name] ?? [];
  return fn.args.map((a, i) => (a.optional || ("default" in a && a.default !== undefined) ? undefined : base[i]));
}

describe("functions over any Parameters sheet", () => {
  it.each(CATALOGUE.map((fn) => ({ name: fn.name, fn })))("$name", ({ fn }) => {
    let used = 0;
    fc.assert(
      fc.property(sheet, (cells) => {
        let overrides;
        try {
          overrides = overridesFromCells(cells);
        } catch (e) {
          // Rejected sheet values are a TypeError naming the parameter, for the taskpane to show.
          expect(e).toBeInstanceOf(TypeError);
          return;
        }
        const params = new ParameterStore();
        params.setOverrides(overrides);
        used++;
        for (const args of [leanArgs(fn), BASELINE[fn.name] ?? []]) {
          expect(insane(invoke(fn, args, { lang: "ja", params }))).toBeUndefined();
        }
      }),
      { numRuns: 60, seed: 9_003 },
    );
    expect(used).toBeGreaterThan(30);
  });

  it("reads CORRFACTOR's regression from the sheet, and answers #N/A when it is blank or #VALUE! when it is text", () => {
    const corr = CATALOGUE.find((f) => f.name === "CORRFACTOR") as FunctionSpec;
    const withSheet = (cells: Record<string, CellArg>) => {
      const params = new ParameterStore();
      params.setOverrides(overridesFromCells(cells));
      return invoke(corr, [10, 5], { lang: "en", params });
    };
    const full = { "bm.reg.coefs": [[1, 0.1, 0.2]], "bm.reg.avg_size": 12, "bm.reg.avg_charges": 6, "bm.reg.form": "linear" };
    expect(unmet(withSheet(full), "ok")).toBeUndefined();
    expect(unmet(withSheet({ ...full, "bm.reg.coefs": null }), { code: "NA" })).toBeUndefined();
    expect(unmet(withSheet({ ...full, "bm.reg.coefs": "abc" }), { code: "VALUE" })).toBeUndefined();
    expect(unmet(withSheet({ ...full, "bm.reg.form": "cubic" }), { code: "VALUE" })).toBeUndefined();
    expect(unmet(withSheet({ ...full, "bm.reg.coefs": [[-100, 0.1, 0.2]] }), { code: "NUM" })).toBeUndefined();
    expect(() => overridesFromCells({ "bm.reg.coefs": [[1, true, 2]] })).toThrow(TypeError);
  });

  it("refuses out-of-domain sheet values instead of computing a wrong number (BALANCE cap, PRICEBAND)", () => {
    const call = (name: string, args: CellArg[], cells: Record<string, CellArg>) => {
      const params = new ParameterStore();
      params.setOverrides(overridesFromCells(cells));
      return invoke(CATALOGUE.find((f) => f.name === name) as FunctionSpec, args, { lang: "en", params });
    };
    expect(unmet(call("BALANCE", [100, 90, 5], { "bm.credit_cap_pct": -1 }), { code: "NUM" })).toBeUndefined();
    expect(unmet(call("BALANCE", [100, 90, 5], { "bm.credit_cap_pct": 101 }), { code: "NUM" })).toBeUndefined();
    expect(call("BALANCE", [100, 90, 50], { "bm.credit_cap_pct": 100 })).toBe(60);
    expect(unmet(call("PRICEBAND", [2027], { "bm.price.upper": -1 }), { code: "NUM" })).toBeUndefined();
    expect(unmet(call("PRICEBAND", [2027, "lower"], { "bm.price.growth_pct": -100 }), { code: "NUM" })).toBeUndefined();
    expect(call("PRICEBAND", [2027], { "bm.price.growth_pct": 0 })).toBe(4300);
  });
});
