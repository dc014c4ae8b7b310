/**
 * The Excel edge: raw cell arguments → core → CustomFunctions values. Errors become
 * CustomFunctions.Error with a message in the user's language (Excel shows it for #VALUE! and #N/A).
 */
import { EXCEL_CODE, functionSpec, invoke, messageOf, ParameterStore, type CalcError, type CellArg, type CellScalar, type FinalOutput, type FinalScalar, type Lang } from "../core";

/** The shared runtime's state: the message language and the workbook's active parameter set. */
export const addinContext: { lang: Lang; params: ParameterStore } = { lang: "ja", params: new ParameterStore() };

/** Japanese unless Office's display language is something else. */
export function languageOf(displayLanguage: string | undefined): Lang {
  return displayLanguage === undefined || displayLanguage.toLowerCase().startsWith("ja") ? "ja" : "en";
}

/** The CustomFunctions API surface the edge needs (the real one in Excel, a stand-in in Node tests). */
export interface ErrorFactory {
  make(code: CalcError["code"], message: string): unknown;
}

const officeErrors: ErrorFactory = {
  make(code, message) {
    const cf = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
    if (!cf) return `${EXCEL_CODE[code]} ${message}`;
    const map = {
      VALUE: cf.ErrorCode.invalidValue,
      NUM: cf.ErrorCode.invalidNumber,
      DIV0: cf.ErrorCode.divisionByZero,
      NA: cf.ErrorCode.notAvailable,
    } as const;
    return new cf.Error(map[code], message);
  },
};

function toCell(v: FinalScalar, errors: ErrorFactory, lang: Lang): unknown {
  if (typeof v === "object") return errors.make(v.code, messageOf(v, lang));
  return v;
}

/** Map a core result to what Excel accepts: a value, an array (errors inside as Error objects), or an Error. */
export function toExcel(out: FinalOutput, errors: ErrorFactory = officeErrors, lang: Lang = addinContext.lang): unknown {
  if (Array.isArray(out)) return out.map((row) => row.map((c) => toCell(c, errors, lang)));
  return toCell(out, errors, lang);
}

/** An error value Excel passes in (a CustomFunctions.Error, code "#REF!" …) as the core's CellError. */
function normaliseCell(c: unknown): CellScalar {
  if (c === null || c === undefined || typeof c === "number" || typeof c === "string" || typeof c === "boolean") return c;
  const code = (c as { code?: unknown }).code;
  if (typeof code === "string" && code.startsWith("#")) return { kind: "CellError", code };
  return String(c);
}

/** Normalise what Excel passes: null/undefined for an omitted optional, arrays for ranges, error objects. */
function normaliseArg(a: unknown): CellArg {
  if (a === null || a === undefined) return undefined;
  if (Array.isArray(a)) return a.map((row: unknown) => (Array.isArray(row) ? row.map(normaliseCell) : [normaliseCell(row)]));
  return normaliseCell(a);
}

/** Call an ALCN function by name from its Excel wrapper. */
export function callFromExcel(name: string, args: readonly unknown[]): any {
  const spec = functionSpec(name);
  if (!spec) throw new Error(`ALCN.${name} is not in the catalogue`);
  return toExcel(invoke(spec, args.map(normaliseArg), addinContext));
}
