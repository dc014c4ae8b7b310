/**
 * Issue 9 through the CLI engine (HyperFormula, `alcn eval`): a sample of the bad-input catalogue, written
 * as formulas, must give the same Excel error and message as the core, or the same number. What the
 * engine cannot express is left to the core catalogue (NaN, ragged ranges); an error value as input is
 * propagated by the engine before the function runs, as Excel does.
 */
import { CATALOGUE, EXCEL_CODE, functionSpec, invoke, isCalcError, messageOf, ParameterStore, type CellArg, type CellScalar, type FinalOutput } from "../../src/core";
import { evaluateFormulas } from "../../src/cli/eval";
import { BASELINE } from "./fixtures";
import { insane } from "./check";

/** A number as Excel writes it in a formula: 1E+308, 1E-308. */
function literal(v: number): string {
  return String(v).toUpperCase();
}

function cell(c: CellScalar): string {
  if (c === null || c === undefined) return "";
  if (typeof c === "number") return literal(c);
  if (typeof c === "boolean") return c ? "TRUE()" : "FALSE()";
  if (typeof c === "string") return `"${c.replace(/"/g, '""')}"`;
  return c.code;
}

/** A core argument as formula text; a blank cell inside a range becomes a reference to an empty cell. */
function formulaArg(a: CellArg): string {
  if (!Array.isArray(a)) return cell(a as CellScalar);
  const m = a as readonly (readonly CellScalar[])[];
  return `{${m.map((r) => r.map(cell).join(",")).join(";")}}`;
}

/** The sample: inputs the engine can express, at every argument position of every function. */
const SAMPLE: readonly { key: string; value: CellArg }[] = [
  { key: "missing", value: undefined },
  { key: "text", value: "abc" },
  { key: "fullwidth", value: "１２３" },
  { key: "thousands", value: "1,234" },
  { key: "TRUE", value: true },
  { key: "negative", value: -5 },
  { key: "zero", value: 0 },
  { key: "huge", value: 1e308 },
  { key: "oneByOne", value: [[7]] },
  { key: "block2x2", value: [[1, 2], [3, 4]] },
];

const core = (name: string, args: readonly CellArg[]): FinalOutput => {
  const spec = functionSpec(name);
  if (!spec) throw new Error(name);
  return invoke(spec, args, { lang: "en", params: new ParameterStore() });
};

/** Trailing omitted arguments are dropped, so that the engine sees the same argument count. */
function formula(name: string, args: readonly CellArg[]): string {
  const parts = args.map(formulaArg);
  while (parts.length > 0 && parts[parts.length - 1] === "" && args[parts.length - 1] === undefined) parts.pop();
  return `=ALCN.${name}(${parts.join(",")})`;
}

describe("bad inputs through the CLI engine (sample)", () => {
  it.each(CATALOGUE.map((f) => ({ name: f.name, f })))("$name", ({ f }) => {
    const base = BASELINE[f.name] ?? [];
    const calls: { args: CellArg[]; label: string }[] = [{ args: [...base], label: "baseline" }];
    f.args.forEach((a, i) =>
      SAMPLE.forEach((s) => {
        const args = [...base];
        args[i] = s.value;
        calls.push({ args, label: `${a.name} = ${s.key}` });
      }),
    );
    const lines = evaluateFormulas(calls.map((c) => formula(f.name, c.args)));
    calls.forEach((c, k) => {
      const want = core(f.name, c.args);
      const got = lines[k] ?? "";
      const label = `${formula(f.name, c.args)} (${c.label}) → ${got}`;
      expect([label, insane(want)]).toEqual([label, undefined]);
      expect([label, /NaN|Infinity|#ERROR!|#NAME\?/.test(got)]).toEqual([label, false]);
      if (isCalcError(want)) {
        expect([label, got]).toEqual([label, `${EXCEL_CODE[want.code]} ${messageOf(want, "en")}`]);
      } else if (typeof want === "number") {
        const n = Number(got);
        expect([label, Number.isFinite(n)]).toEqual([label, true]);
        expect(Math.abs(n - want)).toBeLessThanOrEqual(Math.abs(want) * 1e-12);
      } else if (Array.isArray(want)) {
        expect([label, got.startsWith("{") || want.flat().length === 1]).toEqual([label, true]);
      } else expect([label, got]).toEqual([label, want === true ? "TRUE" : want === false ? "FALSE" : String(want)]);
    });
  });

  it("propagates an error value given as input, as Excel does, and reads blank cells in a range as 0", () => {
    const [refIn, naIn, blanks] = evaluateFormulas(["=ALCN.INTENSITY(#REF!, 1)", "=ALCN.FUELCO2(1, NA())", "=ALCN.WAVG(Z1:Z3, {1;2;3})"]);
    expect(refIn).toMatch(/^#REF!/);
    expect(naIn).toMatch(/^#N\/A/);
    expect(blanks).toBe("0");
    expect(evaluateFormulas(["=ALCN.WAVG({1;2;3}, Z1:Z3)"])[0]).toMatch(/^#DIV\/0! /);
  });

  it("reads numbers in Excel's scientific notation (capital E), as typed in Excel", () => {
    expect(evaluateFormulas(["=ALCN.INTENSITY(1E+308, 1)", "=ALCN.INTENSITY(1.5E-3, 1)", "=ALCN.INTENSITY(10, 1E-308)", '=ALCN.FUELCO2(1, "1E3")'])).toEqual([
      "1e+308",
      "0.0015",
      "#NUM! the result is outside the range Excel can hold",
      expect.stringMatching(/^#N\/A unknown fuel "1E3"/),
    ]);
  });

  it("answers a formula beyond Excel's limits (8 192 characters, 64 levels) with one line, never a stack overflow", () => {
    const deep = (n: number) => `=ALCN.INTENSITY(${"(".repeat(n)}1${")".repeat(n)}, 1)`;
    const calls = (n: number) => `=${"ABS(".repeat(n)}1${")".repeat(n)}`;
    const lines = evaluateFormulas([deep(63), deep(1000), `=${"1+".repeat(5000)}1`, "=ALCN.TOCRUDE(1000)", calls(64), calls(65)]);
    expect(lines[0]).toBe("1");
    expect(lines[1]).toBe("#ERROR! the formula has more than 128 brackets open at once (limit)");
    expect(lines[2]).toMatch(/^#ERROR! the formula has 10002 characters/);
    expect(lines[3]).toBe("25.8");
    expect(lines[4]).toBe("1");
    expect(lines[5]).toBe("#ERROR! the formula nests functions more than 64 levels deep; Excel allows 64");
  });

  it("names an error found inside a range argument with Excel's spelling", () => {
    const [, wavg, regfit] = evaluateFormulas(["=1/0", "=ALCN.WAVG(A1:A2, {1;1})", "=ALCN.REGFIT(A1:A3, {1;2;3})"]);
    expect(wavg).toBe("#VALUE! values contains the error value #DIV/0!");
    expect(regfit).toBe("#VALUE! known_y contains the error value #DIV/0!");
  });
});
