import { describe, expect, it } from 'vitest';
import { toHttpRequest } from '@/lib/request/http';
import type { RequestModel } from '@/lib/request/types';
import { boolParam, chunkFlags, chunkModel, isHandMadeChunk, numberParam, tokenGetModel, tokenIdOf, withParam } from '@/lib/upload/model';
import { sendMode } from '@/lib/upload/plan';
import type { UploadMode } from '@/lib/upload/types';
import { Upload } from '@/lib/upload/uploader';
import { uploadModel } from './fake';

describe('chunk request models', () => {
  it('sets the chunk flags and file on the step model, in argument order, and toHttpRequest encodes them', () => {
    const m = chunkModel(uploadModel(), { name: 'a.mp4', size: 4, resume: true, finalChunk: false, resumeAt: 8 });
    expect(m.params.map((p) => p.name)).toEqual(['uploadTokenId', 'fileData', 'resume', 'finalChunk', 'resumeAt']);
    const http = toHttpRequest(m);
    expect(http.url).toBe('http://127.0.0.1:1/api_v3/service/uploadToken/action/upload?format=1&ks=KS-SECRET');
    expect(http.body).toEqual({
      kind: 'multipart',
      fields: [
        ['uploadTokenId', '0_tok'],
        ['resume', '1'],
        ['finalChunk', '0'],
        ['resumeAt', '8'],
      ],
      files: [{ field: 'fileData', name: 'a.mp4', size: 4 }],
    });
  });
  it('adds missing arguments at their place', () => {
    const base = uploadModel();
    base.params = base.params.filter((p) => p.name === 'uploadTokenId' || p.name === 'resumeAt');
    const m = withParam(withParam(base, 'finalChunk', { kind: 'bool', value: true }), 'fileData', { kind: 'file', name: 'f', size: 1 });
    expect(m.params.map((p) => p.name)).toEqual(['uploadTokenId', 'fileData', 'finalChunk', 'resumeAt']);
    expect(base.params).toHaveLength(2); // not changed
  });
  it('builds uploadToken.get for the same token and session', () => {
    const http = toHttpRequest(tokenGetModel(uploadModel()));
    expect(http.url).toBe('http://127.0.0.1:1/api_v3/service/uploadToken/action/get?format=1&ks=KS-SECRET');
    expect(http.body).toEqual({ kind: 'form', fields: [['uploadTokenId', '0_tok']] });
  });
  it('reads form values of every shape', () => {
    const m = uploadModel();
    expect(tokenIdOf(m)).toBe('0_tok');
    expect(boolParam(withParam(m, 'resume', { kind: 'string', value: 'true' }), 'resume', false)).toBe(true);
    expect(boolParam(withParam(m, 'resume', { kind: 'string', value: '0' }), 'resume', true)).toBe(false);
    expect(boolParam(withParam(m, 'resume', { kind: 'enum', enumType: 'x', value: 'false', constant: 'false' }), 'resume', true)).toBe(
      false,
    );
    expect(numberParam(withParam(m, 'resumeAt', { kind: 'string', value: '42' }), 'resumeAt', -1)).toBe(42);
    expect(numberParam(withParam(m, 'resumeAt', { kind: 'string', value: '' }), 'resumeAt', -1)).toBe(-1);
  });
});

describe('how a file is sent (sendMode, isHandMadeChunk)', () => {
  const decide = (m: RequestModel, size: number, mode: UploadMode, chunkSize?: number) =>
    sendMode(isHandMadeChunk(m), size, mode, chunkSize);

  it('the form decides: the seed values mean single or (large files, or chosen) chunked; anything else is one hand-made request', () => {
    expect(decide(uploadModel(), 100, 'auto')).toBe('single');
    expect(decide(uploadModel(), 9 * 1024 * 1024, 'auto')).toBe('chunked');
    expect(decide(uploadModel(), 9 * 1024 * 1024, 'single')).toBe('single');
    expect(decide(uploadModel(), 100, 'chunked')).toBe('chunked');
    expect(decide(uploadModel(), 70000, 'auto', 65536)).toBe('chunked');
    expect(decide(uploadModel(), 0, 'chunked')).toBe('single');
    expect(decide(uploadModel({ resume: true }), 9 * 1024 * 1024, 'chunked')).toBe('manual');
    expect(decide(uploadModel({ finalChunk: false }), 10, 'auto')).toBe('manual');
    expect(decide(uploadModel({ resumeAt: 100 }), 10, 'auto')).toBe('manual');
    expect(decide(uploadModel({ resumeAt: 0 }), 10, 'auto')).toBe('single');
  });

  it('reads the flags as the form sends them: absent, as text, or from an earlier step', () => {
    const bare = { ...uploadModel(), params: uploadModel().params.slice(0, 2) };
    expect(chunkFlags(bare)).toEqual({ resume: false, finalChunk: true, resumeAt: -1 });
    expect(isHandMadeChunk(bare)).toBe(false);
    const text = withParam(bare, 'finalChunk', { kind: 'string', value: '0' });
    expect(isHandMadeChunk(text)).toBe(true);
    const ref = withParam(bare, 'resume', {
      kind: 'ref',
      fromStep: 0,
      source: 'answer',
      path: 'resume',
      resolved: { kind: 'bool', value: true },
    });
    expect(chunkFlags(ref).resume).toBe(true);
  });

  it('the uploader sends the way the step’s settings say it will', () => {
    for (const [m, size, mode] of [
      [uploadModel(), 9 * 1024 * 1024, 'auto'],
      [uploadModel({ resume: true }), 10, 'chunked'],
      [uploadModel(), 10, 'auto'],
    ] as const) {
      const u = new Upload({ model: m, file: new Blob([new Uint8Array(size)]), mode });
      expect(u.mode).toBe(decide(m, size, mode));
    }
  });
});
