import type { Issues, WizardState } from "../../wizard/state";

export interface StepProps {
  readonly st: WizardState;
  readonly update: (fn: (st: WizardState) => WizardState) => void;
  /** Shown only after the user tried to leave the step (or pasted). */
  readonly issues: Issues;
}
