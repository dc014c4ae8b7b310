import fc from "fast-check";
import { functionSpec, invoke, ParameterStore, type CellArg, type FinalOutput } from "../../../src/core";
import type { ParamEntry } from "../../../src/core/editions";
import { call, codeOf } from "../../helpers";

const COEFS = [[1, -0.01, -0.05]];

function entry(value: ParamEntry["value"]): ParamEntry {
  return { value, unit: "", source: { document: "test Parameters sheet" }, assumption: false };
}

function callWith(params: ParameterStore, name: string, ...args: CellArg[]): FinalOutput {
  return invoke(functionSpec(name)!, args, { lang: "en", params });
}

function sheetParams(values: Record<string, ParamEntry["value"]>): ParameterStore {
  const p = new ParameterStore();
  p.setOverrides(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, entry(v)])));
  return p;
}

describe("CORRFACTOR", () => {
  it("is f(avg) / f(own) with explicit coefficients (linear default)", () => {
    // f = 1 − 0.01·size − 0.05·charges; f(20,3) = 0.65, f(10,2) = 0.8
    expect(call("CORRFACTOR", 10, 2, COEFS, 20, 3)).toBe(0.8125);
    expect(call("CORRFACTOR", 10, 2, COEFS, 20, 3, "linear")).toBe(0.8125);
  });
  it("supports log, power and polynomial forms and one regressor", () => {
    // power: f = exp(b0)·s^b1·c^b2 → CF = (20/10)^-0.3 · (3/2)^-0.2
    const p = call("CORRFACTOR", 10, 2, [[0.5, -0.3, -0.2]], 20, 3, "power") as number;
    expect(p).toBeCloseTo(Math.pow(2, -0.3) * Math.pow(1.5, -0.2), 14);
    const l = call("CORRFACTOR", 10, 2, [[2, -0.3, -0.2]], 20, 3, "log") as number;
    expect(l).toBeCloseTo((2 - 0.3 * Math.log(20) - 0.2 * Math.log(3)) / (2 - 0.3 * Math.log(10) - 0.2 * Math.log(2)), 14);
    // one regressor: charges blank, avg_charges ignored
    expect(call("CORRFACTOR", 10, null, [[1, -0.01]], 20)).toBeCloseTo(0.8 / 0.9, 15);
    expect(call("CORRFACTOR", 2, null, [[1, 0.5, 0.25]], 1, null, "poly2")).toBe(1.75 / 3);
  });
  it("reads omitted coefficients, averages and form from the active parameter set", () => {
    const params = sheetParams({ "bm.reg.coefs": [1, -0.01, -0.05], "bm.reg.avg_size": 20, "bm.reg.avg_charges": 3 });
    expect(callWith(params, "CORRFACTOR", 10, 2)).toBe(0.8125);
    const power = sheetParams({ "bm.reg.coefs": [0.5, -0.3, -0.2], "bm.reg.avg_size": 20, "bm.reg.avg_charges": 3, "bm.reg.form": "power" });
    expect(callWith(power, "CORRFACTOR", 10, 2)).toBeCloseTo(Math.pow(2, -0.3) * Math.pow(1.5, -0.2), 14);
    // an explicit argument wins over the parameter
    expect(callWith(params, "CORRFACTOR", 10, 2, null, 10, 2)).toBe(1);
  });
  it("is #N/A naming the parameters when the regression is not set (the shipped draft publishes none)", () => {
    const r = call("CORRFACTOR", 10, 2);
    expect(codeOf(r)).toBe("NA");
    expect(JSON.stringify(r)).toContain("bm.reg.coefs");
    expect(codeOf(call("CORRFACTOR", 10, 2, COEFS, 20))).toBe("NA"); // avg_charges missing
    expect(codeOf(callWith(sheetParams({ "bm.reg.coefs": "abc" }), "CORRFACTOR", 10, 2, null, 20, 3))).toBe("VALUE");
  });
  it("answers bad input with the right error", () => {
    expect(codeOf(call("CORRFACTOR", null, 2, COEFS, 20, 3))).toBe("VALUE");
    expect(codeOf(call("CORRFACTOR", "10", 2, COEFS, 20, 3))).toBe("VALUE");
    expect(codeOf(call("CORRFACTOR", -1, 2, COEFS, 20, 3))).toBe("NUM");
    expect(codeOf(call("CORRFACTOR", 10, 2, COEFS, -20, 3))).toBe("NUM");
    expect(codeOf(call("CORRFACTOR", 10, 2, COEFS, 20, 3, "cubic"))).toBe("VALUE");
    expect(codeOf(call("CORRFACTOR", 10, 2, [[1, 2]], 20, 3))).toBe("VALUE"); // coefficient count
    expect(codeOf(call("CORRFACTOR", 100, 2, COEFS, 20, 3))).toBe("NUM"); // f(own) ≤ 0
    expect(codeOf(call("CORRFACTOR", 0, 2, [[1, 1, 1]], 20, 3, "log"))).toBe("NUM"); // ln 0
  });
  it("property: CF = 1 at the industry average, for every form", () => {
    const forms = ["linear", "log", "power", "poly2", "poly3", "poly5", "poly10"];
    fc.assert(
      fc.property(
        fc.constantFrom(...forms),
        fc.integer({ min: 50, max: 100 }),
        fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 10, maxLength: 10 }),
        fc.integer({ min: 5, max: 200 }),
        fc.integer({ min: 1, max: 40 }),
        (form, b0, slopes, s10, c10) => {
          const poly = form.startsWith("poly");
          const deg = poly ? Number(form.slice(4)) : 2;
          const coefs = [b0, ...slopes.slice(0, deg).map((b) => b / 1000)];
          const size = poly ? s10 / 100 : s10 / 10; // poly: x in [0.05, 2]
          const charges = poly ? null : c10 / 10;
          const r = call("CORRFACTOR", size, charges, [coefs], size, charges, form);
          expect(r).toBe(1);
        },
      ),
    );
  });
});

