import { numberFromText, roleOf, runChecks, studentisedResiduals, type Finding } from "../../../src/core/checks";
import type { CellScalar } from "../../../src/core";

const HEAD_JA = ["炉ID", "炉サイズ (t)", "チャージ数 (回/h)", "排出量 (t-CO2)", "半製品生産量 (t)"];
const HEAD_EN = ["Furnace", "Size (t)", "Charges (casts/h)", "Emissions (t-CO2)", "Semi-products (t)"];

/** Eight furnaces whose intensity follows 1.2 − 0.01·size − 0.05·charges with a little noise. */
function furnaces(): CellScalar[][] {
  const noise = [0.01, -0.012, 0.008, -0.005, 0.011, -0.009, 0.004, -0.007];
  return [20, 25, 30, 35, 40, 45, 50, 55].map((size, i) => {
    const charges = 1 + (i % 3) * 0.5;
    const semi = 10000 + i * 1500;
    const intensity = 1.2 - 0.01 * size - 0.05 * charges + (noise[i] as number);
    return [`F${i + 1}`, size, charges, Math.round(intensity * semi * 1000) / 1000, semi];
  });
}

function check(rows: CellScalar[][], head = HEAD_JA, topLeft = "A7"): Finding[] {
  return runChecks({ sheet: "入力", topLeft, values: [head, ...rows] });
}

const at = (fs: Finding[], address: string) => fs.filter((f) => f.address === address);

describe("runChecks", () => {
  it("a clean furnace table has no findings", () => {
    expect(check(furnaces())).toEqual([]);
    expect(check(furnaces(), HEAD_EN)).toEqual([]);
  });

  it("blank cells in a filled row", () => {
    const rows = furnaces();
    (rows[2] as CellScalar[])[3] = null;
    (rows[4] as CellScalar[])[1] = "  ";
    const fs = check(rows);
    expect(at(fs, "D10").map((f) => [f.kind, f.severity])).toEqual([["blank", "error"]]);
    expect(at(fs, "B12").map((f) => f.kind)).toEqual(["blank"]);
    expect(fs.every((f) => f.sheet === "入力")).toBe(true);
  });

  it("text in number cells: full-width digits and thousands separators, with the number as the fix", () => {
    const rows = furnaces();
    (rows[0] as CellScalar[])[4] = "１２，３４５";
    (rows[1] as CellScalar[])[4] = "11,500";
    (rows[2] as CellScalar[])[1] = "n/a";
    const fs = check(rows);
    const a = at(fs, "E8")[0];
    expect(a?.kind).toBe("text");
    expect(a?.suggestion).toBe(12345);
    expect(a?.message.ja).toContain("全角");
    expect(at(fs, "E9")[0]?.suggestion).toBe(11500);
    expect(at(fs, "B10")[0]?.kind).toBe("text");
    expect(at(fs, "B10")[0]?.suggestion).toBeUndefined();
  });

  it("negative or zero production, size and charges; negative emissions", () => {
    const rows = furnaces();
    (rows[0] as CellScalar[])[4] = 0;
    (rows[1] as CellScalar[])[4] = -5;
    (rows[2] as CellScalar[])[1] = 0;
    (rows[3] as CellScalar[])[3] = -1;
    const fs = check(rows);
    expect(at(fs, "E8").map((f) => [f.kind, f.severity])).toEqual([["nonPositive", "warning"]]);
    expect(at(fs, "E9").map((f) => [f.kind, f.severity])).toEqual([["nonPositive", "error"]]);
    expect(at(fs, "B10").map((f) => f.kind)).toEqual(["nonPositive"]);
    expect(at(fs, "D11").map((f) => f.kind)).toEqual(["nonPositive"]);
  });

  it("units off by 1000 (t vs 千t) both ways, with the scaled value as the fix", () => {
    const rows = furnaces();
    (rows[5] as CellScalar[])[4] = 17500 * 1000;
    (rows[6] as CellScalar[])[4] = 19; // thousand t instead of t
    const fs = check(rows);
    const big = at(fs, "E13").find((f) => f.kind === "units");
    expect(big?.suggestion).toBe(17500);
    const small = at(fs, "E14").find((f) => f.kind === "units");
    expect(small?.suggestion).toBe(19000);
    // a value 10× off is not a unit slip
    const rows2 = furnaces();
    (rows2[5] as CellScalar[])[4] = 175000;
    expect(check(rows2).filter((f) => f.kind === "units")).toEqual([]);
  });

  it("a furnace far from the regression (studentised residual > 3)", () => {
    const rows = furnaces();
    const r = rows[3] as CellScalar[];
    r[3] = (r[3] as number) * 1.6; // 60 % more emissions than its size and charges explain
    const fs = check(rows);
    const reg = fs.filter((f) => f.kind === "regression");
    expect(reg.map((f) => [f.address, f.severity])).toEqual([["D11", "warning"]]);
    expect(reg[0]?.message.en).toMatch(/studentised residual/);
  });

  it("base years without a status, and unknown statuses", () => {
    const head = ["工程", "製品区分", "2023年度 (t)", "2024年度 (t)", "2025年度 (t)", "状態 2023", "状態 2024", "状態 2025", "操業日数 2023", "操業日数 2024", "操業日数 2025"];
    const rows: CellScalar[][] = [
      ["上工程", "板", 1000, 1100, 1050, "normal", "normal", "normal", null, null, null],
      ["上工程", "箔", null, 900, 950, "", "normal", "normal", null, null, null],
      ["下工程", "押出", 0, 800, 820, "none", "normal", "normal", null, null, null],
      ["下工程", "鋳物", 500, 0, 520, "normal", "stopped", "", null, null, null],
      ["下工程", "缶", 300, 0, 320, "normal", "", "disaster", null, null, null],
    ];
    const fs = runChecks({ sheet: "入力", topLeft: "A20", values: [head, ...rows] });
    // row 2 (A22): FY2023 blank with blank status → at the status cell F22, suggestion "none"
    expect(at(fs, "F22").map((f) => [f.kind, f.suggestion])).toEqual([["status", "none"]]);
    // row 3: zero with status none → fine
    expect(fs.filter((f) => f.address.endsWith("23"))).toEqual([]);
    // row 4: unknown status "stopped"
    expect(at(fs, "G24").map((f) => [f.kind, f.severity])).toEqual([["status", "error"]]);
    // row 5: FY2024 zero with blank status
    expect(at(fs, "G25").map((f) => f.kind)).toEqual(["status"]);
    // blank days columns are optional
    expect(fs.filter((f) => f.kind === "blank")).toEqual([]);
  });

  it("a year column without status columns flags the value cell", () => {
    const fs = runChecks({ sheet: "S", topLeft: "B2", values: [["製品区分", "FY2023", "FY2024", "FY2025"], ["板", 10, null, 12]] });
    expect(fs.map((f) => [f.kind, f.address])).toEqual([["status", "D3"]]);
  });

  it("finds several tables in one sheet and ignores label/value lines", () => {
    const values: CellScalar[][] = [
      ["入力（黄色のセルを編集）", null, null, null, null],
      [null, null, null, null, null],
      ["会社名", "デモ", null, null, null],
      [null, null, null, null, null],
      HEAD_JA,
      ...furnaces().slice(0, 4),
      [null, null, null, null, null],
      ["工程", "製品区分", "FY2023", "FY2024", "FY2025"],
      ["上工程", "板", 1, "２", 3],
    ];
    const fs = runChecks({ sheet: "入力", topLeft: "A1", values });
    expect(fs.map((f) => [f.kind, f.address])).toEqual([["text", "D12"]]);
  });

  it("never throws on odd blocks", () => {
    expect(runChecks({ sheet: "S", topLeft: "A1", values: [] })).toEqual([]);
    expect(runChecks({ sheet: "S", topLeft: "zz", values: [[1, 2], [null], [true, { kind: "CellError", code: "#REF!" }]] })).toEqual([]);
    expect(runChecks({ sheet: "S", topLeft: "A1", values: [HEAD_EN, [1, true, { kind: "CellError", code: "#N/A" }, null, 3]] }).length).toBeGreaterThan(0);
  });
});

