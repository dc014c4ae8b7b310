/**
 * The regression forms shared by REGFIT, REGPREDICT, CORRFACTOR and COMPANYCF (SPEC 3.1).
 *
 *   linear  y = b0 + Σ bj·xj
 *   log     y = b0 + Σ bj·ln xj
 *   power   ln y = b0 + Σ bj·ln xj        (so f(x) = exp(b0 + Σ bj·ln xj))
 *   polyN   y = b0 + b1·x + … + bN·x^N    (N = 2 … 10, one column x; powers built from x itself)
 *
 * Coefficients are always b0 first. The functions are generic over the Decimal clone: values of
 * `D` are computed at 40 digits, values of `DWide` at 100 (decimal.js works at the precision of the
 * operand's own constructor), so the regression solver can reuse them on its wide inputs.
 * ln and exp are the fast fixed-point ones of ./lnexp (~75 correct digits, rounded to the clone).
 */
import type { D } from "../decimal";
import { fail } from "../errors";
import { expFast, lnFast } from "./lnexp";

export type PolyForm = "poly2" | "poly3" | "poly4" | "poly5" | "poly6" | "poly7" | "poly8" | "poly9" | "poly10";
export type RegForm = "linear" | "log" | "power" | PolyForm;

export const REG_FORMS: readonly RegForm[] = [
  "linear",
  "log",
  "power",
  "poly2",
  "poly3",
  "poly4",
  "poly5",
  "poly6",
  "poly7",
  "poly8",
  "poly9",
  "poly10",
];

export function isRegForm(s: string): s is RegForm {
  return (REG_FORMS as readonly string[]).includes(s);
}

/** The polynomial degree of a polyN form, or 0 for the others. */
export function polyDegree(form: RegForm): number {
  return form.startsWith("poly") ? Number(form.slice(4)) : 0;
}

/** Number of regressors (coefficients besides b0) the form builds from `xCount` input columns. */
export function termCount(form: RegForm, xCount: number): number {
  const deg = polyDegree(form);
  return deg > 0 ? deg : xCount;
}

function lnOf(v: D, arg: string): D {
  if (!v.gt(0)) fail("NUM", "notPositive", { arg, value: v.toString() });
  return lnFast(v);
}

/**
 * The design-row terms of one observation, without the intercept:
 * linear → x; log and power → ln x (x ≤ 0 → #NUM!); polyN → x, x², …, x^N of the single column.
 */
export function regressorsOf(form: RegForm, x: D[], arg = "known_x"): D[] {
  const deg = polyDegree(form);
  if (deg > 0) {
    if (x.length !== 1) fail("VALUE", "shapeMismatch", { arg, other: form, a: x.length, b: 1 });
    const v = x[0] as D;
    const out: D[] = [v];
    for (let i = 2; i <= deg; i++) out.push((out[i - 2] as D).mul(v));
    return out;
  }
  if (form === "linear") return x.slice();
  return x.map((v) => lnOf(v, arg));
}

/**
 * f(x) for one row x with coefficients b0 first:
 * linear b0 + Σ bj·xj; log b0 + Σ bj·ln xj; power exp(b0 + Σ bj·ln xj); polyN Σ bi·x^i.
 * A coefficient count that does not fit the form and x → #VALUE! (shapeMismatch).
 */
export function evaluateForm(form: RegForm, coefs: D[], x: D[]): D {
  const terms = regressorsOf(form, x, "x");
  if (coefs.length !== terms.length + 1) {
    fail("VALUE", "shapeMismatch", { arg: "coefs", other: "x", a: coefs.length, b: terms.length + 1 });
  }
  let acc = coefs[0] as D;
  for (let j = 0; j < terms.length; j++) acc = acc.add((coefs[j + 1] as D).mul(terms[j] as D));
  return form === "power" ? expFast(acc) : acc;
}
