/**
 * Input checks panel (SPEC 5.5): run the checks on the selected range or a whole sheet (the wizard's
 * Inputs sheet is offered first), list the findings by severity, click one to select its cell — in Excel
 * (host.selectCell: Excel activates the sheet and selects the cell) and in the preview alike.
 */
import { Badge, Button, Field, MessageBar, MessageBarBody, Select, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { runChecks, tableCount, type Finding } from "../../../core/checks";
import { failureText, fmt, useStrings } from "../../i18n";
import { useStyles } from "../fields";
import { displayCell, rangeArg, usePanelActions, type PanelActions } from "../audit/actions";
import { usePanelStrings } from "../audit/strings";
import type { CellScalar } from "../../../core";
import type { RangeData } from "../../host/types";

const local = makeStyles({
  list: { listStyle: "none", padding: 0, margin: "8px 0", display: "flex", flexDirection: "column", rowGap: "6px" },
  item: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: "6px 8px" },
  head: { display: "flex", columnGap: "8px", alignItems: "center", flexWrap: "wrap" },
});

/** How much of a sheet is scanned when a whole sheet is chosen and the actions cannot read its used range. */
export const SHEET_SCAN = "A1:Z400";
/** The most cells read of a whole sheet: whole rows from the top of its used range (≈ 3 800 rows × 26 columns; one response stays well under Office's ≈ 5 MB payload limit). */
export const SHEET_SCAN_CELLS = 100_000;

const SELECTION = "\u0000selection";
const SEVERITY_ORDER: Record<Finding["severity"], number> = { error: 0, warning: 1, info: 2 };

/** The sheet to offer first: the wizard's inputs sheet or a furnace sheet, if there is one. */
export function preferredSheet(names: readonly string[]): string | undefined {
  return names.find((n) => /^(入力|inputs?)$/i.test(n)) ?? names.find((n) => /炉|furnace/i.test(n)) ?? names.find((n) => /入力|input/i.test(n));
}

export interface ChecksPanelProps {
  readonly actions?: PanelActions;
}

type Result = { findings: Finding[]; tables: number; partial?: { read: string; full: string } } | { error: string };

export function ChecksPanel(props: ChecksPanelProps) {
  const actions = usePanelActions(props.actions);
  const { lang, p } = usePanelStrings();
  const { s: pane } = useStrings();
  const t = p.checks;
  const styles = useStyles();
  const css = local();
  const [sheets, setSheets] = useState<string[]>([]);
  const [target, setTarget] = useState<string>(SELECTION);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | undefined>(undefined);
  const [goError, setGoError] = useState<string | undefined>(undefined);

  const go = async (f: Finding) => {
    setGoError(undefined);
    try {
      await actions.selectCell?.(f.sheet, f.address);
    } catch (e) {
      // e.g. the sheet was renamed or deleted since the checks ran
      setGoError(failureText(pane, lang, e, t.error));
    }
  };

  useEffect(() => {
    let live = true;
    actions
      .sheetNames()
      .then((names) => {
        if (!live) return;
        setSheets(names);
        const pref = preferredSheet(names);
        if (pref) setTarget(pref);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [actions]);

  const run = async () => {
    setBusy(true);
    setGoError(undefined);
    try {
      let data: RangeData;
      let partial: { read: string; full: string } | undefined;
      if (target === SELECTION) data = await actions.getSelection();
      else if (actions.readUsedRange) {
        const used = await actions.readUsedRange(target, SHEET_SCAN_CELLS);
        data = used;
        if (used.truncated) partial = { read: used.address, full: used.fullAddress };
      } else data = await actions.readRange(target, SHEET_SCAN);
      const values = data.values.map((r) => r.map((c) => rangeArg([[c]]) as CellScalar));
      const topLeft = (data.address.split(":")[0] ?? "A1").replace(/\$/g, "");
      const findings = runChecks({ sheet: data.sheet, topLeft, values }).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
      const tables = tableCount(values);
      setResult({ findings, tables, ...(partial ? { partial } : {}) });
    } catch (e) {
      setResult({ error: failureText(pane, lang, e, t.error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label={t.title}>
      <p className={styles.hint}>{t.intro}</p>
      <div className={styles.row}>
        <Field label={t.target}>
          <Select value={target} onChange={(_, d) => setTarget(d.value)}>
            <option value={SELECTION}>{t.selection}</option>
            {sheets.map((s) => (
              <option key={s} value={s}>
                {fmt(t.sheet, { name: s })}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" onClick={() => void run()} disabled={busy}>
          {t.run}
        </Button>
        {busy ? <Spinner size="tiny" /> : null}
      </div>
      {result && "error" in result ? (
        <MessageBar intent="error">
          <MessageBarBody>{result.error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {goError ? (
        <MessageBar intent="error">
          <MessageBarBody>{goError}</MessageBarBody>
        </MessageBar>
      ) : null}
      {result && "findings" in result && result.partial ? (
        <MessageBar intent="warning">
          <MessageBarBody>{fmt(t.partial, { read: result.partial.read, full: result.partial.full, max: SHEET_SCAN_CELLS.toLocaleString(lang === "ja" ? "ja-JP" : "en-GB") })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {result && "findings" in result ? (
        result.tables === 0 ? (
          <MessageBar intent="warning">
            <MessageBarBody>{t.noTable}</MessageBarBody>
          </MessageBar>
        ) : result.findings.length === 0 ? (
          <MessageBar intent="success">
            <MessageBarBody>{fmt(t.none, { count: result.tables })}</MessageBarBody>
          </MessageBar>
        ) : (
          <>
            <p data-testid="checks-count">{fmt(t.found, { count: result.findings.length })}</p>
            <ul className={css.list}>
              {result.findings.map((f, i) => (
                <li key={`${f.address}-${f.kind}-${i}`} className={css.item} data-testid="finding">
                  <div className={css.head}>
                    <Badge color={f.severity === "error" ? "danger" : f.severity === "warning" ? "warning" : "informative"} appearance="filled">
                      {t.severity[f.severity]}
                    </Badge>
                    <Button
                      appearance="transparent"
                      size="small"
                      aria-label={`${t.go} ${displayCell(f.sheet, f.address)}`}
                      disabled={!actions.selectCell}
                      onClick={() => void go(f)}
                    >
                      {displayCell(f.sheet, f.address)}
                    </Button>
                  </div>
                  <div>{f.message[lang]}</div>
                  <div className={styles.hint}>
                    {t.fix}: {f.fix[lang]}
                    {f.suggestion !== undefined ? ` — ${fmt(t.suggestion, { value: String(f.suggestion) })}` : ""}
                  </div>
                </li>
              ))}
            </ul>
          </>
        )
      ) : null}
    </section>
  );
}
