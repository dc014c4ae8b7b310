import { Button, Field, MessageBar, MessageBarBody, Select, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { ParameterStore } from "../../../core";
import { fmt, useStrings } from "../../i18n";
import { fitFromTable, fittedFields } from "../../wizard/compute";
import type { SimpleForm, WizardState } from "../../wizard/state";
import { TextField, useStyles } from "../fields";
import type { StepProps } from "./types";

const FORMS: readonly SimpleForm[] = ["power", "linear", "log"];
const editions = new ParameterStore();

/** Pick an edition; where it publishes the regression, its values fill the fields (the user can still edit them). */
function withEdition(st: WizardState, id: string): WizardState {
  const v = editions.edition(id)?.values ?? {};
  const coefs = v["bm.reg.coefs"]?.value;
  const form = v["bm.reg.form"]?.value;
  const size = v["bm.reg.avg_size"]?.value;
  const charges = v["bm.reg.avg_charges"]?.value;
  return {
    ...st,
    edition: id,
    ...(Array.isArray(coefs) ? { coefs: coefs.join("\t") } : {}),
    ...(form === "linear" || form === "log" || form === "power" ? { form } : {}),
    ...(typeof size === "number" ? { avgSize: String(size) } : {}),
    ...(typeof charges === "number" ? { avgCharges: String(charges) } : {}),
    ...(Array.isArray(coefs) ? { source: editions.edition(id)?.title.ja ?? id } : {}),
  };
}

export function ParamsStep({ st, update, issues }: StepProps) {
  const { s, lang } = useStrings();
  const styles = useStyles();
  const [fitMsg, setFitMsg] = useState<{ ok: boolean; text: string } | undefined>();
  const benchmarkEditions = editions.editionIds("benchmark");
  const runFit = () => {
    const r = fitFromTable(st.fitTable, st.form, lang);
    if (!r.ok) {
      setFitMsg({ ok: false, text: r.reason === "tooFew" ? fmt(s.params.fitTooFew, { n: r.n }) : r.reason });
      return;
    }
    update((x) => ({ ...x, ...fittedFields(r), source: `REGFIT (${r.n})` }));
    setFitMsg({ ok: true, text: fmt(s.params.fitDone, { n: r.n }) });
  };
  return (
    <div className={styles.stack}>
      <MessageBar intent="warning">
        <MessageBarBody>{s.params.intro}</MessageBarBody>
      </MessageBar>
      <Field label={s.params.edition}>
        <Select value={st.edition} onChange={(_, d) => update((x) => withEdition(x, d.value))}>
          {benchmarkEditions.map((id) => (
            <option key={id} value={id}>
              {editions.edition(id)?.title[lang] ?? id}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={s.params.form}>
        <Select value={st.form} onChange={(_, d) => update((x) => ({ ...x, form: d.value as SimpleForm }))}>
          {FORMS.map((f) => (
            <option key={f} value={f}>
              {s.params.forms[f]}
            </option>
          ))}
        </Select>
      </Field>
      <TextField label={s.params.coefs} value={st.coefs} error={issues["params.coefs"]} onChange={(v) => update((x) => ({ ...x, coefs: v }))} />
      <div className={styles.row}>
        <TextField label={s.params.avgSize} unit={s.units.t} numeric value={st.avgSize} error={issues["params.avgSize"]} onChange={(v) => update((x) => ({ ...x, avgSize: v }))} />
        <TextField label={s.params.avgCharges} unit={s.units.perHour} numeric value={st.avgCharges} error={issues["params.avgCharges"]} onChange={(v) => update((x) => ({ ...x, avgCharges: v }))} />
      </div>
      <TextField label={s.params.source} value={st.source} placeholder={s.params.sourcePlaceholder} onChange={(v) => update((x) => ({ ...x, source: v }))} />
      <h3>{s.params.fitTitle}</h3>
      <Field label={s.params.fitPaste}>
        <Textarea rows={3} resize="vertical" value={st.fitTable} textarea={{ style: { fontFamily: "monospace" } }} onChange={(_, d) => update((x) => ({ ...x, fitTable: d.value }))} />
      </Field>
      <div className={styles.row}>
        <Button onClick={runFit}>{s.params.fitRun}</Button>
      </div>
      {fitMsg ? (
        <MessageBar intent={fitMsg.ok ? "success" : "error"}>
          <MessageBarBody>{fitMsg.text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
