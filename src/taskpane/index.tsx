/* PLACEHOLDER written by the build engineer so the pipeline builds; the taskpane engineer replaces this file. */
import { createRoot } from "react-dom/client";

const root = document.getElementById("root");
if (root) createRoot(root).render(<h1>ALCN</h1>);
