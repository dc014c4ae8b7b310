import type { FunctionSpec } from "../spec";
import { INTENSITY } from "./intensity";
import { REGFIT, REGPREDICT } from "./regression";
import { ALLOWANCE, ALLOWANCE_DOWN, ALLOWANCE_UP } from "./allowance";
import { BALANCE } from "./balance";
import { BASEACTIVITY, REBASE } from "./baseline";
import { COMPANYCF, CORRFACTOR, UPINTENSITY } from "./correction";
import { EDITION, PARAM } from "./parameters-fn";
import { BMPATH } from "./bmpath";
import { PRICEBAND } from "./price";
import { TARGET } from "./target";

/** SPEC 3.1 and 3.5: the benchmark and parameter functions. */
export const BENCHMARK_FUNCTIONS: readonly FunctionSpec[] = [
  INTENSITY,
  REGFIT,
  REGPREDICT,
  CORRFACTOR,
  COMPANYCF,
  UPINTENSITY,
  TARGET,
  BMPATH,
  BASEACTIVITY,
  REBASE,
  ALLOWANCE,
  ALLOWANCE_UP,
  ALLOWANCE_DOWN,
  BALANCE,
  PRICEBAND,
  PARAM,
  EDITION,
];
