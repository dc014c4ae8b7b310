import { CATALOGUE, functionSpec } from "../../../src/core";
import { buildFormula, searchFunctions } from "../../../src/taskpane/components/builder/model";

describe("formula builder model", () => {
  it("searches names and meanings in Japanese and English, names first", () => {
    expect(searchFunctions(CATALOGUE, "", "ja").length).toBe(CATALOGUE.length);
    expect(searchFunctions(CATALOGUE, "corr", "en")[0]?.name).toBe("CORRFACTOR");
    expect(searchFunctions(CATALOGUE, "補正係数", "ja").map((f) => f.name)).toEqual(expect.arrayContaining(["CORRFACTOR", "COMPANYCF"]));
    expect(searchFunctions(CATALOGUE, "進捗率", "ja").map((f) => f.name)).toContain("PROGRESS");
    expect(searchFunctions(CATALOGUE, "ｐｒｏｇｒｅｓｓ", "ja")[0]?.name).toBe("PROGRESS");
    expect(searchFunctions(CATALOGUE, "zzzz", "en")).toEqual([]);
  });

  it("writes the formula: trailing omitted arguments dropped, inner ones kept empty, text quoted", () => {
    const cf = functionSpec("CORRFACTOR");
    if (!cf) throw new Error("no CORRFACTOR");
    expect(buildFormula(cf, ["B4", "C4", "", "", "", ""], [], undefined)).toBe("=ALCN.CORRFACTOR(B4,C4)");
    expect(buildFormula(cf, ["B4", "", "$K$2:$M$2", "20", "", "power"], [], undefined)).toBe('=ALCN.CORRFACTOR(B4,,$K$2:$M$2,20,,"power")');
    expect(buildFormula(cf, ["B4", "C4", "ALCN_COEFS", "ALCN_AVG_SIZE", "ALCN_AVG_CHARGES", "ALCN_FORM"], [], undefined)).toBe("=ALCN.CORRFACTOR(B4,C4,ALCN_COEFS,ALCN_AVG_SIZE,ALCN_AVG_CHARGES,ALCN_FORM)");
    expect(buildFormula(cf, ["B4", "C4", "", "", "", '"log"'], [], undefined)).toBe('=ALCN.CORRFACTOR(B4,C4,,,,"log")');
    const fuel = functionSpec("FUELCO2");
    if (!fuel) throw new Error("no FUELCO2");
    expect(buildFormula(fuel, ["A1", "A重油"], [], undefined)).toBe('=ALCN.FUELCO2(A1,"A重油")');
    expect(buildFormula(fuel, ["A1", "B1"], [], undefined)).toBe("=ALCN.FUELCO2(A1,B1)");
  });

  it("qualifies a selection made on another sheet", () => {
    const spec = functionSpec("INTENSITY");
    if (!spec) throw new Error("no INTENSITY");
    expect(buildFormula(spec, ["B2", "C2:C9"], ["入力", "炉 データ"], "入力")).toBe("=ALCN.INTENSITY(B2,'炉 データ'!C2:C9)");
    expect(buildFormula(spec, ["B2", "C2"], ["Inputs", "Inputs"], "Calc")).toBe("=ALCN.INTENSITY(Inputs!B2,Inputs!C2)");
  });
});
