/**
 * The audit panel's independent recomputation (src/core/audit, plain doubles) against the core (Decimals)
 * on bad and random input: explain() never throws, and it never shows ✗ where both sides read the input
 * the same way — for every bad input Excel can produce (NaN, ±∞, ragged and empty ranges cannot come
 * from a sheet), and for random well-scaled inputs (a ✗ there is an arithmetic difference: a real bug on
 * one side or the other).
 */
import fc from "fast-check";
import { CATALOGUE, isCalcError, ParameterStore, type CellArg, type CellScalar } from "../../src/core";
import { CHECKED_FUNCTIONS, explain } from "../../src/core/audit";
import { typedArgs } from "./arbitraries";
import { BAD_INPUTS, BASELINE } from "./fixtures";

const ctx = () => ({ lang: "en" as const, params: new ParameterStore() });
const NOT_FROM_EXCEL = new Set(["NaN", "Infinity", "ragged", "emptyRange", "emptyRow"]);

describe("audit on the bad-input catalogue", () => {
  const checked = CATALOGUE.filter((f) => CHECKED_FUNCTIONS.includes(f.name));
  it("covers the functions the audit recomputes", () => {
    expect(checked.length).toBeGreaterThan(15);
  });
  it.each(checked.map((f) => ({ name: f.name, f })))("$name: never ✗ on an input a sheet can hold", ({ f }) => {
    const fails: string[] = [];
    f.args.forEach((a, i) =>
      BAD_INPUTS.filter((b) => !NOT_FROM_EXCEL.has(b.key)).forEach((b) => {
        const args = [...(BASELINE[f.name] ?? [])];
        args[i] = b.value;
        for (const lang of ["ja", "en"] as const) {
          const e = explain(f.name, args, ctx(), lang);
          if (e.check === "fail") fails.push(`${a.name} = ${b.key}: ${e.checkDetail}`);
        }
      }),
    );
    expect(fails).toEqual([]);
  });
  it("never throws, even on inputs no sheet can hold", () => {
    for (const f of CATALOGUE) f.args.forEach((_, i) => BAD_INPUTS.forEach((b) => {
      const args = [...(BASELINE[f.name] ?? [])];
      args[i] = b.value;
      expect(() => explain(f.name, args, ctx(), "ja")).not.toThrow();
    }));
  });
});

/** Numbers of a workbook's scale (1e-6 … 1e9): beyond it the audit's doubles rightly say "not available". */
function tame(a: CellArg): CellArg {
  const t = (c: CellScalar): CellScalar => (typeof c === "number" && (Math.abs(c) > 1e9 || (c !== 0 && Math.abs(c) < 1e-6)) ? 1.5 : c);
  return Array.isArray(a) ? (a as readonly (readonly CellScalar[])[]).map((r) => r.map(t)) : t(a as CellScalar);
}

/** Regression coefficients of a real fit are small; exponents of 100+ in the power form leave the range of doubles. */
function smallCoefs(a: CellArg): CellArg {
  const t = (c: CellScalar): CellScalar => (typeof c === "number" ? (c % 10) - 5 : c);
  return Array.isArray(a) ? (a as readonly (readonly CellScalar[])[]).map((r) => r.map(t)) : t(a as CellScalar);
}

describe("audit against the core on random well-typed input (differential)", () => {
  const checked = CATALOGUE.filter((f) => CHECKED_FUNCTIONS.includes(f.name));
  it.each(checked.map((f) => ({ name: f.name, f })))("$name: ✓ or not available, never ✗", ({ f }) => {
    let compared = 0;
    fc.assert(
      fc.property(typedArgs(f).map((a) => a.map((v, i) => (f.args[i]?.name === "coefs" ? smallCoefs(v) : tame(v)))), (args: CellArg[]) => {
        const e = explain(f.name, args, ctx(), "en");
        if (e.check === "pass") compared++;
        // Two errors at once (a zero cf and ranges of different sizes): which one each side names first is a
        // reading order, not arithmetic; every other ✗ — a value against an error, or two values — fails here.
        const bothErrors = e.independent.errorCode !== undefined && isCalcError(e.core);
        expect([f.name, JSON.stringify(args), e.check === "fail" && !bothErrors ? e.checkDetail : "ok"]).toEqual([f.name, JSON.stringify(args), "ok"]);
      }),
      { numRuns: 200, seed: 9_101 },
    );
    expect(compared).toBeGreaterThan(20);
  });
});
