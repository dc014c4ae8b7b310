import { useState } from "react";
import { failureText, useStrings } from "../i18n";
import { isBlocked, ProtectionError, type TargetCheck } from "../host/types";
import { useHost } from "./HostContext";

export interface Message {
  readonly ok: boolean;
  readonly text: string;
}

/**
 * The pane's one way of writing to the workbook: prepare (reads what is there), refuse when protection
 * would (nothing is written; the message says which sheets and how to unprotect), ask before overwriting
 * any non-empty cell (the caller renders ConfirmOverwrite with `occupied`), commit, and report — with the
 * sync count measured from the start of the action.
 */
export function useGuardedWrite<P extends TargetCheck>(
  prepare: () => Promise<P>,
  commit: (prepared: P, syncsBefore: number) => Promise<Message>,
) {
  const { s, lang } = useStrings();
  const host = useHost();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | undefined>();
  const [pending, setPending] = useState<{ prepared: P; before: number } | undefined>();

  const fail = (e: unknown) => setMessage({ ok: false, text: failureText(s, lang, e, s.write.failed, "reason") });
  const guarded = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const run = () =>
    guarded(async () => {
      setMessage(undefined);
      const before = host.syncCount();
      const prepared = await prepare();
      if (isBlocked(prepared)) throw new ProtectionError(prepared.protectedSheets, prepared.structureLocked);
      if (prepared.occupied.length > 0) setPending({ prepared, before });
      else setMessage(await commit(prepared, before));
    });
  const confirm = () => {
    const p = pending;
    setPending(undefined);
    if (!p) return Promise.resolve();
    return guarded(async () => setMessage(await commit(p.prepared, p.before)));
  };
  return {
    busy,
    message,
    setMessage,
    /** Show an error from a related action (e.g. selecting the written range) the same way. */
    fail,
    occupied: pending?.prepared.occupied ?? [],
    run,
    confirm,
    cancel: () => setPending(undefined),
  };
}
