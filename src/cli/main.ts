/** The `alcn` command. Every failure ends in one clear line and a non-zero exit, never a stack trace. */
import { demoCommand } from "./demo";
import { evaluateFormulas } from "./eval";
import { recalcCommand } from "./recalc";
import { templateCommand } from "./template";
import { WorkbookRejected } from "./xlsx-guard";

const USAGE = `usage:
  alcn eval "=ALCN.PROGRESS(146,105.4,100)" ["=…" …]
  alcn recalc FILE.xlsx [--out OUT.xlsx [--force]] [--check]
  alcn template [--lang ja|en] [--native] [--force] OUT.xlsx
  alcn demo [--lang ja|en]`;

export async function main(
  argv: readonly string[],
  out: (s: string) => void = (s) => process.stdout.write(s + "\n"),
  err: (s: string) => void = (s) => process.stderr.write(s + "\n"),
): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case "recalc":
        return await recalcCommand(rest, out, err);
      case "template":
        return await templateCommand(rest, out, err);
      case "demo":
        return await demoCommand(rest, out, err);
      default:
        break;
    }
  } catch (e) {
    // A rejected or unreadable workbook: one clear line, non-zero exit, never a stack trace.
    if (e instanceof WorkbookRejected) err(`alcn: ${e.message}`);
    else err(`alcn: ${(e as Error).message ?? String(e)}`);
    return 1;
  }
  switch (cmd) {
    case "eval":
      if (rest.length === 0) {
        out(USAGE);
        return 2;
      }
      for (const line of evaluateFormulas(rest)) out(line);
      return 0;
    case undefined:
    case "help":
    case "--help":
    case "-h":
      out(USAGE);
      return cmd === undefined ? 2 : 0;
    default:
      out(`alcn: unknown command "${cmd}"\n${USAGE}`);
      return 2;
  }
}

