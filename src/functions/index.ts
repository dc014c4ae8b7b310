/* The functions entry of the shared runtime: the wrappers register themselves (the metadata plugin appends
   CustomFunctions.associate to each family file); here only the language is set from Office. */
import "./benchmark";
import "./emissions";
import "./followup";
import "./circular";
import { addinContext, languageOf } from "./runtime";

const office = (globalThis as { Office?: { onReady?: () => Promise<unknown>; context?: { displayLanguage?: string } } }).Office;

if (office?.onReady) {
  void office.onReady().then(() => {
    addinContext.lang = languageOf(office.context?.displayLanguage);
  });
}
