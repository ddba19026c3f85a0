/**
 * Every error of the sandbox's scope, shaped as Kaltura shapes them (HTTP 200, KalturaAPIException
 * with code, message and args), and the KS checks: expired, tampered, another partner's, ended,
 * a USER KS reading another user's token.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKs } from '../../../lib/sandbox/ks';
import type { TestServer } from '../../helpers/server';
import { adminKs, call, expectError, startSandbox, TEST_ADMIN_SECRET, TEST_PARTNER_ID, userKs } from './harness';

let server: TestServer;
let ks: string;
beforeAll(async () => {
  server = await startSandbox();
  ks = await adminKs(server.url, 'admin-user');
});
afterAll(async () => {
  await server?.dispose();
});

const now = () => Math.floor(Date.now() / 1000);

describe('KS checks', () => {
  it('no KS: SERVICE_FORBIDDEN', async () => {
    const e = expectError(await call(server.url, 'uploadtoken', 'add'), 'SERVICE_FORBIDDEN');
    expect(e.message).toBe('The access to service [uploadtoken->add] is forbidden');
    expect(e.args).toEqual({ SERVICE: 'uploadtoken->add' });
  });

  it('garbage KS: INVALID_KS -1,INVALID_STR', async () => {
    const e = expectError(await call(server.url, 'uploadToken', 'list', { ks: 'not-a-ks' }), 'INVALID_KS');
    expect(e.args).toEqual({ KSID: 'not-a-ks', ERR_CODE: '-1', ERR_DESC: 'INVALID_STR' });
    expect(e.message).toBe('Invalid KS "not-a-ks", Error "-1,INVALID_STR"');
  });

  it('tampered KS: INVALID_KS', async () => {
    const i = Math.floor(ks.length / 2);
    const tampered = ks.slice(0, i) + (ks[i] === 'A' ? 'B' : 'A') + ks.slice(i + 1);
    const e = expectError(await call(server.url, 'uploadToken', 'list', { ks: tampered }), 'INVALID_KS');
    expect(e.args.ERR_DESC).toBe('INVALID_STR');
    expectError(await call(server.url, 'uploadToken', 'list', { ks: ks + 'x' }), 'INVALID_KS');
  });

  it('expired KS: INVALID_KS -5,EXPIRED', async () => {
    const expired = buildKs(TEST_ADMIN_SECRET, {
      partnerId: TEST_PARTNER_ID,
      type: 2,
      userId: 'u',
      expiry: now() - 10,
      privileges: new Map(),
    });
    const e = expectError(await call(server.url, 'uploadToken', 'list', { ks: expired }), 'INVALID_KS');
    expect(e.args.ERR_CODE).toBe('-5');
    expect(e.args.ERR_DESC).toBe('EXPIRED');
  });

  it('a KS made outside the server with the same algorithm is accepted (interoperability)', async () => {
    const made = buildKs(TEST_ADMIN_SECRET, {
      partnerId: TEST_PARTNER_ID,
      type: 2,
      userId: 'ext',
      expiry: now() + 60,
      privileges: new Map([['disableentitlement', '']]),
    });
    const info = await call(server.url, 'session', 'get', { ks: made });
    expect(info.userId).toBe('ext');
    expect(info.privileges).toBe('disableentitlement');
  });

  it('a v1 KS (as older client helpers make them) is accepted; a forged one is not', async () => {
    const info = `${TEST_PARTNER_ID};${TEST_PARTNER_ID};${now() + 60};2;777;v1user;`;
    const sign = (key: string) =>
      Buffer.from(
        createHash('sha1')
          .update(key + info)
          .digest('hex') +
          '|' +
          info,
      ).toString('base64');
    expect((await call(server.url, 'session', 'get', { ks: sign(TEST_ADMIN_SECRET) })).userId).toBe('v1user');
    expect(expectError(await call(server.url, 'session', 'get', { ks: sign('forged') }), 'INVALID_KS').args.ERR_DESC).toBe('INVALID_STR');
  });

  it("another partner's KS: INVALID_KS", async () => {
    const other = buildKs('another-secret', { partnerId: 999999, type: 2, userId: '', expiry: now() + 60, privileges: new Map() });
    const e = expectError(await call(server.url, 'uploadToken', 'list', { ks: other }), 'INVALID_KS');
    expect(e.args.ERR_DESC).toBe('INVALID_PARTNER');
    // our partner id, but signed with another secret
    const forged = buildKs('another-secret', {
      partnerId: TEST_PARTNER_ID,
      type: 2,
      userId: '',
      expiry: now() + 60,
      privileges: new Map(),
    });
    expect(expectError(await call(server.url, 'uploadToken', 'list', { ks: forged }), 'INVALID_KS').args.ERR_DESC).toBe('INVALID_STR');
  });

  it('an ended session is rejected', async () => {
    const s = await adminKs(server.url, 'ending');
    expect((await call(server.url, 'uploadToken', 'list', { ks: s })).objectType).toBe('KalturaUploadTokenListResponse');
    await call(server.url, 'session', 'end', { ks: s });
    const e = expectError(await call(server.url, 'uploadToken', 'list', { ks: s }), 'INVALID_KS');
    expect(e.args.ERR_DESC).toBe('LOGOUT');
  });

  it("a USER KS does not see another user's token or entry; its list holds only its own", async () => {
    const alice = await userKs(server.url, 'alice');
    const bob = await userKs(server.url, 'bob');
    const t = await call(server.url, 'uploadToken', 'add', { ks: alice });
    expect(t.userId).toBe('alice');
    expect((await call(server.url, 'uploadToken', 'get', { ks: alice, uploadTokenId: t.id })).id).toBe(t.id);
    const e = expectError(await call(server.url, 'uploadToken', 'get', { ks: bob, uploadTokenId: t.id }), 'UPLOAD_TOKEN_NOT_FOUND');
    expect(e.message).toBe('Upload token not found');
    expectError(
      await call(server.url, 'uploadToken', 'upload', { ks: bob, uploadTokenId: t.id }, { fileData: { data: randomBytes(10) } }),
      'UPLOAD_TOKEN_NOT_FOUND',
    );
    const bobList = await call(server.url, 'uploadToken', 'list', { ks: bob });
    expect(bobList.objects.every((x: { userId: string }) => x.userId === 'bob')).toBe(true);
    const adminList = await call(server.url, 'uploadToken', 'list', { ks, 'filter:idEqual': t.id });
    expect(adminList.totalCount).toBe(1);
    const entry = await call(server.url, 'media', 'add', { ks: alice, 'entry:mediaType': 1 });
    expectError(await call(server.url, 'media', 'get', { ks: bob, entryId: entry.id }), 'ENTRY_ID_NOT_FOUND');
    expect((await call(server.url, 'media', 'get', { ks, entryId: entry.id })).userId).toBe('alice');
  });

  it('session.start: wrong secret and a user secret asking for ADMIN are START_SESSION_ERROR', async () => {
    const e = expectError(
      await call(server.url, 'session', 'start', { secret: 'wrong', partnerId: TEST_PARTNER_ID, type: 2 }),
      'START_SESSION_ERROR',
    );
    expect(e.args).toEqual({ PID: String(TEST_PARTNER_ID) });
    expect(e.message).toBe(`Error while starting session for partner [${TEST_PARTNER_ID}]`);
    expectError(await call(server.url, 'session', 'start', { secret: TEST_ADMIN_SECRET, partnerId: 4242, type: 2 }), 'START_SESSION_ERROR');
    expectError(await call(server.url, 'session', 'start', { partnerId: TEST_PARTNER_ID }), 'MISSING_MANDATORY_PARAMETER');
  });
});

describe('request errors', () => {
  it('unknown service and action', async () => {
    const s = expectError(await call(server.url, 'nosuch', 'list', { ks }), 'SERVICE_DOES_NOT_EXISTS');
    expect(s.args).toEqual({ SRV_NAME: 'nosuch' });
    expect(s.message).toBe('Service "nosuch" does not exists');
    const a = expectError(await call(server.url, 'media', 'fly', { ks }), 'ACTION_DOES_NOT_EXISTS');
    expect(a.args).toEqual({ ACTION_NAME: 'fly', SERVICE_NAME: 'media' });
    const r = await fetch(`${server.url}/api_v3/?format=1`, { method: 'POST' });
    expectError(await r.json(), 'SERVICE_NOT_SPECIFIED');
  });

  it('missing parameters', async () => {
    const e = expectError(await call(server.url, 'uploadToken', 'get', { ks }), 'MISSING_MANDATORY_PARAMETER');
    expect(e.args).toEqual({ PARAM_NAME: 'uploadTokenId' });
    expect(e.message).toBe('Missing parameter "uploadTokenId"');
    expect(expectError(await call(server.url, 'media', 'add', { ks }), 'MISSING_MANDATORY_PARAMETER').args).toEqual({
      PARAM_NAME: 'entry',
    });
    const t = await call(server.url, 'uploadToken', 'add', { ks });
    expect(
      expectError(await call(server.url, 'uploadToken', 'upload', { ks, uploadTokenId: t.id }), 'MISSING_MANDATORY_PARAMETER').args,
    ).toEqual({ PARAM_NAME: 'fileData' });
  });

  it('mediaType null, a bad enum value, abstract and wrong object types', async () => {
    const n = expectError(await call(server.url, 'media', 'add', { ks, 'entry:name': 'x' }), 'PROPERTY_VALIDATION_CANNOT_BE_NULL');
    expect(n.args).toEqual({ PROP_NAME: 'mediaType' });
    const en = expectError(await call(server.url, 'media', 'add', { ks, 'entry:mediaType': 99 }), 'INVALID_ENUM_VALUE');
    expect(en.args).toEqual({ ENUM_VAL: '99', PARAM_NAME: 'mediaType', ENUM_TYPE: 'KalturaMediaType' });
    expect(en.message).toBe('Invalid enumeration value "99" for parameter "mediaType", expecting enumeration type "KalturaMediaType"');
    const entry = await call(server.url, 'media', 'add', { ks, 'entry:mediaType': 1 });
    const ab = expectError(
      await call(server.url, 'media', 'addContent', { ks, entryId: entry.id, 'resource:token': 'x' }),
      'OBJECT_TYPE_ABSTRACT',
    );
    expect(ab.args).toEqual({ OBJ_TYPE: 'KalturaResource' });
    const wrong = expectError(
      await call(server.url, 'media', 'addContent', { ks, entryId: entry.id, 'resource:objectType': 'KalturaMediaEntry' }),
      'INVALID_OBJECT_TYPE',
    );
    expect(wrong.args).toEqual({ INVALID_OBJ_TYPE: 'KalturaMediaEntry' });
    const url = expectError(
      await call(server.url, 'media', 'addContent', {
        ks,
        entryId: entry.id,
        'resource:objectType': 'KalturaUrlResource',
        'resource:url': 'http://example.com/x.mp4',
      }),
      'RESOURCE_TYPE_NOT_SUPPORTED',
    );
    expect(url.args).toEqual({ RES_TYPE: 'KalturaUrlResource' });
    expectError(
      await call(server.url, 'uploadToken', 'upload', { ks, uploadTokenId: 'x', resumeAt: 'abc' }, { fileData: { data: randomBytes(1) } }),
      'INVALID_FIELD_VALUE',
    );
  });

  it('unknown ids and wrong statuses', async () => {
    const e = expectError(await call(server.url, 'media', 'get', { ks, entryId: '0_nothere' }), 'ENTRY_ID_NOT_FOUND');
    expect(e.args).toEqual({ ENTRY_ID: '0_nothere' });
    expect(e.message).toBe('Entry id "0_nothere" not found');
    expectError(
      await call(server.url, 'media', 'addContent', {
        ks,
        entryId: '0_nothere',
        'resource:objectType': 'KalturaUploadedFileTokenResource',
        'resource:token': 'x',
      }),
      'ENTRY_ID_NOT_FOUND',
    );
    expectError(await call(server.url, 'uploadToken', 'get', { ks, uploadTokenId: '0_nothere' }), 'UPLOAD_TOKEN_NOT_FOUND');
    expectError(await call(server.url, 'uploadToken', 'delete', { ks, uploadTokenId: '0_nothere' }), 'UPLOAD_TOKEN_NOT_FOUND');
    const entry = await call(server.url, 'media', 'add', { ks, 'entry:mediaType': 2 });
    expectError(
      await call(server.url, 'media', 'addContent', {
        ks,
        entryId: entry.id,
        'resource:objectType': 'KalturaUploadedFileTokenResource',
        'resource:token': '0_nothere',
      }),
      'UPLOAD_TOKEN_NOT_FOUND',
    );
    const t = await call(server.url, 'uploadToken', 'add', { ks });
    await call(server.url, 'uploadToken', 'upload', { ks, uploadTokenId: t.id }, { fileData: { data: randomBytes(100) } });
    const res = { 'resource:objectType': 'KalturaUploadedFileTokenResource', 'resource:token': t.id };
    expect((await call(server.url, 'media', 'addContent', { ks, entryId: entry.id, ...res })).status).toBe(2);
    expectError(await call(server.url, 'media', 'addContent', { ks, entryId: entry.id, ...res }), 'ENTRY_ALREADY_WITH_CONTENT');
    const entry2 = await call(server.url, 'media', 'add', { ks, 'entry:mediaType': 2 });
    expectError(
      await call(server.url, 'media', 'addContent', { ks, entryId: entry2.id, ...res }),
      'UPLOAD_TOKEN_INVALID_STATUS_FOR_ADD_ENTRY',
    );
    expectError(await call(server.url, 'uploadToken', 'add', { ks, 'uploadToken:autoFinalize': 1 }), 'UPLOAD_TOKEN_MISSING_FILE_SIZE');
    const upd = expectError(
      await call(server.url, 'media', 'update', { ks, entryId: entry.id, 'mediaEntry:mediaType': 1 }),
      'PROPERTY_VALIDATION_NOT_UPDATABLE',
    );
    expect(upd.args).toEqual({ PROP_NAME: 'mediaType' });
  });

  it('a token not yet complete leaves the entry in IMPORT until the upload completes', async () => {
    const t = await call(server.url, 'uploadToken', 'add', { ks });
    const data = randomBytes(50_000);
    await call(
      server.url,
      'uploadToken',
      'upload',
      { ks, uploadTokenId: t.id, finalChunk: false },
      { fileData: { data: data.subarray(0, 20_000) } },
    );
    const entry = await call(server.url, 'media', 'add', { ks, 'entry:mediaType': 2 });
    const e1 = await call(server.url, 'media', 'addContent', {
      ks,
      entryId: entry.id,
      'resource:objectType': 'KalturaUploadedFileTokenResource',
      'resource:token': t.id,
    });
    expect(e1.status).toBe(0);
    expect((await call(server.url, 'uploadToken', 'get', { ks, uploadTokenId: t.id })).attachedObjectId).toBe(entry.id);
    await call(
      server.url,
      'uploadToken',
      'upload',
      { ks, uploadTokenId: t.id, resume: true, resumeAt: 20_000, finalChunk: true },
      { fileData: { data: data.subarray(20_000) } },
    );
    const e2 = await call(server.url, 'media', 'get', { ks, entryId: entry.id });
    expect(e2.status).toBe(2);
    expect((await call(server.url, 'uploadToken', 'get', { ks, uploadTokenId: t.id })).status).toBe(3);
    const bytes = Buffer.from(await (await fetch(e2.downloadUrl)).arrayBuffer());
    expect(bytes.equals(data)).toBe(true);
  });
});

describe('an entry whose upload is deleted', () => {
  it('goes from IMPORT to ERROR_IMPORTING', async () => {
    const t = await call(server.url, 'uploadToken', 'add', { ks });
    const entry = await call(server.url, 'media', 'add', { ks, 'entry:mediaType': 1 });
    const e1 = await call(server.url, 'media', 'addContent', {
      ks,
      entryId: entry.id,
      'resource:objectType': 'KalturaUploadedFileTokenResource',
      'resource:token': t.id,
    });
    expect(e1.status).toBe(0);
    await call(server.url, 'uploadToken', 'delete', { ks, uploadTokenId: t.id });
    expect((await call(server.url, 'media', 'get', { ks, entryId: entry.id })).status).toBe(-2);
  });
});

describe('size limit and fault injection', () => {
  let small: TestServer;
  beforeAll(async () => {
    small = await startSandbox({
      env: {
        SANDBOX_MAX_UPLOAD_BYTES: '100000',
        SANDBOX_FAULTS: '{"uploadFailBefore":0.25,"uploadFailAfter":0.25,"uploadDelayMs":[0,30]}',
      },
    });
  });
  afterAll(async () => {
    await small?.dispose();
  });

  it('a chunk past the maximum upload size is FILE_SIZE_EXCEEDED; so is a declared fileSize', async () => {
    const k = await adminKs(small.url);
    const e = expectError(await call(small.url, 'uploadToken', 'add', { ks: k, 'uploadToken:fileSize': 200_000 }), 'FILE_SIZE_EXCEEDED');
    expect(e.args).toEqual({ FILE_SIZE: '100000' });
    const t = await call(small.url, 'uploadToken', 'add', { ks: k });
    let r: Awaited<ReturnType<typeof call>>;
    do r = await call(small.url, 'uploadToken', 'upload', { ks: k, uploadTokenId: t.id }, { fileData: { data: randomBytes(150_000) } });
    while (r.code === 'UPLOAD_ERROR');
    expect(expectError(r, 'FILE_SIZE_EXCEEDED').args).toEqual({ FILE_SIZE: '100000' });
    // the server is still fine
    expect(await call(small.url, 'system', 'ping')).toBe(true);
  });

  it('injected failures (before and after writing) are UPLOAD_ERROR; retrying ends with the exact bytes', async () => {
    const k = await adminKs(small.url);
    const t = await call(small.url, 'uploadToken', 'add', { ks: k });
    const data = randomBytes(90_000);
    let failures = 0;
    const send = async (off: number, end: number, opts: Record<string, string | number | boolean>) => {
      for (;;) {
        const r = await call(
          small.url,
          'uploadToken',
          'upload',
          { ks: k, uploadTokenId: t.id, ...opts },
          { fileData: { data: data.subarray(off, end) } },
        );
        if (r.code === 'UPLOAD_ERROR') {
          expect(r.message).toBe('Upload failed');
          failures++;
          continue;
        }
        return r;
      }
    };
    // 18 chunks: with these odds, at least one injected failure is all but certain (1 - 0.5625^18)
    await send(0, 5_000, { resume: false, finalChunk: false });
    for (let off = 5_000; off < 85_000; off += 5_000) await send(off, off + 5_000, { resume: true, finalChunk: false, resumeAt: off });
    const fin = await send(85_000, 90_000, { resume: true, finalChunk: true, resumeAt: 85_000 });
    expect(fin.status).toBe(2);
    expect(failures).toBeGreaterThan(0);
    const entry = await call(small.url, 'media', 'add', { ks: k, 'entry:mediaType': 2 });
    const done = await call(small.url, 'media', 'addContent', {
      ks: k,
      entryId: entry.id,
      'resource:objectType': 'KalturaUploadedFileTokenResource',
      'resource:token': t.id,
    });
    expect(Buffer.from(await (await fetch(done.downloadUrl)).arrayBuffer()).equals(data)).toBe(true);
  });
});
