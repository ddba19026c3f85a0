/** Sending, for the uploader (lib/upload/send.ts): outcomes, what ends an upload, timeouts and aborts. */
import { describe, expect, it } from 'vitest';
import { Sender, answerOutcome, failureAfter, sendRecord } from '@/lib/upload/send';
import type { Transport } from '@/lib/upload/types';
import { uploadModel } from './fake';

const kaltura = (code: string, status = 200) => ({ kind: 'kaltura' as const, status, error: { code, message: 'm' } });

describe('outcomes', () => {
  it('reads an answer by the one classification; a non-object answer is not an upload token', () => {
    expect(answerOutcome({ status: 200, text: '{"objectType":"KalturaUploadToken","id":"t"}' })).toEqual({
      kind: 'ok',
      json: { objectType: 'KalturaUploadToken', id: 't' },
    });
    expect(answerOutcome({ status: 200, text: '"t"' })).toMatchObject({ kind: 'http', text: 'not an upload token: "t"' });
    expect(answerOutcome({ status: 503, text: '{"code":"SERVICE_UNAVAILABLE","message":"busy"}' })).toMatchObject({
      kind: 'kaltura',
      status: 503,
    });
    expect(answerOutcome({ status: 502, text: 'bad gateway' })).toEqual({ kind: 'http', status: 502, text: 'bad gateway' });
  });

  it('what ends an upload: an answer a retry cannot fix, or the last attempt', () => {
    expect(failureAfter(kaltura('UPLOAD_ERROR'), 1, 3, 'The chunk')).toBeUndefined();
    expect(failureAfter(kaltura('INTERNAL', 503), 1, 3, 'The chunk')).toBeUndefined(); // a 5xx is worth another try
    expect(failureAfter(kaltura('UPLOAD_TOKEN_NOT_FOUND'), 1, 3, 'The chunk')).toMatchObject({
      kind: 'kaltura',
      message: expect.stringMatching(/create a new upload token/),
    });
    expect(failureAfter({ kind: 'http', status: 404, text: 'no' }, 1, 3, 'The chunk')).toMatchObject({
      kind: 'http',
      message: 'The server answered HTTP 404 to The chunk: no',
    });
    expect(failureAfter({ kind: 'http', status: 500, text: 'oops' }, 3, 3, 'The chunk')).toMatchObject({
      kind: 'http',
      message: expect.stringMatching(/^The chunk failed 3 times \(HTTP 500: oops\).*pick the same file again/),
    });
  });

  it('records each send with what went wrong', () => {
    const r = { offset: 0, size: 5, resume: false, finalChunk: true, resumeAt: -1, attempt: 1 };
    expect(sendRecord(r, kaltura('UPLOAD_TOKEN_CANNOT_MATCH_EXPECTED_SIZE'))).toMatchObject({
      outcome: 'cannot-match',
      error: 'UPLOAD_TOKEN_CANNOT_MATCH_EXPECTED_SIZE',
    });
    expect(sendRecord(r, { kind: 'network', error: new TypeError('down') })).toMatchObject({ outcome: 'network', error: 'down' });
    expect(sendRecord(r, { kind: 'ok', json: {} })).toEqual({ ...r, outcome: 'ok' });
  });
});

describe('Sender', () => {
  const hanging: Transport = (req) =>
    new Promise((_, reject) =>
      req.signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }))),
    );

  it('a request without an answer in time is a dropped connection', async () => {
    const out = await new Sender({ transport: hanging, fileField: 'fileData', timeoutMs: 20 }).send(uploadModel(), undefined);
    expect(out).toMatchObject({ kind: 'network', error: expect.objectContaining({ message: 'No answer within 0 s.' }) });
  });

  it('abortAll ends what is in flight as aborted; a transport bug is an input error, not a retry', async () => {
    const s = new Sender({ transport: hanging, fileField: 'fileData' });
    const p = s.send(uploadModel(), new Blob([new Uint8Array(3)]));
    s.abortAll();
    expect(await p).toEqual({ kind: 'aborted' });
    const broken = new Sender({
      transport: async () => {
        throw new RangeError('bug');
      },
      fileField: 'fileData',
    });
    await expect(broken.send(uploadModel(), undefined)).rejects.toMatchObject({
      kind: 'input',
      message: expect.stringMatching(/could not send a request: bug/),
    });
  });

  it('sends the file bytes in the named field and reports how many are on the wire', async () => {
    const seen: number[] = [];
    const transport: Transport = async (req) => {
      req.onUploadProgress?.(50, 100);
      return { status: 200, text: JSON.stringify({ id: 't', size: req.files.data?.size }) };
    };
    const out = await new Sender({ transport, fileField: 'data' }).send(uploadModel(), new Blob([new Uint8Array(8)]), (b) => seen.push(b));
    expect(out).toEqual({ kind: 'ok', json: { id: 't', size: 8 } });
    expect(seen).toEqual([4]);
  });
});
