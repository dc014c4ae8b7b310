/**
 * BASEACTIVITY and REBASE (SPEC 3.1): 基準活動量 from the base-period values (FY2023–2025), and the
 * activity-change rule during the period. Edge cases: docs/decisions/106-baseactivity-edge-cases.md.
 *
 * Statuses per year (one cell per value): blank / "normal" (通常), "none" (休止: not operating, excluded),
 * "opening" (新設: started that year), "disaster" (災害: replaced by the previous year's value).
 * Excel passes a blank cell inside a range as 0, so a status 0 also means "normal".
 */
import { D } from "../decimal";
import { fail } from "../errors";
import { cellNumber, cellsOf } from "../input";
import type { CalcContext, FunctionSpec } from "../spec";
import { type CellArg, type CellScalar, isBlank, isCellError } from "../values";
import { paramNumberOrUndefined } from "./parameters-fn";

export type YearStatus = "normal" | "none" | "opening" | "disaster";

/** The status words a baseline year may carry (English and Japanese), shared with the audit's reading. */
export const STATUS_WORDS: Readonly<Record<string, YearStatus>> = {
  normal: "normal",
  通常: "normal",
  稼働: "normal",
  none: "none",
  休止: "none",
  非稼働: "none",
  opening: "opening",
  新設: "opening",
  disaster: "disaster",
  災害: "disaster",
};

const STATUS_LIST = "normal, none, opening, disaster (通常, 休止, 新設, 災害)";

export function parseStatus(c: CellScalar): YearStatus {
  if (isBlank(c) || c === 0) return "normal";
  if (isCellError(c)) return fail("VALUE", "errorInput", { arg: "statuses", value: c.code });
  const key = typeof c === "string" ? c.normalize("NFKC").trim().toLowerCase() : undefined;
  const s = key === undefined ? undefined : STATUS_WORDS[key];
  if (s === undefined) return fail("VALUE", "unknownOption", { arg: "statuses", value: String(c), allowed: STATUS_LIST });
  return s;
}

/**
 * The baseline activity. values[i] undefined = a blank cell (missing, excluded like "none").
 * daysOf(i) gives the operating days of year i (only asked for an opening in the last year).
 */
export function baseActivity(values: readonly (D | undefined)[], statuses: readonly YearStatus[], daysOf: (i: number) => D | undefined, annualDays: D): D {
  const n = values.length;
  if (n === 0) fail("VALUE", "missing", { arg: "values" });
  const openings = statuses.map((s, i) => (s === "opening" ? i : -1)).filter((i) => i >= 0);
  if (openings.length > 1) fail("VALUE", "multipleOpening", { arg: "statuses" });
  const open = openings[0];

  if (open === n - 1) {
    const v = values[open];
    if (v === undefined) fail("NA", "noUsableYear", { arg: "values" });
    const days = daysOf(open);
    if (days === undefined) fail("VALUE", "missing", { arg: "days" });
    // At least one operating day, as the message says: a fraction of a day would annualise to an absurd value.
    if (days.lt(1) || days.gt(366)) fail("NUM", "outOfRange", { arg: "days", min: 1, max: 366, value: days.toString() });
    return v.mul(annualDays).div(days);
  }

  const first = open === undefined ? 0 : open + 1;
  // Effective value of each year from `first`: undefined when the year is excluded.
  const eff: (D | undefined)[] = new Array<D | undefined>(n).fill(undefined);
  const used: D[] = [];
  for (let i = first; i < n; i++) {
    const s = statuses[i];
    if (s === "none") continue;
    if (s === "disaster") {
      const prev = i > first ? eff[i - 1] : undefined;
      if (prev === undefined) fail("NA", "noPreviousYear", { value: i + 1 });
      eff[i] = prev;
      used.push(prev);
      continue;
    }
    const v = values[i];
    if (v === undefined) continue;
    eff[i] = v;
    used.push(v);
  }
  if (used.length === 0) fail("NA", "noUsableYear", { arg: "values" });
  return used.reduce((s, v) => s.add(v), new D(0)).div(used.length);
}

function isOmitted(v: unknown): boolean {
  return v === undefined || v === null || v === "";
}

