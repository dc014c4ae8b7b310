import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { fromStoredFormula, fromStoredReference, toStoredFormula } from "../../src/cli/formula-names";
import { sameValue } from "../../src/cli/recalc";
import { readCentralDirectory, inflateEntry } from "../../src/cli/xlsx-guard";
import { makeXlsx } from "./zip-fixtures";
import { buildTemplatePlan, sheetName } from "../../src/core/workbook";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "alcn-recalc-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out, err };
}

function entryText(file: string, name: string): string {
  const buf = readFileSync(file);
  const e = readCentralDirectory(buf).find((x) => x.name === name);
  if (!e) throw new Error(`no ${name}`);
  return inflateEntry(buf, e).toString("utf8");
}

describe("formula names in files", () => {
  it("maps _xldudf_ALCN_X and _xlfn. to the typed form and back", () => {
    expect(fromStoredFormula("_xldudf_ALCN_CORRFACTOR(B2,C2)*_xlfn.PERCENTILE.INC(A1:A9,0.5)")).toBe("=ALCN.CORRFACTOR(B2,C2)*PERCENTILE.INC(A1:A9,0.5)");
    expect(fromStoredFormula("_xldudf_ALCN_ALLOWANCE_UP(A1:A2,B1:B2,C1)")).toBe("=ALCN.ALLOWANCE.UP(A1:A2,B1:B2,C1)");
    // a function this version does not know (written by a newer add-in) stays an ALCN name: #NAME?, not a parse error
    expect(fromStoredFormula("_xldudf_ALCN_NEWFN_X(1)")).toBe("=ALCN.NEWFN_X(1)");
    expect(toStoredFormula("=ALCN.ALLOWANCE.DOWN(A1,B1)+PERCENTILE.INC(A1:A3,0.3)+SUM(A1)")).toBe("_xldudf_ALCN_ALLOWANCE_DOWN(A1,B1)+_xlfn.PERCENTILE.INC(A1:A3,0.3)+SUM(A1)");
  });
  it("never rewrites text or quoted sheet names, and quotes unquoted non-ASCII sheet names", () => {
    expect(toStoredFormula('=IF(A1="ALCN.X(",1,\'ALCN.Y(\'!A1)')).toBe('IF(A1="ALCN.X(",1,\'ALCN.Y(\'!A1)');
    expect(fromStoredFormula("入力!B3*2+Sheet1!A1")).toBe("='入力'!B3*2+Sheet1!A1");
    expect(fromStoredReference("パラメータ!$B$5:$B$7")).toBe("'パラメータ'!$B$5:$B$7");
  });
});

