import { functionSpec, invoke, ParameterStore } from "../../../src/core";
import { call, codeOf } from "../../helpers";

describe("BASEACTIVITY", () => {
  it("is the mean of the base years without statuses", () => {
    expect(call("BASEACTIVITY", [[100, 110, 120]])).toBe(110);
    expect(call("BASEACTIVITY", [[100], [110], [120]], [["normal"], [""], [null]])).toBe(110);
  });
  it("excludes years that are not operating (none / 休止) and blank values", () => {
    expect(call("BASEACTIVITY", [[100, 0, 120]], [["normal", "none", "normal"]])).toBe(110);
    expect(call("BASEACTIVITY", [[100, 0, 120]], [["", "休止", ""]])).toBe(110);
    expect(call("BASEACTIVITY", [[100, null, 120]])).toBe(110);
  });
  it("replaces a disaster year by the previous year's value (chained)", () => {
    expect(call("BASEACTIVITY", [[100, 40, 130]], [["", "disaster", ""]])).toBe(110);
    expect(call("BASEACTIVITY", [[90, 10, 20]], [["", "災害", "disaster"]])).toBe(90);
  });
  it("opening before the last year: mean of the years after it", () => {
    expect(call("BASEACTIVITY", [[0, 30, 120]], [["none", "opening", ""]])).toBe(120);
    expect(call("BASEACTIVITY", [[30, 100, 120]], [["opening", "", ""]])).toBe(110);
    expect(call("BASEACTIVITY", [[30, 100, 120]], [["新設", "", "none"]])).toBe(100);
  });
  it("opening in the last year: annualised, value × 365 ÷ days (a number or a range like values)", () => {
    expect(call("BASEACTIVITY", [[0, 0, 120]], [["none", "none", "opening"]], 200)).toBe(219);
    expect(call("BASEACTIVITY", [[0, 0, 120]], [["none", "none", "opening"]], [[0, 0, 200]])).toBe(219);
    expect(call("BASEACTIVITY", [[0, 0, 365]], [["none", "none", "opening"]], 365)).toBe(365);
  });
  it("reads a status 0 as normal (Excel passes blank cells in ranges as 0)", () => {
    expect(call("BASEACTIVITY", [[100, 110, 120]], [[0, 0, 0]])).toBe(110);
  });
  it("takes the annualisation days from the active parameter set", () => {
    const params = new ParameterStore();
    params.setOverrides({ "bm.baseline.annual_days": { value: 366, unit: "days", source: { document: "test" }, assumption: true } });
    expect(invoke(functionSpec("BASEACTIVITY")!, [[[0, 0, 100]], [["none", "none", "opening"]], 183], { lang: "en", params })).toBe(200);
  });
  it("answers bad input with the right error", () => {
    expect(codeOf(call("BASEACTIVITY", [[100, 110]], [["none", "none"]]))).toBe("NA");
    expect(codeOf(call("BASEACTIVITY", [[100, 110]], [["disaster", ""]]))).toBe("NA");
    expect(codeOf(call("BASEACTIVITY", [[100, 110, 5]], [["", "none", "disaster"]]))).toBe("NA");
    expect(codeOf(call("BASEACTIVITY", [[1, 110, 5]], [["opening", "disaster", ""]]))).toBe("NA");
    expect(codeOf(call("BASEACTIVITY", [[0, 0, 120]], [["none", "none", "opening"]]))).toBe("VALUE"); // days missing
    expect(codeOf(call("BASEACTIVITY", [[0, 0, 120]], [["none", "none", "opening"]], 0))).toBe("NUM");
    expect(codeOf(call("BASEACTIVITY", [[0, 0, 120]], [["none", "none", "opening"]], 400))).toBe("NUM");
    expect(codeOf(call("BASEACTIVITY", [[0, 0, 120]], [["none", "none", "opening"]], [[1, 2]]))).toBe("VALUE");
    expect(codeOf(call("BASEACTIVITY", [[1, 2, 3]], [["opening", "opening", ""]]))).toBe("VALUE");
    expect(codeOf(call("BASEACTIVITY", [[1, 2, 3]], [["", "closed", ""]]))).toBe("VALUE");
    expect(codeOf(call("BASEACTIVITY", [[1, 2, 3]], [["", ""]]))).toBe("VALUE");
    expect(codeOf(call("BASEACTIVITY", [[1, -2, 3]]))).toBe("NUM");
    expect(codeOf(call("BASEACTIVITY", [[1, "2", 3]]))).toBe("VALUE");
    expect(codeOf(call("BASEACTIVITY", null))).toBe("VALUE");
  });
});

describe("REBASE", () => {
  it("returns the mean of the two latest years when it moved by ≥ threshold (default 7.5 %)", () => {
    expect(call("REBASE", 100, 107, 108)).toBe(107.5); // +7.5 % exactly
    expect(call("REBASE", 100, 107, 107.9)).toBe(100); // +7.45 %
    expect(call("REBASE", 100, 92, 93)).toBe(92.5); // −7.5 %
    expect(call("REBASE", 100, 95, 95)).toBe(100);
    expect(call("REBASE", 100, 95, 95, 5)).toBe(95);
    expect(call("REBASE", 100, 100, 100, 0)).toBe(100);
  });
  it("answers bad input with the right error", () => {
    expect(codeOf(call("REBASE", 0, 1, 1))).toBe("DIV0");
    expect(codeOf(call("REBASE", 100, -1, 1))).toBe("NUM");
    expect(codeOf(call("REBASE", 100, 1, 1, -5))).toBe("NUM");
    expect(codeOf(call("REBASE", 100, 1))).toBe("VALUE");
    expect(codeOf(call("REBASE", 100, 1, "x"))).toBe("VALUE");
  });
});
