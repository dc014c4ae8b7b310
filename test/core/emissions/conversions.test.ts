import fc from "fast-check";
import { D } from "../../../src/core/decimal";
import { fromCrude, toCrude } from "../../../src/core/emissions/conversions";
import { functionSpec, invoke, ParameterStore, type CellArg } from "../../../src/core";
import { call, codeOf } from "../../helpers";

function callWith(params: ParameterStore, name: string, ...args: CellArg[]) {
  const spec = functionSpec(name);
  if (!spec) throw new Error(name);
  return invoke(spec, args, { lang: "en", params });
}

describe("TOCRUDE", () => {
  it("is GJ × 0.0258 kL (省エネ法)", () => {
    expect(call("TOCRUDE", 1)).toBe(0.0258);
    expect(call("TOCRUDE", 1000)).toBe(25.8);
    expect(call("TOCRUDE", 123456.7)).toBe(3185.18286);
    expect(call("TOCRUDE", 0)).toBe(0);
  });
  it("answers each bad-input class with the right error", () => {
    expect(codeOf(call("TOCRUDE", "abc"))).toBe("VALUE");
    expect(codeOf(call("TOCRUDE", "1,234"))).toBe("VALUE");
    expect(codeOf(call("TOCRUDE", "１２３"))).toBe("VALUE");
    expect(codeOf(call("TOCRUDE", -1))).toBe("NUM");
    expect(codeOf(call("TOCRUDE"))).toBe("VALUE");
    expect(codeOf(call("TOCRUDE", [[1, 2]]))).toBe("VALUE");
  });
  it("reads the coefficient from the parameters (a Parameters sheet may override it)", () => {
    const params = new ParameterStore();
    params.setOverrides({ "shoene.crude_kl_per_gj": { value: 0.03, unit: "kL/GJ", assumption: true, source: { document: "test" } } });
    expect(callWith(params, "TOCRUDE", 100)).toBe(3);
    expect(callWith(params, "FROMCRUDE", 3)).toBe(100);
    params.setOverrides({ "shoene.crude_kl_per_gj": { value: null, unit: "kL/GJ", assumption: true, source: { document: "test" } } });
    expect(codeOf(callWith(params, "TOCRUDE", 100))).toBe("NA");
    params.setOverrides({ "shoene.crude_kl_per_gj": { value: 0, unit: "kL/GJ", assumption: true, source: { document: "test" } } });
    expect(codeOf(callWith(params, "FROMCRUDE", 100))).toBe("NUM");
  });
});

describe("FROMCRUDE", () => {
  it("is kL ÷ 0.0258 GJ", () => {
    expect(call("FROMCRUDE", 25.8)).toBe(1000);
    expect(call("FROMCRUDE", 0.0258)).toBe(1);
    expect(call("FROMCRUDE", 1)).toBe(Number("38.759689922480620155038759689922480620155"));
    expect(call("FROMCRUDE", 0)).toBe(0);
  });
  it("answers each bad-input class with the right error", () => {
    expect(codeOf(call("FROMCRUDE", "x"))).toBe("VALUE");
    expect(codeOf(call("FROMCRUDE", "2,000"))).toBe("VALUE");
    expect(codeOf(call("FROMCRUDE", "２"))).toBe("VALUE");
    expect(codeOf(call("FROMCRUDE", -0.5))).toBe("NUM");
    expect(codeOf(call("FROMCRUDE"))).toBe("VALUE");
  });
  it("is the inverse of TOCRUDE", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 6 }), (n, scale) => {
        const x = new D(n).div(10 ** scale);
        const k = new D("0.0258");
        expect(fromCrude(toCrude(x, k), k).eq(x)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), (x) => {
        const back = call("FROMCRUDE", call("TOCRUDE", x) as number) as number;
        expect(Math.abs(back - x)).toBeLessThanOrEqual(4e-16 * Math.max(x, 1e-300));
        const there = call("TOCRUDE", call("FROMCRUDE", x) as number) as number;
        expect(Math.abs(there - x)).toBeLessThanOrEqual(4e-16 * Math.max(x, 1e-300));
      }),
    );
  });
});

describe("ELECCO2", () => {
  it("is kWh × kg-CO2/kWh ÷ 1000 (t-CO2)", () => {
    expect(call("ELECCO2", 1000000, 0.441)).toBe(441);
    expect(call("ELECCO2", 12345, 0.5)).toBe(6.1725);
    expect(call("ELECCO2", 1, 0.1)).toBe(0.0001);
    expect(call("ELECCO2", 5000, 0)).toBe(0);
  });
  it("answers each bad-input class with the right error", () => {
    expect(codeOf(call("ELECCO2", "abc", 0.4))).toBe("VALUE");
    expect(codeOf(call("ELECCO2", "1,000", 0.4))).toBe("VALUE");
    expect(codeOf(call("ELECCO2", 1000, "０.４"))).toBe("VALUE");
    expect(codeOf(call("ELECCO2", -1000, 0.4))).toBe("NUM");
    expect(codeOf(call("ELECCO2", 1000, -0.4))).toBe("NUM");
    expect(codeOf(call("ELECCO2", 1000))).toBe("VALUE");
  });
  it("is linear in kWh", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 10 ** 9 }), (a, b) => {
        const whole = call("ELECCO2", a + b, 0.457) as number;
        const parts = (call("ELECCO2", a, 0.457) as number) + (call("ELECCO2", b, 0.457) as number);
        expect(Math.abs(whole - parts)).toBeLessThanOrEqual(1e-9 * Math.max(1, whole));
      }),
    );
  });
});
