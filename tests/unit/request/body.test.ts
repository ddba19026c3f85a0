/** One body per HTTP form: the live call and the uploader's transports send the same bytes (lib/request/body.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MissingFileError, httpBody } from '@/lib/request/body';
import { executeRequest } from '@/lib/request/execute';
import { toHttpRequest } from '@/lib/request/http';
import { requestModel } from '@/lib/request/models';
import type { RequestModel } from '@/lib/request/types';
import { fetchTransport } from '@/lib/upload/transport';

const params: RequestModel['params'] = [
  { name: 'uploadTokenId', value: { kind: 'string', value: '0_t' } },
  { name: 'fileData', value: { kind: 'file', name: '', size: 3 } },
  { name: 'resume', value: { kind: 'bool', value: false } },
];
const upload = requestModel(
  { stepIndex: 1, service: 'uploadToken', action: 'upload', params },
  { serviceUrl: 'http://k.example', ks: 'KS' },
);

/** The body as the server reads it: the multipart text with its boundary replaced. */
async function wire(body: BodyInit | null | undefined): Promise<string> {
  const r = new Request('http://x/', { method: 'POST', body: body ?? null });
  const type = r.headers.get('content-type') ?? '';
  const text = await r.text();
  const boundary = /boundary=(.*)$/.exec(type)?.[1];
  return boundary ? text.split(boundary).join('BOUNDARY') : `${type}\n${text}`;
}

afterEach(() => vi.unstubAllGlobals());

describe('httpBody', () => {
  it('a form is urlencoded, no params is no body, a file part is named (a nameless one "file")', async () => {
    const get = toHttpRequest({ ...upload, action: 'get', params: upload.params.slice(0, 1) });
    expect(String(httpBody(get))).toBe('uploadTokenId=0_t');
    expect(httpBody(toHttpRequest({ ...upload, params: [] }))).toBeUndefined();
    const fd = httpBody(toHttpRequest(upload), { fileData: new Blob([new Uint8Array([1, 2, 3])]) }) as FormData;
    expect([...fd.keys()]).toEqual(['uploadTokenId', 'resume', 'fileData']);
    expect((fd.get('fileData') as File).name).toBe('file');
  });

  it('a file part without bytes is a MissingFileError naming the field', () => {
    expect(() => httpBody(toHttpRequest(upload), {})).toThrow(MissingFileError);
    expect(() => httpBody(toHttpRequest(upload), {})).toThrow('Choose a file for fileData first.');
  });

  it('the live call and the uploader transport put the same bytes on the wire', async () => {
    const sent: Array<BodyInit | null | undefined> = [];
    const fake = (async (_url: string, init?: RequestInit) => {
      sent.push(init?.body);
      return new Response('{"objectType":"KalturaUploadToken","id":"0_t"}', { status: 200 });
    }) as unknown as typeof fetch;
    const files = { fileData: new Blob([new Uint8Array([7, 8, 9])]) };
    await executeRequest(upload, { files, fetchImpl: fake });
    vi.stubGlobal('fetch', fake);
    await fetchTransport({ http: toHttpRequest(upload), files, signal: new AbortController().signal });
    expect(sent).toHaveLength(2);
    const [live, uploader] = await Promise.all(sent.map(wire));
    expect(live).toContain('name="fileData"; filename="file"');
    expect(uploader).toBe(live);
  });
});
