import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useMemo } from "react";
import { fmt, num, useStrings } from "../../i18n";
import { computeResults, type Num } from "../../wizard/compute";
import { CellInput, useStyles } from "../fields";
import type { StepProps } from "./types";

export function ResultStep({ st, update, issues }: StepProps) {
  const { s, lang } = useStrings();
  const styles = useStyles();
  const r = useMemo(() => computeResults(st, lang), [st, lang]);
  const show = (v: Num, digits = 0) => (v.ok ? num(v.value, lang, digits) : fmt(s.result.notAvailable, { reason: v.reason }));
  const year = r.years.find((y) => y.fy === st.fy);
  const setOutlook = (fy: number, patch: { emissions?: string; credits?: string }) =>
    update((x) => ({ ...x, outlookEdited: true, outlook: x.outlook.map((o) => (o.fy === fy ? { ...o, ...patch } : o)) }));
  const sideActivity = (side: "up" | "down") => r.products.filter((p) => p.side === side);
  return (
    <div className={styles.stack}>
      <p>{s.result.intro}</p>
      <table className={styles.table} aria-label={s.steps.result}>
        <tbody>
          <tr>
            <th className={styles.th} scope="row">
              {s.result.cf}
            </th>
            <td className={styles.num} data-testid="result-cf">
              {show(r.cf, 4)}
            </td>
          </tr>
          {(["up", "down"] as const).flatMap((side) =>
            sideActivity(side).map((p) => (
              <tr key={p.key}>
                <th className={styles.th} scope="row">
                  {side === "up" ? s.result.upActivity : s.result.downActivity}: {p.name}
                  <span className={styles.unit}>{s.u(s.units.t)}</span>
                </th>
                <td className={styles.num}>{show(p.activity)}</td>
              </tr>
            )),
          )}
          <tr>
            <th className={styles.th} scope="row">
              {fmt(s.result.allowance, { fy: st.fy })}
              <span className={styles.unit}>{s.u(s.units.tco2)}</span>
            </th>
            <td className={styles.num} data-testid="result-allowance">
              <strong>{year ? show(year.allowance) : "—"}</strong>
            </td>
          </tr>
        </tbody>
      </table>
      <h3>{s.result.outlook}</h3>
      <p className={styles.hint}>{s.result.emissionsEdit}</p>
      {/* Two narrow tables rather than one wide one: the pane is ~350 px wide in Excel. */}
      <div style={{ overflowX: "auto" }}>
        <table className={styles.table} style={{ minWidth: 330 }} aria-label={s.result.outlook}>
          <thead>
            <tr>
              <th className={styles.th} scope="col">
                {s.result.fy}
              </th>
              <th className={styles.th} scope="col">
                {s.result.allowanceCol}
                <span className={styles.unit}>{s.u(s.units.tco2)}</span>
              </th>
              <th className={styles.th} scope="col">
                {s.result.emissionsCol}
                <span className={styles.unit}>{s.u(s.units.tco2)}</span>
              </th>
              <th className={styles.th} scope="col">
                {s.result.creditsCol}
                <span className={styles.unit}>{s.u(s.units.tco2)}</span>
              </th>
              <th className={styles.th} scope="col">
                {s.result.balanceCol}
                <span className={styles.unit}>{s.u(s.units.tco2)}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {r.years.map((y, i) => {
              const o = st.outlook[i];
              return (
                <tr key={y.fy}>
                  <th className={styles.th} scope="row">
                    {y.fy}
                  </th>
                  <td className={styles.num} data-testid={`outlook-allowance-${y.fy}`}>
                    {show(y.allowance)}
                  </td>
                  <td className={styles.td} style={{ minWidth: 84 }}>
                    <CellInput label={`${y.fy} ${s.result.emissionsCol}${s.u(s.units.tco2)}`} numeric value={o?.emissions ?? ""} error={issues[`outlook.${y.fy}.emissions`]} onChange={(v) => setOutlook(y.fy, { emissions: v })} />
                  </td>
                  <td className={styles.td} style={{ minWidth: 64 }}>
                    <CellInput label={`${y.fy} ${s.result.creditsCol}${s.u(s.units.tco2)}`} numeric value={o?.credits ?? ""} error={issues[`outlook.${y.fy}.credits`]} onChange={(v) => setOutlook(y.fy, { credits: v })} />
                  </td>
                  <td className={styles.num}>
                    {show(y.balance)}
                    {y.balance.ok ? <div className={styles.unit}>{y.balance.value >= 0 ? s.result.surplus : s.result.shortfall}</div> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div style={{ overflowX: "auto" }}>
        <table className={styles.table} style={{ minWidth: 300 }} aria-label={`${s.result.costLower} / ${s.result.costUpper}`}>
          <thead>
            <tr>
              <th className={styles.th} scope="col">
                {s.result.fy}
              </th>
              <th className={styles.th} scope="col">
                {s.result.costLower}
                <span className={styles.unit}>{s.u(s.units.yen)}</span>
              </th>
              <th className={styles.th} scope="col">
                {s.result.costUpper}
                <span className={styles.unit}>{s.u(s.units.yen)}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {r.years.map((y) => (
              <tr key={y.fy}>
                <th className={styles.th} scope="row">
                  {y.fy}
                </th>
                <td className={styles.num}>{show(y.costLower)}</td>
                <td className={styles.num}>{show(y.costUpper)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!r.cf.ok ? (
        <MessageBar intent="error">
          <MessageBarBody>{fmt(s.result.notAvailable, { reason: r.cf.reason })}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
