import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { guardXlsx, LIMITS, WorkbookRejected } from "../../src/cli/xlsx-guard";
import { formulaRows, makeXlsx, makeZip } from "./zip-fixtures";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "alcn-hostile-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function recalc(name: string, content: Buffer | string): Promise<{ code: number; out: string[]; err: string[]; ms: number }> {
  const file = join(dir, name);
  writeFileSync(file, content);
  const out: string[] = [];
  const err: string[] = [];
  const t0 = performance.now();
  const code = await main(["recalc", file, "--check"], (s) => out.push(s), (s) => err.push(s));
  return { code, out, err, ms: performance.now() - t0 };
}

function expectOneLine(r: { code: number; err: string[] }, pattern: RegExp): void {
  expect(r.code).toBe(1);
  expect(r.err).toHaveLength(1);
  expect(r.err[0]).toMatch(/^alcn: /);
  expect(r.err[0]).toMatch(pattern);
  expect(r.err[0]).not.toMatch(/\n\s+at /); // no stack trace
}

describe("hostile and broken workbooks: one clear line, exit 1", () => {
  it("a missing file", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(["recalc", join(dir, "nope.xlsx")], (s) => out.push(s), (s) => err.push(s));
    expectOneLine({ code, err }, /cannot open .*ENOENT/);
  });

  it("not a zip (text), an empty file, an OLE file", async () => {
    expectOneLine(await recalc("text.xlsx", "name,value\nA,1\n"), /not an \.xlsx file/);
    expectOneLine(await recalc("empty.xlsx", ""), /not an \.xlsx file/);
    const ole = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    expectOneLine(await recalc("ole.xlsx", ole), /OLE file/);
  });

  it("a truncated workbook (cut in half, or only the central directory cut)", async () => {
    const good = makeXlsx('<row r="1"><c r="A1"><v>1</v></c></row>');
    expectOneLine(await recalc("half.xlsx", good.subarray(0, Math.floor(good.length / 2))), /truncated|damaged/);
    expectOneLine(await recalc("tail.xlsx", good.subarray(0, good.length - 10)), /truncated|damaged/);
  });

  it("a zip that is not a workbook", async () => {
    expectOneLine(await recalc("plain.xlsx", makeZip([{ name: "readme.txt", data: Buffer.from("hello") }])), /not an Excel workbook/);
  });

  it("a zip bomb declaring more than the uncompressed cap (nothing is inflated)", async () => {
    const r = await recalc("declared.xlsx", makeXlsx('<row r="1"><c r="A1"><v>1</v></c></row>', [{ name: "xl/media/big.bin", data: Buffer.from("x"), declaredSize: 0xfffffff0 }]));
    expectOneLine(r, /zip bomb|far too large/);
  });

  it("a zip bomb with an extreme compression ratio", async () => {
    const zeros = Buffer.alloc(30 * 1024 * 1024);
    expectOneLine(await recalc("ratio.xlsx", makeXlsx('<row r="1"><c r="A1"><v>1</v></c></row>', [{ name: "xl/media/zeros.bin", data: zeros }])), /expands \d+× \(zip bomb\)/);
  });

  it("an entry that inflates beyond its declared size (lying header)", async () => {
    const big = Buffer.alloc(5 * 1024 * 1024, 0x41);
    const r = await recalc("liar.xlsx", makeXlsx('<row r="1"><c r="A1"><v>1</v></c></row>', [{ name: "xl/media/liar.bin", data: big, declaredSize: 1000 }]));
    expectOneLine(r, /beyond its declared size/);
  });

  it("more formulas than the cap (200 000) is refused before ExcelJS parses anything, fast", async () => {
    const r = await recalc("formulas.xlsx", makeXlsx(formulaRows(LIMITS.formulas + 2)));
    expectOneLine(r, /more than 200,000 formulas/);
    expect(r.ms).toBeLessThan(5000);
  });

  it("more cells than the cap is refused (guard with a small cap)", () => {
    const xlsx = makeXlsx(Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c><c r="B${i + 1}"><v>2</v></c></row>`).join(""));
    expect(() => guardXlsx(xlsx, { ...LIMITS, cells: 99 })).toThrow(WorkbookRejected);
    expect(guardXlsx(xlsx, { ...LIMITS, cells: 100 }).cells).toBe(100);
  });

  it("a shared-string table larger than the cell cap is refused (guard with a small cap)", () => {
    const sst = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${"<si><t>x</t></si>".repeat(101)}</sst>`);
    const xlsx = makeXlsx('<row r="1"><c r="A1"><v>1</v></c></row>', [{ name: "xl/sharedStrings.xml", data: sst }]);
    expect(() => guardXlsx(xlsx, { ...LIMITS, cells: 100 })).toThrow(/shared strings/);
    expect(() => guardXlsx(xlsx, { ...LIMITS, cells: 101 })).not.toThrow();
  });

  it("XML entity expansion (billion laughs) is refused by the parser, not expanded", async () => {
    let dtd = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">';
    for (let i = 2; i <= 9; i++) dtd += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
    dtd += "]>";
    const xml = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${dtd}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`);
    const r = await recalc("lol.xlsx", makeXlsx(xml));
    expectOneLine(r, /could not read the workbook: .*entity/);
    expect(r.ms).toBeLessThan(5000);
  });

  it("a circular reference ends with one line naming a cell, and nothing is written", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Loop");
    ws.getCell("A1").value = { formula: "B1+1", result: 1 } as ExcelJS.CellFormulaValue;
    ws.getCell("B1").value = { formula: "A1*2", result: 2 } as ExcelJS.CellFormulaValue;
    ws.getCell("C1").value = 5;
    const file = join(dir, "cycle.xlsx");
    await wb.xlsx.writeFile(file);
    const err: string[] = [];
    const outFile = join(dir, "cycle-out.xlsx");
    const code = await main(["recalc", file, "--out", outFile], () => undefined, (s) => err.push(s));
    expectOneLine({ code, err }, /circular reference .*2 cell\(s\).*'Loop'!A1/);
    expect(existsSync(outFile)).toBe(false);
  });

  it("a formula nested beyond Excel's 64 levels is refused by name, naming the cell", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("深い").getCell("B2").value = { formula: `${"ABS(".repeat(1000)}1${")".repeat(1000)}`, result: 1 } as ExcelJS.CellFormulaValue;
    const r = await recalc("nested.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    expectOneLine(r, /^alcn: '深い'!B2: the formula nests functions more than 64 levels deep; Excel allows 64 — not a formula Excel could have saved$/);
  });

  it("a formula within Excel's limits that the engine cannot parse (thousands of unary minus signs) names its cell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 1;
    ws.getCell("C3").value = { formula: `${"-".repeat(8000)}A1`, result: 1 } as ExcelJS.CellFormulaValue;
    const r = await recalc("unary.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    expectOneLine(r, /^alcn: 'S'!C3: the formula is nested too deeply for the engine to read \(Maximum call stack size exceeded\)$/);
  });

  it("a sparse sheet with a cell at the far corner of the grid stays small and fast", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Far");
    ws.getCell("A1").value = 2;
    ws.getCell("XFD1048576").value = { formula: "A1*21", result: 42 } as ExcelJS.CellFormulaValue;
    const file = join(dir, "far.xlsx");
    await wb.xlsx.writeFile(file);
    const out: string[] = [];
    const t0 = performance.now();
    const code = await main(["recalc", file, "--check"], (s) => out.push(s), () => undefined);
    expect(code).toBe(0);
    expect(out.join("\n")).toMatch(/1 formulas recalculated.*all match/);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
