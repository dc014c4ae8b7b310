import fc from "fast-check";
import { call, codeOf } from "../../helpers";

describe("CHANGERATE", () => {
  it("is actual ÷ base − 1", () => {
    expect(call("CHANGERATE", 105, 100)).toBeCloseTo(0.05, 15);
    expect(call("CHANGERATE", 90, 120)).toBe(-0.25);
  });
  it("keeps decimal inputs exact (0.3/0.1 − 1 = 2)", () => {
    expect(call("CHANGERATE", 0.3, 0.1)).toBe(2);
  });
  it("answers bad input with the right error", () => {
    expect(codeOf(call("CHANGERATE", 1, 0))).toBe("DIV0");
    expect(codeOf(call("CHANGERATE", -1, 2))).toBe("NUM");
    expect(codeOf(call("CHANGERATE", "abc", 2))).toBe("VALUE");
    expect(codeOf(call("CHANGERATE", "1,234", 2))).toBe("VALUE");
    expect(codeOf(call("CHANGERATE", 1))).toBe("VALUE");
  });
});

describe("PROGRESS", () => {
  it("matches the SPEC 6 example", () => {
    expect(call("PROGRESS", 146, 105.4, 100)).toBe(0.8826086956521739);
  });
  it("is 1 when actual = target and 0 when actual = base", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 0, max: 10 ** 9 }), (base, target) => {
        fc.pre(base !== target);
        expect(call("PROGRESS", base, target, target)).toBe(1);
        expect(call("PROGRESS", base, base, target)).toBe(0);
      }),
    );
  });
  it("is #DIV/0! when base = target", () => {
    expect(codeOf(call("PROGRESS", 100, 90, 100))).toBe("DIV0");
  });
});
