/**
 * The headless engine: HyperFormula (GPL-3.0, CLI and tests only) with every ALCN function registered
 * from the same catalogue the Excel wrappers use.
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue, type FunctionPluginDefinition, type ImplementedFunctions } from "hyperformula";
import { NATIVE_FUNCTIONS } from "./native/linest";
import { CATALOGUE, invoke, messageOf, ParameterStore, type CalcContext, type CellArg, type CellScalar, type FinalOutput, type FinalScalar, type FunctionSpec, type Lang } from "../core";

/** The parameters and language the engine's ALCN functions see (plugins are registered globally). */
export const engineContext: { lang: Lang; params: ParameterStore } = { lang: "en", params: new ParameterStore() };

const HF_ERROR: Record<string, ErrorType> = {
  VALUE: ErrorType.VALUE,
  NUM: ErrorType.NUM,
  DIV0: ErrorType.DIV_BY_ZERO,
  NA: ErrorType.NA,
};

type HfScalar = unknown;

function fromHfScalar(v: HfScalar): CellScalar {
  if (v === EmptyValue || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof CellError) return { kind: "CellError", code: `#${v.type}` };
  if (typeof v === "object" && "val" in (v as object)) return (v as { val: number }).val;
  return String(v);
}

function fromHfArg(v: unknown): CellArg {
  if (v === undefined) return undefined;
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(fromHfScalar));
  return fromHfScalar(v);
}

function toHfScalar(v: FinalScalar, lang: Lang): number | string | boolean | CellError {
  if (typeof v === "object") return new CellError(HF_ERROR[v.code] ?? ErrorType.VALUE, messageOf(v, lang));
  return v;
}

function methodName(fullName: string): string {
  return fullName.startsWith("ALCN.") ? `alcn_${fullName.slice(5).replace(/\./g, "_")}` : `native_${fullName.replace(/\./g, "_")}`;
}

/** Every function the engine registers: the ALCN catalogue, and the Excel functions HyperFormula lacks (LINEST, LOGEST). */
const ENGINE_FUNCTIONS: readonly (readonly [string, FunctionSpec])[] = [
  ...CATALOGUE.map((s) => [`ALCN.${s.name}`, s] as const),
  ...NATIVE_FUNCTIONS.map((s) => [s.name, s] as const),
];

function run(spec: FunctionSpec, values: unknown[]): FinalOutput {
  const ctx: CalcContext = engineContext;
  return invoke(spec, values.map(fromHfArg), ctx);
}

/** The HyperFormula plugin class carrying every ALCN function of the catalogue. */
function buildPlugin(): FunctionPluginDefinition {
  class AlcnPlugin extends FunctionPlugin {
    static override implementedFunctions: ImplementedFunctions = {};
  }
  const proto = AlcnPlugin.prototype as unknown as Record<string, unknown>;
  for (const [fullName, spec] of ENGINE_FUNCTIONS) {
    const method = methodName(fullName);
    const parameters = spec.args.map(() => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true }));
    AlcnPlugin.implementedFunctions[fullName] = {
      method,
      parameters,
      vectorizationForbidden: true,
      ...(spec.result === "array" ? { sizeOfResultArrayMethod: `${method}_size` } : {}),
    };
    proto[method] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      const self = this as unknown as { runFunction: (...a: unknown[]) => unknown; metadata: (n: string) => unknown };
      return self.runFunction(ast.args, state, self.metadata(fullName), (...values: unknown[]) => {
        const out = run(spec, values);
        if (Array.isArray(out)) return SimpleRangeValue.onlyValues(out.map((r) => r.map((c) => toHfScalar(c, engineContext.lang))));
        return toHfScalar(out, engineContext.lang);
      });
    };
    if (spec.result === "array") {
      // The engine needs the result's size before evaluating it; ALCN sizes depend on argument values,
      // so the arguments are evaluated and the function is run once here as well.
      proto[`${method}_size`] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
        const self = this as unknown as { evaluateAst: (a: unknown, s: unknown) => unknown };
        const values = ast.args.map((a) => (a && (a as { type?: string }).type === "EMPTY" ? undefined : self.evaluateAst(a, state)));
        const out = run(spec, values);
        const rows = Array.isArray(out) ? out.length : 1;
        const cols = Array.isArray(out) ? (out[0]?.length ?? 1) : 1;
        // HyperFormula calls methods on the size (isScalar), so it must be a real ArraySize.
        return new ArraySize(cols, rows);
      };
    }
  }
  return AlcnPlugin;
}

let registered = false;

/** Register the ALCN plugin (and the native functions HyperFormula lacks) once per process. */
export function registerAlcn(): void {
  if (registered) return;
  const plugin = buildPlugin();
  const names = Object.keys(plugin.implementedFunctions);
  const translations = { enGB: Object.fromEntries(names.map((n) => [n, n])) };
  HyperFormula.registerFunctionPlugin(plugin, translations);
  registered = true;
}

/** A fresh engine with ALCN registered. */
export function createEngine(): HyperFormula {
  registerAlcn();
  // Excel's grid (HyperFormula's defaults are 40 000 rows), so any cell of a real workbook can be loaded.
  return HyperFormula.buildEmpty({ licenseKey: "gpl-v3", useArrayArithmetic: true, precisionRounding: 0, smartRounding: false, maxRows: 1_048_576, maxColumns: 16_384, undoLimit: 0 });
}
