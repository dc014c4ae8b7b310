/**
 * Formula builder (SPEC 5.2): search the catalogue (ja/en), read a function's meaning, fill each argument
 * from the selection, preview the result with the core, and insert the formula into the selected cell —
 * showing what is there and asking before overwriting a non-empty cell. Inserting writes that cell's
 * formula only (host.writeFormula): its number format stays and no sheet is activated.
 */
import { Button, Dialog, mergeClasses, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { CATALOGUE, functionSpec, invoke, ParameterStore, type FunctionSpec } from "../../../core";
import { display, parseFormula } from "../../../core/audit";
import { failureText, fmt, useStrings } from "../../i18n";
import { useStyles } from "../fields";
import { displayCell, evaluateCall, firstCell, usePanelActions, type PanelActions } from "../audit/actions";
import { usePanelStrings } from "../audit/strings";
import { buildFormula, searchFunctions } from "./model";

const local = makeStyles({
  list: { display: "flex", flexDirection: "column", maxHeight: "220px", overflowY: "auto", border: `1px solid ${tokens.colorNeutralStroke2}`, marginTop: "4px" },
  item: { justifyContent: "flex-start", textAlign: "left", minHeight: "auto", padding: "4px 8px" },
  chosen: { backgroundColor: tokens.colorNeutralBackground1Selected },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: "break-all" },
  arg: { display: "flex", columnGap: "6px", alignItems: "flex-end", marginTop: "6px" },
  grow: { flexGrow: 1 },
});

const defaultParams = new ParameterStore();

export interface FormulaBuilderProps {
  readonly actions?: PanelActions;
  readonly params?: ParameterStore;
}

interface Occupied {
  readonly sheet: string;
  readonly address: string;
  readonly current: string;
  readonly formula: string;
}

