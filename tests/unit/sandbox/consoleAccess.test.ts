import { afterEach, describe, expect, it } from 'vitest';
import { PEER_HEADER, PEER_TOKEN_KEY, consoleSessionDecision, isLoopbackAddress, peerOf } from '@/lib/sandbox/consoleAccess';

const none = { consoleHosts: [] as string[] };
const ok = (r: ReturnType<typeof consoleSessionDecision>) => r.allowed;

describe('who gets the console session', () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[PEER_TOKEN_KEY];
  });

  it('a loopback caller at a loopback Host gets it', () => {
    for (const peer of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.3.2.1']) {
      for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'localhost', 'LOCALHOST:80']) {
        expect(ok(consoleSessionDecision({ peer, host }, none)), `${peer} ${host}`).toBe(true);
      }
    }
  });

  it('another Host is refused (DNS rebinding), unless it is listed; the reason says what to do', () => {
    const r = consoleSessionDecision({ peer: '127.0.0.1', host: 'evil.example:3000' }, none);
    expect(r.allowed).toBe(false);
    expect(!r.allowed && r.reason).toMatch(/localhost.*SANDBOX_CONSOLE_HOSTS.*admin secret/s);
    for (const host of ['127.0.0.1.evil.example', 'localhost.evil.example', '0.0.0.0:3000', '192.168.1.5:3000', '[::2]:3000', 'a b', '']) {
      expect(ok(consoleSessionDecision({ peer: '127.0.0.1', host }, none)), host).toBe(false);
    }
    expect(ok(consoleSessionDecision({ peer: '127.0.0.1', host: 'console.test:3000' }, { consoleHosts: ['console.test'] }))).toBe(true);
    expect(ok(consoleSessionDecision({ peer: '127.0.0.1', host: 'console.test:3000' }, { consoleHosts: ['console.test:3000'] }))).toBe(
      true,
    );
    expect(ok(consoleSessionDecision({ peer: '127.0.0.1', host: 'console.test:4000' }, { consoleHosts: ['console.test:3000'] }))).toBe(
      false,
    );
  });

  it('a caller that is not on this machine is refused, whatever Host it names (also a listed one)', () => {
    for (const peer of ['192.168.1.9', '10.0.0.1', '::ffff:192.0.2.2', 'fe80::1', '128.0.0.1']) {
      expect(ok(consoleSessionDecision({ peer, host: 'localhost:3000' }, { consoleHosts: ['localhost'] })), peer).toBe(false);
    }
  });

  it('an unknown caller (a server not started by npm start) is refused', () => {
    const r = consoleSessionDecision({ peer: undefined, host: 'localhost:3000' }, none);
    expect(r.allowed).toBe(false);
    expect(!r.allowed && r.reason).toMatch(/npm start/);
  });

  it('a cross-origin or sandboxed page is refused', () => {
    expect(ok(consoleSessionDecision({ peer: '127.0.0.1', host: 'localhost:3000', origin: 'http://localhost:3000' }, none))).toBe(true);
    expect(ok(consoleSessionDecision({ peer: '127.0.0.1', host: 'localhost:3000', origin: 'http://localhost:3001' }, none))).toBe(false);
    expect(ok(consoleSessionDecision({ peer: '127.0.0.1', host: 'localhost:3000', origin: 'http://evil.example' }, none))).toBe(false);
    expect(ok(consoleSessionDecision({ peer: '127.0.0.1', host: 'localhost:3000', origin: 'null' }, none))).toBe(false);
    expect(ok(consoleSessionDecision({ peer: '127.0.0.1', host: 'localhost:3000', fetchSite: 'cross-site' }, none))).toBe(false);
    expect(ok(consoleSessionDecision({ peer: '127.0.0.1', host: 'localhost:3000', fetchSite: 'same-origin' }, none))).toBe(true);
  });

  it('trusts the peer header only with the token the server set at start', () => {
    const h = new Headers({ [PEER_HEADER]: 'sometoken-sometoken 127.0.0.1' });
    expect(peerOf(h)).toBeUndefined(); // no token installed: a client's own header means nothing
    (globalThis as Record<symbol, unknown>)[PEER_TOKEN_KEY] = 'the-real-token-123456';
    expect(peerOf(h)).toBeUndefined();
    expect(peerOf(new Headers({ [PEER_HEADER]: 'the-real-token-123456 ::1' }))).toBe('::1');
    expect(peerOf(new Headers())).toBeUndefined();
  });

  it('loopback addresses', () => {
    expect(isLoopbackAddress('127.255.255.255')).toBe(true);
    expect(isLoopbackAddress('127.256.0.1')).toBe(false);
    expect(isLoopbackAddress('')).toBe(false);
    expect(isLoopbackAddress('localhost')).toBe(false); // an address, not a name
  });

  it('loopback mode answers the shared partner', () => {
    expect(consoleSessionDecision({ peer: '127.0.0.1', host: 'localhost:3000' }, none)).toEqual({ allowed: true, partner: 'shared' });
  });
});

describe('public mode (CONSOLE_PUBLIC=1): a visitor partner, for same-origin pages at the published host', () => {
  const pub = { consoleHosts: [] as string[], public: { hosts: ['console.example.com'], origin: 'https://console.example.com' } };
  const any = { consoleHosts: [] as string[], public: { hosts: [] as string[] } };

  it('a browser anywhere gets a session of its own visitor partner, never the shared one', () => {
    for (const peer of ['203.0.113.9', '10.0.0.1', '127.0.0.1', undefined]) {
      expect(
        consoleSessionDecision({ peer, host: 'console.example.com', origin: 'https://console.example.com', fetchSite: 'same-origin' }, pub),
      ).toEqual({ allowed: true, partner: 'visitor' });
    }
    expect(consoleSessionDecision({ peer: '203.0.113.9', host: 'console.example.com' }, pub)).toEqual({
      allowed: true,
      partner: 'visitor',
    });
    // no published host configured: any well-formed Host, same-origin only
    expect(consoleSessionDecision({ peer: '203.0.113.9', host: 'whatever.test:8080', origin: 'http://whatever.test:8080' }, any)).toEqual({
      allowed: true,
      partner: 'visitor',
    });
  });

  it('a DNS-rebinding Host (not the published one) is refused and told where the console is', () => {
    const r = consoleSessionDecision({ peer: '203.0.113.9', host: 'evil.example', origin: 'http://evil.example' }, pub);
    expect(r.allowed).toBe(false);
    expect(!r.allowed && r.reason).toMatch(/published at console\.example\.com/);
    expect(ok(consoleSessionDecision({ peer: '203.0.113.9', host: '' }, pub))).toBe(false);
  });

  it("another origin cannot use a visitor's cookie: cross-site, same-site, another origin or a sandboxed page is refused", () => {
    const base = { peer: '203.0.113.9', host: 'console.example.com' };
    for (const extra of [
      { origin: 'https://evil.example' },
      { origin: 'http://console.example.com' },
      { origin: 'https://sub.console.example.com' },
      { origin: 'null' },
      { fetchSite: 'cross-site' },
      { fetchSite: 'same-site' },
      { origin: 'not a url' },
    ]) {
      expect(ok(consoleSessionDecision({ ...base, ...extra }, pub)), JSON.stringify(extra)).toBe(false);
      expect(ok(consoleSessionDecision({ ...base, host: 'whatever.test', ...extra }, any)), JSON.stringify(extra)).toBe(false);
    }
  });
});
