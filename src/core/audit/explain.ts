/**
 * The audit panel's explanation of one ALCN call: the rule in words and where it comes from, the
 * arguments, the intermediate values, the core result, an independent plain-double recomputation with
 * ✓/✗ (1e-9 relative), and the equivalent native Excel formula.
 */
import { functionSpec } from "../catalogue";
import { EXCEL_CODE, isCalcError, messageOf, type ErrorCode, type Lang } from "../errors";
import { invoke, type CalcContext, type Text } from "../spec";
import type { CellArg, CellScalar, FinalOutput, FinalScalar } from "../values";
import { BENCHMARK_EXPLAINERS } from "./explain-benchmark";
import { EXTRA_EXPLAINERS } from "./explain-extra";
import { OTHER_EXPLAINERS } from "./explain-other";
import { agrees, PlainError, PlainUnavailable } from "./plain";
import { precheck, rangeGuard } from "./precheck";
import type { AuditStep, Explainer, PlainEnv, PlainResult } from "./types";

export const EXPLAINERS: Readonly<Record<string, Explainer>> = { ...BENCHMARK_EXPLAINERS, ...OTHER_EXPLAINERS, ...EXTRA_EXPLAINERS };

/** Functions whose result the audit recomputes independently. */
export const CHECKED_FUNCTIONS: readonly string[] = Object.entries(EXPLAINERS)
  .filter(([, e]) => e.recompute !== undefined)
  .map(([n]) => n);

export interface ExplainedArg {
  readonly name: string;
  /** The argument's name in the user's language. */
  readonly label: string;
  /** The expression as written in the formula (e.g. "B4", "Furnaces!C2:C9"), if known. */
  readonly text?: string;
  readonly value: CellArg;
  /** The value for display: numbers as is, ranges as {a,b;c,d}, omitted as "—". */
  readonly display: string;
}

export type CheckStatus = "pass" | "fail" | "notAvailable";

export interface Explanation {
  /** Function name without namespace, upper case. */
  readonly name: string;
  /** false when the name is not in the catalogue. */
  readonly known: boolean;
  readonly rule: string;
  readonly source: string;
  readonly args: readonly ExplainedArg[];
  readonly steps: readonly { readonly label: string; readonly value: string; readonly note?: string }[];
  /** The core's result for these arguments (undefined when the function is unknown). */
  readonly core: FinalOutput | undefined;
  readonly coreDisplay: string;
  /** The independent recomputation: value or expected error, or why it is not available. */
  readonly independent: { readonly display: string; readonly value?: number | readonly (readonly number[])[]; readonly errorCode?: ErrorCode };
  /** ✓ (pass), ✗ (fail) or not available. */
  readonly check: CheckStatus;
  readonly checkDetail: string;
  /** The cell's own value (from Excel) compared with the core result, when given. */
  readonly cell?: { readonly value: CellArg; readonly display: string; readonly agrees: boolean };
  /** The equivalent native Excel formula, when there is one. */
  readonly native?: string;
  /** The parameters the computation read (value, edition or workbook, source, assumption flag). */
  readonly parameters: readonly UsedParameter[];
}

export interface UsedParameter {
  readonly name: string;
  readonly value: string;
  /** The edition id, or the workbook label for a Parameters sheet override. */
  readonly edition: string;
  readonly source: string;
  readonly assumption: boolean;
  readonly description?: string;
}

function usedParameters(ctx: CalcContext, used: Map<string, string | undefined>, lang: Lang): UsedParameter[] {
  const out: UsedParameter[] = [];
  for (const [key, edition] of used) {
    const name = key.split("\u0000")[1] as string;
    try {
      const r = ctx.params.resolve(name, edition);
      const src = r.entry.source;
      const value = r.entry.value === null ? (lang === "ja" ? "未公表" : "not published") : Array.isArray(r.entry.value) ? r.entry.value.join(", ") : String(r.entry.value);
      out.push({
        name,
        value: r.entry.unit && r.entry.value !== null ? `${value} ${r.entry.unit}` : value,
        edition: r.edition,
        source: [src.document, src.date, src.page, src.note].filter((x) => x !== undefined && x !== "").join(" — "),
        assumption: r.entry.assumption,
        ...(r.entry.description ? { description: r.entry.description[lang] } : {}),
      });
    } catch {
      // an unknown name: nothing to show
    }
  }
  return out;
}

export interface ExplainOptions {
  /** The argument expressions as written (same positions as the values), for the native formula. */
  readonly argTexts?: readonly string[];
  /** The value the cell shows, compared with the core result. */
  readonly cellValue?: CellArg;
  /** Replace the core call (tests use it to tamper with the result). */
  readonly core?: (name: string, args: readonly CellArg[], ctx: CalcContext) => FinalOutput;
}

