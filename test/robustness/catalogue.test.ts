/**
 * Issue 9, the bad-input catalogue: every function of the catalogue × every argument position × every bad
 * input of fixtures.ts, through the core (`invoke`) and through the Excel edge (`callFromExcel` with a
 * stand-in CustomFunctions global, in ja and en). Expectations come from the argument declarations
 * (expectations.ts); the explicit table below adds the paired-range and SPEC-specific cases.
 */
import { CATALOGUE, functionSpec, invoke, isCalcError, ParameterStore, type CellArg, type ErrorCode, type FinalOutput } from "../../src/core";
import { addinContext, callFromExcel } from "../../src/functions/runtime";
import { unmet } from "./check";
import { asExcelArg, expectedAtEdge, installCustomFunctions, removeCustomFunctions } from "./excel-standin";
import { expectationFor, type Expect } from "./expectations";
import { BAD_INPUTS, BASELINE } from "./fixtures";

function run(name: string, args: readonly CellArg[]): FinalOutput {
  const spec = functionSpec(name);
  if (!spec) throw new Error(`no function ${name}`);
  return invoke(spec, args, { lang: "en", params: new ParameterStore() });
}

/** The Excel edge answers exactly what the core answers, errors as CustomFunctions.Error with the message. */
function checkEdge(name: string, args: readonly CellArg[], core: FinalOutput): void {
  const saved = addinContext.lang;
  try {
    for (const lang of ["ja", "en"] as const) {
      addinContext.lang = lang;
      const edge: unknown = callFromExcel(name, args.map(asExcelArg));
      expect(edge).toStrictEqual(expectedAtEdge(core, lang));
    }
  } finally {
    addinContext.lang = saved;
  }
}

beforeAll(installCustomFunctions);
afterAll(removeCustomFunctions);

describe("bad-input catalogue", () => {
  it("covers every catalogue function with a baseline call that succeeds", () => {
    expect(Object.keys(BASELINE).sort()).toEqual(CATALOGUE.map((f) => f.name).sort());
    for (const f of CATALOGUE) {
      const out = run(f.name, BASELINE[f.name] ?? []);
      expect([f.name, unmet(out, "ok")]).toEqual([f.name, undefined]);
    }
  });

  for (const fn of CATALOGUE) {
    describe(fn.name, () => {
      const base = BASELINE[fn.name] ?? [];
      const cases = fn.args.flatMap((a, i) => BAD_INPUTS.map((b) => ({ i, arg: a.name, input: b.key, value: b.value })));
      it.each(cases)("$arg = $input", ({ i, input, value }) => {
        const args = [...base];
        args[i] = value;
        const want = expectationFor(fn, i, input);
        const out = run(fn.name, args);
        let same: FinalOutput | undefined;
        if (typeof want === "object" && "same" in want) {
          const plain = [...base];
          plain[i] = want.same;
          same = run(fn.name, plain);
        }
        expect(unmet(out, want, same)).toBeUndefined();
        checkEdge(fn.name, args, out);
      });
    });
  }
});

const E = (code: ErrorCode): Expect => ({ code });
const col = (...v: (number | string | null)[]): (number | string | null)[][] => v.map((x) => [x]);
const row = (...v: (number | string | null)[]): (number | string | null)[][] => [v];

