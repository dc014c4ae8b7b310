import { Button, Checkbox, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner } from "@fluentui/react-components";
import { useContext } from "react";
import { fmt, useStrings } from "../../i18n";
import { commitWrite, prepareWrite, type PreparedWrite } from "../../wizard/write";
import { ConfirmOverwrite } from "../ConfirmOverwrite";
import { ParametersChangedContext, useHost } from "../HostContext";
import { useStyles } from "../fields";
import { useGuardedWrite } from "../useGuardedWrite";
import type { StepProps } from "./types";

export function WriteStep({ st, update }: StepProps) {
  const { s, lang } = useStrings();
  const styles = useStyles();
  const host = useHost();
  const parametersChanged = useContext(ParametersChangedContext);
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
  const write = useGuardedWrite(
    () => prepareWrite(host, st, lang, labels),
    async (prepared: PreparedWrite, before: number) => {
      const out = await commitWrite(host, prepared, parametersChanged);
      return { ok: true, text: fmt(s.write.done, { sheets: out.sheets.join("、"), cells: out.cells, names: out.names, charts: out.charts, syncs: host.syncCount() - before }) };
    },
  );
  const { busy, message } = write;
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
        <Button appearance="primary" disabled={busy} onClick={() => void write.run()} icon={busy ? <Spinner size="tiny" /> : undefined}>
          {busy ? s.write.writing : s.write.button}
        </Button>
      </div>
      {message ? (
        <MessageBar intent={message.ok ? "success" : "error"} role="status">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <ConfirmOverwrite occupied={write.occupied} onConfirm={() => void write.confirm()} onCancel={write.cancel} />
    </div>
  );
}
