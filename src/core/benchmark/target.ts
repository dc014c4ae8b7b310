/**
 * TARGET (SPEC 3.1): the 「上位X%」 benchmark level, lower intensity being better.
 *   "count"    Excel PERCENTILE.INC of the intensities at top_pct/100 (blank cells skipped, as Excel does).
 *   "activity" sort by intensity ascending (a stable sort: ties keep input order); the intensity of the first
 *              entity at which cumulative activity ≥ top_pct % of total activity.
 * See docs/decisions/105-target-semantics.md.
 */
import { D } from "../decimal";
import { fail } from "../errors";
import { cellsOf, cellNumber } from "../input";
import type { FunctionSpec } from "../spec";
import type { CellArg } from "../values";

export type TargetMethod = "count" | "activity";

function checkPct(pct: D): void {
  if (pct.lt(0) || pct.gt(100)) fail("NUM", "outOfRange", { arg: "top_pct", min: 0, max: 100, value: pct.toString() });
}

/**
 * Indices of values in ascending order, ties by position (stable). Each value's double is computed once
 * and compared first — rounding to a double is monotone, so a smaller double means a smaller Decimal —
 * and the exact Decimal comparison decides only between equal doubles. Sorting 100 000 intensities then
 * costs n conversions plus n·log n float comparisons instead of n·log n Decimal comparisons (SPEC 8 growth).
 */
function ascending(values: readonly D[]): number[] {
  const keys = values.map((v) => v.toNumber());
  return values.map((_, i) => i).sort((i, j) => (keys[i] as number) - (keys[j] as number) || (values[i] as D).comparedTo(values[j] as D) || i - j);
}

/** Excel PERCENTILE.INC(values, pct/100). */
export function percentileInc(values: readonly D[], pct: D): D {
  checkPct(pct);
  if (values.length === 0) fail("NUM", "emptyRange", { arg: "intensities" });
  const xs = ascending(values).map((i) => values[i] as D);
  const h = pct.div(100).mul(xs.length - 1);
  const lo = h.floor().toNumber();
  const frac = h.sub(lo);
  const a = xs[lo] as D;
  if (frac.isZero() || lo + 1 >= xs.length) return a;
  return a.add(frac.mul((xs[lo + 1] as D).sub(a)));
}

/** Activity-weighted top-X % level: first entity (intensity ascending, stable) with cumulative activity ≥ pct % of the total. */
export function activityLevel(intensities: readonly D[], activities: readonly D[], pct: D): D {
  checkPct(pct);
  if (intensities.length === 0) fail("NUM", "emptyRange", { arg: "intensities" });
  if (intensities.length !== activities.length) {
    fail("VALUE", "shapeMismatch", { arg: "intensities", other: "activities", a: intensities.length, b: activities.length });
  }
  const order = ascending(intensities);
  const total = activities.reduce((s, a) => s.add(a), new D(0));
  if (total.isZero()) fail("DIV0", "zeroDivisor", { arg: "activities (total)" });
  // cumulative ≥ pct/100 × total, compared as cumulative × 100 ≥ pct × total (no rounding).
  const need = pct.mul(total);
  let cum = new D(0);
  for (const i of order) {
    cum = cum.add(activities[i] as D);
    if (cum.mul(100).gte(need)) return intensities[i] as D;
  }
  return intensities[order[order.length - 1] as number] as D;
}

/** Read intensities (and activities) keeping positions; entries whose intensity is blank are dropped with their activity. */
function readPairs(rawI: CellArg, rawA: CellArg | undefined): { xs: D[]; ws: D[] | undefined } {
  const ci = cellsOf(rawI);
  const ca = rawA === undefined ? undefined : cellsOf(rawA);
  if (ca && ca.length !== ci.length) fail("VALUE", "shapeMismatch", { arg: "intensities", other: "activities", a: ci.length, b: ca.length });
  const xs: D[] = [];
  const ws: D[] = [];
  ci.forEach((c, k) => {
    const x = cellNumber("intensities", c);
    const w = ca ? cellNumber("activities", ca[k]) : undefined;
    if (x !== undefined && x.lt(0)) fail("NUM", "negative", { arg: "intensities", value: x.toString() });
    if (w !== undefined && w.lt(0)) fail("NUM", "negative", { arg: "activities", value: w.toString() });
    if (x === undefined) return;
    xs.push(x);
    ws.push(w ?? new D(0));
  });
  return { xs, ws: ca ? ws : undefined };
}

export const TARGET: FunctionSpec = {
  name: "TARGET",
  description: {
    en: "Top-X % benchmark level of intensities (lower is better): PERCENTILE.INC, or activity-weighted.",
    ja: "上位X%水準（目指すべき排出原単位。小さいほど良い）：PERCENTILE.INC または活動量加重。",
  },
  result: "scalar",
  args: [
    { name: "intensities", ja: "排出原単位", type: "raw", description: { en: "Intensities of the entities (t-CO2/t).", ja: "各事業者の排出原単位（t-CO2/t）。" } },
    { name: "top_pct", ja: "上位パーセント", type: "number", description: { en: "X of top-X %, 0–100 (e.g. 50 or 32.5).", ja: "上位X%の X（0〜100。例: 50、32.5）。" } },
    {
      name: "activities",
      ja: "活動量",
      type: "raw",
      optional: true,
      description: { en: "Activity of each entity, same size as intensities (t).", ja: "各事業者の活動量（排出原単位と同じ大きさ、t）。" },
    },
    {
      name: "method",
      ja: "方法",
      type: "text",
      optional: true,
      options: ["count", "activity"],
      description: {
        en: "\"count\" (PERCENTILE.INC; default without activities) or \"activity\" (default with activities).",
        ja: "\"count\"（PERCENTILE.INC。活動量なしの既定）または \"activity\"（活動量ありの既定）。",
      },
    },
  ],
  compute: ([rawI, pct, rawA, method]) => {
    if (rawI === undefined || rawI === null || rawI === "") fail("VALUE", "missing", { arg: "intensities" });
    const hasA = !(rawA === undefined || rawA === null || rawA === "");
    const m = (method as TargetMethod | undefined) ?? (hasA ? "activity" : "count");
    if (m === "activity" && !hasA) fail("VALUE", "missing", { arg: "activities" });
    const { xs, ws } = readPairs(rawI as CellArg, hasA ? (rawA as CellArg) : undefined);
    if (m === "count") return percentileInc(xs, pct as D);
    return activityLevel(xs, ws as D[], pct as D);
  },
};