/** Plain-double values shown to 15 significant digits (0.8749999999999999 → 0.875); the core's result as is. */
function fmtPlain(n: number): string {
  return Number.isFinite(n) ? String(Number(n.toPrecision(15))) : String(n);
}

function fmtNumber(n: number): string {
  return String(n);
}

function fmtScalar(v: CellScalar | FinalScalar, lang: Lang): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "number") return fmtNumber(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v === "" ? "—" : `"${v}"`;
  if (isCalcError(v)) return `${EXCEL_CODE[v.code]} ${messageOf(v, lang)}`;
  return v.code;
}

/** A value for display: a scalar, or a range as {a,b;c,d} (long ranges shortened). */
export function display(v: CellArg | FinalOutput | undefined, lang: Lang): string {
  if (Array.isArray(v)) {
    const rows = v as readonly (readonly (CellScalar | FinalScalar)[])[];
    const cells = rows.reduce((n, r) => n + r.length, 0);
    const shown = rows.slice(0, 8).map((r) => r.slice(0, 12).map((c) => fmtScalar(c, lang)).join(","));
    return `{${shown.join(";")}${rows.length > 8 ? ";…" : ""}}${cells > 12 ? ` (${rows.length}×${rows[0]?.length ?? 0})` : ""}`;
  }
  return fmtScalar(v as CellScalar | FinalScalar, lang);
}

function envOf(ctx: CalcContext, used: Map<string, string | undefined>): PlainEnv {
  return {
    param(name, edition) {
      used.set(`${edition ?? ""}\u0000${name}`, edition);
      try {
        const v = edition === undefined ? ctx.params.valueOrUndefined(name) : ctx.params.resolve(name, edition).entry.value;
        if (v === null || v === undefined) return undefined;
        return v;
      } catch {
        return undefined;
      }
    },
  };
}

/** Compare the core output with the plain result; both errors agree when their codes match. */
function compare(core: FinalOutput, plain: PlainResult | { error: ErrorCode }): boolean {
  if ("error" in plain) return isCalcError(core) && core.code === plain.error;
  const scale = plain.scale ?? 0;
  if (typeof plain.value === "number") {
    let c: FinalOutput = core;
    if (Array.isArray(c) && c.length === 1 && c[0]?.length === 1) c = c[0][0] as FinalScalar;
    return typeof c === "number" && agrees(c, plain.value, scale);
  }
  const rows = plain.value;
  if (!Array.isArray(core) || core.length !== rows.length) return false;
  return rows.every((r, i) => {
    const cr = core[i];
    return cr !== undefined && cr.length === r.length && r.every((x, j) => typeof cr[j] === "number" && agrees(cr[j] as number, x, scale));
  });
}

function sameValue(core: FinalOutput, cell: CellArg): boolean {
  const c: FinalOutput | CellArg = Array.isArray(core) && core.length === 1 && core[0]?.length === 1 ? (core[0][0] as FinalScalar) : core;
  const v: CellArg = Array.isArray(cell) && cell.length === 1 && cell[0]?.length === 1 ? (cell[0][0] as CellScalar) : cell;
  if (typeof c === "number" && typeof v === "number") return agrees(c, v);
  if (isCalcError(c)) return typeof v === "object" && v !== null && !Array.isArray(v) && "code" in v && v.code === EXCEL_CODE[c.code];
  if (Array.isArray(c) && Array.isArray(v)) {
    const vr = v as readonly (readonly CellScalar[])[];
    return c.length === vr.length && c.every((row, i) => row.every((x, j) => sameValue(x, vr[i]?.[j])));
  }
  // a spilled result: the selected (anchor) cell holds its first element
  if (Array.isArray(c) && !Array.isArray(v)) return c[0]?.[0] !== undefined && sameValue(c[0][0] as FinalScalar, v);
  return c === v;
}

const NOT_AVAILABLE: Text = { ja: "独立再計算: 対象外", en: "independent recomputation: not available" };

/**
 * Explain one call of an ALCN function on raw argument values (as read from the cells).
 * Never throws for bad input: unknown functions and odd values give an explanation that says so.
 */
