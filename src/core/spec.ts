/**
 * Declare, validate, compute. Every ALCN function is one FunctionSpec: its arguments (type, domain,
 * default, ja/en names) and a pure compute over coerced values. The same table drives the Excel
 * wrappers (src/functions), the CLI engine (src/cli) and the ja/en metadata.
 */
import { D } from "./decimal";
import { CalcAbort, calcError, fail, isCalcError, type CalcError, type Lang } from "./errors";
import { choice, numberMatrix, numberVector, scalarBoolean, scalarNumber, scalarText } from "./input";
import type { ParameterStore } from "./parameters";
import { isMatrix, type CellArg, type FinalOutput, type FinalScalar, type OutScalar, type Output } from "./values";

export interface Text {
  readonly en: string;
  readonly ja: string;
}

interface ArgBase {
  /** Parameter name in English (also the JSDoc name). */
  readonly name: string;
  /** Parameter name shown in Japanese Excel. */
  readonly ja: string;
  readonly description: Text;
  readonly optional?: boolean;
}

export type ArgSpec =
  | (ArgBase & { readonly type: "number"; readonly domain?: "nonNegative" | "positive"; readonly default?: number })
  | (ArgBase & { readonly type: "numbers"; readonly domain?: "nonNegative" | "positive"; readonly blanks?: "zero" | "skip" })
  | (ArgBase & { readonly type: "matrix" })
  | (ArgBase & { readonly type: "text"; readonly options?: readonly string[]; readonly default?: string })
  | (ArgBase & { readonly type: "boolean"; readonly default?: boolean })
  | (ArgBase & { readonly type: "raw" });

/** An argument after coercion: what compute receives at the same position. */
export type ArgValue = D | D[] | D[][] | string | boolean | CellArg | undefined;

/** What a function may use besides its arguments: the active parameters and the message language. */
export interface CalcContext {
  readonly lang: Lang;
  readonly params: ParameterStore;
}

/** What an engine knows of an argument before the cells it references are computed: its shape, and its value
 * (exact for literals and input cells, possibly stale for formula cells). */
export interface ArgShape {
  readonly rows: number;
  readonly cols: number;
  readonly value: CellArg;
}

export interface FunctionSpec {
  /** The Excel name without namespace, e.g. "CORRFACTOR". */
  readonly name: string;
  readonly description: Text;
  /** Shape of the result: one cell or a spilled array. */
  readonly result: "scalar" | "array";
  readonly args: readonly ArgSpec[];
  /** Pure computation over coerced arguments; may return a CalcError or call fail(). */
  readonly compute: (args: ArgValue[], ctx: CalcContext) => Output;
  /**
   * For array results whose size follows from argument shapes and options (not from data values): the
   * spill size, so a headless engine can lay out the sheet before the data cells are computed.
   */
  readonly resultSize?: (args: readonly ArgShape[]) => { rows: number; cols: number };
}

function checkDomain(name: string, d: D, domain: "nonNegative" | "positive" | undefined): void {
  if (domain === "nonNegative" && d.isNegative() && !d.isZero()) fail("NUM", "negative", { arg: name, value: d.toString() });
  if (domain === "positive" && !(d.gt(0))) fail("NUM", "notPositive", { arg: name, value: d.toString() });
}

/** Coerce one raw argument by its declaration. */
export function coerceArg(spec: ArgSpec, raw: CellArg): ArgValue {
  const name = spec.name;
  switch (spec.type) {
    case "number": {
      const d = scalarNumber(name, raw);
      if (d === undefined) {
        if (spec.default !== undefined) return new D(spec.default);
        if (!spec.optional) fail("VALUE", "missing", { arg: name });
        return undefined;
      }
      checkDomain(name, d, spec.domain);
      return d;
    }
    case "numbers": {
      if (raw === undefined || raw === null || raw === "") {
        if (!spec.optional) fail("VALUE", "missing", { arg: name });
        return undefined;
      }
      const v = numberVector(name, raw, spec.blanks ?? "zero");
      for (const d of v) checkDomain(name, d, spec.domain);
      return v;
    }
    case "matrix":
      if (raw === undefined || raw === null || raw === "") {
        if (!spec.optional) fail("VALUE", "missing", { arg: name });
        return undefined;
      }
      return numberMatrix(name, raw);
    case "text": {
      const s = spec.options ? choice(name, raw, spec.options) : scalarText(name, raw);
      if (s === undefined) {
        if (spec.default !== undefined) return spec.default;
        if (!spec.optional) fail("VALUE", "missing", { arg: name });
      }
      return s;
    }
    case "boolean": {
      const b = scalarBoolean(name, raw);
      if (b === undefined) {
        if (spec.default !== undefined) return spec.default;
        if (!spec.optional) fail("VALUE", "missing", { arg: name });
      }
      return b;
    }
    case "raw":
      return raw;
  }
}

function finalScalar(v: OutScalar): FinalScalar {
  if (typeof v === "number") return Number.isFinite(v) ? v : calcError("NUM", "overflow");
  if (typeof v === "string" || typeof v === "boolean" || isCalcError(v)) return v;
  const n = Number(v.toString());
  return Number.isFinite(n) ? (Object.is(n, -0) ? 0 : n) : calcError("NUM", "overflow");
}

/** An error naming an argument also carries its Japanese name (`arg_ja`, `other_ja`) for the ja message. */
function withJaNames(spec: FunctionSpec, e: CalcError): CalcError {
  const extra: Record<string, string> = {};
  for (const k of ["arg", "other"]) {
    const a = spec.args.find((x) => x.name === e.params[k]);
    if (a && a.ja) extra[`${k}_ja`] = a.ja;
  }
  return Object.keys(extra).length > 0 ? { ...e, params: { ...e.params, ...extra } } : e;
}

/** Run one function on raw cell arguments: coerce, compute, and turn Decimals into finite numbers. */
export function invoke(spec: FunctionSpec, raw: readonly CellArg[], ctx: CalcContext): FinalOutput {
  try {
    if (raw.length > spec.args.length) {
      const extra = raw.slice(spec.args.length).some((a) => a !== undefined && a !== null);
      if (extra) return calcError("VALUE", "tooManyArgs", { max: spec.args.length });
    }
    // A range is rectangular in Excel and HyperFormula; anything else (a hand-built CLI or test value) is #VALUE!.
    const ragged = raw.findIndex((r) => isMatrix(r) && r.some((row) => row.length !== r[0]?.length));
    if (ragged >= 0) return withJaNames(spec, calcError("VALUE", "ragged", { arg: spec.args[ragged]?.name ?? String(ragged + 1) }));
    const args = spec.args.map((a, i) => coerceArg(a, raw[i]));
    const out = spec.compute(args, ctx);
    if (Array.isArray(out)) {
      if (out.length === 0 || out[0]?.length === 0) return calcError("NUM", "emptyResult");
      return out.map((row) => row.map(finalScalar));
    }
    return finalScalar(out);
  } catch (e) {
    if (e instanceof CalcAbort) return withJaNames(spec, e.error);
    return calcError("VALUE", "internal", { detail: e instanceof Error ? e.message : String(e) });
  }
}
