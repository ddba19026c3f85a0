/**
 * The uploader's own logic against an in-process fake of uploadToken.get/upload (fake.ts):
 * request order and flags, retries, probing after a dropped connection, pause, resume after a
 * reload, refusing another file, cancel. The protocol against the real sandbox:
 * tests/integration/upload.
 */
import { describe, expect, it } from 'vitest';
import { MemoryFingerprintStore, fingerprintFile } from '@/lib/upload/fingerprint';
import type { UploadEvent, UploadState } from '@/lib/upload/types';
import { Upload, type UploadOptions } from '@/lib/upload/uploader';
import { FakeServer, uploadModel } from './fake';

function file(n: number, name = 'a.mp4', seed = 7): File {
  const b = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return new File([b], name, { lastModified: 1_700_000_000_000 });
}

async function bytesOf(f: File): Promise<Uint8Array> {
  return new Uint8Array(await f.arrayBuffer());
}

const fast = { retry: { baseDelayMs: 1, maxDelayMs: 5 }, probeDelayMs: 5, probeMaxDelayMs: 20 } satisfies Partial<UploadOptions>;

describe('chunked upload protocol', () => {
  it('gets the token, sends the first chunk alone, the rest in parallel, then an empty final chunk', async () => {
    const srv = new FakeServer();
    const f = file(10 * 1000 + 3);
    const u = new Upload({
      model: uploadModel(),
      file: f,
      mode: 'chunked',
      chunkSize: 1000,
      parallel: 3,
      transport: srv.transport(),
      store: new MemoryFingerprintStore(),
      ...fast,
    });
    const token = await u.start();
    expect(token.status).toBe(2);
    expect(srv.data).toEqual(await bytesOf(f));
    const [get, first, ...rest] = srv.requests;
    expect(get!.action).toBe('get');
    expect(first!.fields).toMatchObject({ uploadTokenId: '0_tok', resume: '0', finalChunk: '0', resumeAt: '0' });
    expect(first!.fileSize).toBe(1000);
    const final = rest.pop()!;
    expect(final.fields).toMatchObject({ resume: '1', finalChunk: '1', resumeAt: String(f.size) });
    expect(final.fileSize).toBe(0);
    expect(rest.map((r) => Number(r.fields.resumeAt)).sort((a, b) => a - b)).toEqual([
      1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000,
    ]);
    expect(rest.every((r) => r.fields.resume === '1' && r.fields.finalChunk === '0')).toBe(true);
    expect(srv.maxInflight).toBe(3);
    expect(u.progress()).toMatchObject({
      state: 'done',
      percent: 100,
      doneBytes: f.size,
      chunks: { total: 11, done: 11, failed: 0, retried: 0 },
    });
  });

  it('single-request mode sends the form values once; a hand-made chunk keeps its own values', async () => {
    const srv = new FakeServer();
    const f = file(500);
    await new Upload({ model: uploadModel(), file: f, transport: srv.transport(), store: new MemoryFingerprintStore() }).start();
    expect(srv.requests.map((r) => r.fields)).toEqual([{ uploadTokenId: '0_tok', resume: '0', finalChunk: '1', resumeAt: '-1' }]);
    expect(srv.data).toEqual(await bytesOf(f));

    const srv2 = new FakeServer();
    srv2.write(0, new Uint8Array(10));
    srv2.status = 1;
    await new Upload({
      model: uploadModel({ resume: true, finalChunk: false, resumeAt: 10 }),
      file: file(5),
      mode: 'chunked',
      transport: srv2.transport(),
      store: new MemoryFingerprintStore(),
    }).start();
    expect(srv2.requests.map((r) => r.fields)).toEqual([{ uploadTokenId: '0_tok', resume: '1', finalChunk: '0', resumeAt: '10' }]);
  });

  it('retries a failed chunk with backoff, after checking what the server kept', async () => {
    const srv = new FakeServer();
    let failures = 0;
    srv.intercept = (r) =>
      r.action === 'upload' && r.fields.resumeAt === '3000' && failures++ < 2
        ? { code: 'UPLOAD_ERROR', message: 'Upload failed' }
        : undefined;
    const f = file(6000);
    const u = new Upload({
      model: uploadModel(),
      file: f,
      mode: 'chunked',
      chunkSize: 1000,
      parallel: 2,
      transport: srv.transport(),
      store: new MemoryFingerprintStore(),
      ...fast,
    });
    await u.start();
    expect(srv.data).toEqual(await bytesOf(f));
    expect(u.progress().chunks).toMatchObject({ failed: 2, retried: 2 });
    expect(u.sends.filter((s) => s.offset === 3000).map((s) => s.outcome)).toEqual(['error', 'error', 'ok']);
    // each retry was preceded by an uploadToken.get
    expect(srv.requests.filter((r) => r.action === 'get').length).toBeGreaterThanOrEqual(3);
  });

  it('does not send again a chunk the server kept although it answered an error', async () => {
    const srv = new FakeServer();
    let once = true;
    const t = srv.transport();
    const u = new Upload({
      model: uploadModel(),
      file: file(3000),
      mode: 'chunked',
      chunkSize: 1000,
      parallel: 1,
      store: new MemoryFingerprintStore(),
      ...fast,
      transport: async (req) => {
        const res = await t(req);
        if (once && req.http.body.kind === 'multipart' && req.http.body.fields.some(([k, v]) => k === 'resumeAt' && v === '1000')) {
          once = false;
          return { status: 200, text: JSON.stringify({ code: 'UPLOAD_ERROR', message: 'failed after writing' }) };
        }
        return res;
      },
    });
    await u.start();
    expect(u.sends.filter((s) => s.offset === 1000 && s.size > 0)).toHaveLength(1);
  });

  it('stops on an error that a retry cannot fix, with the server message', async () => {
    const srv = new FakeServer();
    srv.intercept = (r) => (r.action === 'upload' ? { code: 'INVALID_KS', message: 'Invalid KS "x"' } : undefined);
    const u = new Upload({
      model: uploadModel(),
      file: file(3000),
      mode: 'chunked',
      chunkSize: 1000,
      transport: srv.transport(),
      store: new MemoryFingerprintStore(),
      ...fast,
    });
    await expect(u.start()).rejects.toMatchObject({ kind: 'kaltura', message: expect.stringMatching(/INVALID_KS.*log in again/) });
    expect(u.state).toBe('failed');
  });

  it('a dropped connection pauses the upload, probes with uploadToken.get and continues by itself', async () => {
    const srv = new FakeServer();
    let down = false;
    let probesWhileDown = 0;
    // The connection drops at the chunk at 2000 and comes back after the second probe: driven by
    // the requests themselves, not by a time window.
    srv.intercept = (r) => {
      if (r.action === 'upload' && r.fields.resumeAt === '2000' && !down && probesWhileDown === 0) down = true;
      if (down) {
        if (r.action === 'get' && ++probesWhileDown >= 2) down = false;
        return 'network';
      }
      return undefined;
    };
    const states: UploadState[] = [];
    const f = file(5000);
    const u = new Upload({
      model: uploadModel(),
      file: f,
      mode: 'chunked',
      chunkSize: 1000,
      parallel: 2,
      transport: srv.transport(),
      store: new MemoryFingerprintStore(),
      ...fast,
      onEvent: (e) => e.type === 'state' && states.push(e.state),
    });
    await u.start();
    expect(states).toContain('offline');
    expect(states.slice(states.indexOf('offline'))).toContain('running');
    expect(probesWhileDown).toBeGreaterThan(0);
    expect(srv.data).toEqual(await bytesOf(f));
  });

  it('when the answer to the final chunk is lost, the token the server completed is the result', async () => {
    const srv = new FakeServer();
    const t = srv.transport();
    let lost = 0;
    const f = file(3000);
    const u = new Upload({
      model: uploadModel(),
      file: f,
      mode: 'chunked',
      chunkSize: 1000,
      store: new MemoryFingerprintStore(),
      ...fast,
      transport: async (req) => {
        const res = await t(req);
        const body = req.http.body;
        if (!lost && body.kind === 'multipart' && body.fields.some(([k, v]) => k === 'finalChunk' && v === '1')) {
          lost++;
          throw new TypeError('fetch failed'); // the server completed the token; the answer never arrived
        }
        return res;
      },
    });
    const token = await u.start();
    expect(lost).toBe(1);
    expect(token).toMatchObject({ status: 2, uploadedFileSize: 3000 });
    // the final chunk was not sent again (it would answer UPLOAD_TOKEN_INVALID_STATUS_FOR_UPLOAD on a real server)
    expect(u.sends.filter((s) => s.finalChunk)).toHaveLength(1);
    expect(srv.data).toEqual(await bytesOf(f));
  });

  it('pause stops sending; resume continues without sending held bytes again', async () => {
    const srv = new FakeServer();
    const f = file(8000);
    const u = new Upload({
      model: uploadModel(),
      file: f,
      mode: 'chunked',
      chunkSize: 1000,
      parallel: 2,
      transport: srv.transport(5),
      store: new MemoryFingerprintStore(),
      ...fast,
    });
    let paused = false;
    let reachedPaused: () => void = () => {};
    const inPausedState = new Promise<void>((r) => (reachedPaused = r));
    u.on((e: UploadEvent) => {
      if (!paused && e.type === 'send' && e.record.offset === 2000 && e.record.outcome === 'ok') {
        paused = true;
        u.pause();
      }
      if (e.type === 'state' && e.state === 'paused') reachedPaused();
    });
    // Any request made while the upload is paused is a failure, whenever it comes.
    let whilePaused = 0;
    let holding = false;
    srv.intercept = () => {
      if (holding) whilePaused++;
      return undefined;
    };
    const done = u.start();
    await inPausedState;
    holding = true;
    expect(u.state).toBe('paused');
    await new Promise((r) => setTimeout(r, 40));
    holding = false;
    expect(whilePaused).toBe(0);
    u.resume();
    await done;
    expect(srv.data).toEqual(await bytesOf(f));
    const okBytes = u.sends.filter((s) => s.outcome === 'ok').reduce((a, s) => a + s.size, 0);
    expect(okBytes).toBe(f.size);
  });

  it('after a reload, the same file continues from uploadedFileSize; nothing below it is sent', async () => {
    const srv = new FakeServer();
    const f = file(10_000);
    const store = new MemoryFingerprintStore();
    store.set('0_tok', await fingerprintFile(f));
    srv.write(0, (await bytesOf(f)).subarray(0, 4500));
    srv.status = 1;
    const notices: string[] = [];
    const u = new Upload({
      model: uploadModel(),
      file: f,
      mode: 'chunked',
      chunkSize: 1000,
      transport: srv.transport(),
      store,
      ...fast,
      onEvent: (e) => e.type === 'notice' && notices.push(e.message),
    });
    await u.start();
    expect(srv.data).toEqual(await bytesOf(f));
    expect(Math.min(...u.sends.map((s) => s.offset))).toBe(4500);
    expect(u.sends.find((s) => s.offset === 4500)).toMatchObject({ size: 500, resume: true });
    expect(u.progress().skippedBytes).toBe(4500);
    expect(notices.join(' ')).toMatch(/already holds 4\.4 KB of 9\.8 KB/);
    expect(store.get('0_tok')).toBeUndefined(); // forgotten once complete
  });

  it('refuses another file for a token that holds part of a file, and says why and what to do', async () => {
    const srv = new FakeServer();
    const original = file(10_000, 'movie.mp4', 1);
    const store = new MemoryFingerprintStore();
    store.set('0_tok', await fingerprintFile(original));
    srv.write(0, new Uint8Array(3000));
    srv.status = 1;
    const other = file(10_000, 'movie.mp4', 2);
    const u = new Upload({
      model: uploadModel(),
      file: other,
      mode: 'chunked',
      chunkSize: 1000,
      transport: srv.transport(),
      store,
      ...fast,
    });
    await expect(u.start()).rejects.toMatchObject({
      kind: 'mismatch',
      message: expect.stringMatching(
        /already holds 2\.9 KB of another file \("movie\.mp4".*its first or last bytes differ.*Pick the same file.*new upload token/,
      ),
    });
    expect(srv.requests.filter((r) => r.action === 'upload')).toHaveLength(0);
    expect(store.get('0_tok')).toEqual(await fingerprintFile(original));
  });

  it('cancel aborts what is in flight and rejects', async () => {
    const srv = new FakeServer();
    const u = new Upload({
      model: uploadModel(),
      file: file(50_000),
      mode: 'chunked',
      chunkSize: 1000,
      transport: srv.transport(20),
      store: new MemoryFingerprintStore(),
      ...fast,
    });
    // cancelled while chunks are in flight (after the third request), not after a time
    u.on((e: UploadEvent) => {
      if (e.type === 'send' && srv.requests.length >= 3 && u.state === 'running') u.cancel();
    });
    const done = u.start();
    await expect(done).rejects.toMatchObject({ kind: 'cancelled' });
    const n = srv.requests.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(srv.requests.length).toBe(n);
    expect(u.state).toBe('cancelled');
  });
});

describe('what the server holds, when answers arrive out of order', () => {
  it("a token read answered before a chunk landed, but read after that chunk's answer, does not make the uploader send again", async () => {
    // Chunk [2000, 3000) reaches the server, which keeps it but answers UPLOAD_ERROR; the uploader
    // will read the token before sending it again (G). G is answered while [1000, 2000) is still on
    // its way (the server holds 1000 then), but its answer is read only after [1000, 2000)'s, which
    // says the whole file is there. Taking G's older figure would send [2000, 3000) a second time.
    const srv = new FakeServer();
    const inner = srv.transport();
    const f = file(3000);
    let chunk1Go!: () => void;
    const chunk1 = new Promise<void>((r) => (chunk1Go = r));
    let chunk1Answered!: () => void;
    const chunk1Done = new Promise<void>((r) => (chunk1Answered = r));
    let failedOnce = false;
    let staleRead = false;
    const transport: typeof inner = async (req) => {
      const action = new URL(req.http.url).pathname.split('/').pop();
      const fields = req.http.body.kind === 'none' ? [] : req.http.body.fields;
      const resumeAt = fields.find(([k]) => k === 'resumeAt')?.[1];
      if (action === 'upload' && resumeAt === '2000' && !failedOnce) {
        failedOnce = true;
        await inner(req); // kept by the server...
        return { status: 200, text: JSON.stringify({ objectType: 'KalturaAPIException', code: 'UPLOAD_ERROR', message: 'Upload failed' }) };
      }
      if (action === 'upload' && resumeAt === '1000') {
        await chunk1; // on its way until the token read below has its answer
        const res = await inner(req);
        setTimeout(chunk1Answered, 20); // once the uploader has read this answer
        return res;
      }
      if (action === 'get' && failedOnce && !staleRead) {
        staleRead = true;
        const older = await inner(req); // the server holds 1000 now
        chunk1Go();
        await chunk1Done;
        return older;
      }
      return inner(req);
    };
    const u = new Upload({
      model: uploadModel(),
      file: f,
      mode: 'chunked',
      chunkSize: 1000,
      parallel: 2,
      transport,
      store: new MemoryFingerprintStore(),
      ...fast,
    });
    const token = await u.start();
    expect(token.status).toBe(2);
    expect(srv.data).toEqual(await bytesOf(f));
    expect(staleRead).toBe(true); // the scenario happened
    const sends = srv.requests.filter((r) => r.action === 'upload' && r.fields.resumeAt === '2000');
    expect(sends).toHaveLength(1);
  });
});
