/**
 * Timing for `npm run bench`: warm-up runs (discarded), then repeated runs, summarised as median with
 * p10–p90 and min–max. Times come from performance.now(); a run that measures a cheap call repeats it
 * `batch` times so each sample is well above the timer's resolution.
 */

export interface Summary {
  /** Median of the samples (the figure compared with the budget). */
  readonly median: number;
  readonly p10: number;
  readonly p90: number;
  readonly min: number;
  readonly max: number;
  /** Number of samples after warm-up. */
  readonly runs: number;
  /**
   * The same runs in process CPU time (user + system, same unit): on a busy machine wall time waits for a
   * core, CPU time does not, so the two together tell a slow function from a crowded machine.
   */
  readonly cpu?: { readonly median: number; readonly p10: number; readonly p90: number };
}

export interface RunOptions {
  /** Runs discarded before measuring (JIT, caches). */
  readonly warmup: number;
  /** Measured runs. */
  readonly runs: number;
}

/** Inclusive percentile (as PERCENTILE.INC) of sorted numbers. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (h - lo);
}

export function summarise(samples: readonly number[], cpuSamples?: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const c = cpuSamples ? [...cpuSamples].sort((a, b) => a - b) : undefined;
  return {
    median: percentile(s, 0.5),
    p10: percentile(s, 0.1),
    p90: percentile(s, 0.9),
    min: s[0] ?? Number.NaN,
    max: s[s.length - 1] ?? Number.NaN,
    runs: s.length,
    ...(c ? { cpu: { median: percentile(c, 0.5), p10: percentile(c, 0.1), p90: percentile(c, 0.9) } } : {}),
  };
}

/** CPU milliseconds of this process since `from` (process.cpuUsage). */
function cpuMsSince(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
}

/** Milliseconds per run of fn. */
export function timeMs(fn: () => unknown, opts: RunOptions): Summary {
  for (let i = 0; i < opts.warmup; i++) sink(fn());
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    sink(fn());
    samples.push(performance.now() - t0);
    cpu.push(cpuMsSince(c0));
  }
  return summarise(samples, cpu);
}

/**
 * A full garbage collection, when the runtime lets us ask for one: `global.gc` under --expose-gc, else the
 * flag set at run time (V8 accepts it late; the function then lives in a fresh context). undefined if neither.
 */
function fullGc(): (() => void) | undefined {
  const g = (globalThis as { gc?: () => void }).gc;
  if (typeof g === "function") return g;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require("v8") as typeof import("v8")).setFlagsFromString("--expose-gc");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fromContext = (require("vm") as typeof import("vm")).runInNewContext("gc") as unknown;
    return typeof fromContext === "function" ? (fromContext as () => void) : undefined;
  } catch {
    return undefined;
  }
}

let gcOnce: { fn: (() => void) | undefined } | undefined;
/** Whether timeMsInterleaved collects garbage before each run (reported by the bench). */
export function gcBetweenRuns(): boolean {
  gcOnce ??= { fn: fullGc() };
  return gcOnce.fn !== undefined;
}

/**
 * Milliseconds per run of several fns measured in alternation (a, b, a, b …) after warming each: each sees
 * the same heap and machine state, so their ratio is not skewed by what ran before (growth checks).
 */
export function timeMsInterleaved(fns: readonly (() => unknown)[], opts: RunOptions): Summary[] {
  gcBetweenRuns();
  const gc = gcOnce?.fn;
  for (let i = 0; i < opts.warmup; i++) for (const fn of fns) sink(fn());
  const samples = fns.map(() => [] as number[]);
  const cpu = fns.map(() => [] as number[]);
  for (let i = 0; i < opts.runs; i++) {
    // Alternate which size goes first, and start each run on a collected heap: the garbage the previous run
    // left (100 000 Decimals) is otherwise collected inside the next one, charged to whichever size follows.
    const turn = i % 2 === 0 ? fns.map((_, k) => k) : fns.map((_, k) => fns.length - 1 - k);
    turn.forEach((k) => {
      const fn = fns[k] as () => unknown;
      if (gc) gc();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      sink(fn());
      (samples[k] as number[]).push(performance.now() - t0);
      (cpu[k] as number[]).push(cpuMsSince(c0));
    });
  }
  return samples.map((s, k) => summarise(s, cpu[k]));
}

/** Milliseconds per run of an async fn (runs one after another). */
export async function timeMsAsync(fn: () => Promise<unknown>, opts: RunOptions): Promise<Summary> {
  for (let i = 0; i < opts.warmup; i++) sink(await fn());
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    sink(await fn());
    samples.push(performance.now() - t0);
    cpu.push(cpuMsSince(c0));
  }
  return summarise(samples, cpu);
}

/** Microseconds per call: each sample times `batch` calls and divides. */
export function timePerCallUs(fn: () => unknown, batch: number, opts: RunOptions): Summary {
  const one = (): void => {
    for (let i = 0; i < batch; i++) sink(fn());
  };
  for (let i = 0; i < opts.warmup; i++) one();
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    one();
    samples.push(((performance.now() - t0) * 1000) / batch);
    cpu.push((cpuMsSince(c0) * 1000) / batch);
  }
  return summarise(samples, cpu);
}

/** Keeps results alive so the optimiser cannot drop the measured work. */
let sunk: unknown;
let sinkCount = 0;
export function sink(v: unknown): void {
  sinkCount++;
  if ((sinkCount & 0xffff) === 0) sunk = v;
}
export function lastSunk(): unknown {
  return sunk;
}

/** "12.3 (11.9–13.0)" with p10–p90, rounded to a sensible number of digits. */
export function showSummary(s: Summary): string {
  return `${round(s.median)} (p10–p90 ${round(s.p10)}–${round(s.p90)}, min–max ${round(s.min)}–${round(s.max)}, n=${s.runs})`;
}

export function round(x: number): number {
  if (!Number.isFinite(x)) return x;
  const a = Math.abs(x);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
