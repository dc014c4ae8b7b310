/**
 * The allowance workbook (SPEC 5.1, 5.3): an Inputs sheet (company, furnaces, baseline activity, targets,
 * expected emissions), a Parameters sheet of named cells (each value with unit, source and an assumption
 * flag), and a calculation sheet where every step is a labelled row with a live formula. In "alcn" mode
 * the steps call ALCN functions; in "native" mode the same steps are written with plain Excel functions
 * (SUMPRODUCT, LN, EXP, INDEX …) so that a verifier without the add-in can recompute them.
 */
import { buildIndustrySheet, nativeRegression, type IndustryInputs, type IndustryRefs } from "./industry";
import type { Bilingual } from "./labels";
import { modeStatement, pick, sheetName, t } from "./labels";
import { cellRef, columnLetters, onSheet, SheetBuilder, type Lang, type NamedCell, type SheetPlan, type WorkbookMode, type WorkbookPlan } from "./plan";

export interface FurnaceRow {
  readonly id: string;
  /** 炉サイズ, t. */
  readonly capacity_t: number;
  /** チャージ数, casts per hour. */
  readonly charges_per_h: number;
  /** Emissions of the furnace, t-CO2 (base period). */
  readonly emissions_t: number;
  /** Semi-product (slab, billet) production of the furnace, t. */
  readonly semi_t: number;
}

/** The industry regression: from an edition or pasted from the association's publication. */
export interface RegressionInputs {
  readonly form: "linear" | "log" | "power";
  /** b0, b1 (size), b2 (charges). */
  readonly coefs: readonly [number, number, number];
  readonly avgSize: number;
  readonly avgCharges: number;
  readonly source: Bilingual;
  /** true when the values are placeholders, not published figures (default true). */
  readonly assumption?: boolean;
}

export type BaselineStatus = "normal" | "none" | "opening" | "disaster";

/** One product type: its FY2023–2025 activity and its target (BM path levels, or a typed value). */
export interface ProductRow {
  readonly side: "up" | "down";
  readonly name: Bilingual;
  /** FY2023, FY2024, FY2025 activity (t); null = blank. */
  readonly baseline: readonly [number | null, number | null, number | null];
  readonly statuses: readonly [BaselineStatus, BaselineStatus, BaselineStatus];
  /** Operating days per year (used for an opening in the last year). */
  readonly days: readonly [number | null, number | null, number | null];
  /** BM path levels (上位50 % at base_fy, 上位32.5 % at final_fy), t-CO2/t; or a typed target. */
  readonly target: { readonly base: number; readonly final: number } | { readonly typed: number };
}

export interface YearOutlook {
  readonly fy: number;
  /** Expected emissions, t-CO2. */
  readonly emissions: number;
  /** J-credits / JCM to surrender, t-CO2. */
  readonly credits: number;
}

export interface AllowanceInputs {
  readonly company: Bilingual;
  readonly fiscalYear: number;
  readonly furnaces: readonly FurnaceRow[];
  readonly regression: RegressionInputs;
  readonly products: readonly ProductRow[];
  /** FY2026–2030 (the allowance year must be one of them). */
  readonly expectedEmissions: readonly YearOutlook[];
  /** The association's furnace table: when given, the regression and the average furnace are fitted on it (industry sheet). */
  readonly industry?: IndustryInputs;
  /** Benchmark constants; defaults are those of the meti-al-2025-10-draft edition. */
  readonly bm?: Partial<BenchmarkConstants>;
}

export interface BenchmarkConstants {
  readonly baseFy: number;
  readonly finalFy: number;
  readonly basePct: number;
  readonly finalPct: number;
  readonly rounding: "none" | "floor" | "round" | "ceil";
  readonly creditCapPct: number;
  readonly priceBaseFy: number;
  readonly priceLower: number;
  readonly priceUpper: number;
  readonly priceGrowthPct: number;
}

export const DRAFT_CONSTANTS: BenchmarkConstants = {
  baseFy: 2025,
  finalFy: 2030,
  basePct: 50,
  finalPct: 32.5,
  rounding: "none",
  creditCapPct: 10,
  priceBaseFy: 2026,
  priceLower: 1700,
  priceUpper: 4300,
  priceGrowthPct: 3,
};

export interface BuildOptions {
  readonly mode: WorkbookMode;
  readonly lang: Lang;
}

const BASE_YEARS = [2023, 2024, 2025] as const;
const NUM0 = "#,##0";
const NUM1 = "#,##0.0";
const INT4 = "0.0000";
const CF = "0.0000";

/** Where the calculation sheet finds each input (refs on the Inputs sheet). */
interface InputRefs {
  readonly company: string;
  readonly fy: string;
  readonly furnaceRows: readonly number[];
  readonly furnace: { id: string; size: string; charges: string; emissions: string; semi: string; sizeCharges: string };
  readonly products: readonly {
    readonly row: number;
    readonly values: string;
    readonly statuses: string;
    readonly days: string;
    readonly base: string;
    readonly final: string;
    readonly typed: string;
    readonly cells: { v: string[]; s: string[]; d: string[] };
  }[];
  readonly years: string;
  readonly emissions: string;
  readonly credits: string;
  readonly yearCols: readonly string[];
  readonly emissionRow: number;
  readonly creditRow: number;
}

// ---------------------------------------------------------------------------------------------------------
// Parameters sheet

/**
 * The named cells that stand for an edition parameter: a reader of the workbook (the CLI's recalc, the
 * taskpane) turns them into ParameterStore overrides, so ALCN functions that read a parameter implicitly
 * (BALANCE's credit cap, PRICEBAND, CORRFACTOR with two arguments) see the sheet's values.
 */
