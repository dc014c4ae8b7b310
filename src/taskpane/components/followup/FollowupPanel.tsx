/**
 * フォローアップ報告 (SPEC 5.6): the yearly inputs as an editable table (survey order, units on every field,
 * strict numbers), demo data, Excel paste, the core's figures, and the follow-up sheet written through the
 * host with the wizard's safety (new unique sheet, ConfirmOverwrite before any non-empty cell, constant syncs).
 */
import { Button, Checkbox, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Textarea } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { fmt, useStrings } from "../../i18n";
import { checkFollowup, columnLabel, demoFollowupState, initialFollowupState, issueKey, pasteFollowup, QUANTITIES, toFollowupInputs, type FollowupState } from "../../followup/state";
import { commitFollowupWrite, computeFollowup, prepareFollowupWrite, type PreparedFollowupWrite, type YearFigures } from "../../followup/write";
import type { Num } from "../../wizard/compute";
import { ConfirmOverwrite } from "../ConfirmOverwrite";
import { ConfirmReplace } from "../ConfirmReplace";
import { useReplaceGuard, type ReplaceGuard } from "../useReplaceGuard";
import { useHost } from "../HostContext";
import { CellInput, TextField, issueCount, useStyles } from "../fields";
import { useGuardedWrite } from "../useGuardedWrite";

export interface FollowupPanelProps {
  readonly st: FollowupState;
  readonly update: (fn: (st: FollowupState) => FollowupState) => void;
  /** Asks before the demo replaces typed inputs; held by the App so it outlives a tab switch. */
  readonly demoGuard?: ReplaceGuard<FollowupState>;
}

