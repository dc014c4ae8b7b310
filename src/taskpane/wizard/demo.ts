/** The demo company (src/core/workbook/demo.ts, shared with `alcn template` and `npm run demo`) as wizard state. */
import { DEMO_ALLOWANCE, DEMO_INDUSTRY, type AllowanceInputs, type IndustryInputs } from "../../core/workbook";
import { fitFromTable, fittedFields } from "./compute";
import { initialState, newKey, type ProductRow, type WizardState } from "./state";

const str = (v: number | null | undefined): string => (v === null || v === undefined ? "" : String(v));

export function stateFromInputs(inp: AllowanceInputs, lang: "ja" | "en", base: WizardState = initialState()): WizardState {
  return {
    ...base,
    company: inp.company[lang],
    fy: inp.fiscalYear,
    furnaces: inp.furnaces.map((f) => ({ key: newKey(), id: f.id, capacity: str(f.capacity_t), charges: str(f.charges_per_h), emissions: str(f.emissions_t), semi: str(f.semi_t) })),
    form: inp.regression.form,
    coefs: inp.regression.coefs.map(String).join("\t"),
    avgSize: str(inp.regression.avgSize),
    avgCharges: str(inp.regression.avgCharges),
    source: inp.regression.source[lang],
    products: inp.products.map(
      (p): ProductRow => ({
        key: newKey(),
        side: p.side,
        name: p.name[lang],
        values: [str(p.baseline[0]), str(p.baseline[1]), str(p.baseline[2])],
        statuses: [...p.statuses],
        days: str(p.days[2]),
        base: "base" in p.target ? str(p.target.base) : "",
        final: "final" in p.target ? str(p.target.final) : "",
        targetMode: "typed" in p.target ? "typed" : "path",
        typed: "typed" in p.target ? str(p.target.typed) : "",
      }),
    ),
    outlook: inp.expectedEmissions.map((y) => ({ fy: y.fy, emissions: str(y.emissions), credits: str(y.credits) })),
    outlookEdited: true,
  };
}

/** An industry furnace table as the wizard's paste box holds it: size, charges, intensity, production per row. */
export function industryTable(ind: IndustryInputs): string {
  return ind.furnaces.map((f) => [f.size, f.charges, f.intensity, f.production].join("\t")).join("\n");
}

/**
 * The demo company with the demo industry table in the fit box and the regression fitted on it — the same
 * fit `alcn template` and `npm run demo` put on their Industry sheet, so the preview and the CLI demo give
 * the same allowance.
 */
export function demoState(lang: "ja" | "en", base?: WizardState): WizardState {
  const st = { ...stateFromInputs(DEMO_ALLOWANCE, lang, base), fitTable: industryTable(DEMO_INDUSTRY) };
  const fit = fitFromTable(st.fitTable, st.form, lang);
  if (!fit.ok) return st; // cannot happen with the shipped table; the pasted placeholders stay then
  return { ...st, ...fittedFields(fit), source: `${DEMO_INDUSTRY.source[lang]} — REGFIT (${fit.n})` };
}
