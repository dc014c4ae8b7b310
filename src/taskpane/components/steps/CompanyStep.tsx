import { Field, Select } from "@fluentui/react-components";
import { useStrings } from "../../i18n";
import { OUTLOOK_YEARS } from "../../wizard/state";
import { TextField, useStyles } from "../fields";
import type { StepProps } from "./types";

export function CompanyStep({ st, update, issues }: StepProps) {
  const { s } = useStrings();
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      <TextField label={s.company.name} value={st.company} placeholder={s.company.namePlaceholder} error={issues["company.name"]} onChange={(v) => update((x) => ({ ...x, company: v }))} />
      <Field label={s.company.fy} hint={s.company.fyHint}>
        <Select value={String(st.fy)} onChange={(_, d) => update((x) => ({ ...x, fy: Number(d.value) }))}>
          {OUTLOOK_YEARS.map((fy) => (
            <option key={fy} value={fy}>
              {fy}
              {s.units.fy === "年度" ? "年度" : ""}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
