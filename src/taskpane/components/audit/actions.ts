/**
 * What the audit panel, the formula builder and the input checks ask of the workbook. A thin layer over
 * the pane's WorkbookHost (host/types.ts): the three panels take these actions as a prop or from
 * context, never Office. Cells go to the host sheet-qualified ("'入力'!B4"): selectCell selects in Excel (and in
 * the preview), insertFormula writes one cell's formula and keeps its number format (host.writeFormula).
 */
import { createContext, useContext, useMemo } from "react";
import { alcnName, evaluateArg, type CallEvaluator, type CellRef, type EvalValue, type ParsedFormula } from "../../../core/audit";
import { EXCEL_CODE, functionSpec, invoke, isCalcError, type CalcContext, type CellArg, type CellScalar, type FinalScalar } from "../../../core";
import type { CellValue, RangeData, UsedRange, WorkbookHost } from "../../host/types";
import { parseRange, qualifiedAddress } from "../../host/a1";
import { HostContext } from "../HostContext";

export interface PanelActions {
  /** The selected range (its sheet, address, values and formulas). */
  getSelection(): Promise<RangeData>;
  readRange(sheet: string, address: string): Promise<RangeData>;
  /** A sheet's used range, its top rows up to maxCells cells (optional: custom actions may leave it out). */
  readUsedRange?(sheet: string, maxCells: number): Promise<UsedRange>;
  /** The values of workbook names (e.g. ALCN_COEFS → [[b0, b1, b2]]); names that do not exist are left out. */
  readNames?(names: readonly string[]): Promise<Map<string, (CellValue | null)[][]>>;
  /** Put one formula into one cell (the caller has already asked before overwriting). */
  insertFormula(sheet: string, address: string, formula: string): Promise<void>;
  /** Select a cell so the user sees it (optional: custom actions may leave it out). */
  selectCell?(sheet: string, address: string): Promise<void>;
  /** Call `cb` when the selection changes; returns the unsubscribe function (optional: hosts without the event). */
  onSelectionChanged?(cb: () => void): () => void;
  sheetNames(): Promise<string[]>;
}

/** Panel actions on a WorkbookHost. */
export function actionsFromHost(host: WorkbookHost): PanelActions {
  const actions: PanelActions = {
    getSelection: () => host.readSelection(),
    readRange: (sheet, address) => host.readRange(sheet, address),
    readUsedRange: (sheet, maxCells) => host.readUsedRange(sheet, maxCells),
    sheetNames: () => host.sheetNames(),
    readNames: (names) => host.readNames(names),
    insertFormula: (sheet, address, formula) => host.writeFormula(qualifiedAddress(sheet, firstCell(address)), formula),
    selectCell: (sheet, address) => host.selectCell(qualifiedAddress(sheet, address)),
  };
  if (typeof host.onSelectionChanged === "function") {
    const on = host.onSelectionChanged.bind(host);
    actions.onSelectionChanged = (cb) => on(cb);
  }
  return actions;
}

export const PanelActionsContext = createContext<PanelActions | undefined>(undefined);

/** The actions from a prop, else the panel context, else the pane's host. */
export function usePanelActions(explicit?: PanelActions): PanelActions {
  const fromContext = useContext(PanelActionsContext);
  const host = useContext(HostContext);
  // one actions object per host: panels use it as an effect dependency
  const fromHost = useMemo(() => (host ? actionsFromHost(host) : undefined), [host]);
  const actions = explicit ?? fromContext ?? fromHost;
  if (!actions) throw new Error("no workbook actions: pass `actions` or provide HostContext");
  return actions;
}

const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA)$/;

/** A cell value from the host as the core reads it: "#N/A" text becomes an error value. */
export function cellScalar(v: unknown): CellScalar {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return ERROR_TEXT.test(v) ? { kind: "CellError", code: v } : v;
  return String(v);
}

/** A range's values as a core argument: one cell → a scalar, more → rows. */
export function rangeArg(values: readonly (readonly unknown[])[]): CellArg {
  if (values.length === 1 && values[0]?.length === 1) return cellScalar(values[0][0]);
  return values.map((r) => r.map(cellScalar));
}

