/** Components reach the workbook only through this context (the Office adapter or the fake host). */
import { createContext, useContext } from "react";
import type { ParamEntry } from "../../core/editions";
import type { WorkbookHost } from "../host/types";

export const HostContext = createContext<WorkbookHost | undefined>(undefined);

export function useHost(): WorkbookHost {
  const h = useContext(HostContext);
  if (!h) throw new Error("no WorkbookHost in context");
  return h;
}

/** Told when a write makes a new Parameters sheet the workbook's active parameter set (the panels use it). */
export const ParametersChangedContext = createContext<(values: Readonly<Record<string, ParamEntry>>, label: string) => void>(() => undefined);
