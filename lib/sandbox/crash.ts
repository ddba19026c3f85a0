/**
 * Test-only crash points. With `SANDBOX_CRASH_AT=<name>` the process kills itself (SIGKILL: no
 * cleanup, no flush, like a power cut) when it reaches that point, so a test can check that the
 * next start repairs what was left half done. Off (a no-op) unless the setting names the point.
 *
 * Points: `token-add:after-file`, `token-delete:after-unlink`, `attach:after-commit`,
 * `entry-delete:after-commit`, `finalize:after-commit`, `asset-attach:after-commit`,
 * `asset-delete:after-commit`.
 */
import type { SandboxSettings } from './config';

export type CrashPoint =
  | 'token-add:after-file'
  | 'token-delete:after-unlink'
  | 'attach:after-commit'
  | 'entry-delete:after-commit'
  | 'finalize:after-commit'
  | 'asset-attach:after-commit'
  | 'asset-delete:after-commit';

export function crashPoint(settings: SandboxSettings, point: CrashPoint): void {
  if (settings.crashAt !== point) return;
  console.error(`[sandbox] SANDBOX_CRASH_AT=${point}: killing the process here (test fault)`);
  process.kill(process.pid, 'SIGKILL');
}