export function FormulaBuilder(props: FormulaBuilderProps) {
  const actions = usePanelActions(props.actions);
  const { lang, p } = usePanelStrings();
  const { s: pane } = useStrings();
  const t = p.builder;
  // what the workbook refused (a locked cell, cell-edit mode) in the pane's words; any other failure as it is
  const failText = (e: unknown): string => failureText(pane, lang, e, t.error);
  const styles = useStyles();
  const css = local();
  const params = props.params ?? defaultParams;
  const [query, setQuery] = useState("");
  const [name, setName] = useState<string | undefined>(undefined);
  const [args, setArgs] = useState<string[]>([]);
  const [argSheets, setArgSheets] = useState<(string | undefined)[]>([]);
  const [preview, setPreview] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<{ text: string; intent: "success" | "error" | "warning" } | undefined>(undefined);
  const [occupied, setOccupied] = useState<Occupied | undefined>(undefined);

  const matches = useMemo(() => searchFunctions(CATALOGUE, query, lang), [query, lang]);
  const spec: FunctionSpec | undefined = name ? functionSpec(name) : undefined;

  const choose = (f: FunctionSpec) => {
    setName(f.name);
    setArgs(f.args.map(() => ""));
    setArgSheets(f.args.map(() => undefined));
    setPreview(undefined);
    setMessage(undefined);
  };

  const setArg = (i: number, text: string, sheet?: string) => {
    setArgs((a) => a.map((x, k) => (k === i ? text : x)));
    setArgSheets((a) => a.map((x, k) => (k === i ? sheet : x)));
    setPreview(undefined);
  };

  /** The formula as it will be written into a cell on `targetSheet`. */
  const formulaFor = (targetSheet: string | undefined): string | undefined => (spec ? buildFormula(spec, args, argSheets, targetSheet) : undefined);

  const missing = (): string[] => (spec ? spec.args.filter((a, i) => !a.optional && (args[i] ?? "").trim() === "").map((a) => (lang === "ja" ? a.ja : a.name)) : []);

  const useSelection = async (i: number) => {
    try {
      const sel = await actions.getSelection();
      setArg(i, sel.address.replace(/\$/g, ""), sel.sheet);
    } catch (e) {
      setMessage({ intent: "error", text: failText(e) });
    }
  };

  const runPreview = async () => {
    if (!spec) return;
    setMessage(undefined);
    const miss = missing();
    if (miss.length) {
      setMessage({ intent: "warning", text: fmt(t.missing, { list: miss.join(", ") }) });
      return;
    }
    try {
      const sel = await actions.getSelection();
      const formula = formulaFor(sel.sheet) as string;
      const parsed = parseFormula(formula);
      if (!parsed.ok) {
        setPreview(`${formula} — ${parsed.reason}`);
        return;
      }
      const { values, unevaluated } = await evaluateCall(parsed, actions, sel.sheet, { lang, params });
      if (unevaluated.length) {
        setPreview(p.audit.notEvaluated);
        return;
      }
      setPreview(display(invoke(spec, values, { lang, params }), lang));
    } catch (e) {
      setMessage({ intent: "error", text: failText(e) });
    }
  };

  const write = async (sheet: string, address: string, formula: string) => {
    await actions.insertFormula(sheet, address, formula);
    setMessage({ intent: "success", text: fmt(t.inserted, { cell: displayCell(sheet, address) }) });
  };

  const insert = async () => {
    if (!spec) return;
    setMessage(undefined);
    const miss = missing();
    if (miss.length) {
      setMessage({ intent: "warning", text: fmt(t.missing, { list: miss.join(", ") }) });
      return;
    }
    try {
      const sel = await actions.getSelection();
      const address = firstCell(sel.address);
      const formula = formulaFor(sel.sheet) as string;
      const f = sel.formulas[0]?.[0];
      const v = sel.values[0]?.[0];
      const current = typeof f === "string" && f.startsWith("=") ? f : v === null || v === undefined || v === "" ? "" : String(v);
      if (current !== "") {
        setOccupied({ sheet: sel.sheet, address, current, formula });
        return;
      }
      await write(sel.sheet, address, formula);
    } catch (e) {
      setMessage({ intent: "error", text: failText(e) });
    }
  };

  const shownFormula = formulaFor(undefined);

  return (
    <section aria-label={t.title}>
      <p className={styles.hint}>{t.intro}</p>
      <Field label={t.search}>
        <Input value={query} onChange={(_, d) => setQuery(d.value)} />
      </Field>
      <div className={css.list} role="listbox" aria-label={t.search}>
        {matches.length === 0 ? <div className={styles.hint}>{t.none}</div> : null}
        {matches.map((f) => (
          <Button
            key={f.name}
            role="option"
            aria-selected={f.name === name}
            appearance="subtle"
            className={mergeClasses(css.item, f.name === name ? css.chosen : undefined)}
            onClick={() => choose(f)}
          >
            <span>
              <strong>{f.name}</strong> — {f.description[lang]}
            </span>
          </Button>
        ))}
      </div>

      {spec ? (
        <div data-testid="builder-function">
          <h3>ALCN.{spec.name}</h3>
          <p>{spec.description[lang]}</p>
          {spec.args.map((a, i) => (
            <div key={a.name} className={css.arg}>
              <Field
                className={css.grow}
                label={`${lang === "ja" ? a.ja : a.name}${a.optional ? `（${t.optional}）` : ""}`}
                hint={a.description[lang]}
              >
                <Input value={args[i] ?? ""} onChange={(_, d) => setArg(i, d.value)} />
              </Field>
              <Button onClick={() => void useSelection(i)} aria-label={`${t.useSelection}: ${lang === "ja" ? a.ja : a.name}`}>
                {t.useSelection}
              </Button>
            </div>
          ))}
          <p>
            {t.formula}: <code className={css.code} data-testid="builder-formula">{shownFormula}</code>
          </p>
          <div className={styles.row}>
            <Button onClick={() => void runPreview()}>{t.preview}</Button>
            <Button appearance="primary" onClick={() => void insert()}>
              {t.insert}
            </Button>
          </div>
          {preview !== undefined ? (
            <p>
              {t.previewResult}: <strong data-testid="builder-preview">{preview}</strong>
            </p>
          ) : null}
        </div>
      ) : null}

      {message ? (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      ) : null}

      <Dialog open={occupied !== undefined} modalType="alert" onOpenChange={(_, d) => (d.open ? undefined : setOccupied(undefined))}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.confirmTitle}</DialogTitle>
            <DialogContent>
              <p>{occupied ? fmt(t.confirmBody, { cell: displayCell(occupied.sheet, occupied.address) }) : ""}</p>
              <code className={css.code}>{occupied?.current}</code>
              <p>
                → <code className={css.code}>{occupied?.formula}</code>
              </p>
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  const o = occupied;
                  setOccupied(undefined);
                  if (o) void write(o.sheet, o.address, o.formula).catch((e: unknown) => setMessage({ intent: "error", text: failText(e) }));
                }}
              >
                {t.overwrite}
              </Button>
              <Button onClick={() => setOccupied(undefined)}>{t.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