describe("helpers", () => {
  it("numberFromText", () => {
    expect(numberFromText("１２３")).toBe(123);
    expect(numberFromText("1,234.5")).toBe(1234.5);
    expect(numberFromText("－５")).toBe(-5);
    expect(numberFromText("abc")).toBeUndefined();
    expect(numberFromText("12t")).toBeUndefined();
  });

  it("roleOf reads the wizard's headers", () => {
    expect(HEAD_JA.map((h) => roleOf(h)?.kind)).toEqual(["label", "size", "charges", "emissions", "production"]);
    expect(HEAD_EN.map((h) => roleOf(h)?.kind)).toEqual(["label", "size", "charges", "emissions", "production"]);
    expect(roleOf("状態 2024")).toEqual({ kind: "status", year: 2024 });
    expect(roleOf("Status FY2025")).toEqual({ kind: "status", year: 2025 });
    expect(roleOf("2023年度 (t)")).toEqual({ kind: "year", year: 2023 });
    expect(roleOf("排出原単位 (t-CO2/t)")?.kind).toBe("optional");
  });

  it("studentised residuals: a clear outlier stands out; too few points give undefined", () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8];
    const y = x.map((v, i) => 2 * v + 1 + (i === 5 ? 5 : [0.1, -0.1, 0.05, -0.05, 0.08, 0, -0.08, 0.02][i] as number));
    const fit = studentisedResiduals(y, [x]);
    const t = fit?.studentised ?? [];
    const worst = t.reduce((k, v, i) => (Math.abs(v) > Math.abs(t[k] as number) ? i : k), 0);
    expect(worst).toBe(5);
    expect(Math.abs(t[5] as number)).toBeGreaterThan(3);
    expect(studentisedResiduals([1, 2, 3], [[1, 2, 3]])).toBeUndefined();
    expect(studentisedResiduals([1, 2, 3, 4, 5], [[1, 1, 1, 1, 1]])).toBeUndefined();
  });
});
