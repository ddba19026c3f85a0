/**
 * The uploader against the real sandbox (`next start`) with fault injection: uploads of many sizes
 * come out byte-identical, nothing the server already held is sent again, a reload continues where
 * the token stopped, another file is refused, and a server that goes away and comes back is waited for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchTransport } from '@/lib/upload/transport';
import { MemoryFingerprintStore } from '@/lib/upload/fingerprint';
import type { SendRecord, Transport, UploadState } from '@/lib/upload/types';
import { Upload } from '@/lib/upload/uploader';
import { startServer, type TestServer } from '../../helpers/server';
import { addToken, adminKs, attachAndDownload, getToken, randomBytes, sha256, uploadStepModel } from './api';

const CS = 64 * 1024;
const FAULTS = { uploadFailBefore: 0.05, uploadFailAfter: 0.05, uploadDelayMs: [0, 20] };
const fast = { retry: { baseDelayMs: 20, maxDelayMs: 200, maxAttempts: 12 }, probeDelayMs: 50, probeMaxDelayMs: 500 };

let server: TestServer;
let ks: string;

beforeAll(async () => {
  server = await startServer({ env: { SANDBOX_FAULTS: JSON.stringify(FAULTS), SANDBOX_FINAL_CHUNK_WAIT_MS: '2000' } });
  ks = await adminKs(server.url);
});

afterAll(async () => {
  await server?.dispose();
});

/**
 * A transport that watches what the server reports (`uploadedFileSize` in every answer) and fails
 * any send of bytes below what the server reported holding before that send started. It also drops
 * some connections: before the request is sent, or after the server answered (the answer is lost).
 */
function watchingTransport(dropRate: number, seed: number) {
  let x = seed;
  const rnd = () => {
    x = (x * 1103515245 + 12345) >>> 0;
    return x / 2 ** 32;
  };
  let reportedHeld = 0;
  const violations: string[] = [];
  const transport: Transport = async (req) => {
    const body = req.http.body;
    const fields = body.kind === 'none' ? [] : body.fields;
    const resumeAt = Number(fields.find(([k]) => k === 'resumeAt')?.[1] ?? NaN);
    const resume = fields.find(([k]) => k === 'resume')?.[1] === '1';
    const size = req.files.fileData?.size ?? 0;
    if (req.files.fileData && size > 0) {
      const offset = resume ? resumeAt : 0;
      if (offset < reportedHeld) violations.push(`sent [${offset}, ${offset + size}) after the server reported holding ${reportedHeld}`);
    }
    const r = rnd();
    if (r < dropRate / 2) throw new TypeError('fetch failed (dropped before sending)');
    const res = await fetchTransport(req);
    try {
      const j = JSON.parse(res.text);
      if (typeof j?.uploadedFileSize === 'number' && j.status !== 2) reportedHeld = Math.max(reportedHeld, j.uploadedFileSize);
    } catch {
      /* not JSON */
    }
    if (r > 1 - dropRate / 2) throw new TypeError('fetch failed (answer lost)');
    return res;
  };
  return { transport, violations };
}

/** Every byte of [0, size) acknowledged by exactly one successful send. */
function ackedOnce(sends: SendRecord[], size: number): { twice: number; missing: number } {
  const count = new Uint8Array(size);
  for (const s of sends) if (s.outcome === 'ok') for (let k = s.offset; k < s.offset + s.size; k++) count[k]!++;
  let twice = 0;
  let missing = 0;
  for (let k = 0; k < size; k++) {
    if (count[k]! > 1) twice++;
    if (count[k] === 0) missing++;
  }
  return { twice, missing };
}

describe('uploads to the real sandbox with faults injected', () => {
  const sizes = [0, 1, CS - 1, CS, CS + 1, 2 * CS, 2 * CS + 1, 3 * CS - 1, 10 * CS + 17, 37 * CS + 5];
  for (let k = sizes.length; k < 52; k++) sizes.push(Math.floor((((k * 2654435761) % 1000) / 1000) * 40 * CS) + (k % 3));

  it(`${sizes.length} uploads of random sizes are byte-identical and send nothing twice`, { timeout: 600_000 }, async () => {
    let failedSends = 0;
    let drops = 0;
    const run = async (size: number, k: number) => {
      const data = randomBytes(size, 1000 + k);
      const file = new File([data], `file-${k}.bin`, { lastModified: 1_700_000_000_000 + k });
      const tokenId = await addToken(server.url, ks);
      const w = watchingTransport(0.05, k + 1);
      const u = new Upload({
        model: uploadStepModel(server.url, ks, tokenId, file.name, size),
        file,
        mode: k % 5 === 4 ? 'auto' : 'chunked',
        chunkSize: CS,
        parallel: 1 + (k % 6),
        transport: w.transport,
        store: new MemoryFingerprintStore(),
        ...fast,
      });
      const token = await u.start();
      expect(token.status, `upload ${k} (${size} bytes)`).toBe(2);
      expect(token.uploadedFileSize).toBe(size);
      expect(w.violations, `upload ${k}`).toEqual([]);
      // No byte acknowledged twice. (Bytes the server kept although it answered an error are not
      // acknowledged: they were skipped, which the download below proves complete.)
      expect(ackedOnce(u.sends, size).twice, `upload ${k}`).toBe(0);
      const got = await attachAndDownload(server.url, ks, tokenId);
      expect(got.length, `upload ${k}`).toBe(size);
      expect(sha256(got), `upload ${k} (${size} bytes)`).toBe(sha256(data));
      failedSends += u.sends.filter((s) => s.outcome === 'error').length;
      drops += u.sends.filter((s) => s.outcome === 'network').length;
    };
    // three at a time
    const queue = sizes.map((s, k) => [s, k] as const);
    await Promise.all(
      [0, 1, 2].map(async () => {
        for (let job = queue.shift(); job; job = queue.shift()) await run(job[0], job[1]);
      }),
    );
    // The faults did happen (else this test proves nothing).
    expect(failedSends).toBeGreaterThan(10);
    expect(drops).toBeGreaterThan(10);
  });
});

