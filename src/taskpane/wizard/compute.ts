/**
 * The result step's figures, computed by the same core functions the sheet's formulas call
 * (COMPANYCF, BASEACTIVITY, BMPATH, ALLOWANCE, BALANCE, PRICEBAND, REGFIT, WAVG) — no second
 * implementation of any rule in the pane.
 */
import { functionSpec, invoke, messageOf, ParameterStore, type CellArg, type CellMatrix, type Lang } from "../../core";
import { BASE_YEARS, numberOr, OUTLOOK_YEARS, parseCoefs, parseNumber, parseTsv, type WizardState } from "./state";

export type Num = { ok: true; value: number } | { ok: false; reason: string };

const params = new ParameterStore();

/** Call one ALCN function of the catalogue on raw cell arguments; errors come back as their message. */
export function callCore(name: string, lang: Lang, ...args: CellArg[]): Num {
  const spec = functionSpec(name);
  if (!spec) return { ok: false, reason: `ALCN.${name}` };
  const out = invoke(spec, args, { lang, params });
  if (typeof out === "number") return { ok: true, value: out };
  if (typeof out === "object" && !Array.isArray(out)) return { ok: false, reason: messageOf(out, lang) };
  return { ok: false, reason: String(out) };
}

/** Call a function returning a row (REGFIT). */
export function callCoreRow(name: string, lang: Lang, ...args: CellArg[]): { ok: true; value: number[] } | { ok: false; reason: string } {
  const spec = functionSpec(name);
  if (!spec) return { ok: false, reason: `ALCN.${name}` };
  const out = invoke(spec, args, { lang, params });
  if (Array.isArray(out)) {
    const row = out[0] ?? [];
    const bad = row.find((c) => typeof c === "object");
    if (bad && typeof bad === "object") return { ok: false, reason: messageOf(bad, lang) };
    return { ok: true, value: row.map(Number) };
  }
  if (typeof out === "object") return { ok: false, reason: messageOf(out, lang) };
  return { ok: false, reason: String(out) };
}

const col = (xs: readonly (number | string | null)[]): CellMatrix => xs.map((x) => [x]);

function cell(raw: string): number | null {
  const p = parseNumber(raw);
  return p.ok ? p.value : null;
}

export interface ProductResult {
  readonly key: number;
  readonly side: "up" | "down";
  readonly name: string;
  readonly activity: Num;
  readonly targets: readonly Num[];
}

export interface YearResult {
  readonly fy: number;
  readonly allowance: Num;
  readonly emissions: number;
  readonly credits: number;
  readonly balance: Num;
  readonly costLower: Num;
  readonly costUpper: Num;
}

export interface Results {
  readonly cf: Num;
  readonly furnaceCf: readonly { readonly id: string; readonly cf: Num }[];
  readonly products: readonly ProductResult[];
  readonly years: readonly YearResult[];
}

function coefRow(st: WizardState): CellMatrix {
  return [parseCoefs(st.coefs).map((p) => (p.ok ? p.value : null))];
}

