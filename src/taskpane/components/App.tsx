/**
 * The taskpane: language (follows Office, switchable), and five tools on tabs — the allowance wizard
 * (with the demo company), the formula builder, the audit panel, the input checks and the follow-up report. All of them reach the workbook
 * through the WorkbookHost in context.
 */
import { Button, FluentProvider, MessageBar, MessageBarBody, Select, Tab, TabList, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ParameterStore } from "../../core";
import type { ParamEntry } from "../../core/editions";
import { LangContext, STRINGS, uiLanguageOf, type UiLang } from "../i18n";
import type { WorkbookHost } from "../host/types";
import { demoState } from "../wizard/demo";
import { initialState, type WizardState } from "../wizard/state";
import { initialFollowupState, type FollowupState } from "../followup/state";
import { AuditPanel } from "./audit/AuditPanel";
import { PANEL_STRINGS } from "./audit/strings";
import { ChecksPanel } from "./checks/ChecksPanel";
import { FormulaBuilder } from "./builder/FormulaBuilder";
import { FollowupPanel } from "./followup/FollowupPanel";
import { HostContext, ParametersChangedContext } from "./HostContext";
import { Wizard } from "./Wizard";
import { ConfirmReplace } from "./ConfirmReplace";
import { inputsKey, useReplaceGuard } from "./useReplaceGuard";
import { decodeDraft, draftKey, encodeDraft } from "../draft";

/** How long the inputs rest before the draft is kept in the workbook. */
const DRAFT_DELAY_MS = 800;

const useStyles = makeStyles({
  root: { padding: "12px", fontFamily: tokens.fontFamilyBase, minHeight: "100%", boxSizing: "border-box" },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px", flexWrap: "wrap", marginBottom: "4px" },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  tools: { display: "flex", gap: "8px", alignItems: "center" },
  tabs: { marginBottom: "8px" },
});

type Tool = "wizard" | "builder" | "audit" | "checks" | "followup";

export function App({ host }: { host: WorkbookHost }) {
  const styles = useStyles();
  const [lang, setLang] = useState<UiLang>(() => uiLanguageOf(host.displayLanguage()));
  const [st, setSt] = useState<WizardState>(initialState);
  const [step, setStep] = useState(0);
  const [tool, setTool] = useState<Tool>("wizard");
  const [followup, setFollowup] = useState<FollowupState>(initialFollowupState);
  const [demoNote, setDemoNote] = useState(false);
  const [params, setParams] = useState(() => new ParameterStore());
  // the demo buttons never replace typed inputs without asking (held here so they outlive a tab switch)
  const wizardGuard = useReplaceGuard(st, initialState);
  const followupGuard = useReplaceGuard(followup, initialFollowupState);
  const strings = useMemo(() => ({ lang, s: STRINGS[lang] }), [lang]);
  const parametersChanged = useCallback((values: Readonly<Record<string, ParamEntry>>, label: string) => {
    const store = new ParameterStore();
    store.setOverrides(values, label);
    setParams(store);
  }, []);
  // The draft kept in this workbook: restored when the pane opens (unless something was typed already),
  // then kept again whenever the inputs rest and differ from what is kept. Nothing is kept before the
  // restore has been tried, and an untouched pane writes nothing.
  const [draftRead, setDraftRead] = useState(false);
  const [draftRestored, setDraftRestored] = useState(false);
  const kept = useRef<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const empty = draftKey(initialState(), initialFollowupState());
    void host
      .readDraft()
      .then((text) => {
        const d = text === undefined ? undefined : decodeDraft(text);
        if (!live) return;
        kept.current = d ? draftKey(d.wizard, d.followup) : empty;
        if (!d || kept.current === empty) return;
        const pristine = <T extends object>(x: T, fresh: () => T) => inputsKey(x) === inputsKey(fresh());
        setSt((x) => (pristine(x, initialState) ? d.wizard : x));
        setFollowup((x) => (pristine(x, initialFollowupState) ? d.followup : x));
        setDraftRestored(true);
      })
      .catch(() => {
        kept.current = empty;
      })
      .finally(() => live && setDraftRead(true));
    return () => {
      live = false;
    };
  }, [host]);
  useEffect(() => {
    if (!draftRead) return;
    const key = draftKey(st, followup);
    if (key === kept.current) return;
    const t = setTimeout(() => {
      kept.current = key;
      void host.writeDraft(encodeDraft({ wizard: st, followup })).catch(() => undefined);
    }, DRAFT_DELAY_MS);
    return () => clearTimeout(t);
  }, [host, draftRead, st, followup]);
  const s = strings.s;
  return (
    <FluentProvider theme={webLightTheme} lang={lang === "ja" ? "ja-JP" : "en"}>
      <HostContext.Provider value={host}>
        <ParametersChangedContext.Provider value={parametersChanged}>
          <LangContext.Provider value={strings}>
            <main className={styles.root}>
              <header className={styles.header}>
                <h1 className={styles.title}>{s.appTitle}</h1>
                <div className={styles.tools}>
                  {tool === "wizard" ? (
                    <Button
                      onClick={() =>
                        wizardGuard.request(
                          () => demoState(lang, { ...initialState(), mode: st.mode, replace: st.replace }),
                          (next) => {
                            setSt(next);
                            setDemoNote(true);
                          },
                        )
                      }
                    >
                      {s.loadDemo}
                    </Button>
                  ) : null}
                  <Select aria-label={s.language} value={lang} onChange={(_, d) => setLang(d.value as UiLang)}>
                    <option value="ja">日本語</option>
                    <option value="en">English</option>
                  </Select>
                </div>
              </header>
              <TabList className={styles.tabs} selectedValue={tool} onTabSelect={(_, d) => setTool(d.value as Tool)} aria-label={s.tools.label}>
                <Tab value="wizard">{s.tools.wizard}</Tab>
                <Tab value="builder">{s.tools.builder}</Tab>
                <Tab value="audit">{s.tools.audit}</Tab>
                <Tab value="checks">{PANEL_STRINGS[lang].tabs.checks}</Tab>
                <Tab value="followup">{s.tools.followup}</Tab>
              </TabList>
              {tool === "wizard" ? (
                <>
                  {demoNote ? (
                    <MessageBar intent="info">
                      <MessageBarBody>{s.demoLoaded}</MessageBarBody>
                    </MessageBar>
                  ) : draftRestored ? (
                    <MessageBar intent="info">
                      <MessageBarBody>{s.draftRestored}</MessageBarBody>
                    </MessageBar>
                  ) : null}
                  <Wizard st={st} update={(fn) => setSt(fn)} step={step} setStep={setStep} />
                  <ConfirmReplace open={wizardGuard.asking} onConfirm={wizardGuard.confirm} onCancel={wizardGuard.cancel} />
                </>
              ) : tool === "builder" ? (
                <FormulaBuilder params={params} />
              ) : tool === "audit" ? (
                <AuditPanel params={params} />
              ) : tool === "followup" ? (
                <FollowupPanel st={followup} update={(fn) => setFollowup(fn)} demoGuard={followupGuard} />
              ) : (
                <ChecksPanel />
              )}
            </main>
          </LangContext.Provider>
        </ParametersChangedContext.Provider>
      </HostContext.Provider>
    </FluentProvider>
  );
}
