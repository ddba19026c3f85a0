/**
 * `npm run sandbox:credentials` reads the partner a running sandbox created from its data folder,
 * and says what to do when there is none.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/build';
import type { TestServer } from '../../helpers/server';
import { call, startSandbox, TEST_ADMIN_SECRET, TEST_PARTNER_ID } from './harness';

function credentials(env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SANDBOX_')));
  return spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/sandbox-credentials.ts')], {
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
    const r = credentials({ SANDBOX_DATA_DIR: server.dataDir, PORT: String(server.port) });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Partner ID:    ${TEST_PARTNER_ID}`);
    expect(r.stdout).toContain(`Service URL:   http://localhost:${server.port}`);
    const secret = /Admin secret:\s+(\S+)/.exec(r.stdout)?.[1];
    expect(secret).toBe(TEST_ADMIN_SECRET);
    const ks = await call(server.url, 'session', 'start', { secret, partnerId: TEST_PARTNER_ID, type: 2 });
    expect(typeof ks).toBe('string');
    expect(ks.length).toBeGreaterThan(40);
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
