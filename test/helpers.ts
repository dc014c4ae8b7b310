/** Test helpers: run a catalogue function on raw cell values as Excel or the CLI would pass them. */
import { functionSpec, invoke, ParameterStore, type CellArg, type FinalOutput } from "../src/core";

export function call(name: string, ...args: CellArg[]): FinalOutput {
  const spec = functionSpec(name);
  if (!spec) throw new Error(`no function ${name}`);
  return invoke(spec, args, { lang: "en", params: new ParameterStore() });
}

/** The Excel error code of a result, or undefined if it is not an error. */
export function codeOf(v: FinalOutput): string | undefined {
  return typeof v === "object" && !Array.isArray(v) ? v.code : undefined;
}
