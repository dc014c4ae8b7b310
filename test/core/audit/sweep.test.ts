/**
 * Properties of the audit: on arbitrary (often bad) inputs explain() never throws and never shows ✗ —
 * a ✗ is kept for arithmetic that differs — and on valid random inputs the covered functions show ✓.
 */
import fc from "fast-check";
import { CHECKED_FUNCTIONS, explain } from "../../../src/core/audit";
import { functionSpec, ParameterStore, type CellArg } from "../../../src/core";
import type { ParamEntry } from "../../../src/core/editions";

const entry = (value: ParamEntry["value"]): ParamEntry => ({ value, unit: "", assumption: false, source: { document: "test" } });
const params = new ParameterStore();
params.setOverrides({ "bm.reg.coefs": entry([1, 0.1, 0.2]), "bm.reg.avg_size": entry(20), "bm.reg.avg_charges": entry(3) });
const ctx = { lang: "en" as const, params };

const odd = fc.oneof(
  fc.constantFrom<CellArg>(null, "", 0, -1, 1, 2, 0.5, 100, 2027, 2031, 1e308, -1e-300, 5e-324, "1,234", "１２", "abc", true, false, "linear", "power", "poly2", "none", "opening", "disaster", "floor", "round", "count", "activity", "simple", "A重油", "kerosene", "upper", { kind: "CellError", code: "#N/A" }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
);
const range = fc.array(fc.array(odd, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((r) => r as CellArg);
const arg = fc.oneof(odd, odd, range, fc.constant(undefined as CellArg));

describe("explain on arbitrary inputs", () => {
  it.each(CHECKED_FUNCTIONS.map((f) => [f]))("%s: never throws, never ✗", (name) => {
    const k = (functionSpec(name)?.args.length ?? 0) + 1;
    fc.assert(
      fc.property(fc.array(arg, { minLength: k - 1, maxLength: k }), (args) => {
        const ex = explain(name, args, ctx, "en");
        return ex.check !== "fail";
      }),
      { numRuns: 400 },
    );
  });
});

describe("explain on valid random inputs: ✓", () => {
  const pos = fc.double({ min: 0.001, max: 1e6, noNaN: true });
  const cases: [string, fc.Arbitrary<CellArg[]>][] = [
    ["INTENSITY", fc.tuple(pos, pos)],
    ["CORRFACTOR", fc.tuple(fc.double({ min: 1, max: 100, noNaN: true }), fc.double({ min: 0.1, max: 5, noNaN: true }))],
    ["UPINTENSITY", fc.tuple(pos, pos, fc.double({ min: 0.5, max: 2, noNaN: true }))],
    ["ALLOWANCE", fc.tuple(pos, pos, fc.double({ min: 0.5, max: 2, noNaN: true }), pos, pos)],
    ["BALANCE", fc.tuple(pos, pos, pos)],
    ["CHANGERATE", fc.tuple(pos, pos)],
    ["BMPATH", fc.tuple(pos, pos, fc.integer({ min: 2025, max: 2030 }))],
    ["COMPANYCF", fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: n, maxLength: n }), fc.array(fc.double({ min: 0.1, max: 5, noNaN: true }), { minLength: n, maxLength: n }), fc.array(pos, { minLength: n, maxLength: n })).map(([s, c, e]) => [s.map((x) => [x]), c.map((x) => [x]), e.map((x) => [x])] as CellArg[]))],
    ["TARGET", fc.array(pos, { minLength: 1, maxLength: 12 }).chain((xs) => fc.tuple(fc.constant(xs.map((x) => [x]) as CellArg), fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0.01, max: 100, noNaN: true }))))],
  ];
  it.each(cases)("%s", (name, gen) => {
    fc.assert(
      fc.property(gen, (args) => {
        const ex = explain(name, args, ctx, "en");
        return ex.check === "pass";
      }),
      { numRuns: 300 },
    );
  });
});
