/**
 * Scale out: two console instances (`npm start`, each its own process and data folder) on one
 * PostgreSQL database, requests alternating between them as a load balancer would send them.
 * A 64 MB chunked upload (appends, chunks kept aside, parallel chunks, a final chunk waiting for
 * chunks that land on the other instance, autoFinalize) completes byte-identical; sessions ended
 * on one are refused by the other; the health answer names the storage. PostgreSQL is a real
 * server started by the test (tests/helpers/postgres.ts); without one the test skips and says so.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../helpers/server';
import { NO_POSTGRES, findPostgres, sharedPostgres } from '../../helpers/postgres';
import { adminKs, call, type Json } from '../sandbox/harness';

const hasPg = !!findPostgres();
if (!hasPg) console.warn(`two-instances.test.ts: ${NO_POSTGRES}`);

const MB = 1024 * 1024;
const CHUNK = 4 * MB;

function chunkCall(
  base: string,
  ks: string,
  tokenId: string,
  data: Uint8Array,
  p: { resume: boolean; resumeAt: number; finalChunk: boolean },
): Promise<Json> {
  return call(
    base,
    'uploadToken',
    'upload',
    { ks, uploadTokenId: tokenId, resume: p.resume, resumeAt: p.resumeAt, finalChunk: p.finalChunk },
    { fileData: { data } },
  );
}

async function download(base: string, entryId: string): Promise<Buffer> {
  const r = await fetch(`${base}/api_v3/sandbox/content/${entryId}`);
  expect(r.status).toBe(200);
  return Buffer.from(await r.arrayBuffer());
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe.skipIf(!hasPg)('two console instances on one PostgreSQL database', () => {
  let a: TestServer;
  let b: TestServer;
  let ks: string;
  beforeAll(async () => {
    const url = await (await sharedPostgres()).createDatabase();
    const env = {
      SANDBOX_STORAGE: 'postgres',
      SANDBOX_DATABASE_URL: url,
      SANDBOX_PROCESSING_MS: '0',
      SANDBOX_FINAL_CHUNK_WAIT_MS: '60000',
    };
    a = await startServer({ env });
    b = await startServer({ env });
    ks = await adminKs(a.url);
  });
  afterAll(async () => {
    await a?.dispose();
    await b?.dispose();
  });

  it('answer their health with the shared storage', async () => {
    for (const s of [a, b]) {
      const h = await (await fetch(`${s.url}/api/health`)).json();
      expect(h).toMatchObject({ status: 'ok', sandbox: { state: 'ready', storage: 'postgres' } });
    }
  });

  it('a 64 MB chunked upload alternating between them completes byte-identical (appends, kept-aside and parallel chunks, autoFinalize)', {
    timeout: 240_000,
  }, async () => {
    const data = randomBytes(64 * MB);
    const n = data.length / CHUNK;
    const piece = (i: number) => data.subarray(i * CHUNK, (i + 1) * CHUNK);
    const via = (i: number) => (i % 2 === 0 ? a : b).url;
    const t = await call(a.url, 'uploadToken', 'add', {
      ks,
      'uploadToken[objectType]': 'KalturaUploadToken',
      'uploadToken[fileName]': 'big.bin',
      'uploadToken[fileSize]': data.length,
      'uploadToken[autoFinalize]': 1,
    });
    expect(t.id).toMatch(/^0_/);
    // the first chunk on A, appends (resumeAt -1) alternating
    expect((await chunkCall(a.url, ks, t.id, piece(0), { resume: false, resumeAt: 0, finalChunk: false })).uploadedFileSize).toBe(CHUNK);
    for (let i = 1; i < 4; i++) {
      const r = await chunkCall(via(i), ks, t.id, piece(i), { resume: true, resumeAt: -1, finalChunk: false });
      expect(r.uploadedFileSize, `append ${i}`).toBe((i + 1) * CHUNK);
    }
    // the last chunk first, on B: kept aside, not counted
    const last = await chunkCall(b.url, ks, t.id, piece(n - 1), { resume: true, resumeAt: (n - 1) * CHUNK, finalChunk: false });
    expect(last.uploadedFileSize).toBe(4 * CHUNK);
    expect(last.status).toBe(1);
    // the rest in parallel, three at a time, alternating, out of order
    const rest = Array.from({ length: n - 5 }, (_, k) => k + 4).reverse();
    while (rest.length) {
      const batch = rest.splice(0, 3);
      const rs = await Promise.all(
        batch.map((i) => chunkCall(via(i), ks, t.id, piece(i), { resume: true, resumeAt: i * CHUNK, finalChunk: false })),
      );
      for (const r of rs) expect(r.objectType, JSON.stringify(r).slice(0, 200)).toBe('KalturaUploadToken');
    }
    // autoFinalize completed it, whichever instance wrote the last missing range
    const done = await call(b.url, 'uploadToken', 'get', { ks, uploadTokenId: t.id });
    expect(done.status).toBe(2);
    expect(done.uploadedFileSize).toBe(data.length);
    expect((await call(a.url, 'uploadToken', 'get', { ks, uploadTokenId: t.id })).status).toBe(2);
    const e = await call(b.url, 'media', 'add', {
      ks,
      'entry[objectType]': 'KalturaMediaEntry',
      'entry[mediaType]': 2,
      'entry[name]': 'big',
    });
    expect(
      (
        await call(a.url, 'media', 'addContent', {
          ks,
          entryId: e.id,
          'resource[objectType]': 'KalturaUploadedFileTokenResource',
          'resource[token]': t.id,
        })
      ).status,
    ).toBe(2);
    const fromA = await download(a.url, e.id);
    const fromB = await download(b.url, e.id);
    expect(fromA.length).toBe(data.length);
    expect(sha(fromA)).toBe(sha(data));
    expect(sha(fromB)).toBe(sha(data));
    // a Range request on the other instance
    const r = await fetch(`${b.url}/api_v3/sandbox/content/${e.id}`, { headers: { range: `bytes=${10 * MB}-${10 * MB + 99}` } });
    expect(r.status).toBe(206);
    expect(Buffer.from(await r.arrayBuffer()).equals(data.subarray(10 * MB, 10 * MB + 100))).toBe(true);
  });

  it('a final chunk on one instance waits for the chunks the other one receives; an entry waiting in IMPORT gets the content', {
    timeout: 120_000,
  }, async () => {
    const data = randomBytes(3 * MB);
    const t = await call(a.url, 'uploadToken', 'add', { ks });
    const e = await call(b.url, 'media', 'add', {
      ks,
      'entry[objectType]': 'KalturaMediaEntry',
      'entry[mediaType]': 2,
      'entry[name]': 'waits',
    });
    await chunkCall(a.url, ks, t.id, data.subarray(0, MB), { resume: false, resumeAt: 0, finalChunk: false });
    expect(
      (
        await call(b.url, 'media', 'addContent', {
          ks,
          entryId: e.id,
          'resource[objectType]': 'KalturaUploadedFileTokenResource',
          'resource[token]': t.id,
        })
      ).status,
    ).toBe(0);
    // the final chunk on A, before the middle one (which goes to B a moment later)
    const final = chunkCall(a.url, ks, t.id, data.subarray(2 * MB), { resume: true, resumeAt: 2 * MB, finalChunk: true });
    await new Promise((r) => setTimeout(r, 500));
    const middle = await chunkCall(b.url, ks, t.id, data.subarray(MB, 2 * MB), { resume: true, resumeAt: MB, finalChunk: false });
    expect(middle.objectType).toBe('KalturaUploadToken');
    const f = await final;
    // complete, and at once given to the entry waiting for it (CLOSED)
    expect(f.status, JSON.stringify(f).slice(0, 300)).toBe(3);
    expect(f.uploadedFileSize).toBe(data.length);
    expect(f.attachedObjectId).toBe(e.id);
    let entry: Json;
    for (let i = 0; i < 50; i++) {
      entry = await call(a.url, 'media', 'get', { ks, entryId: e.id });
      if (entry.status === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(entry.status).toBe(2);
    expect(sha(await download(b.url, e.id))).toBe(sha(data));
  });

  it('a session ended on one instance is refused by the other at once', async () => {
    const k = await adminKs(b.url, 'ender');
    expect((await call(a.url, 'media', 'list', { ks: k })).objectType).toBe('KalturaMediaListResponse');
    expect(await call(b.url, 'session', 'end', { ks: k })).toBeNull();
    const r = await call(a.url, 'media', 'list', { ks: k });
    expect(r.code).toBe('INVALID_KS');
    expect(r.message).toMatch(/LOGOUT/);
  });

  it('numeric ids of the generic services stay unique across instances', async () => {
    const ids = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call((i % 2 ? a : b).url, 'category', 'add', { ks, 'category[objectType]': 'KalturaCategory', 'category[name]': `c${i}` }),
      ),
    );
    const unique = new Set(ids.map((c) => c.id));
    expect(unique.size).toBe(10);
    expect((await call(a.url, 'category', 'list', { ks })).totalCount).toBe(10);
  });
});
