import { ensureBuild } from '../helpers/build';

/** vitest / Playwright global setup: one fresh build of the console before any test starts a server. */
export default function setup(): void {
  ensureBuild();
}