export const PARAMETER_NAMES: Readonly<Record<string, string>> = {
  ALCN_COEFS: "bm.reg.coefs",
  ALCN_FORM: "bm.reg.form",
  ALCN_AVG_SIZE: "bm.reg.avg_size",
  ALCN_AVG_CHARGES: "bm.reg.avg_charges",
  ALCN_BM_BASE_FY: "bm.base_fy",
  ALCN_BM_FINAL_FY: "bm.final_fy",
  ALCN_BM_BASE_PCT: "bm.base_pct",
  ALCN_BM_FINAL_PCT: "bm.final_pct",
  ALCN_ROUNDING: "bm.rounding",
  ALCN_ANNUAL_DAYS: "bm.baseline.annual_days",
  ALCN_CREDIT_CAP_PCT: "bm.credit_cap_pct",
  ALCN_PRICE_BASE_FY: "bm.price.base_fy",
  ALCN_PRICE_LOWER: "bm.price.lower",
  ALCN_PRICE_UPPER: "bm.price.upper",
  ALCN_PRICE_GROWTH_PCT: "bm.price.growth_pct",
};

interface ParamRow {
  readonly name: string;
  readonly label: Bilingual;
  readonly value: number | string;
  /** A live formula instead of the value (e.g. the coefficients fitted on the industry sheet). */
  readonly formula?: string;
  readonly unit: string;
  readonly source: Bilingual;
  readonly assumption: boolean;
  readonly param?: string;
  readonly numFmt?: string;
}

function parameterRows(inp: AllowanceInputs, c: BenchmarkConstants, lang: Lang, fit?: IndustryRefs): ParamRow[] {
  const r = inp.regression;
  const regAssume = r.assumption ?? true;
  const fitted: Bilingual = { ja: `業界データシートで当てはめ（${inp.industry ? inp.industry.source.ja : ""}）`, en: `fitted on the Industry sheet (${inp.industry ? inp.industry.source.en : ""})` };
  // With an industry table, the coefficients and the average furnace are formulas pointing at the fit.
  const live = (ref: string | undefined): { formula: string; source: Bilingual } | Record<string, never> => (fit && ref ? { formula: `=${ref}`, source: fitted } : {});
  const draft: Bilingual = { ja: "アルミニウムベンチマーク（案）経済産業省 2025-10-02", en: "Aluminium benchmark (draft), METI, 2025-10-02" };
  const gx: Bilingual = { ja: "GX-ETS 価格帯（上下限価格）SPEC 3.1", en: "GX-ETS price band, SPEC 3.1" };
  const unpublished: Bilingual = { ja: "未公表のため仮定（公表後に更新）", en: "not published: assumption (update when published)" };
  return [
    { name: "ALCN_COEF_B0", label: { ja: "回帰係数 b0（切片）", en: "regression coefficient b0 (intercept)" }, value: r.coefs[0], unit: "-", source: r.source, assumption: regAssume, numFmt: "0.000000", ...live(fit?.b0) },
    { name: "ALCN_COEF_B1", label: { ja: "回帰係数 b1（炉サイズ）", en: "regression coefficient b1 (furnace size)" }, value: r.coefs[1], unit: "-", source: r.source, assumption: regAssume, numFmt: "0.000000", ...live(fit?.b1) },
    { name: "ALCN_COEF_B2", label: { ja: "回帰係数 b2（チャージ数）", en: "regression coefficient b2 (charges)" }, value: r.coefs[2], unit: "-", source: r.source, assumption: regAssume, numFmt: "0.000000", ...live(fit?.b2) },
    { name: "ALCN_FORM", label: { ja: "回帰式の形（linear / log / power）", en: "regression form (linear / log / power)" }, value: r.form, unit: "-", source: r.source, assumption: regAssume, param: "bm.reg.form" },
    { name: "ALCN_AVG_SIZE", label: { ja: "業界平均の炉サイズ", en: "industry-average furnace size" }, value: r.avgSize, unit: "t", source: r.source, assumption: regAssume, param: "bm.reg.avg_size", numFmt: NUM1, ...live(fit?.avgSize) },
    { name: "ALCN_AVG_CHARGES", label: { ja: "業界平均のチャージ数", en: "industry-average charges" }, value: r.avgCharges, unit: t(lang, "回/h", "casts/h"), source: r.source, assumption: regAssume, param: "bm.reg.avg_charges", numFmt: "0.000", ...live(fit?.avgCharges) },
    { name: "ALCN_BM_BASE_FY", label: { ja: "BM推移の起点年度（上位50%水準）", en: "BM path base year (top-50 % level)" }, value: c.baseFy, unit: "FY", source: { ja: `${draft.ja}（基準期間FY2023–2025の最終年度を仮定）`, en: `${draft.en} (last base year assumed)` }, assumption: true, param: "bm.base_fy" },
    { name: "ALCN_BM_FINAL_FY", label: { ja: "BM推移の終点年度（上位32.5%水準）", en: "BM path final year (top-32.5 % level)" }, value: c.finalFy, unit: "FY", source: draft, assumption: false, param: "bm.final_fy" },
    { name: "ALCN_BM_BASE_PCT", label: { ja: "起点の水準（上位X%）", en: "base level (top X %)" }, value: c.basePct, unit: "%", source: draft, assumption: false, param: "bm.base_pct" },
    { name: "ALCN_BM_FINAL_PCT", label: { ja: "2030年度の水準（上位X%）", en: "FY2030 level (top X %)" }, value: c.finalPct, unit: "%", source: draft, assumption: false, param: "bm.final_pct" },
    { name: "ALCN_ANNUAL_DAYS", label: { ja: "年間日数（新設年の年換算）", en: "days per year (annualising an opening year)" }, value: 365, unit: t(lang, "日", "days"), source: { ja: "ALCN SPEC 3.1 BASEACTIVITY（草案に年換算の規定なし）", en: "ALCN SPEC 3.1 BASEACTIVITY (the draft does not say)" }, assumption: true, param: "bm.baseline.annual_days" },
    { name: "ALCN_ROUNDING", label: { ja: "割当量の端数処理（none/floor/round/ceil）", en: "allowance rounding (none/floor/round/ceil)" }, value: c.rounding, unit: "-", source: unpublished, assumption: true, param: "bm.rounding" },
    { name: "ALCN_CREDIT_CAP_PCT", label: { ja: "クレジット使用上限（排出量比）", en: "credit cap (share of emissions)" }, value: c.creditCapPct, unit: "%", source: { ja: "GX-ETS: J-クレジット・JCMは検証済排出量の10%まで", en: "GX-ETS: J-credits/JCM up to 10 % of verified emissions" }, assumption: false, param: "bm.credit_cap_pct" },
    { name: "ALCN_PRICE_BASE_FY", label: { ja: "上下限価格の起点年度", en: "price band base year" }, value: c.priceBaseFy, unit: "FY", source: gx, assumption: false, param: "bm.price.base_fy" },
    { name: "ALCN_PRICE_LOWER", label: { ja: "下限価格（起点年度）", en: "lower price (base year)" }, value: c.priceLower, unit: t(lang, "円/t-CO2", "JPY/t-CO2"), source: gx, assumption: false, param: "bm.price.lower", numFmt: NUM0 },
    { name: "ALCN_PRICE_UPPER", label: { ja: "上限価格（起点年度）", en: "upper price (base year)" }, value: c.priceUpper, unit: t(lang, "円/t-CO2", "JPY/t-CO2"), source: gx, assumption: false, param: "bm.price.upper", numFmt: NUM0 },
    { name: "ALCN_PRICE_GROWTH_PCT", label: { ja: "価格の年上昇率", en: "yearly price increase" }, value: c.priceGrowthPct, unit: "%", source: gx, assumption: false, param: "bm.price.growth_pct" },
  ];
}

