import { Button, MessageBar, MessageBarBody, Select } from "@fluentui/react-components";
import { fmt, useStrings } from "../../i18n";
import { BASE_YEARS, emptyProduct, YEAR_STATUSES, type ProductRow, type YearStatus } from "../../wizard/state";
import { CellInput, useStyles } from "../fields";
import type { StepProps } from "./types";

export function BaselineStep({ st, update, issues }: StepProps) {
  const { s } = useStrings();
  const styles = useStyles();
  const setProduct = (key: number, fn: (p: ProductRow) => ProductRow) => update((x) => ({ ...x, products: x.products.map((p) => (p.key === key ? fn(p) : p)) }));
  const sideLabel = (side: "up" | "down") => (side === "up" ? s.baseline.up : s.baseline.down);
  return (
    <div className={styles.stack}>
      <p>{s.baseline.intro}</p>
      {issues["baseline"] ? (
        <MessageBar intent="error">
          <MessageBarBody>{issues["baseline"]}</MessageBarBody>
        </MessageBar>
      ) : null}
      {st.products.map((p) => {
        const name = p.name || sideLabel(p.side);
        const k = `product.${p.key}`;
        return (
          <fieldset key={p.key} style={{ border: "1px solid #ddd", borderRadius: 4, padding: 8 }}>
            <legend>
              {sideLabel(p.side)}: {name}
            </legend>
            <div className={styles.row}>
              <Select aria-label={`${s.baseline.side} ${name}`} value={p.side} onChange={(_, d) => setProduct(p.key, (q) => ({ ...q, side: d.value as "up" | "down" }))}>
                <option value="up">{s.baseline.up}</option>
                <option value="down">{s.baseline.down}</option>
              </Select>
              <CellInput label={`${s.baseline.product} ${sideLabel(p.side)}`} value={p.name} error={issues[`${k}.name`]} onChange={(v) => setProduct(p.key, (q) => ({ ...q, name: v }))} width="180px" />
              <Button appearance="subtle" aria-label={`${s.baseline.removeProduct}: ${name}`} onClick={() => update((x) => ({ ...x, products: x.products.filter((q) => q.key !== p.key) }))}>
                {s.baseline.removeProduct}
              </Button>
            </div>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th className={styles.th} />
                  {BASE_YEARS.map((fy) => (
                    <th key={fy} className={styles.th} scope="col">
                      {fmt(s.baseline.value, { fy })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th className={styles.th} scope="row">
                    {p.side === "up" ? s.furnaces.semi : s.baseline.output}
                    <span className={styles.unit}>{s.u(s.units.t)}</span>
                  </th>
                  {BASE_YEARS.map((fy, i) => (
                    <td key={fy} className={styles.td}>
                      <CellInput
                        label={`${name} ${fmt(s.baseline.value, { fy })}${s.u(s.units.t)}`}
                        numeric
                        value={p.values[i] ?? ""}
                        error={issues[`${k}.value.${i}`]}
                        onChange={(v) => setProduct(p.key, (q) => ({ ...q, values: q.values.map((x, j) => (j === i ? v : x)) as unknown as ProductRow["values"] }))}
                      />
                    </td>
                  ))}
                </tr>
                <tr>
                  <th className={styles.th} scope="row">
                    {s.baseline.status}
                  </th>
                  {BASE_YEARS.map((fy, i) => (
                    <td key={fy} className={styles.td}>
                      <Select
                        aria-label={`${name} ${fmt(s.baseline.value, { fy })} ${s.baseline.status}`}
                        value={p.statuses[i]}
                        onChange={(_, d) => setProduct(p.key, (q) => ({ ...q, statuses: q.statuses.map((x, j) => (j === i ? (d.value as YearStatus) : x)) as unknown as ProductRow["statuses"] }))}
                      >
                        {YEAR_STATUSES.map((y) => (
                          <option key={y} value={y}>
                            {s.baseline.statuses[y]}
                          </option>
                        ))}
                      </Select>
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
            {p.statuses[2] === "opening" ? (
              <div style={{ maxWidth: 240 }}>
                <CellInput label={`${name} ${s.baseline.days}${s.u(s.units.days)}`} numeric value={p.days} error={issues[`${k}.days`]} onChange={(v) => setProduct(p.key, (q) => ({ ...q, days: v }))} />
                <span className={styles.hint}>
                  {s.baseline.days}{s.u(s.units.days)}
                </span>
              </div>
            ) : null}
          </fieldset>
        );
      })}
      <div className={styles.row}>
        <Button onClick={() => update((x) => ({ ...x, products: [...x.products, emptyProduct("up")] }))}>
          {s.baseline.addProduct}{s.u(s.baseline.up)}
        </Button>
        <Button onClick={() => update((x) => ({ ...x, products: [...x.products, emptyProduct("down")] }))}>
          {s.baseline.addProduct}{s.u(s.baseline.down)}
        </Button>
      </div>
    </div>
  );
}