/** Mismatched range sizes, 1×1 ranges where a vector is expected, and the domain rules SPEC 3 spells out. */
const EXPLICIT: readonly (readonly [string, readonly CellArg[], Expect | number])[] = [
  // mismatched range sizes → #VALUE!
  ["REGFIT", [col(1, 2, 3, 4, 5), col(1, 2, 3, 4)], E("VALUE")],
  ["REGFIT", [col(1, 2, 3, 4, 5), col(1, 2, 3, 4, 6), "linear", col(1, 1)], E("VALUE")],
  ["REGPREDICT", [row(1, 2), row(1, 2)], E("VALUE")],
  ["COMPANYCF", [col(10, 12), null, col(100, 200, 300), row(1, 0.1), 12], E("VALUE")],
  ["COMPANYCF", [col(10, 12), col(5), col(100, 200), row(1, 0.1, 0.2), 12, 6], E("VALUE")],
  ["TARGET", [col(1, 2, 3, 4), 50, col(10, 20, 30)], E("VALUE")],
  ["BASEACTIVITY", [row(100, 110, 120), row("normal", "normal")], E("VALUE")],
  ["BASEACTIVITY", [row(100, 110, 120), row("normal", "none", "opening"), row(200, 100)], E("VALUE")],
  ["ALLOWANCE", [row(10, 20), row(1, 2, 3), 1, 5, 200], E("VALUE")],
  ["ALLOWANCE.UP", [row(10, 20), row(1, 2, 3), 1], E("VALUE")],
  ["ALLOWANCE.DOWN", [row(10, 20), row(1, 2, 3)], E("VALUE")],
  ["WAVG", [row(1, 2, 3), row(1, 2)], E("VALUE")],
  // 1×1 ranges where a vector is expected: a one-entry vector
  ["REGFIT", [[[1]], [[1]]], E("NUM")],
  ["REGPREDICT", [[[2]], row(1, 0.5)], 2],
  ["TARGET", [[[5]], 50], 5],
  ["TARGET", [[[5]], 50, [[10]]], 5],
  ["BASEACTIVITY", [[[5]]], 5],
  ["WAVG", [[[5]], [[2]]], 5],
  ["ALLOWANCE.DOWN", [[[5]], [[200]]], 1000],
  ["COMPANYCF", [[[10]], null, [[100]], row(1, 0.1), 12], 2.2 / 2],
  // empty data: empty fit / fewer than one intensity / no usable year / zero total weight
  ["REGFIT", [[[null]], [[null]]], E("NUM")],
  ["TARGET", [[[null]], 50], E("NUM")],
  ["BASEACTIVITY", [row(null, null, null)], E("NA")],
  ["BASEACTIVITY", [row(1, 2, 3), row("none", "none", "none")], E("NA")],
  ["BASEACTIVITY", [row(1, 2, 3), row("disaster", "normal", "normal")], E("NA")],
  ["ALLOWANCE", [[], 100, 1.1, 5, 200], E("NUM")],
  ["ALLOWANCE.DOWN", [[[]], [[1]]], E("NUM")],
  ["WAVG", [row(1, 2), row(0, 0)], E("DIV0")],
  ["WAVG", [[], []], E("DIV0")],
  // SPEC 3 domain rules
  ["INTENSITY", [1, 0], E("DIV0")],
  ["INTENSITY", [1, -1], E("NUM")],
  ["INTENSITY", [1, 2, 3], E("VALUE")],
  ["REGFIT", [col(1, 2, 3), col(0, 1, 2), "log"], E("NUM")],
  ["REGFIT", [col(-1, 2, 3), col(1, 2, 3), "power"], E("NUM")],
  ["REGFIT", [col(1, 2, 3), col(1, 1, 1)], E("NUM")],
  ["REGFIT", [col(1, 2, 3), col(1, 2, 3), "linear", col(-1, 1, 1)], E("NUM")],
  ["REGFIT", [col(1, 2, 3), col(1, 2, 3), "linear", col(0, 0, 0)], E("NUM")],
  ["REGFIT", [col(1, null, 3), col(1, 2, 3)], E("VALUE")],
  ["REGFIT", [col(1, 2, 3), col(1, 2, 3), "poly10"], E("NUM")],
  ["REGPREDICT", [[[0]], row(1, 2), "log"], E("NUM")],
  ["CORRFACTOR", [10, 5], E("NA")],
  ["CORRFACTOR", [10, null, row(-10, 1), 12], E("NUM")],
  ["COMPANYCF", [col(10, 12), null, col(0, 0), row(1, 0.1), 12], E("DIV0")],
  ["UPINTENSITY", [1, 1, 0], E("NUM")],
  ["TARGET", [col(1, 2, 3), 101], E("NUM")],
  ["TARGET", [col(1, 2, 3), -0.5], E("NUM")],
  ["BASEACTIVITY", [row(100, 110, 120), row("normal", "normal", "opening"), 0.5], E("NUM")],
  ["BASEACTIVITY", [row(100, 110, 120), row("normal", "normal", "opening"), 1e-308], E("NUM")],
  ["BASEACTIVITY", [row(100, 110, 120), row("normal", "normal", "opening"), 1], 120 * 365],
  ["BMPATH", [10, 8, 2031], E("NA")],
  ["BMPATH", [10, 8, 2024], E("NA")],
  ["BMPATH", [10, 8, 2027.5], E("NUM")],
  ["BMPATH", [10, 8, 2027, 2030, 2025], E("NUM")],
  ["ALLOWANCE", [10, 100, 0, 5, 200], E("DIV0")],
  ["ALLOWANCE", [10, 100, -1, 5, 200], E("NUM")],
  ["PRICEBAND", [2025], E("NA")],
  ["PARAM", ["no.such.parameter"], E("NA")],
  ["PARAM", ["bm.final_pct", "no-such-edition"], E("NA")],
  ["EDITION", ["nonsense"], E("VALUE")],
  ["FUELCO2", [1, "重油"], E("NA")],
  ["FUELCO2", [1, "都市ガス", "shk-h22"], E("NA")],
  ["FACTOR", ["A重油", "kg"], E("VALUE")],
  ["CHANGERATE", [1, 0], E("DIV0")],
  ["PROGRESS", [100, 90, 100], E("DIV0")],
  ["COVERAGE", [1, 0], E("DIV0")],
  ["COVERAGE", [10, 20, 20], E("DIV0")],
  ["COVERAGE", [10, 20, 30], E("NUM")],
  ["DECOMPOSE", [0, 40, 80, 200, 80, 160], E("NUM")],
  ["DECOMPOSE", [100, 40, 0, 200, 80, 160, "simple"], E("DIV0")],
  ["ROLLINGQTY", [100, 200, 0.4, 0.25, 0], E("DIV0")],
  ["ROLLINGQTY", [100, 200, 0.4, 0, 1], E("NUM")],
  ["ROLLINGQTY", [100, 200, 1.5, 0.25, 1], E("NUM")],
  ["BALANCE", [100, -1], E("NUM")],
  ["RECYCLEDSAVING", [-1], E("NUM")],
  // overflow is #NUM!, never Infinity
  ["FUELCO2", [1e308, "A重油"], E("NUM")],
  ["INTENSITY", [10, 1e-308], E("NUM")],
  ["ALLOWANCE.UP", [row(1e308, 1e308), row(1, 1), 1], E("NUM")],
  ["PRICEBAND", [1e15], E("NUM")],
];

describe("explicit cases (mismatched sizes, 1×1 vectors, SPEC 3 domains)", () => {
  it.each(EXPLICIT.map(([name, args, want], k) => ({ k, name, args, want })))("#$k $name", ({ name, args, want }) => {
    const out = run(name, args);
    if (typeof want === "number") {
      expect(isCalcError(out)).toBe(false);
      expect(out).toBeCloseTo(want, 12);
    } else expect(unmet(out, want)).toBeUndefined();
    checkEdge(name, args, out);
  });
});