function buildParameters(rows: readonly ParamRow[], lang: Lang): { sheet: SheetPlan; names: NamedCell[] } {
  const name = sheetName("params", lang);
  const s = new SheetBuilder(name);
  s.set(0, 0, { role: "title", value: t(lang, "パラメータ（名前付きセル）", "Parameters (named cells)") });
  s.set(1, 0, {
    role: "note",
    value: t(
      lang,
      "計算シートはこのシートの名前付きセルを参照します。値を変えると全体が再計算されます。「仮定」=出典に明記のない値。",
      "The calculation sheet refers to these named cells; change a value and everything recalculates. 'Assumption' = not stated by the source.",
    ),
  });
  const head = [t(lang, "項目", "Item"), t(lang, "値", "Value"), t(lang, "単位", "Unit"), t(lang, "出典", "Source"), t(lang, "仮定", "Assumption"), t(lang, "名前", "Name"), t(lang, "パラメータID", "Parameter id")];
  head.forEach((h, col) => s.set(3, col, { role: "header", value: h }));
  const names: NamedCell[] = [];
  rows.forEach((p, i) => {
    const row = 4 + i;
    s.set(row, 0, { role: "label", value: pick(lang, p.label) });
    const ref = s.set(row, 1, { role: "param", ...(p.formula ? { formula: p.formula } : { value: p.value }), ...(p.numFmt ? { numFmt: p.numFmt } : {}), note: pick(lang, p.source) });
    s.set(row, 2, { role: "note", value: p.unit });
    s.set(row, 3, { role: "note", value: pick(lang, p.source) });
    s.set(row, 4, { role: "note", value: p.assumption ? t(lang, "仮定", "yes") : t(lang, "公表値", "no") });
    s.set(row, 5, { role: "note", value: p.name });
    if (p.param) s.set(row, 6, { role: "note", value: p.param });
    names.push({ name: p.name, sheet: name, ref, ...(p.param ? { param: p.param } : {}) });
  });
  const at = (n: string): number => 4 + rows.findIndex((p) => p.name === n);
  // Ranges over consecutive rows, for the functions that take the coefficients or the average furnace as one argument.
  names.push({ name: "ALCN_AVG_X", sheet: name, ref: `${cellRef(at("ALCN_AVG_SIZE"), 1)}:${cellRef(at("ALCN_AVG_CHARGES"), 1)}` });
  names.push({ name: "ALCN_COEFS", sheet: name, ref: `${cellRef(at("ALCN_COEF_B0"), 1)}:${cellRef(at("ALCN_COEF_B2"), 1)}`, param: "bm.reg.coefs" });
  return { sheet: s.build([44, 14, 12, 60, 10, 24, 22]), names };
}

// ---------------------------------------------------------------------------------------------------------
// Inputs sheet

