/**
 * Fuel names → the SHK (算定省令) fuel keys used in parameter names ("shk.<key>.gj", "shk.<key>.tc"),
 * and the factor look-up shared by FUELCO2, FUELGJ and FACTOR.
 *
 * Matching (docs/decisions/202-fuel-name-matching.md): NFKC (全角/半角), lower case, and spaces,
 * 「・」, "/", ",", "-", "_", "." and brackets removed; then a fixed table of Japanese and English names.
 * A name not in the table is tried as a fuel key of the edition itself, so an edition or a Parameters
 * sheet that adds "shk.軽油.gj"/"shk.軽油.tc" makes "軽油" usable without a new release.
 */
import { D } from "../decimal";
import { CalcAbort, fail } from "../errors";
import type { ParameterStore } from "../parameters";

export interface FuelInfo {
  /** The key in parameter names, the ordinance's own name (e.g. "A重油"). */
  readonly key: string;
  /** English name for messages and documentation. */
  readonly en: string;
  /** Unit of the amount (what one GJ/unit factor refers to). */
  readonly unit: string;
  /** Accepted names besides the key (matched after normalisation). */
  readonly aliases: readonly string[];
}

/** The fuels of SPEC 3.2 in the ordinance's order. */
export const FUELS: readonly FuelInfo[] = [
  { key: "灯油", en: "kerosene", unit: "kL", aliases: ["kerosene", "kerosine", "とうゆ"] },
  {
    key: "A重油",
    en: "fuel oil A",
    unit: "kL",
    aliases: ["fuel oil A", "A fuel oil", "A heavy oil", "heavy oil A", "heavy fuel oil A", "重油A"],
  },
  {
    key: "B・C重油",
    en: "fuel oil B/C",
    unit: "kL",
    aliases: [
      "BC重油", "B/C重油", "B重油又はC重油", "B重油", "C重油", "重油B", "重油C",
      "fuel oil B/C", "fuel oil BC", "fuel oil B", "fuel oil C", "B/C fuel oil", "B fuel oil", "C fuel oil",
      "heavy oil B/C", "heavy oil B", "heavy oil C", "B/C heavy oil", "B heavy oil", "C heavy oil", "heavy fuel oil C", "heavy fuel oil B",
    ],
  },
  { key: "LPG", en: "LPG", unit: "t", aliases: ["液化石油ガス", "液化石油ガス(LPG)", "LPガス", "liquefied petroleum gas"] },
  { key: "LNG", en: "LNG", unit: "t", aliases: ["液化天然ガス", "液化天然ガス(LNG)", "liquefied natural gas"] },
  {
    key: "天然ガス",
    en: "natural gas",
    unit: "千m³",
    aliases: ["natural gas", "天然ガス(液化天然ガスを除く)", "天然ガス(液化天然ガス(LNG)を除く。)", "天然ガス(LNGを除く)", "natural gas (excluding LNG)"],
  },
  { key: "都市ガス", en: "city gas", unit: "千m³", aliases: ["city gas", "town gas", "都市ガス(一般ガス)"] },
];

/** The comparison form of a fuel name: NFKC, lower case, separators and brackets removed. */
export function normaliseFuelName(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\u3000・･/,、.。\-‐_()[\]「」『』]/g, "");
}

const ALIAS = new Map<string, FuelInfo>();
for (const f of FUELS) {
  for (const a of [f.key, ...f.aliases]) {
    const k = normaliseFuelName(a);
    const prev = ALIAS.get(k);
    if (prev && prev !== f) throw new Error(`fuel alias "${a}" is ambiguous`);
    ALIAS.set(k, f);
  }
}

/** The built-in fuel a name means, or undefined. */
export function fuelOf(name: string): FuelInfo | undefined {
  return ALIAS.get(normaliseFuelName(name));
}

/** The accepted names, as listed in the #N/A message of an unknown fuel. */
export function acceptedFuelNames(extra: readonly string[] = []): string {
  const builtIn = FUELS.map((f) => (f.key === f.en ? f.key : `${f.key} (${f.en})`));
  return [...builtIn, ...extra].join(", ");
}

/** An edition id as the user typed it (case and width ignored); unknown → #N/A listing the editions. */
export function editionIdOf(params: ParameterStore, typed: string | undefined): string | undefined {
  if (typed === undefined || typed === "") return undefined;
  const ids = params.editionIds();
  if (ids.includes(typed)) return typed;
  const k = typed.normalize("NFKC").trim().toLowerCase();
  const hit = ids.find((id) => id.toLowerCase() === k);
  if (hit === undefined) fail("NA", "unknownEdition", { value: typed, allowed: ids.join(", ") });
  return hit;
}

/** The edition a factor is read from, for messages: the named one or the active factors edition. */
function editionLabel(params: ParameterStore, editionId: string | undefined): string {
  return editionId ?? params.activeEdition("factors") ?? "(none)";
}

/** Is a parameter there (in the named edition, or in the overrides / active editions)? */
function has(params: ParameterStore, name: string, editionId: string | undefined): boolean {
  try {
    params.resolve(name, editionId);
    return true;
  } catch (e) {
    if (e instanceof CalcAbort && e.error.id === "unknownParam") return false;
    throw e;
  }
}

/** Fuels an edition defines beyond the built-in table (keys of "shk.<key>.gj"). */
function extraFuels(params: ParameterStore, editionId: string | undefined): string[] {
  const id = editionId ?? params.activeEdition("factors");
  const values = id === undefined ? {} : (params.edition(id)?.values ?? {});
  const builtIn = new Set(FUELS.map((f) => f.key));
  return Object.keys(values)
    .map((n) => /^shk\.(.+)\.gj$/.exec(n)?.[1])
    .filter((k): k is string => k !== undefined && !builtIn.has(k));
}

/**
 * The parameter key of a fuel name. A built-in name gives its key (whether or not the edition lists it,
 * so that a missing factor is reported as "not in this edition"); another name is accepted when the
 * edition (or the workbook) defines "shk.<name>.gj"; otherwise #N/A listing the accepted names.
 */
export function fuelKeyOf(params: ParameterStore, name: string, editionId: string | undefined): string {
  const f = fuelOf(name);
  if (f) return f.key;
  const own = name.normalize("NFKC").trim();
  if (own !== "" && has(params, `shk.${own}.gj`, editionId)) return own;
  return fail("NA", "unknownFuel", { value: name, allowed: acceptedFuelNames(extraFuels(params, editionId)) });
}

/**
 * One factor of a fuel as a Decimal: "gj" (GJ per unit) or "tc" (t-C per GJ). Without an edition the
 * workbook overrides win over the active factors edition (ParameterStore.resolve).
 */
export function fuelFactor(params: ParameterStore, key: string, what: "gj" | "tc", editionId: string | undefined): D {
  const name = `shk.${key}.${what}`;
  if (!has(params, name, editionId)) fail("NA", "fuelNotInEdition", { value: key, edition: editionLabel(params, editionId) });
  const r = params.resolve(name, editionId);
  const v = r.entry.value;
  if (v === null) fail("NA", "unpublished", { value: name, edition: r.edition });
  if (typeof v !== "number") fail("VALUE", "factorNotNumber", { value: name, edition: r.edition });
  return new D(v);
}

/** 44/12 applied as ×44 ÷12 (one rounding at the end). */
export function carbonToCo2(tc: D): D {
  return tc.mul(44).div(12);
}
