/**
 * The pane's inputs as a draft kept in the workbook (decision 407), so closing the pane — or Excel — mid-way
 * loses nothing typed. Encoded as versioned JSON; decoded defensively, because a workbook is a file anyone
 * can edit: every field must have the type (and, for choices, a value) the form can hold, otherwise that
 * field falls back to the empty form's.
 */
import { initialFollowupState, type FollowupState } from "./followup/state";
import { initialState, newKey, YEAR_STATUSES, type WizardState } from "./wizard/state";

const VERSION = 1;
/** Rows the user adds (furnaces, products); every other array has the empty form's length. */
const VARIABLE_ROWS = new Set(["furnaces", "products"]);
const MAX_ROWS = 10_000;
/** Text fields' allowed values, by property name. */
const CHOICES: Readonly<Record<string, readonly string[]>> = {
  side: ["up", "down"],
  statuses: YEAR_STATUSES,
  targetMode: ["path", "typed"],
  form: ["linear", "log", "power"],
  mode: ["alcn", "native"],
};

export interface Draft {
  readonly wizard: WizardState;
  readonly followup: FollowupState;
}

/** The inputs as comparable text (row keys, which change every session, left out). */
export function draftKey(wizard: WizardState, followup: FollowupState): string {
  return JSON.stringify({ wizard, followup }, (k, v: unknown) => (k === "key" ? undefined : v));
}

export function encodeDraft(draft: Draft): string {
  return JSON.stringify({ v: VERSION, wizard: draft.wizard, followup: draft.followup });
}

/** `value` shaped like `template` (the empty form): what does not fit is the template's. */
function like<T>(template: T, value: unknown, key: string): T {
  if (typeof template === "string") {
    if (typeof value !== "string") return template;
    const allowed = CHOICES[key];
    return (allowed && !allowed.includes(value) ? template : value) as T;
  }
  if (typeof template === "number") return (typeof value === "number" && Number.isFinite(value) ? value : template) as T;
  if (typeof template === "boolean") return (typeof value === "boolean" ? value : template) as T;
  if (Array.isArray(template)) {
    if (!Array.isArray(value)) return template;
    if (VARIABLE_ROWS.has(key)) {
      const item: unknown = template[0];
      if (value.length === 0 || value.length > MAX_ROWS) return template;
      return value.map((v: unknown) => like(item, v, key)) as T;
    }
    if (value.length !== template.length) return template;
    return template.map((t: unknown, i) => like(t, value[i], key)) as T;
  }
  if (template !== null && typeof template === "object") {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return template;
    const out: Record<string, unknown> = {};
    for (const [k, t] of Object.entries(template)) out[k] = like(t, (value as Record<string, unknown>)[k], k);
    return out as T;
  }
  return template;
}

/** The draft in `text`, or undefined when there is none usable (not JSON, another version, not an object). */
export function decodeDraft(text: string): Draft | undefined {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (o === null || typeof o !== "object" || (o as { v?: unknown }).v !== VERSION) return undefined;
  const raw = o as { wizard?: unknown; followup?: unknown };
  const emptyWizard = initialState();
  const emptyFollowup = initialFollowupState();
  const wizard = like(emptyWizard, raw.wizard, "");
  const followup = like(emptyFollowup, raw.followup, "");
  return {
    wizard: {
      ...wizard,
      // row keys are this session's: the stored ones could collide with rows added from now on
      furnaces: wizard.furnaces.map((r) => ({ ...r, key: newKey() })),
      products: wizard.products.map((r) => ({ ...r, key: newKey() })),
      // the outlook years and the follow-up column kinds are the form's own, not the user's
      outlook: wizard.outlook.map((r, i) => ({ ...r, fy: emptyWizard.outlook[i]?.fy ?? r.fy })),
    },
    followup: { ...followup, columns: followup.columns.map((c, i) => ({ ...c, kind: emptyFollowup.columns[i]?.kind ?? c.kind })) },
  };
}