describe("COMPANYCF", () => {
  it("is the emission-weighted mean of the furnaces' CFs", () => {
    // CFs 0.8125 and 1, weights 100 and 300
    expect(call("COMPANYCF", [[10, 20]], [[2, 3]], [[100, 300]], COEFS, 20, 3)).toBe(0.953125);
    expect(call("COMPANYCF", [[10], [20]], [[2], [3]], [[100], [300]], COEFS, 20, 3)).toBe(0.953125);
  });
  it("uses one regressor when charges is omitted, and reads parameters", () => {
    expect(call("COMPANYCF", [[10, 20]], null, [[1, 1]], [[1, -0.01]], 20)).toBeCloseTo((0.8 / 0.9 + 1) / 2, 15);
    const params = sheetParams({ "bm.reg.coefs": [1, -0.01, -0.05], "bm.reg.avg_size": 20, "bm.reg.avg_charges": 3 });
    expect(callWith(params, "COMPANYCF", [[10, 20]], [[2, 3]], [[100, 300]])).toBe(0.953125);
    expect(codeOf(call("COMPANYCF", [[10, 20]], [[2, 3]], [[100, 300]]))).toBe("NA");
    expect(call("COMPANYCF", [[10, 20]], [[null]], [[1, 1]], [[1, -0.01]], 20)).toBeCloseTo((0.8 / 0.9 + 1) / 2, 15);
  });
  it("skips wholly blank furnace rows, rejects partly blank ones", () => {
    expect(call("COMPANYCF", [[10, 20, null]], [[2, 3, null]], [[100, 300, null]], COEFS, 20, 3)).toBe(0.953125);
    expect(codeOf(call("COMPANYCF", [[10, 20, null]], [[2, 3, 4]], [[100, 300, 5]], COEFS, 20, 3))).toBe("VALUE");
  });
  it("answers bad input with the right error", () => {
    expect(codeOf(call("COMPANYCF", [[10, 20]], [[2, 3, 4]], [[100, 300]], COEFS, 20, 3))).toBe("VALUE");
    expect(codeOf(call("COMPANYCF", [[10, 20]], [[2, 3]], [[100]], COEFS, 20, 3))).toBe("VALUE");
    expect(codeOf(call("COMPANYCF", [[10, 20]], [[2, 3]], [[0, 0]], COEFS, 20, 3))).toBe("DIV0");
    expect(codeOf(call("COMPANYCF", [[10, 20]], [[2, 3]], [[100, -1]], COEFS, 20, 3))).toBe("NUM");
    expect(codeOf(call("COMPANYCF", [[10, "x"]], [[2, 3]], [[100, 1]], COEFS, 20, 3))).toBe("VALUE");
    expect(codeOf(call("COMPANYCF", null, [[2, 3]], [[100, 1]], COEFS, 20, 3))).toBe("VALUE");
    expect(codeOf(call("COMPANYCF", [[null]], [[null]], [[null]], COEFS, 20, 3))).toBe("NUM");
  });
  it("property: one furnace gives its own CF; the company factor lies between the furnaces' CFs", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ s: fc.integer({ min: 1, max: 60 }), c: fc.integer({ min: 1, max: 10 }), e: fc.integer({ min: 1, max: 10000 }) }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom("linear", "log", "power"),
        (rows, form) => {
          const coefs = form === "linear" ? [[2, -0.01, -0.05]] : [[3, -0.2, -0.1]];
          const cfs = rows.map((r) => call("CORRFACTOR", r.s, r.c, coefs, 20, 3, form) as number);
          const one = call("COMPANYCF", [[rows[0]!.s]], [[rows[0]!.c]], [[rows[0]!.e]], coefs, 20, 3, form) as number;
          expect(Math.abs(one - cfs[0]!) / cfs[0]!).toBeLessThan(1e-14);
          const all = call("COMPANYCF", [rows.map((r) => r.s)], [rows.map((r) => r.c)], [rows.map((r) => r.e)], coefs, 20, 3, form) as number;
          expect(all).toBeGreaterThanOrEqual(Math.min(...cfs) * (1 - 1e-14));
          expect(all).toBeLessThanOrEqual(Math.max(...cfs) * (1 + 1e-14));
        },
      ),
    );
  });
});

