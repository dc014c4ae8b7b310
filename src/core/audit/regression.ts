/**
 * The audit's own reading of the correction-factor regression (CORRFACTOR, COMPANYCF) in plain doubles:
 * which coefficients, averages and form apply, f(x) for each form, and its native Excel text.
 */
import { argText, given, literal, paren } from "./native";
import { PlainError, plainNumber, plainText, plainVector } from "./plain";
import type { PlainEnv } from "./types";
import type { CellArg } from "../values";

export type PlainForm = { kind: "linear" | "log" | "power" } | { kind: "poly"; degree: number };

export interface RegSetup {
  readonly form: PlainForm;
  readonly formName: string;
  readonly coefs: readonly number[];
  /** Where the coefficients came from: "args" or "parameters". */
  readonly from: "args" | "parameters";
}

function parseForm(s: string): PlainForm {
  if (s === "linear" || s === "log" || s === "power") return { kind: s };
  const m = /^poly(\d+)$/.exec(s);
  if (m) {
    const degree = Number(m[1]);
    if (degree >= 2 && degree <= 10) return { kind: "poly", degree };
  }
  throw new PlainError("VALUE");
}

/** Coefficients and form from the arguments, or from the parameters when omitted (not set → #N/A). */
export function regSetup(args: readonly CellArg[], coefsAt: number, formAt: number, env: PlainEnv): RegSetup {
  const fromParam = (): string => {
    const pf = env.param("bm.reg.form");
    return typeof pf === "string" ? pf.trim().normalize("NFKC").toLowerCase() : "linear";
  };
  const name = plainText(args[formAt]) ?? fromParam();
  if (given(args, coefsAt)) {
    const coefs = plainVector(args[coefsAt]) as number[];
    return { form: parseForm(name), formName: name, coefs, from: "args" };
  }
  const p = env.param("bm.reg.coefs");
  const coefs = typeof p === "number" ? [p] : Array.isArray(p) ? (p as number[]) : undefined;
  if (!coefs || coefs.length === 0) throw new PlainError("NA");
  return { form: parseForm(name), formName: name, coefs, from: "parameters" };
}

/** An average from the argument or the parameter; undefined → #N/A. */
export function average(args: readonly CellArg[], at: number, param: string, env: PlainEnv): number {
  const a = plainNumber(args[at]);
  if (a !== undefined) {
    if (a < 0) throw new PlainError("NUM");
    return a;
  }
  const p = env.param(param);
  const v = Array.isArray(p) && p.length === 1 ? p[0] : p;
  if (typeof v !== "number") throw new PlainError("NA");
  return v;
}

/** f(x) for one furnace: linear, log, power (exp of the log-linear) or polynomial in the single x. */
export function fOf(setup: RegSetup, x: readonly number[]): number {
  const b = setup.coefs;
  const f = setup.form;
  if (f.kind === "poly") {
    if (x.length !== 1 || b.length !== f.degree + 1) throw new PlainError("VALUE");
    const v = x[0] as number;
    let acc = 0;
    for (let i = f.degree; i >= 0; i--) acc = acc * v + (b[i] as number);
    return acc;
  }
  // logarithms first (x ≤ 0 → #NUM!), then the coefficient count (#VALUE!): the core's order
  if (f.kind !== "linear" && x.some((v) => !(v > 0))) throw new PlainError("NUM");
  if (b.length !== x.length + 1) throw new PlainError("VALUE");
  let acc = b[0] as number;
  for (let j = 0; j < x.length; j++) {
    const xj = x[j] as number;
    if (f.kind === "linear") acc += (b[j + 1] as number) * xj;
    else {
      if (!(xj > 0)) throw new PlainError("NUM");
      acc += (b[j + 1] as number) * Math.log(xj);
    }
  }
  return f.kind === "power" ? Math.exp(acc) : acc;
}

/** Texts of the coefficients for a native formula: INDEX(range,i) for a reference, else numbers. */
export function coefTexts(setup: RegSetup, texts: readonly string[], args: readonly CellArg[], coefsAt: number): string[] {
  const t = texts[coefsAt]?.trim() ?? "";
  const isRef = /^[$A-Za-z0-9_.!:'\u0080-\uffff]+$/.test(t) && /\d/.test(t) && !/^\d/.test(t);
  const v = args[coefsAt];
  const isColumn = Array.isArray(v) && v.length > 1;
  // INDEX(range, row, column): unambiguous for a row or a column of coefficients
  return setup.coefs.map((c, i) => (setup.from === "args" && isRef ? (isColumn ? `INDEX(${t},${i + 1},1)` : `INDEX(${t},1,${i + 1})`) : literal(c)));
}

/** f as native Excel text over the x texts (cells or ranges; ranges give an array inside SUMPRODUCT). */
export function fText(setup: RegSetup, b: readonly string[], xs: readonly string[]): string {
  const f = setup.form;
  const term = (i: number, x: string): string => `${paren(b[i] as string)}*${x}`;
  if (f.kind === "poly") {
    const x = paren(xs[0] as string);
    const parts = [b[0] as string];
    for (let i = 1; i <= f.degree; i++) parts.push(term(i, i === 1 ? x : `${x}^${i}`));
    return parts.join("+");
  }
  const parts = [b[0] as string, ...xs.map((x, j) => term(j + 1, f.kind === "linear" ? paren(x) : `LN(${x})`))];
  const sum = parts.join("+");
  return f.kind === "power" ? `EXP(${sum})` : sum;
}

/** The x texts of the own furnace and of the average (args or parameter values). */
export function xTexts(texts: readonly string[], args: readonly CellArg[], at: readonly number[], avgs: readonly number[], avgAt: readonly number[]): { own: string[]; avg: string[] } {
  return {
    own: at.map((i) => argText(texts, args, i)),
    avg: avgAt.map((i, k) => (given(args, i) ? argText(texts, args, i) : literal(avgs[k] as number))),
  };
}
