/** Small building blocks: a labelled input with its unit and its own error message. */
import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useStrings } from "../i18n";
import type { Issues } from "../wizard/state";

export const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: "12px" },
  row: { display: "flex", columnGap: "8px", alignItems: "flex-end", flexWrap: "wrap" },
  table: { borderCollapse: "collapse", width: "100%" },
  fixed: { tableLayout: "fixed" },
  th: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, padding: "2px 4px", fontSize: tokens.fontSizeBase200, verticalAlign: "bottom" },
  td: { padding: "2px 4px", verticalAlign: "top" },
  unit: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  cellInput: { minWidth: 0, width: "100%", boxSizing: "border-box" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", padding: "2px 6px" },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface TextFieldProps {
  readonly label: string;
  readonly unit?: string;
  readonly value: string;
  readonly onChange: (v: string) => void;
  readonly error?: string;
  readonly hint?: string;
  readonly placeholder?: string;
  readonly numeric?: boolean;
}

/** A Fluent Field + Input; the unit is part of the label and shown after the value. */
export function TextField(p: TextFieldProps) {
  const { s } = useStrings();
  const label = p.unit ? `${p.label}${s.u(p.unit)}` : p.label;
  return (
    <Field label={label} validationMessage={p.error ?? p.hint} validationState={p.error ? "error" : "none"}>
      <Input
        value={p.value}
        placeholder={p.placeholder}
        inputMode={p.numeric ? "decimal" : undefined}
        contentAfter={p.unit ? <span aria-hidden="true">{p.unit}</span> : undefined}
        onChange={(_, d) => p.onChange(d.value)}
      />
    </Field>
  );
}

/** An input inside a table cell: labelled for screen readers and tests, message under it. */
export function CellInput(p: { label: string; value: string; onChange: (v: string) => void; error?: string; numeric?: boolean; width?: string; describedBy?: string; invalid?: boolean }) {
  const styles = useStyles();
  return (
    <div>
      <Input
        className={styles.cellInput}
        aria-label={p.label}
        aria-invalid={p.error || p.invalid ? true : undefined}
        aria-describedby={p.describedBy}
        style={{ ...(p.width ? { width: p.width } : {}), ...(p.invalid ? { borderColor: tokens.colorPaletteRedBorder2 } : {}) }}
        value={p.value}
        inputMode={p.numeric ? "decimal" : undefined}
        input={{ style: { minWidth: 0, width: "100%", ...(p.numeric ? { textAlign: "right" as const } : {}) } }}
        onChange={(_, d) => p.onChange(d.value)}
      />
      {p.error ? (
        <div role="alert" className={styles.error}>
          {p.error}
        </div>
      ) : null}
    </div>
  );
}

export function issueCount(issues: Issues): number {
  return Object.keys(issues).length;
}
