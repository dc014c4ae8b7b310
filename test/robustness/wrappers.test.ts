/**
 * The Excel wrappers (src/functions/<family>.ts) pass every argument, in order, to callFromExcel: each
 * wrapper called with the baseline and with a bad input at each position (as Excel passes them) gives
 * exactly what callFromExcel gives for the same function name. Catches a dropped or swapped argument that
 * the catalogue test (which calls callFromExcel directly) cannot see.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CATALOGUE, type CellArg } from "../../src/core";
import * as benchmark from "../../src/functions/benchmark";
import * as circular from "../../src/functions/circular";
import * as emissions from "../../src/functions/emissions";
import * as followup from "../../src/functions/followup";
import { callFromExcel } from "../../src/functions/runtime";
import { asExcelArg, installCustomFunctions, removeCustomFunctions } from "./excel-standin";
import { BAD_INPUTS, BASELINE } from "./fixtures";

type Wrapper = (...args: unknown[]) => unknown;
const MODULES: Record<string, Record<string, unknown>> = { benchmark, circular, emissions, followup };

/** Function name → wrapper, from each file's "@customfunction NAME … export function wrapper(" pairs. */
function wrappers(): Map<string, Wrapper> {
  const out = new Map<string, Wrapper>();
  for (const [file, mod] of Object.entries(MODULES)) {
    const src = readFileSync(join(__dirname, `../../src/functions/${file}.ts`), "utf8");
    for (const m of src.matchAll(/@customfunction\s+([A-Z0-9.]+)[\s\S]*?export function (\w+)\(/g)) {
      const fn = mod[m[2] as string];
      if (typeof fn === "function") out.set(m[1] as string, fn as Wrapper);
    }
  }
  return out;
}

const SAMPLE = BAD_INPUTS.filter((b) => ["missing", "text", "error", "negative", "zero", "oneByOne", "block2x2"].includes(b.key));

beforeAll(installCustomFunctions);
afterAll(removeCustomFunctions);

describe("Excel wrappers pass their arguments through unchanged", () => {
  const found = wrappers();

  it("exist for every catalogue function", () => {
    expect(CATALOGUE.map((f) => f.name).filter((n) => !found.has(n))).toEqual([]);
  });

  it.each(CATALOGUE.map((f) => ({ name: f.name, f })))("$name", ({ name, f }) => {
    const wrapper = found.get(name);
    if (!wrapper) return;
    const base = BASELINE[name] ?? [];
    const calls: CellArg[][] = [[...base]];
    f.args.forEach((_, i) =>
      SAMPLE.forEach((s) => {
        const args = [...base];
        args[i] = s.value;
        calls.push(args);
      }),
    );
    // Distinct values at each position, so a swap of two arguments changes the answer.
    for (const args of calls) {
      const excel = args.map(asExcelArg);
      expect(wrapper(...excel)).toStrictEqual(callFromExcel(name, excel));
    }
  });
});
