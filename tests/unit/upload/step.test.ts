/** The uploader as the runner's step executor: which steps it takes, what it answers. */
import { describe, expect, it } from 'vitest';
import type { ExecuteResult } from '@/lib/request/execute';
import { MemoryFingerprintStore } from '@/lib/upload/fingerprint';
import { createUploadExecutor, isUploadCall, registerUploadStep } from '@/lib/upload/step';
import type { Upload } from '@/lib/upload/uploader';
import { FakeServer, uploadModel } from './fake';

const fast = { retry: { baseDelayMs: 1, maxDelayMs: 5 }, probeDelayMs: 5 };
const nextCalled = async () => ({ ok: true, timeMs: 0, raw: 'next', request: { method: 'POST', url: '', secretQueryKeys: [], body: { kind: 'none' } } }) as ExecuteResult;

describe('upload step executor', () => {
  it('takes uploadToken.upload with a file, with the step UI’s choices, and answers the final token', async () => {
    const srv = new FakeServer();
    const exec = createUploadExecutor({ transport: srv.transport(), store: new MemoryFingerprintStore(), ...fast });
    const seen: Upload[] = [];
    const off = registerUploadStep(1, { choice: () => ({ mode: 'chunked', chunkSize: 1000, parallel: 2 }), onUpload: (u) => seen.push(u) });
    const file = new File([new Uint8Array(4500).fill(3)], 'a.mp4');
    const progress: number[] = [];
    const r = await exec({ model: uploadModel(), files: { fileData: file }, onProgress: (p) => progress.push(p.sentBytes) }, nextCalled);
    off();
    expect(r.ok).toBe(true);
    expect(r.json).toMatchObject({ status: 2, uploadedFileSize: 4500 });
    expect(JSON.parse(r.raw)).toEqual(r.json);
    expect(seen).toHaveLength(1);
    expect(seen[0].mode).toBe('chunked');
    expect(seen[0].chunkSize).toBe(1000);
    expect(progress[progress.length - 1]).toBe(4500);
    // what it shows as sent is the last request: the final chunk, through toHttpRequest
    expect(r.request.url).toContain('/api_v3/service/uploadToken/action/upload?format=1');
    expect(r.request.body).toMatchObject({ kind: 'multipart', fields: expect.arrayContaining([['finalChunk', '1'], ['resumeAt', '4500']]) });
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
    srv.intercept = (r) => (r.action === 'upload' ? { code: 'UPLOAD_TOKEN_INVALID_STATUS_FOR_UPLOAD', message: 'Invalid status' } : undefined);
    const exec = createUploadExecutor({ transport: srv.transport(), store: new MemoryFingerprintStore(), ...fast });
    const r = await exec({ model: uploadModel(), files: { fileData: new File([new Uint8Array(10)], 'a') } }, nextCalled);
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ kind: 'kaltura', code: 'UPLOAD_TOKEN_INVALID_STATUS_FOR_UPLOAD', message: expect.stringMatching(/Create a new upload token/) });

    const slow = new FakeServer();
    const ac = new AbortController();
    const exec2 = createUploadExecutor({ transport: slow.transport(50), store: new MemoryFingerprintStore(), ...fast });
    const p = exec2({ model: uploadModel(), files: { fileData: new File([new Uint8Array(10)], 'a') }, signal: ac.signal }, nextCalled);
    setTimeout(() => ac.abort(), 10);
    expect((await p).error).toMatchObject({ kind: 'aborted' });
  });
});