describe('resume after a reload', () => {
  it('continues from uploadedFileSize with the same file, without sending what the server holds', { timeout: 120_000 }, async () => {
    const size = 40 * CS + 123;
    const data = randomBytes(size, 42);
    const file = new File([data], 'movie.mp4', { lastModified: 1_700_000_000_000 });
    const tokenId = await addToken(server.url, ks);
    const store = new MemoryFingerprintStore(); // stands for localStorage across the reload
    const m = uploadStepModel(server.url, ks, tokenId, file.name, size);
    const first = new Upload({ model: m, file, mode: 'chunked', chunkSize: CS, parallel: 2, transport: fetchTransport, store, ...fast });
    const off = first.on((e) => {
      if (e.type === 'send' && e.record.outcome === 'ok' && e.record.offset >= 15 * CS) first.cancel(); // the page goes away
    });
    await expect(first.start()).rejects.toMatchObject({ kind: 'cancelled' });
    off();
    const held = (await getToken(server.url, ks, tokenId)).uploadedFileSize as number;
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(size);

    // Another file is refused, with an explanation, and nothing is sent.
    const other = new File([randomBytes(size, 43)], 'movie.mp4', { lastModified: 1_700_000_000_000 });
    const refused = new Upload({ model: m, file: other, mode: 'chunked', chunkSize: CS, transport: fetchTransport, store, ...fast });
    await expect(refused.start()).rejects.toMatchObject({
      kind: 'mismatch',
      message: expect.stringMatching(/another file.*first or last bytes differ.*Pick the same file/),
    });
    expect(refused.sends).toEqual([]);

    // The same file (picked again: a new File object) continues.
    const again = new File([data], 'movie.mp4', { lastModified: 1_700_000_000_000 });
    const second = new Upload({
      model: m,
      file: again,
      mode: 'chunked',
      chunkSize: CS,
      parallel: 3,
      transport: fetchTransport,
      store,
      ...fast,
    });
    const token = await second.start();
    expect(token.status).toBe(2);
    const withData = second.sends.filter((s) => s.size > 0);
    expect(Math.min(...withData.map((s) => s.offset))).toBeGreaterThanOrEqual(held);
    expect(withData.every((s) => s.resume)).toBe(true);
    // Chunks of the first session still on their way when it stopped may have landed since.
    expect(second.progress().skippedBytes).toBeGreaterThanOrEqual(held);
    expect(Math.min(...withData.map((s) => s.offset))).toBe(second.progress().skippedBytes);
    const got = await attachAndDownload(server.url, ks, tokenId);
    expect(sha256(got)).toBe(sha256(data));
  });
});

describe('a server that goes away', () => {
  it('pauses the upload, probes until the server answers again, and continues by itself', { timeout: 180_000 }, async () => {
    const size = 60 * CS;
    const data = randomBytes(size, 7);
    const file = new File([data], 'big.bin', { lastModified: 1 });
    const tokenId = await addToken(server.url, ks);
    const states: UploadState[] = [];
    let restarted: Promise<void> | undefined;
    let down: Promise<void> | undefined;
    const u = new Upload({
      model: uploadStepModel(server.url, ks, tokenId, file.name, size),
      file,
      mode: 'chunked',
      chunkSize: CS,
      parallel: 2,
      // Sends wait while the server is going down, so that the upload cannot finish before it is down.
      transport: async (req) => {
        if (down) await down;
        return fetchTransport(req);
      },
      store: new MemoryFingerprintStore(),
      ...fast,
      probeMaxDelayMs: 300,
      onEvent: (e) => {
        if (e.type === 'state') states.push(e.state);
        // restart = stop, then start again (the port refuses connections meanwhile)
        if (!restarted && e.type === 'send' && e.record.offset >= 20 * CS && e.record.outcome === 'ok') {
          restarted = server.restart();
          down = (async () => {
            for (;;) {
              try {
                await fetch(`${server.url}/api_v3/service/system/action/ping?format=1`);
              } catch {
                return; // refused: the server is down
              }
              await new Promise((r) => setTimeout(r, 20));
            }
          })();
        }
      },
    });
    const done = u.start();
    const t0 = Date.now();
    await new Promise<void>((resolve, reject) => {
      const t = setInterval(() => {
        if (u.state === 'offline') {
          clearInterval(t);
          resolve();
        } else if (Date.now() - t0 > 30_000) {
          clearInterval(t);
          reject(new Error(`the upload did not go offline (states: ${states.join(' ')}; restart called: ${!!restarted})`));
        }
      }, 20);
    });
    await restarted;
    const token = await done;
    expect(token.status).toBe(2);
    expect(states).toContain('offline');
    expect(states[states.length - 1]).toBe('done');
    const got = await attachAndDownload(server.url, ks, tokenId);
    expect(sha256(got)).toBe(sha256(data));
  });
});
