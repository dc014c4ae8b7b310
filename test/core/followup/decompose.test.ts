import fc from "fast-check";
import { D } from "../../../src/core/decimal";
import { decomposeLmdi, decomposeSimple, logMean } from "../../../src/core/followup/decompose";
import { isCalcError } from "../../../src/core/errors";
import { call, codeOf } from "../../helpers";

function row(v: unknown): [number, number, number, number] {
  if (!Array.isArray(v)) throw new Error(`not an array: ${JSON.stringify(v)}`);
  expect(v).toHaveLength(1);
  expect(v[0]).toHaveLength(4);
  return v[0] as [number, number, number, number];
}

const LN2 = 0.6931471805599453;

describe("DECOMPOSE (lmdi, the default)", () => {
  it("matches a hand computation (L(190, 200) = −10 / ln 0.95)", () => {
    // A 100 → 110, E 50 → 52, C 200 → 190. L/C0 = (−10 / ln 0.95) / 200;
    // effects: L/C0 × ln 1.1, L/C0 × ln((190/52)/(200/50)), L/C0 × ln((52/110)/(50/100)); total −0.05.
    const r = row(call("DECOMPOSE", 100, 50, 200, 110, 52, 190));
    const w = -10 / Math.log(0.95) / 200;
    expect(r[0]).toBeCloseTo(w * Math.log(1.1), 14);
    expect(r[1]).toBeCloseTo(w * Math.log(190 / 52 / 4), 14);
    expect(r[2]).toBeCloseTo(w * Math.log(52 / 110 / 0.5), 14);
    expect(r[3]).toBe(-0.05);
    // the 40-digit values (independently computed at 50 digits)
    expect(r).toEqual([0.09290705631441927, -0.088231813360384, -0.05467524295403525, -0.05]);
    expect(row(call("DECOMPOSE", 100, 50, 200, 110, 52, 190, "lmdi"))).toEqual(r);
    expect(row(call("DECOMPOSE", 100, 50, 200, 110, 52, 190, "LMDI"))).toEqual(r);
  });
  it("uses L(a, a) = a when CO2 does not change", () => {
    // activity doubles, CO2 per energy halves: L = C0, effects ln 2, −ln 2, 0; total 0.
    expect(row(call("DECOMPOSE", 100, 100, 100, 200, 200, 100))).toEqual([LN2, -LN2, 0, 0]);
  });
  it("puts a pure activity change wholly into the activity effect", () => {
    expect(row(call("DECOMPOSE", 100, 40, 80, 200, 80, 160))).toEqual([1, 0, 0, 1]);
    expect(row(call("DECOMPOSE", 100, 40, 80, 100, 40, 80))).toEqual([0, 0, 0, 0]);
  });
  it("adds up exactly to the total (in Decimal) and within doubles", () => {
    const pos = fc.integer({ min: 1, max: 10 ** 9 });
    fc.assert(
      fc.property(pos, pos, pos, pos, pos, pos, (a0, e0, c0, a1, e1, c1) => {
        const [x, y, z, t] = decomposeLmdi({ activity: new D(a0), energy: new D(e0), co2: new D(c0) }, { activity: new D(a1), energy: new D(e1), co2: new D(c1) });
        expect(x.plus(y).plus(z).minus(t).abs().lte(new D("1e-30").mul(t.abs().plus(1)))).toBe(true);
        const r = row(call("DECOMPOSE", a0, e0, c0, a1, e1, c1));
        expect(Math.abs(r[0] + r[1] + r[2] - r[3])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(r[0]), Math.abs(r[1]), Math.abs(r[2])));
      }),
    );
  });
  it("has the logarithmic mean between its arguments", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 6 }), fc.integer({ min: 1, max: 10 ** 6 }), (a, b) => {
        const l = logMean(new D(a), new D(b));
        expect(l.gte(Math.min(a, b)) && l.lte(Math.max(a, b))).toBe(true);
        expect(logMean(new D(a), new D(b)).eq(logMean(new D(b), new D(a)))).toBe(true);
      }),
    );
    expect(logMean(new D(5), new D(5)).toNumber()).toBe(5);
  });
  it("answers zero values: co2_0 → #DIV/0!, any other → #NUM! (a logarithm of zero)", () => {
    expect(codeOf(call("DECOMPOSE", 100, 50, 0, 110, 52, 190))).toBe("DIV0");
    expect(codeOf(call("DECOMPOSE", 0, 50, 200, 110, 52, 190))).toBe("NUM");
    expect(codeOf(call("DECOMPOSE", 100, 0, 200, 110, 52, 190))).toBe("NUM");
    expect(codeOf(call("DECOMPOSE", 100, 50, 200, 0, 52, 190))).toBe("NUM");
    expect(codeOf(call("DECOMPOSE", 100, 50, 200, 110, 0, 190))).toBe("NUM");
    expect(codeOf(call("DECOMPOSE", 100, 50, 200, 110, 52, 0))).toBe("NUM");
  });
});

