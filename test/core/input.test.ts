import { D } from "../../src/core/decimal";
import { CalcAbort } from "../../src/core/errors";
import { cellNumber, choice, looksNumeric, numberMatrix, numberVector, scalarBoolean } from "../../src/core/input";

function codeOfThrow(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    if (e instanceof CalcAbort) return e.error.code;
    throw e;
  }
}

describe("cell-input coercion", () => {
  it("reads blanks as missing, not zero", () => {
    expect(cellNumber("x", null)).toBeUndefined();
    expect(cellNumber("x", "")).toBeUndefined();
    expect(cellNumber("x", 0)?.toString()).toBe("0");
  });
  it("keeps 0.1 as 0.1 (shortest decimal string)", () => {
    expect(cellNumber("x", 0.1)?.eq(new D("0.1"))).toBe(true);
  });
  it("refuses numeric-looking text with #VALUE!", () => {
    for (const s of ["１２３", "1,234", " 12 ", "1e3", "－５"]) {
      expect(looksNumeric(s)).toBe(true);
      expect(codeOfThrow(() => cellNumber("x", s))).toBe("VALUE");
    }
    expect(looksNumeric("abc")).toBe(false);
  });
  it("reads vectors with the chosen blank rule", () => {
    expect(numberVector("v", [[1, null, 3]]).map(String)).toEqual(["1", "0", "3"]);
    expect(numberVector("v", [[1], [null], [3]], "skip").map(String)).toEqual(["1", "3"]);
    expect(numberVector("v", [[1, null]], "keep")[1]).toBeUndefined();
  });
  it("refuses ragged matrices", () => {
    expect(codeOfThrow(() => numberMatrix("m", [[1, 2], [3]]))).toBe("VALUE");
  });
  it("reads booleans and choices", () => {
    expect(scalarBoolean("b", "true")).toBe(true);
    expect(scalarBoolean("b", 0)).toBe(false);
    expect(codeOfThrow(() => scalarBoolean("b", "yes"))).toBe("VALUE");
    expect(choice("c", "ＬＩＮＥＡＲ", ["linear", "log"] as const)).toBe("linear");
    expect(codeOfThrow(() => choice("c", "cubic", ["linear", "log"] as const))).toBe("VALUE");
  });
});