export function computeResults(st: WizardState, lang: Lang): Results {
  const coefs = coefRow(st);
  const avgS = cell(st.avgSize);
  const avgC = cell(st.avgCharges);
  const sizes = col(st.furnaces.map((f) => cell(f.capacity)));
  const charges = col(st.furnaces.map((f) => cell(f.charges)));
  const emissions = col(st.furnaces.map((f) => cell(f.emissions)));
  const cf = callCore("COMPANYCF", lang, sizes, charges, emissions, coefs, avgS, avgC, st.form);
  const furnaceCf = st.furnaces.map((f) => ({ id: f.id, cf: callCore("CORRFACTOR", lang, cell(f.capacity), cell(f.charges), coefs, avgS, avgC, st.form) }));

  const products: ProductResult[] = st.products.map((p) => {
    const values: CellMatrix = [p.values.map((v, i) => (p.statuses[i] === "none" ? null : cell(v)))];
    const statuses: CellMatrix = [[...p.statuses]];
    const days: CellMatrix = [p.statuses.map((s, i) => (s === "opening" && i === BASE_YEARS.length - 1 ? cell(p.days) : null))];
    const activity = callCore("BASEACTIVITY", lang, values, statuses, days);
    const typed = cell(p.typed);
    const targets = OUTLOOK_YEARS.map((fy): Num =>
      p.targetMode === "typed" ? (typed === null ? { ok: false, reason: "—" } : { ok: true, value: typed }) : callCore("BMPATH", lang, cell(p.base), cell(p.final), fy),
    );
    return { key: p.key, side: p.side, name: p.name, activity, targets };
  });

  const years: YearResult[] = OUTLOOK_YEARS.map((fy, yi) => {
    const o = st.outlook[yi];
    const em = numberOr(o?.emissions ?? "", 0);
    const credits = numberOr(o?.credits ?? "", 0);
    const side = (s: "up" | "down") => products.filter((p) => p.side === s);
    const firstError = [cf, ...products.flatMap((p) => [p.activity, p.targets[yi] as Num])].find((n) => !n.ok);
    if (firstError && !firstError.ok) {
      return { fy, allowance: firstError, emissions: em, credits, balance: firstError, costLower: firstError, costUpper: firstError };
    }
    const val = (n: Num | undefined) => (n && n.ok ? n.value : null);
    const up = side("up");
    const down = side("down");
    const allowance = callCore(
      "ALLOWANCE",
      lang,
      col(up.map((p) => val(p.targets[yi]))),
      col(up.map((p) => val(p.activity))),
      val(cf),
      down.length ? col(down.map((p) => val(p.targets[yi]))) : 0,
      down.length ? col(down.map((p) => val(p.activity))) : 0,
    );
    const balance = allowance.ok ? callCore("BALANCE", lang, allowance.value, em, credits) : allowance;
    const cost = (bound: "lower" | "upper"): Num => {
      if (!balance.ok) return balance;
      const price = callCore("PRICEBAND", lang, fy, bound);
      return price.ok ? { ok: true, value: Math.max(0, -balance.value) * price.value } : price;
    };
    return { fy, allowance, emissions: em, credits, balance, costLower: cost("lower"), costUpper: cost("upper") };
  });
  return { cf, furnaceCf, products, years };
}

/** Fit the regression from an industry table (size, charges, intensity, production) with REGFIT and WAVG. */
export function fitFromTable(text: string, form: string, lang: Lang): { ok: true; coefs: number[]; avgSize: number; avgCharges: number; n: number } | { ok: false; reason: string; n: number } {
  const rows = parseTsv(text).filter((r) => r.length >= 4 && r.slice(0, 4).every((c) => parseNumber(c).ok));
  const n = rows.length;
  if (n < 4) return { ok: false, reason: "tooFew", n };
  const num = (r: string[], i: number) => Number(r[i]);
  const y = rows.map((r) => [num(r, 2)]);
  const x = rows.map((r) => [num(r, 0), num(r, 1)]);
  const w = rows.map((r) => [num(r, 3)]);
  const fit = callCoreRow("REGFIT", lang, y, x, form);
  if (!fit.ok) return { ...fit, n };
  const avgSize = callCore("WAVG", lang, rows.map((r) => [num(r, 0)]), w);
  const avgCharges = callCore("WAVG", lang, rows.map((r) => [num(r, 1)]), w);
  if (!avgSize.ok) return { ...avgSize, n };
  if (!avgCharges.ok) return { ...avgCharges, n };
  return { ok: true, coefs: fit.value, avgSize: avgSize.value, avgCharges: avgCharges.value, n };
}

/** A fit as the wizard's parameter fields hold it (12 significant digits, as typed numbers would be). */
export function fittedFields(fit: { readonly coefs: readonly number[]; readonly avgSize: number; readonly avgCharges: number }): { coefs: string; avgSize: string; avgCharges: string } {
  const round = (v: number) => String(Number(v.toPrecision(12)));
  return { coefs: fit.coefs.map(round).join("\t"), avgSize: round(fit.avgSize), avgCharges: round(fit.avgCharges) };
}
