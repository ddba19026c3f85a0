/**
 * The whole upload flow with the official Node client (kaltura-client) against a started server:
 * session.start, uploadToken.add, a chunked upload, media.add, addContent, media.get until READY,
 * and the download equal to the original (sha256). Also a multirequest built by the client.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error kaltura-client ships no types
import kaltura from 'kaltura-client';
import type { TestServer } from '../../helpers/server';
import { startSandbox, TEST_ADMIN_SECRET, TEST_PARTNER_ID } from './harness';

const k = kaltura as any;

let server: TestServer;
beforeAll(async () => {
  server = await startSandbox({ env: { SANDBOX_PROCESSING_MS: '800' } });
});
afterAll(async () => {
  await server?.dispose();
});

function client(): any {
  const config = new k.Configuration();
  config.serviceUrl = server.url;
  // silent: the client's default logger prints every request, secret included
  config.setLogger({ log() {}, debug() {}, error() {} });
  return new k.Client(config);
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('upload flow with the official kaltura-client', () => {
  it('uploads in chunks, creates an entry, becomes READY, downloads the same bytes', async () => {
    const c = client();
    const ks: string = await k.services.session
      .start(TEST_ADMIN_SECRET, 'flow-user', k.enums.SessionType.ADMIN, TEST_PARTNER_ID)
      .execute(c);
    expect(ks).toMatch(/^[A-Za-z0-9_-]+$/);
    c.setKs(ks);

    const data = randomBytes(3 * 1024 * 1024 + 12345);
    const tokenIn = new k.objects.UploadToken({ fileName: 'movie.mp4', fileSize: data.length });
    const token = await k.services.uploadToken.add(tokenIn).execute(c);
    expect(token.objectType).toBe('KalturaUploadToken');
    expect(token.id).toMatch(/^0_[0-9a-f]{32}$/);
    expect(token.status).toBe(0);

    const chunk = 1024 * 1024;
    let last: any;
    for (let off = 0; off < data.length; off += chunk) {
      const part = data.subarray(off, Math.min(off + chunk, data.length));
      const final = off + chunk >= data.length;
      last = await k.services.uploadToken.upload(token.id, Buffer.from(part), off > 0, final, off).execute(c);
      expect(last.uploadedFileSize).toBe(Math.min(off + chunk, data.length));
      expect(last.status).toBe(final ? 2 : 1);
    }

    const entry = await k.services.media.add(new k.objects.MediaEntry({ name: 'My movie', mediaType: k.enums.MediaType.VIDEO })).execute(c);
    expect(entry.objectType).toBe('KalturaMediaEntry');
    expect(entry.id).toMatch(/^0_[0-9a-z]{8}$/);
    expect(entry.status).toBe(7);

    const resource = new k.objects.UploadedFileTokenResource({ token: token.id });
    const withContent = await k.services.media.addContent(entry.id, resource).execute(c);
    expect([1, 2]).toContain(withContent.status);

    const closed = await k.services.uploadToken.get(token.id).execute(c);
    expect(closed.status).toBe(3);

    let got: any;
    const seen = new Set<number>([withContent.status]);
    for (let i = 0; i < 100; i++) {
      got = await k.services.media.get(entry.id).execute(c);
      seen.add(got.status);
      if (got.status === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(seen.has(1)).toBe(true); // PRECONVERT was observable
    expect(got.status).toBe(2);
    expect(got.name).toBe('My movie');
    expect(typeof got.downloadUrl).toBe('string');
    expect(got.width).toBeUndefined(); // never invented without ffprobe-able media

    const dl = await fetch(got.downloadUrl);
    expect(dl.status).toBe(200);
    const bytes = new Uint8Array(await dl.arrayBuffer());
    expect(bytes.length).toBe(data.length);
    expect(sha(bytes)).toBe(sha(data));
    const viaData = new Uint8Array(await (await fetch(got.dataUrl)).arrayBuffer());
    expect(sha(viaData)).toBe(sha(data));

    // a range request serves the asked bytes
    const ranged = await fetch(got.dataUrl, { headers: { Range: 'bytes=10-19' } });
    expect(ranged.status).toBe(206);
    expect(Buffer.from(await ranged.arrayBuffer()).equals(data.subarray(10, 20))).toBe(true);

    const listed = await k.services.media.listAction(new k.objects.MediaEntryFilter({ idEqual: entry.id })).execute(c);
    expect(listed.totalCount).toBe(1);
    expect(listed.objects[0].id).toBe(entry.id);
  });

  it('an image entry is READY at once', async () => {
    const c = client();
    c.setKs(await k.services.session.start(TEST_ADMIN_SECRET, 'img', 2, TEST_PARTNER_ID).execute(c));
    const data = randomBytes(5000);
    const token = await k.services.uploadToken.add(new k.objects.UploadToken({})).execute(c);
    await k.services.uploadToken.upload(token.id, data).execute(c);
    const entry = await k.services.media.add(new k.objects.MediaEntry({ mediaType: k.enums.MediaType.IMAGE })).execute(c);
    const done = await k.services.media.addContent(entry.id, new k.objects.UploadedFileTokenResource({ token: token.id })).execute(c);
    expect(done.status).toBe(2);
  });

  it('runs a multirequest built by the client, with a reference to an earlier result', async () => {
    const c = client();
    c.setKs(await k.services.session.start(TEST_ADMIN_SECRET, 'mr', 2, TEST_PARTNER_ID).execute(c));
    const mr = k.services.uploadToken
      .add(new k.objects.UploadToken({ fileName: 'a.txt' }))
      .add(k.services.uploadToken.get('{1:result:id}'));
    const results = await mr.execute(c);
    expect(Array.isArray(results)).toBe(true);
    expect(results).toHaveLength(2);
    expect(results[1].id).toBe(results[0].id);
    expect(results[1].fileName).toBe('a.txt');
  });

  it('a KS made by the client library helper would be accepted: the server KS round-trips through session.get', async () => {
    const c = client();
    const ks = await k.services.session.start(TEST_ADMIN_SECRET, 'who', 0, TEST_PARTNER_ID, 3600, 'sview:*,edit:0_abc').execute(c);
    c.setKs(ks);
    const info = await k.services.session.get().execute(c);
    expect(info.objectType).toBe('KalturaSessionInfo');
    expect(info.partnerId).toBe(TEST_PARTNER_ID);
    expect(info.userId).toBe('who');
    expect(info.sessionType).toBe(0);
    expect(info.privileges).toBe('sview:*,edit:0_abc');
  });
});
