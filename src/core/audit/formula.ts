/**
 * A small reader for the formula in one cell, enough for the audit panel: find the outermost ALCN call
 * (`=ALCN.CORRFACTOR(B4,C4)`, possibly inside arithmetic such as `=ROUND(ALCN.X(A1)*1000,0)`), its
 * argument expressions and the cell / range references they use. It never throws: anything it cannot
 * read gives `{ ok: false }` ("not an ALCN formula").
 *
 * Accepted: numbers, "text" (with "" escapes), TRUE/FALSE, #errors, references (A1, $A$1, A1:B9,
 * A:A, 1:3, Sheet1!A1, 'My sheet'!A1:B2), names, function calls (ALCN.X, _xldudf_ALCN_X, SUM …),
 * array constants {1,2;3,4}, operators + - * / ^ & % = <> < <= > >=, unary + and -, parentheses,
 * omitted arguments (`f(a,,c)`). Beyond Excel's own limits (8 192 characters, 64 nested functions) it
 * reads nothing and says so (src/core/formula-limits.ts), so deep nesting never exhausts the stack.
 */
import { beyondFormulaLimits } from "../formula-limits";

export type Expr =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "error"; readonly code: string }
  | { readonly kind: "ref"; readonly ref: CellRef }
  | { readonly kind: "name"; readonly name: string }
  | { readonly kind: "missing" }
  | { readonly kind: "array"; readonly rows: readonly (readonly Expr[])[] }
  | { readonly kind: "unary"; readonly op: "+" | "-" | "%"; readonly arg: Expr }
  | { readonly kind: "binary"; readonly op: string; readonly left: Expr; readonly right: Expr }
  | { readonly kind: "call"; readonly name: string; readonly args: readonly ArgNode[]; readonly start: number; readonly end: number };

/** One argument of a call with the source text it came from. */
export interface ArgNode {
  readonly expr: Expr;
  readonly text: string;
}

/** A reference as written: optional sheet, and an address such as A1, $B$2:C9, A:A or 3:5. */
export interface CellRef {
  readonly sheet?: string;
  /** The address without the sheet, `$` signs removed, upper case (e.g. "B2:C9"). */
  readonly address: string;
  /** The reference as written in the formula (with sheet and `$`). */
  readonly text: string;
}

export type ParsedFormula =
  | {
      readonly ok: true;
      /** The ALCN function name without namespace, upper case, e.g. "CORRFACTOR", "ALLOWANCE.UP". */
      readonly name: string;
      readonly args: readonly ArgNode[];
      /** Every reference of the whole formula, in order of appearance, without duplicates. */
      readonly refs: readonly CellRef[];
      /** Every defined name used (e.g. ALCN_COEFS), without duplicates. */
      readonly names: readonly string[];
      /** true when the ALCN call is not the whole formula (e.g. `=ALCN.X(A1)*2`). */
      readonly nested: boolean;
      readonly ast: Expr;
    }
  | { readonly ok: false; readonly reason: string };

type Tok =
  | { t: "num"; v: number; s: number; e: number }
  | { t: "str"; v: string; s: number; e: number }
  | { t: "err"; v: string; s: number; e: number }
  | { t: "ref"; v: CellRef; s: number; e: number }
  | { t: "id"; v: string; s: number; e: number }
  | { t: "op"; v: string; s: number; e: number };

