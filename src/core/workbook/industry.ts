/**
 * The industry sheet (SPEC 5.1 "fit them from an industry furnace table with REGFIT"): the association's
 * furnace table (size, charges, intensity, production) and the regression fitted on it, plus the
 * production-weighted average furnace. The Parameters sheet then refers to these cells instead of typed
 * coefficients. ALCN mode: REGFIT and WAVG; native mode: LINEST (with LN for the log and power forms),
 * SUMPRODUCT. Coefficients are b0, b1 (size), b2 (charges) in both (LINEST's are read right to left).
 */
import type { Bilingual } from "./labels";
import { modeStatement, pick, sheetName, t } from "./labels";
import { cellRef, onSheet, SheetBuilder, type Lang, type SheetPlan, type WorkbookMode } from "./plan";

export interface IndustryFurnace {
  readonly size: number;
  readonly charges: number;
  /** Upstream intensity, t-CO2/t. */
  readonly intensity: number;
  /** Semi-product production, t (the weight of the average furnace). */
  readonly production: number;
}

export interface IndustryInputs {
  readonly source: Bilingual;
  readonly furnaces: readonly IndustryFurnace[];
}

/** Sheet-qualified references of the fitted values, for the Parameters sheet. */
export interface IndustryRefs {
  readonly b0: string;
  readonly b1: string;
  readonly b2: string;
  readonly rSquared: string;
  readonly avgSize: string;
  readonly avgCharges: string;
  /** Reference only: the top-50 % and top-32.5 % levels of the corrected furnace intensities (count method). */
  readonly levelBase: string;
  readonly levelFinal: string;
}

/** f(size, charges) of the regression, native: one IF over the form cell so a change of form stays live. */
export function nativeRegression(size: string, charges: string): string {
  const lin = `ALCN_COEF_B0+ALCN_COEF_B1*${size}+ALCN_COEF_B2*${charges}`;
  const log = `ALCN_COEF_B0+ALCN_COEF_B1*LN(${size})+ALCN_COEF_B2*LN(${charges})`;
  return `IF(ALCN_FORM="linear",${lin},IF(ALCN_FORM="log",${log},IF(ALCN_FORM="power",EXP(${log}),NA())))`;
}

function linest(y: string, x: string, form: "linear" | "log" | "power", stats = false): string {
  const tail = stats ? ",TRUE,TRUE" : "";
  if (form === "linear") return `LINEST(${y},${x}${tail})`;
  if (form === "log") return `LINEST(${y},LN(${x})${tail})`;
  return `LINEST(LN(${y}),LN(${x})${tail})`;
}

/** A native formula that follows the form cell: CHOOSE over the three forms' LINEST. */
function nativeFit(y: string, x: string, row: number, col: number, stats = false): string {
  const forms = (["linear", "log", "power"] as const).map((f) => `INDEX(${linest(y, x, f, stats)},${row},${col})`);
  return `=CHOOSE(MATCH(ALCN_FORM,{"linear","log","power"},0),${forms.join(",")})`;
}

/**
 * `formRef` is the Parameters cell of the form ('パラメータ'!B8): ALCN mode passes it to REGFIT directly rather
 * than through the name ALCN_FORM, because the headless engine sizes an array result when the formula is
 * entered and cannot resolve a defined name at that moment (docs/notes/workbook.md).
 */
