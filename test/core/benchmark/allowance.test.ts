import fc from "fast-check";
import { functionSpec, invoke, ParameterStore } from "../../../src/core";
import { call, codeOf } from "../../helpers";

describe("ALLOWANCE", () => {
  it("is up_target × up_activity ÷ cf + down_target × down_activity", () => {
    expect(call("ALLOWANCE", 1.2, 1000, 1, 0.3, 2000)).toBe(1800);
    expect(call("ALLOWANCE", 1.2, 1000, 0.8, 0.3, 2000)).toBe(2100);
    // per product type: (1.2·1000 + 0.8·500) / 0.95 + 0.3·2000
    expect(call("ALLOWANCE", [[1.2, 0.8]], [[1000, 500]], 0.95, 0.3, 2000)).toBeCloseTo(1600 / 0.95 + 600, 10);
    expect(call("ALLOWANCE", [[1.2], [0.8]], [[1000], [500]], 1, [[0.3, 0.4]], [[2000, 1000]])).toBe(2600);
    // a single target for several product types
    expect(call("ALLOWANCE", 1, [[1000, 500]], 1, 0.5, [[100, 100]])).toBe(1600);
  });
  it("rounds to whole t-CO2 on request; round is half away from zero", () => {
    expect(call("ALLOWANCE", 1, 1000.5, 1, 0, 0, "round")).toBe(1001);
    expect(call("ALLOWANCE", 1, 1000.5, 1, 0, 0, "floor")).toBe(1000);
    expect(call("ALLOWANCE", 1, 1000.1, 1, 0, 0, "ceil")).toBe(1001);
    expect(call("ALLOWANCE", 1, 1000.4, 1, 0, 0, "round")).toBe(1000);
    expect(call("ALLOWANCE", 1, 1000.5, 1, 0, 0, "none")).toBe(1000.5);
    expect(call("ALLOWANCE", 1, 1000.5, 1, 0, 0)).toBe(1000.5);
    expect(call("ALLOWANCE", 1.2, 1000, 0.95, 0.3, 2000, "ROUND")).toBe(1863);
  });
  it("uses the published rounding (bm.rounding) when set and no argument is given", () => {
    const params = new ParameterStore();
    params.setOverrides({ "bm.rounding": { value: "floor", unit: "", source: { document: "test" }, assumption: false } });
    expect(invoke(functionSpec("ALLOWANCE")!, [1, 1000.9, 1, 0, 0], { lang: "en", params })).toBe(1000);
    expect(invoke(functionSpec("ALLOWANCE")!, [1, 1000.9, 1, 0, 0, "none"], { lang: "en", params })).toBe(1000.9);
  });
  it("answers bad input with the right error", () => {
    expect(codeOf(call("ALLOWANCE", 1.2, 1000, 0, 0.3, 2000))).toBe("DIV0");
    expect(codeOf(call("ALLOWANCE", 1.2, 1000, -1, 0.3, 2000))).toBe("NUM");
    expect(codeOf(call("ALLOWANCE", 1.2, -1000, 1, 0.3, 2000))).toBe("NUM");
    expect(codeOf(call("ALLOWANCE", [[1.2, 0.8]], [[1000, 500, 1]], 1, 0.3, 2000))).toBe("VALUE");
    expect(codeOf(call("ALLOWANCE", 1.2, 1000, 1, [[0.3, 0.1]], [[1, 2, 3]]))).toBe("VALUE");
    expect(codeOf(call("ALLOWANCE", 1.2, 1000, 1, 0.3))).toBe("VALUE");
    expect(codeOf(call("ALLOWANCE", 1.2, 1000, 1, 0.3, 2000, "half"))).toBe("VALUE");
    expect(codeOf(call("ALLOWANCE", "1.2", 1000, 1, 0.3, 2000))).toBe("VALUE");
    expect(codeOf(call("ALLOWANCE", 1.2, 1000, [[1, 2]], 0.3, 2000))).toBe("VALUE");
  });
  it("property: linear in each activity, and the sum of its two parts", () => {
    const n = fc.integer({ min: 0, max: 10000000 }).map((x) => x / 1000);
    fc.assert(
      fc.property(n, n, n, n, n, fc.integer({ min: 1, max: 3000 }).map((x) => x / 1000), fc.integer({ min: 1, max: 5 }), (ut, ua, ua2, dt, da, cf, k) => {
        const a = (u: number, d: number) => call("ALLOWANCE", ut, u, cf, dt, d) as number;
        // differences of allowances: compare to the size of the allowances themselves (double rounding of each)
        const scale = Math.max(1, a(ua + ua2, da * k), a(ua * k, da));
        const close = (x: number, y: number) => expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-13 * scale);
        close(a(ua + ua2, da) - a(0, da), a(ua, da) - a(0, da) + (a(ua2, da) - a(0, da)));
        close(a(ua * k, da) - a(0, da), k * (a(ua, da) - a(0, da)));
        close(a(ua, da * k) - a(ua, 0), k * (a(ua, da) - a(ua, 0)));
        close(a(ua, da), (call("ALLOWANCE.UP", ut, ua, cf) as number) + (call("ALLOWANCE.DOWN", dt, da) as number));
      }),
    );
  });
});

describe("ALLOWANCE.UP and ALLOWANCE.DOWN", () => {
  it("are the two parts", () => {
    expect(call("ALLOWANCE.UP", 1.2, 1000, 0.8)).toBe(1500);
    expect(call("ALLOWANCE.UP", [[1.2, 0.8]], [[1000, 500]], 1)).toBe(1600);
    expect(call("ALLOWANCE.DOWN", 0.3, 2000)).toBe(600);
    expect(call("ALLOWANCE.DOWN", [[0.3, 0.4]], [[2000, 1000]])).toBe(1000);
  });
  it("answer bad input with the right error", () => {
    expect(codeOf(call("ALLOWANCE.UP", 1.2, 1000, 0))).toBe("DIV0");
    expect(codeOf(call("ALLOWANCE.UP", 1.2, 1000, -0.5))).toBe("NUM");
    expect(codeOf(call("ALLOWANCE.UP", 1.2, 1000))).toBe("VALUE");
    expect(codeOf(call("ALLOWANCE.DOWN", [[1, 2]], [[1, 2, 3]]))).toBe("VALUE");
    expect(codeOf(call("ALLOWANCE.DOWN", -1, 5))).toBe("NUM");
  });
});
