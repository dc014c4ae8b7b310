import fc from "fast-check";
import { D } from "../../../src/core/decimal";
import { parseEdition } from "../../../src/core/editions";
import { isCalcError, type CalcError } from "../../../src/core/errors";
import { factorOf, fuelCo2 } from "../../../src/core/emissions/factors";
import { FUELS, fuelOf } from "../../../src/core/emissions/fuels";
import { functionSpec, invoke, ParameterStore, type CalcContext, type CellArg } from "../../../src/core";
import { call, codeOf } from "../../helpers";

function callWith(params: ParameterStore, name: string, ...args: CellArg[]) {
  const spec = functionSpec(name);
  if (!spec) throw new Error(name);
  return invoke(spec, args, { lang: "en", params });
}

function errorOf(v: unknown): CalcError {
  if (!isCalcError(v)) throw new Error(`not an error: ${String(v)}`);
  return v;
}

const ctx = (): CalcContext => ({ lang: "en", params: new ParameterStore() });

/** Hand-computed: amount 1 × GJ/unit × tC/GJ × 44/12 (decimal strings, repeating digits written out). */
const CO2_PER_UNIT_2024: Record<string, string> = {
  灯油: "2.502683333333333333333333", // 36.5 × 0.0187 = 0.68255; × 44 / 12
  A重油: "2.752823333333333333333333", // 38.9 × 0.0193 = 0.75077
  "B・C重油": "3.095986666666666666666667", // 41.8 × 0.0202 = 0.84436
  LPG: "2.99431", // 50.1 × 0.0163 = 0.81663
  LNG: "2.787876666666666666666667", // 54.7 × 0.0139 = 0.76033
  天然ガス: "1.95712", // 38.4 × 0.0139 = 0.53376
  都市ガス: "2.053333333333333333333333", // 40.0 × 0.0140 = 0.56
};

const CO2_PER_UNIT_H22: Record<string, string> = {
  灯油: "2.489483333333333333333333", // 36.7 × 0.0185
  A重油: "2.70963", // 39.1 × 0.0189
  "B・C重油": "2.98155", // 41.7 × 0.0195
  LPG: "3.000286666666666666666667", // 50.2 × 0.0163
  LNG: "2.69775", // 54.5 × 0.0135
  天然ガス: "2.084536666666666666666667", // 40.9 × 0.0139
};

const GJ_2024: Record<string, number> = { 灯油: 36.5, A重油: 38.9, "B・C重油": 41.8, LPG: 50.1, LNG: 54.7, 天然ガス: 38.4, 都市ガス: 40.0 };
const TC_2024: Record<string, number> = { 灯油: 0.0187, A重油: 0.0193, "B・C重油": 0.0202, LPG: 0.0163, LNG: 0.0139, 天然ガス: 0.0139, 都市ガス: 0.014 };
const GJ_H22: Record<string, number> = { 灯油: 36.7, A重油: 39.1, "B・C重油": 41.7, LPG: 50.2, LNG: 54.5, 天然ガス: 40.9 };
const TC_H22: Record<string, number> = { 灯油: 0.0185, A重油: 0.0189, "B・C重油": 0.0195, LPG: 0.0163, LNG: 0.0135, 天然ガス: 0.0139 };

