/**
 * The input rules every ALCN function shares (SPEC 2; applied once by the core's invoke from the argument
 * table), read again here with the audit's own plain readers, in argument order — so that on a bad input the
 * recomputation predicts the same first error as the core, and a ✗ is left for arithmetic that differs.
 * Also the range guard: inputs beyond what plain doubles check reliably make the check "not available".
 */
import type { FunctionSpec } from "../spec";
import type { CellArg, CellScalar } from "../values";
import { PlainError, PlainUnavailable } from "./plain";

const isBlank = (c: CellScalar): boolean => c === null || c === undefined || c === "";
const omitted = (v: CellArg): boolean => v === undefined || v === null || v === "";

function cellsOf(v: CellArg): CellScalar[] {
  return Array.isArray(v) ? (v as readonly (readonly CellScalar[])[]).flat() : [v as CellScalar];
}

/** A cell as a number under the shared rule: text, booleans and error values are #VALUE!, ±∞ #NUM!. */
function num(c: CellScalar): number | undefined {
  if (isBlank(c)) return undefined;
  if (typeof c === "number") {
    if (!Number.isFinite(c)) throw new PlainError("NUM");
    return c;
  }
  throw new PlainError("VALUE");
}

function domain(x: number, d: "nonNegative" | "positive" | undefined): void {
  if (d === "nonNegative" && x < 0) throw new PlainError("NUM");
  if (d === "positive" && !(x > 0)) throw new PlainError("NUM");
}

/** Throws the error the shared coercion gives for these arguments, if any. */
export function precheck(spec: FunctionSpec, args: readonly CellArg[]): void {
  if (args.length > spec.args.length && args.slice(spec.args.length).some((a) => a !== undefined && a !== null)) throw new PlainError("VALUE");
  spec.args.forEach((a, i) => {
    const raw = args[i];
    switch (a.type) {
      case "number": {
        const cells = cellsOf(raw);
        if (cells.length !== 1) throw new PlainError("VALUE");
        const x = num(cells[0] as CellScalar);
        if (x === undefined) {
          if (a.default === undefined && !a.optional) throw new PlainError("VALUE");
          return;
        }
        domain(x, a.domain);
        return;
      }
      case "numbers": {
        if (omitted(raw)) {
          if (!a.optional) throw new PlainError("VALUE");
          return;
        }
        // every cell's type first, then the domain (as the core reads a vector, then checks it)
        const xs = cellsOf(raw).map(num);
        for (const x of xs) if (x !== undefined) domain(x, a.domain);
        return;
      }
      case "matrix": {
        if (omitted(raw)) {
          if (!a.optional) throw new PlainError("VALUE");
          return;
        }
        const rows = Array.isArray(raw) ? (raw as readonly (readonly CellScalar[])[]) : [[raw as CellScalar]];
        const w = rows[0]?.length ?? 0;
        for (const r of rows) {
          if (r.length !== w) throw new PlainError("VALUE");
          for (const c of r) num(c);
        }
        return;
      }
      case "text": {
        const cells = cellsOf(raw);
        if (cells.length !== 1) throw new PlainError("VALUE");
        const c = cells[0] as CellScalar;
        if (isBlank(c)) {
          if (a.default === undefined && !a.optional) throw new PlainError("VALUE");
          return;
        }
        if (typeof c === "object" || typeof c === "boolean") throw new PlainError("VALUE");
        if (a.options) {
          const key = String(c).trim().normalize("NFKC").toLowerCase();
          if (!a.options.some((o) => o.toLowerCase() === key)) throw new PlainError("VALUE");
        }
        return;
      }
      case "boolean":
      case "raw":
        return;
    }
  });
}

/** Inputs this far from everyday magnitudes lose digits in doubles (subnormals, overflow of products). */
const TINY = 1e-100;
const HUGE = 1e100;

export function rangeGuard(args: readonly CellArg[]): void {
  for (const a of args) {
    for (const c of cellsOf(a)) {
      if (typeof c !== "number" || c === 0) continue;
      const m = Math.abs(c);
      if (m < TINY || m > HUGE) throw new PlainUnavailable("an input is beyond the magnitudes plain doubles check reliably (1e-100 … 1e100)");
    }
  }
}
