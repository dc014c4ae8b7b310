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
import { CATALOGUE, invoke, isCalcError, ParameterStore, type CellArg, type CellScalar, type FinalOutput, type FunctionSpec } from "../../src/core";
import { NATIVE_FUNCTIONS } from "../../src/cli/native/linest";
import { SHIPPED_EDITIONS } from "../../src/core/editions";
import { FUELS } from "../../src/core/emissions/fuels";
import type { ArgShape, ArgSpec } from "../../src/core/spec";
import { addinContext, callFromExcel } from "../../src/functions/runtime";
import { insane } from "./check";
import { asExcelArg, expectedAtEdge, installCustomFunctions, removeCustomFunctions } from "./excel-standin";

const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 0;
/** Fixed for a reproducible CI run; FUZZ_SEED=n explores elsewhere. */
const SEED = Number(process.env.FUZZ_SEED ?? 0) || 9_001;
/** Heavy functions (100-digit least squares) get fewer runs than the arithmetic ones. */
const runsFor = (fn: FunctionSpec, base: number): number => RUNS || (fn.name === "REGFIT" ? Math.ceil(base / 4) : base);

const ctx = () => ({ lang: "en" as const, params: new ParameterStore() });
const run = (fn: FunctionSpec, args: readonly CellArg[]): FinalOutput => invoke(fn, args, ctx());

const SPECIAL_NUMBERS = [0, -0, 1, -1, 0.5, 7.5, 32.5, 50, 100, 365, 2025, 2026, 2030, 1e15, 1e308, -1e308, 1e-308, 5e-324, Number.MAX_SAFE_INTEGER];
const SPECIAL_TEXT = [
  "", " ", "abc", "１２３", "1,234", "1e3", "TRUE", "false", "#N/A", "A重油", "都市ガス", "LPG", "kerosene", "linear", "ｌｉｎｅａｒ", "log",
  "power", "poly2", "poly10", "none", "normal", "opening", "disaster", "count", "activity", "upper", "lower", "floor", "gj", "co2", "lmdi", "simple",
  "bm.final_pct", "bm.reg.coefs", "shk-2024", "shk-h22", "meti-al-2025-10-draft", "jaa-lci", "benchmark", "factors", "lci",
];

const cellArb: fc.Arbitrary<CellScalar> = fc.oneof(
  { arbitrary: fc.double(), weight: 3 },
  { arbitrary: fc.integer({ min: -1000, max: 100000 }), weight: 3 },
  { arbitrary: fc.constantFrom(...SPECIAL_NUMBERS), weight: 3 },
  { arbitrary: fc.constantFrom(...SPECIAL_TEXT), weight: 2 },
  { arbitrary: fc.string({ maxLength: 8 }), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constantFrom(null, undefined, ""), weight: 1 },
  { arbitrary: fc.constantFrom("#REF!", "#N/A", "#DIV/0!", "#VALUE!").map((code) => ({ kind: "CellError" as const, code })), weight: 1 },
);

const rectArb: fc.Arbitrary<CellScalar[][]> = fc
  .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 3 }))
  .chain(([r, c]) => fc.array(fc.array(cellArb, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
const raggedArb: fc.Arbitrary<CellScalar[][]> = fc.array(fc.array(cellArb, { maxLength: 4 }), { maxLength: 5 });

const wildArg: fc.Arbitrary<CellArg> = fc.oneof({ arbitrary: cellArb, weight: 4 }, { arbitrary: rectArb, weight: 3 }, { arbitrary: raggedArb, weight: 1 });

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

/** Numbers near the interesting edges: zero, tiny, huge, negative, years, percentages. */
const numberArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }), weight: 4 },
  { arbitrary: fc.integer({ min: 0, max: 3000 }), weight: 3 },
  { arbitrary: fc.constantFrom(...SPECIAL_NUMBERS), weight: 2 },
  { arbitrary: fc.double({ min: -1e3, max: 0, noNaN: true }), weight: 1 },
);
const nonNegArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }), weight: 6 },
  { arbitrary: fc.integer({ min: 1, max: 3000 }), weight: 3 },
  { arbitrary: fc.constantFrom(...SPECIAL_NUMBERS.filter((x) => x >= 0)), weight: 1 },
);
/** Data cells: mostly clean non-negative numbers; one range in eight also has blanks and negatives. */
const cleanCell: fc.Arbitrary<CellScalar> = nonNegArb;
const roughCell: fc.Arbitrary<CellScalar> = fc.oneof({ arbitrary: numberArb, weight: 6 }, { arbitrary: fc.constant(null), weight: 1 });
const dataCell: fc.Arbitrary<CellScalar> = roughCell;
const STATUSES = ["normal", "none", "opening", "disaster", null, "NONE", "Opening"];

