/** One development build of the preview for every e2e file (each file serves it and launches its own browser). */
import { buildPreview } from "./harness";

export default function globalSetup(): void {
  process.env.ALCN_E2E_BUILD = buildPreview();
}
