/**
 * `npm run bench` — the performance figures of SPEC §8 (see bench/figures.ts for what each one measures).
 *
 *   npm run bench                 a table: figure, budget, median, spread, within/over; then ALCN vs native
 *   npm run bench -- --json       one JSON line (required keys + extras, spreads, comparisons, machine)
 *   npm run bench -- --quick      few iterations and small sizes (checks the machinery, not the budgets)
 *   npm run bench -- --build      build the bundles afresh instead of measuring dist/
 *
 * Benchmarks never fail on timing: the exit code is 0 whatever the figures; only a broken measurement
 * (a function returning an error, a build failing) exits non-zero.
 */
import { resolve } from "path";
import { REQUIRED_KEYS, runBench, toJson, type BenchResult, type Figure } from "./figures";
import { round } from "./stats";

function fmt(x: number): string {
  return String(round(x));
}

function spreadOf(f: Figure): string {
  if (!f.spread) return f.detail ?? "";
  const s = f.spread;
  return `p10–p90 ${fmt(s.p10)}–${fmt(s.p90)}, min–max ${fmt(s.min)}–${fmt(s.max)}, n=${s.runs}`;
}

/** within / OVER on the wall-clock median; an OVER whose CPU time is within says the machine was busy. */
export function statusOf(f: Figure): string {
  const budget = f.budget as number;
  if (f.value <= budget) return "within";
  const cpu = f.spread?.cpu?.median ?? f.cpuRatio;
  return cpu !== undefined && cpu <= budget ? "OVER (CPU time within: busy machine)" : "OVER";
}

function cpuOf(f: Figure): string {
  if (f.spread?.cpu) return `${fmt(f.spread.cpu.median)} ${f.unit}`;
  if (f.cpuRatio !== undefined) return `${fmt(f.cpuRatio)} ${f.unit}`;
  return "";
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? "")].length)));
  return rows.map((r) => r.map((cell, c) => cell + " ".repeat(widths[c]! - [...cell].length)).join("  ").trimEnd()).join("\n");
}

export function human(r: BenchResult): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push(`ALCN bench${r.quick ? " (quick: small sizes, few runs — not comparable with the budgets)" : ""}`);
  const load = m.load ? `; load average ${m.load[0].toFixed(1)} at start, ${m.load[1].toFixed(1)} at end` : "";
  lines.push(`machine: ${m.cpu}, ${m.nproc} cores, Node ${m.node}, ${m.platform}${load}; ${r.seconds.toFixed(0)} s`);
  lines.push("median = wall-clock median after warm-up; CPU = the same runs in process CPU time");
  lines.push("");
  const rows: string[][] = [["figure (SPEC §8)", "budget", "median", "CPU", "spread", "status"]];
  for (const f of r.figures.filter((x) => x.budget !== undefined)) {
    rows.push([f.label, `≤ ${f.budget} ${f.unit}`, `${fmt(f.value)} ${f.unit}`, cpuOf(f), spreadOf(f), statusOf(f)]);
  }
  lines.push(table(rows));
  lines.push("");
  const extra: string[][] = [["more figures", "median", "CPU", "spread"]];
  for (const f of r.figures.filter((x) => x.budget === undefined)) extra.push([f.label, `${fmt(f.value)} ${f.unit}`, cpuOf(f), spreadOf(f)]);
  lines.push(table(extra));
  lines.push("");
  const cmp: string[][] = [["ALCN vs native formulas, same engine (load + compute a sheet)", "rows", "ALCN ms", "native ms", "ratio", "max rel. diff"]];
  for (const c of r.comparisons) cmp.push([c.label, String(c.rows), fmt(c.alcnMs.median), fmt(c.nativeMs.median), `${fmt(c.ratio)}×`, c.maxRelDiff.toExponential(1)]);
  lines.push(table(cmp));
  return lines.join("\n");
}

async function main(argv: readonly string[]): Promise<number> {
  const json = argv.includes("--json");
  const quick = argv.includes("--quick");
  const build = argv.includes("--build");
  const unknown = argv.filter((a) => !["--json", "--quick", "--build"].includes(a));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown option ${unknown.join(" ")}\nusage: npm run bench [-- --json] [--quick] [--build]\n`);
    return 2;
  }
  const r = await runBench({ quick, build, progress: (s) => process.stderr.write(`${s}\n`) });
  if (json) {
    const out = toJson(r);
    const missing = REQUIRED_KEYS.filter((k) => typeof out[k] !== "number");
    if (missing.length > 0) throw new Error(`missing figures: ${missing.join(", ")}`);
    process.stdout.write(JSON.stringify(out) + "\n");
  } else {
    process.stdout.write(human(r) + "\n");
  }
  return 0;
}

// Run when started as the entry (bin/run-ts.cjs puts this file in argv[1]); importing it (the test) runs nothing.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === __filename) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
