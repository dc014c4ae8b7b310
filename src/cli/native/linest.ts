/**
 * Excel's LINEST and LOGEST for the headless engine. HyperFormula has neither, and the workbook's
 * native-formula mode (plain Excel functions, recomputable without the add-in) uses LINEST, so the
 * CLI provides them, solved by ALCN's exact least squares (src/core/benchmark/leastsquares.ts).
 *
 * Excel's layout: one row mk, …, m1, b (last regressor first, intercept last); with stats = TRUE
 * five rows: coefficients; their standard errors (seb #N/A when const = FALSE); R², sey; F, df;
 * SSreg, SSresid; the other cells #N/A. LOGEST fits ln y = ln b + Σ xj·ln mj and returns the
 * exponentiated mj and b; its statistics are those of the fit on ln y, as in Excel.
 *
 * Differences from Excel (docs/decisions/150-regression.md): exactly collinear columns are refused
 * with #NUM! instead of being dropped with a 0 coefficient; the numbers are those of the exact fit
 * (Excel's own LINEST loses digits on ill-conditioned data such as NIST Filip).
 */
import { DWide } from "../../core/decimal";
import { fail } from "../../core/errors";
import { leastSquares, type LsqResult } from "../../core/benchmark/leastsquares";
import { expFast, lnFast } from "../../core/benchmark/lnexp";
import { observationsOf, regressionSize, sizingOption, statsBlock, strictBlock } from "../../core/benchmark/regression";
import type { FunctionSpec } from "../../core/spec";
import { scalarBoolean } from "../../core/input";
import { isMatrix, type CellArg, type OutScalar } from "../../core/values";

type Kind = "LINEST" | "LOGEST";

function fit(kind: Kind, rawY: CellArg, rawX: CellArg, withConst: boolean): LsqResult {
  const yb = strictBlock("known_y", rawY);
  if (yb.rows > 1 && yb.cols > 1) fail("VALUE", "notVector", { arg: "known_y" });
  const y = yb.cells.flat();
  const n = y.length;
  const yIsRow = yb.rows === 1 && n > 1;
  const xOmitted = rawX === undefined || rawX === null || rawX === "";
  // Omitted known_x is {1, 2, 3, …} in the shape of known_y, as in Excel.
  const rawXs: CellArg = xOmitted ? (yIsRow ? [y.map((_, i) => i + 1)] : y.map((_, i) => [i + 1])) : rawX;
  const obs = observationsOf(strictBlock("known_x", rawXs), n, yIsRow);
  const ys = y.map((v) => {
    const w = new DWide(v);
    if (kind === "LINEST") return w;
    if (!w.gt(0)) fail("NUM", "notPositive", { arg: "known_y", value: w.toString() });
    return lnFast(w);
  });
  return leastSquares({ rows: obs.map((r) => r.map((v) => new DWide(v))), y: ys, intercept: withConst });
}

/** LINEST / LOGEST on raw cell arguments, in Excel's column order. */
export function nativeRegression(kind: Kind, rawY: CellArg, rawX: CellArg, withConst: boolean, stats: boolean): OutScalar[][] {
  const r = fit(kind, rawY, rawX, withConst);
  const block = statsBlock(r, withConst); // b0 first
  if (kind === "LOGEST") {
    block[0] = r.coefs.map((c) => expFast(c));
  }
  const excel = block.map((row, i) => (i <= 1 ? row.slice().reverse() : row));
  return stats ? excel : [excel[0] as OutScalar[]];
}

/** Excel's reading of a logical argument: omitted/blank → default, any number ≠ 0 → TRUE, "TRUE"/"FALSE" text. */
function excelBoolean(arg: string, raw: CellArg, dflt: boolean): boolean {
  const cell = isMatrix(raw) ? (raw.length === 1 && raw[0]?.length === 1 ? raw[0][0] : fail("VALUE", "notScalar", { arg })) : raw;
  if (cell === undefined || cell === null || cell === "") return dflt;
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell !== 0;
  return scalarBoolean(arg, cell) ?? dflt;
}

function spec(kind: Kind): FunctionSpec {
  const log = kind === "LOGEST";
  return {
    name: kind,
    description: {
      en: log ? "Excel LOGEST (exponential curve fit), for the headless engine." : "Excel LINEST (linear least squares), for the headless engine.",
      ja: log ? "Excel の LOGEST（指数回帰）。ヘッドレス計算用。" : "Excel の LINEST（線形の最小二乗法）。ヘッドレス計算用。",
    },
    result: "array",
    args: [
      { name: "known_y", ja: "既知のy", type: "raw", description: { en: "The y values.", ja: "y の値。" } },
      { name: "known_x", ja: "既知のx", type: "raw", optional: true, description: { en: "The x values (default 1, 2, 3, …).", ja: "x の値（省略時 1, 2, 3, …）。" } },
      { name: "const", ja: "定数", type: "raw", optional: true, description: { en: "FALSE forces b = 0 (LOGEST: b = 1).", ja: "FALSE で b = 0（LOGEST は b = 1）。" } },
      { name: "stats", ja: "補正", type: "raw", optional: true, description: { en: "TRUE returns the statistics block.", ja: "TRUE で統計ブロックを返します。" } },
    ],
    compute: ([y, x, c, s]) => nativeRegression(kind, y as CellArg, x as CellArg, excelBoolean("const", c as CellArg, true), excelBoolean("stats", s as CellArg, false)),
    resultSize: ([y, x, , s]) =>
      regressionSize(y ?? { rows: 1, cols: 1, value: undefined }, x?.value === undefined ? undefined : x, undefined, sizingOption(() => excelBoolean("stats", s?.value, false), false)),
  };
}

/** The native Excel functions the engine adds to HyperFormula (registered without the ALCN. prefix). */
export const NATIVE_FUNCTIONS: readonly FunctionSpec[] = [spec("LINEST"), spec("LOGEST")];
