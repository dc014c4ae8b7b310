/** Sheet names and the few shared words of the generated workbooks, in Japanese and English. */
import type { Lang, WorkbookMode } from "./plan";

export interface Bilingual {
  readonly ja: string;
  readonly en: string;
}

export function t(lang: Lang, ja: string, en: string): string {
  return lang === "ja" ? ja : en;
}

export function pick(lang: Lang, b: Bilingual): string {
  return b[lang];
}

export const SHEET_NAMES = {
  inputs: { ja: "入力", en: "Inputs" },
  params: { ja: "パラメータ", en: "Parameters" },
  calc: { ja: "割当量計算", en: "Allowance" },
  industry: { ja: "業界データ", en: "Industry" },
  followup: { ja: "フォローアップ", en: "Follow-up" },
} as const satisfies Record<string, Bilingual>;

export function sheetName(kind: keyof typeof SHEET_NAMES, lang: Lang): string {
  return SHEET_NAMES[kind][lang];
}

/** The sentence every calculation sheet carries about its formula mode (SPEC 5.3). */
export function modeStatement(mode: WorkbookMode, lang: Lang): string {
  if (mode === "alcn")
    return t(
      lang,
      "計算方式: ALCN関数（アドイン ALCN が必要）。同じ計算を標準のExcel数式で書いた版は「ネイティブ数式モード」で作成できます。",
      "Formula mode: ALCN functions (needs the ALCN add-in). The same calculation in plain Excel formulas is available in native-formula mode.",
    );
  return t(
    lang,
    "計算方式: ネイティブ数式（標準のExcel関数のみ。アドインなしで検証機関が再計算できます）。",
    "Formula mode: native formulas (plain Excel functions only; a verifier can recompute without the add-in).",
  );
}
