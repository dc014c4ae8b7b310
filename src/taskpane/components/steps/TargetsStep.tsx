import { fmt, num, useStrings } from "../../i18n";
import { callCore } from "../../wizard/compute";
import { parseNumber, type ProductRow } from "../../wizard/state";
import { CellInput, useStyles } from "../fields";
import type { StepProps } from "./types";

export function TargetsStep({ st, update, issues }: StepProps) {
  const { s, lang } = useStrings();
  const styles = useStyles();
  const setP = (key: number, patch: Partial<ProductRow>) => update((x) => ({ ...x, products: x.products.map((p) => (p.key === key ? { ...p, ...patch } : p)) }));
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
              {s.targets.base}
              <span className={styles.unit}>{s.u(s.units.intensity)}</span>
            </th>
            <th className={styles.th} scope="col">
              {s.targets.final}
              <span className={styles.unit}>{s.u(s.units.intensity)}</span>
            </th>
            <th className={styles.th} scope="col">
              {fmt(s.targets.fyValue, { fy: st.fy })}
            </th>
          </tr>
        </thead>
        <tbody>
          {st.products.map((p) => {
            const b = parseNumber(p.base);
            const f = parseNumber(p.final);
            const at = b.ok && f.ok ? callCore("BMPATH", lang, b.value, f.value, st.fy) : undefined;
            const name = `${p.side === "up" ? s.baseline.up : s.baseline.down}: ${p.name}`;
            return (
              <tr key={p.key}>
                <th className={styles.th} scope="row">
                  {name}
                </th>
                <td className={styles.td}>
                  <CellInput label={`${p.name} ${s.targets.base}${s.u(s.units.intensity)}`} numeric value={p.base} error={issues[`product.${p.key}.base`]} onChange={(v) => setP(p.key, { base: v })} />
                </td>
                <td className={styles.td}>
                  <CellInput label={`${p.name} ${s.targets.final}${s.u(s.units.intensity)}`} numeric value={p.final} error={issues[`product.${p.key}.final`]} onChange={(v) => setP(p.key, { final: v })} />
                </td>
                <td className={styles.num}>{at === undefined ? "—" : at.ok ? num(at.value, lang, 4) : at.reason}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
