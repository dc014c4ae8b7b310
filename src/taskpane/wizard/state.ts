/**
 * The wizard's state as the user typed it (strings, so a bad entry stays visible with its message),
 * the checks of each step, and the conversion to the plan builder's AllowanceInputs.
 */
import { fmt, type Strings } from "../i18n";

export type YearStatus = "normal" | "none" | "opening" | "disaster";
export const YEAR_STATUSES: readonly YearStatus[] = ["normal", "none", "opening", "disaster"];
export const BASE_YEARS = [2023, 2024, 2025] as const;
export const OUTLOOK_YEARS = [2026, 2027, 2028, 2029, 2030] as const;
export type SimpleForm = "linear" | "log" | "power";

export interface FurnaceRow {
  readonly key: number;
  readonly id: string;
  readonly capacity: string;
  readonly charges: string;
  readonly emissions: string;
  readonly semi: string;
}

export interface ProductRow {
  readonly key: number;
  readonly side: "up" | "down";
  readonly name: string;
  readonly values: readonly [string, string, string];
  readonly statuses: readonly [YearStatus, YearStatus, YearStatus];
  /** Operating days of the opening year (needed when the opening year is the last). */
  readonly days: string;
  readonly base: string;
  readonly final: string;
  /** "path": the BM path from base to final; "typed": one target intensity typed for every year. */
  readonly targetMode: "path" | "typed";
  readonly typed: string;
}

export interface OutlookRow {
  readonly fy: number;
  readonly emissions: string;
  readonly credits: string;
}

export interface WizardState {
  readonly company: string;
  readonly fy: number;
  readonly furnaces: readonly FurnaceRow[];
  readonly edition: string;
  readonly form: SimpleForm;
  readonly coefs: string;
  readonly avgSize: string;
  readonly avgCharges: string;
  readonly source: string;
  readonly fitTable: string;
  readonly products: readonly ProductRow[];
  readonly outlook: readonly OutlookRow[];
  /** false while expected emissions follow the furnaces' total (flat). */
  readonly outlookEdited: boolean;
  readonly mode: "alcn" | "native";
  readonly replace: boolean;
}

let nextKey = 1;
export function newKey(): number {
  return nextKey++;
}

export function emptyFurnace(): FurnaceRow {
  return { key: newKey(), id: "", capacity: "", charges: "", emissions: "", semi: "" };
}

export function emptyProduct(side: "up" | "down"): ProductRow {
  return { key: newKey(), side, name: "", values: ["", "", ""], statuses: ["normal", "normal", "normal"], days: "", base: "", final: "", targetMode: "path", typed: "" };
}

export function initialState(): WizardState {
  return {
    company: "",
    fy: 2026,
    furnaces: [emptyFurnace()],
    edition: "meti-al-2025-10-draft",
    form: "power",
    coefs: "",
    avgSize: "",
    avgCharges: "",
    source: "",
    fitTable: "",
    products: [emptyProduct("up"), emptyProduct("down")],
    outlook: OUTLOOK_YEARS.map((fy) => ({ fy, emissions: "", credits: "0" })),
    outlookEdited: false,
    mode: "alcn",
    replace: false,
  };
}

// ---- numbers ------------------------------------------------------------------------------------

export type Parsed = { ok: true; value: number } | { ok: false; reason: "required" | "notNumber" };

/** Strict: half-width digits only (SPEC 2: "1,234" and 全角 digits are errors with a message, not parsed). */
export function parseNumber(raw: string): Parsed {
  const s = raw.trim();
  if (s === "") return { ok: false, reason: "required" };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return { ok: false, reason: "notNumber" };
  const v = Number(s);
  return Number.isFinite(v) ? { ok: true, value: v } : { ok: false, reason: "notNumber" };
}

export function numberOr(raw: string, fallback: number): number {
  const p = parseNumber(raw);
  return p.ok ? p.value : fallback;
}