describe("FUELCO2", () => {
  it("is amount × GJ/unit × tC/GJ × 44/12 with the shk-2024 factors (the default)", () => {
    expect(call("FUELCO2", 1, "A重油")).toBe(Number("2.7528233333333333333333"));
    expect(call("FUELCO2", 100, "A重油")).toBe(Number("275.28233333333333333333"));
    for (const [fuel, v] of Object.entries(CO2_PER_UNIT_2024)) expect(call("FUELCO2", 1, fuel)).toBe(Number(v));
    expect(call("FUELCO2", 1000, "LPG")).toBe(2994.31);
    expect(call("FUELCO2", 0, "灯油")).toBe(0);
  });

  it("uses the shk-h22 factors when asked", () => {
    for (const [fuel, v] of Object.entries(CO2_PER_UNIT_H22)) expect(call("FUELCO2", 1, fuel, "shk-h22")).toBe(Number(v));
    expect(call("FUELCO2", 1, "A重油", "SHK-H22")).toBe(2.70963);
    expect(call("FUELCO2", 1, "A重油", "shk-2024")).toBe(Number(CO2_PER_UNIT_2024.A重油));
  });

  it("accepts Japanese and English names, full-width and case variants", () => {
    const same: Record<string, string[]> = {
      A重油: ["Ａ重油", "a重油", " A重油 ", "A heavy oil", "fuel oil A", "Fuel Oil A", "heavy oil A", "ＡＨｅａｖｙ　Ｏｉｌ"],
      "B・C重油": ["BC重油", "B/C重油", "B･C重油", "ＢＣ重油", "C重油", "B重油", "fuel oil B/C", "heavy oil C", "C heavy oil"],
      灯油: ["kerosene", "KEROSENE", "Kerosine"],
      LPG: ["ＬＰＧ", "lpg", "液化石油ガス", "LPガス", "液化石油ガス（LPG）", "liquefied petroleum gas"],
      LNG: ["ｌｎｇ", "液化天然ガス", "Liquefied Natural Gas"],
      天然ガス: ["natural gas", "Natural Gas", "天然ガス（液化天然ガスを除く）"],
      都市ガス: ["city gas", "City Gas", "town gas"],
    };
    for (const [canonical, names] of Object.entries(same)) {
      const want = call("FUELCO2", 7, canonical);
      expect(typeof want).toBe("number");
      for (const n of names) expect([n, call("FUELCO2", 7, n)]).toEqual([n, want]);
    }
  });

  it("answers an unknown fuel with #N/A listing the accepted names", () => {
    for (const bad of ["重油", "gasoline", "D重油", "A", "ガス"]) {
      const e = errorOf(call("FUELCO2", 1, bad));
      expect(e.code).toBe("NA");
      expect(e.id).toBe("unknownFuel");
      for (const f of FUELS) expect(String(e.params.allowed)).toContain(f.key);
    }
  });

  it("answers 都市ガス in shk-h22 with #N/A (not in that edition)", () => {
    const e = errorOf(call("FUELCO2", 1, "都市ガス", "shk-h22"));
    expect(e.code).toBe("NA");
    expect(e.id).toBe("fuelNotInEdition");
    expect(codeOf(call("FUELCO2", 1, "city gas", "shk-h22"))).toBe("NA");
  });

  it("answers an unknown edition or an edition of another kind with #N/A", () => {
    expect(errorOf(call("FUELCO2", 1, "A重油", "shk-1999")).id).toBe("unknownEdition");
    expect(codeOf(call("FUELCO2", 1, "A重油", "meti-al-2025-10-draft"))).toBe("NA");
    expect(codeOf(call("FUELCO2", 1, "A重油", "jaa-lci"))).toBe("NA");
  });

  it("answers each bad-input class with the right error", () => {
    expect(codeOf(call("FUELCO2", "abc", "A重油"))).toBe("VALUE");
    expect(codeOf(call("FUELCO2", "1,234", "A重油"))).toBe("VALUE");
    expect(codeOf(call("FUELCO2", "１２３", "A重油"))).toBe("VALUE");
    expect(codeOf(call("FUELCO2", true, "A重油"))).toBe("VALUE");
    expect(codeOf(call("FUELCO2", -1, "A重油"))).toBe("NUM");
    expect(codeOf(call("FUELCO2", undefined, "A重油"))).toBe("VALUE");
    expect(codeOf(call("FUELCO2", 1))).toBe("VALUE");
    expect(codeOf(call("FUELCO2", 1, true))).toBe("VALUE");
    expect(codeOf(call("FUELCO2", 1, [["A重油", "LPG"]]))).toBe("VALUE");
    expect(codeOf(call("FUELCO2", { kind: "CellError", code: "#REF!" }, "A重油"))).toBe("VALUE");
    expect(codeOf(call("FUELCO2", 1, "A重油", "shk-2024", "extra"))).toBe("VALUE");
  });

  it("is additive in the amount and equals amount × FACTOR(co2) (in Decimal)", () => {
    const c = ctx();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 10 ** 9 }), fc.constantFrom(...FUELS.map((f) => f.key)), (a, b, fuel) => {
        const da = new D(a).div(1000);
        const db = new D(b).div(1000);
        const whole = fuelCo2(c, da.plus(db), fuel);
        const parts = fuelCo2(c, da, fuel).plus(fuelCo2(c, db, fuel));
        expect(whole.minus(parts).abs().lte(whole.abs().mul("1e-35").plus("1e-35"))).toBe(true);
        const viaFactor = da.mul(factorOf(c, fuel, "co2"));
        expect(fuelCo2(c, da, fuel).minus(viaFactor).abs().lte(viaFactor.abs().mul("1e-35").plus("1e-35"))).toBe(true);
      }),
    );
  });

  it("is additive in the amount through the cell interface (to double precision)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (a, b) => {
        const whole = call("FUELCO2", a + b, "LNG") as number;
        const parts = (call("FUELCO2", a, "LNG") as number) + (call("FUELCO2", b, "LNG") as number);
        expect(Math.abs(whole - parts)).toBeLessThanOrEqual(1e-12 * Math.max(1, whole));
      }),
    );
  });

  it("uses a workbook override without an edition argument, and the edition itself with one", () => {
    const params = new ParameterStore();
    params.setOverrides({ "shk.A重油.gj": { value: 39, unit: "GJ/kL", assumption: true, source: { document: "test" } } });
    expect(callWith(params, "FUELCO2", 12, "A重油")).toBe(Number(new D(12).mul(39).mul("0.0193").mul(44).div(12).toString()));
    expect(callWith(params, "FUELCO2", 1, "A重油", "shk-2024")).toBe(Number(CO2_PER_UNIT_2024.A重油));
    params.setOverrides({ "shk.A重油.tc": { value: null, unit: "tC/GJ", assumption: true, source: { document: "test" } } });
    expect(codeOf(callWith(params, "FUELCO2", 1, "A重油"))).toBe("NA");
    params.setOverrides({ "shk.A重油.tc": { value: "x", unit: "tC/GJ", assumption: true, source: { document: "test" } } });
    expect(codeOf(callWith(params, "FUELCO2", 1, "A重油"))).toBe("VALUE");
  });

  it("follows the active factors edition and accepts fuels an added edition defines", () => {
    const params = new ParameterStore();
    params.setActive("shk-h22");
    expect(callWith(params, "FUELCO2", 1, "A重油")).toBe(2.70963);
    expect(codeOf(callWith(params, "FUELCO2", 1, "都市ガス"))).toBe("NA");
    const src = { document: "test" };
    params.addEdition(
      parseEdition({
        id: "my-factors",
        kind: "factors",
        validFrom: "2025-04-01",
        title: { ja: "テスト", en: "test" },
        values: {
          "shk.軽油.gj": { value: 38, unit: "GJ/kL", assumption: false, source: src },
          "shk.軽油.tc": { value: 0.0188, unit: "tC/GJ", assumption: false, source: src },
        },
      }),
    );
    params.setActive("my-factors");
    expect(callWith(params, "FUELCO2", 3, "軽油")).toBe(Number(new D(3).mul(38).mul("0.0188").mul(44).div(12).toString()));
    expect(callWith(params, "FUELCO2", 1, "軽油", "my-factors")).toBe(callWith(params, "FUELCO2", 1, "軽油"));
    expect(codeOf(callWith(params, "FUELCO2", 1, "軽油", "shk-2024"))).toBe("NA");
    const e = errorOf(callWith(params, "FUELCO2", 1, "ガソリン"));
    expect(String(e.params.allowed)).toContain("軽油");
    expect(e.id).toBe("unknownFuel");
    expect(errorOf(callWith(params, "FUELCO2", 1, "A重油")).id).toBe("fuelNotInEdition");
  });
});

