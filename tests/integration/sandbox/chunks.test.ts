/**
 * The chunk order matrix of uploadToken.upload over real HTTP (multipart, as clients send it);
 * every case ends by attaching the token to an entry and downloading exactly the original bytes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../helpers/server';
import { adminKs, call, expectError, startSandbox, type Json } from './harness';
import { fuzzSeed, prng } from '../../helpers/prng';

let server: TestServer;
let ks: string;
const WAIT_MS = 2500;

beforeAll(async () => {
  server = await startSandbox({ env: { SANDBOX_FINAL_CHUNK_WAIT_MS: String(WAIT_MS) } });
  ks = await adminKs(server.url, 'chunker');
});
afterAll(async () => {
  await server?.dispose();
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function newToken(extra: Record<string, string | number> = {}): Promise<string> {
  const t = await call(server.url, 'uploadToken', 'add', { ks, 'uploadToken:objectType': 'KalturaUploadToken', ...extra });
  expect(t.objectType).toBe('KalturaUploadToken');
  return t.id;
}

function upload(token: string, data: Uint8Array, opts: { resume?: boolean; finalChunk?: boolean; resumeAt?: number }): Promise<Json> {
  return call(
    server.url,
    'uploadToken',
    'upload',
    { ks, uploadTokenId: token, resume: opts.resume, finalChunk: opts.finalChunk, resumeAt: opts.resumeAt },
    { fileData: { data, name: 'data.bin' } },
  );
}

/** Attaches the token to a new (image) entry and downloads its content. */
async function download(token: string): Promise<Uint8Array> {
  const entry = await call(server.url, 'media', 'add', {
    ks,
    'entry:objectType': 'KalturaMediaEntry',
    'entry:mediaType': 2,
    'entry:name': 'x',
  });
  const done = await call(server.url, 'media', 'addContent', {
    ks,
    entryId: entry.id,
    'resource:objectType': 'KalturaUploadedFileTokenResource',
    'resource:token': token,
  });
  expect(done.status).toBe(2);
  const r = await fetch(done.dataUrl);
  expect(r.status).toBe(200);
  return new Uint8Array(await r.arrayBuffer());
}

function pieces(data: Uint8Array, size: number): Array<{ off: number; bytes: Uint8Array }> {
  const out = [];
  for (let off = 0; off < data.length; off += size) out.push({ off, bytes: data.subarray(off, Math.min(off + size, data.length)) });
  return out;
}

/** The order of the random-order test: seeded (FUZZ_SEED replays a failure; the seed is in the test's name). */
const SHUFFLE_SEED = fuzzSeed(20261204);
const shuffleRng = prng(SHUFFLE_SEED);
function shuffle<T>(a: T[]): T[] {
  const b = [...a];
  for (let i = b.length - 1; i > 0; i--) {
    const j = shuffleRng.int(i + 1);
    [b[i], b[j]] = [b[j]!, b[i]!];
  }
  return b;
}

/** First chunk (resume=false), the others in `order`, then an empty final chunk at the total. */
async function uploadInOrder(order: (rest: ReturnType<typeof pieces>) => ReturnType<typeof pieces>, parallel = false) {
  // 1 + 8 chunks, the last one short
  const data = randomBytes(8 * 65536 + 777);
  const token = await newToken();
  const [first, ...rest] = pieces(data, 65536);
  const r0 = await upload(token, first!.bytes, { resume: false, finalChunk: false });
  expect(r0.status).toBe(1);
  const ordered = order(rest);
  if (parallel) await Promise.all(ordered.map((p) => upload(token, p.bytes, { resume: true, finalChunk: false, resumeAt: p.off })));
  else
    for (const p of ordered)
      expect((await upload(token, p.bytes, { resume: true, finalChunk: false, resumeAt: p.off })).objectType).toBe('KalturaUploadToken');
  const fin = await upload(token, new Uint8Array(0), { resume: true, finalChunk: true, resumeAt: data.length });
  expect(fin.status).toBe(2);
  expect(fin.uploadedFileSize).toBe(data.length);
  expect(sha(await download(token))).toBe(sha(data));
}

