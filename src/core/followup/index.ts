import type { FunctionSpec } from "../spec";
import { CHANGERATE, PROGRESS } from "./rates";

/** SPEC 3.3: carbon-neutral action plan follow-up. */
export const FOLLOWUP_FUNCTIONS: readonly FunctionSpec[] = [CHANGERATE, PROGRESS];