/** A sheet-qualified address for display and formulas: Sheet1!B4 or 'My sheet'!B4. */
export function qualified(sheet: string, address: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? `${sheet}!${address}` : `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** A cell as people read it in the pane: 入力!D8 (no quotes). */
export function displayCell(sheet: string, address: string): string {
  return `${sheet}!${address}`;
}

/** The first cell of an address ("B4:C9" → "B4"). */
export function firstCell(address: string): string {
  return (address.split(":")[0] ?? address).replace(/\$/g, "");
}

/**
 * The audit reads at most this many cells for one reference: a block such as A1:Z1048576 would be one
 * enormous round trip (Office caps a response at a few MB); like whole columns, it stays unevaluated.
 */
export const MAX_AUDIT_READ_CELLS = 100_000;

/** How many cells an A1 range covers (Infinity when it cannot be read). */
function cellCount(address: string): number {
  try {
    const b = parseRange(address.replace(/\$/g, ""));
    return (b.bottom - b.top + 1) * (b.right - b.left + 1);
  } catch {
    return Infinity;
  }
}

export interface EvaluatedCall {
  readonly values: CellArg[];
  /** 0-based positions of arguments that could not be evaluated (e.g. SUM(...)). */
  readonly unevaluated: number[];
}

/**
 * Read every reference and name of a parsed formula (one round trip each) and evaluate the ALCN call's
 * arguments. References without a sheet are on `defaultSheet`.
 */
export async function evaluateCall(parsed: Extract<ParsedFormula, { ok: true }>, actions: PanelActions, defaultSheet: string, ctx?: CalcContext): Promise<EvaluatedCall> {
  const key = (r: CellRef) => `${r.sheet ?? defaultSheet}!${r.address}`;
  const cells = new Map<string, EvalValue>();
  for (const r of parsed.refs) {
    if (/^[A-Z]+:[A-Z]+$|^\d+:\d+$/.test(r.address) || cellCount(r.address) > MAX_AUDIT_READ_CELLS) continue; // whole columns / rows, huge blocks: not read
    try {
      const d = await actions.readRange(r.sheet ?? defaultSheet, r.address);
      cells.set(key(r), rangeArg(d.values) as EvalValue);
    } catch {
      // unreadable (e.g. a sheet that does not exist): the argument stays unevaluated
    }
  }
  const names = new Map<string, EvalValue>();
  if (actions.readNames && parsed.names.length > 0) {
    try {
      const found = await actions.readNames(parsed.names);
      for (const [n, values] of found) names.set(n.toUpperCase(), rangeArg(values) as EvalValue);
    } catch {
      // names unreadable: those arguments stay unevaluated
    }
  }
  const values: CellArg[] = [];
  const unevaluated: number[] = [];
  parsed.args.forEach((a, i) => {
    const r = evaluateArg(
      a.expr,
      (ref) => cells.get(key(ref)),
      (n) => names.get(n.toUpperCase()),
      ctx ? nestedAlcn(ctx) : undefined,
    );
    if (r.ok) values.push(r.value as CellArg);
    else {
      values.push(undefined);
      unevaluated.push(i);
    }
  });
  return { values, unevaluated };
}

/** A nested ALCN call inside an argument (e.g. UPINTENSITY(…, ALCN.COMPANYCF(…))) computed by the core. */
function nestedAlcn(ctx: CalcContext): CallEvaluator {
  const cell = (v: FinalScalar): EvalValue => (isCalcError(v) ? { kind: "CellError", code: EXCEL_CODE[v.code] } : v);
  return (name, args) => {
    const fn = alcnName(name);
    const spec = fn === undefined ? undefined : functionSpec(fn);
    if (!spec) return undefined;
    const out = invoke(spec, args as CellArg[], ctx);
    return Array.isArray(out) ? (out.map((r) => r.map(cell)) as EvalValue) : cell(out);
  };
}
