/**
 * GET /api/health under `npm start`: 200 with the storage when the sandbox is ready; 503 with a
 * reason (and no password) when its storage cannot be reached, so a load balancer or Docker's
 * HEALTHCHECK takes the instance out.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startServer, type TestServer } from '../../helpers/server';

describe('GET /api/health', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.dispose();
  });

  it('answers ok with the storage on the embedded default', async () => {
    const s = await startServer({ env: { SANDBOX_STORAGE: 'sqlite', SANDBOX_DATABASE_URL: '' } });
    servers.push(s);
    const r = await fetch(`${s.url}/api/health`);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const h = await r.json();
    expect(h).toMatchObject({ status: 'ok', sandbox: { state: 'ready', storage: 'sqlite', publicMode: false } });
    expect(h.server.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect((await fetch(`${s.url}/api/health`, { method: 'HEAD' })).status).toBe(200);
  });

  it('answers 503 with the reason when PostgreSQL cannot be reached, never the password', async () => {
    const port = await freePort();
    const s = await startServer({
      env: { SANDBOX_STORAGE: 'postgres', SANDBOX_DATABASE_URL: `postgres://someone:hunter2-secret@127.0.0.1:${port}/nothing` },
    });
    servers.push(s);
    const r = await fetch(`${s.url}/api/health`);
    expect(r.status).toBe(503);
    const text = await r.text();
    expect(text).not.toContain('hunter2');
    const h = JSON.parse(text);
    expect(h).toMatchObject({ status: 'error', sandbox: { state: 'failed', storage: 'postgres' } });
    expect(h.sandbox.reason).toMatch(/PostgreSQL|ECONNREFUSED|connect/i);
    // the API answers a Kaltura error meanwhile, not a crash
    const api = await (await fetch(`${s.url}/api_v3/service/system/action/ping?format=1`)).json();
    expect(api.objectType).toBe('KalturaAPIException');
    expect(s.output()).not.toContain('hunter2');
  });
});
