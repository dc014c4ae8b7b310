/**
 * The follow-up sheet of the carbon-neutral action plan (SPEC 5.6, 経団連 CN行動計画 フォローアップ):
 * a yearly input block, then 排出実績, 削減・進捗状況 and 要因分析 with live formulas. ALCN mode uses
 * INTENSITY / CHANGERATE / PROGRESS / DECOMPOSE; native mode writes the same arithmetic (LMDI-I with LN).
 */
import type { Bilingual } from "./labels";
import { modeStatement, pick, sheetName, t } from "./labels";
import { columnLetters, SheetBuilder, type Lang, type SheetPlan, type WorkbookMode } from "./plan";

export interface FollowupColumn {
  /** base year, 2030 target, an actual year, the outlook. */
  readonly kind: "base" | "target" | "actual" | "outlook";
  readonly fy: number;
  /** CO2 emissions, t-CO2. */
  readonly co2: number;
  /** Production (生産活動量), t. */
  readonly production: number;
  /** Energy use, TJ. */
  readonly energyTJ: number;
  /** Electricity, MWh. */
  readonly electricityMWh: number;
  /** Electricity emission factor, kg-CO2/kWh. */
  readonly emissionFactor: number;
}

export interface FollowupInputs {
  readonly organisation: Bilingual;
  /** In the survey's order: base year, 2030 target, the last two actual years, outlook. */
  readonly columns: readonly FollowupColumn[];
}

export interface FollowupOptions {
  readonly mode: WorkbookMode;
  readonly lang: Lang;
}

const KIND_LABEL: Record<FollowupColumn["kind"], Bilingual> = {
  base: { ja: "基準年度", en: "Base year" },
  target: { ja: "目標", en: "Target" },
  actual: { ja: "実績", en: "Actual" },
  outlook: { ja: "見通し", en: "Outlook" },
};

function columnTitle(c: FollowupColumn, lang: Lang): string {
  if (c.kind === "base") return lang === "ja" ? `基準年度（${c.fy}年度）` : `Base year (FY${c.fy})`;
  return lang === "ja" ? `${c.fy}年度${pick(lang, KIND_LABEL[c.kind])}` : `FY${c.fy} ${pick(lang, KIND_LABEL[c.kind]).toLowerCase()}`;
}

export interface FollowupResultRefs {
  readonly sheet: string;
  readonly co2Row: number;
  readonly decompositionRows: readonly number[];
}

