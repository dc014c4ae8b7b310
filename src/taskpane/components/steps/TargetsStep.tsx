import { Select } from "@fluentui/react-components";
import { fmt, num, useStrings } from "../../i18n";
import { callCore } from "../../wizard/compute";
import { parseNumber, type ProductRow } from "../../wizard/state";
import { CellInput, useStyles } from "../fields";
import type { StepProps } from "./types";

export function TargetsStep({ st, update, issues }: StepProps) {
  const { s, lang } = useStrings();
  const styles = useStyles();
  const setP = (key: number, patch: Partial<ProductRow>) => update((x) => ({ ...x, products: x.products.map((p) => (p.key === key ? { ...p, ...patch } : p)) }));
  const unit = s.u(s.units.intensity);
  return (
    <div className={styles.stack}>
      <p>{s.targets.intro}</p>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.th} scope="col">
              {s.baseline.product}
            </th>
            <th className={styles.th} scope="col">
              {s.targets.mode}
            </th>
            <th className={styles.th} scope="col">
              {s.targets.base}
              <span className={styles.unit}>{unit}</span>
            </th>
            <th className={styles.th} scope="col">
              {s.targets.final}
              <span className={styles.unit}>{unit}</span>
            </th>
            <th className={styles.th} scope="col">
              {fmt(s.targets.fyValue, { fy: st.fy })}
            </th>
          </tr>
        </thead>
        <tbody>
          {st.products.map((p) => {
            const typed = p.targetMode === "typed";
            const b = parseNumber(p.base);
            const f = parseNumber(p.final);
            const t = parseNumber(p.typed);
            const at = typed ? (t.ok ? { ok: true as const, value: t.value } : undefined) : b.ok && f.ok ? callCore("BMPATH", lang, b.value, f.value, st.fy) : undefined;
            const name = `${p.side === "up" ? s.baseline.up : s.baseline.down}: ${p.name}`;
            return (
              <tr key={p.key}>
                <th className={styles.th} scope="row">
                  {name}
                </th>
                <td className={styles.td}>
                  <Select aria-label={`${p.name} ${s.targets.mode}`} value={p.targetMode} onChange={(_, d) => setP(p.key, { targetMode: d.value as "path" | "typed" })}>
                    <option value="path">{s.targets.modePath}</option>
                    <option value="typed">{s.targets.modeTyped}</option>
                  </Select>
                </td>
                {typed ? (
                  <td className={styles.td} colSpan={2}>
                    <CellInput label={`${p.name} ${s.targets.typed}${unit}`} numeric value={p.typed} error={issues[`product.${p.key}.typed`]} onChange={(v) => setP(p.key, { typed: v })} />
                  </td>
                ) : (
                  <>
                    <td className={styles.td}>
                      <CellInput label={`${p.name} ${s.targets.base}${unit}`} numeric value={p.base} error={issues[`product.${p.key}.base`]} onChange={(v) => setP(p.key, { base: v })} />
                    </td>
                    <td className={styles.td}>
                      <CellInput label={`${p.name} ${s.targets.final}${unit}`} numeric value={p.final} error={issues[`product.${p.key}.final`]} onChange={(v) => setP(p.key, { final: v })} />
                    </td>
                  </>
                )}
                <td className={styles.num}>{at === undefined ? "—" : at.ok ? num(at.value, lang, 4) : at.reason}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
