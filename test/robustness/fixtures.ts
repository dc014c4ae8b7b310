/**
 * Shared fixtures of the robustness suite: one valid call per catalogue function (the baseline each bad
 * input is substituted into) and the catalogue of bad inputs.
 */
import type { CellArg } from "../../src/core";

const col = (...v: number[]): number[][] => v.map((x) => [x]);
const row = (...v: (number | string | null)[]): (number | string | null)[][] => [v];

/** A valid call of every function, every argument given, so that each position is exercised. */
export const BASELINE: Record<string, CellArg[]> = {
  INTENSITY: [100, 50],
  REGFIT: [col(1, 2, 3.1, 3.9, 5.2), col(1, 2, 3, 4, 5), "linear", col(1, 2, 1, 2, 1), false, true],
  REGPREDICT: [row(2), row(1, 0.5), "linear"],
  CORRFACTOR: [10, 5, row(1, 0.1, 0.2), 12, 6, "linear"],
  COMPANYCF: [col(10, 12), col(5, 6), col(100, 200), row(1, 0.1, 0.2), 12, 6, "linear"],
  UPINTENSITY: [100, 50, 1.1],
  TARGET: [col(1, 2, 3, 4), 50, col(10, 20, 30, 40), "activity"],
  BMPATH: [10, 8, 2027, 2025, 2030],
  BASEACTIVITY: [row(100, 110, 120), row("normal", "none", "opening"), 200],
  REBASE: [100, 110, 120, 7.5],
  ALLOWANCE: [10, 100, 1.1, 5, 200, "none"],
  "ALLOWANCE.UP": [10, 100, 1.1],
  "ALLOWANCE.DOWN": [5, 200],
  BALANCE: [100, 90, 5],
  PRICEBAND: [2027, "upper"],
  PARAM: ["bm.final_pct", "meti-al-2025-10-draft"],
  EDITION: ["benchmark"],
  FUELCO2: [100, "A重油", "shk-2024"],
  FUELGJ: [100, "A重油", "shk-2024"],
  FACTOR: ["A重油", "gj", "shk-2024"],
  TOCRUDE: [1000],
  FROMCRUDE: [25.8],
  ELECCO2: [1000, 0.441],
  CHANGERATE: [90, 100],
  PROGRESS: [100, 90, 80],
  COVERAGE: [80, 120, 20],
  DECOMPOSE: [100, 40, 80, 200, 80, 160, "lmdi"],
  ROLLINGQTY: [100, 200, 0.4, 0.25, 1, -0.5],
  WAVG: [row(1, 2, 3), row(1, 1, 2)],
  RECYCLEDSAVING: [1000, 12.71, 0.303],
  INGOTCO2: [100, 50, 12.71, 0.303],
};

/** The bad inputs of issue 9, each substituted at one argument position. */
export const BAD_INPUTS: readonly { readonly key: string; readonly value: CellArg }[] = [
  { key: "missing", value: undefined },
  { key: "text", value: "abc" },
  { key: "fullwidth", value: "１２３" },
  { key: "thousands", value: "1,234" },
  { key: "TRUE", value: true },
  { key: "FALSE", value: false },
  { key: "error", value: { kind: "CellError", code: "#REF!" } },
  { key: "negative", value: -5 },
  { key: "zero", value: 0 },
  { key: "huge", value: 1e308 },
  { key: "tiny", value: 1e-308 },
  { key: "NaN", value: Number.NaN },
  { key: "Infinity", value: Number.POSITIVE_INFINITY },
  { key: "ragged", value: [[1, 2], [3]] },
  { key: "block2x2", value: [[1, 2], [3, 4]] },
  { key: "blankInRange", value: [[1], [null], [3]] },
  { key: "textInRange", value: [[1], ["abc"], [3]] },
  { key: "errorInRange", value: [[1], [{ kind: "CellError", code: "#N/A" }], [3]] },
  { key: "emptyRange", value: [] },
  { key: "emptyRow", value: [[]] },
  { key: "oneByOne", value: [[7]] },
  { key: "longer", value: [[1], [2], [3], [4], [5], [6], [7]] },
];
