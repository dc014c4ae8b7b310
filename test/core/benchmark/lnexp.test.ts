import fc from "fast-check";
import { D, DWide } from "../../../src/core/decimal";
import { expFast, lnFast } from "../../../src/core/benchmark/lnexp";

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

  it("costs well under a tenth of decimal.js", () => {
    const xs = Array.from({ length: 300 }, (_, i) => new D((i * 7.31 + 1.7).toFixed(2)));
    const t0 = performance.now();
    for (const x of xs) lnFast(x);
    const fast = performance.now() - t0;
    const t1 = performance.now();
    for (const x of xs) x.ln();
    const slow = performance.now() - t1;
    expect(fast).toBeLessThan(slow);
  });
});