describe("alcn template and recalc", () => {
  it.each([
    ["ja", false],
    ["en", false],
    ["ja", true],
    ["en", true],
  ] as const)("template --lang %s (native %s) → recalc --check exits 0", async (lang, native) => {
    const file = join(dir, `t-${lang}-${native}.xlsx`);
    const t = await run("template", "--lang", lang, ...(native ? ["--native"] : []), file);
    expect(t.code).toBe(0);
    const r = await run("recalc", file, "--check");
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out.join("\n")).toMatch(/all match the cached values/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(buildTemplatePlan({ lang, mode: native ? "native" : "alcn" }).sheets.map((s) => s.name));
    const names = (wb.definedNames as unknown as { model: { name: string }[] }).model.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(["ALCN_COEFS", "ALCN_COEF_B0", "ALCN_AVG_SIZE", "ALCN_CREDIT_CAP_PCT"]));
    const calcXml = entryText(file, "xl/worksheets/sheet1.xml");
    if (native) expect(calcXml).not.toMatch(/ALCN\.|_xldudf_/);
    else {
      expect(calcXml).toMatch(/<f>_xldudf_ALCN_CORRFACTOR\(/);
      expect(calcXml).toMatch(/_xldudf_ALCN_ALLOWANCE_UP\(/);
      expect(calcXml).not.toMatch(/ALCN\.[A-Z]/);
    }
    const industryXml = entryText(file, "xl/worksheets/sheet4.xml");
    expect(industryXml).toMatch(native ? /_xlfn\.PERCENTILE\.INC\(/ : /_xldudf_ALCN_REGFIT\(/);
    // cached values are stored (Excel shows numbers before recalculating)
    expect(calcXml).toMatch(/<f>[^<]+<\/f><v>[-0-9.E]+<\/v>/);
  });

  it("--check exits 1 and prints each cell when an input was changed without recalculation", async () => {
    const file = join(dir, "tamper.xlsx");
    await run("template", "--lang", "en", file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const inputs = wb.getWorksheet(sheetName("inputs", "en"));
    if (!inputs) throw new Error("no Inputs sheet");
    inputs.getCell("D8").value = 30000; // M-1 emissions
    const tampered = join(dir, "tampered.xlsx");
    await wb.xlsx.writeFile(tampered);
    const r = await run("recalc", tampered, "--check");
    expect(r.code).toBe(1);
    expect(r.out.some((l) => /^'Allowance'!B8: file [0-9.]+, alcn [0-9.]+$/.test(l))).toBe(true); // M-1 intensity
    expect(r.out[r.out.length - 1]).toMatch(/\d+ differ from the cached values/);
  });

  it("--check exits 1 when a cached value was edited; --out writes values that then check clean", async () => {
    const file = join(dir, "cache.xlsx");
    await run("template", "--lang", "ja", file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(sheetName("calc", "ja"));
    const cell = ws?.getCell("B17");
    if (!cell) throw new Error("no cell");
    cell.value = { formula: cell.formula, result: 1.5 } as ExcelJS.CellFormulaValue;
    const edited = join(dir, "edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const r = await run("recalc", edited, "--check");
    expect(r.code).toBe(1);
    expect(r.out).toEqual(expect.arrayContaining([expect.stringMatching(/^'割当量計算'!B17: file 1\.5, alcn 0\.9695/)]));
    const fixed = join(dir, "fixed.xlsx");
    expect((await run("recalc", edited, "--out", fixed)).code).toBe(0);
    expect((await run("recalc", fixed, "--check")).code).toBe(0);
  });

  it("a Parameters cell drives the ALCN functions that read parameters (credit cap, price band)", async () => {
    const file = join(dir, "params.xlsx");
    await run("template", "--lang", "en", file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const params = wb.getWorksheet("Parameters");
    const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
    const lower = names.find((n) => n.name === "ALCN_PRICE_LOWER")?.ranges[0]?.split("!")[1]?.replace(/\$/g, "");
    if (!params || !lower) throw new Error("no Parameters sheet");
    params.getCell(lower).value = 2000;
    const changed = join(dir, "params2.xlsx");
    await wb.xlsx.writeFile(changed);
    const r = await run("recalc", changed, "--check");
    expect(r.code).toBe(1);
    expect(r.out).toEqual(expect.arrayContaining([expect.stringMatching(/^'Allowance'!B35: file 1700, alcn 2000$/)]));
  });

  it("usage errors exit 2", async () => {
    expect((await run("recalc")).code).toBe(2);
    expect((await run("recalc", "a.xlsx", "--bogus")).code).toBe(2);
    expect((await run("template")).code).toBe(2);
    expect((await run("template", "--lang", "fr", "x.xlsx")).code).toBe(2);
    expect((await run("template", "x.csv")).code).toBe(2);
  });

  it("sameValue: 1e-9 relative for numbers, exact otherwise", () => {
    expect(sameValue(1, 1 + 1e-10)).toBe(true);
    expect(sameValue(1, 1 + 1e-8)).toBe(false);
    expect(sameValue({ error: "#N/A" }, { error: "#N/A" })).toBe(true);
    expect(sameValue(undefined, 1)).toBe(false);
    expect(sameValue("a", "a")).toBe(true);
    expect(sameValue(0, null)).toBe(false);
  });
});

describe("a workbook as Excel saves it", () => {
  it("reads _xldudf_/_xlfn. names, shared formulas, TRUE literals, string/boolean/error/zero cached values", async () => {
    const sheet = [
      '<row r="1"><c r="A1"><v>10</v></c><c r="B1"><v>4</v></c><c r="C1"><f>_xldudf_ALCN_INTENSITY(A1,B1)</f><v>2.5</v></c></row>',
      '<row r="2"><c r="A2"><v>20</v></c><c r="B2"><v>5</v></c><c r="C2"><f t="shared" ref="C2:C3" si="0">A2/B2</f><v>4</v></c></row>',
      '<row r="3"><c r="A3"><v>30</v></c><c r="B3"><v>6</v></c><c r="C3"><f t="shared" si="0"/><v>5</v></c></row>',
      '<row r="4"><c r="A4"><f>_xlfn.PERCENTILE.INC(A1:A3,0.5)</f><v>20</v></c><c r="B4" t="b"><f>AND(TRUE,A1&gt;0)</f><v>1</v></c><c r="C4" t="e"><f>_xldudf_ALCN_INTENSITY(A1,0)</f><v>#DIV/0!</v></c></row>',
      '<row r="5"><c r="A5" t="str"><f>IF(A1&gt;5,"big","small")</f><v>big</v></c><c r="B5"><f>A1-10</f><v>0</v></c><c r="C5"><f>_xldudf_ALCN_ALLOWANCE_DOWN(A1:A2,B1:B2)</f><v>140</v></c></row>',
    ].join("");
    const file = join(dir, "excel-style.xlsx");
    writeFileSync(file, makeXlsx(sheet));
    const ok = await run("recalc", file, "--check");
    expect(ok.err).toEqual([]);
    expect(ok.out).toEqual([expect.stringMatching(/^9 formulas recalculated .*all match/)]);
    // the same file with one wrong cached value in the shared formula's second cell
    writeFileSync(file, makeXlsx(sheet.replace('<f t="shared" si="0"/><v>5</v>', '<f t="shared" si="0"/><v>5.1</v>')));
    const bad = await run("recalc", file, "--check");
    expect(bad.code).toBe(1);
    expect(bad.out[0]).toBe("'S'!C3: file 5.1, alcn 5");
  });
});

describe("npm run demo", () => {
  it.each(["ja", "en"] as const)("%s: prints allowance, emissions, balance and the factors, exit 0", async (lang) => {
    const r = await run("demo", "--lang", lang);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const text = r.out.join("\n");
    if (lang === "ja") {
      for (const w of ["割当量（合計）", "見込排出量", "過不足", "補正係数", "一致"]) expect(text).toContain(w);
    } else for (const w of ["Allowance (total)", "Expected emissions", "Balance", "Company CF", "all match", "equal"]) expect(text).toContain(w);
    expect(text).toMatch(/91,075/);
  });
});

describe("where alcn writes", () => {
  it("recalc never writes over the file it reads, not even through a link or with --force", async () => {
    const file = join(dir, "own.xlsx");
    expect((await run("template", file)).code).toBe(0);
    const before = readFileSync(file);
    const link = join(dir, "own-link.xlsx");
    symlinkSync(file, link);
    for (const out of [file, link, join(dir, ".", "own.xlsx")]) {
      const r = await run("recalc", file, "--out", out, "--force");
      expect(r.code).toBe(2);
      expect(r.err).toEqual([expect.stringMatching(/^alcn recalc: .* is the file being read; alcn never changes it/)]);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("an existing output file is replaced only with --force (recalc --out and template)", async () => {
    const input = join(dir, "in.xlsx");
    const out = join(dir, "taken.xlsx");
    await run("template", input);
    writeFileSync(out, "a file the user keeps");
    const r1 = await run("recalc", input, "--out", out);
    expect(r1).toMatchObject({ code: 2, err: [expect.stringMatching(/taken\.xlsx already exists; add --force to replace it$/)] });
    const r2 = await run("template", out);
    expect(r2).toMatchObject({ code: 2, err: [expect.stringMatching(/^alcn template: .*taken\.xlsx already exists; add --force/)] });
    expect(readFileSync(out, "utf8")).toBe("a file the user keeps");
    expect((await run("recalc", input, "--out", out, "--force")).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    const fresh = join(dir, "fresh.xlsx");
    expect((await run("template", fresh)).code).toBe(0);
    expect(existsSync(fresh)).toBe(true);
    expect((await run("template", "--force", fresh)).code).toBe(0);
  });
});
