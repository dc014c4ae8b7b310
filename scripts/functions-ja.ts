/**
 * functions-ja.json from the functions.json the metadata plugin generated and the core catalogue.
 *
 * Same ids and function names (names stay English: formulas the taskpane writes with `range.formulas`
 * must resolve in every Excel language), Japanese function descriptions, parameter names and parameter
 * descriptions taken from each FunctionSpec. Used by webpack.config.js (through tsx) and by the tests.
 */
import type { FunctionSpec } from "../src/core/spec";

/** The parts of a custom-functions metadata parameter this generator reads or rewrites. */
export interface MetadataParameter {
  name: string;
  description?: string;
  [key: string]: unknown;
}

/** The parts of a custom-functions metadata function this generator reads or rewrites. */
export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters?: MetadataParameter[];
  [key: string]: unknown;
}

export interface FunctionsMetadata {
  functions: MetadataFunction[];
  [key: string]: unknown;
}

/** Hiragana, katakana or CJK ideographs: a translated text has at least one. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;

export function hasJapanese(text: string | undefined): boolean {
  return text !== undefined && JAPANESE.test(text);
}

/** Thrown with every problem found (not just the first), so one build run lists all missing translations. */
export class TranslationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`functions-ja.json cannot be generated:\n  - ${problems.join("\n  - ")}`);
    this.name = "TranslationError";
  }
}

/**
 * Translate the generated en-US metadata into ja-JP. Throws a TranslationError when a function id has no
 * spec in the catalogue, a parameter is not declared by its spec, or a Japanese text is missing.
 */
export function japaneseMetadata(metadata: FunctionsMetadata, catalogue: readonly FunctionSpec[]): FunctionsMetadata {
  const byName = new Map(catalogue.map((spec) => [spec.name.toUpperCase(), spec]));
  const problems: string[] = [];

  const functions = metadata.functions.map((fn): MetadataFunction => {
    const spec = byName.get(fn.id.toUpperCase());
    if (!spec) {
      problems.push(`${fn.id}: no FunctionSpec in src/core/catalogue.ts`);
      return fn;
    }
    if (!hasJapanese(spec.description.ja)) problems.push(`${fn.id}: description.ja is missing or not Japanese`);
    const parameters = fn.parameters?.map((p): MetadataParameter => {
      const arg = spec.args.find((a) => a.name === p.name);
      if (!arg) {
        problems.push(`${fn.id}(${p.name}): parameter not declared in the spec's args`);
        return p;
      }
      if (arg.ja.trim() === "") problems.push(`${fn.id}(${p.name}): ja parameter name is empty`);
      if (!hasJapanese(arg.description.ja)) problems.push(`${fn.id}(${p.name}): description.ja is missing or not Japanese`);
      return { ...p, name: arg.ja, description: arg.description.ja };
    });
    const translated: MetadataFunction = { ...fn, description: spec.description.ja };
    if (parameters) translated.parameters = parameters;
    return translated;
  });

  if (problems.length > 0) throw new TranslationError(problems);
  return { ...metadata, functions };
}

/** Catalogue functions that have no Excel wrapper (reported as build warnings, failed by the tests). */
export function missingFromMetadata(metadata: FunctionsMetadata, catalogue: readonly FunctionSpec[]): string[] {
  const ids = new Set(metadata.functions.map((f) => f.id.toUpperCase()));
  return catalogue.map((s) => s.name).filter((name) => !ids.has(name.toUpperCase()));
}