/** Issues are keyed by field ("furnace.3.capacity", "company.name" …) so each input shows its own message. */
export type Issues = Record<string, string>;

function checkNumber(issues: Issues, key: string, raw: string, field: string, s: Strings, domain: "positive" | "nonNegative" | "any" = "nonNegative", required = true): number | undefined {
  const p = parseNumber(raw);
  if (!p.ok) {
    if (p.reason === "required" && !required) return undefined;
    issues[key] = p.reason === "required" ? fmt(s.check.required, { field }) : fmt(s.check.notNumber, { field, value: raw.trim() });
    return undefined;
  }
  if (domain === "positive" && !(p.value > 0)) issues[key] = fmt(s.check.notPositive, { field, value: raw.trim() });
  else if (domain === "nonNegative" && p.value < 0) issues[key] = fmt(s.check.negative, { field, value: raw.trim() });
  return p.value;
}

// ---- step checks --------------------------------------------------------------------------------

export function checkCompany(st: WizardState, s: Strings): Issues {
  const issues: Issues = {};
  if (st.company.trim() === "") issues["company.name"] = s.company.nameMissing;
  return issues;
}

export function checkFurnaces(st: WizardState, s: Strings): Issues {
  const issues: Issues = {};
  if (st.furnaces.length === 0) issues["furnaces"] = s.furnaces.none;
  const seen = new Set<string>();
  for (const f of st.furnaces) {
    const k = `furnace.${f.key}`;
    const id = f.id.trim();
    if (id === "") issues[`${k}.id`] = fmt(s.check.required, { field: s.furnaces.id });
    else if (seen.has(id)) issues[`${k}.id`] = fmt(s.check.duplicateId, { value: id });
    seen.add(id);
    checkNumber(issues, `${k}.capacity`, f.capacity, `${s.furnaces.capacity}${s.u("t")}`, s, "positive");
    checkNumber(issues, `${k}.charges`, f.charges, `${s.furnaces.charges}${s.u(s.units.perHour)}`, s, "positive");
    const e = checkNumber(issues, `${k}.emissions`, f.emissions, `${s.furnaces.emissions}${s.u("t-CO2")}`, s);
    const p = checkNumber(issues, `${k}.semi`, f.semi, `${s.furnaces.semi}${s.u("t")}`, s, "positive");
    if (e !== undefined && p !== undefined && p > 0 && issues[`${k}.emissions`] === undefined) {
      const intensity = e / p;
      // Melting is a few tenths of a t-CO2 per t; a factor of ~1000 off is a t / 千t mix-up.
      if (intensity > 20 || intensity < 0.005) issues[`${k}.emissions`] = fmt(s.check.implausibleIntensity, { value: intensity.toPrecision(3) });
    }
  }
  return issues;
}

export function parseCoefs(raw: string): Parsed[] {
  return raw
    .split(/[\s,\t]+/)
    .filter((x) => x !== "")
    .map(parseNumber);
}

export function checkParams(st: WizardState, s: Strings): Issues {
  const issues: Issues = {};
  const coefs = parseCoefs(st.coefs);
  if (coefs.length !== 3) issues["params.coefs"] = fmt(s.params.coefsCount, { n: 3 });
  else {
    const bad = st.coefs.split(/[\s,\t]+/).filter((x) => x !== "" && !parseNumber(x).ok);
    if (bad.length > 0) issues["params.coefs"] = fmt(s.check.notNumber, { field: s.params.coefs, value: bad[0] as string });
  }
  checkNumber(issues, "params.avgSize", st.avgSize, `${s.params.avgSize}${s.u("t")}`, s, "positive");
  checkNumber(issues, "params.avgCharges", st.avgCharges, `${s.params.avgCharges}${s.u(s.units.perHour)}`, s, "positive");
  return issues;
}

