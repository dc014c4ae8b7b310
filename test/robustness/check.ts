/** Assertions shared by the robustness suite: a result is sane, an error carries real messages in ja and en. */
import { EXCEL_CODE, isCalcError, messageOf, type CalcError, type FinalOutput, type FinalScalar } from "../../src/core";
import { MESSAGES } from "../../src/core/errors";
import type { Expect } from "./expectations";

/** Why a result is not acceptable in a cell, or undefined if it is. */
export function insane(out: unknown): string | undefined {
  if (Array.isArray(out)) {
    if (out.length === 0) return "empty array";
    for (const row of out) {
      if (!Array.isArray(row) || row.length === 0) return "array row is not a non-empty array";
      if (row.length !== (out[0] as unknown[]).length) return "ragged result array";
      for (const c of row) {
        const why = insaneScalar(c);
        if (why) return why;
      }
    }
    return undefined;
  }
  return insaneScalar(out);
}

function insaneScalar(v: unknown): string | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? undefined : `non-finite number ${v}`;
  if (typeof v === "string" || typeof v === "boolean") return undefined;
  if (isCalcError(v)) return badMessage(v);
  return `not a cell value: ${JSON.stringify(v)}`;
}

/** An error's messages: known id, non-empty in both languages, every {placeholder} filled. */
export function badMessage(e: CalcError): string | undefined {
  if (!(e.id in MESSAGES)) return `unknown message id ${String(e.id)}`;
  if (!(e.code in EXCEL_CODE)) return `unknown code ${String(e.code)}`;
  if (e.id === "internal") return `internal error (an exception inside the function): ${messageOf(e, "en")}`;
  for (const [k, v] of Object.entries(e.params)) {
    if (typeof v === "number" && !Number.isFinite(v)) return `parameter ${k} of ${e.id} is ${v}`;
    if (/^(undefined|null|NaN|-?Infinity)$|\[object Object\]/.test(String(v))) return `parameter ${k} of ${e.id} shows a raw value: ${String(v)}`;
  }
  for (const lang of ["ja", "en"] as const) {
    const m = messageOf(e, lang);
    if (m.trim() === "") return `empty ${lang} message for ${e.id}`;
    if (/\{\w+\}/.test(m)) return `unfilled placeholder in ${lang} message ${e.id}: ${m}`;
  }
  return undefined;
}

/** Every error value in a result (the result itself, or the cells of an array). */
export function errorsIn(out: FinalOutput): CalcError[] {
  if (Array.isArray(out)) return out.flat().filter((c: FinalScalar): c is CalcError => isCalcError(c));
  return isCalcError(out) ? [out] : [];
}

/** Why a result does not meet its expectation, or undefined if it does. */
export function unmet(out: FinalOutput, expect: Expect, same?: FinalOutput): string | undefined {
  const sanity = insane(out);
  if (sanity) return sanity;
  const top = isCalcError(out) ? out : undefined;
  const shown = top ? `${EXCEL_CODE[top.code]} (${top.id})` : JSON.stringify(out);
  if (expect === "any") return undefined;
  if (expect === "ok") return top || errorsIn(out).length > 0 ? `expected a value, got ${shown}` : undefined;
  if (expect === "error") return top ? undefined : `expected an error, got ${shown}`;
  if (expect === "numeric") return top?.code === "VALUE" ? `a number is not a type error, got ${shown}` : undefined;
  if ("same" in expect) return JSON.stringify(out) === JSON.stringify(same) ? undefined : `expected ${JSON.stringify(same)} as for the plain cell, got ${shown}`;
  return top?.code === expect.code ? undefined : `expected ${EXCEL_CODE[expect.code]}, got ${shown}`;
}
