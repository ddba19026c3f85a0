/** The one classification of answers (lib/request/response.ts), and its users agreeing on it. */
import { describe, expect, it } from 'vitest';
import { classifyAnswer, errorText, isKalturaError, isSessionError } from '@/lib/request/response';
import { executeRequest } from '@/lib/request/execute';
import { requestModel } from '@/lib/request/models';
import { MemoryFingerprintStore } from '@/lib/upload/fingerprint';
import { Upload } from '@/lib/upload/uploader';
import type { TransportResponse } from '@/lib/upload/types';

const exception = (code: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ objectType: 'KalturaAPIException', code, message: `${code} happened`, ...extra });

describe('classifyAnswer', () => {
  it.each([
    ['a result', 200, '{"objectType":"KalturaMediaEntry","id":"0_x"}', { ok: true, json: { objectType: 'KalturaMediaEntry', id: '0_x' } }],
    ['a string result (session.start)', 200, '"djJ8MTAw"', { ok: true, json: 'djJ8MTAw' }],
    ['an empty body', 200, '', { ok: true, json: undefined }],
    [
      'a Kaltura error on HTTP 200',
      200,
      exception('ENTRY_ID_NOT_FOUND', { args: { ENTRY_ID: '0_x' } }),
      { ok: false, error: { kind: 'kaltura', code: 'ENTRY_ID_NOT_FOUND', args: { ENTRY_ID: '0_x' } } },
    ],
    [
      'a Kaltura error with args as a list',
      200,
      exception('X', { args: [{ name: 'A', value: 1 }] }),
      { ok: false, error: { kind: 'kaltura', code: 'X', args: { A: '1' } } },
    ],
    [
      '{code, message} without a class',
      200,
      '{"code":"UPLOAD_ERROR","message":"m"}',
      { ok: false, error: { kind: 'kaltura', code: 'UPLOAD_ERROR' } },
    ],
    [
      'a Kaltura error on another status',
      400,
      exception('INVALID_FIELD_VALUE'),
      { ok: false, error: { kind: 'kaltura', code: 'INVALID_FIELD_VALUE' } },
    ],
    ['a multirequest item', 200, `[{"id":"a"},${exception('X')}]`, { ok: false, error: { kind: 'kaltura', code: 'X', index: 1 } }],
    ['text on 200', 200, '<html>', { ok: false, error: { kind: 'parse', message: expect.stringMatching(/not JSON.*without \/api_v3/) } }],
    ['text on 502', 502, 'bad gateway', { ok: false, error: { kind: 'http', status: 502 } }],
    ['JSON on 503', 503, '{"busy":true}', { ok: false, json: { busy: true }, error: { kind: 'http', status: 503 } }],
  ])('%s', (_what, status, text, expected) => {
    expect(classifyAnswer({ status, text })).toMatchObject(expected);
  });

  it('an object of another class with code and message is a result, not an error', () => {
    expect(isKalturaError({ objectType: 'KalturaCuePoint', code: 'c1', message: 'hello' })).toBe(false);
    expect(isKalturaError({ objectType: 'KalturaSomethingException', code: 'c1', message: 'm' })).toBe(true);
  });

  it('errors read as one line; session errors are told apart', () => {
    const a = classifyAnswer({ status: 200, text: exception('INVALID_KS') });
    expect(!a.ok && errorText(a.error)).toBe('INVALID_KS: INVALID_KS happened');
    expect(!a.ok && isSessionError(a.error)).toBe(true);
    expect(errorText({ kind: 'network', message: 'No answer' })).toBe('No answer');
    expect(isSessionError({ kind: 'kaltura', code: 'MISSING_MANDATORY_PARAMETER', message: '', args: {} })).toBe(false);
  });
});

describe('the live call and the uploader classify alike', () => {
  const file = new File([new Uint8Array(4)], 'a.bin');
  const model = requestModel(
    {
      stepIndex: 1,
      service: 'uploadToken',
      action: 'upload',
      params: [{ name: 'fileData', value: { kind: 'file', name: file.name, size: file.size } }],
    },
    { serviceUrl: 'http://k.example' },
  );

  async function both(answer: TransportResponse) {
    const live = await executeRequest(model, {
      files: { fileData: file },
      fetchImpl: (async () => new Response(answer.text, { status: answer.status })) as unknown as typeof fetch,
    });
    const u = new Upload({
      model,
      file,
      mode: 'single',
      transport: async () => answer,
      store: new MemoryFingerprintStore(),
      retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const uploaded = await u.start().then(
      (json) => ({ ok: true as const, json }),
      (e: { kind: string; kaltura?: { code: string } }) => ({ ok: false as const, kind: e.kind, code: e.kaltura?.code }),
    );
    return { live, uploaded };
  }

  it('a token is a result to both', async () => {
    const { live, uploaded } = await both({ status: 200, text: '{"objectType":"KalturaUploadToken","id":"0_t","status":2}' });
    expect(live.ok).toBe(true);
    expect(uploaded).toEqual({ ok: true, json: live.json });
  });

  it('a Kaltura error is the same error to both, whatever the HTTP status', async () => {
    for (const status of [200, 400]) {
      const { live, uploaded } = await both({ status, text: exception('UPLOAD_TOKEN_NOT_FOUND') });
      expect(live.error).toMatchObject({ kind: 'kaltura', code: 'UPLOAD_TOKEN_NOT_FOUND' });
      expect(uploaded).toEqual({ ok: false, kind: 'kaltura', code: 'UPLOAD_TOKEN_NOT_FOUND' });
    }
  });

  it('HTTP errors and text are failures to both', async () => {
    for (const answer of [
      { status: 404, text: 'no such page' },
      { status: 200, text: '<html>' },
    ]) {
      const { live, uploaded } = await both(answer);
      expect(live.ok).toBe(false);
      expect(uploaded).toMatchObject({ ok: false, kind: 'http' });
    }
  });
});
