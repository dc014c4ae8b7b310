/**
 * Plain double arithmetic for the audit's independent recomputation. Deliberately separate from the
 * core: no Decimal, no src/core/input.ts, no function specs — its own small readers of cell values, so a
 * mistake in the core's coercion or arithmetic is not repeated here.
 */
import type { ErrorCode } from "../errors";
import type { CellArg, CellScalar } from "../values";

/** The recomputation cannot proceed: the expected Excel error code (compared with the core's). */
export class PlainError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
    this.name = "PlainError";
  }
}

/** The recomputation does not handle this case (e.g. an unknown fuel alias): "not available". */
export class PlainUnavailable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "PlainUnavailable";
  }
}

function isBlankCell(c: CellScalar): boolean {
  return c === null || c === undefined || c === "";
}

function cells(v: CellArg): CellScalar[] {
  if (Array.isArray(v)) return (v as readonly (readonly CellScalar[])[]).flat();
  return [v as CellScalar];
}

function one(c: CellScalar): number {
  if (typeof c === "number") {
    if (!Number.isFinite(c)) throw new PlainError("NUM");
    return c;
  }
  // text (even "1,234"), booleans and error values are not numbers for ALCN
  throw new PlainError("VALUE");
}

/** A single number, or undefined when blank / omitted. */
export function plainNumber(v: CellArg): number | undefined {
  const cs = cells(v);
  if (cs.length !== 1) throw new PlainError("VALUE");
  const c = cs[0] as CellScalar;
  return isBlankCell(c) ? undefined : one(c);
}

/** A required number. */
export function need(v: CellArg): number {
  const n = plainNumber(v);
  if (n === undefined) throw new PlainError("VALUE");
  return n;
}

/** Numbers of a range (row-major); blanks read as 0 like Excel ranges, undefined when omitted. */
export function plainVector(v: CellArg): number[] | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  return cells(v).map((c) => (isBlankCell(c) ? 0 : one(c)));
}

/** Numbers of a range with blanks kept as undefined. */
export function plainVectorKeep(v: CellArg): (number | undefined)[] {
  return cells(v).map((c) => (isBlankCell(c) ? undefined : one(c)));
}

/** An edition id as typed (ids are matched exactly), undefined when blank or omitted; TRUE/FALSE, an error or a range is #VALUE! as in the core. */
export function plainEdition(v: CellArg): string | undefined {
  const cs = cells(v);
  if (cs.length !== 1) throw new PlainError("VALUE");
  const c = cs[0] as CellScalar;
  if (isBlankCell(c)) return undefined;
  if (typeof c === "object" || typeof c === "boolean") throw new PlainError("VALUE");
  return String(c).trim();
}

/** The cells of an argument (row-major) and one cell as a number (undefined when blank). */
export function plainCells(v: CellArg): CellScalar[] {
  return cells(v);
}

export function plainCell(c: CellScalar): number | undefined {
  return isBlankCell(c) ? undefined : one(c);
}

/** Numbers of a range with blanks kept, each cell read and then checked before the next (cell order). */
export function plainVectorKeepEach(v: CellArg, check: (x: number) => void): (number | undefined)[] {
  return cells(v).map((c) => {
    if (isBlankCell(c)) return undefined;
    const x = one(c);
    check(x);
    return x;
  });
}

/** Text of one cell, trimmed, lower-cased with full-width folded; undefined when blank. */
export function plainText(v: CellArg): string | undefined {
  const cs = cells(v);
  if (cs.length !== 1) throw new PlainError("VALUE");
  const c = cs[0] as CellScalar;
  if (isBlankCell(c)) return undefined;
  if (typeof c === "object" || typeof c === "boolean") throw new PlainError("VALUE");
  return String(c).trim().normalize("NFKC").toLowerCase();
}

export function sum(xs: readonly number[]): number {
  // Neumaier compensated sum: plain doubles, but no needless loss on long columns.
  let s = 0;
  let comp = 0;
  for (const x of xs) {
    const t = s + x;
    comp += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + comp;
}

/** Agreement within `rel` relative to the larger of |a|, |b| and `scale` (the size of the terms). */
export function agrees(a: number, b: number, scale = 0, rel = 1e-9): boolean {
  if (a === b) return true;
  const m = Math.max(Math.abs(a), Math.abs(b), Math.abs(scale));
  return Math.abs(a - b) <= rel * m;
}
