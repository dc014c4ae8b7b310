/** Public surface of the pure calculation library. */
export { CATALOGUE, functionSpec } from "./catalogue";
export { invoke, type CalcContext, type FunctionSpec, type ArgSpec, type Text } from "./spec";
export { ParameterStore } from "./parameters";
export { EXCEL_CODE, messageOf, isCalcError, calcError, type CalcError, type ErrorCode, type Lang } from "./errors";
export type { CellArg, CellScalar, CellMatrix, FinalOutput, FinalScalar } from "./values";