describe("FUELGJ", () => {
  it("is amount × GJ/unit", () => {
    expect(call("FUELGJ", 10, "A重油")).toBe(389);
    expect(call("FUELGJ", 2.5, "都市ガス")).toBe(100);
    expect(call("FUELGJ", 1, "天然ガス", "shk-h22")).toBe(40.9);
    for (const [fuel, gj] of Object.entries(GJ_2024)) expect(call("FUELGJ", 1, fuel)).toBe(gj);
    expect(call("FUELGJ", 0.1, "LPG")).toBe(5.01);
  });
  it("answers bad input with the right error", () => {
    expect(codeOf(call("FUELGJ", "1,234", "A重油"))).toBe("VALUE");
    expect(codeOf(call("FUELGJ", -5, "A重油"))).toBe("NUM");
    expect(codeOf(call("FUELGJ", 1, "重油"))).toBe("NA");
    expect(codeOf(call("FUELGJ", 1, "都市ガス", "shk-h22"))).toBe("NA");
  });
});

describe("FACTOR", () => {
  it("returns the heat value, the carbon factor and the CO2 factor of each edition", () => {
    for (const fuel of Object.keys(GJ_2024)) {
      expect(call("FACTOR", fuel, "gj")).toBe(GJ_2024[fuel]);
      expect(call("FACTOR", fuel, "tc")).toBe(TC_2024[fuel]);
      expect(call("FACTOR", fuel, "co2")).toBe(Number(CO2_PER_UNIT_2024[fuel]));
    }
    for (const fuel of Object.keys(GJ_H22)) {
      expect(call("FACTOR", fuel, "gj", "shk-h22")).toBe(GJ_H22[fuel]);
      expect(call("FACTOR", fuel, "tc", "shk-h22")).toBe(TC_H22[fuel]);
      expect(call("FACTOR", fuel, "co2", "shk-h22")).toBe(Number(CO2_PER_UNIT_H22[fuel]));
    }
  });
  it("matches `what` without case or width differences", () => {
    expect(call("FACTOR", "A重油", "GJ")).toBe(38.9);
    expect(call("FACTOR", "A重油", "ＣＯ２")).toBe(Number(CO2_PER_UNIT_2024.A重油));
  });
  it("answers bad input with the right error", () => {
    expect(codeOf(call("FACTOR", "A重油", "kg"))).toBe("VALUE");
    expect(codeOf(call("FACTOR", "A重油"))).toBe("VALUE");
    expect(codeOf(call("FACTOR", "軽油", "gj"))).toBe("NA");
    expect(codeOf(call("FACTOR", "都市ガス", "co2", "shk-h22"))).toBe("NA");
    expect(codeOf(call("FACTOR", "A重油", "gj", "nope"))).toBe("NA");
  });
});

