/**
 * What a column of an input table holds, from its header (Japanese or English, as the wizard writes them
 * and as companies commonly label them): furnace id, size, charges, emissions, production, a base-year
 * value, that year's status, operating days, or another number.
 */

export type ColumnRole =
  | { readonly kind: "label" }
  | { readonly kind: "size" }
  | { readonly kind: "charges" }
  | { readonly kind: "emissions" }
  | { readonly kind: "production" }
  | { readonly kind: "year"; readonly year: number }
  | { readonly kind: "status"; readonly year?: number }
  | { readonly kind: "days"; readonly year?: number }
  | { readonly kind: "number" }
  | { readonly kind: "optional" };

const YEAR = /(?:FY\s*)?(20\d\d)(?:\s*年度?)?/i;

function yearOf(h: string): number | undefined {
  const m = YEAR.exec(h);
  return m ? Number(m[1]) : undefined;
}

/** The role of one header text; undefined when the text is not a header ALCN knows. */
export function roleOf(header: string): ColumnRole | undefined {
  const h = header.normalize("NFKC").trim();
  const l = h.toLowerCase();
  if (h === "") return undefined;
  const year = yearOf(h);
  if (/状態|ステータス|status/.test(l)) return year === undefined ? { kind: "status" } : { kind: "status", year };
  if (/日数|days/.test(l)) return year === undefined ? { kind: "days" } : { kind: "days", year };
  if (/原単位|intensity|水準|level|目標|target|係数|factor|cf\b/.test(l)) return { kind: "optional" };
  if (/炉id|炉番号|炉名|^炉$|^furnace( id| name)?$|^id$|工程|^side$|製品区分|品種|product type|名称|^name$/.test(l)) return { kind: "label" };
  if (/炉サイズ|炉容量|容量|size|capacity/.test(l)) return { kind: "size" };
  if (/チャージ|charge/.test(l)) return { kind: "charges" };
  if (/排出量|emission|co2/.test(l)) return { kind: "emissions" };
  if (year !== undefined && /^(?:fy\s*)?20\d\d(?:\s*年度?)?(?:\s*[(（].*[)）])?$/.test(l)) return { kind: "year", year };
  if (/生産量|生産|半製品|production|semi|output|活動量|activity/.test(l)) return { kind: "production" };
  return undefined;
}

/** Is this row a header row: at least two cells are known headers and every non-blank cell is text? */
export function headerRoles(row: readonly unknown[]): (ColumnRole | undefined)[] | undefined {
  let known = 0;
  const roles = row.map((c) => {
    if (typeof c !== "string") return undefined;
    const r = roleOf(c);
    if (r) known++;
    return r;
  });
  const allText = row.every((c) => c === null || c === undefined || c === "" || typeof c === "string");
  return known >= 2 && allText ? roles : undefined;
}
