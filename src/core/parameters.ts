/**
 * The active parameter set: shipped editions, editions a user adds, and a workbook's Parameters sheet
 * (overrides that win over the active edition). The taskpane fills the overrides from the sheet's named
 * cells; the CLI from a workbook or an edition; CORRFACTOR with two arguments reads from here.
 */
import { SHIPPED_EDITIONS, type Edition, type EditionKind, type ParamEntry, type ParamValue } from "./editions";
import { fail } from "./errors";

export interface ResolvedParam {
  readonly name: string;
  readonly edition: string;
  readonly entry: ParamEntry;
}

export class ParameterStore {
  private readonly editions = new Map<string, Edition>();
  private readonly active = new Map<EditionKind, string>();
  private overrides = new Map<string, ParamEntry>();
  private overrideLabel = "workbook";

  constructor(editions: readonly Edition[] = SHIPPED_EDITIONS) {
    for (const e of editions) this.addEdition(e);
  }

  /** Add (or replace) an edition; the first of each kind becomes active. */
  addEdition(e: Edition): void {
    this.editions.set(e.id, e);
    if (!this.active.has(e.kind)) this.active.set(e.kind, e.id);
  }

  editionIds(kind?: EditionKind): string[] {
    return [...this.editions.values()].filter((e) => kind === undefined || e.kind === kind).map((e) => e.id);
  }

  edition(id: string): Edition | undefined {
    return this.editions.get(id);
  }

  activeEdition(kind: EditionKind): string | undefined {
    return this.active.get(kind);
  }

  setActive(id: string): void {
    const e = this.editions.get(id);
    if (!e) fail("NA", "unknownEdition", { value: id, allowed: this.editionIds().join(", ") });
    this.active.set(e.kind, id);
  }

  /** Replace the workbook overrides (e.g. the named cells of a Parameters sheet). */
  setOverrides(values: ReadonlyMap<string, ParamEntry> | Record<string, ParamEntry>, label = "workbook"): void {
    this.overrides = new Map(values instanceof Map ? values : Object.entries(values));
    this.overrideLabel = label;
  }

  clearOverrides(): void {
    this.overrides = new Map();
  }

  /**
   * Find a parameter: in the named edition, else the workbook overrides, else the active edition of
   * each kind. Unknown name → #N/A.
   */
  resolve(name: string, editionId?: string): ResolvedParam {
    if (editionId !== undefined) {
      const e = this.editions.get(editionId);
      if (!e) fail("NA", "unknownEdition", { value: editionId, allowed: this.editionIds().join(", ") });
      const entry = e.values[name];
      if (!entry) fail("NA", "unknownParam", { value: name, edition: e.id });
      return { name, edition: e.id, entry };
    }
    const o = this.overrides.get(name);
    if (o) return { name, edition: this.overrideLabel, entry: o };
    for (const id of this.active.values()) {
      const entry = this.editions.get(id)?.values[name];
      if (entry) return { name, edition: id, entry };
    }
    return fail("NA", "unknownParam", { value: name, edition: [...this.active.values()].join(", ") });
  }

  /** The value, with unpublished (null) values as #N/A. */
  value(name: string, editionId?: string): Exclude<ParamValue, null> {
    const r = this.resolve(name, editionId);
    if (r.entry.value === null) fail("NA", "unpublished", { value: name, edition: r.edition });
    return r.entry.value;
  }

  /** The value if set, else undefined (for optional parameters such as the regression). */
  valueOrUndefined(name: string): Exclude<ParamValue, null> | undefined {
    const o = this.overrides.get(name);
    if (o) return o.value ?? undefined;
    for (const id of this.active.values()) {
      const entry = this.editions.get(id)?.values[name];
      if (entry) return entry.value ?? undefined;
    }
    return undefined;
  }
}
