/** Input checks (SPEC 5.5): findings with severity, cell, message (ja/en) and a suggested fix. */
export { runChecks, tableCount, numberFromText, type CheckOptions, type CheckTable, type Finding, type FindingKind, type Severity } from "./run";
export { roleOf, headerRoles, type ColumnRole } from "./columns";
export { median, studentisedResiduals, type ResidualFit } from "./outliers";
