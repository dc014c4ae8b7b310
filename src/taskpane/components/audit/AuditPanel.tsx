/**
 * Audit panel (SPEC 5.4): select a cell with an ALCN formula → the rule in words and its source, each
 * argument's reference and value, the intermediate values, the core result against an independent
 * recomputation (✓/✗), the cell's own value, and the same calculation as a native Excel formula.
 * It follows the selection: when the host reports a selection change, the new cell is audited after a
 * short pause (debounced, so moving across cells with the arrow keys costs one audit); the button stays.
 */
import { Badge, Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { explain, parseFormula, type Explanation } from "../../../core/audit";
import { ParameterStore, type CalcContext } from "../../../core";
import { failureText, fmt, useStrings } from "../../i18n";
import { useStyles } from "../fields";
import { cellScalar, evaluateCall, displayCell, firstCell, usePanelActions, type PanelActions } from "./actions";
import { usePanelStrings } from "./strings";

const local = makeStyles({
  section: { marginTop: "12px" },
  h: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: "8px 0 4px" },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: "break-all", whiteSpace: "pre-wrap" },
  pass: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  fail: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const defaultParams = new ParameterStore();

/** How long the selection must rest before the panel audits it again. */
export const FOLLOW_DEBOUNCE_MS = 300;

type State =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "message"; text: string; intent: "info" | "warning" | "error" }
  | { kind: "done"; cell: string; formula: string; ex: Explanation; unevaluated: number[] };

export interface AuditPanelProps {
  readonly actions?: PanelActions;
  /** The parameters the workbook's functions use (its Parameters sheet); default: the shipped editions. */
  readonly params?: ParameterStore;
  /** Audit the selection when the panel opens (default true). */
  readonly auto?: boolean;
  /** Audit again when the selection changes, if the host reports it (default true). */
  readonly follow?: boolean;
  /** The pause after a selection change before auditing (default FOLLOW_DEBOUNCE_MS). */
  readonly debounceMs?: number;
}

