/** The uploader as the runner's step executor: which steps it takes, what it answers. */
import { describe, expect, it } from 'vitest';
import type { ExecuteResult } from '@/lib/request/execute';
import { MemoryFingerprintStore } from '@/lib/upload/fingerprint';
import { executeStep } from '@/lib/runner/execute-step';
import { uploadExecutor } from '@/lib/upload/executor';
import { isUploadCall } from '@/lib/upload/model';
import { createUploadExecutor } from '@/lib/upload/step';
import type { Upload } from '@/lib/upload/uploader';
import { FakeServer, uploadModel } from './fake';

const fast = { retry: { baseDelayMs: 1, maxDelayMs: 5 }, probeDelayMs: 5 };
const nextCalled = async () =>
  ({
    ok: true,
    timeMs: 0,
    raw: 'next',
    request: { method: 'POST', url: '', secretQueryKeys: [], body: { kind: 'none' } },
  }) as ExecuteResult;

describe('upload step executor', () => {
  it('takes uploadToken.upload with a file, with the step UI’s choices, and answers the final token', async () => {
    const srv = new FakeServer();
    const exec = createUploadExecutor({ transport: srv.transport(), store: new MemoryFingerprintStore(), ...fast });
    const seen: Upload[] = [];
    const upload = { choice: { mode: 'chunked' as const, chunkSize: 1000, parallel: 2 }, onUpload: (u: Upload) => seen.push(u) };
    const file = new File([new Uint8Array(4500).fill(3)], 'a.mp4');
    const progress: number[] = [];
    const r = await exec(
      { model: uploadModel(), files: { fileData: file }, onProgress: (p) => progress.push(p.sentBytes), upload },
      nextCalled,
    );
    expect(r.ok).toBe(true);
    expect(r.json).toMatchObject({ status: 2, uploadedFileSize: 4500 });
    expect(JSON.parse(r.raw)).toEqual(r.json);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.mode).toBe('chunked');
    expect(seen[0]!.chunkSize).toBe(1000);
    expect(progress[progress.length - 1]).toBe(4500);
    // what it shows as sent is the last request: the final chunk, through toHttpRequest
    expect(r.request.url).toContain('/api_v3/service/uploadToken/action/upload?format=1');
    expect(r.request.body).toMatchObject({
      kind: 'multipart',
      fields: expect.arrayContaining([
        ['finalChunk', '1'],
        ['resumeAt', '4500'],
      ]),
    });
  });

  it('leaves other calls, and upload calls without bytes, to the single request', async () => {
    const exec = createUploadExecutor({ store: new MemoryFingerprintStore() });
    const m = uploadModel();
    expect((await exec({ model: { ...m, service: 'media', action: 'add', params: [] }, files: {} }, nextCalled)).raw).toBe('next');
    expect((await exec({ model: m, files: {} }, nextCalled)).raw).toBe('next');
    expect(isUploadCall({ ...m, service: 'uploadtoken' })).toBe(true);
    expect(isUploadCall({ ...m, params: m.params.filter((p) => p.name !== 'fileData') })).toBe(false);
  });

  it('answers a Kaltura error as the step’s error, and the runner’s abort cancels', async () => {
    const srv = new FakeServer();
    srv.intercept = (r) =>
      r.action === 'upload' ? { code: 'UPLOAD_TOKEN_INVALID_STATUS_FOR_UPLOAD', message: 'Invalid status' } : undefined;
    const exec = createUploadExecutor({ transport: srv.transport(), store: new MemoryFingerprintStore(), ...fast });
    const r = await exec({ model: uploadModel(), files: { fileData: new File([new Uint8Array(10)], 'a') } }, nextCalled);
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({
      kind: 'kaltura',
      code: 'UPLOAD_TOKEN_INVALID_STATUS_FOR_UPLOAD',
      message: expect.stringMatching(/Create a new upload token/),
    });

    const slow = new FakeServer();
    const ac = new AbortController();
    const exec2 = createUploadExecutor({ transport: slow.transport(50), store: new MemoryFingerprintStore(), ...fast });
    const p = exec2({ model: uploadModel(), files: { fileData: new File([new Uint8Array(10)], 'a') }, signal: ac.signal }, nextCalled);
    setTimeout(() => ac.abort(), 10);
    expect((await p).error).toMatchObject({ kind: 'aborted' });
  });

  it('each run brings its own step’s hooks: two pages with an upload at the same step index do not share them', async () => {
    const srv = new FakeServer();
    const exec = createUploadExecutor({ transport: srv.transport(), store: new MemoryFingerprintStore(), ...fast });
    const a: Upload[] = [];
    const b: Upload[] = [];
    const file = () => new File([new Uint8Array(3000).fill(1)], 'a.mp4');
    await exec(
      {
        model: uploadModel(),
        files: { fileData: file() },
        upload: { choice: { mode: 'chunked', chunkSize: 1000 }, onUpload: (u) => a.push(u) },
      },
      nextCalled,
    );
    await exec(
      { model: uploadModel(), files: { fileData: file() }, upload: { choice: { mode: 'single' }, onUpload: (u) => b.push(u) } },
      nextCalled,
    );
    await exec({ model: uploadModel(), files: { fileData: file() } }, nextCalled); // no UI: automatic, shown nowhere
    expect(a.map((u) => u.mode)).toEqual(['chunked']);
    expect(b.map((u) => u.mode)).toEqual(['single']);
  });
});

