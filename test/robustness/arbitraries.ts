/** fast-check generators shared by the robustness fuzz tests: wild cells and ranges, and arguments typed from a function's declarations. */
import fc from "fast-check";
import type { CellArg, CellScalar, FunctionSpec } from "../../src/core";
import { SHIPPED_EDITIONS } from "../../src/core/editions";
import { FUELS } from "../../src/core/emissions/fuels";
import type { ArgShape, ArgSpec } from "../../src/core/spec";

export const SPECIAL_NUMBERS = [0, -0, 1, -1, 0.5, 7.5, 32.5, 50, 100, 365, 2025, 2026, 2030, 1e15, 1e308, -1e308, 1e-308, 5e-324, Number.MAX_SAFE_INTEGER];
export const SPECIAL_TEXT = [
  "", " ", "abc", "１２３", "1,234", "1e3", "TRUE", "false", "#N/A", "A重油", "都市ガス", "LPG", "kerosene", "linear", "ｌｉｎｅａｒ", "log",
  "power", "poly2", "poly10", "none", "normal", "opening", "disaster", "count", "activity", "upper", "lower", "floor", "gj", "co2", "lmdi", "simple",
  "bm.final_pct", "bm.reg.coefs", "shk-2024", "shk-h22", "meti-al-2025-10-draft", "jaa-lci", "benchmark", "factors", "lci",
];

export const cellArb: fc.Arbitrary<CellScalar> = fc.oneof(
  { arbitrary: fc.double(), weight: 3 },
  { arbitrary: fc.integer({ min: -1000, max: 100000 }), weight: 3 },
  { arbitrary: fc.constantFrom(...SPECIAL_NUMBERS), weight: 3 },
  { arbitrary: fc.constantFrom(...SPECIAL_TEXT), weight: 2 },
  { arbitrary: fc.string({ maxLength: 8 }), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constantFrom(null, undefined, ""), weight: 1 },
  { arbitrary: fc.constantFrom("#REF!", "#N/A", "#DIV/0!", "#VALUE!").map((code) => ({ kind: "CellError" as const, code })), weight: 1 },
);

export const rectArb: fc.Arbitrary<CellScalar[][]> = fc
  .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 3 }))
  .chain(([r, c]) => fc.array(fc.array(cellArb, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
export const raggedArb: fc.Arbitrary<CellScalar[][]> = fc.array(fc.array(cellArb, { maxLength: 4 }), { maxLength: 5 });

export const wildArg: fc.Arbitrary<CellArg> = fc.oneof({ arbitrary: cellArb, weight: 4 }, { arbitrary: rectArb, weight: 3 }, { arbitrary: raggedArb, weight: 1 });

/** Numbers near the interesting edges: zero, tiny, huge, negative, years, percentages. */
export const numberArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }), weight: 4 },
  { arbitrary: fc.integer({ min: 0, max: 3000 }), weight: 3 },
  { arbitrary: fc.constantFrom(...SPECIAL_NUMBERS), weight: 2 },
  { arbitrary: fc.double({ min: -1e3, max: 0, noNaN: true }), weight: 1 },
);
export const nonNegArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }), weight: 6 },
  { arbitrary: fc.integer({ min: 1, max: 3000 }), weight: 3 },
  { arbitrary: fc.constantFrom(...SPECIAL_NUMBERS.filter((x) => x >= 0)), weight: 1 },
);
/** Data cells: mostly clean non-negative numbers; one range in eight also has blanks and negatives. */
export const cleanCell: fc.Arbitrary<CellScalar> = nonNegArb;
export const roughCell: fc.Arbitrary<CellScalar> = fc.oneof({ arbitrary: numberArb, weight: 6 }, { arbitrary: fc.constant(null), weight: 1 });
export const dataCell: fc.Arbitrary<CellScalar> = roughCell;
export const STATUSES = ["normal", "none", "opening", "disaster", null, "NONE", "Opening"];

export const EDITION_IDS = SHIPPED_EDITIONS.map((e) => e.id);
export const PARAM_NAMES = [...new Set(SHIPPED_EDITIONS.flatMap((e) => Object.keys(e.values)))];
export const FUEL_NAMES = FUELS.flatMap((f) => [f.key, ...f.aliases.slice(0, 2)]);
export const yearArb: fc.Arbitrary<number> = fc.oneof({ arbitrary: fc.integer({ min: 2020, max: 2040 }), weight: 8 }, { arbitrary: numberArb, weight: 1 });
/** Mostly the usual choice, sometimes any of the options (poly10 needs 11 rows, so it is rare on purpose). */
export const formArb = (options: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof({ arbitrary: fc.constantFrom("linear", "log", "power", "poly2"), weight: 6 }, { arbitrary: fc.constantFrom(...options), weight: 1 });

/** One argument generated from its declaration; n = data rows, k = regressors, shared by the range arguments. */
export function typedArg(fn: FunctionSpec, a: ArgSpec, n: number, k: number): fc.Arbitrary<CellArg> {
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

export function typedArgs(fn: FunctionSpec): fc.Arbitrary<CellArg[]> {
  return fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: fn.name === "REGFIT" ? 3 : 2 }))
    .chain(([n, k]) => fc.tuple(...fn.args.map((a) => typedArg(fn, a, n, k))))
    .map((t) => [...t]);
}

/** A range turned on its side (data in a row instead of a column); other values as they are. */
export function transposed(a: CellArg): CellArg {
  if (!Array.isArray(a)) return a;
  const m = a as readonly (readonly CellScalar[])[];
  return (m[0] ?? []).map((_, c) => m.map((row) => row[c]));
}

/** The shapes an engine sees: one cell for a value or an omitted argument; trailing omitted ones are absent. */
export function shapesOf(args: readonly CellArg[]): ArgShape[] {
  const shapes = args.map((a): ArgShape => (Array.isArray(a) ? { rows: a.length, cols: (a[0] as CellScalar[] | undefined)?.length ?? 0, value: a } : { rows: 1, cols: 1, value: a }));
  while (shapes.length > 0 && args[shapes.length - 1] === undefined) shapes.pop();
  return shapes;
}
