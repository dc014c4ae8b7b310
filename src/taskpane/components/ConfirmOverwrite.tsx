/** Shows the non-empty cells a write would overwrite and asks (SPEC 5 safety). */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import { fmt, useStrings } from "../i18n";
import type { OccupiedCell } from "../host/types";
import { useStyles } from "./fields";

const SHOWN = 12;

function perSheet(cells: readonly OccupiedCell[]): [string, number][] {
  const m = new Map<string, number>();
  for (const c of cells) m.set(c.sheet, (m.get(c.sheet) ?? 0) + 1);
  return [...m];
}

export function ConfirmOverwrite(p: { occupied: readonly OccupiedCell[]; onConfirm: () => void; onCancel: () => void }) {
  const { s } = useStrings();
  const styles = useStyles();
  const open = p.occupied.length > 0;
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, d) => (d.open ? undefined : p.onCancel())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.write.confirmTitle}</DialogTitle>
          <DialogContent>
            <p>{fmt(s.write.confirmBody, { count: p.occupied.length })}</p>
            <p>
              {perSheet(p.occupied)
                .map(([sheet, n]) => fmt(s.write.confirmPerSheet, { sheet, count: n }))
                .join(" / ")}
            </p>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th className={styles.th}>{s.write.cell}</th>
                  <th className={styles.th}>{s.write.current}</th>
                </tr>
              </thead>
              <tbody>
                {p.occupied.slice(0, SHOWN).map((c) => (
                  <tr key={`${c.sheet}!${c.ref}`}>
                    <td className={styles.td} style={{ whiteSpace: "nowrap" }}>
                      {c.sheet}!{c.ref}
                    </td>
                    <td className={styles.td}>
                      <code>{c.formula ?? String(c.value)}</code>
                      {c.formula !== null && c.value !== null ? ` → ${String(c.value)}` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {p.occupied.length > SHOWN ? <p>{fmt(s.write.confirmMore, { count: p.occupied.length - SHOWN })}</p> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={p.onConfirm}>
              {s.write.confirmOverwrite}
            </Button>
            <Button onClick={p.onCancel}>{s.write.confirmCancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
