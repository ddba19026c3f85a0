import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import * as access from '@/lib/sandbox/consoleAccess';
import {
  DEMO_FRAME_PATH,
  PEER_HEADER,
  PEER_TOKEN_KEY,
  bufferForPolicy,
  decodablePath,
  decodableUrl,
  inlineScriptHashes,
  parseConnectSrc,
  parserErrorAnswer,
  policy,
  securityHeaders,
} from '@/scripts/server/edge.mjs';

describe('decodablePath', () => {
  it('leaves paths that decode exactly as they are', () => {
    for (const p of ['/', '/recipes/upload-media', '/api_v3/service/system/action/%70ing', '/a%20b/c%2Fd', '/%E2%82%AC']) {
      expect(decodablePath(p)).toBe(p);
    }
  });

  it('escapes the % signs of each segment that does not decode, and only of that segment', () => {
    expect(decodablePath('/api_v3/service/%E0%A4%A/action/%67et')).toBe('/api_v3/service/%25E0%25A4%25A/action/%67et');
    expect(decodablePath('/%')).toBe('/%25');
    expect(decodablePath('/x/%zz%20/y')).toBe('/x/%25zz%2520/y');
    expect(decodablePath('/%ED%A0%80')).toBe('/%25ED%25A0%2580'); // a lone surrogate is not UTF-8
  });

  it('always returns a path that decodes back to the literal text of broken segments', () => {
    for (const p of ['/%', '/%%', '/a%2', '/%C3%28/%E0%A4%A', '/ok/%zz']) {
      const fixed = decodablePath(p);
      expect(() => decodeURIComponent(fixed)).not.toThrow();
      expect(decodeURIComponent(fixed)).toBe(p);
    }
  });

  it('decodableUrl fixes the path and keeps the query as sent', () => {
    expect(decodableUrl('/api_v3/service/%E0%A4%A/action/get?format=1&x=%zz')).toBe(
      '/api_v3/service/%25E0%25A4%25A/action/get?format=1&x=%zz',
    );
    expect(decodableUrl('/ok?x=%')).toBe('/ok?x=%');
  });
});

describe('the peer header', () => {
  it('has the names lib/sandbox/consoleAccess.ts reads', () => {
    expect(PEER_HEADER).toBe(access.PEER_HEADER);
    expect(PEER_TOKEN_KEY).toBe(access.PEER_TOKEN_KEY);
  });
});

describe('Content-Security-Policy', () => {
  const sha = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

  it('hashes the inline scripts of a page (not files, not twice)', () => {
    const html =
      '<html><script src="/_next/a.js" async></script><script>self.__next_f.push([1,"é"])</script><SCRIPT type="x">a</SCRIPT ><script>self.__next_f.push([1,"é"])</script></html>';
    expect(inlineScriptHashes(html)).toEqual([sha('self.__next_f.push([1,"é"])'), sha('a')]);
  });

  it('a prerendered page: its hashes, no nonce, nothing inline beyond them; frame-ancestors none', () => {
    const staticPages = new Map([
      ['/', ["'sha256-A'"]],
      ['/_not-found', ["'sha256-N'"]],
    ]);
    const { response, hashLater } = securityHeaders('/', { staticPages });
    expect(hashLater).toBe(false);
    const csp = response['Content-Security-Policy'];
    expect(csp).toMatch(/script-src 'self' 'sha256-A' 'unsafe-eval';/);
    expect(csp!.split('; ').find((d) => d.startsWith('script-src'))).not.toMatch(/unsafe-inline|\*|data:|https:/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("connect-src 'self' https:");
    expect(response['X-Content-Type-Options']).toBe('nosniff');
    expect(response['Referrer-Policy']).toBe('no-referrer');
  });

  it('any other page: its policy is made from its own HTML, when the answer is complete', async () => {
    const staticPages = new Map([['/_not-found', ["'sha256-N'"]]]);
    expect(securityHeaders('/author', { staticPages })).toMatchObject({ hashLater: true });
    expect(securityHeaders('/author', { staticPages }).response['Content-Security-Policy']).toBeUndefined();
    // a real answer: headers by writeHead, the HTML in pieces (a script split between them)
    const server = createServer((req, res) => {
      bufferForPolicy(res, (html) => policy({ scripts: inlineScriptHashes(html) }));
      if (req.url === '/json') {
        res.setHeader('content-type', 'application/json');
        res.end('{"a":1}');
        return;
      }
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'x-kept': 'yes' });
      res.write('<html><script>self.__next_f.push([1,"par');
      res.write(Buffer.from('t é"])</script><script src="/a.js"></script>'));
      res.end('</html>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const { port } = server.address() as AddressInfo;
      const r = await fetch(`http://127.0.0.1:${port}/page`);
      expect(r.status).toBe(404);
      expect(r.headers.get('x-kept')).toBe('yes');
      expect(await r.text()).toBe('<html><script>self.__next_f.push([1,"part é"])</script><script src="/a.js"></script></html>');
      expect(r.headers.get('content-security-policy')).toContain(
        `script-src 'self' ${sha('self.__next_f.push([1,"part é"])')} 'unsafe-eval';`,
      );
      const j = await fetch(`http://127.0.0.1:${port}/json`);
      expect(await j.json()).toEqual({ a: 1 });
      expect(j.headers.get('content-security-policy')).toBeNull();
    } finally {
      server.close();
    }
  });

  it('no page policy on the sandbox API and the Demo frame (its own); dev allows the HMR socket', () => {
    const staticPages = new Map<string, string[]>();
    expect(securityHeaders('/api_v3/service/system/action/ping', { staticPages }).response['Content-Security-Policy']).toBeUndefined();
    expect(securityHeaders(DEMO_FRAME_PATH, { staticPages }).response['Content-Security-Policy']).toBeUndefined();
    // The console's JSON routes and its event stream are not pages: never held back for a policy.
    expect(securityHeaders('/api/recipes/events', { staticPages })).toMatchObject({ hashLater: false });
    expect(securityHeaders('/api/description', { staticPages })).toMatchObject({ hashLater: false });
    expect(securityHeaders('/schemas/api-call.schema.json', { staticPages })).toMatchObject({ hashLater: false });
    expect(securityHeaders('/', { staticPages: new Map([['/', ["'sha256-A'"]]]), dev: true }).hashLater).toBe(true); // dev renders every page
    expect(policy({ scripts: [], dev: true })).toMatch(/connect-src 'self' https: ws: wss:/);
  });

  it('CONSOLE_CONNECT_SRC adds sources; junk (header injection) is dropped', () => {
    expect(parseConnectSrc('http://kaltura.lan:8080, https://x.example/api  ;evil http://a"b')).toEqual([
      'http://kaltura.lan:8080',
      'https://x.example/api',
    ]);
    expect(policy({ scripts: [], connectSrc: ['http://kaltura.lan:8080'] })).toContain(
      "connect-src 'self' https: http://kaltura.lan:8080;",
    );
  });
});

describe('answers to requests Node refuses', () => {
  it('431 and 400 carry a KalturaAPIException', () => {
    const a = parserErrorAnswer('HPE_HEADER_OVERFLOW');
    expect(a).toMatch(/^HTTP\/1\.1 431 /);
    const body = JSON.parse(a.slice(a.indexOf('\r\n\r\n') + 4));
    expect(body).toMatchObject({ objectType: 'KalturaAPIException', code: 'INVALID_FIELD_VALUE' });
    expect(body.message).toMatch(/request body/);
    expect(parserErrorAnswer('HPE_INVALID_METHOD')).toMatch(/^HTTP\/1\.1 400 /);
  });
});
