/**
 * ALLOWANCE, ALLOWANCE.UP, ALLOWANCE.DOWN (SPEC 3.1), the draft's 割当量の算定式（案）:
 *   割当量 = up_target × up_activity ÷ cf + down_target × down_activity
 * Targets and activities may be equal-sized ranges (one entry per product type): each side is then a sum of
 * products. A single value against a range is used for every entry (one target for all product types).
 * rounding to whole t-CO2: "none" (default while bm.rounding is unpublished), "floor", "round" (half away
 * from zero, like Excel ROUND(x, 0)), "ceil". See docs/decisions/104-allowance-rounding.md.
 */
import { D } from "../decimal";
import { fail } from "../errors";
import type { CalcContext, FunctionSpec } from "../spec";
import { paramTextOrUndefined } from "./parameters-fn";

export type Rounding = "none" | "floor" | "round" | "ceil";
export const ROUNDINGS: readonly Rounding[] = ["none", "floor", "round", "ceil"];

/** Σ target × activity over product types; a single value pairs with every entry of the other side. */
export function sumProducts(targets: readonly D[], activities: readonly D[], tName: string, aName: string): D {
  // An empty range (possible only from a hand-built value) has no product types: #NUM!, like TARGET's empty list.
  if (targets.length === 0) fail("NUM", "emptyRange", { arg: tName });
  if (activities.length === 0) fail("NUM", "emptyRange", { arg: aName });
  const n = Math.max(targets.length, activities.length);
  if (targets.length !== activities.length && targets.length !== 1 && activities.length !== 1) {
    fail("VALUE", "shapeMismatch", { arg: tName, other: aName, a: targets.length, b: activities.length });
  }
  let s = new D(0);
  for (let i = 0; i < n; i++) {
    const t = (targets.length === 1 ? targets[0] : targets[i]) as D;
    const a = (activities.length === 1 ? activities[0] : activities[i]) as D;
    s = s.add(t.mul(a));
  }
  return s;
}

function checkCf(cf: D): void {
  if (cf.isZero()) fail("DIV0", "zeroDivisor", { arg: "cf" });
  if (cf.lt(0)) fail("NUM", "notPositive", { arg: "cf", value: cf.toString() });
}

export function allowanceUp(targets: readonly D[], activities: readonly D[], cf: D): D {
  checkCf(cf);
  return sumProducts(targets, activities, "up_target", "up_activity").div(cf);
}

export function allowanceDown(targets: readonly D[], activities: readonly D[]): D {
  return sumProducts(targets, activities, "down_target", "down_activity");
}

export function roundWhole(x: D, r: Rounding): D {
  switch (r) {
    case "none":
      return x;
    case "floor":
      return x.toDecimalPlaces(0, D.ROUND_FLOOR);
    case "ceil":
      return x.toDecimalPlaces(0, D.ROUND_CEIL);
    case "round":
      return x.toDecimalPlaces(0, D.ROUND_HALF_UP);
  }
}

/** Rounding: the argument, else the active parameter bm.rounding, else "none". */
function roundingOf(arg: string | undefined, ctx: CalcContext): Rounding {
  if (arg !== undefined) return arg as Rounding;
  const p = paramTextOrUndefined(ctx, "bm.rounding");
  if (p === undefined) return "none";
  const hit = ROUNDINGS.find((r) => r === p.toLowerCase());
  if (hit === undefined) fail("VALUE", "paramType", { value: "bm.rounding", expected: ROUNDINGS.join(" | ") });
  return hit;
}

const targetArg = (side: "up" | "down") =>
  ({
    name: `${side}_target`,
    ja: side === "up" ? "上工程目標原単位" : "下工程目標原単位",
    type: "numbers",
    domain: "nonNegative",
    description:
      side === "up"
        ? { en: "Upstream target intensity (t-CO2/t): one value or one per product type.", ja: "上工程の目指すべき排出原単位（t-CO2/t）：1つまたは品種ごと。" }
        : { en: "Downstream target intensity (t-CO2/t): one value or one per product type.", ja: "下工程の目指すべき排出原単位（t-CO2/t）：1つまたは品種ごと。" },
  }) as const;

const activityArg = (side: "up" | "down") =>
  ({
    name: `${side}_activity`,
    ja: side === "up" ? "上工程基準活動量" : "下工程基準活動量",
    type: "numbers",
    domain: "nonNegative",
    description:
      side === "up"
        ? { en: "Upstream baseline activity, semi-products (t): one value or one per product type.", ja: "上工程の基準活動量（半製品、t）：1つまたは品種ごと。" }
        : { en: "Downstream baseline activity, product output (t): one value or one per product type.", ja: "下工程の基準活動量（製品生産量、t）：1つまたは品種ごと。" },
  }) as const;

const cfArg = {
  name: "cf",
  ja: "補正係数",
  type: "number",
  description: { en: "The company's correction factor (COMPANYCF).", ja: "各社ごとの補正係数（COMPANYCF）。" },
} as const;

export const ALLOWANCE: FunctionSpec = {
  name: "ALLOWANCE",
  description: {
    en: "Allocation: up_target × up_activity ÷ cf + down_target × down_activity (t-CO2), optionally rounded.",
    ja: "割当量：上工程目標原単位 × 上工程基準活動量 ÷ 補正係数 ＋ 下工程目標原単位 × 下工程基準活動量（t-CO2）。",
  },
  result: "scalar",
  args: [
    targetArg("up"),
    activityArg("up"),
    cfArg,
    targetArg("down"),
    activityArg("down"),
    {
      name: "rounding",
      ja: "端数処理",
      type: "text",
      optional: true,
      options: ROUNDINGS,
      description: {
        en: "\"none\" (default), \"floor\", \"round\" (half away from zero) or \"ceil\" to whole t-CO2.",
        ja: "\"none\"（既定）、\"floor\"（切り捨て）、\"round\"（四捨五入）、\"ceil\"（切り上げ）。1 t-CO2 単位。",
      },
    },
  ],
  compute: ([ut, ua, cf, dt, da, r], ctx) => {
    const up = allowanceUp(ut as D[], ua as D[], cf as D);
    const down = allowanceDown(dt as D[], da as D[]);
    return roundWhole(up.add(down), roundingOf(r as string | undefined, ctx));
  },
};

export const ALLOWANCE_UP: FunctionSpec = {
  name: "ALLOWANCE.UP",
  description: {
    en: "Upstream part of the allocation: up_target × up_activity ÷ cf (t-CO2).",
    ja: "割当量の上工程分：上工程目標原単位 × 上工程基準活動量 ÷ 補正係数（t-CO2）。",
  },
  result: "scalar",
  args: [targetArg("up"), activityArg("up"), cfArg],
  compute: ([ut, ua, cf]) => allowanceUp(ut as D[], ua as D[], cf as D),
};

export const ALLOWANCE_DOWN: FunctionSpec = {
  name: "ALLOWANCE.DOWN",
  description: {
    en: "Downstream part of the allocation: down_target × down_activity (t-CO2).",
    ja: "割当量の下工程分：下工程目標原単位 × 下工程基準活動量（t-CO2）。",
  },
  result: "scalar",
  args: [targetArg("down"), activityArg("down")],
  compute: ([dt, da]) => allowanceDown(dt as D[], da as D[]),
};
