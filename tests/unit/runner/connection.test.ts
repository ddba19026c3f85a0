import { describe, expect, it } from 'vitest';
import { createConnectionStore, decodeKs, REMEMBER_KEY, SESSION_KEY, type KeyValueStorage } from '@/lib/connection';

function memory(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const b64url = (s: string) => Buffer.from(s, 'latin1').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A fake Kaltura endpoint: session.start checks the secret, session.get answers info, sandbox session. */
function endpoint(calls: string[] = []): typeof fetch {
  return (async (url: string, init?: RequestInit) => {
    calls.push(url);
    const body = new URLSearchParams(String(init?.body ?? ''));
    const json = (x: unknown) => new Response(JSON.stringify(x), { headers: { 'content-type': 'application/json' } });
    if (url.endsWith('/api_v3/sandbox/session'))
      return json({ ks: b64url('v2|42|xxxx'), partnerId: 42, sessionType: 2, expiry: 2_000_000_000 });
    if (url.includes('/session/action/start')) {
      if (body.get('secret') !== 'good')
        return json({ code: 'START_SESSION_ERROR', message: 'Error while starting session', objectType: 'KalturaAPIException' });
      return json(b64url(`v2|${body.get('partnerId')}|yyyy`));
    }
    if (url.includes('/session/action/get')) {
      if (url.includes('ks=bad')) return json({ code: 'INVALID_KS', message: 'Invalid KS', objectType: 'KalturaAPIException' });
      return json({ objectType: 'KalturaSessionInfo', partnerId: 7, userId: 'bob', expiry: 1_900_000_000, sessionType: 2 });
    }
    return json({});
  }) as unknown as typeof fetch;
}

describe('decodeKs', () => {
  it('reads the partner of a KS v2 and the clear fields of a KS v1', () => {
    expect(decodeKs(b64url('v2|1000042|\x00\x01binary'))).toEqual({ version: 2, partnerId: 1000042 });
    const v1 = Buffer.from('0123456789abcdef|99;99;1700000000;2;12345;alice;disableentitlement;;').toString('base64');
    expect(decodeKs(v1)).toEqual({
      version: 1,
      partnerId: 99,
      expiry: 1700000000,
      type: 2,
      userId: 'alice',
      privileges: 'disableentitlement',
    });
    expect(decodeKs('not a ks!')).toBeUndefined();
  });
});

describe('connection store', () => {
  it('starts the sandbox session by itself and keeps the KS in session storage', async () => {
    const session = memory();
    const s = createConnectionStore({ origin: 'http://console', session, fetchImpl: endpoint() });
    await s.init();
    expect(s.getState()).toMatchObject({ mode: 'sandbox', status: 'connected', partnerId: 42, serviceUrl: 'http://console' });
    expect(s.getState().session?.expiry).toBe(2_000_000_000);
    expect(JSON.parse(session.data.get(SESSION_KEY)!).ks).toBe(b64url('v2|42|xxxx'));
    // a second store (a reload) reuses the KS without a new sandbox session
    const calls: string[] = [];
    const again = createConnectionStore({ origin: 'http://console', session, fetchImpl: endpoint(calls) });
    await again.init();
    expect(again.getState().ks).toBe(s.getState().ks);
    expect(calls.some((c) => c.endsWith('/sandbox/session'))).toBe(false);
  });

  it('an admin secret starts a session from the browser; the secret stays in memory unless remembered', async () => {
    const session = memory();
    const local = memory();
    const calls: string[] = [];
    const s = createConnectionStore({ origin: 'http://console', session, local, fetchImpl: endpoint(calls) });
    await s.connectWithSecret({ serviceUrl: 'https://k.example/api_v3/', partnerId: 7, secret: 'good' });
    expect(calls[0]).toBe('https://k.example/api_v3/service/session/action/start?format=1');
    expect(s.getState()).toMatchObject({
      mode: 'secret',
      status: 'connected',
      serviceUrl: 'https://k.example',
      session: { userId: 'bob', expiry: 1_900_000_000 },
    });
    expect(s.connection()).toMatchObject({ serviceUrl: 'https://k.example', partnerId: 7, secret: 'good' });
    expect([...session.data.values(), ...local.data.values()].join()).not.toContain('good');
    await s.connectWithSecret({ serviceUrl: 'https://k.example', partnerId: 7, secret: 'good', remember: true });
    expect(JSON.parse(local.data.get(REMEMBER_KEY)!).secret).toBe('good');
    s.forget();
    expect(local.data.has(REMEMBER_KEY)).toBe(false);
  });

  it('a wrong secret is an error that says what to check', async () => {
    const s = createConnectionStore({ origin: 'http://console', fetchImpl: endpoint() });
    await s.connectWithSecret({ serviceUrl: 'https://k.example', partnerId: 7, secret: 'bad' });
    expect(s.getState().status).toBe('error');
    expect(s.getState().error).toMatch(/partner ID or the admin secret is wrong \(START_SESSION_ERROR/);
  });

  it('a pasted KS that the endpoint rejects asks to log in again', async () => {
    const s = createConnectionStore({ origin: 'http://console', fetchImpl: endpoint() });
    await s.connectWithKs({ serviceUrl: 'https://k.example', ks: 'bad' });
    expect(s.getState()).toMatchObject({ mode: 'ks', loginNeeded: true, status: 'error' });
    await s.relogin();
    expect(s.getState().error).toMatch(/Paste a new KS/);
  });

  it('reportInvalidKs offers to log in again; relogin with the secret starts a new session', async () => {
    const s = createConnectionStore({ origin: 'http://console', fetchImpl: endpoint() });
    await s.connectWithSecret({ serviceUrl: 'https://k.example', partnerId: 7, secret: 'good' });
    s.reportInvalidKs();
    expect(s.getState().loginNeeded).toBe(true);
    await s.relogin();
    expect(s.getState()).toMatchObject({ loginNeeded: false, status: 'connected' });
  });
});
