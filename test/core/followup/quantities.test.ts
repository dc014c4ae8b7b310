import fc from "fast-check";
import { call, codeOf } from "../../helpers";

describe("ROLLINGQTY", () => {
  it("is extrusion + sheet × [(1 − cold_share) + cold_share × (thickness / base_thickness)^exponent]", () => {
    // (0.25 / 1)^−0.5 = 2: 100 + 200 × (0.6 + 0.4 × 2) = 380
    expect(call("ROLLINGQTY", 100, 200, 0.4, 0.25, 1)).toBe(380);
    // (1.2 / 0.3)^−0.5 = 0.5: 0 + 1000 × (0.5 + 0.5 × 0.5) = 750
    expect(call("ROLLINGQTY", 0, 1000, 0.5, 1.2, 0.3)).toBe(750);
    // exponent 1: (2 / 1)^1 = 2: 10 + 100 × (0.5 + 0.5 × 2) = 160
    expect(call("ROLLINGQTY", 10, 100, 0.5, 2, 1, 1)).toBe(160);
    // default exponent, an irrational factor: 200 × (0.6 + 0.4 / √1.2)
    expect(call("ROLLINGQTY", 100, 200, 0.4, 0.3, 0.25)).toBeCloseTo(100 + 200 * (0.6 + 0.4 * Math.pow(1.2, -0.5)), 12);
  });
  it("is extrusion + sheet at the base thickness or with no cold rolling", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 7 }), fc.integer({ min: 0, max: 10 ** 7 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 5000 }), (e, s, cs, t) => {
        expect(call("ROLLINGQTY", e, s, cs / 100, t / 1000, t / 1000)).toBe(e + s);
        expect(call("ROLLINGQTY", e, s, 0, t / 1000, 0.3)).toBe(e + s);
      }),
    );
  });
  it("answers each bad-input class with the right error", () => {
    expect(codeOf(call("ROLLINGQTY", 100, 200, 1.5, 0.25, 1))).toBe("NUM");
    expect(codeOf(call("ROLLINGQTY", 100, 200, -0.1, 0.25, 1))).toBe("NUM");
    expect(codeOf(call("ROLLINGQTY", -100, 200, 0.4, 0.25, 1))).toBe("NUM");
    expect(codeOf(call("ROLLINGQTY", 100, -200, 0.4, 0.25, 1))).toBe("NUM");
    expect(codeOf(call("ROLLINGQTY", 100, 200, 0.4, 0, 1))).toBe("NUM");
    expect(codeOf(call("ROLLINGQTY", 100, 200, 0.4, 0.25, 0))).toBe("DIV0");
    expect(codeOf(call("ROLLINGQTY", 100, 200, 0.4, 0.25, -1))).toBe("NUM");
    expect(codeOf(call("ROLLINGQTY", "abc", 200, 0.4, 0.25, 1))).toBe("VALUE");
    expect(codeOf(call("ROLLINGQTY", "1,000", 200, 0.4, 0.25, 1))).toBe("VALUE");
    expect(codeOf(call("ROLLINGQTY", 100, "２００", 0.4, 0.25, 1))).toBe("VALUE");
    expect(codeOf(call("ROLLINGQTY", 100, 200, 0.4, 0.25))).toBe("VALUE");
  });
});

describe("WAVG", () => {
  it("is Σ v·w ÷ Σ w", () => {
    expect(call("WAVG", [[1, 2, 3]], [[1, 1, 2]])).toBe(2.25);
    expect(call("WAVG", [[0.3], [0.5]], [[100], [300]])).toBe(0.45);
    expect(call("WAVG", [[1, 2, 3]], [[0], [0], [5]])).toBe(3);
    expect(call("WAVG", 7, 2)).toBe(7);
    expect(call("WAVG", [[0.1, 0.2]], [[1, 1]])).toBe(0.15);
  });
  it("lies between the smallest and the largest value and ignores a common scale of the weights", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -(10 ** 6), max: 10 ** 6 }), fc.integer({ min: 0, max: 10 ** 6 })), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 1000 }),
        (pairs, k) => {
          fc.pre(pairs.some(([, w]) => w > 0));
          const values = pairs.map(([x]) => x);
          const weights = pairs.map(([, y]) => y);
          const avg = call("WAVG", [values], [weights]) as number;
          expect(avg).toBeGreaterThanOrEqual(Math.min(...values) - 1e-9);
          expect(avg).toBeLessThanOrEqual(Math.max(...values) + 1e-9);
          expect(call("WAVG", [values], [weights.map((x) => x * k)])).toBe(avg);
        },
      ),
    );
  });
  it("answers each bad-input class with the right error", () => {
    expect(codeOf(call("WAVG", [[1, 2, 3]], [[1, 1]]))).toBe("VALUE");
    expect(codeOf(call("WAVG", [[1, 2]], [[0, 0]]))).toBe("DIV0");
    expect(codeOf(call("WAVG", [[1, 2]], [[1, -1]]))).toBe("NUM");
    expect(codeOf(call("WAVG", [[1, "abc"]], [[1, 1]]))).toBe("VALUE");
    expect(codeOf(call("WAVG", [[1, "1,234"]], [[1, 1]]))).toBe("VALUE");
    expect(codeOf(call("WAVG", [[1, "２"]], [[1, 1]]))).toBe("VALUE");
    expect(codeOf(call("WAVG", [[1, 2]]))).toBe("VALUE");
  });
});
