import { call, codeOf } from "../../helpers";

describe("INTENSITY", () => {
  it("is emissions ÷ activity", () => {
    expect(call("INTENSITY", 1200, 4000)).toBe(0.3);
    expect(call("INTENSITY", 0.3, 0.1)).toBe(3);
  });
  it("answers bad input with the right error", () => {
    expect(codeOf(call("INTENSITY", 1, 0))).toBe("DIV0");
    expect(codeOf(call("INTENSITY", 1, -5))).toBe("NUM");
    expect(codeOf(call("INTENSITY", 1, null))).toBe("VALUE");
    expect(codeOf(call("INTENSITY", "１２", 3))).toBe("VALUE");
    expect(codeOf(call("INTENSITY", true, 3))).toBe("VALUE");
    expect(codeOf(call("INTENSITY", { kind: "CellError", code: "#REF!" }, 3))).toBe("VALUE");
    expect(codeOf(call("INTENSITY", [[1, 2]], 3))).toBe("VALUE");
  });
  it("accepts a 1×1 range as a single value", () => {
    expect(call("INTENSITY", [[6]], [[3]])).toBe(2);
  });
});
