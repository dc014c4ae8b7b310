/**
 * The 1 000-furnace industry workbook of SPEC 8, as the association (or a verifier) would hold it: every
 * furnace of the industry with its company, the industry regression fitted from the furnaces (REGFIT,
 * power form), a correction factor per furnace (CORRFACTOR on the fitted coefficients), a company
 * correction factor per company (COMPANYCF over its furnaces) and corrected company intensities, and the
 * benchmark levels (TARGET top 50 % and 32.5 %, by count and activity-weighted). Built as a WorkbookPlan
 * (src/core/workbook/plan.ts), so the CLI writer renders it to .xlsx and `alcn recalc` reads it back.
 */
import { cellRef, columnLetters, onSheet, SheetBuilder, type WorkbookPlan } from "../src/core/workbook";
import { furnaces } from "./data";

export const FURNACES_PER_COMPANY = 5;
const FURNACE_SHEET = "Furnaces";
const COMPANY_SHEET = "Companies";
const INDUSTRY_SHEET = "Industry";

export function industryPlan(nFurnaces: number): WorkbookPlan {
  const rows = furnaces(nFurnaces, 42);
  const first = 1; // 0-based row of the first furnace (row 2 in Excel)
  const last = first + nFurnaces - 1;
  const on = (col: number): string => onSheet(FURNACE_SHEET, `$${columnLetters(col)}$${first + 1}:$${columnLetters(col)}$${last + 1}`);

  // Industry sheet: regression, averages, industry CF, benchmark levels.
  const ind = new SheetBuilder(INDUSTRY_SHEET);
  const coefs = `${onSheet(INDUSTRY_SHEET, "$B$2:$D$2")}`;
  const avgSize = onSheet(INDUSTRY_SHEET, "$B$3");
  const avgCharges = onSheet(INDUSTRY_SHEET, "$B$4");

  // Furnaces sheet: A id, B company, C size, D charges, E emissions, F semi, G intensity (INTENSITY; REGFIT's
  // y), H CF, I corrected (G × H).
  const fs = new SheetBuilder(FURNACE_SHEET);
  ["id", "company", "size_t", "charges_per_h", "emissions_t", "semi_t", "intensity", "cf", "corrected"].forEach((h, c) => fs.set(0, c, { role: "header", value: h }));
  rows.forEach((f, i) => {
    const r = first + i;
    const ref = (c: number): string => cellRef(r, c);
    fs.set(r, 0, { role: "input", value: `F${i + 1}` });
    fs.set(r, 1, { role: "input", value: `C${Math.floor(i / FURNACES_PER_COMPANY) + 1}` });
    fs.set(r, 2, { role: "input", value: f.size });
    fs.set(r, 3, { role: "input", value: f.charges });
    fs.set(r, 4, { role: "input", value: f.emissions });
    fs.set(r, 5, { role: "input", value: f.semi });
    fs.set(r, 6, { role: "output", formula: `=ALCN.INTENSITY(${ref(4)},${ref(5)})` });
    fs.set(r, 7, { role: "output", formula: `=ALCN.CORRFACTOR(${ref(2)},${ref(3)},${coefs},${avgSize},${avgCharges},"power")` });
    fs.set(r, 8, { role: "output", formula: `=${ref(6)}*${ref(7)}` });
  });

  ind.set(0, 0, { role: "header", value: "industry" });
  ind.set(1, 0, { role: "label", value: "REGFIT power (b0, b1 size, b2 charges)" });
  ind.set(1, 1, { role: "output", formula: `=ALCN.REGFIT(${on(6)},${onSheet(FURNACE_SHEET, `$C$${first + 1}:$D$${last + 1}`)},"power")` });
  ind.set(2, 0, { role: "label", value: "average size" });
  ind.set(2, 1, { role: "output", formula: `=AVERAGE(${on(2)})` });
  ind.set(3, 0, { role: "label", value: "average charges" });
  ind.set(3, 1, { role: "output", formula: `=AVERAGE(${on(3)})` });
  ind.set(4, 0, { role: "label", value: "industry CF (all furnaces)" });
  ind.set(4, 1, { role: "output", formula: `=ALCN.COMPANYCF(${on(2)},${on(3)},${on(4)},${coefs},${avgSize},${avgCharges},"power")` });

  // Companies sheet: A company, B CF (COMPANYCF over its furnaces), C emissions, D semi, E corrected intensity.
  const nCompanies = Math.ceil(nFurnaces / FURNACES_PER_COMPANY);
  const cs = new SheetBuilder(COMPANY_SHEET);
  ["company", "cf", "emissions_t", "semi_t", "up_intensity"].forEach((h, c) => cs.set(0, c, { role: "header", value: h }));
  for (let k = 0; k < nCompanies; k++) {
    const r = 1 + k;
    const a = first + k * FURNACES_PER_COMPANY + 1; // 1-based Excel rows of its furnaces
    const b = Math.min(last + 1, a + FURNACES_PER_COMPANY - 1);
    const span = (col: string): string => onSheet(FURNACE_SHEET, `${col}${a}:${col}${b}`);
    cs.set(r, 0, { role: "label", value: `C${k + 1}` });
    cs.set(r, 1, { role: "output", formula: `=ALCN.COMPANYCF(${span("C")},${span("D")},${span("E")},${coefs},${avgSize},${avgCharges},"power")` });
    cs.set(r, 2, { role: "output", formula: `=SUM(${span("E")})` });
    cs.set(r, 3, { role: "output", formula: `=SUM(${span("F")})` });
    cs.set(r, 4, { role: "output", formula: `=ALCN.UPINTENSITY(${cellRef(r, 2)},${cellRef(r, 3)},${cellRef(r, 1)})` });
  }
  const cInt = onSheet(COMPANY_SHEET, `$E$2:$E$${nCompanies + 1}`);
  const cAct = onSheet(COMPANY_SHEET, `$D$2:$D$${nCompanies + 1}`);
  const levels: [string, string][] = [
    ["TARGET top 50 % (count)", `=ALCN.TARGET(${cInt},50)`],
    ["TARGET top 32.5 % (count)", `=ALCN.TARGET(${cInt},32.5)`],
    ["TARGET top 50 % (activity)", `=ALCN.TARGET(${cInt},50,${cAct})`],
    ["TARGET top 32.5 % (activity)", `=ALCN.TARGET(${cInt},32.5,${cAct})`],
    ["TARGET furnaces top 50 %", `=ALCN.TARGET(${on(8)},50,${on(5)})`],
  ];
  levels.forEach(([label, formula], i) => {
    ind.set(6 + i, 0, { role: "label", value: label });
    ind.set(6 + i, 1, { role: "output", formula });
  });

  return { sheets: [fs.build(), cs.build(), ind.build()], names: [], mode: "alcn", lang: "en" };
}
