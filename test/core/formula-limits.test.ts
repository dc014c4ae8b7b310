import { beyondFormulaLimits, FORMULA_LIMITS } from "../../src/core/formula-limits";
import { parseFormula } from "../../src/core/audit";

const nest = (n: number, inner = "1") => `=${"ABS(".repeat(n)}${inner}${")".repeat(n)}`;
const group = (n: number) => `=${"(".repeat(n)}1${")".repeat(n)}`;

describe("Excel's formula limits", () => {
  it("64 nested functions are Excel's limit; 65 are refused by name", () => {
    expect(beyondFormulaLimits(nest(64))).toBeUndefined();
    expect(beyondFormulaLimits(nest(65))).toBe("the formula nests functions more than 64 levels deep; Excel allows 64");
  });

  it("functions side by side are not nested: each closes before the next opens", () => {
    expect(beyondFormulaLimits(`=${Array.from({ length: 200 }, () => "ABS(1)").join("+")}`)).toBeUndefined();
  });

  it("grouping brackets are not function levels, but more than 128 open at once are refused", () => {
    expect(beyondFormulaLimits(group(100))).toBeUndefined();
    expect(beyondFormulaLimits(group(FORMULA_LIMITS.bracketDepth))).toBeUndefined();
    expect(beyondFormulaLimits(group(FORMULA_LIMITS.bracketDepth + 1))).toMatch(/more than 128 brackets open/);
    // 64 functions inside 64 groups: within both limits
    expect(beyondFormulaLimits(`=${"(ABS(".repeat(64)}1${"))".repeat(64)}`)).toBeUndefined();
  });

  it("brackets inside text and quoted sheet names do not count", () => {
    expect(beyondFormulaLimits(`=LEN("${"(".repeat(500)}")`)).toBeUndefined();
    expect(beyondFormulaLimits(`=SUM('割当量計算 (2)'!A1:A3)+'It''s (x)'!B1`)).toBeUndefined();
    expect(beyondFormulaLimits(`="a""(("&${"ABS(".repeat(65)}1${")".repeat(65)}`)).toMatch(/64 levels/);
  });

  it("8 192 characters are Excel's limit", () => {
    expect(beyondFormulaLimits(`=${"1".repeat(8191)}`)).toBeUndefined();
    expect(beyondFormulaLimits(`=${"1".repeat(8192)}`)).toBe("the formula has 8193 characters; Excel allows 8192");
  });

  it("the audit's formula reader says why instead of running out of stack", () => {
    expect(parseFormula(nest(1000, "ALCN.INTENSITY(1,1)"))).toEqual({ ok: false, reason: expect.stringMatching(/more than 128 brackets|64 levels/) });
    expect(parseFormula(`=ALCN.INTENSITY(${"-".repeat(8000)}1,1)`)).toEqual({ ok: false, reason: "the formula chains too many operators to read" });
    expect(parseFormula(nest(64, "ALCN.INTENSITY(1,1)")).ok).toBe(false); // 65 functions with the ALCN call
    expect(parseFormula(nest(63, "ALCN.INTENSITY(1,1)")).ok).toBe(true);
  });
});
