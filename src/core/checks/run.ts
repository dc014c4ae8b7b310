/**
 * Input checks (SPEC 5.5): scan a block of cells — the wizard's Inputs sheet, a company's own furnace
 * table, or any selected range — for what makes an ALCN calculation wrong without an error:
 *   blank       a blank cell in a number column of a filled row (a blank is "missing", not 0)
 *   text        text in a number cell, e.g. 全角 digits "１２３" or "1,234" (ALCN gives #VALUE!)
 *   nonPositive negative or zero production / size / charges, negative emissions
 *   units       a value about 1000× (or 1/1000×) its column's median: t vs 千t
 *   regression  a furnace whose intensity is far from the regression on size (and charges):
 *               externally studentised residual |t| > 3 → warning, > 2.5 → info
 *   status      a base year with no (or zero) activity but no status (none / opening / disaster),
 *               or a status ALCN does not know
 * Tables are found by their header rows (columns.ts); data rows run to the first blank row.
 * Pure: values in, findings out. Decisions: docs/decisions/602-input-check-thresholds.md.
 */
import type { Text } from "../spec";
import { columnLetters } from "../workbook/plan";
import type { CellScalar } from "../values";
import { headerRoles, type ColumnRole } from "./columns";
import { median, studentisedResiduals } from "./outliers";

export type Severity = "error" | "warning" | "info";
export type FindingKind = "blank" | "text" | "nonPositive" | "units" | "regression" | "status";

export interface Finding {
  readonly kind: FindingKind;
  readonly severity: Severity;
  readonly sheet: string;
  /** The cell, e.g. "C9". */
  readonly address: string;
  readonly message: Text;
  readonly fix: Text;
  /** A value that would fix the cell, when there is an obvious one (e.g. 1234 for "1,234"). */
  readonly suggestion?: number | string;
}

export interface CheckTable {
  readonly sheet: string;
  /** The top-left cell of `values`, e.g. "A1". */
  readonly topLeft: string;
  readonly values: readonly (readonly CellScalar[])[];
}

export interface CheckOptions {
  /** |t| above which a furnace is flagged as a warning (default 3) and as info (default 2.5). */
  readonly residualWarning?: number;
  readonly residualInfo?: number;
  /** Ratio to the column median taken as a unit slip (default 10^2.5 … 10^3.5 around 1000). */
  readonly unitRatioMin?: number;
  readonly unitRatioMax?: number;
}

const FULL = /[０-９．，－＋]/;
const NUMERIC_TEXT = /^[\s\u3000]*[+\-－＋]?[0-9０-９.,，．]+([eEｅＥ][+\-－＋]?[0-9０-９]+)?[\s\u3000]*$/;

/** The number a person meant by "１，２３４" or "1,234", if any. */
export function numberFromText(s: string): number | undefined {
  if (!NUMERIC_TEXT.test(s) || !/[0-9０-９]/.test(s)) return undefined;
  const t = s.normalize("NFKC").replace(/[\s,]/g, "");
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

function parseTopLeft(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)/.exec(ref.trim());
  if (!m) return { row: 0, col: 0 };
  let c = 0;
  for (const ch of (m[1] as string).toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: c - 1 };
}

const isBlank = (c: CellScalar): boolean => c === null || c === undefined || (typeof c === "string" && c.trim() === "");

const STATUS_WORDS = ["normal", "none", "opening", "disaster", "通常", "稼働", "休止", "非稼働", "新設", "災害", "0"];

const ROLE_NAME: Record<ColumnRole["kind"], Text> = {
  label: { ja: "名称", en: "label" },
  size: { ja: "炉サイズ", en: "furnace size" },
  charges: { ja: "チャージ数", en: "charges" },
  emissions: { ja: "排出量", en: "emissions" },
  production: { ja: "生産量", en: "production" },
  year: { ja: "基準年度の活動量", en: "base-year activity" },
  status: { ja: "状態", en: "status" },
  days: { ja: "稼働日数", en: "operating days" },
  number: { ja: "数値", en: "number" },
  optional: { ja: "数値", en: "number" },
};

