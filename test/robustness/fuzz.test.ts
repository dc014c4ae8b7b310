/**
 * Issue 9, property-based fuzzing of every catalogue function through invoke (fast-check):
 *  1. wild input — any cell values, ranges (ragged, empty, huge), any number of arguments: the result is a
 *     finite number, text, a boolean, a CalcError with real ja/en messages, or a rectangular matrix of those;
 *     never an exception (an "internal" error is an exception caught by invoke), never NaN or Infinity.
 *     The Excel edge returns the same through the stand-in CustomFunctions.
 *  2. well-typed input — arguments generated from the declarations (numbers near the domain edges, option
 *     lists, equal-length data columns for the range functions) to reach deep into compute; the same sanity,
 *     plus determinism (the same call twice gives the same digits).
 * Run counts keep this file at a few seconds; FUZZ_RUNS=n and FUZZ_SEED=n for a long local run elsewhere.
 */
import fc from "fast-check";
import { CATALOGUE, invoke, isCalcError, ParameterStore, type CellArg, type FinalOutput, type FunctionSpec } from "../../src/core";
import { NATIVE_FUNCTIONS } from "../../src/cli/native/linest";
import { addinContext, callFromExcel } from "../../src/functions/runtime";
import { insane } from "./check";
import { shapesOf, transposed, typedArgs, wildArg } from "./arbitraries";
import { asExcelArg, expectedAtEdge, installCustomFunctions, removeCustomFunctions } from "./excel-standin";

const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 0;
/** Fixed for a reproducible CI run; FUZZ_SEED=n explores elsewhere. */
const SEED = Number(process.env.FUZZ_SEED ?? 0) || 9_001;
/** Heavy functions (100-digit least squares) get fewer runs than the arithmetic ones. */
const runsFor = (fn: FunctionSpec, base: number): number => RUNS || (fn.name === "REGFIT" ? Math.ceil(base / 4) : base);

const ctx = () => ({ lang: "en" as const, params: new ParameterStore() });
const run = (fn: FunctionSpec, args: readonly CellArg[]): FinalOutput => invoke(fn, args, ctx());

function checkEdge(fn: FunctionSpec, args: readonly CellArg[], core: FinalOutput): void {
  const saved = addinContext.lang;
  addinContext.lang = "ja";
  try {
    expect(callFromExcel(fn.name, args.map(asExcelArg))).toStrictEqual(expectedAtEdge(core, "ja"));
  } finally {
    addinContext.lang = saved;
  }
}

beforeAll(installCustomFunctions);
afterAll(removeCustomFunctions);

describe("fuzz: wild input", () => {
  it.each(CATALOGUE.map((fn) => ({ name: fn.name, fn })))("$name", ({ fn }) => {
    fc.assert(
      fc.property(fc.array(wildArg, { maxLength: fn.args.length + 1 }), (args) => {
        const out = run(fn, args);
        expect(insane(out)).toBeUndefined();
        checkEdge(fn, args, out);
      }),
      { numRuns: runsFor(fn, 150), seed: SEED },
    );
  });
});