/** The follow-up sheet. Columns B… hold the years in the order given. */
export function buildFollowupPlan(inputs: FollowupInputs, options: FollowupOptions): { sheet: SheetPlan; results: FollowupResultRefs } {
  const { mode, lang } = options;
  const alcn = mode === "alcn";
  const cols = inputs.columns;
  const base = cols.findIndex((c) => c.kind === "base");
  const target = cols.findIndex((c) => c.kind === "target");
  const actuals = cols.map((c, i) => ({ c, i })).filter((x) => x.c.kind === "actual" || x.c.kind === "outlook");
  if (base < 0 || target < 0 || actuals.length === 0) throw new Error("follow-up needs a base year, a 2030 target and at least one actual year");
  const name = sheetName("followup", lang);
  const s = new SheetBuilder(name);
  const L = (i: number): string => columnLetters(1 + i);
  s.set(0, 0, { role: "title", value: t(lang, "カーボンニュートラル行動計画 フォローアップ", "Carbon-neutral action plan follow-up") });
  s.set(1, 0, { role: "note", value: modeStatement(mode, lang) });
  s.set(2, 0, { role: "label", value: t(lang, "事業者", "Organisation") });
  s.set(2, 1, { role: "input", value: pick(lang, inputs.organisation) });

  // Inputs block
  let row = 4;
  s.set(row, 0, { role: "header", value: t(lang, "入力（年度別）", "Inputs (by fiscal year)") });
  row++;
  const headerRow = (r: number): void => {
    s.set(r, 0, { role: "header", value: t(lang, "項目", "Item") });
    cols.forEach((c, i) => s.set(r, 1 + i, { role: "header", value: columnTitle(c, lang) }));
    s.set(r, 1 + cols.length, { role: "header", value: t(lang, "単位", "Unit") });
  };
  headerRow(row);
  row++;
  const inputRow = (label: string, unit: string, get: (c: FollowupColumn) => number, numFmt: string): number => {
    const r = row++;
    s.set(r, 0, { role: "label", value: label });
    cols.forEach((c, i) => s.set(r, 1 + i, { role: "input", value: get(c), numFmt }));
    s.set(r, 1 + cols.length, { role: "note", value: unit });
    return r + 1; // 1-based
  };
  const iCo2 = inputRow(t(lang, "CO2排出量", "CO2 emissions"), "t-CO2", (c) => c.co2, "#,##0");
  const iProd = inputRow(t(lang, "生産活動量", "Production"), "t", (c) => c.production, "#,##0");
  const iEnergy = inputRow(t(lang, "エネルギー使用量", "Energy use"), "TJ", (c) => c.energyTJ, "#,##0.0");
  const iElec = inputRow(t(lang, "電力消費量", "Electricity"), "MWh", (c) => c.electricityMWh, "#,##0");
  const iEf = inputRow(t(lang, "電力排出係数", "Electricity emission factor"), "kg-CO2/kWh", (c) => c.emissionFactor, "0.000");

  // Table 1: 排出実績
  row++;
  s.set(row, 0, { role: "header", value: t(lang, "表1 排出実績", "Table 1 Emissions") });
  row++;
  headerRow(row);
  row++;
  const outRow = (label: string, unit: string, f: (i: number) => string, numFmt: string, note?: string): number => {
    const r = row++;
    s.set(r, 0, { role: "label", value: label });
    cols.forEach((_, i) => s.set(r, 1 + i, { role: "output", formula: f(i), numFmt, ...(note ? { note } : {}) }));
    s.set(r, 1 + cols.length, { role: "note", value: unit });
    return r + 1;
  };
  const co2 = outRow(t(lang, "CO2排出量", "CO2 emissions"), "t-CO2", (i) => `=${L(i)}${iCo2}`, "#,##0");
  const prod = outRow(t(lang, "生産活動量", "Production"), "t", (i) => `=${L(i)}${iProd}`, "#,##0");
  const energy = outRow(t(lang, "エネルギー使用量", "Energy use"), "TJ", (i) => `=${L(i)}${iEnergy}`, "#,##0.0");
  outRow(
    t(lang, "エネルギー原単位", "Energy intensity"),
    "GJ/t",
    (i) => (alcn ? `=ALCN.INTENSITY(${L(i)}${energy}*1000,${L(i)}${prod})` : `=${L(i)}${energy}*1000/${L(i)}${prod}`),
    "0.000",
    t(lang, "エネルギー使用量(TJ)×1000 ÷ 生産活動量", "energy (TJ) × 1000 ÷ production"),
  );
  const cInt = outRow(
    t(lang, "CO2原単位", "CO2 intensity"),
    "t-CO2/t",
    (i) => (alcn ? `=ALCN.INTENSITY(${L(i)}${co2},${L(i)}${prod})` : `=${L(i)}${co2}/${L(i)}${prod}`),
    "0.0000",
    t(lang, "CO2排出量 ÷ 生産活動量", "CO2 ÷ production"),
  );
  outRow(t(lang, "電力消費量", "Electricity"), "MWh", (i) => `=${L(i)}${iElec}`, "#,##0");
  outRow(t(lang, "電力排出係数", "Electricity emission factor"), "kg-CO2/kWh", (i) => `=${L(i)}${iEf}`, "0.000");

  // Table 2: 削減・進捗状況, for CO2 and CO2 intensity, per actual/outlook year
  row++;
  s.set(row, 0, { role: "header", value: t(lang, "表2 削減・進捗状況", "Table 2 Reduction and progress") });
  row++;
  s.set(row, 0, { role: "header", value: t(lang, "指標", "Indicator") });
  actuals.forEach((a, k) => s.set(row, 1 + k, { role: "header", value: columnTitle(a.c, lang) }));
  row++;
  const B = L(base);
  const T = L(target);
  const change = (a: string, b: string): string => (alcn ? `=ALCN.CHANGERATE(${a},${b})` : `=${a}/${b}-1`);
  const progress = (b: string, a: string, tg: string): string => (alcn ? `=ALCN.PROGRESS(${b},${a},${tg})` : `=(${b}-${a})/(${b}-${tg})`);
  for (const [what, r1] of [
    [t(lang, "CO2排出量", "CO2 emissions"), co2],
    [t(lang, "CO2原単位", "CO2 intensity"), cInt],
  ] as const) {
    const lines: [string, (i: number) => string | undefined, string][] = [
      [t(lang, "基準年度比", "vs base year"), (i) => change(`${L(i)}${r1}`, `${B}${r1}`), t(lang, "実績 ÷ 基準年度 − 1", "actual ÷ base − 1")],
      [
        t(lang, "昨年度比", "vs previous year"),
        (i) => {
          const prev = cols.findIndex((c) => c.fy === (cols[i] as FollowupColumn).fy - 1 && c.kind !== "target");
          return prev < 0 ? undefined : change(`${L(i)}${r1}`, `${L(prev)}${r1}`);
        },
        t(lang, "実績 ÷ 前年度 − 1", "actual ÷ previous year − 1"),
      ],
      [t(lang, "進捗率", "progress"), (i) => progress(`${B}${r1}`, `${L(i)}${r1}`, `${T}${r1}`), t(lang, "(基準 − 実績) ÷ (基準 − 目標)", "(base − actual) ÷ (base − target)")],
    ];
    for (const [label, f, note] of lines) {
      const r = row++;
      s.set(r, 0, { role: "label", value: `${what} ${label}` });
      actuals.forEach((a, k) => {
        const formula = f(a.i);
        if (formula === undefined) s.set(r, 1 + k, { role: "note", value: "—" });
        else s.set(r, 1 + k, { role: "output", formula, numFmt: "0.0%", note });
      });
    }
  }

  // Table 3: 要因分析 (LMDI), base year → latest actual and previous year → latest actual
  row++;
  s.set(row, 0, { role: "header", value: t(lang, "表3 要因分析（CO2排出量の変化、起点年度の排出量に対する比率）", "Table 3 Factor analysis (change in CO2, share of the earlier year's CO2)") });
  row++;
  const actualOnly = cols.map((c, i) => ({ c, i })).filter((x) => x.c.kind === "actual");
  const latest = actualOnly[actualOnly.length - 1] ?? (actuals[actuals.length - 1] as { c: FollowupColumn; i: number });
  const prevIdx = cols.findIndex((c) => c.fy === latest.c.fy - 1 && c.kind === "actual");
  const periods: { from: number; to: number; label: string }[] = [
    { from: base, to: latest.i, label: t(lang, `${(cols[base] as FollowupColumn).fy}→${latest.c.fy}年度`, `FY${(cols[base] as FollowupColumn).fy}→FY${latest.c.fy}`) },
    ...(prevIdx >= 0 ? [{ from: prevIdx, to: latest.i, label: t(lang, `${latest.c.fy - 1}→${latest.c.fy}年度`, `FY${latest.c.fy - 1}→FY${latest.c.fy}`) }] : []),
  ];
  s.set(row, 0, { role: "header", value: t(lang, "要因", "Factor") });
  periods.forEach((p, k) => s.set(row, 1 + k, { role: "header", value: p.label }));
  row++;
  // DECOMPOSE reads the input rows directly (the values in table 1 are the same cells, referenced).
  const args = (p: { from: number; to: number }): string => `${L(p.from)}${iProd},${L(p.from)}${iEnergy},${L(p.from)}${iCo2},${L(p.to)}${iProd},${L(p.to)}${iEnergy},${L(p.to)}${iCo2}`;
  let lRow = 0;
  if (!alcn) {
    // The LMDI weight L(C1, C0), shown as its own labelled row so that a verifier can follow the arithmetic.
    lRow = row + 1;
    s.set(row, 0, { role: "label", value: t(lang, "LMDI 重み L(C1, C0)", "LMDI weight L(C1, C0)") });
    periods.forEach((p, k) => {
      const c0 = `${L(p.from)}${co2}`;
      const c1 = `${L(p.to)}${co2}`;
      s.set(row, 1 + k, { role: "output", formula: `=IF(${c1}=${c0},${c0},(${c1}-${c0})/(LN(${c1})-LN(${c0})))`, numFmt: "#,##0.0", note: t(lang, "対数平均 (C1−C0)/(ln C1 − ln C0)", "log mean (C1−C0)/(ln C1 − ln C0)") });
    });
    row++;
  }
  const factorLabels = [
    t(lang, "経済活動量の変化", "Activity effect"),
    t(lang, "CO2排出係数の変化", "Emission-factor effect"),
    t(lang, "経済活動量あたりのエネルギー使用量の変化", "Energy-intensity effect"),
    t(lang, "CO2排出量の変化", "Change in CO2"),
  ];
  const decompositionRows: number[] = [];
  factorLabels.forEach((label, k) => {
    const r = row++;
    decompositionRows.push(r + 1);
    s.set(r, 0, { role: "label", value: label });
    periods.forEach((p, j) => {
      const a0 = `${L(p.from)}${prod}`;
      const e0 = `${L(p.from)}${energy}`;
      const c0 = `${L(p.from)}${co2}`;
      const a1 = `${L(p.to)}${prod}`;
      const e1 = `${L(p.to)}${energy}`;
      const c1 = `${L(p.to)}${co2}`;
      const w = `${columnLetters(1 + j)}${lRow}`;
      const native = [`=${w}*LN(${a1}/${a0})/${c0}`, `=${w}*LN((${c1}/${e1})/(${c0}/${e0}))/${c0}`, `=${w}*LN((${e1}/${a1})/(${e0}/${a0}))/${c0}`, `=(${c1}-${c0})/${c0}`][k] as string;
      s.set(r, 1 + j, {
        role: "output",
        formula: alcn ? `=INDEX(ALCN.DECOMPOSE(${args(p)}),1,${k + 1})` : native,
        numFmt: "0.0%",
        note: t(lang, "加法LMDI-I（残差なし）", "additive LMDI-I (no residual)"),
      });
    });
  });
  s.set(row + 1, 0, { role: "note", value: t(lang, "要因の合計 = CO2排出量の変化（LMDIは残差なし）。", "The effects add up to the change in CO2 (LMDI leaves no residual).") });

  return { sheet: s.build([44, 16, 16, 16, 16, 16, 14], mode), results: { sheet: name, co2Row: co2, decompositionRows } };
}