describe("UPINTENSITY", () => {
  it("is emissions ÷ semi-product production × cf", () => {
    expect(call("UPINTENSITY", 100, 50, 1.1)).toBe(2.2);
    expect(call("UPINTENSITY", 0.3, 0.1, 1)).toBe(3);
  });
  it("answers bad input with the right error", () => {
    expect(codeOf(call("UPINTENSITY", 100, 0, 1))).toBe("DIV0");
    expect(codeOf(call("UPINTENSITY", 100, -5, 1))).toBe("NUM");
    expect(codeOf(call("UPINTENSITY", 100, 5, 0))).toBe("NUM");
    expect(codeOf(call("UPINTENSITY", 100, 5, -1))).toBe("NUM");
    expect(codeOf(call("UPINTENSITY", 100, 5))).toBe("VALUE");
    expect(codeOf(call("UPINTENSITY", "１００", 5, 1))).toBe("VALUE");
  });
});

describe("CORRFACTOR power form, fused route (docs/decisions/109-corrfactor-power-fused.md)", () => {
  const ctx = { lang: "en" as const, params: new ParameterStore() };
  it("equals the unfused 40-digit f(avg) ÷ f(x) within 1e-30 relative, and the same double", async () => {
    const { D } = await import("../../../src/core/decimal");
    const { corrFactor, fAverage, resolveRegression } = await import("../../../src/core/benchmark/correction");
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e4, noNaN: true }),
        fc.double({ min: 1e-6, max: 50, noNaN: true }),
        (b, as, ac, s, c) => {
          const reg = resolveRegression(ctx, true, b.map((v) => new D(v)), new D(as), new D(ac), "power");
          const x = [new D(s), new D(c)];
          const fused = corrFactor(reg, x);
          const unfused = corrFactor(reg, x, fAverage(reg));
          expect(fused.sub(unfused).abs().div(unfused).lt("1e-30")).toBe(true);
          expect(Number(fused.toString())).toBe(Number(unfused.toString()));
        },
      ),
    );
  });
  it("is exactly 1 at the average; errors and huge exponents go the unfused way", () => {
    expect(call("CORRFACTOR", 35, 0.55, [[-0.35, -0.18, -0.22]], 35, 0.55, "power")).toBe(1);
    expect(codeOf(call("CORRFACTOR", 0, 0.5, [[-0.35, -0.18, -0.22]], 35, 0.55, "power"))).toBe("NUM"); // ln 0
    expect(codeOf(call("CORRFACTOR", 10, 0.5, [[-0.35, -0.18]], 35, 0.55, "power"))).toBe("VALUE"); // coefficient count
    // b0 = 1e6 leaves the fused range (exp(1e6) goes through decimal.js); the unfused route gives the same CF.
    const big = call("CORRFACTOR", 10, 2, [[1e6, -0.3, -0.2]], 20, 3, "power") as number;
    expect(big).toBeCloseTo(Math.pow(2, -0.3) * Math.pow(1.5, -0.2), 13);
  });
});
