/** Workbook plans: pure descriptions of the generated workbooks (allowance, follow-up), rendered by the taskpane host and the CLI. */
import { buildAllowancePlan, type AllowanceInputs, type AllowancePlan } from "./allowance";
import { DEMO_ALLOWANCE, DEMO_FOLLOWUP, DEMO_INDUSTRY } from "./demo";
import { buildFollowupPlan, type FollowupInputs } from "./followup";
import type { Lang, WorkbookMode } from "./plan";

export * from "./plan";
export * from "./allowance";
export * from "./followup";
export * from "./industry";
export { DEMO_ALLOWANCE, DEMO_FOLLOWUP, DEMO_INDUSTRY } from "./demo";
export { SHEET_NAMES, sheetName, modeStatement } from "./labels";

/** The template workbook: the allowance workbook (with the demo industry fit) followed by the follow-up sheet. */
export function buildTemplatePlan(
  options: { mode: WorkbookMode; lang: Lang },
  allowance: AllowanceInputs = { ...DEMO_ALLOWANCE, industry: DEMO_INDUSTRY },
  followup: FollowupInputs = DEMO_FOLLOWUP,
): AllowancePlan {
  const plan = buildAllowancePlan(allowance, options);
  const f = buildFollowupPlan(followup, options);
  return { ...plan, sheets: [...plan.sheets, f.sheet] };
}
