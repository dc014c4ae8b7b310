/** The demo company (src/core/workbook/demo.ts, shared with `alcn template` and `npm run demo`) as wizard state. */
import { DEMO_ALLOWANCE, type AllowanceInputs } from "../../core/workbook";
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

export function demoState(lang: "ja" | "en", base?: WizardState): WizardState {
  return stateFromInputs(DEMO_ALLOWANCE, lang, base);
}
