import { evaluateFormulas } from "../../src/cli/eval";

/** The benchmark functions through `alcn eval` (HyperFormula), the path an independent checker uses. */
describe("alcn eval: benchmark functions", () => {
  const cases: [string, string | RegExp][] = [
    ["=ALCN.ALLOWANCE({1.2,0.8},{1000,500},0.95,0.3,2000)", String((1.2 * 1000 + 0.8 * 500) / 0.95 + 600)],
    ['=ALCN.ALLOWANCE({1.2,0.8},{1000,500},0.95,0.3,2000,"round")', "2284"],
    ["=ALCN.ALLOWANCE.UP({1.2,0.8},{1000,500},0.8)", "2000"],
    ["=ALCN.ALLOWANCE.DOWN({0.3,0.4},{2000,1000})", "1000"],
    ["=ALCN.ALLOWANCE(1,1,0,1,1)", /^#DIV\/0! /],
    ["=ALCN.CORRFACTOR(10,2,{1,-0.01,-0.05},20,3)", "0.8125"],
    ["=ALCN.CORRFACTOR(10,,{1,-0.01},20)", "0.8888888888888888"],
    ["=ALCN.CORRFACTOR(10,2)", /^#N\/A .*bm\.reg\.coefs/],
    ["=ALCN.COMPANYCF({10;20},{2;3},{100;300},{1,-0.01,-0.05},20,3)", "0.953125"],
    ["=ALCN.COMPANYCF({10;20},,{1;1},{1,-0.01},20)", String((0.8 / 0.9 + 1) / 2)],
    ["=ALCN.UPINTENSITY(100,50,1.1)", "2.2"],
    ["=ALCN.TARGET({0.9,1.1,1.3,0.7,1},32.5)", "0.93"],
    ["=ALCN.TARGET({0.9,1.1,1.3,0.7,1},32.5,{100,200,300,400,500})", "0.9"],
    ["=ALCN.TARGET({1,2},101)", /^#NUM! /],
    ["=ALCN.BMPATH(1,0.5,2027)", "0.8"],
    ["=ALCN.BMPATH(1,0.5,2031)", /^#N\/A /],
    ['=ALCN.BASEACTIVITY({100,110,120},{"","disaster",""})', String(320 / 3)],
    ['=ALCN.BASEACTIVITY({0,0,120},{"none","none","opening"},{0,0,200})', "219"],
    ['=ALCN.BASEACTIVITY({1,2},{"none","none"})', /^#N\/A /],
    ["=ALCN.REBASE(100,107,108)", "107.5"],
    ["=ALCN.BALANCE(1000,1200,500)", "-80"],
    ["=ALCN.PRICEBAND(2028)", "4561.87"],
    ['=ALCN.PRICEBAND(2026,"lower")', "1700"],
    ['=ALCN.PARAM("bm.final_pct")', "32.5"],
    ['=ALCN.PARAM("bm.baseline_years")', "{2023,2024,2025}"],
    ['=ALCN.PARAM("bm.reg.coefs")', /^#N\/A /],
    ["=ALCN.EDITION()", "meti-al-2025-10-draft"],
    ['=ALCN.BMPATH(1,0.8,2028,ALCN.PARAM("bm.base_fy"),ALCN.PARAM("bm.final_fy"))', "0.88"],
  ];
  it.each(cases)("%s", (formula, expected) => {
    const [line] = evaluateFormulas([formula]);
    if (typeof expected === "string") expect(line).toBe(expected);
    else expect(line).toMatch(expected);
  });
});
