/**
 * Excel's own limits on one formula (Microsoft, "Excel specifications and limits"): 8 192 characters and
 * 64 levels of nested functions. Excel never saves a formula beyond them, so a workbook or an `alcn eval`
 * argument that has one is refused by name before it reaches the engine — whose recursive parser
 * (HyperFormula) exhausts the call stack somewhere past 150 levels. Plain grouping brackets are not a
 * documented Excel limit; ALCN refuses more than 128 of them open at once (well inside the parser's reach).
 */
export const FORMULA_LIMITS = { chars: 8192, functionLevels: 64, bracketDepth: 128 } as const;

/** Why this formula is beyond the limits (too long, functions nested too deep, too many brackets open), or undefined. Text in "…" and sheet names in '…' are skipped. */
export function beyondFormulaLimits(text: string): string | undefined {
  if (text.length > FORMULA_LIMITS.chars) return `the formula has ${text.length} characters; Excel allows ${FORMULA_LIMITS.chars}`;
  const open: boolean[] = []; // per open bracket: is it a function call?
  let functions = 0;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote !== undefined) {
      if (ch === quote) quote = undefined; // a doubled quote closes and reopens: the same thing
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "(" || ch === "{") {
      const call = ch === "(" && i > 0 && /[\p{L}\p{N}_.]/u.test(text[i - 1] as string);
      open.push(call);
      if (call && ++functions > FORMULA_LIMITS.functionLevels) return `the formula nests functions more than ${FORMULA_LIMITS.functionLevels} levels deep; Excel allows ${FORMULA_LIMITS.functionLevels}`;
      if (open.length > FORMULA_LIMITS.bracketDepth) return `the formula has more than ${FORMULA_LIMITS.bracketDepth} brackets open at once (limit)`;
    } else if (ch === ")" || ch === "}") {
      if (open.pop() === true) functions--;
    }
  }
  return undefined;
}
