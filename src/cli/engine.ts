/**
 * The headless engine: HyperFormula (GPL-3.0, CLI and tests only) with every ALCN function registered
 * from the same catalogue the Excel wrappers use.
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue, type FunctionPluginDefinition, type ImplementedFunctions } from "hyperformula";
import { NATIVE_FUNCTIONS } from "./native/linest";
import { calcError, CATALOGUE, invoke, messageOf, ParameterStore, type CalcContext, type CellArg, type CellScalar, type FinalOutput, type FinalScalar, type FunctionSpec, type Lang } from "../core";
import type { ArgShape } from "../core/spec";

/** The parameters and language the engine's ALCN functions see (plugins are registered globally). */
export const engineContext: { lang: Lang; params: ParameterStore } = { lang: "en", params: new ParameterStore() };

const HF_ERROR: Record<string, ErrorType> = {
  VALUE: ErrorType.VALUE,
  NUM: ErrorType.NUM,
  DIV0: ErrorType.DIV_BY_ZERO,
  NA: ErrorType.NA,
};

type HfScalar = unknown;

/** Excel's spelling of HyperFormula's error types, for messages that name an error found in an input cell. */
const EXCEL_SPELLING: Partial<Record<string, string>> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.REF]: "#REF!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.CYCLE]: "#CYCLE!",
  [ErrorType.SPILL]: "#SPILL!",
  [ErrorType.ERROR]: "#ERROR!",
};

function fromHfScalar(v: HfScalar): CellScalar {
  if (v === EmptyValue || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof CellError) return { kind: "CellError", code: EXCEL_SPELLING[v.type] ?? `#${v.type}` };
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

function shapeOf(v: unknown, arg: CellArg): ArgShape {
  if (v instanceof SimpleRangeValue) return { rows: v.height(), cols: v.width(), value: arg };
  return { rows: 1, cols: 1, value: arg };
}

/**
 * Make an array result exactly the size the engine laid out (spec.resultSize): missing cells are #N/A,
 * extra cells are dropped; a single error stays one value (the engine shows it for the whole block).
 */
function fitToSize(spec: FunctionSpec, values: unknown[], out: FinalOutput): FinalOutput {
  if (!spec.resultSize || !Array.isArray(out)) return out;
  const { rows, cols } = spec.resultSize(values.map((v) => shapeOf(v, fromHfArg(v))));
  if (rows === 1 && cols === 1) return out;
  const filler: FinalScalar = calcError("NA", "statsFiller");
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => out[r]?.[c] ?? filler));
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
        const out = fitToSize(spec, values, run(spec, values));
        if (Array.isArray(out)) return SimpleRangeValue.onlyValues(out.map((r) => r.map((c) => toHfScalar(c, engineContext.lang))));
        return toHfScalar(out, engineContext.lang);
      });
    };
    if (spec.result === "array") {
      // The engine needs the result's size before evaluating it: from spec.resultSize where the size follows
      // from shapes and options, else by evaluating the arguments and running the function once more.
      proto[`${method}_size`] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
        const self = this as unknown as { evaluateAst: (a: unknown, s: unknown) => unknown; arraySizeForAst: (a: unknown, s: unknown) => ArraySize };
        const isEmpty = (a: unknown) => a && (a as { type?: string }).type === "EMPTY";
        // While a sheet is being laid out, referenced cells may not be evaluable yet: such values are unknown.
        const evaluate = (a: unknown): unknown => {
          if (isEmpty(a)) return undefined;
          try {
            return self.evaluateAst(a, state);
          } catch {
            return undefined;
          }
        };
        const values = ast.args.map(evaluate);
        let rows: number;
        let cols: number;
        if (spec.resultSize) {
          // Sized from shapes and options: the data cells may not be computed yet when the engine lays out the sheet.
          const shapes = ast.args.map((a, i) => {
            const size = isEmpty(a) ? new ArraySize(1, 1) : self.arraySizeForAst(a, state);
            let value: CellArg;
            try {
              value = fromHfArg(values[i]);
            } catch {
              value = undefined; // a range over cells not computed yet: only its shape is known
            }
            return { rows: size.height, cols: size.width, value };
          });
          ({ rows, cols } = spec.resultSize(shapes));
        } else {
          let out: FinalOutput;
          try {
            out = run(spec, values);
          } catch {
            out = calcError("NA", "statsFiller");
          }
          rows = Array.isArray(out) ? out.length : 1;
          cols = Array.isArray(out) ? (out[0]?.length ?? 1) : 1;
        }
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
  // Excel reads bare TRUE and FALSE as booleans; HyperFormula only knows TRUE() and FALSE().
  const booleans = [
    { name: "TRUE", expression: "=TRUE()" },
    { name: "FALSE", expression: "=FALSE()" },
  ];
  return HyperFormula.buildEmpty({ licenseKey: "gpl-v3", useArrayArithmetic: true, precisionRounding: 0, smartRounding: false, maxRows: 1_048_576, maxColumns: 16_384, undoLimit: 0 }, booleans);
}
