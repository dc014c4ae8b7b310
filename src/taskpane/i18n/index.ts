/** The pane's strings (ja default, en) and a tiny formatter for {placeholders}. */
import { createContext, useContext } from "react";
import { CellEditModeError, ProtectionError } from "../host/types";
import { en } from "./en";
import { ja, type Strings } from "./ja";

export type UiLang = "ja" | "en";
export type { Strings };

export const STRINGS: Record<UiLang, Strings> = { ja, en };

/** Japanese unless Office's display language is something else. */
export function uiLanguageOf(displayLanguage: string | undefined): UiLang {
  return displayLanguage === undefined || displayLanguage === "" || displayLanguage.toLowerCase().startsWith("ja") ? "ja" : "en";
}

export function fmt(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Numbers as a Japanese engineer reads them: thousands separators, up to `digits` decimals. */
export function num(v: number, lang: UiLang, digits = 0): string {
  return v.toLocaleString(lang === "ja" ? "ja-JP" : "en-GB", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/**
 * A failure as the user reads it: what the workbook refused and how to fix it (a protected sheet or
 * structure, a locked cell, Excel in cell-edit mode), else `template` with the error's own text in
 * {`key`}.
 */
export function failureText(s: Strings, lang: UiLang, e: unknown, template: string, key = "message"): string {
  if (e instanceof CellEditModeError) return s.blocked.editMode;
  if (e instanceof ProtectionError) {
    if (e.cell !== undefined) return fmt(s.blocked.cell, { cell: e.cell });
    if (e.sheets.length > 0) return fmt(s.blocked.sheets, { sheets: e.sheets.join(lang === "ja" ? "」「" : ", ") });
    return s.blocked.structure;
  }
  return fmt(template, { [key]: e instanceof Error ? e.message : String(e) });
}

export const LangContext = createContext<{ lang: UiLang; s: Strings }>({ lang: "ja", s: ja });

export function useStrings(): { lang: UiLang; s: Strings } {
  return useContext(LangContext);
}
