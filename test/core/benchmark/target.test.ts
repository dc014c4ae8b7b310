import fc from "fast-check";
import { call, codeOf } from "../../helpers";

/** Excel PERCENTILE.INC in doubles, for comparison. */
function percentileInc(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < s.length ? s[lo]! + (h - lo) * (s[lo + 1]! - s[lo]!) : s[lo]!;
}

describe("TARGET", () => {
  it("method count is Excel PERCENTILE.INC at top_pct/100", () => {
    expect(call("TARGET", [[3, 1, 2, 4]], 50)).toBe(2.5);
    expect(call("TARGET", [[3, 1, 2, 4]], 0)).toBe(1);
    expect(call("TARGET", [[3, 1, 2, 4]], 100)).toBe(4);
    // PERCENTILE.INC({1,2,3,4,5,6,7,8,9,10}, 0.325) = 3.925
    expect(call("TARGET", [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]], 32.5)).toBe(3.925);
    expect(call("TARGET", [[7]], 32.5)).toBe(7);
    expect(call("TARGET", [[0.5], [0.9], [0.7]], 50, null, "count")).toBe(0.7);
  });
  it("method activity: first entity (intensity ascending) where cumulative activity reaches top_pct % of the total", () => {
    expect(call("TARGET", [[3, 1, 2, 4]], 50, [[1, 1, 1, 1]])).toBe(2);
    // sorted: 1 (act 10), 2 (act 30), 3 (act 60): total 100; 10 % → 1, 10.0001 % → 2, 40 % → 2, 41 % → 3
    const I = [[3, 1, 2]];
    const A = [[60, 10, 30]];
    expect(call("TARGET", I, 10, A)).toBe(1);
    expect(call("TARGET", I, 10.0001, A)).toBe(2);
    expect(call("TARGET", I, 40, A)).toBe(2);
    expect(call("TARGET", I, 41, A, "activity")).toBe(3);
    expect(call("TARGET", I, 0, A)).toBe(1);
    expect(call("TARGET", I, 100, A)).toBe(3);
    // explicit count ignores the activities
    expect(call("TARGET", I, 50, A, "count")).toBe(2);
  });
  it("drops entities with a blank intensity (and their activity)", () => {
    expect(call("TARGET", [[3, null, 1]], 50)).toBe(2);
    expect(call("TARGET", [[3, null, 1]], 50, [[1, 100, 1]])).toBe(1);
  });
  it("answers bad input with the right error", () => {
    expect(codeOf(call("TARGET", [[1, 2]], 101))).toBe("NUM");
    expect(codeOf(call("TARGET", [[1, 2]], -1))).toBe("NUM");
    expect(codeOf(call("TARGET", [[null, null]], 50))).toBe("NUM");
    expect(codeOf(call("TARGET", null, 50))).toBe("VALUE");
    expect(codeOf(call("TARGET", [[1, 2]], null))).toBe("VALUE");
    expect(codeOf(call("TARGET", [[1, "x"]], 50))).toBe("VALUE");
    expect(codeOf(call("TARGET", [[1, 2]], 50, [[1, 2, 3]]))).toBe("VALUE");
    expect(codeOf(call("TARGET", [[1, 2]], 50, null, "activity"))).toBe("VALUE");
    expect(codeOf(call("TARGET", [[1, 2]], 50, null, "median"))).toBe("VALUE");
    expect(codeOf(call("TARGET", [[1, 2]], 50, [[0, 0]]))).toBe("DIV0");
    expect(codeOf(call("TARGET", [[1, -2]], 50))).toBe("NUM");
    expect(codeOf(call("TARGET", [[1, 2]], 50, [[1, -2]]))).toBe("NUM");
  });

  const entities = fc.array(fc.record({ i: fc.integer({ min: 0, max: 5000 }), a: fc.integer({ min: 1, max: 1000 }) }), { minLength: 1, maxLength: 30 });
  const pct = fc.integer({ min: 0, max: 1000 }).map((p) => p / 10);

  it("property: count agrees with PERCENTILE.INC", () => {
    fc.assert(
      fc.property(entities, pct, (es, p) => {
        const xs = es.map((e) => e.i / 1000);
        expect(call("TARGET", [xs], p) as number).toBeCloseTo(percentileInc(xs, p / 100), 12);
      }),
    );
  });
  it("property: independent of input order, both methods", () => {
    fc.assert(
      fc.property(entities, pct, fc.integer(), (es, p, seed) => {
        const shuffled = [...es].sort((x, y) => ((x.i * 31 + x.a + seed) % 7) - ((y.i * 31 + y.a + seed) % 7));
        const I = (list: typeof es) => [list.map((e) => e.i / 1000)];
        const A = (list: typeof es) => [list.map((e) => e.a)];
        expect(call("TARGET", I(shuffled), p)).toBe(call("TARGET", I(es), p));
        expect(call("TARGET", I(shuffled), p, A(shuffled))).toBe(call("TARGET", I(es), p, A(es)));
      }),
    );
  });
  it("property: monotone (non-decreasing) in top_pct, both methods", () => {
    fc.assert(
      fc.property(entities, pct, pct, (es, p, q) => {
        const [lo, hi] = p <= q ? [p, q] : [q, p];
        const I = [es.map((e) => e.i / 1000)];
        const A = [es.map((e) => e.a)];
        expect(call("TARGET", I, lo) as number).toBeLessThanOrEqual(call("TARGET", I, hi) as number);
        expect(call("TARGET", I, lo, A) as number).toBeLessThanOrEqual(call("TARGET", I, hi, A) as number);
      }),
    );
  });
});

describe("TARGET on many values (radix sort)", () => {
  it("matches PERCENTILE.INC and the activity rule on 5 000 values with ties, zeros and −0", () => {
    let seed = 12345;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const xs = Array.from({ length: 5000 }, (_, i) => (i % 97 === 0 ? 0 : i % 89 === 0 ? -0 : Math.round(rnd() * 2000) / 1000));
    const ws = xs.map(() => Math.round(rnd() * 100));
    for (const p of [0, 12.5, 32.5, 50, 99.9, 100]) {
      expect(call("TARGET", xs.map((x) => [x]), p) as number).toBeCloseTo(percentileInc(xs, p / 100), 12);
      // activity: stable ascending order, first entity reaching p % of the total activity.
      const order = xs.map((_, i) => i).sort((i, j) => xs[i]! - xs[j]! || i - j);
      const total = ws.reduce((s, w) => s + w, 0);
      let cum = 0;
      let want = xs[order[order.length - 1]!]!;
      for (const i of order) {
        cum += ws[i]!;
        if (cum * 100 >= p * total) {
          want = xs[i]!;
          break;
        }
      }
      expect(call("TARGET", xs.map((x) => [x]), p, ws.map((w) => [w]))).toBe(want === 0 ? 0 : want);
    }
  });
});