export function checkBaseline(st: WizardState, s: Strings): Issues {
  const issues: Issues = {};
  if (!st.products.some((p) => p.side === "up")) issues["baseline"] = s.baseline.needUp;
  else if (!st.products.some((p) => p.side === "down")) issues["baseline"] = s.baseline.needDown;
  for (const p of st.products) {
    const k = `product.${p.key}`;
    if (p.name.trim() === "") issues[`${k}.name`] = s.baseline.nameMissing;
    p.values.forEach((raw, i) => {
      const fy = BASE_YEARS[i] as number;
      const status = p.statuses[i];
      if (status === "none") return;
      if (raw.trim() === "") {
        if (status === "disaster") return; // replaced by the previous year
        issues[`${k}.value.${i}`] = fmt(s.baseline.blankNormal, { fy });
        return;
      }
      checkNumber(issues, `${k}.value.${i}`, raw, fmt(s.baseline.value, { fy }), s);
    });
    if (p.statuses[2] === "opening") {
      const d = checkNumber(issues, `${k}.days`, p.days, `${s.baseline.days}${s.u(s.units.days)}`, s, "positive");
      if (d !== undefined && d > 366) issues[`${k}.days`] = s.baseline.daysNeeded;
      if (p.days.trim() === "") issues[`${k}.days`] = s.baseline.daysNeeded;
    }
  }
  return issues;
}

export function checkTargets(st: WizardState, s: Strings): Issues {
  const issues: Issues = {};
  for (const p of st.products) {
    const k = `product.${p.key}`;
    if (p.targetMode === "typed") {
      checkNumber(issues, `${k}.typed`, p.typed, `${s.targets.typed}${s.u(s.units.intensity)}`, s, "positive");
      continue;
    }
    const b = checkNumber(issues, `${k}.base`, p.base, `${s.targets.base}${s.u(s.units.intensity)}`, s, "positive");
    const f = checkNumber(issues, `${k}.final`, p.final, `${s.targets.final}${s.u(s.units.intensity)}`, s, "positive");
    if (b !== undefined && f !== undefined && f > b) issues[`${k}.final`] = s.targets.order;
  }
  return issues;
}

export function checkOutlook(st: WizardState, s: Strings): Issues {
  const issues: Issues = {};
  for (const o of st.outlook) {
    checkNumber(issues, `outlook.${o.fy}.emissions`, o.emissions, `${s.result.emissionsCol}${s.u("t-CO2")}`, s);
    checkNumber(issues, `outlook.${o.fy}.credits`, o.credits, `${s.result.creditsCol}${s.u("t-CO2")}`, s);
  }
  return issues;
}

// ---- paste --------------------------------------------------------------------------------------

/** Rows of a tab-separated paste from Excel (a header row whose numeric columns are words is dropped). */
export function parseTsv(text: string): string[][] {
  const rows = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => l.split("\t").map((c) => c.trim()));
  const first = rows[0];
  if (first && first.length > 1 && first.slice(1).every((c) => c !== "" && !parseNumber(c).ok && !/[0-9０-９]/.test(c))) rows.shift();
  return rows;
}

export function furnacesFromPaste(text: string): { rows: FurnaceRow[]; widthIssue?: { n: number; count: number } } {
  const rows = parseTsv(text);
  const out: FurnaceRow[] = [];
  for (const [i, r] of rows.entries()) {
    if (r.length !== 5) return { rows: [], widthIssue: { n: i + 1, count: r.length } };
    out.push({ key: newKey(), id: r[0] ?? "", capacity: r[1] ?? "", charges: r[2] ?? "", emissions: r[3] ?? "", semi: r[4] ?? "" });
  }
  return { rows: out };
}

/** Totals of the furnaces that parse. */
export function furnaceTotals(st: WizardState): { emissions: number; semi: number } {
  let emissions = 0;
  let semi = 0;
  for (const f of st.furnaces) {
    emissions += numberOr(f.emissions, 0);
    semi += numberOr(f.semi, 0);
  }
  return { emissions, semi };
}
