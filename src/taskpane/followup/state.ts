/**
 * The follow-up report's inputs as typed (strings, so a bad entry stays visible with its message): five
 * columns in the survey's order (base year, 2030 target, the last two actual years, outlook), each with its
 * fiscal year, × five yearly quantities. Checks with Japanese/English messages, the demo data, Excel paste,
 * and the conversion to the plan builder's FollowupInputs (src/core/workbook/followup.ts).
 */
import { DEMO_FOLLOWUP, type FollowupColumn, type FollowupInputs } from "../../core/workbook";
import { fmt, type Strings, type UiLang } from "../i18n";
import { parseNumber, parseTsv, type Issues } from "../wizard/state";

export type ColumnKind = FollowupColumn["kind"];
export type Quantity = "co2" | "production" | "energyTJ" | "electricityMWh" | "emissionFactor";

/** Rows of the table, in the survey's order, with their units (the units are the plan's). */
export const QUANTITIES: readonly { readonly key: Quantity; readonly unit: string }[] = [
  { key: "co2", unit: "t-CO2" },
  { key: "production", unit: "t" },
  { key: "energyTJ", unit: "TJ" },
  { key: "electricityMWh", unit: "MWh" },
  { key: "emissionFactor", unit: "kg-CO2/kWh" },
];

/** The survey's columns: base year, 2030 target, the last two actual years, outlook. */
export const COLUMN_KINDS: readonly ColumnKind[] = ["base", "target", "actual", "actual", "outlook"];

export interface FollowupColumnState {
  readonly kind: ColumnKind;
  readonly fy: string;
  readonly values: Readonly<Record<Quantity, string>>;
}

export interface FollowupState {
  readonly organisation: string;
  readonly columns: readonly FollowupColumnState[];
  readonly mode: "alcn" | "native";
  /** Write over a sheet of the plan's own name (after showing what is there) instead of a new unique name. */
  readonly replace: boolean;
}

const EMPTY_VALUES: Record<Quantity, string> = { co2: "", production: "", energyTJ: "", electricityMWh: "", emissionFactor: "" };
const DEFAULT_FY = [2013, 2030, 2023, 2024, 2025];

export function initialFollowupState(): FollowupState {
  return {
    organisation: "",
    columns: COLUMN_KINDS.map((kind, i) => ({ kind, fy: String(DEFAULT_FY[i]), values: { ...EMPTY_VALUES } })),
    mode: "alcn",
    replace: false,
  };
}

/** The shared demo follow-up data (北斗アルミ圧延, fictional), as typed strings. */
export function demoFollowupState(lang: UiLang, keep?: Pick<FollowupState, "mode" | "replace">): FollowupState {
  return {
    organisation: DEMO_FOLLOWUP.organisation[lang],
    columns: DEMO_FOLLOWUP.columns.map((c) => ({
      kind: c.kind,
      fy: String(c.fy),
      values: { co2: String(c.co2), production: String(c.production), energyTJ: String(c.energyTJ), electricityMWh: String(c.electricityMWh), emissionFactor: String(c.emissionFactor) },
    })),
    mode: keep?.mode ?? "alcn",
    replace: keep?.replace ?? false,
  };
}

/** Issue keys: "followup.organisation", "followup.<col>.fy", "followup.<col>.<quantity>", "followup.table". */
export function issueKey(col: number, field: Quantity | "fy"): string {
  return `followup.${col}.${field}`;
}

function fyOf(raw: string): number | undefined {
  const s = raw.trim();
  if (!/^\d{4}$/.test(s)) return undefined;
  const v = Number(s);
  return v >= 1990 && v <= 2100 ? v : undefined;
}

