import { createEngine } from "../../src/cli/engine";

/** Array results laid out from shapes: a REGFIT over formula cells loaded in one batch (as recalc does). */
describe("engine: spilled ALCN results over formula cells", () => {
  it("sizes REGFIT and LINEST before their data cells are computed", () => {
    const hf = createEngine();
    const sheet = hf.getSheetId(hf.addSheet("S")) as number;
    hf.setSheetContent(sheet, [
      ["=1*1", "=1*2", "=ALCN.REGFIT(A1:A4,B1:B4)", null, "=LINEST(A1:A4,B1:B4,TRUE,TRUE)"],
      ["=1*2", "=1*3"],
      ["=1*3.5", "=1*4"],
      ["=1*4", "=1*5.2"],
    ]);
    const fit = [hf.getCellValue({ sheet, row: 0, col: 2 }), hf.getCellValue({ sheet, row: 0, col: 3 })] as number[];
    const line = [hf.getCellValue({ sheet, row: 0, col: 4 }), hf.getCellValue({ sheet, row: 0, col: 5 })] as number[];
    // Excel's LINEST puts the slope first; REGFIT puts b0 first.
    expect(fit[1]).toBeCloseTo(line[0] as number, 12);
    expect(fit[0]).toBeCloseTo(line[1] as number, 12);
    expect(typeof hf.getCellValue({ sheet, row: 4, col: 5 })).toBe("number");
    hf.destroy();
  });
  it("reads bare TRUE and FALSE as booleans, as Excel does", () => {
    const hf = createEngine();
    const sheet = hf.getSheetId(hf.addSheet("S")) as number;
    hf.setSheetContent(sheet, [["=IF(TRUE,1,2)", "=IF(FALSE,1,2)"]]);
    expect(hf.getSheetValues(sheet)).toEqual([[1, 2]]);
    hf.destroy();
  });
});