export function explain(functionName: string, argValues: readonly CellArg[], ctx: CalcContext, lang: Lang, options: ExplainOptions = {}): Explanation {
  const name = functionName.toUpperCase().replace(/^ALCN\./, "");
  const spec = functionSpec(name);
  const explainer = EXPLAINERS[name];
  const t = (x: Text): string => x[lang];
  const args: ExplainedArg[] = (spec?.args ?? argValues.map((_v, i) => ({ name: `arg${i + 1}`, ja: `引数${i + 1}` }))).map((a, i) => {
    const text = options.argTexts?.[i];
    const value = argValues[i];
    return { name: a.name, label: lang === "ja" ? a.ja : a.name, ...(text ? { text } : {}), value, display: display(value, lang) };
  });

  const rule = explainer ? t(explainer.rule) : spec ? t(spec.description) : lang === "ja" ? `ALCN.${name} は関数一覧にありません` : `ALCN.${name} is not in the catalogue`;
  const source = explainer ? t(explainer.source) : spec ? (lang === "ja" ? "ALCN 仕様 3章（関数一覧）" : "ALCN SPEC section 3 (function catalogue)") : "—";

  let core: FinalOutput | undefined;
  if (spec) {
    try {
      core = options.core ? options.core(name, argValues, ctx) : invoke(spec, argValues, ctx);
    } catch (e) {
      core = undefined;
      void e;
    }
  }
  const coreDisplay = core === undefined ? "—" : display(core, lang);

  const usedParams = new Map<string, string | undefined>();
  const env = envOf(ctx, usedParams);
  const rawSteps: AuditStep[] = [];
  let independent: Explanation["independent"] = { display: t(NOT_AVAILABLE) };
  let check: CheckStatus = "notAvailable";
  let checkDetail = t(NOT_AVAILABLE);
  if (explainer?.recompute && spec) {
    let plain: PlainResult | { error: ErrorCode } | undefined;
    try {
      // Input rules every function shares (checked once in invoke), read the same way here: a ragged range
      // is #VALUE!, and a result a cell cannot hold (±∞, NaN in doubles) is #NUM!.
      if (argValues.some((a) => Array.isArray(a) && a.some((row) => (row as readonly CellScalar[]).length !== (a[0] as readonly CellScalar[]).length))) plain = { error: "VALUE" };
      else {
        precheck(spec, argValues);
        rangeGuard(argValues);
        const p = explainer.recompute(argValues, env, rawSteps);
        const v = p.value;
        const finite = typeof v === "number" ? Number.isFinite(v) : v.every((r) => r.every((x) => Number.isFinite(x)));
        // Beyond the range of doubles: the core's overflow (#NUM!) agrees; a finite core result (40-digit
        // Decimals reach further than doubles) cannot be checked in doubles, so "not available", never ✗.
        if (finite) plain = p;
        else if (core === undefined || isCalcError(core)) plain = { error: "NUM" };
        else throw new PlainUnavailable(lang === "ja" ? "倍精度の範囲を超えます" : "beyond the range of doubles");
      }
    } catch (e) {
      if (e instanceof PlainError) plain = { error: e.code };
      else {
        const why = e instanceof PlainUnavailable ? e.message : e instanceof Error ? e.message : String(e);
        checkDetail = `${t(NOT_AVAILABLE)} (${why})`;
      }
    }
    if (plain) {
      if ("error" in plain) independent = { display: EXCEL_CODE[plain.error], errorCode: plain.error };
      else {
        const v = plain.value;
        const shown = typeof v === "number" ? fmtPlain(v) : display(v.map((r) => r.map((x) => Number(x.toPrecision(15)))), lang);
        independent = { display: shown, value: v };
      }
      if (core !== undefined) {
        const ok = compare(core, plain);
        check = ok ? "pass" : "fail";
        checkDetail = ok
          ? lang === "ja"
            ? "✓ 独立再計算（倍精度）とコアの結果が一致（相対誤差 1e-9 以内）"
            : "✓ the independent recomputation (doubles) agrees with the core (within 1e-9 relative)"
          : lang === "ja"
            ? `✗ 独立再計算 ${independent.display} とコアの結果 ${coreDisplay} が一致しません`
            : `✗ the independent recomputation ${independent.display} differs from the core result ${coreDisplay}`;
      }
    }
  }

  let native: string | undefined;
  if (explainer?.native) {
    try {
      native = explainer.native(options.argTexts ?? [], argValues, env);
    } catch {
      native = undefined;
    }
  }

  const cell =
    options.cellValue !== undefined && core !== undefined
      ? { value: options.cellValue, display: display(options.cellValue, lang), agrees: sameValue(core, options.cellValue) }
      : undefined;

  return {
    name,
    known: spec !== undefined,
    rule,
    source,
    args,
    steps: rawSteps.map((s) => ({ label: t(s.label), value: typeof s.value === "number" ? fmtPlain(s.value) : s.value, ...(s.note ? { note: t(s.note) } : {}) })),
    core,
    coreDisplay,
    independent,
    check,
    checkDetail,
    ...(cell ? { cell } : {}),
    ...(native ? { native } : {}),
    parameters: usedParameters(ctx, usedParams, lang),
  };
}
