import { Button, Field, MessageBar, MessageBarBody, Textarea } from "@fluentui/react-components";
import { Fragment, useState } from "react";
import { fmt, num, useStrings } from "../../i18n";
import { emptyFurnace, furnacesFromPaste, furnaceTotals, type FurnaceRow } from "../../wizard/state";
import { CellInput, useStyles } from "../fields";
import type { StepProps } from "./types";

const COLUMNS = ["id", "capacity", "charges", "emissions", "semi"] as const;

export function FurnacesStep({ st, update, issues }: StepProps) {
  const { s, lang } = useStrings();
  const styles = useStyles();
  const [paste, setPaste] = useState("");
  const [pasteMsg, setPasteMsg] = useState<{ ok: boolean; text: string } | undefined>();
  const unit: Record<(typeof COLUMNS)[number], string> = { id: "", capacity: s.units.t, charges: s.units.perHour, emissions: s.units.tco2, semi: s.units.t };
  const label = (c: (typeof COLUMNS)[number]) => s.furnaces[c];
  const setCell = (key: number, c: (typeof COLUMNS)[number], v: string) =>
    update((x) => ({ ...x, furnaces: x.furnaces.map((f) => (f.key === key ? ({ ...f, [c]: v } as FurnaceRow) : f)) }));
  const applyPaste = () => {
    if (paste.trim() === "") return setPasteMsg({ ok: false, text: s.furnaces.pasteEmpty });
    const r = furnacesFromPaste(paste);
    if (r.widthIssue) return setPasteMsg({ ok: false, text: fmt(s.check.tooManyColumns, r.widthIssue) });
    update((x) => ({ ...x, furnaces: r.rows }));
    setPasteMsg({ ok: true, text: fmt(s.furnaces.pasteDone, { count: r.rows.length }) });
    setPaste("");
  };
  const totals = furnaceTotals(st);
  // A very long table is typed elsewhere; the pane shows the first 200 rows for editing.
  const shown = st.furnaces.slice(0, 200);
  // Messages of rows beyond the shown ones, so no error hides (fix them in Excel and paste again).
  const hidden = st.furnaces.slice(shown.length).flatMap((f, j) =>
    COLUMNS.flatMap((c) => {
      const m = issues[`furnace.${f.key}.${c}`];
      return m ? [`${fmt(s.furnaces.rowLabel, { n: shown.length + j + 1 })}: ${m}`] : [];
    }),
  );
  return (
    <div className={styles.stack}>
      <p>{s.furnaces.intro}</p>
      <Field label={s.furnaces.paste}>
        <Textarea value={paste} resize="vertical" rows={3} onChange={(_, d) => setPaste(d.value)} textarea={{ style: { fontFamily: "monospace" } }} />
      </Field>
      <div className={styles.row}>
        <Button onClick={applyPaste}>{s.furnaces.pasteApply}</Button>
      </div>
      {pasteMsg ? (
        <MessageBar intent={pasteMsg.ok ? "success" : "error"}>
          <MessageBarBody>{pasteMsg.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {issues["furnaces"] ? (
        <MessageBar intent="error">
          <MessageBarBody>{issues["furnaces"]}</MessageBarBody>
        </MessageBar>
      ) : null}
      {/* Numbers must never be cut off: below ~460 px the table scrolls sideways instead of shrinking. */}
      <div style={{ overflowX: "auto" }}>
      <table className={`${styles.table} ${styles.fixed}`} style={{ minWidth: 460 }} aria-label={s.steps.furnaces}>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} className={styles.th} scope="col">
                {label(c)}
                {unit[c] ? <span className={styles.unit}>{s.u(unit[c])}</span> : null}
              </th>
            ))}
            <th className={styles.th} style={{ width: 32 }} />
          </tr>
        </thead>
        <tbody>
          {shown.map((f, i) => {
            const rowIssues = COLUMNS.map((c) => issues[`furnace.${f.key}.${c}`]).filter((m): m is string => m !== undefined);
            const msgId = `furnace-${f.key}-issues`;
            return (
              <Fragment key={f.key}>
                <tr>
                  {COLUMNS.map((c) => (
                    <td key={c} className={styles.td}>
                      <CellInput
                        label={`${label(c)}${unit[c] ? `${s.u(unit[c])}` : ""} ${fmt(s.furnaces.rowLabel, { n: i + 1 })}`}
                        value={f[c]}
                        numeric={c !== "id"}
                        invalid={issues[`furnace.${f.key}.${c}`] !== undefined}
                        describedBy={rowIssues.length ? msgId : undefined}
                        onChange={(v) => setCell(f.key, c, v)}
                      />
                    </td>
                  ))}
                  <td className={styles.td}>
                    <Button
                      appearance="subtle"
                      size="small"
                      aria-label={`${s.furnaces.removeRow} ${fmt(s.furnaces.rowLabel, { n: i + 1 })}`}
                      onClick={() => update((x) => ({ ...x, furnaces: x.furnaces.filter((g) => g.key !== f.key) }))}
                    >
                      ×
                    </Button>
                  </td>
                </tr>
                {rowIssues.length ? (
                  <tr>
                    <td colSpan={COLUMNS.length + 1} className={styles.td}>
                      <ul id={msgId} role="alert" className={styles.error} style={{ margin: "0 0 6px 0", paddingLeft: 18 }}>
                        {rowIssues.map((m) => (
                          <li key={m}>
                            {fmt(s.furnaces.rowLabel, { n: i + 1 })}: {m}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      </div>
      {hidden.length ? (
        <MessageBar intent="error">
          <MessageBarBody>
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {hidden.slice(0, 10).map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
            {hidden.length > 10 ? fmt(s.write.confirmMore, { count: hidden.length - 10 }) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.row}>
        <Button onClick={() => update((x) => ({ ...x, furnaces: [...x.furnaces, emptyFurnace()] }))}>{s.furnaces.addRow}</Button>
        {st.furnaces.length > shown.length ? <span className={styles.hint}>{fmt(s.furnaces.shownFirst, { shown: shown.length, count: st.furnaces.length })}</span> : null}
        <span className={styles.hint}>{fmt(s.furnaces.total, { count: st.furnaces.length, emissions: num(totals.emissions, lang), semi: num(totals.semi, lang) })}</span>
      </div>
    </div>
  );
}
