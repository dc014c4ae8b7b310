/**
 * Function names as stored in an .xlsx file versus as typed:
 *  - custom functions are saved as `_xldudf_ALCN_CORRFACTOR(…)` (namespace and dots → underscores);
 *  - functions newer than Excel 2007 are saved with the `_xlfn.` prefix (`_xlfn.PERCENTILE.INC(…)`).
 * The reader maps both back to the typed form that HyperFormula evaluates; the writer adds them.
 * The scan skips string literals ("…") and quoted sheet names ('…'), so text is never rewritten.
 */
import { CATALOGUE } from "../core";

/** Functions Excel writes with `_xlfn.` (the subset ALCN generates or a member's workbook plausibly uses). */
const XLFN = new Set([
  "PERCENTILE.INC",
  "PERCENTILE.EXC",
  "QUARTILE.INC",
  "QUARTILE.EXC",
  "STDEV.S",
  "STDEV.P",
  "VAR.S",
  "VAR.P",
  "MODE.SNGL",
  "RANK.EQ",
  "RANK.AVG",
  "NORM.DIST",
  "NORM.INV",
  "NORM.S.DIST",
  "NORM.S.INV",
  "T.DIST",
  "T.INV",
  "T.INV.2T",
  "F.DIST",
  "CEILING.MATH",
  "FLOOR.MATH",
  "IFS",
  "SWITCH",
  "MAXIFS",
  "MINIFS",
  "CONCAT",
  "TEXTJOIN",
  "XLOOKUP",
  "XMATCH",
  "IFNA",
  "DAYS",
  "ISOWEEKNUM",
  "AGGREGATE",
  "FORECAST.LINEAR",
]);

/** "CORRFACTOR" → "CORRFACTOR", "ALLOWANCE_UP" → "ALLOWANCE.UP" (the catalogue decides where dots were). */
const UDF_TO_NAME = new Map(CATALOGUE.map((s) => [s.name.replace(/\./g, "_").toUpperCase(), s.name]));

/** Characters that end a name, a reference or a number inside a formula. */
const DELIMITER = /[\s()+\-*/^&=<>,;:"'!{}%@#[\]$]/;

/** Rewrite every function-call name (an identifier directly followed by "(") with `map`. */
export function mapFunctionNames(formula: string, map: (name: string) => string, booleans = false): string {
  let out = "";
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i] as string;
    if (ch === '"' || ch === "'") {
      // a string literal or a quoted sheet name; doubled quotes escape
      let j = i + 1;
      while (j < n) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (!DELIMITER.test(ch)) {
      let j = i + 1;
      while (j < n && !DELIMITER.test(formula[j] as string)) j++;
      const word = formula.slice(i, j);
      if (formula[j] === "(") out += map(word);
      // Excel's boolean literals; HyperFormula knows only the functions TRUE() and FALSE().
      else if (/^(TRUE|FALSE)$/i.test(word) && formula[j] !== "!" && booleans) out += `${word.toUpperCase()}()`;
      // An unquoted sheet name (Excel and LibreOffice write 入力!B3): quote it for HyperFormula.
      else if (formula[j] === "!" && !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(word)) out += `'${word}'`;
      // Excel writes scientific notation with a capital E (1E+308, 1.5E-05); HyperFormula reads only "e".
      else if (booleans && (/^(\d+\.?\d*|\.\d+)E\d+$/i.test(word) || (/^(\d+\.?\d*|\.\d+)E$/i.test(word) && /^[+-]\d/.test(formula.slice(j, j + 2))))) out += word.toLowerCase();
      else out += word;
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** A formula as stored in a file (no "=") → as typed, for HyperFormula ("=…"). */
export function fromStoredFormula(stored: string): string {
  const body = mapFunctionNames(stored, (name) => {
    const udf = /^_xldudf_ALCN_(.+)$/i.exec(name);
    if (udf) {
      // an ALCN function this version does not have (a newer add-in wrote it): the engine answers #NAME?
      const typed = UDF_TO_NAME.get((udf[1] as string).toUpperCase());
      return `ALCN.${typed ?? (udf[1] as string).toUpperCase()}`;
    }
    if (/^_xlfn\./i.test(name)) return name.slice(6).replace(/^_xlws\./i, "");
    if (/^_xlws\./i.test(name)) return name.slice(6);
    return name;
  });
  return toEngineFormula(`=${body}`);
}

/** A typed formula as HyperFormula parses it: TRUE/FALSE literals become TRUE()/FALSE(). */
export function toEngineFormula(typed: string): string {
  return mapFunctionNames(typed, (name) => name, true);
}

/** A defined name's reference as stored (パラメータ!$B$5) → as HyperFormula parses it ('パラメータ'!$B$5). */
export function fromStoredReference(ref: string): string {
  return mapFunctionNames(ref, (name) => name);
}

/** A typed formula ("=ALCN.X(…)") → as stored in the file (no "=", `_xldudf_`, `_xlfn.`). */
export function toStoredFormula(typed: string): string {
  const body = typed.startsWith("=") ? typed.slice(1) : typed;
  return mapFunctionNames(body, (name) => {
    const upper = name.toUpperCase();
    if (upper.startsWith("ALCN.")) return `_xldudf_ALCN_${upper.slice(5).replace(/\./g, "_")}`;
    if (XLFN.has(upper)) return `_xlfn.${upper}`;
    return name;
  });
}