export function buildIndustrySheet(inp: IndustryInputs, opt: { mode: WorkbookMode; lang: Lang; formRef: string }): { sheet: SheetPlan; refs: IndustryRefs } {
  const { mode, lang } = opt;
  if (inp.furnaces.length < 4) throw new Error("the industry fit needs at least 4 furnaces");
  const name = sheetName("industry", lang);
  const s = new SheetBuilder(name);
  s.set(0, 0, { role: "title", value: t(lang, "業界データと回帰式（炉サイズ・チャージ数）", "Industry data and regression (furnace size, charges)") });
  s.set(1, 0, { role: "note", value: modeStatement(mode, lang) });
  s.set(2, 0, { role: "note", value: pick(lang, inp.source) });
  const head = [
    t(lang, "No.", "No."),
    t(lang, "炉サイズ (t)", "Size (t)"),
    t(lang, "チャージ数 (回/h)", "Charges (casts/h)"),
    t(lang, "排出原単位 (t-CO2/t)", "Intensity (t-CO2/t)"),
    t(lang, "半製品生産量 (t)", "Semi-products (t)"),
    t(lang, "補正係数 CF", "Correction factor CF"),
    t(lang, "補正後原単位 (t-CO2/t)", "Corrected intensity (t-CO2/t)"),
  ];
  head.forEach((h, c) => s.set(4, c, { role: "header", value: h }));
  const r0 = 5;
  inp.furnaces.forEach((f, i) => {
    const row = r0 + i;
    s.set(row, 0, { role: "label", value: i + 1 });
    s.set(row, 1, { role: "input", value: f.size, numFmt: "#,##0.0" });
    s.set(row, 2, { role: "input", value: f.charges, numFmt: "0.000" });
    s.set(row, 3, { role: "input", value: f.intensity, numFmt: "0.0000" });
    s.set(row, 4, { role: "input", value: f.production, numFmt: "#,##0" });
  });
  const r1 = r0 + inp.furnaces.length - 1;
  // The f(industry-average furnace) row sits right after the six fit rows below (fixed layout, checked there).
  const fAvgRef = `$B$${r1 + 2 + 6 + 1}`;
  inp.furnaces.forEach((_, i) => {
    const row = r0 + i;
    const size = cellRef(row, 1);
    const charges = cellRef(row, 2);
    const cf = s.set(row, 5, {
      role: "output",
      formula: mode === "alcn" ? `=ALCN.CORRFACTOR(${size},${charges},ALCN_COEFS,ALCN_AVG_SIZE,ALCN_AVG_CHARGES,ALCN_FORM)` : `=${fAvgRef}/${nativeRegression(size, charges)}`,
      numFmt: "0.0000",
      note: t(lang, "f(業界平均の炉) ÷ f(この炉)", "f(industry-average furnace) ÷ f(this furnace)"),
    });
    s.set(row, 6, { role: "output", formula: `=${cellRef(row, 3)}*${cf}`, numFmt: "0.0000", note: t(lang, "排出原単位 × 補正係数", "intensity × CF") });
  });
  const col = (c: number): string => `${cellRef(r0, c)}:${cellRef(r1, c)}`;
  const X = `${cellRef(r0, 1)}:${cellRef(r1, 2)}`;
  const Y = col(3);
  const P = col(4);
  const alcn = mode === "alcn";
  let row = r1 + 2;
  const step = (label: string, formula: string, unit: string, rule: string, numFmt: string): string => {
    s.set(row, 0, { role: "label", value: label });
    const ref = s.set(row, 1, { role: "output", formula, numFmt, note: rule });
    s.set(row, 2, { role: "note", value: unit });
    s.set(row, 3, { role: "note", value: rule });
    row++;
    return onSheet(name, ref);
  };
  const fitRule = alcn ? t(lang, "REGFIT（回帰式の形はパラメータ ALCN_FORM）", "REGFIT (form per ALCN_FORM)") : t(lang, "LINEST（log/power は LN を取って当てはめ、係数は右から b0）", "LINEST (LN taken for log/power; coefficients read right to left)");
  const coef = (k: number): string => (alcn ? `=INDEX(ALCN.REGFIT(${Y},${X},${opt.formRef}),1,${k + 1})` : nativeFit(Y, X, 1, 3 - k));
  const b0 = step(t(lang, "回帰係数 b0（切片）", "coefficient b0 (intercept)"), coef(0), "-", fitRule, "0.000000");
  const b1 = step(t(lang, "回帰係数 b1（炉サイズ）", "coefficient b1 (size)"), coef(1), "-", fitRule, "0.000000");
  const b2 = step(t(lang, "回帰係数 b2（チャージ数）", "coefficient b2 (charges)"), coef(2), "-", fitRule, "0.000000");
  const rSquared = step(
    t(lang, "決定係数 R²", "R²"),
    alcn ? `=INDEX(ALCN.REGFIT(${Y},${X},${opt.formRef},,TRUE),3,1)` : nativeFit(Y, X, 3, 1, true),
    "-",
    t(lang, "power形は ln y に対する R²", "for the power form, R² of ln y"),
    "0.0000",
  );
  const avgSize = step(
    t(lang, "平均炉サイズ（生産量加重）", "Average furnace size (production-weighted)"),
    alcn ? `=ALCN.WAVG(${col(1)},${P})` : `=SUMPRODUCT(${col(1)},${P})/SUM(${P})`,
    "t",
    t(lang, "Σ(炉サイズ×生産量) ÷ Σ生産量（加重方法は仮定）", "Σ(size × production) ÷ Σ production (weighting assumed)"),
    "#,##0.00",
  );
  const avgCharges = step(
    t(lang, "平均チャージ数（生産量加重）", "Average charges (production-weighted)"),
    alcn ? `=ALCN.WAVG(${col(2)},${P})` : `=SUMPRODUCT(${col(2)},${P})/SUM(${P})`,
    t(lang, "回/h", "casts/h"),
    t(lang, "Σ(チャージ数×生産量) ÷ Σ生産量（加重方法は仮定）", "Σ(charges × production) ÷ Σ production (weighting assumed)"),
    "0.0000",
  );
  const fAvg = step(
    t(lang, "f(業界平均の炉)", "f(industry-average furnace)"),
    alcn ? `=ALCN.REGPREDICT(ALCN_AVG_X,ALCN_COEFS,ALCN_FORM)` : `=${nativeRegression("ALCN_AVG_SIZE", "ALCN_AVG_CHARGES")}`,
    "t-CO2/t",
    t(lang, "回帰式に平均の炉サイズ・チャージ数を代入", "the regression at the average size and charges"),
    "0.0000",
  );
  if (!fAvg.endsWith(`!${fAvgRef.replace(/\$/g, "")}`)) throw new Error(`industry layout: f(avg) at ${fAvg}, expected ${fAvgRef}`);
  const G = col(6);
  const level = (pct: "ALCN_BM_BASE_PCT" | "ALCN_BM_FINAL_PCT", label: string): string =>
    step(
      label,
      alcn ? `=ALCN.TARGET(${G},${pct},,"count")` : `=PERCENTILE.INC(${G},${pct}/100)`,
      "t-CO2/t",
      t(lang, "参考: 補正後原単位（炉単位）のPERCENTILE.INC。割当量には入力シートの目指すべき排出原単位を使用", "reference: PERCENTILE.INC of the corrected furnace intensities; the allowance uses the Inputs targets"),
      "0.0000",
    );
  const levelBase = level("ALCN_BM_BASE_PCT", t(lang, "参考: 上位X%水準（起点）", "Reference: top-X % level (base)"));
  const levelFinal = level("ALCN_BM_FINAL_PCT", t(lang, "参考: 上位X%水準（2030年度）", "Reference: top-X % level (FY2030)"));
  return { sheet: s.build([34, 16, 16, 18, 16, 16, 18], mode), refs: { b0, b1, b2, rSquared, avgSize, avgCharges, levelBase, levelFinal } };
}
