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

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The values as the sort sees them: each one's double (rounding to a double is monotone, so a smaller double
 * means a smaller Decimal) and its Decimal on demand. Cell values are doubles, so equal doubles are equal
 * Decimals and `at` can build the Decimal of the few entries the result needs (SPEC 8: 100 000 intensities
 * then cost no 100 000 Decimals — their garbage made the time grow faster than the rows).
 */
interface Sortable {
  readonly n: number;
  readonly keys: ArrayLike<number>;
  at(i: number): D;
  /** Equal doubles may hold different Decimals (computed 40-digit values): order those exactly. */
  readonly exactTies: boolean;
}

function ofDecimals(values: readonly D[]): Sortable {
  return { n: values.length, keys: values.map((v) => v.toNumber()), at: (i) => values[i] as D, exactTies: true };
}

/** Numbers from cells: the Decimal of a cell is that of its double (what cellNumber builds). */
function ofCellNumbers(keys: readonly number[]): Sortable {
  return { n: keys.length, keys, at: (i) => new D(keys[i] as number), exactTies: false };
}

/**
 * Indices in ascending order, ties by position (stable): an LSD radix sort on the doubles' bits (8 passes of
 * 8 bits, a pass skipped when all share its byte; bits and index move together, reads are sequential), linear in n — SPEC 8
 * "doubling the rows at most doubles the time", which an n·log n comparison sort does not meet. Runs of equal
 * doubles are then ordered by their exact Decimals when those may differ (stable, ties keep positions).
 */
function ascending(v: Sortable): Uint32Array {
  const n = v.n;
  const f = new Float64Array(n);
  for (let i = 0; i < n; i++) f[i] = (v.keys[i] as number) + 0; // −0 → +0
  const words = new Uint32Array(f.buffer);
  const hiAt = LITTLE_ENDIAN ? 1 : 0;
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  let idx = new Uint32Array(n);
  // 8 passes of 8 bits: 256 buckets keep every scatter a few sequential streams (16-bit digits scattered
  // 100 000 values over 65 536 places: cache misses made the time grow faster than n).
  const counts = new Uint32Array(8 * 256);
  for (let i = 0; i < n; i++) {
    let h = words[2 * i + hiAt] as number;
    let l = words[2 * i + 1 - hiAt] as number;
    // Unsigned order of the bits = numeric order: flip every bit of negatives, the sign bit of the others.
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    hi[i] = h;
    lo[i] = l;
    idx[i] = i;
    for (let q = 0; q < 4; q++) {
      (counts[q * 256 + ((l >>> (8 * q)) & 0xff)] as number)++;
      (counts[(q + 4) * 256 + ((h >>> (8 * q)) & 0xff)] as number)++;
    }
  }
  let hi2 = new Uint32Array(n);
  let lo2 = new Uint32Array(n);
  let idx2 = new Uint32Array(n);
  for (let pass = 0; pass < 8; pass++) {
    const base = pass * 256;
    const shift = 8 * (pass % 4);
    const ofLo = pass < 4;
    const first = n > 0 ? ((((ofLo ? lo[0] : hi[0]) as number) >>> shift) & 0xff) : 0;
    if (n === 0 || counts[base + first] === n) continue; // one digit value: nothing moves
    let sum = 0;
    for (let d = base; d < base + 256; d++) {
      const c = counts[d] as number;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const h = hi[i] as number;
      const l = lo[i] as number;
      const d = base + (((ofLo ? l : h) >>> shift) & 0xff);
      const at = counts[d] as number;
      counts[d] = at + 1;
      hi2[at] = h;
      lo2[at] = l;
      idx2[at] = idx[i] as number;
    }
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
    [idx, idx2] = [idx2, idx];
  }
  if (v.exactTies) {
    for (let a = 0; a < n; ) {
      let b = a + 1;
      while (b < n && hi[b] === hi[a] && lo[b] === lo[a]) b++;
      if (b - a > 1) {
        const run = Array.from(idx.subarray(a, b)).sort((i, j) => v.at(i).comparedTo(v.at(j)));
        idx.set(run, a);
      }
      a = b;
    }
  }
  return idx;
}

