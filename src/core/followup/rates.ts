import type { D } from "../decimal";
import { fail } from "../errors";
import type { FunctionSpec } from "../spec";

/** 削減率 (基準年度比 / 前年度比): actual ÷ base − 1, as a fraction. */
export function changeRate(actual: D, base: D): D {
  if (base.isZero()) fail("DIV0", "zeroDivisor", { arg: "base" });
  return actual.div(base).minus(1);
}

/** 進捗率 = (base − actual) ÷ (base − target), as a fraction. */
export function progress(base: D, actual: D, target: D): D {
  const planned = base.minus(target);
  if (planned.isZero()) fail("DIV0", "zeroDivisor", { arg: "base − target" });
  return base.minus(actual).div(planned);
}

export const CHANGERATE: FunctionSpec = {
  name: "CHANGERATE",
  description: {
    en: "Change rate: actual ÷ base − 1 (against the base year or the previous year), as a fraction.",
    ja: "削減率（変化率）：実績 ÷ 基準 − 1（基準年度比・前年度比）。割合で返します。",
  },
  result: "scalar",
  args: [
    { name: "actual", ja: "実績", type: "number", domain: "nonNegative", description: { en: "This year's value.", ja: "当年度の値。" } },
    { name: "base", ja: "基準", type: "number", domain: "nonNegative", description: { en: "The base-year (or previous-year) value.", ja: "基準年度（または前年度）の値。" } },
  ],
  compute: ([actual, base]) => changeRate(actual as D, base as D),
};

export const PROGRESS: FunctionSpec = {
  name: "PROGRESS",
  description: {
    en: "Progress rate: (base − actual) ÷ (base − target), as a fraction.",
    ja: "進捗率：（基準 − 実績）÷（基準 − 目標）。割合で返します。",
  },
  result: "scalar",
  args: [
    { name: "base", ja: "基準", type: "number", domain: "nonNegative", description: { en: "Base-year value.", ja: "基準年度の値。" } },
    { name: "actual", ja: "実績", type: "number", domain: "nonNegative", description: { en: "Actual value of the year.", ja: "当年度の実績値。" } },
    { name: "target", ja: "目標", type: "number", domain: "nonNegative", description: { en: "Target value (e.g. FY2030).", ja: "目標値（2030年度など）。" } },
  ],
  compute: ([base, actual, target]) => progress(base as D, actual as D, target as D),
};

/** カバー率 = participants ÷ (total − excluded), as a fraction. Not clamped: above 1 means the inputs disagree. */
export function coverage(participants: D, total: D, excluded?: D): D {
  const base = excluded === undefined ? total : total.minus(excluded);
  if (base.isZero()) fail("DIV0", "zeroDivisor", { arg: excluded === undefined ? "total" : "total − excluded" });
  if (base.isNegative()) fail("NUM", "notPositive", { arg: "total − excluded", value: base.toString() });
  return participants.div(base);
}

export const COVERAGE: FunctionSpec = {
  name: "COVERAGE",
  description: {
    en: "Coverage: participants ÷ (total − excluded), as a fraction (e.g. the plan's share of the industry's production).",
    ja: "カバー率：参加企業の値 ÷（業界全体 − 対象外）。割合で返します（例：サッシ業界を除く生産量に対する比率）。",
  },
  result: "scalar",
  args: [
    { name: "participants", ja: "参加企業", type: "number", domain: "nonNegative", description: { en: "The participating companies' total (e.g. production, t).", ja: "計画参加企業の合計（生産量 t など）。" } },
    { name: "total", ja: "業界全体", type: "number", domain: "nonNegative", description: { en: "The whole industry's total, in the same unit.", ja: "業界全体の合計（同じ単位）。" } },
    {
      name: "excluded",
      ja: "対象外",
      type: "number",
      domain: "nonNegative",
      optional: true,
      description: { en: "Part of the total outside the scope (e.g. the sash industry); default 0.", ja: "対象外とする部分（例：サッシ業界）。省略時は 0。" },
    },
  ],
  compute: ([participants, total, excluded]) => coverage(participants as D, total as D, excluded as D | undefined),
};