describe("DECOMPOSE (simple)", () => {
  it("is each factor's own change rate, with the actual change as total", () => {
    const r = row(call("DECOMPOSE", 100, 50, 200, 110, 52, 190, "simple"));
    expect(r[0]).toBe(0.1);
    expect(r[1]).toBe(Number("-0.08653846153846153846153846")); // (190/52)/(200/50) − 1
    expect(r[2]).toBe(Number("-0.05454545454545454545454545")); // (52/110)/(50/100) − 1
    expect(r[3]).toBe(-0.05);
  });
  it("leaves the residual in the total: (1+a)(1+f)(1+i) = 1 + total", () => {
    const pos = fc.integer({ min: 1, max: 10 ** 9 });
    fc.assert(
      fc.property(pos, pos, pos, pos, pos, pos, (a0, e0, c0, a1, e1, c1) => {
        const [a, f, i, t] = decomposeSimple({ activity: new D(a0), energy: new D(e0), co2: new D(c0) }, { activity: new D(a1), energy: new D(e1), co2: new D(c1) });
        const product = a.plus(1).mul(f.plus(1)).mul(i.plus(1));
        // each rate carries a rounding of ~1e-40 × |rate|; propagate it through the product
        const [pa, pf, pi] = [a.abs().plus(1), f.abs().plus(1), i.abs().plus(1)];
        const bound = new D("1e-37").mul(pa.mul(pf).plus(pa.mul(pi)).plus(pf.mul(pi)).plus(t.abs().plus(1)));
        expect(product.minus(t.plus(1)).abs().lte(bound)).toBe(true);
      }),
    );
  });
  it("allows co2_1 = 0 and answers zero denominators with #DIV/0!", () => {
    expect(row(call("DECOMPOSE", 100, 50, 200, 100, 50, 0, "simple"))).toEqual([0, -1, 0, -1]);
    expect(codeOf(call("DECOMPOSE", 0, 50, 200, 110, 52, 190, "simple"))).toBe("DIV0");
    expect(codeOf(call("DECOMPOSE", 100, 0, 200, 110, 52, 190, "simple"))).toBe("DIV0");
    expect(codeOf(call("DECOMPOSE", 100, 50, 0, 110, 52, 190, "simple"))).toBe("DIV0");
    expect(codeOf(call("DECOMPOSE", 100, 50, 200, 0, 52, 190, "simple"))).toBe("DIV0");
    expect(codeOf(call("DECOMPOSE", 100, 50, 200, 110, 0, 190, "simple"))).toBe("DIV0");
  });
});

describe("DECOMPOSE input errors", () => {
  it("answers each bad-input class with the right error", () => {
    expect(codeOf(call("DECOMPOSE", -100, 50, 200, 110, 52, 190))).toBe("NUM");
    expect(codeOf(call("DECOMPOSE", 100, 50, 200, 110, 52, -190, "simple"))).toBe("NUM");
    expect(codeOf(call("DECOMPOSE", "abc", 50, 200, 110, 52, 190))).toBe("VALUE");
    expect(codeOf(call("DECOMPOSE", "1,000", 50, 200, 110, 52, 190))).toBe("VALUE");
    expect(codeOf(call("DECOMPOSE", 100, "５０", 200, 110, 52, 190))).toBe("VALUE");
    expect(codeOf(call("DECOMPOSE", 100, 50, 200, 110, 52))).toBe("VALUE");
    expect(codeOf(call("DECOMPOSE", 100, 50, 200, 110, 52, 190, "shapley"))).toBe("VALUE");
    expect(isCalcError(call("DECOMPOSE", 100, 50, 200, 110, 52, 190, "x"))).toBe(true);
  });
});
