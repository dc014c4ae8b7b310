import fc from "fast-check";
import { alcnName, evaluateArg, parseFormula, type EvalValue } from "../../../src/core/audit";

describe("parseFormula", () => {
  it("reads a plain ALCN call with cell arguments", () => {
    const p = parseFormula("=ALCN.CORRFACTOR(B4,C4)");
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.name).toBe("CORRFACTOR");
    expect(p.args.map((a) => a.text)).toEqual(["B4", "C4"]);
    expect(p.refs.map((r) => r.address)).toEqual(["B4", "C4"]);
    expect(p.nested).toBe(false);
  });

  it("finds the outermost ALCN call inside arithmetic and keeps nested ALCN calls as argument text", () => {
    const p = parseFormula("=ROUND(ALCN.UPINTENSITY(D2, E2, ALCN.COMPANYCF($B$2:$B$9, C2:C9, D2:D9)) * 1000, 0)");
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.name).toBe("UPINTENSITY");
    expect(p.nested).toBe(true);
    expect(p.args.map((a) => a.text)).toEqual(["D2", "E2", "ALCN.COMPANYCF($B$2:$B$9, C2:C9, D2:D9)"]);
    expect(p.refs.map((r) => r.address)).toEqual(["D2", "E2", "B2:B9", "C2:C9", "D2:D9"]);
  });

  it("reads sheet-qualified references, quoted sheet names, whole columns and rows", () => {
    const p = parseFormula("=ALCN.TARGET('炉 データ'!$C$2:$C$40, Params!B1, Furnaces!D:D, 3:3)");
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.refs).toEqual([
      { sheet: "炉 データ", address: "C2:C40", text: "'炉 データ'!$C$2:$C$40" },
      { sheet: "Params", address: "B1", text: "Params!B1" },
      { sheet: "Furnaces", address: "D:D", text: "Furnaces!D:D" },
      { address: "3:3", text: "3:3" },
    ]);
  });

  it("keeps omitted arguments, text with quotes, booleans, errors and array constants", () => {
    const p = parseFormula('=ALCN.CORRFACTOR(10,,{1,0.1;0.2,3},-5%,#N/A,"po""wer",TRUE)');
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.args.map((a) => a.expr.kind)).toEqual(["number", "missing", "array", "unary", "error", "text", "boolean"]);
    const txt = p.args[5]?.expr;
    expect(txt).toEqual({ kind: "text", value: 'po"wer' });
  });

  it("a trailing omitted argument is kept", () => {
    const p = parseFormula("=ALCN.BALANCE(A1,B1,)");
    expect(p.ok && p.args.length).toBe(3);
  });

  it("accepts the stored forms _xldudf_ALCN_X and lower case", () => {
    expect(alcnName("_xldudf_ALCN_ALLOWANCE_UP")).toBe("ALLOWANCE.UP");
    expect(alcnName("alcn.intensity")).toBe("INTENSITY");
    expect(alcnName("SUM")).toBeUndefined();
    const p = parseFormula("=_xldudf_ALCN_INTENSITY(A1,A2)");
    expect(p.ok && p.name).toBe("INTENSITY");
  });

  it("is not an ALCN formula: values, other functions, broken text", () => {
    for (const f of ["", "12", "=SUM(A1:A3)", "=ALCN.X(", "=ALCN.X(A1", '="abc', "=A1+", "=1+*2", "=Table1[Col]", "=(((", "={1,2;3}", null, 42, undefined]) {
      const p = parseFormula(f);
      expect(p.ok).toBe(false);
    }
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const p = parseFormula(`=${s}`);
        return typeof p.ok === "boolean";
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom("ALCN.X", "(", ")", ",", "A1", "B2:C3", "'S'!A1", "1", "+", "-", "*", "{", "}", ";", '"t"', "%", "^", " ", "SUM"), { maxLength: 30 }), (parts) => {
        const p = parseFormula(`=${parts.join("")}`);
        return typeof p.ok === "boolean";
      }),
      { numRuns: 2000 },
    );
  });
});

describe("evaluateArg", () => {
  const cells: Record<string, EvalValue> = { B4: 10, C4: 2, D1: "", "B2:B3": [[1], [2]] };
  const read = (r: { address: string }) => cells[r.address];

  function argsOf(f: string) {
    const p = parseFormula(f);
    if (!p.ok) throw new Error(p.reason);
    return p.args.map((a) => evaluateArg(a.expr, read));
  }

  it("evaluates references, literals and arithmetic on single cells", () => {
    const [a, b, c, d, e, f] = argsOf('=ALCN.X(B4, B4*C4+1, -C4^2, 50%, {1,2;3,4}, "linear")');
    expect(a).toEqual({ ok: true, value: 10 });
    expect(b).toEqual({ ok: true, value: 21 });
    // as in Excel, unary minus binds tighter than ^: -C4^2 = (-2)^2
    expect(c).toEqual({ ok: true, value: 4 });
    expect(d).toEqual({ ok: true, value: 0.5 });
    expect(e).toEqual({ ok: true, value: [[1, 2], [3, 4]] });
    expect(f).toEqual({ ok: true, value: "linear" });
  });

  it("returns undefined for an omitted argument and ranges as matrices", () => {
    const [a, b] = argsOf("=ALCN.X(B2:B3,)");
    expect(a).toEqual({ ok: true, value: [[1], [2]] });
    expect(b).toEqual({ ok: true, value: undefined });
  });

  it("division by zero gives #DIV/0! as a value", () => {
    const [a] = argsOf("=ALCN.X(B4/D1)");
    expect(a).toEqual({ ok: true, value: { kind: "CellError", code: "#DIV/0!" } });
  });

  it("evaluates nested calls through a call evaluator (the panel passes the core for ALCN calls)", () => {
    const p = parseFormula("=ALCN.X(ALCN.INTENSITY(B4,C4)*2, SUM(B4))");
    if (!p.ok) throw new Error(p.reason);
    const call = (name: string, args: readonly (EvalValue | undefined)[]) => (name === "ALCN.INTENSITY" ? (args[0] as number) / (args[1] as number) : undefined);
    expect(evaluateArg((p.args[0] as { expr: Parameters<typeof evaluateArg>[0] }).expr, read, undefined, call)).toEqual({ ok: true, value: 10 });
    expect(evaluateArg((p.args[1] as { expr: Parameters<typeof evaluateArg>[0] }).expr, read, undefined, call).ok).toBe(false);
  });

  it("cannot evaluate other functions, names, unread cells or arithmetic on ranges", () => {
    for (const r of argsOf("=ALCN.X(SUM(B4), myName, Z99, B2:B3*2)")) expect(r.ok).toBe(false);
  });
});
