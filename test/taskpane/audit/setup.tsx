/** Shared for the audit / builder / checks component tests: jsdom shims for Fluent and a language wrapper. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { LangContext, STRINGS, type UiLang } from "../../../src/taskpane/i18n";

export function shimBrowser(): void {
  window.matchMedia ??= ((q: string) => ({ matches: false, media: q, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false })) as typeof window.matchMedia;
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

export function InLang({ lang, children }: { lang: UiLang; children: ReactNode }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={{ lang, s: STRINGS[lang] }}>{children}</LangContext.Provider>
    </FluentProvider>
  );
}
