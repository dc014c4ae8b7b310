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

describe("COVERAGE", () => {
  it("is participants ÷ (total − excluded)", () => {
    expect(call("COVERAGE", 80, 100)).toBe(0.8);
    expect(call("COVERAGE", 80, 120, 20)).toBe(0.8);
    expect(call("COVERAGE", 1, 3)).toBe(Number("0.3333333333333333333333"));
    expect(call("COVERAGE", 0, 50, 10)).toBe(0);
    expect(call("COVERAGE", 80, 100, undefined)).toBe(0.8);
  });
  it("keeps decimal inputs exact (0.3 ÷ (0.4 − 0.1) = 1)", () => {
    expect(call("COVERAGE", 0.3, 0.4, 0.1)).toBe(1);
  });
  it("answers each bad-input class with the right error", () => {
    expect(codeOf(call("COVERAGE", 1, 0))).toBe("DIV0");
    expect(codeOf(call("COVERAGE", 1, 20, 20))).toBe("DIV0");
    expect(codeOf(call("COVERAGE", 1, 10, 20))).toBe("NUM");
    expect(codeOf(call("COVERAGE", -1, 10))).toBe("NUM");
    expect(codeOf(call("COVERAGE", 1, -10))).toBe("NUM");
    expect(codeOf(call("COVERAGE", 1, 10, -1))).toBe("NUM");
    expect(codeOf(call("COVERAGE", "abc", 10))).toBe("VALUE");
    expect(codeOf(call("COVERAGE", "1,234", 10000))).toBe("VALUE");
    expect(codeOf(call("COVERAGE", "８０", 100))).toBe("VALUE");
    expect(codeOf(call("COVERAGE", 1))).toBe("VALUE");
  });
  it("is at most 1 when participants ≤ total − excluded, and at least 0", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 0, max: 10 ** 9 }), fc.double({ min: 0, max: 1, noNaN: true }), (scope, excluded, share) => {
        const participants = Math.floor(scope * share);
        const c = call("COVERAGE", participants, scope + excluded, excluded) as number;
        expect(c).toBeLessThanOrEqual(1);
        expect(c).toBeGreaterThanOrEqual(0);
        expect(call("COVERAGE", scope, scope + excluded, excluded)).toBe(1);
      }),
    );
  });
});