interface Block {
  readonly header: number;
  readonly roles: readonly (ColumnRole | undefined)[];
  readonly headers: readonly string[];
  readonly rows: readonly number[];
}

/** Header rows and the data rows under each (to the first all-blank row or the next header). */
function blocks(values: readonly (readonly CellScalar[])[]): Block[] {
  const out: Block[] = [];
  for (let r = 0; r < values.length; r++) {
    const roles = headerRoles(values[r] as readonly CellScalar[]);
    if (!roles) continue;
    const rows: number[] = [];
    let k = r + 1;
    for (; k < values.length; k++) {
      const row = values[k] as readonly CellScalar[];
      if (row.every(isBlank) || headerRoles(row)) break;
      rows.push(k);
    }
    out.push({ header: r, roles, headers: (values[r] as readonly CellScalar[]).map((c) => (typeof c === "string" ? c.trim() : "")), rows });
    r = k - 1;
  }
  return out;
}

/** How many input tables (header rows ALCN recognises) the block holds. */
export function tableCount(values: readonly (readonly CellScalar[])[]): number {
  return blocks(values).length;
}

/** Run every check over a block of cells. */
export function runChecks(table: CheckTable, options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const origin = parseTopLeft(table.topLeft);
  const addr = (r: number, c: number): string => `${columnLetters(origin.col + c)}${origin.row + r + 1}`;
  const cell = (r: number, c: number): CellScalar => table.values[r]?.[c];
  const add = (f: Omit<Finding, "sheet" | "address">, r: number, c: number): void => {
    findings.push({ ...f, sheet: table.sheet, address: addr(r, c) });
  };

  for (const b of blocks(table.values)) {
    const numericCols = b.roles.flatMap((role, c) => (role && role.kind !== "label" && role.kind !== "status" ? [c] : []));
    const numbers = new Map<number, Map<number, number>>(); // column → row → value
    for (const c of numericCols) numbers.set(c, new Map());

    for (const r of b.rows) {
      for (const c of numericCols) {
        const role = b.roles[c] as ColumnRole;
        const v = cell(r, c);
        const head = b.headers[c] ?? ROLE_NAME[role.kind].en;
        if (isBlank(v)) {
          if (role.kind === "optional" || role.kind === "days") continue;
          if (role.kind === "year") continue; // handled with the statuses below
          add(
            {
              kind: "blank",
              severity: role.kind === "number" ? "warning" : "error",
              message: { ja: `「${head}」が空白です（空白は 0 ではなく「未入力」）`, en: `"${head}" is blank (a blank is missing, not zero)` },
              fix: { ja: "値を入力してください。該当しない行なら行ごと削除してください", en: "enter the value, or delete the row if it does not apply" },
            },
            r,
            c,
          );
          continue;
        }
        if (typeof v === "string") {
          const n = numberFromText(v);
          add(
            {
              kind: "text",
              severity: "error",
              message:
                n !== undefined
                  ? { ja: `数値のセルに文字列「${v}」があります${FULL.test(v) ? "（全角）" : ""}。ALCN 関数は #VALUE! を返します`, en: `text "${v}" in a number cell${FULL.test(v) ? " (full-width)" : ""}; ALCN functions return #VALUE!` }
                  : { ja: `数値のセルに文字列「${v}」があります`, en: `text "${v}" in a number cell` },
              fix: n !== undefined ? { ja: `数値 ${n} として入力し直してください`, en: `re-enter it as the number ${n}` } : { ja: "数値を入力してください", en: "enter a number" },
              ...(n !== undefined ? { suggestion: n } : {}),
            },
            r,
            c,
          );
          continue;
        }
        if (typeof v !== "number") continue; // booleans, error values: the functions report them
        (numbers.get(c) as Map<number, number>).set(r, v);
        const mustBePositive = role.kind === "size" || role.kind === "production" || role.kind === "charges";
        if (mustBePositive && v <= 0) {
          add(
            {
              kind: "nonPositive",
              severity: v < 0 ? "error" : "warning",
              message: v < 0 ? { ja: `${ROLE_NAME[role.kind].ja}が負の値（${v}）です`, en: `${ROLE_NAME[role.kind].en} is negative (${v})` } : { ja: `${ROLE_NAME[role.kind].ja}が 0 です`, en: `${ROLE_NAME[role.kind].en} is zero` },
              fix:
                role.kind === "production"
                  ? { ja: "生産量を確認してください。稼働していない炉・年度は行を除くか状態を none にしてください", en: "check the production; leave out a furnace or year that did not operate (status none)" }
                  : { ja: "正の値を入力してください", en: "enter a positive value" },
            },
            r,
            c,
          );
        } else if ((role.kind === "emissions" || role.kind === "year" || role.kind === "number") && v < 0) {
          add(
            {
              kind: "nonPositive",
              severity: "error",
              message: { ja: `負の値（${v}）です`, en: `negative value (${v})` },
              fix: { ja: "0 以上の値を入力してください", en: "enter zero or more" },
            },
            r,
            c,
          );
        }
      }
    }

    // units off by 1000: compare each value with the median of the other values of its column
    const lo = options.unitRatioMin ?? 10 ** 2.5;
    const hi = options.unitRatioMax ?? 10 ** 3.5;
    for (const c of numericCols) {
      const role = b.roles[c] as ColumnRole;
      if (role.kind === "days" || role.kind === "optional") continue;
      const col = numbers.get(c) as Map<number, number>;
      const entries = [...col.entries()].filter(([, v]) => v > 0);
      if (entries.length < 3) continue;
      for (const [r, v] of entries) {
        const m = median(entries.filter(([k]) => k !== r).map(([, x]) => x)) as number;
        const ratio = v / m;
        const big = ratio >= lo && ratio <= hi;
        const small = 1 / ratio >= lo && 1 / ratio <= hi;
        if (!big && !small) continue;
        const suggestion = big ? v / 1000 : v * 1000;
        add(
          {
            kind: "units",
            severity: "warning",
            message: big
              ? { ja: `${v} は列の中央値 ${m} の約 ${Math.round(ratio)} 倍です（t と 千t の取り違え？）`, en: `${v} is about ${Math.round(ratio)}× the column median ${m} (t entered instead of thousand t?)` }
              : { ja: `${v} は列の中央値 ${m} の約 1/${Math.round(1 / ratio)} です（千t と t の取り違え？）`, en: `${v} is about 1/${Math.round(1 / ratio)} of the column median ${m} (thousand t instead of t?)` },
            fix: { ja: `単位を確認してください（${suggestion} ではありませんか）`, en: `check the unit (did you mean ${suggestion}?)` },
            suggestion,
          },
          r,
          c,
        );
      }
    }

    regressionCheck(b, numbers, options, add);
    statusCheck(b, cell, add);
  }
  return findings;
}