export function FollowupPanel({ st, update, demoGuard }: FollowupPanelProps) {
  const ownGuard = useReplaceGuard(st, initialFollowupState);
  const demo = demoGuard ?? ownGuard;
  const { s, lang } = useStrings();
  const f = s.followup;
  const styles = useStyles();
  const host = useHost();
  const [shown, setShown] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | undefined>();
  const [paste, setPaste] = useState("");
  const [written, setWritten] = useState<{ sheet: string; range: string } | undefined>();

  const issues = useMemo(() => checkFollowup(st, s), [st, s]);
  const count = issueCount(issues);
  const figures = useMemo(() => (count === 0 ? computeFollowup(toFollowupInputs(st), lang) : undefined), [st, lang, count]);
  const err = (key: string) => (shown ? issues[key] : undefined);
  const pct = (n: Num | undefined) =>
    n === undefined ? "—" : n.ok ? `${(n.value * 100).toLocaleString(lang === "ja" ? "ja-JP" : "en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%` : n.reason;

  const setValue = (col: number, key: (typeof QUANTITIES)[number]["key"] | "fy", v: string) =>
    update((x) => ({
      ...x,
      columns: x.columns.map((c, i) => (i !== col ? c : key === "fy" ? { ...c, fy: v } : { ...c, values: { ...c.values, [key]: v } })),
    }));

  const write = useGuardedWrite(
    () => prepareFollowupWrite(host, st, lang),
    async (prepared: PreparedFollowupWrite, before: number) => {
      const out = await commitFollowupWrite(host, prepared);
      setWritten({ sheet: out.sheet, range: out.range });
      return { ok: true, text: fmt(f.done, { sheet: out.sheet, range: out.range, cells: out.cells, syncs: host.syncCount() - before }) };
    },
  );
  const { busy, message, setMessage } = write;
  const run = async () => {
    setShown(true);
    setMessage(undefined);
    setWritten(undefined);
    if (count > 0) {
      setMessage({ ok: false, text: fmt(f.fix, { count }) });
      return;
    }
    await write.run();
  };
  const applyPaste = () => {
    if (paste.trim() === "") {
      setNote({ ok: false, text: f.pasteEmpty });
      return;
    }
    const r = pasteFollowup(st, paste);
    if (!r.ok) {
      setNote({ ok: false, text: r.reason === "rows" ? fmt(f.pasteRows, { count: r.count ?? 0 }) : r.reason === "columns" ? fmt(f.pasteColumns, { n: r.n ?? 0, count: r.count ?? 0 }) : f.pasteEmpty });
      return;
    }
    update(() => r.state);
    setShown(true);
    setNote({ ok: true, text: r.fys ? f.pasteDoneFy : f.pasteDone });
  };

  return (
    <div className={styles.stack}>
      <p>{f.intro}</p>
      <div className={styles.row}>
        <Button
          onClick={() =>
            demo.request(
              () => demoFollowupState(lang, { mode: st.mode, replace: st.replace }),
              (next) => {
                update(() => next);
                setShown(true);
                setNote({ ok: true, text: f.demoLoaded });
              },
            )
          }
        >
          {f.loadDemo}
        </Button>
      </div>
      {note ? (
        <MessageBar intent={note.ok ? "info" : "error"}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <TextField label={f.organisation} value={st.organisation} error={err("followup.organisation")} onChange={(v) => update((x) => ({ ...x, organisation: v }))} />
      <div style={{ overflowX: "auto" }}>
        <table className={styles.table} aria-label={f.table} style={{ minWidth: "640px" }}>
          <thead>
            <tr>
              <th className={styles.th}>{f.item}</th>
              {st.columns.map((c, i) => (
                <th key={i} className={styles.th} scope="col">
                  <div>{f.kinds[c.kind]}</div>
                  <CellInput label={`${f.kinds[c.kind]} ${i + 1}: ${f.fy}`} value={c.fy} numeric width="6em" error={err(issueKey(i, "fy"))} onChange={(v) => setValue(i, "fy", v)} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {QUANTITIES.map((q) => (
              <tr key={q.key}>
                <th className={styles.th} scope="row">
                  {f.quantities[q.key]} <span className={styles.unit}>{s.u(q.unit)}</span>
                </th>
                {st.columns.map((c, i) => (
                  <td key={i} className={styles.td}>
                    <CellInput
                      label={fmt(f.fieldLabel, { column: columnLabel(c, s), quantity: `${f.quantities[q.key]}${s.u(q.unit)}` })}
                      value={c.values[q.key]}
                      numeric
                      error={err(issueKey(i, q.key))}
                      onChange={(v) => setValue(i, q.key, v)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Field label={f.paste}>
        <Textarea value={paste} resize="vertical" onChange={(_, d) => setPaste(d.value)} />
      </Field>
      <div className={styles.row}>
        <Button onClick={applyPaste}>{f.pasteApply}</Button>
      </div>
      {figures ? (
        <section aria-label={f.preview}>
          <p className={styles.hint}>{f.preview}</p>
          <table className={styles.table} data-testid="followup-figures">
            <thead>
              <tr>
                <th className={styles.th} />
                {figures.years.map((y) => (
                  <th key={y.fy} className={styles.th} scope="col">
                    {fmt(f.columnTitle, { kind: f.kinds[y.kind], fy: y.fy })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(
                [
                  [f.vsBase, (y) => y.co2VsBase],
                  [f.vsPrevious, (y) => y.co2VsPrevious],
                  [f.progress, (y) => y.co2Progress],
                  [f.intensityProgress, (y) => y.intensityProgress],
                ] as const satisfies readonly (readonly [string, (y: YearFigures) => Num | undefined])[]
              ).map(([label, get]) => (
                <tr key={label}>
                  <th className={styles.th} scope="row">
                    {label}
                  </th>
                  {figures.years.map((y) => (
                    <td key={y.fy} className={styles.num}>
                      {pct(get(y))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {figures.decomposition.ok ? (
            <>
              <p className={styles.hint}>{fmt(f.decomposition, { from: figures.decomposition.from, to: figures.decomposition.to })}</p>
              <table className={styles.table}>
                <tbody>
                  {f.effects.map((label, k) => (
                    <tr key={label}>
                      <th className={styles.th} scope="row">
                        {label}
                      </th>
                      <td className={styles.num}>{figures.decomposition.ok ? pct({ ok: true, value: figures.decomposition.value[k] ?? NaN }) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
        </section>
      ) : null}
      <Field label={s.write.mode}>
        <RadioGroup value={st.mode} onChange={(_, d) => update((x) => ({ ...x, mode: d.value as "alcn" | "native" }))}>
          <Radio value="alcn" label={s.write.modeAlcn} />
          <Radio value="native" label={s.write.modeNative} />
        </RadioGroup>
      </Field>
      <Checkbox checked={st.replace} label={f.replace} onChange={(_, d) => update((x) => ({ ...x, replace: d.checked === true }))} />
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void run()} icon={busy ? <Spinner size="tiny" /> : undefined}>
          {busy ? s.write.writing : s.write.button}
        </Button>
        {written ? <Button onClick={() => void host.selectCell(`'${written.sheet.replace(/'/g, "''")}'!${written.range}`).catch(write.fail)}>{f.show}</Button> : null}
      </div>
      {message ? (
        <MessageBar intent={message.ok ? "success" : "error"} role="status">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <ConfirmOverwrite occupied={write.occupied} onConfirm={() => void write.confirm()} onCancel={write.cancel} />
      <ConfirmReplace open={demo.asking} onConfirm={demo.confirm} onCancel={demo.cancel} />
    </div>
  );
}