export function AuditPanel(props: AuditPanelProps) {
  const actions = usePanelActions(props.actions);
  const { lang, p } = usePanelStrings();
  const { s: pane } = useStrings();
  const t = p.audit;
  const styles = useStyles();
  const css = local();
  const [state, setShown] = useState<State>({ kind: "idle" });
  const params = props.params ?? defaultParams;
  // Only the latest audit may show its result (an earlier, slower one must not overwrite it), and none
  // after the panel is gone.
  const latest = useRef(0);
  const alive = useRef(false);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const run = useCallback(async () => {
    const id = ++latest.current;
    const setState = (s: State) => {
      if (alive.current && latest.current === id) setShown(s);
    };
    setState({ kind: "busy" });
    try {
      const sel = await actions.getSelection();
      const address = firstCell(sel.address);
      const cell = displayCell(sel.sheet, address);
      const formula = sel.formulas[0]?.[0] ?? null;
      if (formula === null || formula === "") {
        setState({ kind: "message", intent: "info", text: fmt(t.empty, { cell }) });
        return;
      }
      const parsed = parseFormula(formula);
      if (!parsed.ok) {
        setState({ kind: "message", intent: "info", text: fmt(t.notAlcn, { cell }) });
        return;
      }
      const ctx: CalcContext = { lang, params };
      const { values, unevaluated } = await evaluateCall(parsed, actions, sel.sheet, ctx);
      const ex = explain(parsed.name, values, ctx, lang, {
        argTexts: parsed.args.map((a) => a.text),
        ...(parsed.nested ? {} : { cellValue: cellScalar(sel.values[0]?.[0] ?? null) }),
      });
      setState({ kind: "done", cell, formula, ex, unevaluated });
    } catch (e) {
      setState({ kind: "message", intent: "error", text: failureText(pane, lang, e, t.error) });
    }
  }, [actions, lang, params, t]);

  useEffect(() => {
    if (props.auto !== false) void run();
    // run once when the panel opens
  }, []);

  // Follow the selection (debounced). `run` is read through a ref so a language or parameter change does
  // not re-register the host's handler.
  const runRef = useRef(run);
  runRef.current = run;
  const follow = props.follow !== false;
  const delay = props.debounceMs ?? FOLLOW_DEBOUNCE_MS;
  useEffect(() => {
    if (!follow || !actions.onSelectionChanged) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = actions.onSelectionChanged(() => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        void runRef.current();
      }, delay);
    });
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe();
    };
  }, [actions, follow, delay]);

  return (
    <section aria-label={t.title}>
      <p className={styles.hint}>{t.intro}</p>
      <Button appearance="primary" onClick={() => void run()} disabled={state.kind === "busy"}>
        {t.run}
      </Button>
      {state.kind === "busy" ? <Spinner size="tiny" /> : null}
      {state.kind === "message" ? (
        <MessageBar intent={state.intent} className={css.section}>
          <MessageBarBody>{state.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.kind === "done" ? <ExplanationView cell={state.cell} formula={state.formula} ex={state.ex} unevaluated={state.unevaluated} /> : null}
    </section>
  );
}

function CheckBadge({ ex }: { ex: Explanation }) {
  const { p } = usePanelStrings();
  if (ex.check === "pass") return <Badge color="success" appearance="filled" aria-label={p.audit.pass}>{p.audit.pass}</Badge>;
  if (ex.check === "fail") return <Badge color="danger" appearance="filled" aria-label={p.audit.fail}>{p.audit.fail}</Badge>;
  return <Badge color="informative" appearance="outline">{p.audit.na}</Badge>;
}

function ExplanationView({ cell, formula, ex, unevaluated }: { cell: string; formula: string; ex: Explanation; unevaluated: number[] }) {
  const { p } = usePanelStrings();
  const t = p.audit;
  const styles = useStyles();
  const css = local();
  return (
    <div data-testid="audit-result">
      <div className={css.section}>
        <div>
          <strong>{t.cell}:</strong> {cell}
        </div>
        <div>
          <strong>{t.formula}:</strong> <code className={css.code}>{formula}</code>
        </div>
      </div>
      <h3 className={css.h}>
        ALCN.{ex.name} — {t.rule}
      </h3>
      <p>{ex.rule}</p>
      <p className={styles.hint}>
        {t.source}: {ex.source}
      </p>

      <h3 className={css.h}>{t.args}</h3>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.th}>{t.argName}</th>
            <th className={styles.th}>{t.argRef}</th>
            <th className={styles.th}>{t.argValue}</th>
          </tr>
        </thead>
        <tbody>
          {ex.args.map((a, i) => (
            <tr key={a.name}>
              <td className={styles.td}>{a.label}</td>
              <td className={styles.td}>
                <code className={css.code}>{a.text ?? ""}</code>
              </td>
              <td className={styles.td}>
                <code className={css.code}>{unevaluated.includes(i) ? t.notEvaluated : a.display}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {unevaluated.length > 0 ? (
        <MessageBar intent="warning" className={css.section}>
          <MessageBarBody>{fmt(t.unevaluated, { list: unevaluated.map((i) => ex.args[i]?.label ?? String(i + 1)).join(", ") })}</MessageBarBody>
        </MessageBar>
      ) : null}

      {ex.steps.length > 0 ? (
        <>
          <h3 className={css.h}>{t.steps}</h3>
          <table className={styles.table} aria-label={t.steps}>
            <tbody>
              {ex.steps.map((s, i) => (
                <tr key={i}>
                  <td className={styles.td}>{s.label}</td>
                  <td className={`${styles.td} ${styles.num}`}>
                    {s.value}
                    {s.note ? <div className={styles.hint}>{s.note}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      {ex.parameters.length > 0 ? (
        <>
          <h3 className={css.h}>{t.parameters}</h3>
          <table className={styles.table} aria-label={t.parameters}>
            <tbody>
              {ex.parameters.map((q) => (
                <tr key={`${q.edition}-${q.name}`}>
                  <td className={styles.td}>
                    <code className={css.code}>{q.name}</code>
                    {q.description ? <div className={styles.hint}>{q.description}</div> : null}
                  </td>
                  <td className={styles.td}>
                    {q.value}
                    {q.assumption ? (
                      <Badge appearance="outline" color="warning" style={{ marginLeft: 4 }}>
                        {t.assumption}
                      </Badge>
                    ) : null}
                    <div className={styles.hint}>
                      {q.edition}: {q.source}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      <h3 className={css.h}>{t.result}</h3>
      <table className={styles.table}>
        <tbody>
          <tr>
            <td className={styles.td}>{t.core}</td>
            <td className={`${styles.td} ${styles.num}`} data-testid="audit-core">
              {ex.coreDisplay}
            </td>
          </tr>
          <tr>
            <td className={styles.td}>{t.independent}</td>
            <td className={`${styles.td} ${styles.num}`}>{ex.independent.display}</td>
          </tr>
          {ex.cell ? (
            <tr>
              <td className={styles.td}>{t.cellShows}</td>
              <td className={`${styles.td} ${styles.num}`}>
                {ex.cell.display} <span className={ex.cell.agrees ? css.pass : css.fail}>{ex.cell.agrees ? `✓ ${t.cellAgrees}` : `✗ ${t.cellDiffers}`}</span>
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <div data-testid="audit-check" className={css.section}>
        <CheckBadge ex={ex} /> {ex.checkDetail.replace(/^[✓✗]\s*/, "")}
      </div>

      <h3 className={css.h}>{t.native}</h3>
      {ex.native ? <code className={css.code} data-testid="audit-native">{ex.native}</code> : <p className={styles.hint}>{t.noNative}</p>}
    </div>
  );
}