type Add = (f: Omit<Finding, "sheet" | "address">, r: number, c: number) => void;

/** Intensity (emissions ÷ production) against the regression on size (and charges), within the table. */
function regressionCheck(b: Block, numbers: Map<number, Map<number, number>>, options: CheckOptions, add: Add): void {
  const find = (kind: ColumnRole["kind"]): number => b.roles.findIndex((r) => r?.kind === kind);
  const cs = find("size");
  const ce = find("emissions");
  const cp = find("production");
  const cc = find("charges");
  if (cs < 0 || ce < 0 || cp < 0) return;
  const get = (c: number, r: number): number | undefined => (c < 0 ? undefined : numbers.get(c)?.get(r));
  const rows = b.rows.filter((r) => {
    const s = get(cs, r);
    const e = get(ce, r);
    const p = get(cp, r);
    return s !== undefined && s > 0 && e !== undefined && e >= 0 && p !== undefined && p > 0 && (cc < 0 || (get(cc, r) ?? 0) > 0);
  });
  const y = rows.map((r) => (get(ce, r) as number) / (get(cp, r) as number));
  const xs = [rows.map((r) => get(cs, r) as number)];
  if (cc >= 0) xs.push(rows.map((r) => get(cc, r) as number));
  const fit = studentisedResiduals(y, xs);
  if (!fit) return;
  const warn = options.residualWarning ?? 3;
  const info = options.residualInfo ?? 2.5;
  fit.studentised.forEach((t, i) => {
    if (!(Math.abs(t) > info)) return;
    const r = rows[i] as number;
    const tt = Number.isFinite(t) ? t.toFixed(2) : t > 0 ? "∞" : "−∞";
    const intensity = (y[i] as number).toPrecision(4);
    const expected = (fit.fitted[i] as number).toPrecision(4);
    add(
      {
        kind: "regression",
        severity: Math.abs(t) > warn ? "warning" : "info",
        message: {
          ja: `この炉の排出原単位 ${intensity} は、表内の回帰（炉サイズ${cc >= 0 ? "・チャージ数" : ""}）の予測 ${expected} から大きく外れています（スチューデント化残差 ${tt}）`,
          en: `this furnace's intensity ${intensity} is far from the table's regression on size${cc >= 0 ? " and charges" : ""} (expected ${expected}; studentised residual ${tt})`,
        },
        fix: { ja: "排出量・生産量の単位と期間、炉サイズ・チャージ数を確認してください", en: "check the units and period of emissions and production, and the size and charges" },
      },
      r,
      ce,
    );
  });
}

