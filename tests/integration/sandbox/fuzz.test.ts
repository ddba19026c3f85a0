/**
 * Fuzz: thousands of random requests (random services, actions, parameters, bodies, garbage
 * multipart, huge values) each get a well-formed answer with HTTP 200 (never a 500, never a stack
 * trace), and the server stays healthy. Seeded, so a failure can be replayed (FUZZ_SEED).
 * Paths include malformed percent-encoding (`/api_v3/service/%E0%A4%A/...`), which the server's
 * edge (scripts/server/edge.mjs) keeps from reaching Next's router as is. Redirects are not followed
 * (every answer is the first one), except Next's own for a path with `//`.
 * A second test sends the oversized shapes of issue 11 (bodies that once froze the server for
 * seconds), each refused, while a concurrent system.ping must keep answering within 1 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../helpers/server';
import { adminKs, call, startSandbox } from './harness';
import { fuzzSeed } from '../../helpers/prng';

const COUNT = Number(process.env.FUZZ_COUNT || 3000);
const SEED = fuzzSeed(73001);

let server: TestServer;
let ks: string;
beforeAll(async () => {
  server = await startSandbox({ env: { SANDBOX_FINAL_CHUNK_WAIT_MS: '200', SANDBOX_MAX_UPLOAD_BYTES: String(8 << 20) } });
  ks = await adminKs(server.url, 'fuzzer');
});
afterAll(async () => {
  await server?.dispose();
});

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

describe('fuzz', () => {
  it(`${COUNT} random requests always get a well-formed answer (seed ${SEED})`, { timeout: 240_000 }, async () => {
    const rand = rng(SEED);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
    const int = (n: number) => Math.floor(rand() * n);
    const services = [
      'uploadToken',
      'uploadtoken',
      'media',
      'session',
      'system',
      'baseEntry',
      'multirequest',
      'nosuch',
      '',
      'UPLOADTOKEN',
      '..',
      '%00',
      'a'.repeat(300),
      // the generic services, by client and URL names
      'captionAsset',
      'caption_captionasset',
      'thumbAsset',
      'category',
      'categoryEntry',
      'cuePoint',
      'cuepoint_cuepoint',
      'metadata',
      'metadata_metadata',
      'metadataProfile',
      'user',
      'appToken',
      'accessControlProfile',
      'eSearch',
      'elasticsearch_esearch',
    ];
    const actions = [
      'add',
      'get',
      'list',
      'delete',
      'upload',
      'addContent',
      'update',
      'start',
      'end',
      'ping',
      'fly',
      '',
      'ADD',
      '__proto__',
      'count',
      'setContent',
      'setAsDefault',
      'getUrl',
      'serve',
      'startSession',
      'searchEntry',
    ];
    const keys = [
      'uploadTokenId',
      'entryId',
      'fileData',
      'resume',
      'finalChunk',
      'resumeAt',
      'entry:mediaType',
      'entry[name]',
      'entry:objectType',
      'resource:objectType',
      'resource:token',
      'filter:orderBy',
      'filter:statusIn',
      'filter:idIn',
      'pager:pageSize',
      'pager:pageIndex',
      'uploadToken:fileSize',
      'uploadToken:autoFinalize',
      'mediaEntry:name',
      'mediaEntry:mediaType',
      'secret',
      'partnerId',
      'type',
      'expiry',
      'privileges',
      'session',
      'format',
      'entry:description__null',
      '__proto__:x',
      'constructor:prototype:x',
      '1:service',
      '1:action',
      '2:uploadTokenId',
      'filter',
      'entry',
      'ks',
      'a:b:c:d:e:f:g:h:i:j:k:l:m:n:o:p:q:r',
      '[',
      ']]',
      ':',
      'x'.repeat(2000),
      // generic services' parameters and filters
      'id',
      'captionAssetId',
      'thumbAssetId',
      'captionAsset:language',
      'captionAsset:format',
      'captionAsset:status',
      'category:name',
      'category:parentId',
      'categoryEntry:categoryId',
      'categoryEntry:entryId',
      'cuePoint:objectType',
      'cuePoint:entryId',
      'cuePoint:startTime',
      'xmlData',
      'xsdData',
      'metadataProfileId',
      'objectType',
      'objectId',
      'version',
      'contentResource:objectType',
      'contentResource:token',
      'tokenHash',
      'user:id',
      'searchParams:searchOperator:searchItems:0:searchTerm',
      'searchParams:searchOperator:operator',
      'filter:entryIdEqual',
      'filter:categoriesIdsMatchOr',
      'filter:nameLike',
      'filter:tagsMultiLikeOr',
      'filter:statusIn',
      'filter:orderBy',
      'filter:firstNameOrLastNameStartsWith',
      'moveEntriesToParentCategory',
    ];
    const classes = [
      'KalturaMediaEntry',
      'KalturaResource',
      'KalturaUploadedFileTokenResource',
      'KalturaUrlResource',
      'KalturaUploadToken',
      'Nope',
      '',
      'KalturaObjectBase',
      'KalturaCaptionAsset',
      'KalturaCodeCuePoint',
      'KalturaCuePoint',
      'KalturaCategory',
      'KalturaCategoryEntry',
      'KalturaESearchUnifiedItem',
      'KalturaUser',
    ];
    const xml = [
      '<metadata/>',
      '<metadata><a>x</a></metadata>',
      '<!DOCTYPE x [<!ENTITY a "b">]><metadata>&a;</metadata>',
      '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"><xsd:element name="metadata"/></xsd:schema>',
      '<' + '<a>'.repeat(3000),
    ];
    const value = (): string => {
      switch (int(13)) {
        case 12:
          return pick(xml);
        case 0:
          return String(int(10) - 3);
        case 1:
          return pick(['true', 'false', '0', '1', '', 'null']);
        case 2:
          return pick(classes);
        case 3:
          return 'x'.repeat(int(200_000));
        case 4:
          return String(rand() * 1e308 * (rand() < 0.5 ? -1 : 10));
        case 5:
          return '{1:result:id}';
        case 6:
          return '\u0000\u0001\uFFFF<&>"\'\ud800';
        case 7:
          return ks;
        case 8:
          return ks.slice(0, int(ks.length));
        case 9:
          return '0_' + 'f'.repeat(32);
        case 10:
          return String(Number.MAX_SAFE_INTEGER * 1000);
        default:
          return rand().toString(36);
      }
    };
    const params = () => {
      const p: Array<[string, string]> = [];
      const n = int(8);
      for (let i = 0; i < n; i++) p.push([pick(keys), value()]);
      if (rand() < 0.7) p.push(['ks', rand() < 0.8 ? ks : value()]);
      if (rand() < 0.6) p.push(['format', pick(['1', '2', '3', '', 'x'])]);
      return p;
    };
    const garbage = (n: number) => {
      const b = new Uint8Array(n);
      for (let i = 0; i < n; i++) b[i] = int(256);
      return b;
    };

    const enc = (s: string) => {
      try {
        return encodeURIComponent(s);
      } catch {
        return 'bad';
      }
    };

    async function one(i: number): Promise<void> {
      const svc = pick(services);
      const act = pick(actions);
      const form = int(5);
      const broken = () => pick(['%', '%E0%A4%A', '%zz', '%%', 'a%2', '%C3%28', '%ED%A0%80', 'ok']);
      let url =
        form === 0
          ? `${server.url}/api_v3/?service=${enc(svc)}&action=${enc(act)}`
          : form === 1
            ? `${server.url}/api_v3/service/${enc(svc)}/action/${enc(act)}`
            : form === 2
              ? `${server.url}/api_v3/service/${enc(svc)}/action/${enc(act)}/${pick(keys)}/${enc(value().slice(0, 100))}`
              : form === 3
                ? `${server.url}/api_v3/${pick(['', 'service', 'service/x/action', 'sandbox/content/0_zzz', 'sandbox', 'index.php'])}`
                : `${server.url}/api_v3/service/${rand() < 0.5 ? broken() : enc(svc)}/action/${rand() < 0.5 ? broken() : enc(act)}${rand() < 0.3 ? '/' + broken() : ''}`;
      const p = params();
      if (rand() < 0.3)
        url += (url.includes('?') ? '&' : '?') + new URLSearchParams(p.slice(0, 3).map(([k, v]) => [k, v.slice(0, 500)])).toString();
      const init: RequestInit & { duplex?: string } = { method: rand() < 0.85 ? 'POST' : 'GET' };
      if (init.method === 'POST') {
        const kind = int(7);
        if (kind === 0) init.body = new URLSearchParams(p);
        else if (kind === 1) {
          init.headers = { 'content-type': 'application/json' };
          init.body =
            rand() < 0.7
              ? JSON.stringify(
                  Object.fromEntries(
                    p.map(([k, v]) => [k, rand() < 0.2 ? { objectType: pick(classes), mediaType: value(), token: value() } : v]),
                  ),
                )
              : pick(['{', '[]', '"x"', 'null', '{"a":' + '['.repeat(5000)]);
        } else if (kind === 2) {
          const fd = new FormData();
          for (const [k, v] of p) fd.append(k, v);
          if (rand() < 0.7) fd.append(rand() < 0.8 ? 'fileData' : pick(keys), new Blob([garbage(int(300_000))]), 'f.bin');
          if (rand() < 0.3) fd.append('json', rand() < 0.5 ? JSON.stringify({ ks, uploadTokenId: value() }) : '{bad json');
          init.body = fd;
        } else if (kind === 3) {
          // garbage multipart: a valid boundary, broken content
          const b = 'XyZ' + int(1e9);
          init.headers = { 'content-type': `multipart/form-data; boundary=${b}` };
          const parts = [
            `--${b}\r\nContent-Disposition: form-data; name="fileData"; filename="a"\r\n\r\n`,
            new TextDecoder().decode(garbage(int(5000))),
            rand() < 0.5 ? `\r\n--${b}--` : '',
          ];
          init.body = parts.join('');
        } else if (kind === 4) {
          init.headers = {
            'content-type': pick([
              'multipart/form-data',
              'multipart/form-data; boundary=',
              'application/json; charset=x',
              'text/xml',
              'application/octet-stream',
            ]),
          };
          init.body = new Blob([garbage(int(20_000))]);
        } else if (kind === 5) {
          init.body = new Blob([garbage(int(50_000))]); // no content type
        }
      }
      const ctrl = AbortSignal.timeout(30_000);
      const ctx = `#${i} ${init.method} ${url.slice(0, 200)}`;
      let r = await fetch(url, { ...init, signal: ctrl, duplex: 'half', redirect: 'manual' } as RequestInit);
      if (r.status === 308 && new URL(url).pathname.includes('//')) {
        // Next's own redirect to the path with `//` collapsed (method and body kept): follow it
        expect(new URL(r.headers.get('location') ?? '', url).pathname, ctx).not.toContain('//');
        await r.arrayBuffer();
        r = await fetch(url, { ...init, signal: ctrl, duplex: 'half' } as RequestInit);
      }
      const text = await r.text();
      expect(r.status, ctx).toBe(200);
      expect(text, ctx).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace
      if (r.headers.get('content-type')?.includes('json')) {
        const v = JSON.parse(text);
        if (v && typeof v === 'object' && 'code' in v) {
          expect(v.objectType, ctx).toBe('KalturaAPIException');
          expect(typeof v.message, ctx).toBe('string');
          expect(typeof v.args, ctx).toBe('object');
          expect(v.code, ctx).not.toBe('INTERNAL_SERVERL_ERROR');
        }
      } else if (r.headers.get('content-type')?.includes('xml')) {
        expect(text, ctx).toMatch(
          /^<\?xml version="1.0" encoding="utf-8"\?><xml><result>[\s\S]*<\/result><executionTime>[0-9.]+<\/executionTime><\/xml>$/,
        );
        expect(text, ctx).not.toContain('INTERNAL_SERVERL_ERROR');
      }
    }

    const started = Date.now();
    let next = 0;
    let done = 0;
    const workers = Array.from({ length: 8 }, async () => {
      while (next < COUNT && Date.now() - started < 200_000) {
        const i = next++;
        await one(i);
        done++;
      }
    });
    await Promise.all(workers);
    expect(done).toBeGreaterThanOrEqual(Math.min(COUNT, 1000));
    // still healthy
    expect(await call(server.url, 'system', 'ping')).toBe(true);
    // (the fuzz may have ended its own session with session.end: start a new one)
    const t = await call(server.url, 'uploadToken', 'add', { ks: await adminKs(server.url, 'after') });
    expect(t.objectType).toBe('KalturaUploadToken');
    expect(server.output()).not.toContain('internal error');
  });

  it('oversized shapes are refused while a concurrent ping keeps answering within 1 s', { timeout: 240_000 }, async () => {
    const api = (path: string) => `${server.url}/api_v3${path}`;
    const manyKeys = (n: number) => '{' + Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(',') + '}';
    const json = (body: string) => ({ headers: { 'content-type': 'application/json' }, body });
    /** A body as bytes with its content type, made before the clock runs (the client's own work is not the server's). */
    const encoded = async (body: FormData | URLSearchParams) => {
      const r = new Request('http://x/', { method: 'POST', body });
      return { headers: { 'content-type': r.headers.get('content-type')! }, body: new Uint8Array(await r.arrayBuffer()) };
    };
    const shapes: Array<[string, string, () => Promise<{ headers?: Record<string, string>; body: string | Uint8Array<ArrayBuffer> }>]> = [
      ['250k JSON keys to system.ping (2.9 MB)', '/service/system/action/ping?format=1', async () => json(manyKeys(250_000))],
      [
        '1M JSON keys, the action in the body (12 MB)',
        '/?format=1',
        async () => json('{"service":"media","action":"list",' + manyKeys(1_000_000).slice(1)),
      ],
      [
        'a 32 MB form',
        '/service/media/action/list?format=1',
        async () => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=' + 'x'.repeat(32 << 20) }),
      ],
      [
        '1M form fields (4 MB)',
        '/service/media/action/list?format=1',
        () => encoded(new URLSearchParams(Array.from({ length: 1_000_000 }, () => ['a', '1']))),
      ],
      [
        '100k levels of JSON nesting',
        '/service/media/action/list?format=1',
        async () => json('{"a":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}'),
      ],
      ['an array of 1M items', '/service/media/action/list?format=1', async () => json('{"a":[' + '1,'.repeat(999_999) + '1]}')],
      [
        '50k multipart fields',
        '/service/media/action/list?format=1',
        () => {
          const fd = new FormData();
          for (let i = 0; i < 50_000; i++) fd.append(`f${i}`, 'v');
          return encoded(fd);
        },
      ],
      [
        'a multipart json field of 200k keys',
        '/service/media/action/list?format=1',
        () => {
          const fd = new FormData();
          fd.append('json', manyKeys(200_000));
          return encoded(fd);
        },
      ],
      ['a body of no type with 200k fields', '/service/media/action/list?format=1', async () => ({ body: 'a=1&'.repeat(200_000) })],
    ];
    for (const [name, path, make] of shapes) {
      const init = await make();
      let stop = false;
      let slowest = 0;
      let pings = 0;
      const pinger = (async () => {
        while (!stop) {
          const t0 = performance.now();
          expect(await (await fetch(api('/service/system/action/ping?format=1'), { signal: AbortSignal.timeout(5000) })).json()).toBe(true);
          slowest = Math.max(slowest, performance.now() - t0);
          pings++;
          await new Promise((r) => setTimeout(r, 10));
        }
      })();
      let answer: { objectType?: string; code?: string; message?: string } | undefined;
      try {
        answer = await (await fetch(api(path), { method: 'POST', ...init })).json();
      } finally {
        stop = true;
        await pinger;
      }
      expect(answer?.objectType, name).toBe('KalturaAPIException');
      expect(answer?.code, name).toBe('INVALID_FIELD_VALUE');
      expect(answer?.message, name).toMatch(/request body/);
      expect(pings, name).toBeGreaterThan(0);
      expect(slowest, `${name}: slowest concurrent ping ${slowest.toFixed(0)} ms`).toBeLessThan(1000);
    }
    expect(server.output()).not.toContain('internal error');
  });
});
