/** The Excel wrappers of SPEC 3.2–3.4 pass their arguments in the spec's order and map errors at the edge. */
import { elecco2, factor, fromcrude, fuelco2, fuelgj, tocrude } from "../../src/functions/emissions";
import { coverage, decompose, rollingqty, wavg } from "../../src/functions/followup";
import { ingotco2, recycledsaving } from "../../src/functions/circular";

describe("Excel wrappers (emissions, follow-up, circular)", () => {
  it("compute through the catalogue", () => {
    expect(fuelco2(100, "A重油")).toBe(275.2823333333333);
    expect(fuelco2(1, "A重油", "shk-h22")).toBe(2.70963);
    expect(fuelgj(10, "A重油")).toBe(389);
    expect(factor("LPG", "gj")).toBe(50.1);
    expect(tocrude(1000)).toBe(25.8);
    expect(fromcrude(25.8)).toBe(1000);
    expect(elecco2(1000000, 0.441)).toBe(441);
    expect(coverage(80, 120, 20)).toBe(0.8);
    expect(decompose(100, 40, 80, 200, 80, 160)).toEqual([[1, 0, 0, 1]]);
    expect(decompose(100, 50, 200, 110, 52, 190, "simple")).toEqual([[0.1, expect.any(Number), expect.any(Number), -0.05]]);
    expect(rollingqty(100, 200, 0.4, 0.25, 1)).toBe(380);
    expect(rollingqty(10, 100, 0.5, 2, 1, 1)).toBe(160);
    expect(wavg([[1, 2, 3]], [[1, 1, 2]])).toBe(2.25);
    expect(recycledsaving(1000)).toBe(12407);
    expect(recycledsaving(1, 12.7, 0.3)).toBe(12.4);
    expect(ingotco2(100, 50)).toBe(1286.15);
    expect(ingotco2(100, 50, 10, 0.5)).toBe(1025);
  });
  it("turn omitted optionals (null from Excel) into the defaults", () => {
    expect(fuelco2(1, "A重油", null)).toBe(fuelco2(1, "A重油"));
    expect(coverage(80, 100, null)).toBe(0.8);
    expect(recycledsaving(1, null, null)).toBe(12.407);
  });
  it("return errors, not exceptions", () => {
    expect(String(fuelco2(1, "重油"))).toMatch(/^#N\/A/);
    expect(String(fuelco2(1, "都市ガス", "shk-h22"))).toMatch(/^#N\/A/);
    expect(String(coverage(1, 0))).toMatch(/^#DIV\/0!/);
    expect(String(wavg([[1, 2]], [[1]]))).toMatch(/^#VALUE!/);
  });
});
