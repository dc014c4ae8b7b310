/**
 * The development preview (npm start, http://localhost:3000/): the real taskpane beside a workbook view
 * of the fake host, which records every write and computes it with HyperFormula. Development only —
 * the production taskpane entry (src/taskpane/index.tsx) never imports the fake host.
 */
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/components/App";
import { FakeHost } from "../taskpane/host/fake-host";
import { WorkbookView } from "./WorkbookView";

function preview(): void {
  const root = document.getElementById("root");
  if (!root) return;
  document.documentElement.style.height = "100%";
  document.body.style.margin = "0";
  document.body.style.height = "100%";
  root.style.height = "100%";
  const query = new URLSearchParams(location.search);
  const lang = query.get("lang") ?? "ja-JP";
  // ?pane=350 shows the pane at the width Excel gives a taskpane by default.
  const paneWidth = Math.max(280, Number(query.get("pane")) || 560);
  const host = new FakeHost({ sheets: { Sheet1: { A1: "既存のシート（ALCN は新しいシートに書き込みます）" } }, displayLanguage: lang });
  (window as unknown as { alcnFakeHost: FakeHost }).alcnFakeHost = host;
  createRoot(root).render(
    <div style={{ display: "flex", height: "100%" }}>
      <div style={{ width: paneWidth, minWidth: paneWidth, borderRight: "2px solid #217346", overflow: "auto", background: "#fff" }} data-testid="taskpane">
        <App host={host} />
      </div>
      <div style={{ flex: 1, minWidth: 0 }}>
        <WorkbookView host={host} />
      </div>
    </div>,
  );
}

preview();
