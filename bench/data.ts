/**
 * Deterministic synthetic inputs for the bench: furnaces of a plausible order (the demo company's ranges:
 * 15–80 t, 0.2–1.0 casts per hour, ≈ 0.3–0.5 t-CO2/t) drawn from a seeded generator, so every run and
 * every machine measures the same work.
 */
import type { AllowanceInputs, FurnaceRow } from "../src/core/workbook";
import { DEMO_ALLOWANCE } from "../src/core/workbook";

/** The demo regression (power form): f = exp(b0) · size^b1 · charges^b2. */
export const COEFS = [-0.35, -0.18, -0.22] as const;
export const AVG_SIZE = 35;
export const AVG_CHARGES = 0.55;

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SynthFurnace {
  readonly size: number;
  readonly charges: number;
  /** t-CO2 */
  readonly emissions: number;
  /** t of slab/billet */
  readonly semi: number;
}

/** n furnaces whose intensity follows the power regression with ±10 % noise (values with few decimals, as typed). */
export function furnaces(n: number, seed = 1): SynthFurnace[] {
  const r = rng(seed);
  const out: SynthFurnace[] = [];
  for (let i = 0; i < n; i++) {
    const size = Math.round((15 + r() * 65) * 10) / 10;
    const charges = Math.round((0.2 + r() * 0.8) * 100) / 100;
    const semi = Math.round(5000 + r() * 70000);
    const f = Math.exp(COEFS[0] + COEFS[1] * Math.log(size) + COEFS[2] * Math.log(charges));
    const intensity = f * (0.9 + r() * 0.2);
    out.push({ size, charges, semi, emissions: Math.round(intensity * semi) });
  }
  return out;
}

/** A column as Excel passes a range to a custom function: one row per cell. */
export function column(values: readonly number[]): number[][] {
  return values.map((v) => [v]);
}

/** The demo company with n synthetic furnaces (for the 1 000-row calculation sheet the pane writes). */
export function companyWithFurnaces(n: number): AllowanceInputs {
  const rows: FurnaceRow[] = furnaces(n, 7).map((f, i) => ({
    id: `F-${String(i + 1).padStart(4, "0")}`,
    capacity_t: f.size,
    charges_per_h: f.charges,
    emissions_t: f.emissions,
    semi_t: f.semi,
  }));
  return { ...DEMO_ALLOWANCE, furnaces: rows };
}
