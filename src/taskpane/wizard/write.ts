/**
 * From the wizard to the workbook: the wizard's state → AllowanceInputs → the plan builder's
 * AllowancePlan (src/core/workbook, one builder for the pane and the CLI) → a WriteBatch for the host,
 * with unique sheet names, a chart data block and two charts. Round trips, whatever the row count:
 * new sheets — sheetNames 1 + inspectTargets 1 + write 2 = 4; replacing sheets — inspectTargets 2 +
 * write 3 (their charts are loaded) = 5. A protected target sheet (or a protected workbook structure
 * when sheets are added) is found by inspectTargets; the pane then writes nothing and says why.
 */
import { ParameterStore } from "../../core";
import type { ParamEntry } from "../../core/editions";
import { buildAllowancePlan, DEMO_ALLOWANCE, type AllowanceInputs, type BenchmarkConstants, type AllowancePlan, type CellPlan, type ProductRow as PlanProduct } from "../../core/workbook";
import { cellRef, parseCell, parseRange, sheetPrefix } from "../host/a1";
import { CellEditModeError, uniqueSheetName, type CellWrite, type ChartWrite, type TargetCheck, type WorkbookHost, type WriteBatch, type WriteOutcome } from "../host/types";
import { BASE_YEARS, numberOr, parseCoefs, parseNumber, type WizardState } from "./state";

function n(raw: string): number | null {
  const p = parseNumber(raw);
  return p.ok ? p.value : null;
}

const shipped = new ParameterStore();

/** The benchmark constants of an edition (unpublished values are left to the plan's defaults). */
export function editionConstants(editionId: string): Partial<BenchmarkConstants> {
  const values = shipped.edition(editionId)?.values ?? {};
  const num = (k: string): number | undefined => {
    const v = values[k]?.value;
    return typeof v === "number" ? v : undefined;
  };
  const out: Record<string, number | string> = {};
  const map: [keyof BenchmarkConstants, string][] = [
    ["baseFy", "bm.base_fy"],
    ["finalFy", "bm.final_fy"],
    ["basePct", "bm.base_pct"],
    ["finalPct", "bm.final_pct"],
    ["creditCapPct", "bm.credit_cap_pct"],
    ["priceBaseFy", "bm.price.base_fy"],
    ["priceLower", "bm.price.lower"],
    ["priceUpper", "bm.price.upper"],
    ["priceGrowthPct", "bm.price.growth_pct"],
  ];
  for (const [key, param] of map) {
    const v = num(param);
    if (v !== undefined) out[key] = v;
  }
  const rounding = values["bm.rounding"]?.value;
  if (rounding === "none" || rounding === "floor" || rounding === "round" || rounding === "ceil") out["rounding"] = rounding;
  return out as Partial<BenchmarkConstants>;
}

/** The plan builder's inputs. Call only after the steps' checks pass. */
export function toAllowanceInputs(st: WizardState): AllowanceInputs {
  const both = (s: string) => ({ ja: s, en: s });
  const coefs = parseCoefs(st.coefs).map((p) => (p.ok ? p.value : 0));
  const products: PlanProduct[] = st.products.map((p) => {
    const last = BASE_YEARS.length - 1;
    const days = p.statuses.map((s, i) => (s === "opening" && i === last ? n(p.days) : null)) as [number | null, number | null, number | null];
    return {
      side: p.side,
      name: both(p.name.trim()),
      baseline: p.values.map((v, i) => (p.statuses[i] === "none" ? null : n(v))) as [number | null, number | null, number | null],
      statuses: [...p.statuses] as PlanProduct["statuses"],
      days,
      target: p.targetMode === "typed" ? { typed: numberOr(p.typed, 0) } : { base: numberOr(p.base, 0), final: numberOr(p.final, 0) },
    };
  });
  return {
    company: both(st.company.trim()),
    fiscalYear: st.fy,
    furnaces: st.furnaces.map((f) => ({ id: f.id.trim(), capacity_t: numberOr(f.capacity, 0), charges_per_h: numberOr(f.charges, 0), emissions_t: numberOr(f.emissions, 0), semi_t: numberOr(f.semi, 0) })),
    regression: {
      form: st.form,
      coefs: [coefs[0] ?? 0, coefs[1] ?? 0, coefs[2] ?? 0],
      avgSize: numberOr(st.avgSize, 0),
      avgCharges: numberOr(st.avgCharges, 0),
      source: both(st.source.trim() || "—"),
    },
    products,
    expectedEmissions: st.outlook.map((o) => ({ fy: o.fy, emissions: numberOr(o.emissions, 0), credits: numberOr(o.credits, 0) })),
    bm: editionConstants(st.edition),
  };
}

