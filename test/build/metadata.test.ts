/**
 * functions.json and functions-ja.json against the catalogue: the JSDoc wrappers in src/functions must
 * register every FunctionSpec with the same id, parameter names and English descriptions, and the ja-JP
 * file must carry Japanese text for every description and parameter.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { join } from "path";
import { CATALOGUE } from "../../src/core/catalogue";
import type { FunctionSpec } from "../../src/core/spec";
import { hasJapanese, japaneseMetadata, missingFromMetadata, TranslationError, type FunctionsMetadata } from "../../scripts/functions-ja";

const ROOT = join(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FUNCTION_FILES } = require("../../webpack.config.js") as { FUNCTION_FILES: string[] };

let metadata: FunctionsMetadata;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(FUNCTION_FILES.map((f) => join(ROOT, f)));
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson) as FunctionsMetadata;
}, 60_000);

const specOf = (id: string): FunctionSpec | undefined => CATALOGUE.find((s) => s.name === id);

describe("functions.json (generated from the JSDoc wrappers)", () => {
  test("lists every catalogue function, and nothing else", () => {
    expect(missingFromMetadata(metadata, CATALOGUE)).toEqual([]);
    const unknown = metadata.functions.map((f) => f.id).filter((id) => !specOf(id));
    expect(unknown).toEqual([]);
    const ids = metadata.functions.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("ids follow Excel's naming rules (letter first, ≥ 3 of A–Z 0–9 _ .) and are not cell references", () => {
    const bad = metadata.functions
      .map((f) => f.id)
      .filter((id) => !/^[A-Z][A-Z0-9_.]{2,}$/.test(id) || /^[A-Z]{1,3}[0-9]+$/.test(id) || /^R[0-9]*C[0-9]*$/.test(id));
    expect(bad).toEqual([]);
  });

  test.each(CATALOGUE.map((s) => [s.name, s] as const))("%s: id, name, description and parameters match the spec", (name, spec) => {
    const fn = metadata.functions.find((f) => f.id === name);
    expect(fn).toBeDefined();
    expect(fn!.name).toBe(name);
    expect(fn!.description).toBe(spec.description.en);
    const params = fn!.parameters ?? [];
    expect(params.map((p) => p.name)).toEqual(spec.args.map((a) => a.name));
    expect(params.map((p) => p.description)).toEqual(spec.args.map((a) => a.description.en));
    // Optional in Excel = optional (or defaulted) in the spec and followed only by optional arguments
    // (Excel, like TypeScript, has no optional parameter before a required one; a blank is passed instead).
    const optional = spec.args.map((a) => a.optional === true || ("default" in a && a.default !== undefined));
    const trailing = optional.map((_, i) => optional.slice(i).every(Boolean));
    expect(params.map((p) => p.optional === true)).toEqual(trailing);
  });
});

describe("functions-ja.json (generated from functions.json and the catalogue)", () => {
  test("same ids and English names, Japanese descriptions and parameters", () => {
    const ja = japaneseMetadata(metadata, CATALOGUE);
    expect(ja.functions.map((f) => f.id)).toEqual(metadata.functions.map((f) => f.id));
    expect(ja.functions.map((f) => f.name)).toEqual(metadata.functions.map((f) => f.name));
    for (const fn of ja.functions) {
      const spec = specOf(fn.id)!;
      expect(hasJapanese(fn.description)).toBe(true);
      expect(fn.description).toBe(spec.description.ja);
      expect((fn.parameters ?? []).map((p) => p.name)).toEqual(spec.args.map((a) => a.ja));
      for (const p of fn.parameters ?? []) expect([p.name, hasJapanese(p.description)]).toEqual([p.name, true]);
    }
    // Everything else (types, dimensionality, options) is unchanged.
    const strip = (m: FunctionsMetadata) => m.functions.map(({ description: _d, parameters, ...rest }) => ({ ...rest, parameters: parameters?.map(({ name: _n, description: _pd, ...p }) => p) }));
    expect(strip(ja)).toEqual(strip(metadata));
  });

  test("fails on a function with no spec", () => {
    const extra: FunctionsMetadata = { ...metadata, functions: [...metadata.functions, { id: "NOSUCH", name: "NOSUCH", description: "x" }] };
    expect(() => japaneseMetadata(extra, CATALOGUE)).toThrow(TranslationError);
    expect(() => japaneseMetadata(extra, CATALOGUE)).toThrow(/NOSUCH: no FunctionSpec/);
  });

  test("fails on a missing or untranslated Japanese description", () => {
    const first = CATALOGUE[0]!;
    const untranslated: FunctionSpec = { ...first, description: { en: first.description.en, ja: first.description.en } };
    const catalogue = [untranslated, ...CATALOGUE.slice(1)];
    expect(() => japaneseMetadata(metadata, catalogue)).toThrow(new RegExp(`${first.name}: description.ja`));
    const withArgs = CATALOGUE.find((s) => s.args.length > 0)!;
    const noArgText: FunctionSpec = { ...withArgs, args: withArgs.args.map((a, i) => (i === 0 ? { ...a, description: { en: a.description.en, ja: "" } } : a)) };
    expect(() => japaneseMetadata(metadata, CATALOGUE.map((s) => (s === withArgs ? noArgText : s)))).toThrow(/description.ja is missing/);
  });

  test("fails on a parameter the spec does not declare", () => {
    const fn = metadata.functions.find((f) => (f.parameters ?? []).length > 0)!;
    const renamed: FunctionsMetadata = { ...metadata, functions: metadata.functions.map((f) => (f === fn ? { ...f, parameters: [{ ...f.parameters![0]!, name: "renamedArg" }, ...f.parameters!.slice(1)] } : f)) };
    expect(() => japaneseMetadata(renamed, CATALOGUE)).toThrow(/renamedArg\): parameter not declared/);
  });
});
