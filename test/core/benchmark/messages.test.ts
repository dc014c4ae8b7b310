import { functionSpec, invoke, isCalcError, messageOf, ParameterStore, type CellArg } from "../../../src/core";

/** Every error the benchmark functions produce has a filled message in Japanese and English. */
const CASES: [string, CellArg[]][] = [
  ["CORRFACTOR", [10, 2]],
  ["CORRFACTOR", [100, 2, [[1, -0.01, -0.05]], 20, 3]],
  ["COMPANYCF", [[[10, 20]], [[2, 3]], [[0, 0]], [[1, -0.01, -0.05]], 20, 3]],
  ["COMPANYCF", [[[10, null]], [[2, 3]], [[1, 1]], [[1, -0.01, -0.05]], 20, 3]],
  ["TARGET", [[[1, 2]], 120]],
  ["TARGET", [[[1, 2]], 50, [[0, 0]]]],
  ["BMPATH", [1, 0.5, 2031]],
  ["BMPATH", [1, 0.5, 2027, 2030, 2030]],
  ["BMPATH", [1, 0.5, 2027.5]],
  ["BASEACTIVITY", [[[1, 2]], [["none", "none"]]]],
  ["BASEACTIVITY", [[[1, 2]], [["disaster", ""]]]],
  ["BASEACTIVITY", [[[1, 2]], [["opening", "opening"]]]],
  ["BASEACTIVITY", [[[1, 2]], [["", "closed"]]]],
  ["REBASE", [0, 1, 1]],
  ["ALLOWANCE", [1, 1, 0, 1, 1]],
  ["ALLOWANCE", [[[1, 2]], [[1, 2, 3]], 1, 1, 1]],
  ["BALANCE", [-1, 1]],
  ["PRICEBAND", [2020]],
  ["PARAM", ["bm.reg.coefs"]],
  ["PARAM", ["bm.nothing"]],
  ["EDITION", ["weather"]],
];

describe("benchmark error messages", () => {
  it.each(CASES)("%s gives an error with ja and en messages, placeholders filled", (name, args) => {
    const out = invoke(functionSpec(name)!, args, { lang: "ja", params: new ParameterStore() });
    expect(isCalcError(out)).toBe(true);
    if (!isCalcError(out)) return;
    for (const lang of ["ja", "en"] as const) {
      const m = messageOf(out, lang);
      expect(m.length).toBeGreaterThan(5);
      expect(m).not.toMatch(/\{\w+\}/);
    }
    expect(out.id).not.toBe("internal");
  });
});
