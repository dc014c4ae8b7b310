/**
 * `npm run demo` / `alcn demo [--lang ja|en] [--keep DIR]`: the headless flow for a new user — write the template
 * workbook (ALCN functions and native formulas), recalculate both from the files, check them against
 * their cached values, and print the allowance, emissions, balance and the factors used.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_ALLOWANCE, parseRef, type AllowanceResultRefs, type Lang } from "../core/workbook";
import { recalcFile, sameValue, showValue, type RecalcResult } from "./recalc";
import { terminalLang, writeTemplate } from "./template";
import type { CellValueOut } from "./workbook-model";

function num(v: CellValueOut, digits = 0): string {
  if (typeof v !== "number") return showValue(v);
  return v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function pad(s: string, n: number): string {
  const width = [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  return s + " ".repeat(Math.max(0, n - width));
}

function padLeft(s: string, n: number): string {
  const width = [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  return " ".repeat(Math.max(0, n - width)) + s;
}

export async function demoCommand(args: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let lang: Lang = terminalLang();
  let keep: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--lang" && (args[i + 1] === "ja" || args[i + 1] === "en")) lang = args[++i] as Lang;
    else if (a === "--keep" && args[i + 1]) keep = args[++i];
    else {
      err("usage: alcn demo [--lang ja|en] [--keep DIR]");
      return 2;
    }
  }
  const L = (ja: string, en: string): string => (lang === "ja" ? ja : en);
  const dir = keep ?? mkdtempSync(join(tmpdir(), "alcn-demo-"));
  try {
    const files = { alcn: join(dir, `alcn-demo-${lang}.xlsx`), native: join(dir, `alcn-demo-${lang}-native.xlsx`) };
    const written = await writeTemplate({ lang, mode: "alcn", out: files.alcn });
    await writeTemplate({ lang, mode: "native", out: files.native });
    const r = await recalcFile(files.alcn, { check: true });
    const n = await recalcFile(files.native, { check: true });
    const res = written.plan.results;
    const at = (rr: RecalcResult, ref: string): CellValueOut => {
      const { row, col } = parseRef(ref);
      return rr.evaluation.value(res.sheet, row, col);
    };
    const inp = DEMO_ALLOWANCE;
    out(L("ALCN デモ — アルミニウムベンチマーク（GX-ETS）割当量の試算", "ALCN demo — aluminium benchmark (GX-ETS) allowance estimate"));
    out(`${L("会社", "Company")}: ${inp.company[lang]}   ${L("割当対象年度", "Allocation year")}: FY${inp.fiscalYear}`);
    out("");
    // The factors used, read back from the Parameters sheet's named cells (fitted on the industry sheet).
    const named = (name: string): CellValueOut => {
      const n = written.plan.names.find((x) => x.name === name);
      if (!n) return null;
      const { row, col } = parseRef(n.ref);
      return r.evaluation.value(n.sheet, row, col);
    };
    const c = (name: string, d: number): string => (typeof named(name) === "number" ? (named(name) as number).toFixed(d) : showValue(named(name)));
    out(L("使用した回帰式（業界データシートで架空の業界炉データから当てはめ。業界回帰式は未公表）", "Regression used (fitted on the Industry sheet from fictional data; the industry regression is not published)"));
    out(`  form=${String(named("ALCN_FORM"))}  b0=${c("ALCN_COEF_B0", 6)}  b1=${c("ALCN_COEF_B1", 6)}  b2=${c("ALCN_COEF_B2", 6)}  ${L("平均炉サイズ", "avg size")}=${c("ALCN_AVG_SIZE", 2)} t  ${L("平均チャージ数", "avg charges")}=${c("ALCN_AVG_CHARGES", 4)}/h`);
    const v = (name: string): string => showValue(named(name)).replace(/^"|"$/g, "");
    out(
      L(
        `  BM推移 FY${v("ALCN_BM_BASE_FY")}（上位${v("ALCN_BM_BASE_PCT")}%、仮定）→ FY${v("ALCN_BM_FINAL_FY")}（上位${v("ALCN_BM_FINAL_PCT")}%）  クレジット上限 ${v("ALCN_CREDIT_CAP_PCT")}%  価格帯 FY${v("ALCN_PRICE_BASE_FY")} ${v("ALCN_PRICE_LOWER")}〜${v("ALCN_PRICE_UPPER")}円/t-CO2（年${v("ALCN_PRICE_GROWTH_PCT")}%上昇）  端数処理 ${v("ALCN_ROUNDING")}`,
        `  BM path FY${v("ALCN_BM_BASE_FY")} (top ${v("ALCN_BM_BASE_PCT")} %, assumed) → FY${v("ALCN_BM_FINAL_FY")} (top ${v("ALCN_BM_FINAL_PCT")} %)  credit cap ${v("ALCN_CREDIT_CAP_PCT")} %  price band FY${v("ALCN_PRICE_BASE_FY")} ${v("ALCN_PRICE_LOWER")}–${v("ALCN_PRICE_UPPER")} JPY/t-CO2 (+${v("ALCN_PRICE_GROWTH_PCT")} %/yr)  rounding ${v("ALCN_ROUNDING")}`,
      ),
    );
    out(L("炉別の補正係数", "Correction factor per furnace"));
    inp.furnaces.forEach((f, i) => {
      out(`  ${pad(f.id, 6)} ${L("炉サイズ", "size")} ${String(f.capacity_t).padStart(4)} t  ${L("チャージ数", "charges")} ${f.charges_per_h.toFixed(2)}/h  CF ${num(at(r, res.furnaceCf[i] as string), 4)}`);
    });
    out(`  ${L("会社の補正係数（排出量加重）", "Company CF (emission-weighted)")}: ${num(at(r, res.companyCf), 4)}`);
    out("");
    const line = (label: string, ref: string, unit: string): void => out(`  ${pad(label, 34)} ${num(at(r, ref)).padStart(14)} ${unit}`);
    out(L(`FY${inp.fiscalYear} の割当量と過不足`, `FY${inp.fiscalYear} allowance and balance`));
    line(L("上工程の割当量", "Upstream allowance"), res.allowanceUp, "t-CO2");
    line(L("下工程の割当量", "Downstream allowance"), res.allowanceDown, "t-CO2");
    line(L("割当量（合計）", "Allowance (total)"), res.allowance, "t-CO2");
    line(L("見込排出量", "Expected emissions"), res.emissions, "t-CO2");
    line(L("クレジット", "Credits"), res.credits, "t-CO2");
    line(L("過不足（＋余剰／－不足）", "Balance (+ surplus / − shortfall)"), res.balance, "t-CO2");
    line(L("不足分の費用（下限価格）", "Shortfall cost (lower price)"), res.costLower, L("円", "JPY"));
    line(L("不足分の費用（上限価格）", "Shortfall cost (upper price)"), res.costUpper, L("円", "JPY"));
    out("");
    out(L("見通し FY2026–2030（BM推移 上位50%→32.5%）", "Outlook FY2026–2030 (BM path top 50 % → 32.5 %)"));
    out(`  ${pad(L("年度", "FY"), 6)}${[L("割当量", "allowance"), L("排出量", "emissions"), L("過不足", "balance"), L("費用(下限,円)", "cost lo JPY"), L("費用(上限,円)", "cost hi JPY")].map((h) => padLeft(h, 14)).join("")}`);
    for (const o of (res as AllowanceResultRefs).outlook) {
      out(`  ${pad(String(o.fy), 6)}${[o.allowance, o.emissions, o.balance, o.costLower, o.costUpper].map((ref) => num(at(r, ref)).padStart(14)).join("")}`);
    }
    out("");
    // Every numeric cell of the calculation sheet, ALCN functions against native formulas at the same address.
    let compared = 0;
    let agree = true;
    for (const f of r.evaluation.formulas) {
      if (f.sheet !== res.sheet || typeof f.value !== "number") continue;
      compared++;
      if (!sameValue(f.value, n.evaluation.value(f.sheet, f.cell.row, f.cell.col))) agree = false;
    }
    out(`${L("再計算", "Recalculation")}: ${r.formulas} ${L("数式", "formulas")} ${Math.round(r.millis)} ms (ALCN), ${n.formulas} ${L("数式", "formulas")} ${Math.round(n.millis)} ms (native)`);
    out(`${L("キャッシュ値との照合", "Check against cached values")}: ${r.differences.length + n.differences.length === 0 ? L("一致", "all match") : L(`${r.differences.length + n.differences.length} 件の相違`, `${r.differences.length + n.differences.length} differ`)}`);
    out(`${L("ALCN関数とネイティブ数式の結果", "ALCN functions vs native formulas")}: ${agree ? L("一致（相対誤差 1e-9 以内）", "equal (within 1e-9 relative)") : L("不一致", "DIFFERENT")} (${compared} ${L("セル", "cells")})`);
    if (keep) out(`${L("ブック", "Workbooks")}: ${files.alcn}, ${files.native}`);
    else out(L("ブックを残すには: alcn template demo.xlsx（または --keep DIR）", "To keep the workbook: alcn template demo.xlsx (or --keep DIR)"));
    return r.differences.length + n.differences.length === 0 && agree ? 0 : 1;
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
