import type { FunctionSpec } from "../spec";
import { DECOMPOSE } from "./decompose";
import { ROLLINGQTY, WAVG } from "./quantities";
import { CHANGERATE, COVERAGE, PROGRESS } from "./rates";

/** SPEC 3.3: carbon-neutral action plan follow-up. */
export const FOLLOWUP_FUNCTIONS: readonly FunctionSpec[] = [CHANGERATE, PROGRESS, COVERAGE, DECOMPOSE, ROLLINGQTY, WAVG];
