import { join, resolve } from 'node:path';
import { type ServerProgram, startServer, TEST_ADMIN_SECRET, TEST_PARTNER_ID, type TestServer } from '../../helpers/server';

export { TEST_ADMIN_SECRET, TEST_PARTNER_ID };

const ROOT = resolve(import.meta.dirname, '../../..');

/** SANDBOX_TEST_INPROC=1: the sandbox behind devServer.ts (tsx, no build) instead of `next start`. */
const DEV_SERVER: ServerProgram = {
  name: 'tests/integration/sandbox/devServer.ts',
  command: join(ROOT, 'node_modules/.bin/tsx'),
  args: [join(ROOT, 'tests/integration/sandbox/devServer.ts')],
  env: {},
  build: false,
};

export function startSandbox(opts: { env?: Record<string, string> } = {}): Promise<TestServer> {
  return startServer(process.env.SANDBOX_TEST_INPROC === '1' ? { ...opts, program: DEV_SERVER } : opts);
}

export type Json = any;

/** POST /api_v3/service/{service}/action/{action}?format=1 with form fields (and files as multipart). */
export async function call(
  base: string,
  service: string,
  action: string,
  params: Record<string, string | number | boolean | undefined> = {},
  files?: Record<string, { data: Uint8Array; name?: string }>,
): Promise<Json> {
  const url = `${base}/api_v3/service/${service}/action/${action}?format=1`;
  let body: BodyInit;
  if (files) {
    const fd = new FormData();
    for (const [k, v] of Object.entries(params)) if (v !== undefined) fd.append(k, String(v));
    for (const [k, f] of Object.entries(files)) fd.append(k, new Blob([f.data as Uint8Array<ArrayBuffer>]), f.name ?? 'chunk.bin');
    body = fd;
  } else {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined) sp.append(k, String(v));
    body = sp;
  }
  const r = await fetch(url, { method: 'POST', body });
  if (r.status !== 200) throw new Error(`HTTP ${r.status} from ${service}.${action}`);
  return r.json();
}

export async function adminKs(base: string, userId = 'tester', privileges?: string): Promise<string> {
  const ks = await call(base, 'session', 'start', { secret: TEST_ADMIN_SECRET, partnerId: TEST_PARTNER_ID, type: 2, userId, privileges });
  if (typeof ks !== 'string') throw new Error('session.start failed: ' + JSON.stringify(ks));
  return ks;
}

export async function userKs(base: string, userId: string): Promise<string> {
  const ks = await call(base, 'session', 'start', { secret: TEST_ADMIN_SECRET, partnerId: TEST_PARTNER_ID, type: 0, userId });
  if (typeof ks !== 'string') throw new Error('session.start failed: ' + JSON.stringify(ks));
  return ks;
}

export function expectError(v: Json, code: string): Json {
  if (!v || v.objectType !== 'KalturaAPIException' || v.code !== code) {
    throw new Error(`expected ${code}, got ${JSON.stringify(v)?.slice(0, 500)}`);
  }
  return v;
}