/** Every field's check; an empty result means the sheet can be written. */
export function checkFollowup(st: FollowupState, s: Strings): Issues {
  const f = s.followup;
  const issues: Issues = {};
  if (st.organisation.trim() === "") issues["followup.organisation"] = f.organisationMissing;
  const fys: (number | undefined)[] = [];
  const values: Partial<Record<Quantity, number>>[] = [];
  st.columns.forEach((c, i) => {
    const title = columnLabel(c, s);
    const fy = fyOf(c.fy);
    fys.push(fy);
    if (fy === undefined) issues[issueKey(i, "fy")] = fmt(f.fyInvalid, { column: f.kinds[c.kind], value: c.fy.trim() });
    const got: Partial<Record<Quantity, number>> = {};
    for (const q of QUANTITIES) {
      const raw = c.values[q.key];
      const field = fmt(f.fieldLabel, { column: title, quantity: `${f.quantities[q.key]}${s.u(q.unit)}` });
      const key = issueKey(i, q.key);
      const p = parseNumber(raw);
      if (!p.ok) {
        issues[key] = p.reason === "required" ? fmt(s.check.required, { field }) : fmt(s.check.notNumber, { field, value: raw.trim() });
        continue;
      }
      // CO2, production and energy are divided by and their logarithms taken (intensities, LMDI): > 0.
      const positive = q.key === "co2" || q.key === "production" || q.key === "energyTJ";
      if (positive && !(p.value > 0)) issues[key] = fmt(s.check.notPositive, { field, value: raw.trim() });
      else if (!positive && p.value < 0) issues[key] = fmt(s.check.negative, { field, value: raw.trim() });
      else if (q.key === "emissionFactor" && p.value > 3) issues[key] = fmt(f.factorUnit, { value: raw.trim() });
      else got[q.key] = p.value;
    }
    values.push(got);
  });
  // Fiscal years: base before the actual years, the actual years consecutive-ascending, outlook after them.
  const idx = (k: ColumnKind) => st.columns.map((c, i) => ({ c, i })).filter((x) => x.c.kind === k).map((x) => x.i);
  const [base] = idx("base");
  const [target] = idx("target");
  const actual = idx("actual");
  const [outlook] = idx("outlook");
  const fyAt = (i: number | undefined) => (i === undefined ? undefined : fys[i]);
  for (let k = 1; k < actual.length; k++) {
    const a = fyAt(actual[k - 1]);
    const b = fyAt(actual[k]);
    if (a !== undefined && b !== undefined && b <= a) issues[issueKey(actual[k] as number, "fy")] = f.fyOrder;
  }
  const lastActual = fyAt(actual[actual.length - 1]);
  const baseFy = fyAt(base);
  if (baseFy !== undefined && actual.some((i) => (fyAt(i) ?? Infinity) <= baseFy)) issues[issueKey(base as number, "fy")] = f.fyBase;
  const outFy = fyAt(outlook);
  if (outFy !== undefined && lastActual !== undefined && outFy <= lastActual) issues[issueKey(outlook as number, "fy")] = f.fyOutlook;
  // 進捗率 divides by (base − target): the target must differ from the base.
  if (base !== undefined && target !== undefined) {
    const b = values[base] ?? {};
    const t = values[target] ?? {};
    if (b.co2 !== undefined && t.co2 !== undefined && b.co2 === t.co2) issues[issueKey(target, "co2")] = f.targetEqualsBase;
    else if (b.co2 !== undefined && t.co2 !== undefined && b.production !== undefined && t.production !== undefined && b.co2 / b.production === t.co2 / t.production)
      issues[issueKey(target, "production")] = f.targetIntensityEqualsBase;
  }
  return issues;
}

/** "基準年度（2013年度）", "2030年度 目標" … as the column headers read. */
export function columnLabel(c: FollowupColumnState, s: Strings): string {
  return fmt(s.followup.columnTitle, { kind: s.followup.kinds[c.kind], fy: c.fy.trim() || "?" });
}

/** The plan builder's inputs. Call only after checkFollowup passes. */
export function toFollowupInputs(st: FollowupState): FollowupInputs {
  const num = (raw: string) => {
    const p = parseNumber(raw);
    return p.ok ? p.value : 0;
  };
  const org = st.organisation.trim();
  return {
    organisation: { ja: org, en: org },
    columns: st.columns.map((c) => ({
      kind: c.kind,
      fy: Number(c.fy.trim()),
      co2: num(c.values.co2),
      production: num(c.values.production),
      energyTJ: num(c.values.energyTJ),
      electricityMWh: num(c.values.electricityMWh),
      emissionFactor: num(c.values.emissionFactor),
    })),
  };
}

export type PasteResult = { ok: true; state: FollowupState; fys: boolean } | { ok: false; reason: "empty" | "rows" | "columns"; n?: number; count?: number };

/**
 * A block copied from Excel (tab-separated): five rows (CO2, production, energy, electricity, emission factor)
 * × five columns in the table's order. A leading label column is dropped; a first row of headers sets the
 * fiscal years where each header holds a four-digit year (e.g. "基準年度（2013年度）", "FY2024").
 * The cells are taken as typed; the checks then show any that are not numbers.
 */
export function pasteFollowup(st: FollowupState, text: string): PasteResult {
  const n = st.columns.length;
  let rows = parseTsv(text);
  if (rows.length === 0) return { ok: false, reason: "empty" };
  // A label column: every row one cell wider than the table.
  if (rows.every((r) => r.length === n + 1)) rows = rows.map((r) => r.slice(1));
  let years: (number | undefined)[] | undefined;
  if (rows.length === QUANTITIES.length + 1) {
    const head = rows[0] as string[];
    years = head.map((h) => {
      const m = /(19|20|21)\d{2}/.exec(h.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
      return m ? Number(m[0]) : undefined;
    });
    rows = rows.slice(1);
  }
  if (rows.length !== QUANTITIES.length) return { ok: false, reason: "rows", count: rows.length };
  const bad = rows.findIndex((r) => r.length !== n);
  if (bad >= 0) return { ok: false, reason: "columns", n: bad + 1, count: (rows[bad] as string[]).length };
  const columns = st.columns.map((c, j) => {
    const values = { ...c.values };
    QUANTITIES.forEach((q, i) => {
      values[q.key] = (rows[i] as string[])[j] ?? "";
    });
    const fy = years?.[j];
    return { ...c, fy: fy !== undefined ? String(fy) : c.fy, values };
  });
  return { ok: true, state: { ...st, columns }, fys: years !== undefined && years.some((y) => y !== undefined) };
}