export const BASEACTIVITY: FunctionSpec = {
  name: "BASEACTIVITY",
  description: {
    en: "Baseline activity from the base-period values (FY2023–2025) with statuses normal, none, opening, disaster.",
    ja: "基準活動量：基準期間（2023〜2025年度）の値から。状態は normal・none（休止）・opening（新設）・disaster（災害）。",
  },
  result: "scalar",
  args: [
    { name: "values", ja: "活動量", type: "raw", description: { en: "Activity of each base year, a row or column (t).", ja: "基準期間の各年度の活動量（1行または1列、t）。" } },
    {
      name: "statuses",
      ja: "状態",
      type: "raw",
      optional: true,
      description: {
        en: "Status of each year: blank/\"normal\", \"none\", \"opening\", \"disaster\" (same size as values).",
        ja: "各年度の状態：空白/\"normal\"、\"none\"（休止）、\"opening\"（新設）、\"disaster\"（災害）。",
      },
    },
    {
      name: "days",
      ja: "稼働日数",
      type: "raw",
      optional: true,
      description: {
        en: "Operating days of the opening year: a number, or a range shaped like values.",
        ja: "新設年度の稼働日数：数値、または活動量と同じ形の範囲。",
      },
    },
  ],
  compute: ([rawV, rawS, rawD], ctx: CalcContext) => {
    if (isOmitted(rawV)) fail("VALUE", "missing", { arg: "values" });
    const vc = cellsOf(rawV as CellArg);
    const values = vc.map((c) => {
      const v = cellNumber("values", c);
      if (v !== undefined && v.lt(0)) fail("NUM", "negative", { arg: "values", value: v.toString() });
      return v;
    });
    let statuses: YearStatus[] = values.map(() => "normal");
    if (!isOmitted(rawS)) {
      const sc = cellsOf(rawS as CellArg);
      if (sc.length !== vc.length) fail("VALUE", "shapeMismatch", { arg: "statuses", other: "values", a: sc.length, b: vc.length });
      statuses = sc.map(parseStatus);
    }
    let daysOf: (i: number) => D | undefined = () => undefined;
    if (!isOmitted(rawD)) {
      const dc = cellsOf(rawD as CellArg);
      const ds = dc.map((c) => cellNumber("days", c));
      if (ds.length === 1) daysOf = () => ds[0];
      else if (ds.length === vc.length) daysOf = (i) => ds[i];
      else fail("VALUE", "shapeMismatch", { arg: "days", other: "values", a: ds.length, b: vc.length });
    }
    const annual = paramNumberOrUndefined(ctx, "bm.baseline.annual_days") ?? new D(365);
    return baseActivity(values, statuses, daysOf, annual);
  },
};

/** The activity-change rule: mean of the two latest years if it moved by ≥ threshold % from base, else base. */
export function rebase(base: D, a1: D, a2: D, thresholdPct: D): D {
  if (base.isZero()) fail("DIV0", "zeroDivisor", { arg: "base_activity" });
  const mean = a1.add(a2).div(2);
  // |mean − base| / base ≥ threshold / 100, compared without division.
  return mean.sub(base).abs().mul(100).gte(thresholdPct.mul(base)) ? mean : base;
}

export const REBASE: FunctionSpec = {
  name: "REBASE",
  description: {
    en: "Activity-change rule: the mean of the two latest years if it differs from the baseline by at least threshold_pct, else the baseline.",
    ja: "活動量変動の扱い：直近2年度の平均が基準活動量から閾値%以上変動していればその平均、そうでなければ基準活動量。",
  },
  result: "scalar",
  args: [
    { name: "base_activity", ja: "基準活動量", type: "number", domain: "nonNegative", description: { en: "Baseline activity (t).", ja: "基準活動量（t）。" } },
    { name: "activity_1", ja: "活動量1", type: "number", domain: "nonNegative", description: { en: "Activity of the earlier of the two latest years (t).", ja: "直近2年度のうち前の年度の活動量（t）。" } },
    { name: "activity_2", ja: "活動量2", type: "number", domain: "nonNegative", description: { en: "Activity of the latest year (t).", ja: "直近年度の活動量（t）。" } },
    {
      name: "threshold_pct",
      ja: "閾値",
      type: "number",
      optional: true,
      domain: "nonNegative",
      description: { en: "Threshold in % (default bm.rebase_threshold_pct, 7.5).", ja: "閾値（%。省略時 bm.rebase_threshold_pct = 7.5）。" },
    },
  ],
  compute: ([b, a1, a2, t], ctx: CalcContext) =>
    rebase(b as D, a1 as D, a2 as D, (t as D | undefined) ?? paramNumberOrUndefined(ctx, "bm.rebase_threshold_pct") ?? new D(7.5)),
};
