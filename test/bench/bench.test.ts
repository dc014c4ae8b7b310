/**
 * The bench machinery (npm run bench) in quick mode: every SPEC §8 key present as a finite number, the
 * human table lists each budgeted figure with a status. Behaviour only — timings are never asserted.
 * Uses dist/ for the bundle sizes when present (CI builds first), else builds into a temporary directory.
 */
import { REQUIRED_KEYS, runBench, toJson, type BenchResult } from "../../bench/figures";
import { human } from "../../bench/run";
import { percentile, summarise, timeMs, timePerCallUs } from "../../bench/stats";
import { call } from "../helpers";

describe("bench statistics", () => {
  it("percentiles interpolate like PERCENTILE.INC; summaries carry median, p10–p90, min–max, CPU", () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([5], 0.9)).toBe(5);
    expect(Number.isNaN(percentile([], 0.5))).toBe(true);
    const s = summarise([3, 1, 2, 10, 4], [1, 1, 1, 1, 1]);
    expect([s.median, s.min, s.max, s.runs]).toEqual([3, 1, 10, 5]);
    expect(s.p10).toBeCloseTo(1.4, 12);
    expect(s.cpu?.median).toBe(1);
  });

  it("runs warm-ups then the measured runs, per call when batched", () => {
    let calls = 0;
    const s = timeMs(() => calls++, { warmup: 2, runs: 5 });
    expect(calls).toBe(7);
    expect(s.runs).toBe(5);
    calls = 0;
    const p = timePerCallUs(() => calls++, 10, { warmup: 1, runs: 3 });
    expect(calls).toBe(40);
    expect(Number.isFinite(p.median) && p.median >= 0).toBe(true);
  });
});

describe("npm run bench --quick", () => {
  let result: BenchResult;
  beforeAll(async () => {
    result = await runBench({ quick: true, build: false, progress: () => undefined });
  }, 300_000);

  it("the JSON line has every required key as a finite number, and the comparisons", () => {
    const json = toJson(result);
    const line = JSON.stringify(json);
    expect(line).not.toContain("\n");
    const parsed = JSON.parse(line) as Record<string, unknown>;
    for (const k of REQUIRED_KEYS) {
      expect([k, typeof parsed[k], Number.isFinite(parsed[k])]).toEqual([k, "number", true]);
    }
    for (const k of ["intensity", "corrfactor", "allowance", "fuelco2", "target", "companycf"]) {
      const r = parsed[`compare_${k}_ratio`];
      expect([k, Number.isFinite(r) && (r as number) > 0]).toEqual([k, true]);
    }
    // The pane's write stays within the round-trip budget whatever the row count (not a timing).
    expect(parsed.syncs_1000_rows).toBeLessThanOrEqual(5);
    expect(parsed.quick).toBe(true);
  });

  it("ALCN and native formulas agree in every comparison (to double rounding)", () => {
    for (const c of result.comparisons) expect([c.key, c.maxRelDiff < 1e-12]).toEqual([c.key, true]);
  });

  it("the human table shows each budgeted figure with its budget and a status", () => {
    const text = human(result);
    const budgeted = result.figures.filter((f) => f.budget !== undefined);
    expect(budgeted.map((f) => f.key).sort()).toEqual([...REQUIRED_KEYS].sort());
    for (const f of budgeted) {
      const line = text.split("\n").find((l) => l.startsWith(f.label));
      expect(line).toBeDefined();
      expect(line).toMatch(/\b(within|OVER|OVER \(CPU time within: busy machine\))$/);
    }
    expect(text).toContain("ALCN vs native");
  });
});

describe("COMPANYCF column-wise path (the bench's speed fix) = Σ E·CORRFACTOR / Σ E", () => {
  it.each(["linear", "log", "power"])("%s form, repeated and distinct furnaces, a zero-emission row", (form) => {
    const coefs = form === "linear" ? [[2, -0.01, -0.05]] : form === "log" ? [[3, -0.2, -0.1]] : [[-0.35, -0.18, -0.22]];
    expect(call("CORRFACTOR", 60, 0.8, coefs, 35, 0.55, form)).toEqual(expect.any(Number));
    const rows = [
      [60, 0.8, 21400],
      [45, 0.65, 15800],
      [60, 0.8, 100],
      [30, 0.5, 0],
      [15, 0.3, 4100],
      [45, 0.3, 700],
    ];
    const cfs = rows.map(([s, h]) => call("CORRFACTOR", s as number, h as number, coefs, 35, 0.55, form) as number);
    const sumE = rows.reduce((a, r) => a + (r[2] as number), 0);
    const expected = rows.reduce((a, r, i) => a + (r[2] as number) * (cfs[i] as number), 0) / sumE;
    const got = call("COMPANYCF", rows.map((r) => [r[0]]), rows.map((r) => [r[1]]), rows.map((r) => [r[2]]), coefs, 35, 0.55, form) as number;
    expect(Math.abs(got - expected) / expected).toBeLessThan(1e-14);
  });

  it("a non-positive f on a later row is still #NUM!, a non-positive size still #NUM!", () => {
    const coefs = [[1, -0.05, 0]];
    expect(call("COMPANYCF", [[1], [30]], [[1], [1]], [[10], [10]], coefs, 10, 1, "linear")).toMatchObject({ code: "NUM" });
    expect(call("COMPANYCF", [[10], [0]], [[1], [1]], [[10], [10]], [[-0.35, -0.18, -0.22]], 35, 0.55, "power")).toMatchObject({ code: "NUM" });
  });
});
