import { call, codeOf } from "../../helpers";

describe("PRICEBAND", () => {
  it("is 1,700 / 4,300 JPY in FY2026, × 1.03 each later year, not rounded", () => {
    expect(call("PRICEBAND", 2026)).toBe(4300);
    expect(call("PRICEBAND", 2026, "lower")).toBe(1700);
    expect(call("PRICEBAND", 2026, "upper")).toBe(4300);
    expect(call("PRICEBAND", 2027)).toBe(4429);
    expect(call("PRICEBAND", 2027, "lower")).toBe(1751);
    expect(call("PRICEBAND", 2028)).toBe(4561.87);
    expect(call("PRICEBAND", 2028, "lower")).toBe(1803.53);
    expect(call("PRICEBAND", 2030, "lower")).toBe(1913.364977); // 1700 × 1.12550881 (1.03^4) exactly
    expect(call("PRICEBAND", 2030)).toBe(4839.687883);
  });
  it("answers bad input with the right error", () => {
    expect(codeOf(call("PRICEBAND", 2025))).toBe("NA");
    expect(codeOf(call("PRICEBAND", 2027.5))).toBe("NUM");
    expect(codeOf(call("PRICEBAND", 2027, "middle"))).toBe("VALUE");
    expect(codeOf(call("PRICEBAND", null))).toBe("VALUE");
    expect(codeOf(call("PRICEBAND", "2027"))).toBe("VALUE");
    expect(codeOf(call("PRICEBAND", 8))).toBe("NUM"); // 令和8年度 typed as 8: a slip, not "before the band"
  });
});