/** Rename the plan's sheets (formulas quote every other-sheet reference as 'name'!, so the rewrite is exact). */
export function renameSheets(plan: AllowancePlan, rename: ReadonlyMap<string, string>): AllowancePlan {
  if ([...rename].every(([a, b]) => a === b)) return plan;
  const fix = (f: string): string => {
    let out = f;
    for (const [from, to] of rename) if (from !== to) out = out.split(`'${from.replace(/'/g, "''")}'!`).join(`'${to.replace(/'/g, "''")}'!`);
    return out;
  };
  const name = (s: string) => rename.get(s) ?? s;
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({ ...s, name: name(s.name), cells: s.cells.map((c) => (c.formula ? { ...c, formula: fix(c.formula) } : c)) })),
    names: plan.names.map((nm) => ({ ...nm, sheet: name(nm.sheet) })),
    results: { ...plan.results, sheet: name(plan.results.sheet) },
  };
}

export interface ChartLabels {
  readonly block: string;
  readonly fy: string;
  readonly allowance: string;
  readonly emissions: string;
  readonly furnace: string;
  readonly cf: string;
  readonly chartAllowance: string;
  readonly chartCf: string;
}

/** Column L onwards of the calculation sheet: a live block the charts read (allowance/emissions by year; CF by furnace). */
const CHART_COL = 11;

export function planToBatch(plan: AllowancePlan, labels: ChartLabels): WriteBatch {
  const r = plan.results;
  const extra: CellWrite[] = [];
  const at = (row: number, col: number) => cellRef({ row, col });
  const top = 5;
  extra.push({ ref: at(top, CHART_COL), value: labels.block, style: "header" });
  extra.push({ ref: at(top + 1, CHART_COL), value: labels.fy, style: "header" });
  extra.push({ ref: at(top + 1, CHART_COL + 1), value: labels.allowance, style: "header" });
  extra.push({ ref: at(top + 1, CHART_COL + 2), value: labels.emissions, style: "header" });
  r.outlook.forEach((o, i) => {
    const row = top + 2 + i;
    // Text years, so the chart takes them as categories, not as a series.
    extra.push({ ref: at(row, CHART_COL), value: `FY${o.fy}` });
    extra.push({ ref: at(row, CHART_COL + 1), formula: `=${o.allowance}`, numFmt: "#,##0" });
    extra.push({ ref: at(row, CHART_COL + 2), formula: `=${o.emissions}`, numFmt: "#,##0" });
  });
  const yEnd = top + 1 + r.outlook.length;
  const cfTop = yEnd + 2;
  extra.push({ ref: at(cfTop, CHART_COL), value: labels.furnace, style: "header" });
  extra.push({ ref: at(cfTop, CHART_COL + 1), value: labels.cf, style: "header" });
  r.furnaceCf.forEach((cfRef, i) => {
    const p = parseCell(cfRef);
    extra.push({ ref: at(cfTop + 1 + i, CHART_COL), formula: `=${cellRef({ row: p.row, col: 0 })}` });
    extra.push({ ref: at(cfTop + 1 + i, CHART_COL + 1), formula: `=${cfRef}`, numFmt: "0.0000" });
  });
  const cfEnd = cfTop + r.furnaceCf.length;
  const charts: ChartWrite[] = [
    { sheet: r.sheet, kind: "columnClustered", title: labels.chartAllowance, range: `${at(top + 1, CHART_COL)}:${at(yEnd, CHART_COL + 2)}`, seriesBy: "columns", topLeft: at(1, CHART_COL + 4), bottomRight: at(18, CHART_COL + 11) },
    { sheet: r.sheet, kind: "columnClustered", title: labels.chartCf, range: `${at(cfTop, CHART_COL)}:${at(cfEnd, CHART_COL + 1)}`, seriesBy: "columns", topLeft: at(20, CHART_COL + 4), bottomRight: at(37, CHART_COL + 11) },
  ];
  const sheets = plan.sheets.map((s) => ({
    name: s.name,
    cells: [...s.cells.map(toCellWrite), ...(s.name === r.sheet ? extra : [])],
    ...(s.columns ? { columnWidths: s.name === r.sheet ? [...s.columns, ...new Array<number>(Math.max(0, CHART_COL - s.columns.length)).fill(10), 14, 14, 14] : s.columns } : {}),
  }));
  return { sheets, names: plan.names.map((nm) => ({ name: nm.name, sheet: nm.sheet, ref: nm.ref })), charts };
}

function toCellWrite(c: CellPlan): CellWrite {
  return {
    ref: c.ref,
    ...(c.formula !== undefined ? { formula: c.formula } : c.value !== undefined ? { value: c.value } : {}),
    ...(c.numFmt ? { numFmt: c.numFmt } : {}),
    style: c.role,
  };
}

