/**
 * Where the CLI may write (decision 306): never over the workbook it reads — its copy is written by ExcelJS,
 * which does not keep what it cannot read (charts, pivot tables, macros) — and over another existing file
 * only with --force.
 */
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";

function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev; // a link or another path to the same file
  } catch {
    return false;
  }
}

/** Why `out` may not be written, or undefined. */
export function outputRefusal(out: string, opts: { readonly input?: string; readonly force: boolean }): string | undefined {
  if (opts.input !== undefined && sameFile(opts.input, out)) return `${out} is the file being read; alcn never changes it — choose another output name`;
  if (!opts.force && existsSync(out)) return `${out} already exists; add --force to replace it`;
  return undefined;
}
