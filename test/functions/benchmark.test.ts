/** The Excel wrappers of SPEC 3.1/3.5 (benchmark, parameters) pass their arguments in the spec's order. */
import {
  allowance,
  allowance_down,
  allowance_up,
  balance,
  baseactivity,
  bmpath,
  companycf,
  corrfactor,
  edition,
  param,
  priceband,
  rebase,
  target,
  upintensity,
} from "../../src/functions/benchmark";

describe("Excel wrappers (benchmark, parameters)", () => {
  it("compute through the catalogue", () => {
    expect(corrfactor(10, 2, [[1, -0.01, -0.05]], 20, 3)).toBe(0.8125);
    expect(companycf([[10], [20]], [[2], [3]], [[100], [300]], [[1, -0.01, -0.05]], 20, 3)).toBe(0.953125);
    expect(upintensity(100, 50, 1.1)).toBe(2.2);
    expect(target([[3, 1, 2, 4]], 50)).toBe(2.5);
    expect(target([[3, 1, 2, 4]], 50, [[1, 1, 1, 1]])).toBe(2);
    expect(bmpath(1, 0.5, 2027)).toBe(0.8);
    expect(baseactivity([[100, 110, 120]], [["", "none", ""]])).toBe(110);
    expect(rebase(100, 107, 108)).toBe(107.5);
    expect(allowance([[1.2, 0.8]], [[1000, 500]], 0.95, [[0.3]], [[2000]], "round")).toBe(2284);
    expect(allowance_up([[1.2]], [[1000]], 0.8)).toBe(1500);
    expect(allowance_down([[0.3]], [[2000]])).toBe(600);
    expect(balance(1000, 1200, 500)).toBe(-80);
    expect(priceband(2027, "lower")).toBe(1751);
    expect(param("bm.final_pct")).toEqual([[32.5]]);
    expect(edition()).toBe("meti-al-2025-10-draft");
  });
  it("turn omitted optionals (null from Excel) into the defaults", () => {
    expect(bmpath(1, 0.5, 2027, null, null)).toBe(0.8);
    expect(balance(1000, 1200, null)).toBe(-200);
    expect(priceband(2026, null)).toBe(4300);
    expect(corrfactor(10, null, [[1, -0.01]], 20, null, null)).toBeCloseTo(0.8 / 0.9, 15);
    expect(edition(null)).toBe("meti-al-2025-10-draft");
  });
  it("return errors, not exceptions", () => {
    expect(String(corrfactor(10, 2))).toMatch(/^#N\/A/);
    expect(String(allowance([[1]], [[1]], 0, [[1]], [[1]]))).toMatch(/^#DIV\/0!/);
    expect(String(target([[1, 2]], 120))).toMatch(/^#NUM!/);
    expect(String(param("bm.reg.coefs"))).toMatch(/^#N\/A/);
    expect(String(allowance([[1, 2]], [[1, 2, 3]], 1, [[1]], [[1]]))).toMatch(/^#VALUE!/);
  });
});
