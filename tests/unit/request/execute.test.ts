import { describe, expect, it } from 'vitest';
import { executeRequest, isSessionError } from '@/lib/request/execute';
import type { RequestModel } from '@/lib/request/types';

const model: RequestModel = {
  stepIndex: 0,
  service: 'media',
  action: 'get',
  method: 'POST',
  serviceUrl: 'http://k.example',
  params: [{ name: 'entryId', value: { kind: 'string', value: '0_x' } }],
  ks: 'KS',
  format: 1,
};

function fakeFetch(status: number, body: string, seen?: Array<{ url: string; init?: RequestInit | undefined }>): typeof fetch {
  return (async (url: string, init?: RequestInit) => {
    seen?.push({ url, init });
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
}

describe('executeRequest', () => {
  it('sends the HTTP form of the model and parses the JSON answer', async () => {
    const seen: Array<{ url: string; init?: RequestInit }> = [];
    const r = await executeRequest(model, { fetchImpl: fakeFetch(200, '{"objectType":"KalturaMediaEntry","id":"0_x"}', seen) });
    expect(r.ok).toBe(true);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ objectType: 'KalturaMediaEntry', id: '0_x' });
    expect(r.timeMs).toBeGreaterThanOrEqual(0);
    expect(seen[0]!.url).toBe('http://k.example/api_v3/service/media/action/get?format=1&ks=KS');
    expect(String(seen[0]!.init?.body)).toBe('entryId=0_x');
  });

  it('classifies a Kaltura error answered with HTTP 200', async () => {
    const r = await executeRequest(model, {
      fetchImpl: fakeFetch(
        200,
        '{"code":"ENTRY_ID_NOT_FOUND","message":"Entry id \\"0_x\\" not found","objectType":"KalturaAPIException","args":{"ENTRY_ID":"0_x"}}',
      ),
    });
    expect(r.ok).toBe(false);
    expect(r.error).toEqual({
      kind: 'kaltura',
      code: 'ENTRY_ID_NOT_FOUND',
      message: 'Entry id "0_x" not found',
      args: { ENTRY_ID: '0_x' },
      objectType: 'KalturaAPIException',
    });
    expect(isSessionError(r.error)).toBe(false);
  });

  it('INVALID_KS is a session error', async () => {
    const r = await executeRequest(model, {
      fetchImpl: fakeFetch(200, '{"code":"INVALID_KS","message":"Invalid KS","objectType":"KalturaAPIException","args":{}}'),
    });
    expect(isSessionError(r.error)).toBe(true);
  });

  it('an error inside a multirequest answer says which request failed', async () => {
    const r = await executeRequest(model, {
      fetchImpl: fakeFetch(200, '[{"id":"a"},{"code":"X","message":"m","objectType":"KalturaAPIException"}]'),
    });
    expect(r.error).toMatchObject({ kind: 'kaltura', code: 'X', index: 1 });
  });

  it('no answer at all: a network error that says what to check', async () => {
    const r = await executeRequest(model, {
      fetchImpl: (async () => {
        throw new TypeError('Failed to fetch');
      }) as unknown as typeof fetch,
    });
    expect(r.error?.kind).toBe('network');
    expect(r.error?.message).toMatch(/No answer from http:\/\/k\.example .*Failed to fetch.*CORS.*connection settings/);
  });

  it('HTML instead of JSON suggests the service URL is wrong', async () => {
    const r = await executeRequest(model, { fetchImpl: fakeFetch(200, '<html>hi</html>') });
    expect(r.error).toMatchObject({ kind: 'parse' });
    expect(r.error?.message).toMatch(/without \/api_v3/);
    const e = await executeRequest(model, { fetchImpl: fakeFetch(502, 'bad gateway') });
    expect(e.error).toMatchObject({ kind: 'http', status: 502 });
  });

  it('an unresolved reference is not sent', async () => {
    const seen: Array<{ url: string }> = [];
    const m: RequestModel = { ...model, params: [{ name: 'entryId', value: { kind: 'ref', fromStep: 2, source: 'value', path: 'id' } }] };
    const r = await executeRequest(m, { fetchImpl: fakeFetch(200, '{}', seen) });
    expect(r.error).toEqual({ kind: 'unresolved', message: 'Run step 3 first: this call needs its id.', fromStep: 2, path: 'id' });
    expect(seen).toEqual([]);
  });

  it('a file parameter is sent as multipart with its bytes; a missing blob is reported', async () => {
    const seen: Array<{ url: string; init?: RequestInit }> = [];
    const m: RequestModel = {
      ...model,
      service: 'uploadToken',
      action: 'upload',
      params: [
        { name: 'uploadTokenId', value: { kind: 'string', value: 't' } },
        { name: 'fileData', value: { kind: 'file', name: 'a.bin', size: 3 } },
      ],
    };
    const none = await executeRequest(m, { fetchImpl: fakeFetch(200, '{}', seen) });
    expect(none.error).toEqual({ kind: 'file', message: 'Choose a file for fileData first.' });
    await executeRequest(m, { files: { fileData: new Blob([new Uint8Array([1, 2, 3])]) }, fetchImpl: fakeFetch(200, '{}', seen) });
    const fd = seen[0]!.init?.body as FormData;
    expect(fd.get('uploadTokenId')).toBe('t');
    const f = fd.get('fileData') as File;
    expect(f.name).toBe('a.bin');
    expect([...new Uint8Array(await f.arrayBuffer())]).toEqual([1, 2, 3]);
  });
});

import { getKalturaDescription } from '@/lib/description';
import { buildDynamicEnumRequest } from '@/lib/request/build';

describe('buildDynamicEnumRequest', () => {
  const api = getKalturaDescription();
  it('spreads the JSON body into arguments in argument order, with classes', () => {
    const m = buildDynamicEnumRequest(
      {
        path: '/service/uploadtoken/action/list',
        parameters: [
          { name: 'body', value: '{"pager": {"pageSize": 5}, "filter": {"objectType": "KalturaUploadTokenFilter", "statusEqual": 0}}' },
        ],
      },
      api,
      { serviceUrl: 'http://h', ks: 'K' },
    );
    expect(m).toMatchObject({
      service: 'uploadToken',
      action: 'list',
      ks: 'K',
      params: [
        {
          name: 'filter',
          value: {
            kind: 'object',
            className: 'KalturaUploadTokenFilter',
            fields: [{ name: 'statusEqual', value: { kind: 'int', value: 0 } }],
          },
        },
        {
          name: 'pager',
          value: { kind: 'object', className: 'KalturaFilterPager', fields: [{ name: 'pageSize', value: { kind: 'int', value: 5 } }] },
        },
      ],
    });
  });
  it('a body that is not JSON is an error sentence', () => {
    expect(
      buildDynamicEnumRequest({ path: '/service/media/action/list', parameters: [{ name: 'body', value: '{oops' }] }, api, {
        serviceUrl: 'http://h',
      }),
    ).toEqual({
      error: "The dropdown's body parameter is not valid JSON: fix the recipe's dynamicEnum.",
    });
  });
});
