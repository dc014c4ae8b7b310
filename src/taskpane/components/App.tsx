/** The taskpane: language (follows Office, switchable), the demo company, and the wizard. */
import { Button, FluentProvider, MessageBar, MessageBarBody, Select, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { LangContext, STRINGS, uiLanguageOf, type UiLang } from "../i18n";
import type { WorkbookHost } from "../host/types";
import { demoState } from "../wizard/demo";
import { initialState, type WizardState } from "../wizard/state";
import { HostContext } from "./HostContext";
import { Wizard } from "./Wizard";

const useStyles = makeStyles({
  root: { padding: "12px", fontFamily: tokens.fontFamilyBase, minHeight: "100%", boxSizing: "border-box" },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px", flexWrap: "wrap", marginBottom: "8px" },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  tools: { display: "flex", gap: "8px", alignItems: "center" },
});

export function App({ host }: { host: WorkbookHost }) {
  const styles = useStyles();
  const [lang, setLang] = useState<UiLang>(() => uiLanguageOf(host.displayLanguage()));
  const [st, setSt] = useState<WizardState>(initialState);
  const [step, setStep] = useState(0);
  const [demoNote, setDemoNote] = useState(false);
  const strings = useMemo(() => ({ lang, s: STRINGS[lang] }), [lang]);
  const s = strings.s;
  return (
    <FluentProvider theme={webLightTheme} lang={lang === "ja" ? "ja-JP" : "en"}>
      <HostContext.Provider value={host}>
        <LangContext.Provider value={strings}>
          <main className={styles.root}>
            <header className={styles.header}>
              <h1 className={styles.title}>{s.appTitle}</h1>
              <div className={styles.tools}>
                <Button
                  onClick={() => {
                    setSt((x) => demoState(lang, { ...initialState(), mode: x.mode, replace: x.replace }));
                    setDemoNote(true);
                  }}
                >
                  {s.loadDemo}
                </Button>
                <Select aria-label={s.language} value={lang} onChange={(_, d) => setLang(d.value as UiLang)}>
                  <option value="ja">日本語</option>
                  <option value="en">English</option>
                </Select>
              </div>
            </header>
            {demoNote ? (
              <MessageBar intent="info">
                <MessageBarBody>{s.demoLoaded}</MessageBarBody>
              </MessageBar>
            ) : null}
            <Wizard st={st} update={(fn) => setSt(fn)} step={step} setStep={setStep} />
          </main>
        </LangContext.Provider>
      </HostContext.Provider>
    </FluentProvider>
  );
}
