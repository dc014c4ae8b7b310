/** Asks before demo data replaces what the user typed on a tab. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import { useStrings } from "../i18n";

export function ConfirmReplace(p: { open: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { s } = useStrings();
  return (
    <Dialog open={p.open} modalType="alert" onOpenChange={(_, d) => (d.open ? undefined : p.onCancel())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.replaceInputs.title}</DialogTitle>
          <DialogContent>{s.replaceInputs.body}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={p.onConfirm}>
              {s.replaceInputs.confirm}
            </Button>
            <Button onClick={p.onCancel}>{s.replaceInputs.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
