/** A versioned parameter set (an edition) as stored in editions/*.json. */
export interface Source {
  /** Document title, e.g. 「アルミニウムベンチマーク（案）」 METI 2025-10-02. */
  readonly document: string;
  readonly date?: string;
  readonly page?: string;
  readonly note?: string;
}

export type ParamValue = number | string | readonly number[] | null;

export interface ParamEntry {
  /** The value; null when not published. */
  readonly value: ParamValue;
  readonly unit: string;
  readonly source: Source;
  /** true where the product assumes a value the source does not state. */
  readonly assumption: boolean;
  readonly description?: { readonly ja: string; readonly en: string };
}

export type EditionKind = "benchmark" | "factors" | "lci";

export interface Edition {
  readonly id: string;
  readonly kind: EditionKind;
  readonly validFrom: string;
  readonly title: { readonly ja: string; readonly en: string };
  readonly values: Readonly<Record<string, ParamEntry>>;
}
