/** A small SVG rendering of a chart the fake host recorded (clustered columns), so the preview shows what Excel would draw. */
import type { FakeHost } from "../taskpane/host/fake-host";
import type { ChartWrite } from "../taskpane/host/types";
import { cellRef, parseRange } from "../taskpane/host/a1";

const COLORS = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000"];

export function ChartView({ host, chart }: { host: FakeHost; chart: ChartWrite }) {
  const box = parseRange(chart.range);
  const at = (r: number, c: number) => host.valueAt(chart.sheet, cellRef({ row: r, col: c }));
  const categories: string[] = [];
  const series: { name: string; values: number[] }[] = [];
  for (let c = box.left + 1; c <= box.right; c++) series.push({ name: String(at(box.top, c) ?? ""), values: [] });
  for (let r = box.top + 1; r <= box.bottom; r++) {
    categories.push(String(at(r, box.left) ?? ""));
    series.forEach((s, k) => {
      const v = at(r, box.left + 1 + k);
      s.values.push(typeof v === "number" ? v : 0);
    });
  }
  const max = Math.max(1e-9, ...series.flatMap((s) => s.values));
  const shown = categories.slice(0, 40);
  const W = 480;
  const H = 180;
  const left = 56;
  const group = (W - left * 2) / Math.max(1, shown.length);
  const bar = (group * 0.8) / Math.max(1, series.length);
  return (
    <figure style={{ margin: "8px 0", border: "1px solid #ddd", padding: 8, background: "#fff" }} aria-label={chart.title}>
      <figcaption style={{ fontWeight: 600, fontSize: 13 }}>
        {chart.title} <span style={{ color: "#666", fontWeight: 400 }}>({chart.sheet}!{chart.range})</span>
      </figcaption>
      <svg width={W} height={H + 30} role="img" aria-label={chart.title}>
        {shown.map((cat, i) =>
          series.map((s, k) => {
            const v = s.values[i] ?? 0;
            const h = (Math.max(0, v) / max) * H;
            return <rect key={`${i}-${k}`} x={left + i * group + group * 0.1 + k * bar} y={H - h} width={bar - 1} height={h} fill={COLORS[k % COLORS.length]} />;
          }),
        )}
        <line x1={left - 4} y1={0} x2={left - 4} y2={H} stroke="#999" />
        <line x1={left - 4} y1={H} x2={W} y2={H} stroke="#999" />
        <text x={left - 8} y={10} fontSize={10} textAnchor="end">
          {max.toLocaleString("ja-JP", { maximumSignificantDigits: 4 })}
        </text>
        <text x={left - 8} y={H} fontSize={10} textAnchor="end">
          0
        </text>
        {shown.map((cat, i) => (
          <text key={cat + i} x={left + i * group + group / 2} y={H + 14} fontSize={10} textAnchor="middle">
            {cat}
          </text>
        ))}
      </svg>
      <div style={{ fontSize: 12 }}>
        {series.map((s, k) => (
          <span key={s.name} style={{ marginRight: 12 }}>
            <span style={{ display: "inline-block", width: 10, height: 10, background: COLORS[k % COLORS.length], marginRight: 4 }} />
            {s.name}
          </span>
        ))}
      </div>
    </figure>
  );
}