/** Base years with no activity but no status, and statuses ALCN does not know. */
function statusCheck(b: Block, cell: (r: number, c: number) => CellScalar, add: Add): void {
  const yearCols = b.roles.flatMap((role, c) => (role?.kind === "year" ? [{ c, year: role.year }] : []));
  if (yearCols.length === 0) return;
  const statusCol = (year: number): number => b.roles.findIndex((r) => r?.kind === "status" && r.year === year);
  for (const r of b.rows) {
    for (const { c, year } of yearCols) {
      const sc = statusCol(year);
      const status = sc >= 0 ? cell(r, sc) : undefined;
      const s = typeof status === "string" ? status.normalize("NFKC").trim().toLowerCase() : status === 0 ? "0" : "";
      if (sc >= 0 && s !== "" && !STATUS_WORDS.includes(s)) {
        add(
          {
            kind: "status",
            severity: "error",
            message: { ja: `FY${year} の状態「${String(status)}」は使えません`, en: `FY${year} status "${String(status)}" is not one ALCN knows` },
            fix: { ja: "normal / none（休止）/ opening（新設）/ disaster（災害）のいずれかにしてください", en: "use normal, none, opening or disaster" },
          },
          r,
          sc,
        );
        continue;
      }
      const v = cell(r, c);
      const noActivity = isBlank(v) || v === 0;
      const plain = s === "" || s === "normal" || s === "通常" || s === "稼働" || s === "0";
      if (noActivity && plain) {
        add(
          {
            kind: "status",
            severity: "warning",
            message: {
              ja: `FY${year} の活動量が${isBlank(v) ? "空白" : " 0 "}ですが、状態が指定されていません（平均に 0 として入ります）`,
              en: `FY${year} has ${isBlank(v) ? "no" : "zero"} activity but no status (it would enter the mean as 0)`,
            },
            fix: { ja: "休止なら none、新設なら opening、災害なら disaster を状態に入力してください", en: "set the status: none (not operating), opening or disaster" },
            ...(sc >= 0 ? { suggestion: "none" } : {}),
          },
          r,
          sc >= 0 ? sc : c,
        );
      }
    }
  }
}