describe("fuzz: wild input to the engine's native LINEST/LOGEST (same FunctionSpec runner)", () => {
  it.each(NATIVE_FUNCTIONS.map((fn) => ({ name: fn.name, fn })))("$name", ({ fn }) => {
    fc.assert(
      fc.property(fc.array(wildArg, { maxLength: fn.args.length + 1 }), (args) => {
        const out = run(fn, args);
        expect(insane(out)).toBeUndefined();
        if (fn.resultSize && Array.isArray(out)) {
          const s = fn.resultSize(shapesOf(args));
          expect(s.rows >= 1 && s.cols >= 1).toBe(true);
        }
      }),
      { numRuns: runsFor(fn, 150), seed: SEED + 3 },
    );
  });

  it.each(NATIVE_FUNCTIONS.map((fn) => ({ name: fn.name, fn })))("$name, typed: sane, and the declared spill size is the computed one", ({ fn }) => {
    const clean = fc.oneof({ arbitrary: fc.double({ min: 0.001, max: 1e4, noNaN: true }), weight: 5 }, { arbitrary: fc.double({ min: -1e3, max: 1e3, noNaN: true }), weight: 1 });
    const args = fc
      .tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 3 }))
      .chain(([n, k]) =>
        fc.tuple(
          fc.array(clean.map((v) => [v]), { minLength: n, maxLength: n }),
          fc.oneof(fc.array(fc.array(clean, { minLength: k, maxLength: k }), { minLength: n, maxLength: n }), fc.constant(undefined)),
          fc.constantFrom(true, false, undefined),
          fc.constantFrom(true, false, undefined),
        ),
      )
      .map((t): CellArg[] => [...t]);
    let arrays = 0;
    fc.assert(
      fc.property(fc.oneof(args, args.map((a) => a.map(transposed))), (a) => {
        const out = run(fn, a);
        expect(insane(out)).toBeUndefined();
        if (fn.resultSize && Array.isArray(out) && out.flat().some((c) => !isCalcError(c))) {
          arrays++;
          const s = fn.resultSize(shapesOf(a));
          expect({ rows: out.length, cols: out[0]?.length }).toEqual({ rows: s.rows, cols: s.cols });
        }
      }),
      { numRuns: runsFor(fn, 200), seed: SEED + 4 },
    );
    if (fn.resultSize) expect(arrays).toBeGreaterThan(10);
  });
});

describe("fuzz: well-typed input", () => {
  it.each(CATALOGUE.map((fn) => ({ name: fn.name, fn })))("$name", ({ fn }) => {
    let values = 0;
    const ids = new Map<string, number>();
    const numRuns = runsFor(fn, 250);
    fc.assert(
      fc.property(typedArgs(fn), (args) => {
        const out = run(fn, args);
        expect(insane(out)).toBeUndefined();
        expect(JSON.stringify(run(fn, args))).toBe(JSON.stringify(out));
        if (!isCalcError(out)) values++;
        else if (process.env.FUZZ_DEBUG) ids.set(out.id, (ids.get(out.id) ?? 0) + 1);
      }),
      { numRuns, seed: SEED + 1 },
    );
    if (process.env.FUZZ_DEBUG) console.log(fn.name, values, [...ids].sort((x, y) => y[1] - x[1]).slice(0, 6));
    // The generator must reach the computation, not only the argument checks.
    expect(values / numRuns).toBeGreaterThan(0.1);
  });
});

describe("fuzz: spill size declared before computing (resultSize) agrees with the result", () => {
  const sized = CATALOGUE.filter((fn) => fn.resultSize !== undefined);
  it("is declared by the array functions the engine lays out from shapes", () => {
    expect(sized.map((f) => f.name)).toEqual(expect.arrayContaining(["REGFIT", "DECOMPOSE"]));
  });
  it.each(sized.map((fn) => ({ name: fn.name, fn })))("$name: never throws, and equals the size of every computed result", ({ fn }) => {
    const size = fn.resultSize as NonNullable<FunctionSpec["resultSize"]>;
    let computed = 0;
    fc.assert(
      fc.property(fc.oneof(typedArgs(fn), typedArgs(fn).map((a) => a.map(transposed)), fc.array(wildArg, { maxLength: fn.args.length })), (args) => {
        const s = size(shapesOf(args));
        expect(Number.isInteger(s.rows) && s.rows >= 1 && Number.isInteger(s.cols) && s.cols >= 1).toBe(true);
        const out = run(fn, args);
        if (Array.isArray(out)) {
          computed++;
          expect({ rows: out.length, cols: out[0]?.length }).toEqual({ rows: s.rows, cols: s.cols });
        }
      }),
      { numRuns: runsFor(fn, 300), seed: SEED + 2 },
    );
    expect(computed).toBeGreaterThan(5);
  });
});
