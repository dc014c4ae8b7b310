import { functionSpec, invoke, ParameterStore } from "../../../src/core";
import { call, codeOf } from "../../helpers";

describe("BALANCE", () => {
  it("is allowance + min(credits, 10 % of emissions) − emissions", () => {
    expect(call("BALANCE", 1000, 1200)).toBe(-200);
    expect(call("BALANCE", 1000, 1200, 50)).toBe(-150);
    expect(call("BALANCE", 1000, 1200, 120)).toBe(-80);
    expect(call("BALANCE", 1000, 1200, 500)).toBe(-80); // capped at 120
    expect(call("BALANCE", 1500, 1200)).toBe(300);
  });
  it("takes the cap from the active parameter set", () => {
    const params = new ParameterStore();
    params.setOverrides({ "bm.credit_cap_pct": { value: 5, unit: "%", source: { document: "test" }, assumption: true } });
    expect(invoke(functionSpec("BALANCE")!, [1000, 1200, 500], { lang: "en", params })).toBe(-140);
  });
  it("answers bad input with the right error", () => {
    expect(codeOf(call("BALANCE", 1000))).toBe("VALUE");
    expect(codeOf(call("BALANCE", -1, 5))).toBe("NUM");
    expect(codeOf(call("BALANCE", 1, -5))).toBe("NUM");
    expect(codeOf(call("BALANCE", 1, 5, -1))).toBe("NUM");
    expect(codeOf(call("BALANCE", "1,000", 5))).toBe("VALUE");
  });
});
