/**
 * Shared helpers of the sandbox tests: a started server (`npm start`, via tests/helpers/server.ts;
 * SANDBOX_TEST_INPROC=1 swaps in devServer.ts for quick development loops) and raw API calls.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, startServer, TEST_ADMIN_SECRET, TEST_PARTNER_ID, type TestServer } from '../../helpers/server';

export { TEST_ADMIN_SECRET, TEST_PARTNER_ID };

const ROOT = resolve(import.meta.dirname, '../../..');

async function startInProc(opts: { env?: Record<string, string> }): Promise<TestServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'recipe-console-sandbox-'));
  const env: Record<string, string> = {
    SANDBOX_PARTNER_ID: String(TEST_PARTNER_ID),
    SANDBOX_ADMIN_SECRET: TEST_ADMIN_SECRET,
    SANDBOX_DATA_DIR: dataDir,
    ...(opts.env ?? {}),
  };
  let child: ChildProcess | undefined;
  let out = '';
  const url = `http://127.0.0.1:${port}`;
  const start = async () => {
    child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'tests/integration/sandbox/devServer.ts')], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      try {
        const r = await fetch(`${url}/api_v3/service/system/action/ping?format=1`);
        if (r.status < 500) return;
      } catch {
        /* not yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('dev server did not start:\n' + out);
  };
  const stop = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((r) => {
      c.once('exit', () => r());
      c.kill('SIGTERM');
    });
  };
  await start();
  return {
    url,
    port,
    dataDir,
    env,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
    dispose: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    output: () => out,
    pid: () => child?.pid,
    exited: () => new Promise<void>((r) => (!child || child.exitCode !== null ? r() : void child.once('exit', () => r()))),
  };
}

export function startSandbox(opts: { env?: Record<string, string> } = {}): Promise<TestServer> {
  return process.env.SANDBOX_TEST_INPROC === '1' ? startInProc(opts) : startServer(opts);
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
