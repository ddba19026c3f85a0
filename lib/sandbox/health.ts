/**
 * The console's health, for load balancers and `docker run`'s HEALTHCHECK (GET /api/health): is
 * the server up, and is its sandbox ready (storage open, and answering a trivial query)? Cheap:
 * one `SELECT 1` at most, bounded by a timeout; nothing about the data, no secret, no address.
 */
import { getSandbox } from './index';
import { readSettings } from './config';

export interface Health {
  status: 'ok' | 'error';
  server: { uptimeSeconds: number; node: string };
  sandbox: {
    state: 'ready' | 'failed';
    storage: 'sqlite' | 'postgres' | 'unknown';
    publicMode: boolean;
    /** Why it is not ready (never a connection string or a secret). */
    reason?: string;
    /** Milliseconds the storage took to answer. */
    storageMs?: number;
  };
}

function timeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms).unref?.()),
  ]);
}

export async function health(): Promise<Health> {
  const server = { uptimeSeconds: Math.round(process.uptime()), node: process.version };
  let storage: Health['sandbox']['storage'] = 'unknown';
  let publicMode = false;
  try {
    const settings = readSettings();
    storage = settings.storage;
    publicMode = !!settings.public;
    const sandbox = await timeout(getSandbox(), 10_000, 'the sandbox');
    const t0 = performance.now();
    await timeout(sandbox.core.store.ping(), 5_000, `the ${storage} storage`);
    return {
      status: 'ok',
      server,
      sandbox: { state: 'ready', storage, publicMode, storageMs: Math.round((performance.now() - t0) * 10) / 10 },
    };
  } catch (e) {
    // a message without credentials: the store's own messages name the database without its password
    const reason = String((e as Error)?.message ?? e)
      .replace(/postgres(ql)?:\/\/[^\s@]*@/gi, 'postgresql://')
      .slice(0, 300);
    return { status: 'error', server, sandbox: { state: 'failed', storage, publicMode, reason } };
  }
}
