import { cleanup } from "./harness";

export default function globalTeardown(): void {
  if (process.env.ALCN_E2E_BUILD) cleanup(process.env.ALCN_E2E_BUILD);
}
