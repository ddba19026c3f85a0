/**
 * Public mode (CONSOLE_PUBLIC=1, lib/sandbox/public.ts), on both storages: each browser (cookie
 * jar) gets a partner of its own from /api_v3/sandbox/session, never the shared one; one visitor
 * cannot reach another's entries, tokens or objects by id; quotas (objects, bytes, requests per
 * minute) answer Kaltura errors that say what to do; an idle partner expires (injected clock) with
 * its rows and bytes, and its KS then says so. The sandbox runs in-process behind node:http
 * (lib/sandbox/node-server.ts), the same HTTP edge as under `npm start`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSettings } from '@/lib/sandbox/config';
import { startSandboxServer, type SandboxServer } from '@/lib/sandbox/node-server';
import { NO_POSTGRES, findPostgres, sharedPostgres } from '../../helpers/postgres';

const SHARED_PID = 1000042;
const hasPg = !!findPostgres();
if (!hasPg) console.warn(`public-mode.test.ts: ${NO_POSTGRES}`);

type Json = any;

/** A browser: keeps the cookie the server sets. */
class Browser {
  cookie?: string;
  constructor(readonly base: string) {}
  async session(headers: Record<string, string> = {}): Promise<{ status: number; body: Json; setCookie: string | null }> {
    const r = await fetch(`${this.base}/api_v3/sandbox/session`, {
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), 'sec-fetch-site': 'same-origin', ...headers },
    });
    const setCookie = r.headers.get('set-cookie');
    if (setCookie && !headers.cookie) this.cookie = setCookie.split(';')[0]!;
    return { status: r.status, body: await r.json(), setCookie };
  }
}

async function call(base: string, service: string, action: string, params: Record<string, unknown>, file?: Uint8Array): Promise<Json> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) fd.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  if (file) fd.append('fileData', new Blob([file as Uint8Array<ArrayBuffer>]), 'chunk.bin');
  const r = await fetch(`${base}/api_v3/service/${service}/action/${action}?format=1`, { method: 'POST', body: fd });
  return r.json();
}