const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d{1,7}`;
const COL = String.raw`\$?[A-Za-z]{1,3}`;
const ROW = String.raw`\$?\d{1,7}`;
const ADDRESS = new RegExp(String.raw`^(?:${CELL}(?::${CELL})?|${COL}:${COL}|${ROW}:${ROW})(?![A-Za-z0-9_.(])`);
const SHEET_PLAIN = /^([A-Za-z_\u0080-\uffff][A-Za-z0-9_.\u0080-\uffff]*)!/;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const IDENT = /^[A-Za-z_\\\u0080-\uffff][A-Za-z0-9_.\\\u0080-\uffff]*/;
const ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"];

class ParseFail extends Error {}

function makeRef(sheet: string | undefined, addr: string, text: string): CellRef {
  const address = addr.replace(/\$/g, "").toUpperCase();
  return sheet === undefined ? { address, text } : { sheet, address, text };
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    const rest = src.slice(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let v = "";
      for (;;) {
        if (j >= src.length) throw new ParseFail("unterminated text");
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            v += '"';
            j += 2;
            continue;
          }
          break;
        }
        v += src[j];
        j++;
      }
      out.push({ t: "str", v, s: i, e: j + 1 });
      i = j + 1;
      continue;
    }
    if (c === "'") {
      // 'Sheet name'!A1
      let j = i + 1;
      let sheet = "";
      for (;;) {
        if (j >= src.length) throw new ParseFail("unterminated sheet name");
        if (src[j] === "'") {
          if (src[j + 1] === "'") {
            sheet += "'";
            j += 2;
            continue;
          }
          break;
        }
        sheet += src[j];
        j++;
      }
      if (src[j + 1] !== "!") throw new ParseFail("sheet name without !");
      const m = ADDRESS.exec(src.slice(j + 2));
      if (!m) throw new ParseFail("bad reference");
      const end = j + 2 + m[0].length;
      out.push({ t: "ref", v: makeRef(sheet, m[0], src.slice(i, end)), s: i, e: end });
      i = end;
      continue;
    }
    if (c === "#") {
      const code = ERRORS.find((e) => rest.toUpperCase().startsWith(e));
      if (!code) throw new ParseFail("unknown error literal");
      out.push({ t: "err", v: code, s: i, e: i + code.length });
      i += code.length;
      continue;
    }
    const sheetM = SHEET_PLAIN.exec(rest);
    if (sheetM) {
      const m = ADDRESS.exec(rest.slice(sheetM[0].length));
      if (!m) throw new ParseFail("bad reference");
      const end = i + sheetM[0].length + m[0].length;
      out.push({ t: "ref", v: makeRef(sheetM[1], m[0], src.slice(i, end)), s: i, e: end });
      i = end;
      continue;
    }
    const addrM = ADDRESS.exec(rest);
    if (addrM && !(/^\d/.test(rest) && !/^\$?\d+:\$?\d+/.test(rest))) {
      out.push({ t: "ref", v: makeRef(undefined, addrM[0], addrM[0]), s: i, e: i + addrM[0].length });
      i += addrM[0].length;
      continue;
    }
    const numM = NUMBER.exec(rest);
    if (numM) {
      out.push({ t: "num", v: Number(numM[0]), s: i, e: i + numM[0].length });
      i += numM[0].length;
      continue;
    }
    const idM = IDENT.exec(rest);
    if (idM) {
      out.push({ t: "id", v: idM[0], s: i, e: i + idM[0].length });
      i += idM[0].length;
      continue;
    }
    const two = rest.slice(0, 2);
    if (two === "<>" || two === "<=" || two === ">=") {
      out.push({ t: "op", v: two, s: i, e: i + 2 });
      i += 2;
      continue;
    }
    if ("+-*/^&%=<>(),;{}".includes(c)) {
      out.push({ t: "op", v: c, s: i, e: i + 1 });
      i++;
      continue;
    }
    throw new ParseFail(`unexpected character ${c}`);
  }
  return out;
}

const BINARY_LEVELS: readonly (readonly string[])[] = [["=", "<>", "<", "<=", ">", ">="], ["&"], ["+", "-"], ["*", "/"], ["^"]];

class Parser {
  private pos = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly src: string,
  ) {}

  private peek(): Tok | undefined {
    return this.toks[this.pos];
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t !== undefined && t.t === "op" && t.v === v;
  }

  private expectOp(v: string): Tok {
    const t = this.peek();
    if (!t || t.t !== "op" || t.v !== v) throw new ParseFail(`expected ${v}`);
    this.pos++;
    return t;
  }

  parseFormula(): Expr {
    const e = this.parseExpr(0);
    if (this.pos !== this.toks.length) throw new ParseFail("trailing input");
    return e;
  }

  private parseExpr(level: number): Expr {
    if (level >= BINARY_LEVELS.length) return this.parseUnary();
    const ops = BINARY_LEVELS[level] as readonly string[];
    let left = this.parseExpr(level + 1);
    for (;;) {
      const t = this.peek();
      if (t && t.t === "op" && ops.includes(t.v)) {
        this.pos++;
        const right = this.parseExpr(level + 1);
        left = { kind: "binary", op: t.v, left, right };
      } else return left;
    }
  }

  private parseUnary(): Expr {
    if (this.isOp("-") || this.isOp("+")) {
      const op = (this.peek() as Tok).v as "+" | "-";
      this.pos++;
      return { kind: "unary", op, arg: this.parseUnary() };
    }
    let e = this.parsePrimary();
    while (this.isOp("%")) {
      this.pos++;
      e = { kind: "unary", op: "%", arg: e };
    }
    return e;
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    if (!t) throw new ParseFail("unexpected end");
    this.pos++;
    switch (t.t) {
      case "num":
        return { kind: "number", value: t.v };
      case "str":
        return { kind: "text", value: t.v };
      case "err":
        return { kind: "error", code: t.v };
      case "ref":
        return { kind: "ref", ref: t.v };
      case "id": {
        if (this.isOp("(")) return this.parseCall(t.v, t.s);
        const u = t.v.toUpperCase();
        if (u === "TRUE" || u === "FALSE") return { kind: "boolean", value: u === "TRUE" };
        return { kind: "name", name: t.v };
      }
      case "op":
        if (t.v === "(") {
          const e = this.parseExpr(0);
          this.expectOp(")");
          return e;
        }
        if (t.v === "{") return this.parseArray();
        throw new ParseFail(`unexpected ${t.v}`);
    }
  }

  private parseCall(name: string, start: number): Expr {
    this.expectOp("(");
    const args: ArgNode[] = [];
    if (this.isOp(")")) {
      const end = this.expectOp(")").e;
      return { kind: "call", name, args, start, end };
    }
    for (;;) {
      const first = this.peek();
      if (!first) throw new ParseFail("unterminated call");
      if (first.t === "op" && (first.v === "," || first.v === ")")) {
        args.push({ expr: { kind: "missing" }, text: "" });
      } else {
        const from = first.s;
        const expr = this.parseExpr(0);
        const last = this.toks[this.pos - 1] as Tok;
        args.push({ expr, text: this.src.slice(from, last.e).trim() });
      }
      if (this.isOp(",")) {
        this.pos++;
        if (this.isOp(")")) args.push({ expr: { kind: "missing" }, text: "" });
        else continue;
      }
      const end = this.expectOp(")").e;
      return { kind: "call", name, args, start, end };
    }
  }

  private parseArray(): Expr {
    const rows: Expr[][] = [[]];
    for (;;) {
      const e = this.parseUnary();
      (rows[rows.length - 1] as Expr[]).push(e);
      if (this.isOp(",")) this.pos++;
      else if (this.isOp(";")) {
        this.pos++;
        rows.push([]);
      } else {
        this.expectOp("}");
        break;
      }
    }
    if (rows.some((r) => r.length !== (rows[0] as Expr[]).length)) throw new ParseFail("ragged array constant");
    return { kind: "array", rows };
  }
}

/** The ALCN function name of a call name, or undefined: ALCN.X, _xldudf_ALCN_X, ALCN_X. */
export function alcnName(callName: string): string | undefined {
  const u = callName.toUpperCase().replace(/^_XLFN\./, "");
  if (u.startsWith("ALCN.")) return u.slice(5);
  if (u.startsWith("_XLDUDF_ALCN_")) return u.slice(13).replace(/_/g, ".");
  if (u.startsWith("ALCN_")) return u.slice(5).replace(/_/g, ".");
  return undefined;
}

function collect(e: Expr, refs: CellRef[], names: string[], calls: { call: Extract<Expr, { kind: "call" }>; depth: number; alcnDepth: number }[], depth: number, alcnDepth: number): void {
  switch (e.kind) {
    case "ref":
      if (!refs.some((r) => r.address === e.ref.address && r.sheet === e.ref.sheet)) refs.push(e.ref);
      return;
    case "name":
      if (!names.includes(e.name)) names.push(e.name);
      return;
    case "array":
      for (const row of e.rows) for (const x of row) collect(x, refs, names, calls, depth + 1, alcnDepth);
      return;
    case "unary":
      collect(e.arg, refs, names, calls, depth + 1, alcnDepth);
      return;
    case "binary":
      collect(e.left, refs, names, calls, depth + 1, alcnDepth);
      collect(e.right, refs, names, calls, depth + 1, alcnDepth);
      return;
    case "call": {
      const isAlcn = alcnName(e.name) !== undefined;
      if (isAlcn) calls.push({ call: e, depth, alcnDepth });
      for (const a of e.args) collect(a.expr, refs, names, calls, depth + 1, alcnDepth + (isAlcn ? 1 : 0));
      return;
    }
    default:
      return;
  }
}

/** Read a cell formula. Never throws; a formula without an ALCN call gives ok: false. */
export function parseFormula(formula: unknown): ParsedFormula {
  try {
    if (typeof formula !== "string") return { ok: false, reason: "not a formula" };
    const src = formula.trim();
    if (!src.startsWith("=") || src.length > 100_000) return { ok: false, reason: "not a formula" };
    const beyond = beyondFormulaLimits(src);
    if (beyond) return { ok: false, reason: beyond };
    const body = src.slice(1);
    const ast = new Parser(tokenize(body), body).parseFormula();
    const refs: CellRef[] = [];
    const names: string[] = [];
    const calls: { call: Extract<Expr, { kind: "call" }>; depth: number; alcnDepth: number }[] = [];
    collect(ast, refs, names, calls, 0, 0);
    const outer = calls.filter((c) => c.alcnDepth === 0);
    const first = outer[0];
    if (!first) return { ok: false, reason: "no ALCN function in the formula" };
    return { ok: true, name: alcnName(first.call.name) as string, args: first.call.args, refs, names, nested: first.depth > 0, ast };
  } catch (e) {
    // within Excel's limits a formula can still chain thousands of operators (=------1): the stack runs out
    if (e instanceof RangeError) return { ok: false, reason: "the formula chains too many operators to read" };
    return { ok: false, reason: e instanceof Error ? e.message : "unreadable formula" };
  }
}

/** A cell value as the evaluator returns it; matrices are rows of cells. */
export type EvalValue = number | string | boolean | null | { readonly kind: "CellError"; readonly code: string } | readonly (readonly EvalScalar[])[];
type EvalScalar = number | string | boolean | null | { readonly kind: "CellError"; readonly code: string };

/** Thrown when an expression needs something the evaluator does not do (a non-ALCN function, a name). */
class NotEvaluable extends Error {}

/**
 * The value of an argument expression: literals, array constants, references (through `read`) and
 * arithmetic on single numbers. Returns undefined for an omitted argument, and `{ ok: false }` when the
 * expression needs more (a function such as SUM, a defined name, arithmetic on ranges).
 */
export function evaluateArg(
  e: Expr,
  read: (ref: CellRef) => EvalValue | undefined,
  readName: (name: string) => EvalValue | undefined = () => undefined,
  call: CallEvaluator = () => undefined,
): { ok: true; value: EvalValue | undefined } | { ok: false } {
  try {
    return { ok: true, value: evalExpr(e, (r) => read(r), readName, call) };
  } catch {
    return { ok: false };
  }
}

function toNumber(v: EvalValue | undefined): number {
  let x: EvalValue | undefined = v;
  if (Array.isArray(x)) {
    const flat = (x as readonly (readonly EvalScalar[])[]).flat();
    if (flat.length !== 1) throw new NotEvaluable("range in arithmetic");
    x = flat[0] as EvalScalar;
  }
  if (x === null || x === undefined || x === "") return 0;
  if (typeof x === "number") return x;
  if (typeof x === "boolean") return x ? 1 : 0;
  throw new NotEvaluable("not a number");
}

type NameReader = (name: string) => EvalValue | undefined;

/** Evaluates a function call from its evaluated arguments (e.g. a nested ALCN call through the core); undefined: cannot. */
export type CallEvaluator = (name: string, args: readonly (EvalValue | undefined)[]) => EvalValue | undefined;

function evalExpr(e: Expr, read: (ref: CellRef) => EvalValue | undefined, readName: NameReader, call: CallEvaluator): EvalValue | undefined {
  switch (e.kind) {
    case "number":
      return e.value;
    case "text":
      return e.value;
    case "boolean":
      return e.value;
    case "error":
      return { kind: "CellError", code: e.code };
    case "missing":
      return undefined;
    case "ref": {
      const v = read(e.ref);
      if (v === undefined) throw new NotEvaluable("unread reference");
      return v;
    }
    case "name": {
      const v = readName(e.name);
      if (v === undefined) throw new NotEvaluable("unknown name");
      return v;
    }
    case "call": {
      const args = e.args.map((a) => evalExpr(a.expr, read, readName, call));
      const v = call(e.name, args);
      if (v === undefined) throw new NotEvaluable(`function ${e.name}`);
      return v;
    }
    case "array":
      return e.rows.map((row) =>
        row.map((x) => {
          const v = evalExpr(x, read, readName, call);
          if (Array.isArray(v) || v === undefined) throw new NotEvaluable("nested array");
          return v as EvalScalar;
        }),
      );
    case "unary": {
      const n = toNumber(evalExpr(e.arg, read, readName, call));
      return e.op === "-" ? -n : e.op === "%" ? n / 100 : n;
    }
    case "binary": {
      const a = toNumber(evalExpr(e.left, read, readName, call));
      const b = toNumber(evalExpr(e.right, read, readName, call));
      let r: number;
      switch (e.op) {
        case "+":
          r = a + b;
          break;
        case "-":
          r = a - b;
          break;
        case "*":
          r = a * b;
          break;
        case "/":
          if (b === 0) return { kind: "CellError", code: "#DIV/0!" };
          r = a / b;
          break;
        case "^":
          r = a ** b;
          break;
        default:
          throw new NotEvaluable(`operator ${e.op}`);
      }
      if (!Number.isFinite(r)) return { kind: "CellError", code: "#NUM!" };
      return r;
    }
    default:
      throw new NotEvaluable("expression");
  }
}
