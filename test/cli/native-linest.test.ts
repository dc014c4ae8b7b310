import { readFileSync } from "fs";
import { DetailedCellError } from "hyperformula";
import { createEngine } from "../../src/cli/engine";
import { evaluateFormulas } from "../../src/cli/eval";
import { lre } from "../core/benchmark/exact-ols";

interface NistSet {
  y: string[];
  x: (string | string[])[];
  certified: { beta: string[]; residual_sd: string; r_squared: string };
}
const nist = JSON.parse(readFileSync("/work/shared/reference/nist-strd-linear.json", "utf8")) as { datasets: Record<string, NistSet> };

describe("native LINEST / LOGEST in the headless engine", () => {
  it("evaluates LINEST in Excel's order (m, b) and inside INDEX", () => {
    expect(evaluateFormulas(["=INDEX(LINEST({1;2;3.1},{1;2;3}),1,1)", "=INDEX(LINEST({1;2;3.1},{1;2;3}),1,2)", "=LINEST({1;2;3.1})"])).toEqual([
      "1.05",
      "-0.06666666666666667",
      "{1.05,-0.06666666666666667}",
    ]);
  });

  it("puts the last regressor first: {m2, m1, b}, for a row of y with x in rows", () => {
    // y = −0.06 + 1.02·x1 + 0.02·x2 exactly (3 observations, 3 coefficients).
    const [out] = evaluateFormulas(["=LINEST({1,2,3.1},{1,2,3;2,1,5})"]);
    const vals = (out as string).slice(1, -1).split(",").map(Number);
    expect(vals[0]).toBeCloseTo(0.02, 12);
    expect(vals[1]).toBeCloseTo(1.02, 12);
    expect(vals[2]).toBeCloseTo(-0.06, 12);
  });

  it("returns the five-row stats block with #N/A fillers and seb #N/A without constant", () => {
    const [full, noConst] = evaluateFormulas(["=LINEST({1;2;3.1;3.9},{1,5;2,3;3,4;4,1},1,1)", "=LINEST({1;2;3.1},{1;2;3},0,1)"]);
    const rows = (full as string).slice(1, -1).split(";").map((r) => r.split(","));
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(r).toHaveLength(3);
    for (const i of [2, 3, 4]) expect(rows[i]?.[2]).toBe("#N/A");
    expect(rows[3]?.[1]).toBe("1"); // df = 4 − 3
    const nc = (noConst as string).slice(1, -1).split(";").map((r) => r.split(","));
    expect(nc[0]?.[1]).toBe("0");
    expect(nc[1]?.[1]).toBe("#N/A");
    expect(Number(nc[0]?.[0])).toBeCloseTo((1 + 4 + 9.3) / 14, 14);
  });

  it("reads const and stats as Excel does (any non-zero number is TRUE; omitted = default)", () => {
    const [a, b, c] = evaluateFormulas(["=LINEST({1;2;3.1},{1;2;3},2,0)", "=LINEST({1;2;3.1},{1;2;3},,1)", "=LINEST({1;2;3.1},{1;2;3},\"x\")"]);
    expect(a).toBe("{1.05,-0.06666666666666667}");
    expect((b as string).split(";")).toHaveLength(5);
    expect(c).toMatch(/^#VALUE!/);
  });

  it("LOGEST returns m and b of y = b·m^x", () => {
    const [out] = evaluateFormulas(["=LOGEST({3;6;12;24},{1;2;3;4})"]);
    const [m, b] = (out as string).slice(1, -1).split(",").map(Number);
    expect(m).toBeCloseTo(2, 13);
    expect(b).toBeCloseTo(1.5, 13);
    expect(evaluateFormulas(["=LOGEST({3;-6;12},{1;2;3})"])[0]).toMatch(/^#NUM!/);
  });

  it("answers bad input with Excel's error classes", () => {
    const out = evaluateFormulas(["=LINEST({1;2},{1;\"a\"})", "=LINEST({1;2;3},{1;2})", "=LINEST({1;2;3},{1,2;2,4;3,6})", "=LINEST({1;2},{1,2;3,4})"]);
    expect(out[0]).toMatch(/^#VALUE!/);
    expect(out[1]).toMatch(/^#VALUE!/);
    expect(out[2]).toMatch(/^#NUM!/); // collinear: refused (Excel would drop a column)
    expect(out[3]).toMatch(/^#NUM!/); // 3 coefficients from 2 rows
  });

  it.each(["Longley", "Norris"])("LINEST over sheet ranges matches NIST %s (LRE ≥ 12)", (name) => {
    const ds = nist.datasets[name] as NistSet;
    const hf = createEngine();
    const sheet = hf.getSheetId(hf.addSheet("Data")) as number;
    const data = ds.y.map((y, i) => {
      const x = ds.x[i] as string | string[];
      return [Number(y), ...(Array.isArray(x) ? x.map(Number) : [Number(x)])];
    });
    hf.setSheetContent(sheet, data);
    const n = data.length;
    const k = (data[0]?.length ?? 1) - 1;
    const lastCol = String.fromCharCode("A".charCodeAt(0) + k);
    hf.setCellContents({ sheet, row: n + 2, col: 0 }, [[`=LINEST(A1:A${n},B1:${lastCol}${n},1,1)`]]);
    const cell = (r: number, c: number): number => {
      const v = hf.getCellValue({ sheet, row: n + 2 + r, col: c });
      if (v instanceof DetailedCellError || typeof v !== "number") throw new Error(`cell ${r},${c}: ${String(v)}`);
      return v;
    };
    // Row 1: mk … m1, b — the certified b0 … bk reversed.
    const worst: number[] = [];
    for (let j = 0; j <= k; j++) worst.push(lre(cell(0, j), ds.certified.beta[k - j] as string));
    worst.push(lre(cell(2, 0), ds.certified.r_squared));
    worst.push(lre(cell(2, 1), ds.certified.residual_sd));
    hf.destroy();
    for (const w of worst) expect(w).toBeGreaterThanOrEqual(12);
  });
});