for (const storage of ['sqlite', 'postgres'] as const) {
  describe.skipIf(storage === 'postgres' && !hasPg)(`public mode on ${storage}`, () => {
    let server: SandboxServer;
    let dir: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'public-mode-'));
      const env: Record<string, string> = {
        SANDBOX_DATA_DIR: dir,
        SANDBOX_PARTNER_ID: String(SHARED_PID),
        SANDBOX_ADMIN_SECRET: 'shared-admin-secret-0123456789',
        SANDBOX_PROCESSING_MS: '0',
        CONSOLE_PUBLIC: '1',
        SANDBOX_PUBLIC_MAX_OBJECTS: '6',
        SANDBOX_PUBLIC_MAX_BYTES: '5000',
        SANDBOX_PUBLIC_MAX_RPM: '40',
        SANDBOX_PUBLIC_IDLE_HOURS: '24',
      };
      if (storage === 'postgres') {
        env.SANDBOX_STORAGE = 'postgres';
        env.SANDBOX_DATABASE_URL = await (await sharedPostgres()).createDatabase();
      }
      server = await startSandboxServer({ settings: readSettings(env as NodeJS.ProcessEnv), quiet: true });
    });
    afterAll(async () => {
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('two browsers get two partners of their own (never the shared one, never a secret); a browser keeps its partner', async () => {
      const a = new Browser(server.url);
      const b = new Browser(server.url);
      const sa = await a.session();
      const sb = await b.session();
      expect(sa.status).toBe(200);
      expect(sb.status).toBe(200);
      expect(sa.setCookie).toMatch(/^rc_visitor=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+/);
      expect(sa.body.partnerId).not.toBe(sb.body.partnerId);
      for (const s of [sa, sb]) {
        expect(s.body.partnerId).not.toBe(SHARED_PID);
        expect(JSON.stringify(s.body)).not.toMatch(/secret/i);
        expect(typeof s.body.ks).toBe('string');
      }
      const again = await a.session();
      expect(again.body.partnerId).toBe(sa.body.partnerId);
      expect(again.setCookie).toBeNull();
      // the KS works for its own partner
      expect((await call(server.url, 'session', 'get', { ks: sa.body.ks })).partnerId).toBe(sa.body.partnerId);
    });

    it("one visitor cannot read another's entries, tokens or objects by id", async () => {
      const a = new Browser(server.url);
      const b = new Browser(server.url);
      const ka = (await a.session()).body.ks;
      const kb = (await b.session()).body.ks;
      const entry = await call(server.url, 'media', 'add', {
        ks: ka,
        'entry[objectType]': 'KalturaMediaEntry',
        'entry[mediaType]': 1,
        'entry[name]': 'mine',
      });
      expect(entry.id).toMatch(/^0_/);
      const token = await call(server.url, 'uploadToken', 'add', { ks: ka });
      const cat = await call(server.url, 'category', 'add', {
        ks: ka,
        'category[objectType]': 'KalturaCategory',
        'category[name]': 'private',
      });
      expect(cat.id).toBeGreaterThan(0);
      expect((await call(server.url, 'media', 'get', { ks: ka, entryId: entry.id })).name).toBe('mine');
      expect((await call(server.url, 'media', 'get', { ks: kb, entryId: entry.id })).code).toBe('ENTRY_ID_NOT_FOUND');
      expect((await call(server.url, 'baseEntry', 'get', { ks: kb, entryId: entry.id })).code).toBe('ENTRY_ID_NOT_FOUND');
      expect((await call(server.url, 'media', 'list', { ks: kb, 'filter[idIn]': entry.id })).totalCount).toBe(0);
      expect((await call(server.url, 'uploadToken', 'get', { ks: kb, uploadTokenId: token.id })).code).toBe('UPLOAD_TOKEN_NOT_FOUND');
      expect((await call(server.url, 'category', 'get', { ks: kb, id: cat.id })).code).toMatch(/CATEGORY_NOT_FOUND|INVALID_OBJECT_ID/);
      expect((await call(server.url, 'media', 'delete', { ks: kb, entryId: entry.id })).code).toBe('ENTRY_ID_NOT_FOUND');
      expect((await call(server.url, 'media', 'get', { ks: ka, entryId: entry.id })).name).toBe('mine');
    });

    it("attackers: another origin with a stolen cookie, a rebinding Host, a made-up cookie get nobody else's partner", async () => {
      const a = new Browser(server.url);
      const pa = (await a.session()).body.partnerId;
      for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { origin: 'null' }] as Array<
        Record<string, string>
      >) {
        const r = await a.session(headers);
        expect(r.status, JSON.stringify(headers)).toBe(403);
        expect(r.body.code).toBe('SERVICE_FORBIDDEN');
        expect(JSON.stringify(r.body)).not.toContain('"ks"');
      }
      const forged = new Browser(server.url);
      forged.cookie = `rc_visitor=${'A'.repeat(43)}`;
      const f = await forged.session();
      expect(f.status).toBe(200);
      expect(f.body.partnerId).not.toBe(pa);
      expect(f.setCookie).toMatch(/^rc_visitor=/); // a new visitor id replaces the made-up one
    });

    it('quotas: objects, bytes and requests per minute answer Kaltura errors that say what to do', async () => {
      const a = new Browser(server.url);
      const ks = (await a.session()).body.ks;
      // bytes: 5000 at most
      const t = await call(server.url, 'uploadToken', 'add', { ks });
      const big = await call(
        server.url,
        'uploadToken',
        'upload',
        { ks, uploadTokenId: t.id, resume: false, finalChunk: true, resumeAt: 0 },
        new Uint8Array(6000),
      );
      expect(big.objectType).toBe('KalturaAPIException');
      expect(big.code).toBe('SANDBOX_QUOTA_EXCEEDED');
      expect(big.message).toMatch(/quota of stored bytes \(5000\).*Delete entries, uploads/);
      expect(
        (
          await call(server.url, 'uploadToken', 'add', {
            ks,
            'uploadToken[objectType]': 'KalturaUploadToken',
            'uploadToken[fileSize]': 9000,
          })
        ).code,
      ).toBe('SANDBOX_QUOTA_EXCEEDED');
      const ok = await call(
        server.url,
        'uploadToken',
        'upload',
        { ks, uploadTokenId: t.id, resume: false, finalChunk: true, resumeAt: 0 },
        new Uint8Array(3000).fill(7),
      );
      expect(ok.uploadedFileSize).toBe(3000);
      // objects: 6 at most (the token above is one)
      const made: Json[] = [];
      for (let i = 0; i < 6; i++)
        made.push(
          await call(server.url, 'media', 'add', {
            ks,
            'entry[objectType]': 'KalturaMediaEntry',
            'entry[mediaType]': 1,
            'entry[name]': `e${i}`,
          }),
        );
      expect(made.slice(0, 5).every((e) => typeof e.id === 'string')).toBe(true);
      expect(made[5].code).toBe('SANDBOX_QUOTA_EXCEEDED');
      expect(made[5].message).toMatch(/quota of objects \(6\)/);
      expect(
        (await call(server.url, 'category', 'add', { ks, 'category[objectType]': 'KalturaCategory', 'category[name]': 'x' })).code,
      ).toBe('SANDBOX_QUOTA_EXCEEDED');
      // deleting frees room
      expect(await call(server.url, 'media', 'delete', { ks, entryId: made[0].id })).toBeNull();
      expect(
        typeof (
          await call(server.url, 'media', 'add', {
            ks,
            'entry[objectType]': 'KalturaMediaEntry',
            'entry[mediaType]': 1,
            'entry[name]': 'again',
          })
        ).id,
      ).toBe('string');
      // requests: 40 a minute, counted per clock minute. A minute may turn during the loop and split
      // its calls in two (a CI run failed so, each half under 40): up to 100 calls cross 40 in
      // one minute whatever the split, as the loop takes well under a minute.
      let limited: Json;
      for (let i = 0; i < 100 && !limited; i++) {
        const r = await call(server.url, 'media', 'list', { ks });
        if (r.code) limited = r;
      }
      expect(limited?.code).toBe('SANDBOX_RATE_LIMITED');
      expect(limited.message).toMatch(/more than 40 requests in a minute\. Wait \d+ s/);
      expect(Number(limited.args.RETRY_AFTER_SECONDS)).toBeGreaterThan(0);
      // another visitor is not limited by this one
      const other = (await new Browser(server.url).session()).body.ks;
      expect((await call(server.url, 'media', 'list', { ks: other })).objectType).toBe('KalturaMediaListResponse');
    });

    it("the account's default access-control profile is neither counted in a visitor's quota nor stopped by it", async () => {
      const ks = (await new Browser(server.url).session()).body.ks;
      // the quota of objects filled with upload tokens, before the default profile was ever needed
      for (let i = 0; i < 6; i++) expect((await call(server.url, 'uploadToken', 'add', { ks })).objectType).toBe('KalturaUploadToken');
      expect((await call(server.url, 'uploadToken', 'add', { ks })).code).toBe('SANDBOX_QUOTA_EXCEEDED');
      const profiles = await call(server.url, 'accessControlProfile', 'list', { ks });
      expect(profiles.objects.map((p: Json) => [p.name, p.isDefault])).toEqual([['Default', 1]]);
      // still full: the profile took no room, and made none
      expect((await call(server.url, 'uploadToken', 'add', { ks })).code).toBe('SANDBOX_QUOTA_EXCEEDED');
    });

    it('expiry: a partner idle for 24 h is removed with its rows and bytes; its KS says so; the browser then gets a new partner', async () => {
      const visitors = server.core.visitors!;
      const a = new Browser(server.url);
      const b = new Browser(server.url);
      const sa = (await a.session()).body;
      const kb = (await b.session()).body.ks;
      const t = await call(server.url, 'uploadToken', 'add', { ks: sa.ks });
      expect(
        (
          await call(
            server.url,
            'uploadToken',
            'upload',
            { ks: sa.ks, uploadTokenId: t.id, resume: false, finalChunk: true, resumeAt: 0 },
            new Uint8Array(1000).fill(1),
          )
        ).status,
      ).toBe(2);
      const e = await call(server.url, 'media', 'add', {
        ks: sa.ks,
        'entry[objectType]': 'KalturaMediaEntry',
        'entry[mediaType]': 2,
        'entry[name]': 'pic',
      });
      expect(
        (
          await call(server.url, 'media', 'addContent', {
            ks: sa.ks,
            entryId: e.id,
            'resource[objectType]': 'KalturaUploadedFileTokenResource',
            'resource[token]': t.id,
          })
        ).status,
      ).toBe(2);
      const bytesOf = async () =>
        (await fetch(`${server.url}/api_v3/sandbox/content/${e.id}`)).status === 200 &&
        (await server.core.store.blobs.size(`content/${e.id}`)) === 1000;
      expect(await bytesOf()).toBe(true);

      const start = Date.now();
      try {
        // 23 h later: nothing expires; b is used then
        visitors.clock = () => start + 23 * 3600_000;
        expect(await visitors.sweep()).toBe(0);
        expect((await call(server.url, 'media', 'list', { ks: kb })).objectType).toBe('KalturaMediaListResponse');
        // 24 h and a bit after a's last call: a expires, b (used an hour later) does not
        visitors.clock = () => start + 24 * 3600_000 + 120_000;
        expect(await visitors.sweep()).toBeGreaterThanOrEqual(1);
        expect(await server.core.store.getPartner(sa.partnerId)).toBeUndefined();
        expect(await server.core.store.getEntry(e.id)).toBeUndefined();
        expect(await server.core.store.blobs.size(`content/${e.id}`)).toBeUndefined();
        if (storage === 'sqlite') expect(existsSync(join(dir, 'content')) && readdirSync(join(dir, 'content')).includes(e.id)).toBe(false);
        const gone = await call(server.url, 'media', 'list', { ks: sa.ks });
        expect(gone.code).toBe('SANDBOX_PARTNER_EXPIRED');
        expect(gone.message).toMatch(/not used for 24 hours.*Reload the console page/);
        expect((await call(server.url, 'media', 'list', { ks: kb })).objectType).toBe('KalturaMediaListResponse');
        // the same browser gets a new partner
        const again = await a.session();
        expect(again.status).toBe(200);
        expect(again.body.partnerId).not.toBe(sa.partnerId);
        expect((await call(server.url, 'media', 'list', { ks: again.body.ks })).totalCount).toBe(0);
      } finally {
        visitors.clock = () => Date.now();
      }
    });
  });
}