/** The Parameters sheet's named cells that stand for edition parameters, as the functions' active overrides. */
export function parameterOverrides(plan: AllowancePlan): Record<string, ParamEntry> {
  const out: Record<string, ParamEntry> = {};
  for (const nm of plan.names) {
    if (!nm.param) continue;
    const sheet = plan.sheets.find((s) => s.name === nm.sheet);
    if (!sheet) continue;
    const box = parseRange(nm.ref);
    const cells: CellPlan[] = [];
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) {
        const ref = cellRef({ row: r, col: c });
        const cell = sheet.cells.find((x) => x.ref === ref);
        if (cell) cells.push(cell);
      }
    const values = cells.map((c) => c.value);
    const single = box.top === box.bottom && box.left === box.right;
    const value = single ? values[0] : values.every((v) => typeof v === "number") ? (values as number[]) : undefined;
    if (value === undefined || typeof value === "boolean") continue;
    out[nm.param] = { value, unit: "", assumption: true, source: { document: `${sheetPrefix(nm.sheet)}${nm.ref} (${nm.name})`, note: cells[0]?.note ?? "" } };
  }
  return out;
}

/** The named cells of the Parameters sheet that stand for edition parameters (name → parameter id). */
export function parameterNames(): { name: string; param: string }[] {
  return buildAllowancePlan(DEMO_ALLOWANCE, { mode: "alcn", lang: "ja" })
    .names.filter((n): n is typeof n & { param: string } => n.param !== undefined)
    .map((n) => ({ name: n.name, param: n.param }));
}

/**
 * When the pane opens on a workbook that ALCN wrote before, its Parameters sheet becomes the functions'
 * active parameter set again (2 round trips). Returns how many parameters were found.
 */
export async function restoreParameters(host: WorkbookHost): Promise<number> {
  const wanted = parameterNames();
  const values = await host.readNames(wanted.map((w) => w.name));
  const out: Record<string, ParamEntry> = {};
  for (const w of wanted) {
    const cells = values.get(w.name.toUpperCase());
    if (!cells) continue;
    const flat = cells.flat().filter((v) => v !== null);
    const value = flat.length === 1 ? flat[0] : flat.every((v) => typeof v === "number") ? (flat as number[]) : undefined;
    if (value === undefined || typeof value === "boolean") continue;
    out[w.param] = { value, unit: "", assumption: true, source: { document: w.name, note: "workbook" } };
  }
  const n = Object.keys(out).length;
  if (n > 0) host.setParameterOverrides(out, "workbook");
  return n;
}

/**
 * restoreParameters when the pane opens, retried every `everyMs` while Excel is in cell-edit mode (the user
 * may be typing when the pane loads; otherwise the functions would silently run on the shipped parameters).
 * Other failures, or still editing after `tries`, give 0.
 */
export async function restoreParametersWhenReady(host: WorkbookHost, wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)), tries = 150, everyMs = 2000): Promise<number> {
  for (let i = 1; ; i++) {
    try {
      return await restoreParameters(host);
    } catch (e) {
      if (!(e instanceof CellEditModeError) || i >= tries) return 0;
      await wait(everyMs);
    }
  }
}

export interface PreparedWrite extends TargetCheck {
  readonly plan: AllowancePlan;
  readonly batch: WriteBatch;
}

/** Build the plan with sheet names that are free (or, with replace, the same names) and find what would be overwritten or is protected. */
export async function prepareWrite(host: WorkbookHost, st: WizardState, lang: "ja" | "en", labels: ChartLabels): Promise<PreparedWrite> {
  let plan = buildAllowancePlan(toAllowanceInputs(st), { mode: st.mode, lang });
  // Replacing writes to the plan's own sheet names, so the names of the others are not needed.
  if (!st.replace) {
    const existing = await host.sheetNames();
    const taken = [...existing];
    const rename = new Map<string, string>();
    for (const s of plan.sheets) {
      const name = uniqueSheetName(s.name, taken);
      rename.set(s.name, name);
      taken.push(name);
    }
    plan = renameSheets(plan, rename);
  }
  const batch = planToBatch(plan, labels);
  return { plan, batch, ...(await host.inspectTargets(batch)) };
}

export async function commitWrite(host: WorkbookHost, prepared: PreparedWrite, onParameters?: (values: Record<string, ParamEntry>, label: string) => void): Promise<WriteOutcome> {
  const out = await host.write(prepared.batch);
  const values = parameterOverrides(prepared.plan);
  host.setParameterOverrides(values, prepared.plan.results.sheet);
  onParameters?.(values, prepared.plan.results.sheet);
  return out;
}
