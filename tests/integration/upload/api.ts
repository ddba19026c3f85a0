/**
 * A small client for the integration tests: calls the sandbox through RequestModels and
 * toHttpRequest (the same path as the console), and helpers to make files and check entries.
 */
import { createHash } from 'node:crypto';
import { toHttpRequest } from '@/lib/request/http';
import type { Field, RequestModel, Value } from '@/lib/request/types';
import { httpBody } from '@/lib/request/body';
import { requestModel, sessionStartModel } from '@/lib/request/models';
import { classifyAnswer, errorText } from '@/lib/request/response';
import { TEST_ADMIN_SECRET, TEST_PARTNER_ID } from '../../helpers/server';

export function model(
  serviceUrl: string,
  ks: string | undefined,
  service: string,
  action: string,
  params: Field[],
  stepIndex = 0,
): RequestModel {
  return requestModel({ stepIndex, service, action, params }, { serviceUrl, ...(ks === undefined ? {} : { ks }) });
}

export async function call(m: RequestModel): Promise<any> {
  const http = toHttpRequest(m);
  let res: Response;
  try {
    res = await fetch(http.url, { method: 'POST', body: httpBody(http, {}) ?? null });
  } catch (e) {
    // A kept-alive connection the server closed meanwhile (its keep-alive timeout): once more on a new one.
    if (!(e instanceof TypeError)) throw e;
    res = await fetch(http.url, { method: 'POST', body: httpBody(http, {}) ?? null });
  }
  const answer = classifyAnswer({ status: res.status, text: await res.text() });
  if (!answer.ok) throw new Error(`${m.service}.${m.action}: ${errorText(answer.error)}`);
  return answer.json as any;
}

const s = (value: string): Value => ({ kind: 'string', value });
const i = (value: number): Value => ({ kind: 'int', value });

export async function adminKs(url: string): Promise<string> {
  return call(sessionStartModel({ serviceUrl: url, partnerId: TEST_PARTNER_ID, secret: TEST_ADMIN_SECRET, userId: 'upload-test' }));
}

export async function addToken(url: string, ks: string): Promise<string> {
  const t = await call(model(url, ks, 'uploadToken', 'add', []));
  return t.id as string;
}

export async function getToken(url: string, ks: string, id: string): Promise<any> {
  return call(model(url, ks, 'uploadToken', 'get', [{ name: 'uploadTokenId', value: s(id) }]));
}

/** The upload step's model as the runner builds it from the seed recipe's defaults. */
export function uploadStepModel(url: string, ks: string, tokenId: string, name: string, size: number): RequestModel {
  return model(
    url,
    ks,
    'uploadToken',
    'upload',
    [
      { name: 'uploadTokenId', value: { kind: 'ref', fromStep: 0, source: 'value', path: 'id', resolved: s(tokenId) } },
      { name: 'fileData', value: { kind: 'file', name, size } },
      { name: 'resume', value: { kind: 'bool', value: false } },
      { name: 'finalChunk', value: { kind: 'bool', value: true } },
      { name: 'resumeAt', value: i(-1) },
    ],
    1,
  );
}

/** Attaches the token to a new IMAGE entry (READY at once) and downloads the entry's content. */
export async function attachAndDownload(url: string, ks: string, tokenId: string): Promise<Buffer> {
  const entry = await call(
    model(url, ks, 'media', 'add', [
      {
        name: 'entry',
        value: {
          kind: 'object',
          className: 'KalturaMediaEntry',
          fields: [
            { name: 'mediaType', value: { kind: 'enum', enumType: 'KalturaMediaType', value: 2, constant: 'IMAGE' } },
            { name: 'name', value: s('upload test') },
          ],
        },
      },
    ]),
  );
  let e = await call(
    model(url, ks, 'media', 'addContent', [
      { name: 'entryId', value: s(entry.id) },
      {
        name: 'resource',
        value: { kind: 'object', className: 'KalturaUploadedFileTokenResource', fields: [{ name: 'token', value: s(tokenId) }] },
      },
    ]),
  );
  for (let k = 0; k < 100 && e.status !== 2; k++) {
    await new Promise((r) => setTimeout(r, 100));
    e = await call(model(url, ks, 'media', 'get', [{ name: 'entryId', value: s(entry.id) }]));
  }
  if (e.status !== 2) throw new Error(`entry ${entry.id} is not READY (status ${e.status})`);
  const res = await fetch(e.downloadUrl ?? e.dataUrl);
  if (res.status !== 200) throw new Error(`download answered ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/** Deterministic pseudo-random bytes. */
export function randomBytes(n: number, seed: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let k = 0; k < n; k++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    b[k] = x & 0xff;
  }
  return b;
}

export function sha256(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}
