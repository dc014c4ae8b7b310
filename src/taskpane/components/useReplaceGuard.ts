import { useMemo, useState } from "react";

/** A tab's inputs as a comparable text: row keys (random) and the write options (kept by a demo load) left out. */
export function inputsKey(state: object): string {
  return JSON.stringify(state, (k, v: unknown) => (k === "key" || k === "mode" || k === "replace" ? undefined : v));
}

/** What a tab's demo button goes through (see useReplaceGuard). */
export interface ReplaceGuard<S> {
  /** Load `next()` through `apply` — at once when nothing was typed, else after confirm. */
  request(next: () => S, apply: (s: S) => void): void;
  readonly asking: boolean;
  confirm(): void;
  cancel(): void;
}

/**
 * Loading demo data replaces a whole tab's inputs. Nothing the user typed is replaced without asking: when
 * the inputs differ from what was last loaded (the empty form or the demo), `request` only opens the
 * question, and `confirm` does the load.
 */
export function useReplaceGuard<S extends object>(state: S, initial: () => S): ReplaceGuard<S> {
  const [loaded, setLoaded] = useState(() => inputsKey(initial()));
  const current = useMemo(() => inputsKey(state), [state]);
  const [pending, setPending] = useState<{ run: () => void } | undefined>();
  const typed = current !== loaded;
  return {
    request(next: () => S, apply: (s: S) => void): void {
      const run = () => {
        const n = next();
        apply(n);
        setLoaded(inputsKey(n));
      };
      if (typed) setPending({ run });
      else run();
    },
    asking: pending !== undefined,
    confirm(): void {
      pending?.run();
      setPending(undefined);
    },
    cancel(): void {
      setPending(undefined);
    },
  };
}
