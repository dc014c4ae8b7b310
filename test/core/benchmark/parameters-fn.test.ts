import { functionSpec, invoke, ParameterStore } from "../../../src/core";
import { overridesFromCells } from "../../../src/core/benchmark/parameters-fn";
import { SHIPPED_EDITIONS } from "../../../src/core/editions";
import { call, codeOf } from "../../helpers";

describe("PARAM", () => {
  it("shows a published value of the active parameter set or a named edition", () => {
    expect(call("PARAM", "bm.final_pct")).toEqual([[32.5]]);
    expect(call("PARAM", "bm.base_pct")).toEqual([[50]]);
    expect(call("PARAM", "bm.base_fy")).toEqual([[2025]]);
    expect(call("PARAM", "bm.final_fy", "meti-al-2025-10-draft")).toEqual([[2030]]);
    expect(call("PARAM", "bm.credit_cap_pct")).toEqual([[10]]);
    expect(call("PARAM", "bm.rebase_threshold_pct")).toEqual([[7.5]]);
    expect(call("PARAM", "bm.baseline_years")).toEqual([[2023, 2024, 2025]]);
  });
  it("is #N/A for unpublished values, unknown names and unknown editions", () => {
    for (const n of ["bm.reg.coefs", "bm.reg.form", "bm.reg.avg_size", "bm.reg.avg_charges", "bm.target.up", "bm.target.down", "bm.rounding"]) {
      expect(codeOf(call("PARAM", n))).toBe("NA");
    }
    expect(codeOf(call("PARAM", "bm.nothing"))).toBe("NA");
    expect(codeOf(call("PARAM", "bm.final_pct", "no-such-edition"))).toBe("NA");
    expect(codeOf(call("PARAM", null))).toBe("VALUE");
  });
  it("shows a workbook override (Parameters sheet), lists as a row", () => {
    const params = new ParameterStore();
    params.setOverrides({ "bm.reg.coefs": { value: [1, -0.01, -0.05], unit: "", source: { document: "Parameters sheet" }, assumption: false } });
    expect(invoke(functionSpec("PARAM")!, ["bm.reg.coefs"], { lang: "en", params })).toEqual([[1, -0.01, -0.05]]);
  });
});

describe("EDITION", () => {
  it("is the id of the active edition of a kind", () => {
    expect(call("EDITION")).toBe("meti-al-2025-10-draft");
    expect(call("EDITION", "benchmark")).toBe("meti-al-2025-10-draft");
    expect(typeof call("EDITION", "factors")).toBe("string");
  });
  it("answers bad input with the right error", () => {
    expect(codeOf(call("EDITION", "weather"))).toBe("VALUE");
    const empty = new ParameterStore([]);
    expect(codeOf(invoke(functionSpec("EDITION")!, [], { lang: "en", params: empty }))).toBe("NA");
  });
});

describe("edition meti-al-2025-10-draft", () => {
  const e = SHIPPED_EDITIONS.find((x) => x.id === "meti-al-2025-10-draft")!;
  it("cites a source, a unit and an assumption flag for every value", () => {
    for (const [name, v] of Object.entries(e.values)) {
      expect(v.source.document.length).toBeGreaterThan(0);
      expect(v.source.date ?? v.source.page ?? v.source.note).toBeTruthy();
      expect(typeof v.unit).toBe("string");
      expect(typeof v.assumption).toBe("boolean");
      expect(v.description?.ja && v.description.en).toBeTruthy();
      expect(name.startsWith("bm.")).toBe(true);
    }
  });
  it("flags base_fy 2025 as an assumption and leaves the regression, targets and rounding unpublished", () => {
    expect(e.values["bm.base_fy"]).toMatchObject({ value: 2025, assumption: true });
    for (const n of ["bm.reg.form", "bm.reg.coefs", "bm.reg.avg_size", "bm.reg.avg_charges", "bm.target.up", "bm.target.down", "bm.rounding"]) {
      expect(e.values[n]?.value).toBeNull();
    }
  });
});

describe("overridesFromCells (Parameters sheet → ParameterStore)", () => {
  it("turns named cells into overrides that CORRFACTOR, ALLOWANCE and PARAM read", () => {
    const params = new ParameterStore();
    params.setOverrides(
      overridesFromCells({
        "bm.reg.coefs": [[1, -0.01, -0.05]],
        "bm.reg.avg_size": 20,
        "bm.reg.avg_charges": [[3]],
        "bm.reg.form": " linear ",
        "bm.rounding": "floor",
        "bm.target.up": null,
      }),
    );
    const run = (name: string, ...args: Parameters<typeof call>[1][]) => invoke(functionSpec(name)!, args, { lang: "en", params });
    expect(run("CORRFACTOR", 10, 2)).toBe(0.8125);
    expect(run("PARAM", "bm.reg.coefs")).toEqual([[1, -0.01, -0.05]]);
    expect(run("ALLOWANCE", 1, 1000.7, 1, 0, 0)).toBe(1000);
    expect(codeOf(run("PARAM", "bm.target.up"))).toBe("NA");
    expect(run("PARAM", "bm.final_pct")).toEqual([[32.5]]); // not overridden: from the edition
  });
  it("rejects a range with text in it", () => {
    expect(() => overridesFromCells({ "bm.reg.coefs": [[1, "x"]] })).toThrow(TypeError);
  });
});