function percentileOf(v: Sortable, pct: D): D {
  checkPct(pct);
  if (v.n === 0) fail("NUM", "emptyRange", { arg: "intensities" });
  const order = ascending(v);
  const h = pct.div(100).mul(v.n - 1);
  const lo = h.floor().toNumber();
  const frac = h.sub(lo);
  const a = v.at(order[lo] as number);
  if (frac.isZero() || lo + 1 >= v.n) return a;
  return a.add(frac.mul(v.at(order[lo + 1] as number).sub(a)));
}

/** Excel PERCENTILE.INC(values, pct/100). */
export function percentileInc(values: readonly D[], pct: D): D {
  return percentileOf(ofDecimals(values), pct);
}

function activityOf(v: Sortable, activities: readonly D[], pct: D): D {
  checkPct(pct);
  if (v.n === 0) fail("NUM", "emptyRange", { arg: "intensities" });
  if (v.n !== activities.length) {
    fail("VALUE", "shapeMismatch", { arg: "intensities", other: "activities", a: v.n, b: activities.length });
  }
  const order = ascending(v);
  const total = activities.reduce((s, a) => s.add(a), new D(0));
  if (total.isZero()) fail("DIV0", "zeroDivisor", { arg: "activities (total)" });
  // cumulative ≥ pct/100 × total, compared as cumulative × 100 ≥ pct × total (no rounding).
  const need = pct.mul(total);
  let cum = new D(0);
  for (const i of order) {
    cum = cum.add(activities[i] as D);
    if (cum.mul(100).gte(need)) return v.at(i);
  }
  return v.at(order[order.length - 1] as number);
}

/** Activity-weighted top-X % level: first entity (intensity ascending, stable) with cumulative activity ≥ pct % of the total. */
export function activityLevel(intensities: readonly D[], activities: readonly D[], pct: D): D {
  return activityOf(ofDecimals(intensities), activities, pct);
}

/**
 * Read intensities (as their doubles) and activities (as Decimals) keeping positions; entries whose intensity
 * is blank are dropped with their activity. Errors exactly as cellNumber reports them.
 */
function readPairs(rawI: CellArg, rawA: CellArg | undefined): { keys: number[]; ws: D[] | undefined } {
  const ci = cellsOf(rawI);
  const ca = rawA === undefined ? undefined : cellsOf(rawA);
  if (ca && ca.length !== ci.length) fail("VALUE", "shapeMismatch", { arg: "intensities", other: "activities", a: ci.length, b: ca.length });
  const keys: number[] = [];
  const ws: D[] = [];
  for (let k = 0; k < ci.length; k++) {
    const c = ci[k];
    // A finite number is taken as it is (cellNumber would build its Decimal); anything else goes through cellNumber.
    let x: number | undefined;
    if (typeof c === "number" && Number.isFinite(c)) x = c;
    else x = cellNumber("intensities", c)?.toNumber(); // blank → undefined; other cells fail
    const w = ca ? cellNumber("activities", ca[k]) : undefined;
    if (x !== undefined && x < 0) fail("NUM", "negative", { arg: "intensities", value: new D(x).toString() });
    if (w !== undefined && w.lt(0)) fail("NUM", "negative", { arg: "activities", value: w.toString() });
    if (x === undefined) continue;
    keys.push(x);
    if (ca) ws.push(w ?? new D(0));
  }
  return { keys, ws: ca ? ws : undefined };
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
    const { keys, ws } = readPairs(rawI as CellArg, hasA ? (rawA as CellArg) : undefined);
    if (m === "count") return percentileOf(ofCellNumbers(keys), pct as D);
    return activityOf(ofCellNumbers(keys), ws as D[], pct as D);
  },
};
