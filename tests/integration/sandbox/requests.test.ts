/**
 * How requests may be written and how answers look: path and query forms, query/JSON/form/
 * multipart bodies (the `json` field), nested keys, `__null`, booleans, XML by default, JSON with
 * format=1, multirequest with references, CORS, the OpenAPI document, the console's session
 * endpoint, and list/update/delete.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../helpers/server';
import { adminKs, call, expectError, startSandbox, TEST_ADMIN_SECRET, TEST_PARTNER_ID } from './harness';

let server: TestServer;
let ks: string;
beforeAll(async () => {
  server = await startSandbox();
  ks = await adminKs(server.url, 'req-user');
});
afterAll(async () => {
  await server?.dispose();
});

const api = (path: string) => `${server.url}/api_v3${path}`;

describe('request forms', () => {
  it('XML is the default format, shaped like Kaltura', async () => {
    const r = await fetch(api('/service/system/action/ping'), { method: 'POST' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/xml/);
    const text = await r.text();
    expect(text).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?><xml><result>1<\/result><executionTime>[0-9.]+<\/executionTime><\/xml>$/,
    );
    const t = await (await fetch(api(`/service/uploadtoken/action/add?ks=${ks}`), { method: 'POST' })).text();
    expect(t).toMatch(/<result><objectType>KalturaUploadToken<\/objectType><id>0_[0-9a-f]{32}<\/id>/);
    const err = await (await fetch(api('/service/uploadtoken/action/get'), { method: 'POST' })).text();
    expect(err).toContain('<result><error><objectType>KalturaAPIException</objectType><code>SERVICE_FORBIDDEN</code>');
    expect(err).toContain(
      '<args><item><objectType>KalturaApiExceptionArg</objectType><name>SERVICE</name><value>uploadtoken-&gt;get</value></item></args>',
    );
  });

  it('the ?service=&action= form, case-insensitive names, and path key/value pairs', async () => {
    const a = await (await fetch(api(`/?service=UploadToken&action=ADD&format=1&ks=${ks}`), { method: 'POST' })).json();
    expect(a.objectType).toBe('KalturaUploadToken');
    const b = await (await fetch(api(`/service/uploadtoken/action/get/uploadTokenId/${a.id}?format=1&ks=${ks}`))).json();
    expect(b.id).toBe(a.id);
  });

  it('/api_v3/?service= and a trailing slash are answered in place, not redirected', async () => {
    for (const path of [
      '/?service=system&action=ping&format=1',
      '/service/system/action/ping/?format=1',
      '?service=system&action=ping&format=1',
    ]) {
      const r = await fetch(api(path), { method: 'POST', redirect: 'manual' });
      expect(r.status, path).toBe(200);
      expect(await r.text(), path).toBe('true');
    }
    // with a body, as a client posts it
    const r = await fetch(api('/?service=uploadtoken&action=add&format=1'), {
      method: 'POST',
      body: new URLSearchParams({ ks }),
      redirect: 'manual',
    });
    expect((await r.json()).objectType).toBe('KalturaUploadToken');
  });

  it('a path that does not percent-decode gets a Kaltura error naming it, never a 500', async () => {
    const bad = await fetch(api('/service/%E0%A4%A/action/get?format=1'), { method: 'POST', redirect: 'manual' });
    expect(bad.status).toBe(200);
    expect(await bad.json()).toEqual({
      code: 'SERVICE_DOES_NOT_EXISTS',
      message: 'Service "%E0%A4%A" does not exists',
      objectType: 'KalturaAPIException',
      args: { SRV_NAME: '%E0%A4%A' },
    });
    const act = await (await fetch(api(`/service/uploadtoken/action/add%?format=1&ks=${ks}`), { method: 'POST' })).json();
    expect(act.code).toBe('ACTION_DOES_NOT_EXISTS');
    expect(act.args.ACTION_NAME).toBe('add%');
    // a segment that decodes is decoded as before
    expect(await (await fetch(api('/service/system/action/%70ing?format=1'), { method: 'POST' })).text()).toBe('true');
  });

  it('JSON bodies with nested objects; query values win over body values', async () => {
    const r = await fetch(api('/service/media/action/add?format=1&entry:name=fromQuery'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ks, entry: { objectType: 'KalturaMediaEntry', mediaType: 1, name: 'fromBody', tags: 'a,b' } }),
    });
    const e = await r.json();
    expect(e.name).toBe('fromQuery');
    expect(e.tags).toBe('a,b');
    expect(e.mediaType).toBe(1);
    expect(e.status).toBe(7);
  });

  it('multipart with a mixed-case boundary, as Chromium sends it', async () => {
    const token = await (await fetch(api(`/service/uploadtoken/action/add?format=1&ks=${ks}`), { method: 'POST' })).json();
    const boundary = '----WebKitFormBoundaryAbCdEfGh12345678';
    const bytes = randomBytes(1000);
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="uploadTokenId"\r\n\r\n${token.id}\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="fileData"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const r = await fetch(api(`/service/uploadtoken/action/upload?format=1&ks=${ks}`), {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    const t = await r.json();
    expect(t.code).toBeUndefined();
    expect(t.uploadedFileSize).toBe(1000);
    expect(t.status).toBe(2);
  });

  it('form keys entry[name] and entry:name, __null, numbers as strings', async () => {
    const body = new URLSearchParams({ ks, 'entry[mediaType]': '5', 'entry[name]': 'bracket', 'entry:description': 'colon' });
    const e = await (await fetch(api('/service/media/action/add?format=1'), { method: 'POST', body })).json();
    expect(e.mediaType).toBe(5);
    expect(e.name).toBe('bracket');
    expect(e.description).toBe('colon');
    const u = await call(server.url, 'media', 'update', { ks, entryId: e.id, 'mediaEntry:description__null': '' });
    expect(u.description).toBeUndefined();
    expect(u.name).toBe('bracket');
  });

  it('multipart with the json field (as the official Node client sends it) and booleans', async () => {
    const t = await call(server.url, 'uploadToken', 'add', { ks });
    const fd = new FormData();
    fd.append('json', JSON.stringify({ ks, uploadTokenId: t.id, resume: false, finalChunk: false, format: 1 }));
    fd.append('fileData', new Blob([randomBytes(1000)]), 'part.bin');
    const r = await (await fetch(api('/service/uploadtoken/action/upload'), { method: 'POST', body: fd })).json();
    expect(r.status).toBe(1);
    expect(r.uploadedFileSize).toBe(1000);
    // "0", "false" and "" are false
    for (const f of ['0', 'false', '']) {
      const again = await call(
        server.url,
        'uploadToken',
        'upload',
        { ks, uploadTokenId: t.id, resume: 'true', finalChunk: f, resumeAt: 1000 },
        { fileData: { data: randomBytes(0) } },
      );
      expect(again.status).toBe(1);
    }
    const done = await call(
      server.url,
      'uploadToken',
      'upload',
      { ks, uploadTokenId: t.id, resume: '1', finalChunk: 'true', resumeAt: -1 },
      { fileData: { data: randomBytes(24) } },
    );
    expect(done.status).toBe(2);
    expect(done.uploadedFileSize).toBe(1024);
  });

  it('the raw body as the chunk (parameters in the query)', async () => {
    const t = await call(server.url, 'uploadToken', 'add', { ks });
    const r = await (
      await fetch(api(`/service/uploadtoken/action/upload?format=1&ks=${ks}&uploadTokenId=${t.id}`), {
        method: 'POST',
        body: randomBytes(777),
      })
    ).json();
    expect(r.uploadedFileSize).toBe(777);
    expect(r.status).toBe(2);
  });
});

describe('multirequest', () => {
  it('form keys, shared ks, references to earlier results, errors per item', async () => {
    const body = new URLSearchParams({
      ks,
      format: '1',
      '1:service': 'uploadToken',
      '1:action': 'add',
      '1:uploadToken:fileName': 'mr.bin',
      '2:service': 'uploadToken',
      '2:action': 'get',
      '2:uploadTokenId': '{1:result:id}',
      '3:service': 'media',
      '3:action': 'get',
      '3:entryId': '0_missing',
      '4:service': 'media',
      '4:action': 'add',
      '4:entry:mediaType': '1',
      '4:entry:name': 'for {1:result:fileName}',
    });
    const r = await (await fetch(api('/service/multirequest'), { method: 'POST', body })).json();
    expect(r).toHaveLength(4);
    expect(r[1].id).toBe(r[0].id);
    expect(r[1].fileName).toBe('mr.bin');
    expectError(r[2], 'ENTRY_ID_NOT_FOUND');
    expect(r[3].name).toBe('for mr.bin');
  });

  it('JSON form, and XML output', async () => {
    const body = JSON.stringify({
      ks,
      1: { service: 'system', action: 'ping' },
      2: { service: 'uploadToken', action: 'list', filter: { objectType: 'KalturaUploadTokenFilter' }, pager: { pageSize: 1 } },
    });
    const x = await (
      await fetch(api('/service/multirequest'), { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    ).text();
    expect(x).toMatch(/^<\?xml[^>]*><xml><result><item>1<\/item><item><objectType>KalturaUploadTokenListResponse<\/objectType>/);
  });
});

describe('edges', () => {
  it('CORS on answers and preflight', async () => {
    const pre = await fetch(api('/service/uploadtoken/action/add'), {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://elsewhere.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(pre.status).toBeLessThan(300);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    const r = await fetch(api('/service/system/action/ping?format=1'), { method: 'POST', headers: { Origin: 'http://elsewhere.example' } });
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('serves the OpenAPI document', async () => {
    const r = await fetch(api('/openapi.json'));
    expect(r.status).toBe(200);
    const doc = await r.json();
    expect(doc.openapi ?? doc.swagger).toBeTruthy();
    expect(JSON.stringify(doc)).toContain('uploadToken');
  });

  it('the console session endpoint gives an ADMIN KS (never the secret), not readable cross-origin', async () => {
    const r = await fetch(api('/sandbox/session'));
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
    const text = await r.text();
    expect(text).not.toContain(TEST_ADMIN_SECRET);
    const s = JSON.parse(text);
    expect(s.partnerId).toBe(TEST_PARTNER_ID);
    expect(s.serviceUrl).toBe(server.url);
    const info = await call(server.url, 'session', 'get', { ks: s.ks });
    expect(info.sessionType).toBe(2);
    expect(info.partnerId).toBe(TEST_PARTNER_ID);
  });
});

describe('list, update, delete', () => {
  it('media.list filters and pages; update and delete', async () => {
    const tag = 'tag' + Date.now();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        (await call(server.url, 'media', 'add', { ks, 'entry:mediaType': i % 2 ? 1 : 5, 'entry:name': `n${i}`, 'entry:tags': tag })).id,
      );
    const all = await call(server.url, 'media', 'list', {
      ks,
      'filter:tagsLike': tag,
      'filter:orderBy': '+createdAt',
      'pager:pageSize': 2,
      'pager:pageIndex': 2,
    });
    expect(all.objectType).toBe('KalturaMediaListResponse');
    expect(all.totalCount).toBe(5);
    expect(all.objects).toHaveLength(2);
    const vids = await call(server.url, 'media', 'list', { ks, 'filter:tagsLike': tag, 'filter:mediaTypeEqual': 1 });
    expect(vids.totalCount).toBe(2);
    const some = await call(server.url, 'media', 'list', { ks, 'filter:idIn': `${ids[0]},${ids[4]}` });
    expect(some.objects.map((o: { id: string }) => o.id).sort()).toEqual([ids[0], ids[4]].sort());
    const badEnum = await call(server.url, 'media', 'list', { ks, 'filter:orderBy': 'sideways' });
    expectError(badEnum, 'INVALID_ENUM_VALUE');
    const u = await call(server.url, 'media', 'update', {
      ks,
      entryId: ids[1],
      'mediaEntry:name': 'renamed',
      'mediaEntry:referenceId': 'ref-1',
    });
    expect(u.name).toBe('renamed');
    expect(u.referenceId).toBe('ref-1');
    expect(await call(server.url, 'media', 'delete', { ks, entryId: ids[1] })).toBeNull();
    expectError(await call(server.url, 'media', 'get', { ks, entryId: ids[1] }), 'ENTRY_ID_NOT_FOUND');
    expect((await call(server.url, 'media', 'list', { ks, 'filter:tagsLike': tag })).totalCount).toBe(4);
    const base = await call(server.url, 'baseEntry', 'get', { ks, entryId: ids[0] });
    expect(base.id).toBe(ids[0]);
  });

  it('uploadToken.list filters, and delete makes the status DELETED', async () => {
    const a = await call(server.url, 'uploadToken', 'add', { ks, 'uploadToken:fileName': 'unique-name.bin' });
    const l = await call(server.url, 'uploadToken', 'list', { ks, 'filter:fileNameEqual': 'unique-name.bin' });
    expect(l.objectType).toBe('KalturaUploadTokenListResponse');
    expect(l.totalCount).toBe(1);
    expect(l.objects[0].id).toBe(a.id);
    await call(server.url, 'uploadToken', 'delete', { ks, uploadTokenId: a.id });
    const g = await call(server.url, 'uploadToken', 'get', { ks, uploadTokenId: a.id });
    expect(g.status).toBe(5);
    expectError(
      await call(server.url, 'uploadToken', 'upload', { ks, uploadTokenId: a.id }, { fileData: { data: randomBytes(5) } }),
      'UPLOAD_TOKEN_INVALID_STATUS_FOR_UPLOAD',
    );
    const pend = await call(server.url, 'uploadToken', 'list', { ks, 'filter:statusEqual': 5, 'filter:idEqual': a.id });
    expect(pend.totalCount).toBe(1);
  });
});
