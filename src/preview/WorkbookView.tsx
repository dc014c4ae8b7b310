/** The fake host's workbook: sheet tabs, a formula bar and a grid of computed values (formulas on demand). */
import { useEffect, useRef, useState } from "react";
import type { FakeHost } from "../taskpane/host/fake-host";
import { STYLE_LOOK } from "../taskpane/host/layout";
import { cellRef, columnLetters, parseCell, parseRange, type Box } from "../taskpane/host/a1";
import { ChartView } from "./ChartView";
import { display } from "./format";

const MAX_ROWS = 400;

export function WorkbookView({ host }: { host: FakeHost }) {
  const [, setVersion] = useState(0);
  useEffect(() => host.subscribe(() => setVersion((v) => v + 1)), [host]);
  const [showFormulas, setShowFormulas] = useState(false);
  // The host's selection is the truth: the panels read it (audit "selected cell") and may set it.
  const sheet = host.sheet(host.selection.sheet) ?? host.sheets[0];
  const selected = (host.selection.address.split(":")[0] ?? "A1").replace(/\$/g, "");
  const box = selectionBox(host.selection.address);
  const setSelected = (ref: string) => host.select(sheet?.name ?? "", ref);
  // A selection made by the pane (a finding's cell, selectCell) is scrolled into view, as Excel does.
  const grid = useRef<HTMLTableElement>(null);
  const selKey = `${sheet?.name ?? ""}!${host.selection.address}`;
  useEffect(() => {
    const td = grid.current?.querySelector<HTMLElement>(`td[data-ref="${selected}"]`);
    td?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [selKey, selected]);
  if (!sheet) return null;
  let rows = 0;
  let cols = 0;
  for (const ref of sheet.cells.keys()) {
    const p = parseCell(ref);
    rows = Math.max(rows, p.row + 1);
    cols = Math.max(cols, p.col + 1);
  }
  rows = Math.min(Math.max(rows, 20, box ? box.bottom + 3 : 0), MAX_ROWS);
  cols = Math.max(cols, 8, box ? box.right + 2 : 0);
  const sel = sheet.cells.get(selected);
  const selValue = sel ? display(host.valueAt(sheet.name, selected), sel.numFmt) : "";
  const charts = host.charts.filter((c) => c.sheet === sheet.name);
  return (
    <section aria-label="ワークブック（フェイクホスト）" style={{ display: "flex", flexDirection: "column", height: "100%", fontFamily: "'Segoe UI', 'Yu Gothic UI', 'Noto Sans CJK JP', sans-serif", fontSize: 12 }}>
      <div style={{ display: "flex", gap: 8, alignItems: "center", padding: "6px 8px", borderBottom: "1px solid #ccc", background: "#f3f3f3" }}>
        <strong>ブック（プレビュー）</strong>
        <span data-testid="sync-count">context.sync(): {host.syncCount()}</span>
        <label style={{ marginLeft: "auto" }}>
          <input type="checkbox" checked={showFormulas} onChange={(e) => setShowFormulas(e.target.checked)} /> 数式を表示 / show formulas
        </label>
      </div>
      <div style={{ display: "flex", gap: 6, padding: "4px 8px", borderBottom: "1px solid #ddd", alignItems: "center" }}>
        <span style={{ minWidth: 60, fontWeight: 600 }} data-testid="name-box">
          {host.selection.address.replace(/\$/g, "")}
        </span>
        <code data-testid="formula-bar" style={{ flex: 1, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" }}>
          {sel?.formula ?? (sel?.value !== undefined ? String(sel.value) : "")}
        </code>
        <span data-testid="value-bar" style={{ color: "#555" }}>
          {sel?.formula ? `= ${selValue}` : ""}
        </span>
      </div>
      <div style={{ flex: 1, overflow: "auto" }}>
        <table ref={grid} style={{ borderCollapse: "collapse", tableLayout: "fixed" }} data-testid="grid" aria-label={sheet.name}>
          <thead>
            <tr>
              <th style={{ width: 36, background: "#eee", position: "sticky", top: 0 }} />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} style={{ width: Math.min(260, Math.max(60, (sheet.columnWidths[c] ?? 10) * 7)), background: "#eee", border: "1px solid #ccc", position: "sticky", top: 0, fontWeight: 400 }}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th style={{ background: "#eee", border: "1px solid #ccc", fontWeight: 400 }}>{r + 1}</th>
                {Array.from({ length: cols }, (_, c) => {
                  const ref = cellRef({ row: r, col: c });
                  const cell = sheet.cells.get(ref);
                  const look = cell?.style ? STYLE_LOOK[cell.style] : {};
                  const v = cell ? host.valueAt(sheet.name, ref) : null;
                  const text = cell ? (showFormulas && cell.formula ? cell.formula : display(v, cell.numFmt)) : "";
                  const isErr = typeof v === "object" && v !== null;
                  const inSelection = box !== undefined && r >= box.top && r <= box.bottom && c >= box.left && c <= box.right;
                  return (
                    <td
                      key={c}
                      data-ref={ref}
                      aria-selected={inSelection}
                      title={cell?.formula ? `${cell.formula}${isErr && v.message ? `\n${v.message}` : ""}` : undefined}
                      onClick={() => setSelected(ref)}
                      style={{
                        border: selected === ref ? "2px solid #217346" : "1px solid #e1e1e1",
                        padding: "1px 4px",
                        whiteSpace: "nowrap",
                        overflow: "hidden",
                        textOverflow: "ellipsis",
                        maxWidth: 260,
                        textAlign: typeof v === "number" && !showFormulas ? "right" : "left",
                        background: inSelection && selected !== ref ? "#dcefe3" : (look.fill ?? (cell?.formula && showFormulas ? "#f4f9ff" : undefined)),
                        fontWeight: look.bold ? 600 : undefined,
                        fontStyle: look.italic ? "italic" : undefined,
                        color: isErr ? "#c00" : look.color,
                        fontSize: look.size ? look.size : undefined,
                      }}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {charts.map((c, i) => (
          <ChartView key={i} host={host} chart={c} />
        ))}
      </div>
      <div role="tablist" aria-label="シート" style={{ display: "flex", gap: 2, borderTop: "1px solid #ccc", background: "#f3f3f3", padding: "2px 8px" }}>
        {host.sheets.map((s) => (
          <button
            key={s.name}
            role="tab"
            aria-selected={s.name === sheet.name}
            onClick={() => host.select(s.name, "A1")}
            style={{ border: "1px solid #ccc", borderTop: "none", background: s.name === sheet.name ? "#fff" : "transparent", color: s.name === sheet.name ? "#217346" : "#333", fontWeight: s.name === sheet.name ? 600 : 400, padding: "3px 12px", cursor: "pointer" }}
          >
            {s.name}
          </button>
        ))}
      </div>
    </section>
  );
}

/** The selected range as a box, or undefined when the address is not A1 (e.g. a whole column). */
function selectionBox(address: string): Box | undefined {
  try {
    return parseRange(address.replace(/\$/g, ""));
  } catch {
    return undefined;
  }
}
