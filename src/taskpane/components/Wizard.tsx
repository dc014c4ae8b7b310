/** The allowance wizard (SPEC 5.1): seven steps, each checked before the next. */
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState, type ComponentType } from "react";
import { fmt, useStrings, type Strings } from "../i18n";
import { checkBaseline, checkCompany, checkFurnaces, checkOutlook, checkParams, checkTargets, furnaceTotals, type Issues, type WizardState } from "../wizard/state";
import { BaselineStep } from "./steps/BaselineStep";
import { CompanyStep } from "./steps/CompanyStep";
import { FurnacesStep } from "./steps/FurnacesStep";
import { ParamsStep } from "./steps/ParamsStep";
import { ResultStep } from "./steps/ResultStep";
import { TargetsStep } from "./steps/TargetsStep";
import type { StepProps } from "./steps/types";
import { WriteStep } from "./steps/WriteStep";

type StepKey = keyof Strings["steps"];

const STEPS: readonly { key: StepKey; Component: ComponentType<StepProps>; check: (st: WizardState, s: Strings) => Issues }[] = [
  { key: "company", Component: CompanyStep, check: checkCompany },
  { key: "furnaces", Component: FurnacesStep, check: checkFurnaces },
  { key: "params", Component: ParamsStep, check: checkParams },
  { key: "baseline", Component: BaselineStep, check: checkBaseline },
  { key: "targets", Component: TargetsStep, check: checkTargets },
  { key: "result", Component: ResultStep, check: checkOutlook },
  { key: "write", Component: WriteStep, check: () => ({}) },
];

const useStyles = makeStyles({
  nav: { display: "flex", flexWrap: "wrap", gap: "4px", listStyleType: "none", padding: 0, margin: "0 0 8px 0" },
  current: { fontWeight: tokens.fontWeightSemibold },
  heading: { fontSize: tokens.fontSizeBase500, margin: "4px 0 8px 0", outlineStyle: "none" },
  footer: { display: "flex", justifyContent: "space-between", marginTop: "16px", gap: "8px" },
});

export function Wizard(p: { st: WizardState; update: (fn: (st: WizardState) => WizardState) => void; step: number; setStep: (n: number) => void }) {
  const { s } = useStrings();
  const styles = useStyles();
  const { st, update, step, setStep } = p;
  const [shown, setShown] = useState<Set<number>>(new Set());
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);
  const current = STEPS[step] as (typeof STEPS)[number];
  const issues = current.check(st, s);
  const visible = shown.has(step) ? issues : {};
  const count = Object.keys(visible).length;
  const go = (n: number) => {
    if (STEPS[n]?.key === "result" && !st.outlookEdited) {
      const total = String(furnaceTotals(st).emissions);
      update((x) => ({ ...x, outlook: x.outlook.map((o) => ({ ...o, emissions: total })) }));
    }
    setStep(n);
  };
  const next = () => {
    if (Object.keys(issues).length > 0) {
      setShown((x) => new Set(x).add(step));
      return;
    }
    go(step + 1);
  };
  // A step can be reached directly once every step before it passes its checks.
  const reachable = (n: number) => STEPS.slice(0, n).every((x) => Object.keys(x.check(st, s)).length === 0);
  const { Component } = current;
  return (
    <div>
      <nav aria-label={fmt(s.stepOf, { n: step + 1, total: STEPS.length })}>
        <ol className={styles.nav}>
          {STEPS.map((x, i) => (
            <li key={x.key}>
              <Button
                size="small"
                appearance={i === step ? "primary" : "subtle"}
                aria-current={i === step ? "step" : undefined}
                disabled={i !== step && !reachable(i)}
                onClick={() => go(i)}
              >
                {i + 1}. {s.steps[x.key]}
              </Button>
            </li>
          ))}
        </ol>
      </nav>
      <h2 ref={heading} tabIndex={-1} className={styles.heading}>
        {fmt(s.stepOf, { n: step + 1, total: STEPS.length })}: {s.steps[current.key]}
      </h2>
      {count > 0 ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{fmt(s.fixBeforeNext, { count })}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Component st={st} update={update} issues={visible} />
      <div className={styles.footer}>
        <Button disabled={step === 0} onClick={() => go(step - 1)}>
          {s.back}
        </Button>
        {step < STEPS.length - 1 ? (
          <Button appearance="primary" onClick={next}>
            {s.next}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
