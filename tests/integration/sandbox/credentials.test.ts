/**
 * `npm run sandbox:credentials` reads the partner a running sandbox created from its data folder,
 * and says what to do when there is none.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/build';
import type { TestServer } from '../../helpers/server';
import { call, startSandbox as startTestSandbox, TEST_ADMIN_SECRET, TEST_PARTNER_ID } from './harness';

/** The storage settings of each started server by its data folder (on PostgreSQL the partner is in the database). */
const storageOf = new Map<string, Record<string, string>>();
async function startSandbox(opts?: Parameters<typeof startTestSandbox>[0]): Promise<TestServer> {
  const s = await startTestSandbox(opts);
  storageOf.set(
    s.dataDir,
    Object.fromEntries(Object.entries(s.env).filter(([k]) => k === 'SANDBOX_STORAGE' || k === 'SANDBOX_DATABASE_URL')),
  );
  return s;
}

function credentials(env: Record<string, string>, args: string[] = []) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SANDBOX_')));
  env = { ...(storageOf.get(env.SANDBOX_DATA_DIR ?? '') ?? {}), ...env };
  return spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/sandbox-credentials.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...clean, ...env } as NodeJS.ProcessEnv,
  });
}

let server: TestServer;
beforeAll(async () => {
  server = await startSandbox();
});
afterAll(async () => {
  await server?.dispose();
});

describe('npm run sandbox:credentials', () => {
  it('prints the partner ID and the admin secret that session.start accepts, while the server runs', async () => {
    expect(await call(server.url, 'system', 'ping')).toBe(true);
    // The address the running console answers at, whatever PORT this shell has.
    const r = credentials({ SANDBOX_DATA_DIR: server.dataDir, PORT: '1' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Partner ID:    ${TEST_PARTNER_ID}`);
    // (the host its first request named: localhost or 127.0.0.1)
    expect(r.stdout).toMatch(new RegExp(`Service URL: {3}http://(localhost|127\\.0\\.0\\.1):${server.port} {2}\\(the console running now`));
    const secret = /Admin secret:\s+(\S+)/.exec(r.stdout)?.[1];
    expect(secret).toBe(TEST_ADMIN_SECRET);
    const ks = await call(server.url, 'session', 'start', { secret, partnerId: TEST_PARTNER_ID, type: 2 });
    expect(typeof ks).toBe('string');
    expect(ks.length).toBeGreaterThan(40);
  });

  it("the printed curl command, and the --env lines with the README's command, work as pasted", () => {
    const r = credentials({ SANDBOX_DATA_DIR: server.dataDir });
    const command = r.stdout.split('\n').find((l) => l.trim().startsWith('curl '))!;
    expect(command).toBeDefined();
    const out = spawnSync('bash', ['-c', `${command} -sS`], { encoding: 'utf8' });
    expect(out.status, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toMatch(/^[A-Za-z0-9_=-]{40,}$/);
    // The README's block, as written, in the project folder (this sandbox's data folder).
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /## The sandbox[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toContain('sandbox:credentials -- --env');
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SANDBOX_')));
    const viaEnv = spawnSync('bash', ['-euo', 'pipefail', '-c', block!], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...clean, ...storageOf.get(server.dataDir), SANDBOX_DATA_DIR: server.dataDir } as unknown as NodeJS.ProcessEnv,
    });
    expect(viaEnv.status, viaEnv.stderr).toBe(0);
    expect(JSON.parse(viaEnv.stdout)).toMatch(/^[A-Za-z0-9_=-]{40,}$/);
  });

  it('with no console running on the folder, it says so and gives the default address', async () => {
    const other = await startSandbox();
    try {
      expect(await call(other.url, 'system', 'ping')).toBe(true);
      await other.stop();
      const r = credentials({ SANDBOX_DATA_DIR: other.dataDir, PORT: '4123' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('Service URL:   http://localhost:4123  (no console is running on this data folder now');
    } finally {
      await other.dispose();
    }
  });

  it('shows again the made-up secret that a new sandbox printed once, at creation', async () => {
    const fresh = await startSandbox({ env: { SANDBOX_ADMIN_SECRET: '', SANDBOX_PARTNER_ID: '' } });
    try {
      expect(await call(fresh.url, 'system', 'ping')).toBe(true); // the first request announces the sandbox
      const printed = /Admin secret: ([0-9a-f]{32}) \(printed only this once/.exec(fresh.output())?.[1];
      expect(printed).toBeDefined();
      const r = credentials({ SANDBOX_DATA_DIR: fresh.dataDir });
      expect(r.status, r.stderr).toBe(0);
      expect(/Admin secret:\s+(\S+)/.exec(r.stdout)?.[1]).toBe(printed);
      expect(await call(fresh.url, 'system', 'ping')).toBe(true);
      expect(fresh.output().split(printed!).length - 1).toBe(1); // printed once only
    } finally {
      await fresh.dispose();
    }
  });

  it('fails with what to do when the folder holds no sandbox, and creates nothing there', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-sandbox-'));
    try {
      const r = credentials({ SANDBOX_DATA_DIR: empty });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`No sandbox partner in ${empty}`);
      expect(r.stderr).toContain('npm start');
      expect(readdirSync(empty)).toEqual([]);
      const other = credentials({ SANDBOX_DATA_DIR: server.dataDir, SANDBOX_PARTNER_ID: '999' });
      expect(other.status).toBe(1);
      expect(other.stderr).toContain('with ID 999');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
