/**
 * From the follow-up inputs to the workbook, with the wizard's safety (SPEC 5 Safety): the plan builder's
 * follow-up sheet (src/core/workbook/followup.ts, the same one `alcn template` writes) under a new unique
 * sheet name by default, the non-empty cells it would overwrite found before anything is written, and a
 * constant number of round trips whatever the sheet holds — new sheet: sheetNames 1 + inspectTargets 1 +
 * write 2 = 4; replacing the same-named sheet: inspectTargets 2 + write 2 = 4. A protected target (or
 * protected workbook structure for a new sheet) is found before writing; nothing is written then.
 * Also the pane's own figures for the same cells, computed by the core functions the formulas call.
 */
import { buildFollowupPlan, type FollowupInputs, type SheetPlan } from "../../core/workbook";
import type { Lang } from "../../core";
import { cellRef, parseCell } from "../host/a1";
import { uniqueSheetName, type CellWrite, type TargetCheck, type WorkbookHost, type WriteBatch, type WriteOutcome } from "../host/types";
import { callCore, callCoreRow, type Num } from "../wizard/compute";
import { toFollowupInputs, type FollowupState } from "./state";

export interface PreparedFollowupWrite extends TargetCheck {
  readonly sheet: SheetPlan;
  readonly batch: WriteBatch;
  /** The written block, e.g. "A1:G48". */
  readonly range: string;
}

export interface FollowupWritten extends WriteOutcome {
  readonly sheet: string;
  readonly range: string;
}

function toCellWrite(c: SheetPlan["cells"][number]): CellWrite {
  return {
    ref: c.ref,
    ...(c.formula !== undefined ? { formula: c.formula } : c.value !== undefined ? { value: c.value } : {}),
    ...(c.numFmt ? { numFmt: c.numFmt } : {}),
    style: c.role,
  };
}

/** The plan's follow-up sheet under `name`. Its formulas reference only its own cells (no sheet prefix), so renaming is exact. */
export function followupBatch(sheet: SheetPlan, name: string): { batch: WriteBatch; range: string } {
  let bottom = 0;
  let right = 0;
  for (const c of sheet.cells) {
    const p = parseCell(c.ref);
    bottom = Math.max(bottom, p.row);
    right = Math.max(right, p.col);
  }
  return {
    batch: { sheets: [{ name, cells: sheet.cells.map(toCellWrite), ...(sheet.columns ? { columnWidths: sheet.columns } : {}) }], names: [], charts: [] },
    range: `A1:${cellRef({ row: bottom, col: right })}`,
  };
}

/** Build the sheet (new unique name, or the plan's own name with replace) and find what would be overwritten or is protected. */
export async function prepareFollowupWrite(host: WorkbookHost, st: FollowupState, lang: Lang, inputs: FollowupInputs = toFollowupInputs(st)): Promise<PreparedFollowupWrite> {
  const { sheet } = buildFollowupPlan(inputs, { mode: st.mode, lang });
  const name = st.replace ? sheet.name : uniqueSheetName(sheet.name, await host.sheetNames());
  const { batch, range } = followupBatch(sheet, name);
  return { sheet: { ...sheet, name }, batch, range, ...(await host.inspectTargets(batch)) };
}

export async function commitFollowupWrite(host: WorkbookHost, prepared: PreparedFollowupWrite): Promise<FollowupWritten> {
  const out = await host.write(prepared.batch);
  return { ...out, sheet: prepared.sheet.name, range: prepared.range };
}

// ---- the pane's figures (the same core functions as the sheet's ALCN formulas) -------------------

export interface YearFigures {
  readonly fy: number;
  readonly kind: "actual" | "outlook";
  readonly co2VsBase: Num;
  readonly co2VsPrevious: Num | undefined;
  readonly co2Progress: Num;
  readonly intensityVsBase: Num;
  readonly intensityProgress: Num;
}

export interface FollowupFigures {
  readonly years: readonly YearFigures[];
  /** DECOMPOSE from the base year to the latest actual year: activity, emission factor, energy intensity, total. */
  readonly decomposition: { ok: true; from: number; to: number; value: number[] } | { ok: false; reason: string };
}

/** 削減・進捗状況 and 要因分析 for checked inputs, by INTENSITY, CHANGERATE, PROGRESS and DECOMPOSE. */
export function computeFollowup(inputs: FollowupInputs, lang: Lang): FollowupFigures {
  const cols = inputs.columns;
  const base = cols.find((c) => c.kind === "base");
  const target = cols.find((c) => c.kind === "target");
  if (!base || !target) throw new Error("follow-up needs a base year and a target");
  const intensity = (c: (typeof cols)[number]) => callCore("INTENSITY", lang, c.co2, c.production);
  const bi = intensity(base);
  const ti = intensity(target);
  const v = (n: Num) => (n.ok ? n.value : null);
  const years = cols
    .filter((c): c is typeof c & { kind: "actual" | "outlook" } => c.kind === "actual" || c.kind === "outlook")
    .map((c): YearFigures => {
      const prev = cols.find((p) => p.fy === c.fy - 1 && p.kind !== "target");
      const ci = intensity(c);
      return {
        fy: c.fy,
        kind: c.kind,
        co2VsBase: callCore("CHANGERATE", lang, c.co2, base.co2),
        co2VsPrevious: prev ? callCore("CHANGERATE", lang, c.co2, prev.co2) : undefined,
        co2Progress: callCore("PROGRESS", lang, base.co2, c.co2, target.co2),
        intensityVsBase: callCore("CHANGERATE", lang, v(ci), v(bi)),
        intensityProgress: callCore("PROGRESS", lang, v(bi), v(ci), v(ti)),
      };
    });
  const actual = cols.filter((c) => c.kind === "actual");
  const latest = actual[actual.length - 1];
  const decomposition = latest
    ? (() => {
        const r = callCoreRow("DECOMPOSE", lang, base.production, base.energyTJ, base.co2, latest.production, latest.energyTJ, latest.co2);
        return r.ok ? { ok: true as const, from: base.fy, to: latest.fy, value: r.value } : r;
      })()
    : { ok: false as const, reason: "—" };
  return { years, decomposition };
}
