/** The audit: read an ALCN formula, explain it, recompute it independently. */
export { parseFormula, evaluateArg, alcnName, type ParsedFormula, type Expr, type ArgNode, type CellRef, type EvalValue, type CallEvaluator } from "./formula";
export { explain, display, EXPLAINERS, CHECKED_FUNCTIONS, type Explanation, type ExplainedArg, type ExplainOptions, type CheckStatus, type UsedParameter } from "./explain";
export type { AuditStep, Explainer, PlainEnv, PlainResult } from "./types";
