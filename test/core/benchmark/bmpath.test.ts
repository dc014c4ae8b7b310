import fc from "fast-check";
import { functionSpec, invoke, ParameterStore } from "../../../src/core";
import { call, codeOf } from "../../helpers";

describe("BMPATH", () => {
  it("is a straight line from base_fy (default 2025) to final_fy (default 2030)", () => {
    expect(call("BMPATH", 1, 0.5, 2025)).toBe(1);
    expect(call("BMPATH", 1, 0.5, 2030)).toBe(0.5);
    expect(call("BMPATH", 1, 0.5, 2027)).toBe(0.8);
    expect(call("BMPATH", 2.4, 1.9, 2026)).toBe(2.3);
    expect(call("BMPATH", 1, 0.5, 2026, 2026, 2028)).toBe(1);
    expect(call("BMPATH", 1, 0.5, 2027, 2026, 2028)).toBe(0.75);
  });
  it("takes the default years from the active parameter set", () => {
    const params = new ParameterStore();
    params.setOverrides({ "bm.base_fy": { value: 2026, unit: "FY", source: { document: "test" }, assumption: true } });
    expect(invoke(functionSpec("BMPATH")!, [1, 0.5, 2028], { lang: "en", params })).toBe(0.75);
  });
  it("answers bad input with the right error", () => {
    expect(codeOf(call("BMPATH", 1, 0.5, 2024))).toBe("NA");
    expect(codeOf(call("BMPATH", 1, 0.5, 2031))).toBe("NA");
    expect(codeOf(call("BMPATH", 1, 0.5, 2027.5))).toBe("NUM");
    expect(codeOf(call("BMPATH", 1, 0.5, 2027, 2030, 2030))).toBe("NUM");
    expect(codeOf(call("BMPATH", 1, 0.5, 2027, 2031, 2030))).toBe("NUM");
    expect(codeOf(call("BMPATH", -1, 0.5, 2027))).toBe("NUM");
    expect(codeOf(call("BMPATH", 1, 0.5))).toBe("VALUE");
    expect(codeOf(call("BMPATH", 1, "0.5", 2027))).toBe("VALUE");
  });
  it("a 令和 or two-digit year (or one past Excel's dates) is #NUM! saying to use the Western year, even when consistent", () => {
    const r = invoke(functionSpec("BMPATH")!, [1, 0.5, 9, 7, 12], { lang: "ja", params: new ParameterStore() });
    expect(codeOf(r)).toBe("NUM");
    expect(JSON.stringify(r)).toContain("notFiscalYear");
    expect(codeOf(call("BMPATH", 1, 0.5, 27))).toBe("NUM");
    expect(codeOf(call("BMPATH", 1, 0.5, 2027, 1899, 2030))).toBe("NUM");
    expect(codeOf(call("BMPATH", 1, 0.5, 2027, 2025, 10000))).toBe("NUM");
    expect(call("BMPATH", 1, 0.5, 1901, 1900, 1902)).toBe(0.75);
    // a path year from the Parameters sheet is held to the same rule
    const params = new ParameterStore();
    params.setOverrides({ "bm.base_fy": { value: 7, unit: "FY", source: { document: "test" }, assumption: true } });
    expect(codeOf(invoke(functionSpec("BMPATH")!, [1, 0.5, 2027], { lang: "en", params }))).toBe("NUM");
  });
  it("property: hits both ends and stays between them", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100000 }),
        fc.integer({ min: 0, max: 100000 }),
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 20 }),
        fc.nat(),
        (b, f, y0, span, k) => {
          const base = b / 1000;
          const fin = f / 1000;
          const y1 = y0 + span;
          expect(call("BMPATH", base, fin, y0, y0, y1)).toBe(base);
          expect(call("BMPATH", base, fin, y1, y0, y1)).toBe(fin);
          const mid = call("BMPATH", base, fin, y0 + (k % (span + 1)), y0, y1) as number;
          expect(mid).toBeGreaterThanOrEqual(Math.min(base, fin));
          expect(mid).toBeLessThanOrEqual(Math.max(base, fin));
        },
      ),
    );
  });
});
