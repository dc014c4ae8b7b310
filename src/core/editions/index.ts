/** The editions shipped with ALCN. A user's or the association's edition is added at run time (ParameterStore.addEdition). */
import metiDraft from "./meti-al-2025-10-draft.json";
import { parseEdition } from "./validate";
import type { Edition } from "./types";

export const SHIPPED_EDITIONS: readonly Edition[] = [metiDraft].map(parseEdition);

export type { Edition, EditionKind, ParamEntry, ParamValue, Source } from "./types";
export { parseEdition } from "./validate";