describe('chunk order matrix', () => {
  it('one request (resume=false, finalChunk=true by default)', async () => {
    const data = randomBytes(200_000);
    const token = await newToken();
    const r = await upload(token, data, {});
    expect(r.status).toBe(2);
    expect(r.uploadedFileSize).toBe(data.length);
    expect(r.fileName).toBe('data.bin');
    expect(sha(await download(token))).toBe(sha(data));
  });

  it('in order, the last chunk final with resumeAt', async () => {
    const data = randomBytes(5 * 65536 + 3);
    const token = await newToken();
    const ps = pieces(data, 65536);
    for (const [i, p] of ps.entries()) {
      const last = i === ps.length - 1;
      const r = await upload(token, p.bytes, { resume: i > 0, finalChunk: last, resumeAt: p.off });
      expect(r.uploadedFileSize).toBe(p.off + p.bytes.length);
      expect(r.status).toBe(last ? 2 : 1);
    }
    expect(sha(await download(token))).toBe(sha(data));
  });

  it('appending with resumeAt=-1', async () => {
    const data = randomBytes(3 * 50_000);
    const token = await newToken();
    const ps = pieces(data, 50_000);
    for (const [i, p] of ps.entries()) await upload(token, p.bytes, { resume: i > 0, finalChunk: i === ps.length - 1, resumeAt: -1 });
    expect(sha(await download(token))).toBe(sha(data));
  });

  it('reversed', async () => uploadInOrder((rest) => [...rest].reverse()));
  it(`random order (seed ${SHUFFLE_SEED})`, async () => uploadInOrder((rest) => shuffle(rest)));
  it('8 in parallel', async () => uploadInOrder((rest) => (expect(rest).toHaveLength(8), rest), true));

  it('kept-aside chunks count only once the data reaches them', async () => {
    const data = randomBytes(4 * 1000);
    const token = await newToken();
    await upload(token, data.subarray(0, 1000), { resume: false, finalChunk: false });
    const far = await upload(token, data.subarray(3000), { resume: true, finalChunk: false, resumeAt: 3000 });
    expect(far.uploadedFileSize).toBe(1000);
    const mid = await upload(token, data.subarray(2000, 3000), { resume: true, finalChunk: false, resumeAt: 2000 });
    expect(mid.uploadedFileSize).toBe(1000);
    const gap = await upload(token, data.subarray(1000, 2000), { resume: true, finalChunk: false, resumeAt: 1000 });
    expect(gap.uploadedFileSize).toBe(4000);
    const fin = await upload(token, new Uint8Array(0), { resume: true, finalChunk: true, resumeAt: 4000 });
    expect(fin.status).toBe(2);
    expect(sha(await download(token))).toBe(sha(data));
  });

  it('duplicated and overlapping chunks', async () => {
    const data = randomBytes(300_000);
    const token = await newToken();
    await upload(token, data.subarray(0, 100_000), { resume: false, finalChunk: false });
    const spans: Array<[number, number]> = [
      [50_000, 150_000], // overlaps the data
      [150_000, 250_000],
      [150_000, 250_000], // duplicate
      [10_000, 20_000], // wholly inside: ignored
      [120_000, 260_000], // overlaps two
    ];
    for (const [a, b] of spans) await upload(token, data.subarray(a, b), { resume: true, finalChunk: false, resumeAt: a });
    const mid = await call(server.url, 'uploadToken', 'get', { ks, uploadTokenId: token });
    expect(mid.uploadedFileSize).toBe(260_000);
    const fin = await upload(token, data.subarray(240_000), { resume: true, finalChunk: true, resumeAt: 240_000 });
    expect(fin.status).toBe(2);
    expect(fin.uploadedFileSize).toBe(300_000);
    expect(sha(await download(token))).toBe(sha(data));
  });

  it('an empty non-final chunk at an offset is ignored; an empty final chunk completes', async () => {
    const data = randomBytes(70_000);
    const token = await newToken();
    await upload(token, data, { resume: false, finalChunk: false });
    const ignored = await upload(token, new Uint8Array(0), { resume: true, finalChunk: false, resumeAt: 70_000 });
    expect(ignored.uploadedFileSize).toBe(70_000);
    expect(ignored.status).toBe(1);
    const fin = await upload(token, new Uint8Array(0), { resume: true, finalChunk: true, resumeAt: 70_000 });
    expect(fin.status).toBe(2);
    expect(sha(await download(token))).toBe(sha(data));
  });

  it('the final chunk sent first answers CANNOT_MATCH after a bounded wait, then succeeds when retried', async () => {
    const data = randomBytes(4 * 40_000);
    const token = await newToken();
    const ps = pieces(data, 40_000);
    await upload(token, ps[0]!.bytes, { resume: false, finalChunk: false });
    const last = ps[ps.length - 1]!;
    const t0 = Date.now();
    let earlyDone = 0;
    const earlyP = upload(token, last.bytes, { resume: true, finalChunk: true, resumeAt: last.off }).then(
      (r) => ((earlyDone = Date.now()), r),
    );
    await new Promise((r) => setTimeout(r, 200));
    // while the final chunk waits, other requests are answered (the wait blocks nothing)
    expect(await call(server.url, 'system', 'ping', {})).toBe(true);
    const pingDone = Date.now();
    const early = await earlyP;
    expectError(early, 'UPLOAD_TOKEN_CANNOT_MATCH_EXPECTED_SIZE');
    expect(early.message).toBe('Failed to match expected file size');
    expect(earlyDone - t0).toBeGreaterThanOrEqual(WAIT_MS - 100);
    expect(pingDone).toBeLessThan(earlyDone);
    for (const p of ps.slice(1, -1)) await upload(token, p.bytes, { resume: true, finalChunk: false, resumeAt: p.off });
    const retried = await upload(token, last.bytes, { resume: true, finalChunk: true, resumeAt: last.off });
    expect(retried.status).toBe(2);
    expect(sha(await download(token))).toBe(sha(data));
  });

  it('a final chunk waiting for the others completes as soon as they arrive', async () => {
    const data = randomBytes(4 * 40_000);
    const token = await newToken();
    const ps = pieces(data, 40_000);
    await upload(token, ps[0]!.bytes, { resume: false, finalChunk: false });
    const last = ps[ps.length - 1]!;
    const fin = upload(token, last.bytes, { resume: true, finalChunk: true, resumeAt: last.off });
    await new Promise((r) => setTimeout(r, 100));
    const middle = await Promise.all(
      ps.slice(1, -1).map((p) => upload(token, p.bytes, { resume: true, finalChunk: false, resumeAt: p.off })),
    );
    for (const m of middle) expect(m.objectType, JSON.stringify(m)).toBe('KalturaUploadToken');
    expect((await fin).status).toBe(2);
    expect(sha(await download(token))).toBe(sha(data));
  });

  it('resume=false starts over and replaces what the token held', async () => {
    const a = randomBytes(90_000);
    const b = randomBytes(30_000);
    const token = await newToken();
    await upload(token, a, { resume: false, finalChunk: false });
    const r = await upload(token, b, { resume: false, finalChunk: true });
    expect(r.uploadedFileSize).toBe(30_000);
    expect(sha(await download(token))).toBe(sha(b));
  });

  it('autoFinalize with fileSize completes when the data reaches fileSize', async () => {
    const data = randomBytes(100_000);
    const token = await newToken({ 'uploadToken:autoFinalize': 1, 'uploadToken:fileSize': data.length });
    await upload(token, data.subarray(0, 60_000), { resume: false, finalChunk: false });
    const r = await upload(token, data.subarray(60_000), { resume: true, finalChunk: false, resumeAt: 60_000 });
    expect(r.status).toBe(2);
    expect(r.autoFinalize).toBe(1);
    expect(sha(await download(token))).toBe(sha(data));
  });

  it('an upload continues after the server restarted (kept-aside chunks included)', async () => {
    const data = randomBytes(5 * 30_000);
    const token = await newToken();
    const ps = pieces(data, 30_000);
    await upload(token, ps[0]!.bytes, { resume: false, finalChunk: false });
    await upload(token, ps[1]!.bytes, { resume: true, finalChunk: false, resumeAt: ps[1]!.off });
    await upload(token, ps[3]!.bytes, { resume: true, finalChunk: false, resumeAt: ps[3]!.off }); // kept aside
    // and something already uploaded and READY before the restart
    const earlier = randomBytes(12_345);
    const earlierToken = await newToken();
    await upload(earlierToken, earlier, {});
    const earlierBytes = await download(earlierToken);
    const [entryBefore] = (await call(server.url, 'media', 'list', { ks, 'filter:orderBy': '-createdAt', 'pager:pageSize': 1 })).objects;
    expect(sha(earlierBytes)).toBe(sha(earlier));
    await server.restart();
    const entryAfter = await call(server.url, 'media', 'get', { ks, entryId: entryBefore.id });
    expect(entryAfter.status).toBe(2);
    expect(sha(new Uint8Array(await (await fetch(entryAfter.downloadUrl)).arrayBuffer()))).toBe(sha(earlier));
    const after = await call(server.url, 'uploadToken', 'get', { ks, uploadTokenId: token });
    expect(after.status).toBe(1);
    expect(after.uploadedFileSize).toBe(60_000);
    await upload(token, ps[2]!.bytes, { resume: true, finalChunk: false, resumeAt: ps[2]!.off });
    const fin = await upload(token, ps[4]!.bytes, { resume: true, finalChunk: true, resumeAt: ps[4]!.off });
    expect(fin.status).toBe(2);
    expect(sha(await download(token))).toBe(sha(data));
  });

  it('a connection dropped in the middle of a chunk counts nothing of it; the retry completes', async () => {
    const data = randomBytes(2_000_000);
    const token = await newToken();
    await upload(token, data.subarray(0, 500_000), { resume: false, finalChunk: false });
    // send half of the next chunk, then drop the connection
    await new Promise<void>((resolve) => {
      const b = 'drop' + Date.now();
      const head =
        `--${b}\r\nContent-Disposition: form-data; name="ks"\r\n\r\n${ks}\r\n` +
        `--${b}\r\nContent-Disposition: form-data; name="uploadTokenId"\r\n\r\n${token}\r\n` +
        `--${b}\r\nContent-Disposition: form-data; name="resume"\r\n\r\ntrue\r\n` +
        `--${b}\r\nContent-Disposition: form-data; name="finalChunk"\r\n\r\ntrue\r\n` +
        `--${b}\r\nContent-Disposition: form-data; name="resumeAt"\r\n\r\n500000\r\n` +
        `--${b}\r\nContent-Disposition: form-data; name="fileData"; filename="x.bin"\r\n\r\n`;
      const req = httpRequest(`${server.url}/api_v3/service/uploadtoken/action/upload?format=1`, {
        method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${b}`, 'content-length': String(head.length + 1_500_000 + b.length + 8) },
      });
      req.on('error', () => resolve());
      req.on('response', () => resolve());
      req.write(head);
      req.write(data.subarray(500_000, 1_200_000), () => setTimeout(() => (req.destroy(), resolve()), 300));
    });
    await new Promise((r) => setTimeout(r, 300));
    const mid = await call(server.url, 'uploadToken', 'get', { ks, uploadTokenId: token });
    expect(mid.uploadedFileSize).toBe(500_000);
    expect(mid.status).toBe(1);
    const fin = await upload(token, data.subarray(500_000), { resume: true, finalChunk: true, resumeAt: 500_000 });
    expect(fin.status).toBe(2);
    expect(sha(await download(token))).toBe(sha(data));
  });

  it('uploading to a finished token is UPLOAD_TOKEN_INVALID_STATUS_FOR_UPLOAD; resuming a fresh one is UPLOAD_TOKEN_CANNOT_RESUME', async () => {
    const token = await newToken();
    expectError(await upload(token, randomBytes(10), { resume: true, finalChunk: false, resumeAt: 0 }), 'UPLOAD_TOKEN_CANNOT_RESUME');
    await upload(token, randomBytes(10), {});
    const e = expectError(await upload(token, randomBytes(10), {}), 'UPLOAD_TOKEN_INVALID_STATUS_FOR_UPLOAD');
    expect(e.message).toBe('Upload token is in an invalid status for uploading a file, maybe the file was already uploaded');
  });
});
