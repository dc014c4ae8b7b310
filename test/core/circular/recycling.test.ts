import fc from "fast-check";
import { functionSpec, invoke, ParameterStore, type CellArg } from "../../../src/core";
import { call, codeOf } from "../../helpers";

function callWith(params: ParameterStore, name: string, ...args: CellArg[]) {
  const spec = functionSpec(name);
  if (!spec) throw new Error(name);
  return invoke(spec, args, { lang: "en", params });
}

describe("RECYCLEDSAVING", () => {
  it("is recycled_t × (primary − recycled), defaults 12.71 and 0.303 t-CO2/t", () => {
    expect(call("RECYCLEDSAVING", 1)).toBe(12.407);
    expect(call("RECYCLEDSAVING", 1000)).toBe(12407);
    expect(call("RECYCLEDSAVING", 2.5, 12.7)).toBe(30.9925); // 2.5 × (12.7 − 0.303)
    expect(call("RECYCLEDSAVING", 10, 10, 1)).toBe(90);
    expect(call("RECYCLEDSAVING", 10, undefined, 1)).toBe(117.1);
    expect(call("RECYCLEDSAVING", 0)).toBe(0);
  });
  it("reads its defaults from the LCI edition (a Parameters sheet may override them)", () => {
    const params = new ParameterStore();
    expect(params.value("lci.primary_ingot.co2")).toBe(12.71);
    expect(params.value("lci.recycled_ingot.co2")).toBe(0.303);
    const entry = params.resolve("lci.recycled_ingot.co2").entry;
    expect(entry.unit).toBe("t-CO2/t");
    expect(entry.source.document).toContain("日本アルミニウム協会");
    params.setOverrides({ "lci.primary_ingot.co2": { value: 16, unit: "t-CO2/t", assumption: true, source: { document: "test" } } });
    expect(callWith(params, "RECYCLEDSAVING", 1)).toBe(15.697);
    params.setOverrides({ "lci.primary_ingot.co2": { value: null, unit: "t-CO2/t", assumption: true, source: { document: "test" } } });
    expect(codeOf(callWith(params, "RECYCLEDSAVING", 1))).toBe("NA");
    expect(callWith(params, "RECYCLEDSAVING", 1, 12, 0.3)).toBe(11.7);
  });
  it("answers each bad-input class with the right error", () => {
    expect(codeOf(call("RECYCLEDSAVING", "abc"))).toBe("VALUE");
    expect(codeOf(call("RECYCLEDSAVING", "1,234"))).toBe("VALUE");
    expect(codeOf(call("RECYCLEDSAVING", "１０"))).toBe("VALUE");
    expect(codeOf(call("RECYCLEDSAVING", -1))).toBe("NUM");
    expect(codeOf(call("RECYCLEDSAVING", 1, -12))).toBe("NUM");
    expect(codeOf(call("RECYCLEDSAVING", 1, 12, -0.3))).toBe("NUM");
    expect(codeOf(call("RECYCLEDSAVING"))).toBe("VALUE");
  });
  it("is linear in the recycled tonnage", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 10 ** 9 }), (a, b) => {
        const whole = call("RECYCLEDSAVING", a + b) as number;
        const parts = (call("RECYCLEDSAVING", a) as number) + (call("RECYCLEDSAVING", b) as number);
        expect(Math.abs(whole - parts)).toBeLessThanOrEqual(1e-9 * Math.max(1, whole));
      }),
    );
  });
});

describe("INGOTCO2", () => {
  it("is primary_t × primary_factor + recycled_t × recycled_factor", () => {
    expect(call("INGOTCO2", 100, 50)).toBe(1286.15); // 1271 + 15.15
    expect(call("INGOTCO2", 100, 50, 10, 0.5)).toBe(1025);
    expect(call("INGOTCO2", 0, 1)).toBe(0.303);
    expect(call("INGOTCO2", 1, 0)).toBe(12.71);
  });
  it("falls by RECYCLEDSAVING when recycled ingot replaces primary ingot", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 7 }), fc.integer({ min: 0, max: 10 ** 7 }), (p, r) => {
        const allPrimary = call("INGOTCO2", p + r, 0) as number;
        const mixed = call("INGOTCO2", p, r) as number;
        const saving = call("RECYCLEDSAVING", r) as number;
        expect(Math.abs(allPrimary - mixed - saving)).toBeLessThanOrEqual(1e-9 * Math.max(1, allPrimary));
      }),
    );
  });
  it("answers each bad-input class with the right error", () => {
    expect(codeOf(call("INGOTCO2", "abc", 1))).toBe("VALUE");
    expect(codeOf(call("INGOTCO2", 1, "2,000"))).toBe("VALUE");
    expect(codeOf(call("INGOTCO2", "３", 1))).toBe("VALUE");
    expect(codeOf(call("INGOTCO2", -1, 1))).toBe("NUM");
    expect(codeOf(call("INGOTCO2", 1, -1))).toBe("NUM");
    expect(codeOf(call("INGOTCO2", 1, 1, -1))).toBe("NUM");
    expect(codeOf(call("INGOTCO2", 1))).toBe("VALUE");
  });
});