describe('the page’s executor (lib/upload/executor.ts)', () => {
  it('sends other steps as one request without loading the uploader, and upload steps through it', async () => {
    const sent: string[] = [];
    const fetchImpl = (async (url: string) => {
      sent.push(new URL(url).pathname);
      return new Response('{"objectType":"KalturaUploadToken","id":"0_tok","status":2,"uploadedFileSize":10}', { status: 200 });
    }) as unknown as typeof fetch;
    const exec = uploadExecutor({
      transport: async (req) => {
        sent.push(`uploader ${new URL(req.http.url).pathname}`);
        return { status: 200, text: '{"objectType":"KalturaUploadToken","id":"0_tok","status":2,"uploadedFileSize":10}' };
      },
      store: new MemoryFingerprintStore(),
    });
    const m = uploadModel();
    await executeStep({ model: { ...m, action: 'get', params: m.params.slice(0, 1) }, files: {} }, exec, fetchImpl);
    // an upload step without bytes is one request too (it then answers "choose a file")
    const noFile = await executeStep({ model: m, files: {} }, exec, fetchImpl);
    expect(noFile.error).toMatchObject({ kind: 'file' });
    const r = await executeStep(
      { model: m, files: { fileData: new File([new Uint8Array(10)], 'a') }, upload: { choice: { mode: 'single' } } },
      exec,
      fetchImpl,
    );
    expect(r.ok).toBe(true);
    expect(sent).toEqual(['/api_v3/service/uploadToken/action/get', 'uploader /api_v3/service/uploadToken/action/upload']);
  });

  it('code that cannot be loaded answers the step with an error that says what to do, and is tried again', async () => {
    const { lazyExecutor } = await import('@/lib/runner/execute-step');
    let attempts = 0;
    const exec = lazyExecutor(
      () => true,
      async () => {
        attempts++;
        if (attempts === 1) throw new Error('chunk failed');
        return async () => ({
          ok: true,
          timeMs: 0,
          raw: 'loaded',
          request: { method: 'POST', url: '', secretQueryKeys: [], body: { kind: 'none' } },
        });
      },
    );
    const first = await executeStep({ model: uploadModel(), files: {} }, exec);
    expect(first.error).toMatchObject({
      kind: 'network',
      message: expect.stringMatching(/could not be loaded \(chunk failed\).*run the step again/),
    });
    expect((await executeStep({ model: uploadModel(), files: {} }, exec)).raw).toBe('loaded');
  });
});
