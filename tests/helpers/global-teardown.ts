/**
 * vitest's global setup: after the run, when every test worker has exited (killed workers never run
 * their exit handlers), stops the PostgreSQL test servers they left behind.
 */
import { sweepStalePostgres } from './postgres.ts';

export function teardown(): void {
  const n = sweepStalePostgres();
  if (n) console.log(`[tests] stopped ${n} PostgreSQL test server(s) whose test process had ended`);
}
