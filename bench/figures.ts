/**
 * The figures of SPEC §8, each measured the way the product meets it:
 *   - core call cost through the Excel wrappers (src/functions → callFromExcel → invoke), through invoke
 *     alone, and of the pure core function on ready Decimals;
 *   - COMPANYCF on 100 000 furnace rows and REGFIT on 10 000 rows × 2 regressors (invoke, raw cells);
 *   - growth: time at 2n ÷ time at n for COMPANYCF, REGFIT, TARGET and the industry recalculation;
 *   - `alcn template` → `alcn recalc` of the demo workbook (src/cli functions: load .xlsx + evaluate);
 *   - a 1 000-furnace industry workbook (bench/industry.ts) written by the CLI writer, then recalculated;
 *   - gzip sizes of the production bundles;
 *   - round trips of the taskpane writing a 1 000-furnace calculation sheet through the fake host;
 *   - ALCN functions against the equivalent native formulas in the same engine (HyperFormula).
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { loadavg, tmpdir } from "os";
import { join } from "path";
import { gzipSync } from "zlib";
import type { HyperFormula } from "hyperformula";
import { functionSpec, invoke, ParameterStore, type CalcContext, type CellArg, type FunctionSpec } from "../src/core";
import { D } from "../src/core/decimal";
import { allowanceDown, allowanceUp, roundWhole } from "../src/core/benchmark/allowance";
import { corrFactor, resolveRegression } from "../src/core/benchmark/correction";
import { fuelCo2 } from "../src/core/emissions/factors";
import { createEngine, engineContext } from "../src/cli/engine";
import { recalcFile } from "../src/cli/recalc";
import { writeTemplate } from "../src/cli/template";
import { evaluate, modelOfPlan } from "../src/cli/workbook-model";
import { writePlan } from "../src/cli/xlsx-writer";
import { allowance as xlAllowance, corrfactor as xlCorrfactor } from "../src/functions/benchmark";
import { fuelco2 as xlFuelco2 } from "../src/functions/emissions";
import { FakeHost } from "../src/taskpane/host/fake-host";
import { stateFromInputs } from "../src/taskpane/wizard/demo";
import { commitWrite, prepareWrite, type ChartLabels } from "../src/taskpane/wizard/write";
import { AVG_CHARGES, AVG_SIZE, COEFS, column, companyWithFurnaces, furnaces } from "./data";
import { industryPlan } from "./industry";
import { sink, summarise, timeMs, timeMsAsync, timeMsInterleaved, timePerCallUs, type RunOptions, type Summary } from "./stats";

const ROOT = join(__dirname, "..");
const KB = 1024;

export interface BenchOptions {
  /** Few iterations and small sizes: checks the machinery (the jest test), not the budgets. */
  readonly quick: boolean;
  /** Build the bundles afresh even when dist/ has them. */
  readonly build: boolean;
  /** Progress lines (stderr in the CLI). */
  readonly progress: (line: string) => void;
}

/** One measured figure. */
export interface Figure {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  /** The SPEC §8 budget (figure ≤ budget), or undefined for an extra figure. */
  readonly budget?: number;
  readonly value: number;
  readonly spread?: Summary;
  readonly detail?: string;
  /** Growth figures: the same ratio in CPU time. */
  readonly cpuRatio?: number;
}

export interface Comparison {
  readonly key: string;
  readonly label: string;
  readonly rows: number;
  readonly alcnMs: Summary;
  readonly nativeMs: Summary;
  /** alcn median ÷ native median. */
  readonly ratio: number;
  /** Largest relative difference between the ALCN and the native results. */
  readonly maxRelDiff: number;
}

export interface BenchResult {
  readonly figures: Figure[];
  readonly comparisons: Comparison[];
  readonly machine: Machine;
  readonly quick: boolean;
  readonly seconds: number;
}

export interface Machine {
  readonly cpu: string;
  readonly nproc: number;
  readonly node: string;
  readonly platform: string;
  /** 1-minute load average when the run started and ended (other work on the machine inflates wall times). */
  readonly load?: readonly [number, number];
}

export function machine(): Machine {
  let cpu = "unknown";
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (m?.[1]) cpu = m[1].trim();
  } catch {
    // not Linux: keep "unknown"
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const os = require("os") as typeof import("os");
  const nproc = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  if (cpu === "unknown") cpu = os.cpus()[0]?.model ?? "unknown";
  return { cpu, nproc, node: process.version, platform: `${process.platform}-${process.arch}` };
}

// ---------------------------------------------------------------------------------------------------------
// Sizes and repetitions

