/** `alcn template [--lang ja|en] [--native] OUT.xlsx`: the allowance workbook and the follow-up sheet for the demo company. */
import { buildTemplatePlan, formulaCells, type AllowancePlan, type Lang, type WorkbookMode } from "../core/workbook";
import { outputRefusal } from "./output-file";
import { writePlan } from "./xlsx-writer";
import type { Evaluation } from "./workbook-model";

export interface TemplateArgs {
  readonly lang: Lang;
  readonly mode: WorkbookMode;
  readonly out: string;
  /** Replace an existing OUT (otherwise refused). */
  readonly force?: boolean;
}

/** Parse `[--lang ja|en] [--native] [--force] OUT.xlsx`; a string is a usage error. */
export function parseTemplateArgs(args: readonly string[], defaultLang: Lang): TemplateArgs | string {
  let lang: Lang = defaultLang;
  let mode: WorkbookMode = "alcn";
  let out: string | undefined;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--native") mode = "native";
    else if (a === "--force") force = true;
    else if (a === "--lang" || a.startsWith("--lang=")) {
      const v = a.includes("=") ? a.slice(7) : args[++i];
      if (v !== "ja" && v !== "en") return `--lang must be ja or en (got ${v ?? "nothing"})`;
      lang = v;
    } else if (a.startsWith("--")) return `unknown option ${a}`;
    else if (out === undefined) out = a;
    else return `one output file (got ${out} and ${a})`;
  }
  if (!out) return "an output file name is needed, e.g. alcn template demo.xlsx";
  if (!/\.xlsx$/i.test(out)) return `the output file must end in .xlsx (got ${out})`;
  return { lang, mode, out, force };
}

export async function writeTemplate(args: TemplateArgs): Promise<{ plan: AllowancePlan; evaluation: Evaluation; formulas: number }> {
  const plan = buildTemplatePlan({ mode: args.mode, lang: args.lang });
  const evaluation = await writePlan(plan, args.out);
  return { plan, evaluation, formulas: formulaCells(plan).length };
}

/** The language of the terminal: ja when LANG/LC_ALL say Japanese, else en. */
export function terminalLang(): Lang {
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "";
  return /^ja/i.test(env) ? "ja" : "en";
}

export async function templateCommand(args: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const parsed = parseTemplateArgs(args, terminalLang());
  if (typeof parsed === "string") {
    err(`alcn template: ${parsed}\nusage: alcn template [--lang ja|en] [--native] [--force] OUT.xlsx`);
    return 2;
  }
  const refused = outputRefusal(parsed.out, { force: parsed.force === true });
  if (refused) {
    err(`alcn template: ${refused}`);
    return 2;
  }
  const r = await writeTemplate(parsed);
  out(`written: ${parsed.out} (${parsed.mode === "native" ? "native formulas" : "ALCN functions"}, ${parsed.lang}, ${r.plan.sheets.length} sheets, ${r.formulas} formulas)`);
  return 0;
}
