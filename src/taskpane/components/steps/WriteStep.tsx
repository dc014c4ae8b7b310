import { Button, Checkbox, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner } from "@fluentui/react-components";
import { useContext, useState } from "react";
import { fmt, useStrings } from "../../i18n";
import type { OccupiedCell } from "../../host/types";
import { commitWrite, prepareWrite, type PreparedWrite } from "../../wizard/write";
import { ConfirmOverwrite } from "../ConfirmOverwrite";
import { ParametersChangedContext, useHost } from "../HostContext";
import { useStyles } from "../fields";
import type { StepProps } from "./types";

export function WriteStep({ st, update }: StepProps) {
  const { s, lang } = useStrings();
  const styles = useStyles();
  const host = useHost();
  const parametersChanged = useContext(ParametersChangedContext);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const [pending, setPending] = useState<PreparedWrite | undefined>();
  const labels = {
    block: s.write.chartData,
    fy: s.result.fy,
    allowance: s.result.allowanceCol,
    emissions: s.result.emissionsCol,
    furnace: s.furnaces.id,
    cf: s.write.cfLabel,
    chartAllowance: s.write.chartAllowance,
    chartCf: s.write.chartCf,
  };
  const [start, setStart] = useState(0);
  const finish = async (prepared: PreparedWrite, before: number) => {
    const out = await commitWrite(host, prepared, parametersChanged);
    setMessage({ ok: true, text: fmt(s.write.done, { sheets: out.sheets.join("、"), cells: out.cells, names: out.names, charts: out.charts, syncs: host.syncCount() - before }) });
  };
  const fail = (e: unknown) => setMessage({ ok: false, text: fmt(s.write.failed, { reason: e instanceof Error ? e.message : String(e) }) });
  const run = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      const before = host.syncCount();
      setStart(before);
      const prepared = await prepareWrite(host, st, lang, labels);
      if (prepared.occupied.length > 0) setPending(prepared);
      else await finish(prepared, before);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    const p = pending;
    setPending(undefined);
    if (!p) return;
    setBusy(true);
    try {
      await finish(p, start);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const occupied: readonly OccupiedCell[] = pending?.occupied ?? [];
  return (
    <div className={styles.stack}>
      <p>{s.write.intro}</p>
      <Field label={s.write.mode}>
        <RadioGroup value={st.mode} onChange={(_, d) => update((x) => ({ ...x, mode: d.value as "alcn" | "native" }))}>
          <Radio value="alcn" label={s.write.modeAlcn} />
          <Radio value="native" label={s.write.modeNative} />
        </RadioGroup>
      </Field>
      <Checkbox checked={st.replace} label={s.write.replace} onChange={(_, d) => update((x) => ({ ...x, replace: d.checked === true }))} />
      <p className={styles.hint}>{s.write.namesNote}</p>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void run()} icon={busy ? <Spinner size="tiny" /> : undefined}>
          {busy ? s.write.writing : s.write.button}
        </Button>
      </div>
      {message ? (
        <MessageBar intent={message.ok ? "success" : "error"} role="status">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <ConfirmOverwrite occupied={occupied} onConfirm={() => void confirm()} onCancel={() => setPending(undefined)} />
    </div>
  );
}