const EDITION_IDS = SHIPPED_EDITIONS.map((e) => e.id);
const PARAM_NAMES = [...new Set(SHIPPED_EDITIONS.flatMap((e) => Object.keys(e.values)))];
const FUEL_NAMES = FUELS.flatMap((f) => [f.key, ...f.aliases.slice(0, 2)]);
const yearArb: fc.Arbitrary<number> = fc.oneof({ arbitrary: fc.integer({ min: 2020, max: 2040 }), weight: 8 }, { arbitrary: numberArb, weight: 1 });
/** Mostly the usual choice, sometimes any of the options (poly10 needs 11 rows, so it is rare on purpose). */
const formArb = (options: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof({ arbitrary: fc.constantFrom("linear", "log", "power", "poly2"), weight: 6 }, { arbitrary: fc.constantFrom(...options), weight: 1 });

/** One argument generated from its declaration; n = data rows, k = regressors, shared by the range arguments. */
function typedArg(fn: FunctionSpec, a: ArgSpec, n: number, k: number): fc.Arbitrary<CellArg> {
  const omit = a.optional || ("default" in a && a.default !== undefined) ? [fc.constant(undefined)] : [];
  const exactly = (len: number, cell: fc.Arbitrary<CellScalar>) => fc.array(cell.map((c) => [c]), { minLength: len, maxLength: len });
  const column = (len: number, cell: fc.Arbitrary<CellScalar>) =>
    cell === dataCell ? fc.oneof({ arbitrary: exactly(len, cleanCell), weight: 7 }, { arbitrary: exactly(len, roughCell), weight: 1 }) : exactly(len, cell);
  const rows = (r: number, c: number, cell: fc.Arbitrary<CellScalar>) => fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r });
  const block = (r: number, c: number) => fc.oneof({ arbitrary: rows(r, c, cleanCell), weight: 7 }, { arbitrary: rows(r, c, roughCell), weight: 1 });
  const often = (arb: fc.Arbitrary<CellArg>) => (omit.length ? fc.oneof({ arbitrary: arb, weight: 6 }, { arbitrary: fc.constant(undefined), weight: 1 }) : arb);
  const orOmit = (arb: fc.Arbitrary<CellArg>) => (omit.length ? fc.oneof({ arbitrary: arb, weight: 3 }, { arbitrary: fc.constant(undefined), weight: 1 }) : arb);
  const key = `${fn.name}.${a.name}`;
  // Arguments whose meaning narrows the useful values: years, names, the regression's coefficients.
  if (/fiscal_year|_fy$/.test(a.name)) return orOmit(yearArb);
  if (a.name === "fuel") return fc.oneof({ arbitrary: fc.constantFrom(...FUEL_NAMES), weight: 8 }, { arbitrary: fc.constantFrom(...SPECIAL_TEXT), weight: 1 });
  if (a.name === "edition") return fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.constantFrom(...EDITION_IDS, "nope"), weight: 1 });
  if (key === "PARAM.name") return fc.oneof({ arbitrary: fc.constantFrom(...PARAM_NAMES), weight: 8 }, { arbitrary: fc.constantFrom(...SPECIAL_TEXT), weight: 1 });
  if (a.name === "form" && a.type === "text") return orOmit(formArb(a.options ?? []));
  if (a.name === "coefs" && a.type === "numbers") return often(fc.oneof(block(1, 2), block(1, 3)));
  if (a.name === "avg_size" || a.name === "avg_charges") return often(nonNegArb);
  if (key === "CORRFACTOR.charges") return fc.oneof(nonNegArb, fc.constant(undefined));
  if (key === "COMPANYCF.charges") return fc.oneof(column(n, dataCell), fc.constant(undefined));
  switch (a.type) {
    case "number":
      return fc.oneof(numberArb, ...omit);
    case "numbers":
      return fc.oneof(numberArb, column(n, dataCell), column(k + 1, dataCell), ...omit);
    case "matrix":
      return block(n, k);
    case "boolean":
      return fc.oneof(fc.boolean(), ...omit);
    case "text":
      return a.options ? fc.oneof(fc.constantFrom(...a.options), ...omit) : fc.oneof(fc.constantFrom(...SPECIAL_TEXT), ...omit);
    case "raw": {
      if (key === "REGFIT.known_x") return block(n, k);
      if (key === "REGFIT.weights") return fc.oneof(column(n, numberArb), fc.constant(undefined));
      if (key === "REGPREDICT.x") return block(1, k);
      if (key === "REGPREDICT.coefs") return fc.oneof(block(1, k + 1), block(5, k + 1), block(1, 3));
      if (key === "BASEACTIVITY.statuses") return fc.oneof(column(n, fc.constantFrom(...STATUSES)), ...omit);
      if (key === "BASEACTIVITY.days") return fc.oneof(numberArb, column(n, dataCell), ...omit);
      return fc.oneof({ arbitrary: column(n, dataCell), weight: 6 }, { arbitrary: numberArb, weight: 1 }, ...omit.map((o) => ({ arbitrary: o, weight: 1 })));
    }
  }
}

function typedArgs(fn: FunctionSpec): fc.Arbitrary<CellArg[]> {
  return fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: fn.name === "REGFIT" ? 3 : 2 }))
    .chain(([n, k]) => fc.tuple(...fn.args.map((a) => typedArg(fn, a, n, k))))
    .map((t) => [...t]);
}

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

/** A range turned on its side (data in a row instead of a column); other values as they are. */
function transposed(a: CellArg): CellArg {
  if (!Array.isArray(a)) return a;
  const m = a as readonly (readonly CellScalar[])[];
  return (m[0] ?? []).map((_, c) => m.map((row) => row[c]));
}

/** The shapes an engine sees: one cell for a value or an omitted argument; trailing omitted ones are absent. */
function shapesOf(args: readonly CellArg[]): ArgShape[] {
  const shapes = args.map((a): ArgShape => (Array.isArray(a) ? { rows: a.length, cols: (a[0] as CellScalar[] | undefined)?.length ?? 0, value: a } : { rows: 1, cols: 1, value: a }));
  while (shapes.length > 0 && args[shapes.length - 1] === undefined) shapes.pop();
  return shapes;
}

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
