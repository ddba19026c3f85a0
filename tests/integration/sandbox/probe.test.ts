/**
 * Facts about a media file come from ffprobe when it is installed, and are left out (never
 * invented) when it is not. `.ci/run` installs ffmpeg; where ffmpeg is missing the ffprobe half is
 * skipped (and reported as skipped).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../helpers/server';
import { adminKs, call, startSandbox, type Json } from './harness';

const haveFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0 && spawnSync('ffprobe', ['-version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'probe-test-'));
let video: Uint8Array;

beforeAll(() => {
  if (!haveFfmpeg) return;
  const path = join(dir, 'clip.mp4');
  // 2.4 s of 320x240 test pattern, encoded with ffmpeg's built-in MPEG-4 encoder
  const r = spawnSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc=duration=2.4:size=320x240:rate=10',
    '-c:v',
    'mpeg4',
    path,
  ]);
  expect(r.status, String(r.stderr)).toBe(0);
  video = new Uint8Array(readFileSync(path));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function uploadAndWait(server: TestServer, data: Uint8Array, name: string): Promise<Json> {
  const ks = await adminKs(server.url, 'probe');
  const token = await call(server.url, 'uploadToken', 'add', { ks });
  const done = await call(
    server.url,
    'uploadToken',
    'upload',
    { ks, uploadTokenId: token.id, resume: false, finalChunk: true, resumeAt: -1 },
    { fileData: { data, name } },
  );
  expect(done.status).toBe(2);
  const entry = await call(server.url, 'media', 'add', {
    ks,
    'entry:objectType': 'KalturaMediaEntry',
    'entry:mediaType': 1,
    'entry:name': name,
  });
  await call(server.url, 'media', 'addContent', {
    ks,
    entryId: entry.id,
    'resource:objectType': 'KalturaUploadedFileTokenResource',
    'resource:token': token.id,
  });
  const until = Date.now() + 15_000;
  for (;;) {
    const e = await call(server.url, 'media', 'get', { ks, entryId: entry.id });
    if (e.status === 2 || Date.now() > until) return e;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!haveFfmpeg)('with ffprobe installed', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startSandbox({ env: { SANDBOX_PROCESSING_MS: '500' } });
  });
  afterAll(async () => server?.dispose());

  it('a READY video entry has its real duration, width and height', async () => {
    const e = await uploadAndWait(server, video, 'clip.mp4');
    expect(e.status).toBe(2);
    expect(e.msDuration).toBe(2400);
    expect(e.duration).toBe(2);
    expect(e.width).toBe(320);
    expect(e.height).toBe(240);
  });

  it('a file that is not media gets no such facts', async () => {
    const e = await uploadAndWait(server, new TextEncoder().encode('not a video at all'), 'notes.mp4');
    expect(e.status).toBe(2);
    expect(e).not.toHaveProperty('msDuration');
    expect(e).not.toHaveProperty('width');
  });
});

describe('without ffprobe', () => {
  let server: TestServer;
  const bin = mkdtempSync(join(tmpdir(), 'probe-path-'));
  beforeAll(async () => {
    // a PATH with node and nothing else: no ffprobe to find
    symlinkSync(process.execPath, join(bin, 'node'));
    server = await startSandbox({ env: { SANDBOX_PROCESSING_MS: '300', PATH: bin } });
  });
  afterAll(async () => {
    await server?.dispose();
    rmSync(bin, { recursive: true, force: true });
  });

  it('the entry is READY with its size and no invented duration or dimensions', async () => {
    const data = video ?? new Uint8Array(40_000).fill(7);
    const e = await uploadAndWait(server, data, 'clip.mp4');
    expect(e.status).toBe(2);
    expect(e).not.toHaveProperty('duration');
    expect(e).not.toHaveProperty('msDuration');
    expect(e).not.toHaveProperty('width');
    expect(e).not.toHaveProperty('height');
  });
});
