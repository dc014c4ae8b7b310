/**
 * The production taskpane entry: waits for Office, then renders the pane on the Office.js adapter.
 * It never imports the fake host (HyperFormula stays out of the add-in bundle); the preview entry
 * (src/preview) renders the same App on the fake host.
 */
import { createRoot } from "react-dom/client";
import { addinContext, languageOf } from "../functions/runtime";
import { App } from "./components/App";
import { OfficeHost } from "./host/office-host";
import { restoreParametersWhenReady } from "./wizard/write";

async function main(): Promise<void> {
  const root = document.getElementById("root");
  if (!root) return;
  await Office.onReady();
  const host = new OfficeHost();
  addinContext.lang = languageOf(host.displayLanguage());
  createRoot(root).render(<App host={host} />);
  // A workbook ALCN wrote before: its Parameters sheet is the functions' parameter set again (retried
  // while the user is still typing in a cell).
  await restoreParametersWhenReady(host);
}

void main();
