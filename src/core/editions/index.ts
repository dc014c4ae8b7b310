/** The editions shipped with ALCN. A user's or the association's edition is added at run time (ParameterStore.addEdition). */
import jaaLci from "./jaa-lci.json";
import metiDraft from "./meti-al-2025-10-draft.json";
import shk2024 from "./shk-2024.json";
import shkH22 from "./shk-h22.json";
import { parseEdition } from "./validate";
import type { Edition } from "./types";

export const SHIPPED_EDITIONS: readonly Edition[] = [metiDraft, shk2024, shkH22, jaaLci].map(parseEdition); // shk-2024 before shk-h22: the first of a kind is active

export type { Edition, EditionKind, ParamEntry, ParamValue, Source } from "./types";
export { parseEdition } from "./validate";