describe("fuel table and shipped editions", () => {
  it("resolves every built-in name to one fuel", () => {
    expect(fuelOf("Ａ重油")?.key).toBe("A重油");
    expect(fuelOf("b・c重油")?.key).toBe("B・C重油");
    expect(fuelOf("重油")).toBeUndefined();
  });
  it("ships shk-2024 as the active factors edition and names parameters shk.<fuel>.gj / .tc", () => {
    const p = new ParameterStore();
    expect(p.activeEdition("factors")).toBe("shk-2024");
    expect(p.activeEdition("lci")).toBe("jaa-lci");
    expect(p.value("shk.A重油.gj")).toBe(38.9);
    expect(p.value("shk.A重油.tc")).toBe(0.0193);
    expect(p.value("shk.A重油.gj", "shk-h22")).toBe(39.1);
    expect(p.value("shoene.crude_kl_per_gj")).toBe(0.0258);
  });
  it("gives every factor a unit, a source from the ordinance and an assumption flag", () => {
    const p = new ParameterStore();
    for (const id of ["shk-2024", "shk-h22"]) {
      const e = p.edition(id);
      expect(e?.kind).toBe("factors");
      for (const [name, entry] of Object.entries(e?.values ?? {})) {
        if (name.startsWith("shk.")) {
          expect(entry.source.document).toContain("算定省令");
          expect(entry.source.date).toBeDefined();
          expect(entry.unit).toMatch(name.endsWith(".gj") ? /^GJ\/(kL|t|千m³)$/ : /^tC\/GJ$/);
        } else {
          expect(name).toBe("shoene.crude_kl_per_gj");
          expect(entry.source.document).toContain("省エネ法");
          expect(entry.unit).toBe("kL/GJ");
        }
        expect(entry.assumption).toBe(false);
      }
    }
    expect(p.edition("shk-h22")?.values["shk.都市ガス.gj"]).toBeUndefined();
    expect(p.edition("shk-2024")?.values["shk.天然ガス.gj"]?.source.note).toContain("25 °C");
    expect(p.edition("shk-h22")?.values["shk.天然ガス.gj"]?.source.note).toContain("0 °C");
  });
});
