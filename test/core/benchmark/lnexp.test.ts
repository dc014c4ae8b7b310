import fc from "fast-check";
import { D, DWide } from "../../../src/core/decimal";
import { expFast, lnFast } from "../../../src/core/benchmark/lnexp";
import { scaledOf } from "../../../src/core/benchmark/leastsquares";

const decimalString = fc
  .tuple(fc.integer({ min: 1, max: 999_999_999 }), fc.integer({ min: -40, max: 40 }))
  .map(([m, e]) => `${m}e${e}`);

describe("fast ln / exp (BigInt fixed point)", () => {
  it("ln agrees with decimal.js: correctly rounded at 40 digits, within 1e-70 at 100 digits", () => {
    fc.assert(
      fc.property(decimalString, (s) => {
        expect(lnFast(new D(s)).eq(new D(s).ln())).toBe(true);
        const w = new DWide(s);
        expect(lnFast(w).sub(w.ln()).abs().lt("1e-70")).toBe(true);
      }),
      { numRuns: 60 },
    );
    for (const s of ["1", "2", "10", "0.1", "1.015625", "1.0156249", "0.9999999999", "1e-300", "1.7976931348623157e308"]) {
      expect(lnFast(new D(s)).eq(new D(s).ln())).toBe(true);
    }
    expect(lnFast(new D(1)).isZero()).toBe(true);
  });

  it("exp agrees with decimal.js: correctly rounded at 40 digits, within 1e-70 relative at 100 digits", () => {
    const arg = fc.tuple(fc.integer({ min: -999_999, max: 999_999 }), fc.integer({ min: -8, max: -3 })).map(([m, e]) => `${m}e${e}`);
    fc.assert(
      fc.property(arg, (s) => {
        expect(expFast(new D(s)).eq(new D(s).exp())).toBe(true);
        const w = new DWide(s);
        expect(expFast(w).div(w.exp()).sub(1).abs().lt("1e-70")).toBe(true);
      }),
      { numRuns: 60 },
    );
    expect(expFast(new D(0)).eq(1)).toBe(true);
    expect(expFast(new D(-745)).eq(new D(-745).exp())).toBe(true);
    expect(expFast(new D(709)).div(new D(709).exp()).sub(1).abs().lt("1e-38")).toBe(true);
  });

  it("ln and exp invert each other", () => {
    for (const s of ["0.003", "1.5", "42", "123456.789"]) expect(expFast(lnFast(new DWide(s))).sub(s).abs().lt("1e-60")).toBe(true);
  });
});

describe("scaledOf (decimal → integer × 10^e, the solver's exact input)", () => {
  it("is exact for short and long decimals of both clones", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        for (const C of [D, DWide]) {
          const v = new C(x);
          const { m, exp } = scaledOf(v);
          expect(new C(`${m.toString()}e${exp}`).eq(v)).toBe(true);
          if (!v.isZero()) expect(m % 10n).not.toBe(0n);
        }
      }),
      { numRuns: 300 },
    );
    expect(scaledOf(new D("12345670"))).toEqual({ m: 1234567n, exp: 1 });
    expect(scaledOf(new D("-0.0003"))).toEqual({ m: -3n, exp: -4 });
    expect(scaledOf(new DWide("1.234567890123456789"))).toEqual({ m: 1234567890123456789n, exp: -18 });
  });
});
