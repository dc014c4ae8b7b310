/**
 * What each bad input must produce, derived from the argument declarations of the catalogue (type, domain,
 * optional/default, options) plus a small override table where SPEC 3 says more (zero denominators, years
 * outside a path, parameters not set). Expectations:
 *   { code }   exactly this Excel error (SPEC 2: VALUE wrong type/missing, NUM out of domain, DIV0 zero
 *              denominator, NA unset parameter / unknown name)
 *   "error"    some error value (the class depends on the other arguments)
 *   "numeric"  a finite result, or an error that is not #VALUE! (a number is never a type error)
 *   "any"      a finite result or an error value (never NaN, Infinity, an exception)
 *   "ok"       a finite result, no error
 *   { same }   the same result as passing `same` at that position (a 1×1 range is its one cell)
 */
import type { ErrorCode, FunctionSpec } from "../../src/core";
import type { ArgSpec } from "../../src/core/spec";

export type Expect = { readonly code: ErrorCode } | "error" | "numeric" | "any" | "ok" | { readonly same: number };

const VALUE = { code: "VALUE" } as const;
const NUM = { code: "NUM" } as const;
const DIV0 = { code: "DIV0" } as const;
const NA = { code: "NA" } as const;

/** Inputs that are ranges of more than one cell, or no cell at all. */
const MULTI = new Set(["block2x2", "blankInRange", "textInRange", "errorInRange", "emptyRange", "emptyRow", "longer"]);
/** Scalars that are not numbers. */
const NON_NUMBER = new Set(["text", "fullwidth", "thousands", "TRUE", "FALSE"]);

/**
 * Where SPEC 3 says more than the declaration: key "FUNCTION.arg.input". The baseline call of
 * fixtures.ts is the context (e.g. COVERAGE's baseline excludes 20, so total = 0 leaves a negative base).
 */
export const OVERRIDES: Readonly<Record<string, Expect>> = {
  // zero denominators (SPEC 2 #DIV/0!)
  "INTENSITY.activity.zero": DIV0,
  "UPINTENSITY.semi_production.zero": DIV0,
  "ALLOWANCE.cf.zero": DIV0,
  "ALLOWANCE.UP.cf.zero": DIV0,
  "CHANGERATE.base.zero": DIV0,
  "REBASE.base_activity.zero": DIV0,
  "ROLLINGQTY.base_thickness.zero": DIV0,
  "DECOMPOSE.co2_0.zero": DIV0,
  // out of domain (SPEC 2 #NUM!)
  "ALLOWANCE.cf.negative": NUM,
  "ALLOWANCE.UP.cf.negative": NUM,
  "TARGET.top_pct.negative": NUM,
  "TARGET.top_pct.huge": NUM,
  "ROLLINGQTY.cold_share.huge": NUM,
  "COVERAGE.total.zero": NUM,
  "DECOMPOSE.activity0.zero": NUM,
  "DECOMPOSE.energy0.zero": NUM,
  "DECOMPOSE.activity1.zero": NUM,
  "DECOMPOSE.energy1.zero": NUM,
  "DECOMPOSE.co2_1.zero": NUM,
  "BMPATH.final_fy.negative": NUM,
  "BMPATH.final_fy.zero": NUM,
  "BMPATH.fiscal_year.tiny": NUM,
  // not a Western-calendar fiscal year 1900–9999 (#NUM!: a 令和 or two-digit year is a slip; years in range but
  // off the path or before the price band stay #N/A, tested in test/core/benchmark)
  "BMPATH.fiscal_year.negative": NUM,
  "BMPATH.fiscal_year.zero": NUM,
  "BMPATH.fiscal_year.huge": NUM,
  "PRICEBAND.fiscal_year.negative": NUM,
  "PRICEBAND.fiscal_year.zero": NUM,
  // regression of the correction not set anywhere (#N/A "regression coefficients are not set")
  "CORRFACTOR.coefs.missing": NA,
  "CORRFACTOR.avg_size.missing": NA,
  "CORRFACTOR.avg_charges.missing": NA,
  "COMPANYCF.coefs.missing": NA,
  "COMPANYCF.avg_size.missing": NA,
  "COMPANYCF.avg_charges.missing": NA,
  // an opening in the last year needs the operating days (SPEC 3.1 BASEACTIVITY)
  "BASEACTIVITY.days.missing": VALUE,
  "BASEACTIVITY.days.tiny": NUM,
  // a no-usable-year list is #N/A (SPEC 3.1); an empty range is read as a missing argument
  "BASEACTIVITY.values.emptyRange": VALUE,
  "BASEACTIVITY.values.emptyRow": VALUE,
};

function required(a: ArgSpec): boolean {
  return !a.optional && !("default" in a && a.default !== undefined);
}

/** The expectation for one bad input at one argument position. */
export function expectationFor(fn: FunctionSpec, argIndex: number, input: string): Expect {
  const a = fn.args[argIndex];
  if (!a) throw new Error(`${fn.name} has no argument ${argIndex}`);
  const override = OVERRIDES[`${fn.name}.${a.name}.${input}`];
  if (override) return override;
  if (input === "ragged") return VALUE;
  if (input === "missing") return required(a) ? VALUE : "any";
  if (input === "error") return VALUE;
  switch (a.type) {
    case "number":
      if (NON_NUMBER.has(input) || MULTI.has(input)) return VALUE;
      if (input === "NaN" || input === "Infinity") return NUM;
      if (input === "oneByOne") return { same: 7 };
      if (input === "negative") return a.domain ? NUM : "numeric";
      if (input === "zero") return a.domain === "positive" ? NUM : "numeric";
      return "numeric";
    case "numbers":
      if (NON_NUMBER.has(input) || input === "textInRange" || input === "errorInRange") return VALUE;
      if (input === "NaN" || input === "Infinity") return NUM;
      if (input === "negative") return a.domain ? NUM : "any";
      if (input === "emptyRange" || input === "emptyRow") return required(a) ? "error" : "any";
      if (input === "oneByOne") return { same: 7 };
      // One value or a block where a vector of a set length is due (CORRFACTOR's coefs) is a size error.
      return "any";
    case "matrix":
      if (NON_NUMBER.has(input) || input === "textInRange" || input === "errorInRange") return VALUE;
      if (input === "NaN" || input === "Infinity") return NUM;
      return "any";
    case "text":
      if (input === "TRUE" || input === "FALSE" || MULTI.has(input)) return VALUE;
      if (input === "NaN" || input === "Infinity") return NUM;
      // A fixed list of options: anything else is the wrong value. Free text names a fuel, a parameter or
      // an edition: an unknown name is #N/A (SPEC 3.2, 3.5).
      return a.options ? VALUE : NA;
    case "boolean":
      if (input === "TRUE" || input === "FALSE" || input === "zero") return "ok";
      return VALUE;
    case "raw":
      if (NON_NUMBER.has(input) || input === "textInRange" || input === "errorInRange") return VALUE;
      if (input === "NaN" || input === "Infinity") return "error";
      if (input === "emptyRange" || input === "emptyRow") return required(a) ? "error" : "any";
      return "any";
  }
}