function buildInputs(inp: AllowanceInputs, lang: Lang): { sheet: SheetPlan; refs: InputRefs } {
  const name = sheetName("inputs", lang);
  const s = new SheetBuilder(name);
  const X = (ref: string): string => onSheet(name, ref);
  s.set(0, 0, { role: "title", value: t(lang, "入力（黄色のセルを編集）", "Inputs (edit the yellow cells)") });
  s.set(2, 0, { role: "label", value: t(lang, "会社名", "Company") });
  const company = s.set(2, 1, { role: "input", value: pick(lang, inp.company) });
  s.set(3, 0, { role: "label", value: t(lang, "割当対象年度", "Allocation fiscal year") });
  const fy = s.set(3, 1, { role: "input", value: inp.fiscalYear, note: t(lang, "FY2026–2030", "FY2026–2030") });

  // Furnaces
  s.set(5, 0, { role: "header", value: t(lang, "炉別データ（上工程・基準期間）", "Furnaces (upstream, base period)") });
  const fHead = [t(lang, "炉ID", "Furnace"), t(lang, "炉サイズ (t)", "Size (t)"), t(lang, "チャージ数 (回/h)", "Charges (casts/h)"), t(lang, "排出量 (t-CO2)", "Emissions (t-CO2)"), t(lang, "半製品生産量 (t)", "Semi-products (t)")];
  fHead.forEach((h, col) => s.set(6, col, { role: "header", value: h }));
  const f0 = 7;
  const furnaceRows: number[] = [];
  inp.furnaces.forEach((f, i) => {
    const row = f0 + i;
    furnaceRows.push(row);
    s.set(row, 0, { role: "input", value: f.id });
    s.set(row, 1, { role: "input", value: f.capacity_t, numFmt: NUM1 });
    s.set(row, 2, { role: "input", value: f.charges_per_h, numFmt: "0.000" });
    s.set(row, 3, { role: "input", value: f.emissions_t, numFmt: NUM0 });
    s.set(row, 4, { role: "input", value: f.semi_t, numFmt: NUM0 });
  });
  const fEnd = f0 + inp.furnaces.length - 1;
  const col = (c: number): string => `${X(cellRef(f0, c))}:${cellRef(fEnd, c)}`;

  // Products: upstream first, then downstream, so each side is one contiguous range.
  const products = [...inp.products.filter((p) => p.side === "up"), ...inp.products.filter((p) => p.side === "down")];
  const p0Head = fEnd + 2;
  s.set(p0Head, 0, { role: "header", value: t(lang, "基準活動量（FY2023–2025）と目指すべき排出原単位", "Baseline activity (FY2023–2025) and target intensities") });
  const pHead = [
    t(lang, "工程", "Side"),
    t(lang, "製品区分", "Product type"),
    ...BASE_YEARS.map((y) => t(lang, `${y}年度 (t)`, `FY${y} (t)`)),
    ...BASE_YEARS.map((y) => t(lang, `状態 ${y}`, `Status FY${y}`)),
    ...BASE_YEARS.map((y) => t(lang, `操業日数 ${y}`, `Days FY${y}`)),
    t(lang, "BM起点水準 (t-CO2/t)", "BM base level (t-CO2/t)"),
    t(lang, "BM 2030水準 (t-CO2/t)", "BM FY2030 level (t-CO2/t)"),
    t(lang, "目標（直接入力）", "Target (typed)"),
  ];
  pHead.forEach((h, c) => s.set(p0Head + 1, c, { role: "header", value: h }));
  const statusNote = t(lang, "状態: normal / none（休止）/ opening（新設）/ disaster（災害）", "status: normal / none / opening / disaster");
  const prodRefs = products.map((p, i) => {
    const row = p0Head + 2 + i;
    s.set(row, 0, { role: "label", value: p.side === "up" ? t(lang, "上工程", "Upstream") : t(lang, "下工程", "Downstream") });
    s.set(row, 1, { role: "input", value: pick(lang, p.name) });
    const v: string[] = [];
    const st: string[] = [];
    const d: string[] = [];
    for (let k = 0; k < 3; k++) {
      const val = p.baseline[k];
      v.push(s.set(row, 2 + k, { role: "input", ...(val === null || val === undefined ? {} : { value: val }), numFmt: NUM0 }));
      st.push(s.set(row, 5 + k, { role: "input", value: p.statuses[k] ?? "normal", note: statusNote }));
      const dv = p.days[k];
      d.push(s.set(row, 8 + k, { role: "input", ...(dv === null || dv === undefined ? {} : { value: dv }) }));
    }
    const tg = p.target;
    const base = s.set(row, 11, { role: "input", ...("base" in tg ? { value: tg.base } : {}), numFmt: INT4 });
    const final = s.set(row, 12, { role: "input", ...("final" in tg ? { value: tg.final } : {}), numFmt: INT4 });
    const typed = s.set(row, 13, { role: "input", ...("typed" in tg ? { value: tg.typed } : {}), numFmt: INT4, note: t(lang, "入力があればBM推移より優先", "when set, used instead of the BM path") });
    return {
      row,
      values: `${X(v[0] as string)}:${v[2] as string}`,
      statuses: `${X(st[0] as string)}:${st[2] as string}`,
      days: `${X(d[0] as string)}:${d[2] as string}`,
      base: X(base),
      final: X(final),
      typed: X(typed),
      cells: { v: v.map(X), s: st.map(X), d: d.map(X) },
    };
  });

  // Expected emissions and credits, FY2026–2030
  const y0 = p0Head + 3 + products.length;
  s.set(y0, 0, { role: "header", value: t(lang, "見込排出量とクレジット", "Expected emissions and credits") });
  s.set(y0 + 1, 0, { role: "header", value: t(lang, "年度", "Fiscal year") });
  s.set(y0 + 2, 0, { role: "label", value: t(lang, "見込排出量 (t-CO2)", "Expected emissions (t-CO2)") });
  s.set(y0 + 3, 0, { role: "label", value: t(lang, "クレジット (t-CO2)", "Credits (t-CO2)") });
  const yearCols: string[] = [];
  inp.expectedEmissions.forEach((y, i) => {
    s.set(y0 + 1, 1 + i, { role: "header", value: y.fy });
    s.set(y0 + 2, 1 + i, { role: "input", value: y.emissions, numFmt: NUM0 });
    s.set(y0 + 3, 1 + i, { role: "input", value: y.credits, numFmt: NUM0 });
    yearCols.push(columnLetters(1 + i));
  });
  const last = columnLetters(inp.expectedEmissions.length);
  s.set(y0 + 5, 0, { role: "note", value: statusNote });
  s.set(y0 + 6, 0, {
    role: "note",
    value: t(lang, "見込排出量は既定で横ばい（編集可）。クレジットはJ-クレジット・JCMの償却予定量。", "Expected emissions are flat by default (editable). Credits: J-credits/JCM you plan to surrender."),
  });

  return {
    sheet: s.build([22, 26, 16, 16, 16, 14, 14, 14, 12, 12, 12, 18, 18, 16]),
    refs: {
      company: X(company),
      fy: X(fy),
      furnaceRows,
      furnace: { id: col(0), size: col(1), charges: col(2), emissions: col(3), semi: col(4), sizeCharges: `${X(cellRef(f0, 1))}:${cellRef(fEnd, 2)}` },
      products: prodRefs,
      years: `${X(`B${y0 + 2}`)}:${last}${y0 + 2}`,
      emissions: `${X(`B${y0 + 3}`)}:${last}${y0 + 3}`,
      credits: `${X(`B${y0 + 4}`)}:${last}${y0 + 4}`,
      yearCols,
      emissionRow: y0 + 2,
      creditRow: y0 + 3,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Formulas of each step, in both modes


function bmPath(mode: WorkbookMode, base: string, final: string, fy: string): string {
  if (mode === "alcn") return `ALCN.BMPATH(${base},${final},${fy},ALCN_BM_BASE_FY,ALCN_BM_FINAL_FY)`;
  return `IF(OR(${fy}<ALCN_BM_BASE_FY,${fy}>ALCN_BM_FINAL_FY),NA(),${base}+(${final}-${base})*(${fy}-ALCN_BM_BASE_FY)/(ALCN_BM_FINAL_FY-ALCN_BM_BASE_FY))`;
}

function targetFormula(mode: WorkbookMode, p: InputRefs["products"][number], fy: string): string {
  return `=IF(ISNUMBER(${p.typed}),${p.typed},${bmPath(mode, p.base, p.final, fy)})`;
}

function priceBand(mode: WorkbookMode, fy: string, bound: "lower" | "upper"): string {
  if (mode === "alcn") return `=ALCN.PRICEBAND(${fy},"${bound}")`;
  const base = bound === "lower" ? "ALCN_PRICE_LOWER" : "ALCN_PRICE_UPPER";
  return `=IF(${fy}<ALCN_PRICE_BASE_FY,NA(),${base}*(1+ALCN_PRICE_GROWTH_PCT/100)^(${fy}-ALCN_PRICE_BASE_FY))`;
}

function rounded(mode: WorkbookMode, expr: string): string {
  if (mode === "alcn") return expr;
  return `IF(ALCN_ROUNDING="floor",ROUNDDOWN(${expr},0),IF(ALCN_ROUNDING="round",ROUND(${expr},0),IF(ALCN_ROUNDING="ceil",ROUNDUP(${expr},0),${expr})))`;
}

function balance(mode: WorkbookMode, allowance: string, emissions: string, credits: string): string {
  if (mode === "alcn") return `=ALCN.BALANCE(${allowance},${emissions},${credits})`;
  return `=${allowance}+MIN(${credits},ALCN_CREDIT_CAP_PCT/100*${emissions})-${emissions}`;
}

// ---------------------------------------------------------------------------------------------------------
// Calculation sheet

/** Positions of the results (for the demo summary and tests). */
export interface AllowanceResultRefs {
  readonly sheet: string;
  readonly companyCf: string;
  readonly allowanceUp: string;
  readonly allowanceDown: string;
  readonly allowance: string;
  readonly emissions: string;
  readonly credits: string;
  readonly balance: string;
  readonly costLower: string;
  readonly costUpper: string;
  readonly furnaceCf: readonly string[];
  readonly outlookYears: readonly number[];
  /** Per outlook year: allowance, emissions, balance, cost lower, cost upper. */
  readonly outlook: readonly { fy: number; allowance: string; emissions: string; balance: string; costLower: string; costUpper: string }[];
}

function buildCalc(inp: AllowanceInputs, refs: InputRefs, opt: BuildOptions): { sheet: SheetPlan; results: AllowanceResultRefs } {
  const { mode, lang } = opt;
  const name = sheetName("calc", lang);
  const s = new SheetBuilder(name);
  const alcn = mode === "alcn";
  s.set(0, 0, { role: "title", value: t(lang, "排出枠（割当量）の計算 — アルミニウムベンチマーク", "Allowance calculation — aluminium benchmark") });
  s.set(1, 0, { role: "note", value: modeStatement(mode, lang) });
  s.set(2, 0, { role: "label", value: t(lang, "会社名", "Company") });
  s.set(2, 1, { role: "output", formula: `=${refs.company}` });
  s.set(3, 0, { role: "label", value: t(lang, "割当対象年度", "Allocation fiscal year") });
  const fyRef = s.set(3, 1, { role: "output", formula: `=${refs.fy}` });

  // 1. Furnaces
  s.set(5, 0, { role: "header", value: t(lang, "1. 炉別の補正係数", "1. Correction factor per furnace") });
  const fh = [t(lang, "炉ID", "Furnace"), t(lang, "排出原単位 (t-CO2/t)", "Intensity (t-CO2/t)"), t(lang, "回帰式 f(自炉)", "Regression f(own)"), t(lang, "補正係数 CF", "Correction factor CF"), t(lang, "補正後原単位 (t-CO2/t)", "Corrected intensity (t-CO2/t)")];
  fh.forEach((h, c) => s.set(6, c, { role: "header", value: h }));
  const inName = sheetName("inputs", lang);
  const furnaceCf: string[] = [];
  const fStart = 7;
  const fEnd = fStart + refs.furnaceRows.length - 1;
  const fAvgRow1 = fEnd + 3; // 1-based row of the f(industry-average furnace) step
  refs.furnaceRows.forEach((inRow, i) => {
    const row = fStart + i;
    const at = (c: number): string => onSheet(inName, cellRef(inRow, c));
    const [size, charges, em, semi] = [at(1), at(2), at(3), at(4)];
    s.set(row, 0, { role: "output", formula: `=${at(0)}` });
    const intensity = s.set(row, 1, {
      role: "output",
      formula: alcn ? `=ALCN.INTENSITY(${em},${semi})` : `=${em}/${semi}`,
      numFmt: INT4,
      note: t(lang, "排出量 ÷ 半製品生産量", "emissions ÷ semi-product production"),
    });
    const fOwn = s.set(row, 2, {
      role: "output",
      formula: alcn ? `=ALCN.REGPREDICT(${onSheet(inName, `${cellRef(inRow, 1)}:${cellRef(inRow, 2)}`)},ALCN_COEFS,ALCN_FORM)` : `=${nativeRegression(size, charges)}`,
      numFmt: INT4,
      note: t(lang, "回帰式に自炉の炉サイズ・チャージ数を代入", "the regression at this furnace's size and charges"),
    });
    const cf = s.set(row, 3, {
      role: "output",
      formula: alcn ? `=ALCN.CORRFACTOR(${size},${charges},ALCN_COEFS,ALCN_AVG_SIZE,ALCN_AVG_CHARGES,ALCN_FORM)` : `=$B$${fAvgRow1}/${fOwn}`,
      numFmt: CF,
      note: t(lang, "補正係数 = f(業界平均の炉) ÷ f(自炉)（ベンチマーク案 p.5）", "CF = f(industry-average furnace) ÷ f(this furnace) (benchmark draft)"),
    });
    furnaceCf.push(cf);
    s.set(row, 4, { role: "output", formula: `=${intensity}*${cf}`, numFmt: INT4, note: t(lang, "排出原単位 × 補正係数", "intensity × CF") });
  });

  // Step rows: A label, B value, C unit, D rule.
  let row = fEnd + 2;
  const step = (label: string, formula: string, unit: string, rule: string, numFmt?: string): string => {
    s.set(row, 0, { role: "label", value: label });
    const ref = s.set(row, 1, { role: "output", formula, ...(numFmt ? { numFmt } : {}), note: rule });
    s.set(row, 2, { role: "note", value: unit });
    s.set(row, 3, { role: "note", value: rule });
    row++;
    return ref;
  };
  const fAvg = step(
    t(lang, "f(業界平均の炉)", "f(industry-average furnace)"),
    alcn ? `=ALCN.REGPREDICT(ALCN_AVG_X,ALCN_COEFS,ALCN_FORM)` : `=${nativeRegression("ALCN_AVG_SIZE", "ALCN_AVG_CHARGES")}`,
    "t-CO2/t",
    t(lang, "回帰式に業界平均の炉サイズ・チャージ数を代入", "the regression at the industry-average size and charges"),
    INT4,
  );
  if (fAvg !== `B${fAvgRow1}`) throw new Error("layout: f(avg) row moved");
  const sumE = step(t(lang, "上工程の排出量 合計", "Upstream emissions, total"), `=SUM(${refs.furnace.emissions})`, "t-CO2", t(lang, "全炉の合計", "sum over furnaces"), NUM0);
  const sumP = step(t(lang, "半製品生産量 合計", "Semi-product production, total"), `=SUM(${refs.furnace.semi})`, "t", t(lang, "全炉の合計", "sum over furnaces"), NUM0);
  const companyCf = step(
    t(lang, "会社の補正係数", "Company correction factor"),
    alcn
      ? `=ALCN.COMPANYCF(${refs.furnace.size},${refs.furnace.charges},${refs.furnace.emissions},ALCN_COEFS,ALCN_AVG_SIZE,ALCN_AVG_CHARGES,ALCN_FORM)`
      : `=SUMPRODUCT(${refs.furnace.emissions},D${fStart + 1}:D${fEnd + 1})/SUM(${refs.furnace.emissions})`,
    "-",
    t(lang, "Σ(排出量×CF) ÷ Σ排出量（排出量加重）", "Σ(emissions × CF) ÷ Σ emissions (emission-weighted)"),
    CF,
  );
  step(t(lang, "上工程の排出原単位（補正前）", "Upstream intensity (uncorrected)"), alcn ? `=ALCN.INTENSITY(${sumE},${sumP})` : `=${sumE}/${sumP}`, "t-CO2/t", t(lang, "排出量 ÷ 半製品生産量", "emissions ÷ semi-products"), INT4);
  step(
    t(lang, "上工程の排出原単位（補正後）", "Upstream intensity (corrected)"),
    alcn ? `=ALCN.UPINTENSITY(${sumE},${sumP},${companyCf})` : `=${sumE}/${sumP}*${companyCf}`,
    "t-CO2/t",
    t(lang, "排出量 ÷ 半製品生産量 × 補正係数（ベンチマーク案）", "emissions ÷ semi-products × CF (benchmark draft)"),
    INT4,
  );

  // 2. Baseline activity and targets per product type
  row++;
  s.set(row, 0, { role: "header", value: t(lang, "2. 基準活動量と目指すべき排出原単位", "2. Baseline activity and target intensity") });
  row++;
  const ph = [
    t(lang, "工程", "Side"),
    t(lang, "製品区分", "Product type"),
    t(lang, "基準活動量 (t)", "Baseline activity (t)"),
    t(lang, "目指すべき排出原単位 (t-CO2/t)", "Target intensity (t-CO2/t)"),
    ...(alcn ? [] : [...BASE_YEARS.map((y) => t(lang, `補正値 ${y}`, `Adjusted FY${y}`)), ...BASE_YEARS.map((y) => t(lang, `採用 ${y}`, `Used FY${y}`))]),
  ];
  ph.forEach((h, c) => s.set(row, c, { role: "header", value: h }));
  row++;
  const prodStart = row;
  refs.products.forEach((p) => {
    const inRow = p.row;
    s.set(row, 0, { role: "output", formula: `=${onSheet(inName, cellRef(inRow, 0))}` });
    s.set(row, 1, { role: "output", formula: `=${onSheet(inName, cellRef(inRow, 1))}` });
    let activity: string;
    if (alcn) activity = `=ALCN.BASEACTIVITY(${p.values},${p.statuses},${p.days})`;
    else {
      const [v1, v2, v3] = p.cells.v as [string, string, string];
      const [s1, s2, s3] = p.cells.s as [string, string, string];
      const d3 = p.cells.d[2] as string;
      // A disaster year takes the previous year's effective (adjusted) value; none if that year was not a
      // full operating year (not operating, or the opening year) — as BASEACTIVITY (decision 106).
      const prev = (sPrev: string, adjPrev: string): string => `IF(OR(${sPrev}="none",${sPrev}="opening"),NA(),${adjPrev})`;
      const e = (k: number): string => `${columnLetters(4 + k)}${row + 1}`;
      const adj = [
        `=IF(${s1}="disaster",NA(),${v1})`,
        `=IF(${s2}="disaster",${prev(s1, e(0))},${v2})`,
        `=IF(${s3}="disaster",${prev(s2, e(1))},IF(${s3}="opening",${v3}*ALCN_ANNUAL_DAYS/${d3},${v3}))`,
      ];
      const used = [
        `=IF(OR(${s1}="none",${s1}="opening",${s2}="opening",${s3}="opening"),0,1)`,
        `=IF(OR(${s2}="none",${s2}="opening",${s3}="opening"),0,1)`,
        `=IF(${s3}="none",0,1)`,
      ];
      adj.forEach((f, k) => s.set(row, 4 + k, { role: "output", formula: f, numFmt: NUM0, note: t(lang, "災害年は前年度値、最終年度の新設は ×年間日数÷操業日数", "disaster: previous year; opening in the last year: × days per year ÷ days") }));
      used.forEach((f, k) => s.set(row, 7 + k, { role: "output", formula: f, note: t(lang, "休止年・新設年より前は除外（1=採用）", "not operating / before an opening: excluded (1 = used)") }));
      activity = `=IF(SUM(H${row + 1}:J${row + 1})=0,NA(),SUMPRODUCT(E${row + 1}:G${row + 1},H${row + 1}:J${row + 1})/SUM(H${row + 1}:J${row + 1}))`;
    }
    s.set(row, 2, { role: "output", formula: activity, numFmt: NUM0, note: t(lang, "基準期間FY2023–2025の平均（休止・新設・災害の扱いはBASEACTIVITY）", "mean of FY2023–2025 (statuses as BASEACTIVITY)") });
    s.set(row, 3, { role: "output", formula: targetFormula(mode, p, fyRef), numFmt: INT4, note: t(lang, "BM推移（上位50%→上位32.5%の直線）または直接入力", "BM path (straight line top-50 % → top-32.5 %) or typed") });
    row++;
  });
  const nUp = inp.products.filter((p) => p.side === "up").length;
  const nDown = refs.products.length - nUp;
  const upT = `D${prodStart + 1}:D${prodStart + nUp}`;
  const upA = `C${prodStart + 1}:C${prodStart + nUp}`;
  const downT = `D${prodStart + nUp + 1}:D${prodStart + nUp + nDown}`;
  const downA = `C${prodStart + nUp + 1}:C${prodStart + nUp + nDown}`;

  // 3. Allowance and balance for the allocation year
  row++;
  s.set(row, 0, { role: "header", value: t(lang, "3. 割当量と過不足（割当対象年度）", "3. Allowance and balance (allocation year)") });
  row++;
  const up = step(
    t(lang, "上工程の割当量", "Upstream allowance"),
    alcn ? `=ALCN.ALLOWANCE.UP(${upT},${upA},${companyCf})` : `=SUMPRODUCT(${upT},${upA})/${companyCf}`,
    "t-CO2",
    t(lang, "Σ(目指すべき排出原単位×基準活動量) ÷ 会社の補正係数", "Σ(target × baseline activity) ÷ company CF"),
    NUM0,
  );
  const down = step(
    t(lang, "下工程の割当量", "Downstream allowance"),
    alcn ? `=ALCN.ALLOWANCE.DOWN(${downT},${downA})` : `=SUMPRODUCT(${downT},${downA})`,
    "t-CO2",
    t(lang, "Σ(目指すべき排出原単位×基準活動量)", "Σ(target × baseline activity)"),
    NUM0,
  );
  const allowance = step(
    t(lang, "割当量（合計）", "Allowance (total)"),
    alcn ? `=ALCN.ALLOWANCE(${upT},${upA},${companyCf},${downT},${downA},ALCN_ROUNDING)` : `=${rounded(mode, `SUMPRODUCT(${upT},${upA})/${companyCf}+SUMPRODUCT(${downT},${downA})`)}`,
    "t-CO2",
    t(lang, "上工程 + 下工程（端数処理はパラメータ）", "upstream + downstream (rounding per Parameters)"),
    NUM0,
  );
  const match = `MATCH(${fyRef},${refs.years},0)`;
  const emissions = step(t(lang, "見込排出量", "Expected emissions"), `=INDEX(${refs.emissions},1,${match})`, "t-CO2", t(lang, "入力シートの該当年度", "Inputs, allocation year"), NUM0);
  const credits = step(t(lang, "クレジット", "Credits"), `=INDEX(${refs.credits},1,${match})`, "t-CO2", t(lang, "入力シートの該当年度", "Inputs, allocation year"), NUM0);
  const bal = step(
    t(lang, "過不足（＋余剰／－不足）", "Balance (+ surplus / − shortfall)"),
    balance(mode, allowance, emissions, credits),
    "t-CO2",
    t(lang, "割当量 + min(クレジット, 排出量×上限%) − 排出量", "allowance + min(credits, emissions × cap %) − emissions"),
    NUM0,
  );
  const pl = step(t(lang, "下限価格", "Lower price"), priceBand(mode, fyRef, "lower"), t(lang, "円/t-CO2", "JPY/t-CO2"), t(lang, "FY2026 1,700円、以後年3%上昇", "FY2026 JPY 1,700, +3 % a year"), NUM0);
  const pu = step(t(lang, "上限価格", "Upper price"), priceBand(mode, fyRef, "upper"), t(lang, "円/t-CO2", "JPY/t-CO2"), t(lang, "FY2026 4,300円、以後年3%上昇", "FY2026 JPY 4,300, +3 % a year"), NUM0);
  const costLower = step(t(lang, "不足分の費用（下限価格）", "Shortfall cost (lower price)"), `=MAX(0,-${bal})*${pl}`, t(lang, "円", "JPY"), t(lang, "不足量 × 下限価格", "shortfall × lower price"), NUM0);
  const costUpper = step(t(lang, "不足分の費用（上限価格）", "Shortfall cost (upper price)"), `=MAX(0,-${bal})*${pu}`, t(lang, "円", "JPY"), t(lang, "不足量 × 上限価格", "shortfall × upper price"), NUM0);

  // 4. Outlook FY2026–2030
  row++;
  s.set(row, 0, { role: "header", value: t(lang, "4. 見通し（BM推移に沿った各年度）", "4. Outlook along the BM path") });
  row++;
  const years = inp.expectedEmissions.map((y) => y.fy);
  const yearRow = row;
  s.set(row, 0, { role: "header", value: t(lang, "年度", "Fiscal year") });
  years.forEach((y, i) => s.set(row, 1 + i, { role: "header", value: y }));
  s.set(row, 1 + years.length, { role: "header", value: t(lang, "単位", "Unit") });
  row++;
  const yc = (i: number): string => columnLetters(1 + i);
  const yRef = (i: number): string => `${yc(i)}$${yearRow + 1}`;
  const outRow = (label: string, unit: string, f: (i: number) => string, numFmt: string): number => {
    const r = row;
    s.set(r, 0, { role: "label", value: label });
    years.forEach((_, i) => s.set(r, 1 + i, { role: "output", formula: f(i), numFmt }));
    s.set(r, 1 + years.length, { role: "note", value: unit });
    row++;
    return r;
  };
  const tRows = refs.products.map((p, k) =>
    outRow(
      `${t(lang, "目指すべき排出原単位", "Target")}: ${pick(lang, (inp.products.filter((q) => q.side === "up").concat(inp.products.filter((q) => q.side === "down"))[k] as ProductRow).name)}`,
      "t-CO2/t",
      (i) => targetFormula(mode, p, yRef(i)),
      INT4,
    ),
  );
  const baseA = (k: number): string => `$C$${prodStart + 1 + k}`;
  const tCol = (i: number, from: number, n: number): string => `${yc(i)}${(tRows[from] as number) + 1}:${yc(i)}${(tRows[from + n - 1] as number) + 1}`;
  const upAbs = `${baseA(0)}:${baseA(nUp - 1)}`;
  const downAbs = `${baseA(nUp)}:${baseA(nUp + nDown - 1)}`;
  const cfAbs = `$B$${Number(companyCf.slice(1))}`;
  const aRow = outRow(
    t(lang, "割当量", "Allowance"),
    "t-CO2",
    (i) =>
      alcn
        ? `=ALCN.ALLOWANCE(${tCol(i, 0, nUp)},${upAbs},${cfAbs},${tCol(i, nUp, nDown)},${downAbs},ALCN_ROUNDING)`
        : `=${rounded(mode, `SUMPRODUCT(${tCol(i, 0, nUp)},${upAbs})/${cfAbs}+SUMPRODUCT(${tCol(i, nUp, nDown)},${downAbs})`)}`,
    NUM0,
  );
  const eRow = outRow(t(lang, "見込排出量", "Expected emissions"), "t-CO2", (i) => `=${onSheet(inName, `${refs.yearCols[i] as string}${refs.emissionRow + 1}`)}`, NUM0);
  const cRow = outRow(t(lang, "クレジット", "Credits"), "t-CO2", (i) => `=${onSheet(inName, `${refs.yearCols[i] as string}${refs.creditRow + 1}`)}`, NUM0);
  const bRow = outRow(t(lang, "過不足", "Balance"), "t-CO2", (i) => balance(mode, `${yc(i)}${aRow + 1}`, `${yc(i)}${eRow + 1}`, `${yc(i)}${cRow + 1}`), NUM0);
  const plRow = outRow(t(lang, "下限価格", "Lower price"), t(lang, "円/t-CO2", "JPY/t-CO2"), (i) => priceBand(mode, yRef(i), "lower"), NUM0);
  const puRow = outRow(t(lang, "上限価格", "Upper price"), t(lang, "円/t-CO2", "JPY/t-CO2"), (i) => priceBand(mode, yRef(i), "upper"), NUM0);
  const clRow = outRow(t(lang, "不足分の費用（下限）", "Shortfall cost (lower)"), t(lang, "円", "JPY"), (i) => `=MAX(0,-${yc(i)}${bRow + 1})*${yc(i)}${plRow + 1}`, NUM0);
  const cuRow = outRow(t(lang, "不足分の費用（上限）", "Shortfall cost (upper)"), t(lang, "円", "JPY"), (i) => `=MAX(0,-${yc(i)}${bRow + 1})*${yc(i)}${puRow + 1}`, NUM0);

  const widths = [34, 18, 16, 16, 16, 16, 16, 12, 12, 12];
  return {
    sheet: s.build(widths, mode),
    results: {
      sheet: name,
      companyCf,
      allowanceUp: up,
      allowanceDown: down,
      allowance,
      emissions,
      credits,
      balance: bal,
      costLower,
      costUpper,
      furnaceCf,
      outlookYears: years,
      outlook: years.map((fy, i) => ({
        fy,
        allowance: `${yc(i)}${aRow + 1}`,
        emissions: `${yc(i)}${eRow + 1}`,
        balance: `${yc(i)}${bRow + 1}`,
        costLower: `${yc(i)}${clRow + 1}`,
        costUpper: `${yc(i)}${cuRow + 1}`,
      })),
    },
  };
}

export interface AllowancePlan extends WorkbookPlan {
  readonly results: AllowanceResultRefs;
}

/** The allowance workbook: Inputs, Parameters (named cells), and the calculation sheet in the chosen mode. */
export function buildAllowancePlan(inputs: AllowanceInputs, options: BuildOptions): AllowancePlan {
  const constants: BenchmarkConstants = { ...DRAFT_CONSTANTS, ...(inputs.bm ?? {}) };
  if (inputs.furnaces.length === 0) throw new Error("at least one furnace is needed");
  if (!inputs.products.some((p) => p.side === "up") || !inputs.products.some((p) => p.side === "down")) throw new Error("at least one upstream and one downstream product type are needed");
  const { sheet: inputsSheet, refs } = buildInputs(inputs, options.lang);
  const formRow = 4 + parameterRows(inputs, constants, options.lang).findIndex((p) => p.name === "ALCN_FORM");
  const formRef = onSheet(sheetName("params", options.lang), cellRef(formRow, 1));
  const industry = inputs.industry ? buildIndustrySheet(inputs.industry, { ...options, formRef }) : undefined;
  const params = buildParameters(parameterRows(inputs, constants, options.lang, industry?.refs), options.lang);
  const calc = buildCalc(inputs, refs, options);
  const sheets = [calc.sheet, inputsSheet, params.sheet, ...(industry ? [industry.sheet] : [])];
  return { sheets, names: params.names, mode: options.mode, lang: options.lang, results: calc.results };
}