export interface Plan {
  callBatch: number;
  calls: RunOptions;
  big: RunOptions;
  recalc: RunOptions;
  growth: RunOptions;
  companyRows: number;
  regfitRows: number;
  targetRows: number;
  industryFurnaces: number;
  writeFurnaces: number;
  compareRows: number;
  compareBigRows: number;
  compare: RunOptions;
}

export function planOf(quick: boolean): Plan {
  if (quick) {
    return {
      callBatch: 50,
      calls: { warmup: 1, runs: 3 },
      big: { warmup: 1, runs: 3 },
      recalc: { warmup: 0, runs: 2 },
      growth: { warmup: 1, runs: 3 },
      companyRows: 2000,
      regfitRows: 500,
      targetRows: 2000,
      industryFurnaces: 40,
      writeFurnaces: 50,
      compareRows: 50,
      compareBigRows: 500,
      compare: { warmup: 1, runs: 2 },
    };
  }
  return {
    callBatch: 1000,
    calls: { warmup: 10, runs: 15 },
    big: { warmup: 1, runs: 5 },
    recalc: { warmup: 1, runs: 5 },
    growth: { warmup: 1, runs: 7 },
    companyRows: 100_000,
    regfitRows: 10_000,
    targetRows: 100_000,
    industryFurnaces: 1000,
    writeFurnaces: 1000,
    compareRows: 2000,
    compareBigRows: 20_000,
    compare: { warmup: 1, runs: 3 },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Core call cost

function spec(name: string): FunctionSpec {
  const s = functionSpec(name);
  if (!s) throw new Error(`no function ${name} in the catalogue`);
  return s;
}

function finite(v: unknown, what: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`${what} gave ${JSON.stringify(v)}, not a finite number`);
  return v;
}

/** Per-call µs of CORRFACTOR, ALLOWANCE, FUELCO2: Excel wrapper (the budget figure), invoke alone, pure core. */
export function callCosts(p: Plan): Figure[] {
  const ctx: CalcContext = { lang: "en", params: new ParameterStore() };
  const fs = furnaces(1024, 3);
  const coefRow = [[...COEFS]];
  let i = 0;
  const next = () => fs[i++ & 1023] as (typeof fs)[number];

  // CORRFACTOR(size, charges, coefs, avg_size, avg_charges, "power") row after row, as a sheet calls it.
  finite(xlCorrfactor(30, 0.5, coefRow, AVG_SIZE, AVG_CHARGES, "power"), "CORRFACTOR");
  const cfXl = timePerCallUs(() => {
    const f = next();
    return xlCorrfactor(f.size, f.charges, coefRow, AVG_SIZE, AVG_CHARGES, "power");
  }, p.callBatch, p.calls);
  const cfSpec = spec("CORRFACTOR");
  const cfInvoke = timePerCallUs(() => {
    const f = next();
    return invoke(cfSpec, [f.size, f.charges, coefRow, AVG_SIZE, AVG_CHARGES, "power"], ctx);
  }, p.callBatch, p.calls);
  const reg = resolveRegression(ctx, true, COEFS.map((c) => new D(c)), new D(AVG_SIZE), new D(AVG_CHARGES), "power");
  const xs = fs.map((f) => [new D(f.size), new D(f.charges)]);
  const cfCore = timePerCallUs(() => corrFactor(reg, xs[i++ & 1023] as D[]), p.callBatch, p.calls);

  // ALLOWANCE with two product types on each side (ranges arrive as 2-D arrays).
  const upT = [[0.42, 0.47]];
  const downT = [[0.28, 0.33]];
  const acts = fs.map((f) => ({ up: [[f.semi, Math.round(f.semi / 3)]], down: [[Math.round(f.semi * 0.8), Math.round(f.semi / 5)]] }));
  finite(xlAllowance(upT, [[68200, 22700]], 0.95, downT, [[54600, 13600]]), "ALLOWANCE");
  const alXl = timePerCallUs(() => {
    const a = acts[i++ & 1023] as (typeof acts)[number];
    return xlAllowance(upT, a.up, 0.95, downT, a.down);
  }, p.callBatch, p.calls);
  const alSpec = spec("ALLOWANCE");
  const alInvoke = timePerCallUs(() => {
    const a = acts[i++ & 1023] as (typeof acts)[number];
    return invoke(alSpec, [upT, a.up, 0.95, downT, a.down], ctx);
  }, p.callBatch, p.calls);
  const dUpT = upT[0]!.map((v) => new D(v));
  const dDownT = downT[0]!.map((v) => new D(v));
  const dActs = acts.map((a) => ({ up: a.up[0]!.map((v) => new D(v)), down: a.down[0]!.map((v) => new D(v)) }));
  const cf = new D(0.95);
  const alCore = timePerCallUs(() => {
    const a = dActs[i++ & 1023] as (typeof dActs)[number];
    return roundWhole(allowanceUp(dUpT, a.up, cf).add(allowanceDown(dDownT, a.down)), "none");
  }, p.callBatch, p.calls);

  // FUELCO2(amount, "A重油") with the active factors edition.
  finite(xlFuelco2(1000, "A重油"), "FUELCO2");
  const fuXl = timePerCallUs(() => xlFuelco2(next().semi / 10, "A重油"), p.callBatch, p.calls);
  const fuSpec = spec("FUELCO2");
  const fuInvoke = timePerCallUs(() => invoke(fuSpec, [next().semi / 10, "A重油"], ctx), p.callBatch, p.calls);
  const amounts = fs.map((f) => new D(f.semi / 10));
  const fuCore = timePerCallUs(() => fuelCo2(ctx, amounts[i++ & 1023] as D, "A重油"), p.callBatch, p.calls);

  const three = (key: string, name: string, xl: Summary, inv: Summary, core: Summary): Figure[] => [
    { key: `${key}_us`, label: `${name} per call (Excel wrapper → invoke)`, unit: "µs", budget: 20, value: xl.median, spread: xl },
    { key: `${key}_invoke_us`, label: `${name} per call (invoke only)`, unit: "µs", value: inv.median, spread: inv },
    { key: `${key}_core_us`, label: `${name} per call (pure core function)`, unit: "µs", value: core.median, spread: core },
  ];
  return [...three("corrfactor", "CORRFACTOR", cfXl, cfInvoke, cfCore), ...three("allowance", "ALLOWANCE", alXl, alInvoke, alCore), ...three("fuelco2", "FUELCO2", fuXl, fuInvoke, fuCore)];
}

// ---------------------------------------------------------------------------------------------------------
// Large ranges and growth

const CTX_EMPTY = (): CalcContext => ({ lang: "en", params: new ParameterStore() });

function companyCfRun(rows: number): () => unknown {
  const fs = furnaces(rows, 11);
  const sizes = column(fs.map((f) => f.size));
  const charges = column(fs.map((f) => f.charges));
  const es = column(fs.map((f) => f.emissions));
  const s = spec("COMPANYCF");
  const ctx = CTX_EMPTY();
  const args: CellArg[] = [sizes, charges, es, [[...COEFS]], AVG_SIZE, AVG_CHARGES, "power"];
  finite(invoke(s, args, ctx), `COMPANYCF on ${rows} rows`);
  return () => invoke(s, args, ctx);
}

function regfitRun(rows: number): () => unknown {
  const fs = furnaces(rows, 13);
  const y = column(fs.map((f) => Math.round((f.emissions / f.semi) * 1e6) / 1e6));
  const x = fs.map((f) => [f.size, f.charges]);
  const s = spec("REGFIT");
  const ctx = CTX_EMPTY();
  const out = invoke(s, [y, x, "power"], ctx);
  if (!Array.isArray(out) || out[0]?.length !== 3) throw new Error(`REGFIT on ${rows} rows gave ${JSON.stringify(out)}`);
  for (const v of out[0]) finite(v, "REGFIT coefficient");
  return () => invoke(s, [y, x, "power"], ctx);
}

function targetRun(rows: number, weighted: boolean): () => unknown {
  const fs = furnaces(rows, 17);
  const xs = column(fs.map((f) => Math.round((f.emissions / f.semi) * 1e6) / 1e6));
  const ws = column(fs.map((f) => f.semi));
  const s = spec("TARGET");
  const ctx = CTX_EMPTY();
  const args: CellArg[] = weighted ? [xs, 32.5, ws] : [xs, 32.5];
  finite(invoke(s, args, ctx), `TARGET on ${rows} rows`);
  return () => invoke(s, args, ctx);
}

function industryEvalRun(n: number): () => unknown {
  const plan = industryPlan(n);
  return () => {
    const ev = evaluate(modelOfPlan(plan));
    const v = ev.value("Industry", 8, 1);
    finite(v, `industry workbook (${n} furnaces) TARGET`);
    return v;
  };
}

/**
 * Time at 2n ÷ time at n, measured interleaved on a collected heap (stats.timeMsInterleaved). A workload that
 * takes less than ~100 ms at n (TARGET: ~15 ms) is repeated `batch` times within each sample, the same count at
 * both sizes, so timer, scheduler and frequency noise of a few ms does not decide the ratio.
 */
function growth(label: string, key: string, n: number, make: (rows: number) => () => unknown, opts: RunOptions): Figure {
  const small = make(n);
  const big = make(2 * n);
  sink(small());
  const t0 = performance.now();
  sink(small());
  const once = performance.now() - t0;
  const batch = Math.max(1, Math.min(50, Math.ceil(100 / Math.max(once, 0.01))));
  const repeat =
    (fn: () => unknown) =>
    (): unknown => {
      let v: unknown;
      for (let i = 0; i < batch; i++) v = fn();
      return v;
    };
  const [a, b] = timeMsInterleaved(batch === 1 ? [small, big] : [repeat(small), repeat(big)], opts) as [Summary, Summary];
  const ratio = b.median / a.median;
  const per = (ms: number): string => (ms / batch).toFixed(1);
  const cpu = a.cpu && b.cpu ? `; CPU ${per(a.cpu.median)} → ${per(b.cpu.median)} ms = ${(b.cpu.median / a.cpu.median).toFixed(2)}×` : "";
  const reps = batch > 1 ? ` (per run; ${batch} runs a sample)` : "";
  return { key, label: `${label}: time at ${2 * n} ÷ time at ${n}`, unit: "×", value: ratio, detail: `${per(a.median)} ms → ${per(b.median)} ms${cpu}${reps}`, cpuRatio: a.cpu && b.cpu ? b.cpu.median / a.cpu.median : ratio };
}

// ---------------------------------------------------------------------------------------------------------
// Workbooks

async function recalcFigures(p: Plan, tmp: string, progress: (s: string) => void): Promise<Figure[]> {
  const out: Figure[] = [];
  // The demo workbook: `alcn template` then `alcn recalc` (load + evaluate), both formula modes.
  const demo = join(tmp, "demo.xlsx");
  const t0 = performance.now();
  const written = await writeTemplate({ lang: "ja", mode: "alcn", out: demo });
  const templateMs = performance.now() - t0;
  const check = await recalcFile(demo, { check: true });
  if (check.cycles.length > 0 || check.differences.length > 0) throw new Error(`demo recalc: ${check.differences.length} differences, ${check.cycles.length} cycles`);
  const demoMs = await timeMsAsync(() => recalcFile(demo), p.recalc);
  out.push({ key: "recalc_demo_ms", label: `recalc of the demo workbook (alcn template → recalc; ${written.formulas} formulas)`, unit: "ms", budget: 2000, value: demoMs.median, spread: demoMs });
  out.push({ key: "template_demo_ms", label: "alcn template (plan → evaluate → .xlsx), one run", unit: "ms", value: templateMs });
  const demoNative = join(tmp, "demo-native.xlsx");
  await writeTemplate({ lang: "ja", mode: "native", out: demoNative });
  const nativeMs = await timeMsAsync(() => recalcFile(demoNative), p.recalc);
  out.push({ key: "recalc_demo_native_ms", label: "recalc of the demo workbook, native-formula mode", unit: "ms", value: nativeMs.median, spread: nativeMs });
  progress("  demo workbook done");

  // The whole command in a fresh process (tsx start-up included), for scale.
  {
    const cliRuns: number[] = [];
    const cliCpu: number[] = [];
    // A preload that reports the child's own CPU time on exit (spawnSync gives no resource usage).
    const preload = join(tmp, "cpu-on-exit.cjs");
    writeFileSync(preload, 'process.on("exit", () => { const u = process.cpuUsage(); process.stderr.write("\\nALCN_BENCH_CPU_US " + (u.user + u.system) + "\\n"); });\n');
    for (let k = 0; k < Math.min(3, p.recalc.runs); k++) {
      const s = performance.now();
      const r = spawnSync(process.execPath, ["--require", preload, join(ROOT, "bin", "alcn.cjs"), "recalc", demo], { cwd: ROOT, encoding: "utf8" });
      if (r.status !== 0) throw new Error(`alcn recalc exited ${r.status}: ${r.stderr}`);
      cliRuns.push(performance.now() - s);
      const m = /ALCN_BENCH_CPU_US (\d+)/.exec(r.stderr);
      if (m) cliCpu.push(Number(m[1]) / 1000);
    }
    const cli = summarise(cliRuns, cliCpu.length === cliRuns.length ? cliCpu : undefined);
    out.push({ key: "recalc_demo_cli_ms", label: "`alcn recalc demo.xlsx` as a new process (Node + tsx start-up included)", unit: "ms", value: cli.median, spread: cli });
  }

  // The industry workbook: written once by the CLI writer, then recalculated as a verifier would.
  const n = p.industryFurnaces;
  const plan = industryPlan(n);
  const file = join(tmp, "industry.xlsx");
  const w0 = performance.now();
  await writePlan(plan, file);
  const writeMs = performance.now() - w0;
  const first = await recalcFile(file);
  if (first.cycles.length > 0) throw new Error("industry workbook: cycle");
  const bad = first.evaluation.formulas.filter((f) => f.value !== null && typeof f.value === "object");
  if (bad.length > 0) throw new Error(`industry workbook: ${bad.length} formulas give errors, e.g. ${bad[0]?.sheet}!${bad[0]?.cell.row},${bad[0]?.cell.col} ${JSON.stringify(bad[0]?.value)}`);
  const indMs = await timeMsAsync(() => recalcFile(file), p.recalc);
  out.push({ key: "recalc_1000_ms", label: `recalc of a ${n}-furnace industry workbook (${first.formulas} formulas; load .xlsx + evaluate)`, unit: "ms", budget: 5000, value: indMs.median, spread: indMs });
  const evMs = timeMs(industryEvalRun(n), p.recalc);
  out.push({ key: "recalc_1000_eval_ms", label: `  of which evaluate only (plan → engine, ${n} furnaces)`, unit: "ms", value: evMs.median, spread: evMs });
  out.push({ key: "write_1000_xlsx_ms", label: `writing that workbook (.xlsx, values cached), one run`, unit: "ms", value: writeMs });
  engineContext.params.clearOverrides();
  progress("  industry workbook done");
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Bundles

function gzipKb(dir: string, prefix: string): { kb: number; files: string[] } {
  const files = readdirSync(dir).filter((f) => f.startsWith(prefix) && f.endsWith(".js"));
  if (files.length === 0) throw new Error(`no ${prefix}*.js in ${dir}`);
  const bytes = files.reduce((s, f) => s + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
  return { kb: bytes / KB, files };
}

function bundleFigures(force: boolean, tmp: string, progress: (s: string) => void): Figure[] {
  const dist = join(ROOT, "dist");
  let dir = dist;
  let source: string;
  const present = existsSync(join(dist, "functions.js")) && existsSync(join(dist, "taskpane.js"));
  if (force || !present) {
    dir = join(tmp, "dist");
    progress("  building the production bundles (webpack) …");
    const env = { ...process.env };
    delete env.ALCN_BASE_URL;
    delete env.PORT;
    const r = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--env", `outputPath=${dir}`], { cwd: ROOT, env, encoding: "utf8", timeout: 300_000 });
    if (r.status !== 0) throw new Error(`webpack exited ${r.status}: ${(r.stdout + r.stderr).slice(-2000)}`);
    source = "fresh production build";
  } else {
    source = `dist/ of ${statSync(join(dist, "functions.js")).mtime.toISOString().slice(0, 16)}Z (--build for a fresh one)`;
  }
  const f = gzipKb(dir, "functions");
  const t = gzipKb(dir, "taskpane");
  return [
    { key: "functions_gzip_kb", label: `functions bundle, gzip (${f.files.join(", ")}; ${source})`, unit: "KB", budget: 100, value: f.kb },
    { key: "taskpane_gzip_kb", label: `taskpane bundle, gzip (${t.files.join(", ")})`, unit: "KB", budget: 400, value: t.kb },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Host round trips

const LABELS: ChartLabels = {
  block: "Chart data",
  fy: "FY",
  allowance: "Allowance",
  emissions: "Emissions",
  furnace: "Furnace",
  cf: "CF",
  chartAllowance: "Allowance and emissions",
  chartCf: "Correction factor by furnace",
};

async function hostFigures(n: number): Promise<Figure[]> {
  const host = new FakeHost();
  const st = { ...stateFromInputs(companyWithFurnaces(n), "en"), mode: "alcn" as const };
  const t0 = performance.now();
  const prepared = await prepareWrite(host, st, "en", LABELS);
  const outcome = await commitWrite(host, prepared);
  const ms = performance.now() - t0;
  const syncs = host.syncCount();
  const calc = prepared.plan.results.sheet;
  const rows = host.sheet(calc)?.cells.size ?? 0;
  // The written sheet computes: the company CF cell of the plan has a finite value.
  const cfRef = prepared.plan.results.furnaceCf[n - 1];
  if (cfRef === undefined) throw new Error("the plan has no CF cell for the last furnace");
  finite(host.valueAt(calc, cfRef), `CF of furnace ${n} on the written sheet`);
  // The same sheet written again over itself (replace: the occupied-cell check reads the existing block).
  const again = await prepareWrite(host, { ...st, replace: true }, "en", LABELS);
  await commitWrite(host, again);
  const replaceSyncs = host.syncCount() - syncs;
  engineContext.params.clearOverrides();
  return [
    { key: "syncs_1000_rows_replace", label: `  the same write again over the existing sheets (replace)`, unit: "syncs", value: replaceSyncs },
    { key: "syncs_1000_rows", label: `context.sync() calls writing a ${n}-furnace calculation sheet (fake host; ${outcome.cells} cells, ${rows} on the calculation sheet)`, unit: "syncs", budget: 5, value: syncs },
    { key: "write_1000_rows_ms", label: `  prepare + write through the fake host (no Excel)`, unit: "ms", value: ms },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// ALCN against native formulas in the same engine

type Grid = (string | number | null)[][];

function sheetTime(grid: Grid, opts: RunOptions, read: (hf: HyperFormula, sheet: number) => number[]): { t: Summary; values: number[] } {
  let values: number[] = [];
  const t = timeMs(() => {
    const hf = createEngine();
    const name = hf.addSheet("S");
    const id = hf.getSheetId(name) as number;
    hf.setSheetContent(id, grid);
    values = read(hf, id);
    hf.destroy();
    return values.length;
  }, opts);
  return { t, values };
}

function columnValues(col: number, from: number, to: number): (hf: HyperFormula, sheet: number) => number[] {
  return (hf, sheet) => {
    const out: number[] = [];
    for (let r = from; r <= to; r++) out.push(finite(hf.getCellValue({ sheet, row: r, col }), `cell ${r},${col}`));
    return out;
  };
}

function compareCase(key: string, label: string, rows: number, alcn: Grid, native: Grid, read: (hf: HyperFormula, sheet: number) => number[], opts: RunOptions): Comparison {
  const a = sheetTime(alcn, opts, read);
  const b = sheetTime(native, opts, read);
  let maxRel = 0;
  a.values.forEach((v, k) => {
    const w = b.values[k] as number;
    const rel = v === w ? 0 : Math.abs(v - w) / Math.max(Math.abs(v), Math.abs(w));
    if (rel > maxRel) maxRel = rel;
  });
  return { key, label, rows, alcnMs: a.t, nativeMs: b.t, ratio: a.t.median / b.t.median, maxRelDiff: maxRel };
}

function comparisons(p: Plan): Comparison[] {
  const n = p.compareRows;
  const fs = furnaces(n, 19);
  const out: Comparison[] = [];
  const perRow = (make: (f: (typeof fs)[number], r: number) => (string | number | null)[]): Grid => fs.map((f, r) => make(f, r + 1));

  // INTENSITY vs A/B
  out.push(
    compareCase(
      "intensity",
      "INTENSITY(E, P) vs =E/P",
      n,
      perRow((f, r) => [f.emissions, f.semi, `=ALCN.INTENSITY(A${r},B${r})`]),
      perRow((f, r) => [f.emissions, f.semi, `=A${r}/B${r}`]),
      columnValues(2, 0, n - 1),
      p.compare,
    ),
  );

  // CORRFACTOR vs the LN/EXP native form (power regression), coefficients and averages in row 1 cols F–J.
  const head = (r: number): (number | null)[] => (r === 1 ? [COEFS[0], COEFS[1], COEFS[2], AVG_SIZE, AVG_CHARGES] : [null, null, null, null, null]);
  out.push(
    compareCase(
      "corrfactor",
      "CORRFACTOR(size, charges, …, \"power\") vs =EXP(b0+b1·LN(avg)…)/EXP(b0+b1·LN(size)…)",
      n,
      perRow((f, r) => [f.size, f.charges, `=ALCN.CORRFACTOR(A${r},B${r},$F$1:$H$1,$I$1,$J$1,"power")`, null, null, ...head(r)]),
      perRow((f, r) => [f.size, f.charges, `=EXP($F$1+$G$1*LN($I$1)+$H$1*LN($J$1))/EXP($F$1+$G$1*LN(A${r})+$H$1*LN(B${r}))`, null, null, ...head(r)]),
      columnValues(2, 0, n - 1),
      p.compare,
    ),
  );

  // ALLOWANCE vs the SUMPRODUCT form: two product types on each side per row.
  const alRow = (f: (typeof fs)[number]): number[] => [0.42, 0.47, f.semi, Math.round(f.semi / 3), 0.95, 0.28, 0.33, Math.round(f.semi * 0.8), Math.round(f.semi / 5)];
  out.push(
    compareCase(
      "allowance",
      "ALLOWANCE(up t, up a, cf, down t, down a) vs =SUMPRODUCT(…)/cf+SUMPRODUCT(…)",
      n,
      perRow((f, r) => [...alRow(f), `=ALCN.ALLOWANCE(A${r}:B${r},C${r}:D${r},E${r},F${r}:G${r},H${r}:I${r})`]),
      perRow((f, r) => [...alRow(f), `=SUMPRODUCT(A${r}:B${r},C${r}:D${r})/E${r}+SUMPRODUCT(F${r}:G${r},H${r}:I${r})`]),
      columnValues(9, 0, n - 1),
      p.compare,
    ),
  );

  // FUELCO2 vs amount × GJ/kL × tC/GJ × 44/12 with the same edition's factors typed in.
  const ctx = CTX_EMPTY();
  const gj = finite(invoke(spec("FACTOR"), ["A重油", "gj"], ctx), "FACTOR gj");
  const tc = finite(invoke(spec("FACTOR"), ["A重油", "tc"], ctx), "FACTOR tc");
  out.push(
    compareCase(
      "fuelco2",
      "FUELCO2(kL, \"A重油\") vs =kL*GJ*tC*44/12",
      n,
      perRow((f, r) => [f.semi / 10, `=ALCN.FUELCO2(A${r},"A重油")`]),
      perRow((f, r) => [f.semi / 10, `=A${r}*${gj}*${tc}*44/12`]),
      columnValues(1, 0, n - 1),
      p.compare,
    ),
  );

  // TARGET vs PERCENTILE.INC on one large column (one formula).
  const big = furnaces(p.compareBigRows, 23).map((f) => Math.round((f.emissions / f.semi) * 1e6) / 1e6);
  const bigGrid = (formula: string): Grid => big.map((v, k) => [v, k === 0 ? formula : null]);
  out.push(
    compareCase(
      "target",
      "TARGET(intensities, 50) vs =PERCENTILE.INC(intensities, 0.5)",
      big.length,
      bigGrid(`=ALCN.TARGET(A1:A${big.length},50)`),
      bigGrid(`=PERCENTILE.INC(A1:A${big.length},0.5)`),
      columnValues(1, 0, 0),
      p.compare,
    ),
  );

  // COMPANYCF (one formula) vs a native CF column and SUMPRODUCT.
  const cRow = (f: (typeof fs)[number], r: number): (string | number | null)[] => [f.size, f.charges, f.emissions, `=EXP($F$1+$G$1*LN($I$1)+$H$1*LN($J$1))/EXP($F$1+$G$1*LN(A${r})+$H$1*LN(B${r}))`, null, ...head(r)];
  out.push(
    compareCase(
      "companycf",
      "COMPANYCF(sizes, charges, emissions, …) vs a native CF column + =SUMPRODUCT(E, CF)/SUM(E)",
      n,
      perRow((f, r) => [f.size, f.charges, f.emissions, null, r === 1 ? `=ALCN.COMPANYCF(A1:A${n},B1:B${n},C1:C${n},$F$1:$H$1,$I$1,$J$1,"power")` : null, ...head(r)]),
      perRow((f, r) => {
        const row = cRow(f, r);
        row[4] = r === 1 ? `=SUMPRODUCT(C1:C${n},D1:D${n})/SUM(C1:C${n})` : null;
        return row;
      }),
      columnValues(4, 0, 0),
      p.compare,
    ),
  );
  return out;
}

// ---------------------------------------------------------------------------------------------------------

export async function runBench(opts: BenchOptions): Promise<BenchResult> {
  const started = performance.now();
  const loadStart = loadavg()[0] ?? Number.NaN;
  const p = planOf(opts.quick);
  const tmp = mkdtempSync(join(tmpdir(), "alcn-bench-"));
  const figures: Figure[] = [];
  try {
    opts.progress("core call cost …");
    figures.push(...callCosts(p));

    opts.progress(`COMPANYCF on ${p.companyRows} rows, REGFIT on ${p.regfitRows} × 2 …`);
    const cc = timeMs(companyCfRun(p.companyRows), p.big);
    figures.push({ key: "companycf_100k_ms", label: `COMPANYCF on ${p.companyRows} furnace rows (power form, invoke)`, unit: "ms", budget: 1000, value: cc.median, spread: cc });
    const rf = timeMs(regfitRun(p.regfitRows), p.big);
    figures.push({ key: "regfit_10k_ms", label: `REGFIT on ${p.regfitRows} rows × 2 regressors (power form, invoke)`, unit: "ms", budget: 500, value: rf.median, spread: rf });

    opts.progress("growth …");
    const gs = [
      growth("COMPANYCF", "growth_companycf", p.companyRows / 2, companyCfRun, p.growth),
      growth("REGFIT", "growth_regfit", p.regfitRows / 2, regfitRun, p.growth),
      growth("TARGET (count)", "growth_target", p.targetRows / 2, (n) => targetRun(n, false), p.growth),
      growth("TARGET (activity-weighted)", "growth_target_activity", p.targetRows / 2, (n) => targetRun(n, true), p.growth),
      growth("industry workbook recalc (evaluate)", "growth_recalc", p.industryFurnaces / 2, industryEvalRun, { warmup: 1, runs: Math.max(2, Math.ceil(p.recalc.runs / 2)) }),
    ];
    const worst = gs.reduce((a, b) => (b.value > a.value ? b : a));
    const worstCpu = gs.reduce((a, b) => ((b.cpuRatio ?? 0) > (a.cpuRatio ?? 0) ? b : a));
    figures.push({ key: "growth_ratio", label: `growth, worst of ${gs.length} (${worst.key.replace("growth_", "")})`, unit: "×", budget: 2, value: worst.value, detail: worst.detail, ...(worstCpu.cpuRatio !== undefined ? { cpuRatio: worstCpu.cpuRatio } : {}) });
    figures.push({ key: "growth_ratio_cpu", label: `growth in CPU time, worst (${worstCpu.key.replace("growth_", "")})`, unit: "×", value: worstCpu.cpuRatio ?? Number.NaN });
    figures.push(...gs);

    opts.progress("workbooks …");
    figures.push(...(await recalcFigures(p, tmp, opts.progress)));

    opts.progress("bundles …");
    figures.push(...bundleFigures(opts.build, tmp, opts.progress));

    opts.progress("host round trips …");
    figures.push(...(await hostFigures(p.writeFurnaces)));

    opts.progress("ALCN vs native formulas …");
    const comps = comparisons(p);
    const load: [number, number] = [loadStart, loadavg()[0] ?? Number.NaN];
    return { figures, comparisons: comps, machine: { ...machine(), load }, quick: opts.quick, seconds: (performance.now() - started) / 1000 };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The keys SPEC §8 / issue 8 require in the JSON line. */
export const REQUIRED_KEYS = [
  "corrfactor_us",
  "allowance_us",
  "fuelco2_us",
  "companycf_100k_ms",
  "regfit_10k_ms",
  "growth_ratio",
  "recalc_demo_ms",
  "recalc_1000_ms",
  "functions_gzip_kb",
  "taskpane_gzip_kb",
  "syncs_1000_rows",
] as const;

/** The one-line JSON: every figure's median under its key, comparisons as <case>_ratio, plus spreads and the machine. */
export function toJson(r: BenchResult): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of r.figures) out[f.key] = round4(f.value);
  for (const c of r.comparisons) out[`compare_${c.key}_ratio`] = round4(c.ratio);
  out.spread = Object.fromEntries(
    r.figures.flatMap((f) => {
      const sp = f.spread;
      if (!sp) return [];
      return [[f.key, { p10: round4(sp.p10), p90: round4(sp.p90), min: round4(sp.min), max: round4(sp.max), runs: sp.runs, ...(sp.cpu ? { cpu_median: round4(sp.cpu.median) } : {}) }]];
    }),
  );
  out.compare = Object.fromEntries(r.comparisons.map((c) => [c.key, { rows: c.rows, alcn_ms: round4(c.alcnMs.median), native_ms: round4(c.nativeMs.median), ratio: round4(c.ratio), max_rel_diff: c.maxRelDiff }]));
  const over = r.figures.filter((f) => f.budget !== undefined && !(f.value <= f.budget));
  out.over_budget = over.map((f) => f.key);
  // Over in CPU time as well (wall time alone can be a busy machine).
  out.over_budget_cpu = over.filter((f) => !((f.spread?.cpu?.median ?? f.cpuRatio ?? f.value) <= (f.budget as number))).map((f) => f.key);
  out.machine = r.machine;
  out.quick = r.quick;
  out.seconds = round4(r.seconds);
  return out;
}

function round4(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(4)) : x;
}
