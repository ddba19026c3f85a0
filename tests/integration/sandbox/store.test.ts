/**
 * The sandbox's storage on its own (no server): every read of SandboxStore answers the rows that
 * were written, typed by the statement (store-sqlite.ts, store-postgres.ts). Runs on SQLite in the
 * integration project and on PostgreSQL in sandbox-postgres (SANDBOX_TEST_STORAGE=postgres).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobName, type EntryRow, type ObjectRow, type PartnerRow, type SandboxStore, type TokenRow } from '@/lib/sandbox/store';
import { SqliteStore, readPartner } from '@/lib/sandbox/store-sqlite';

const onPostgres = process.env.SANDBOX_TEST_STORAGE === 'postgres';

const P: PartnerRow = { id: 2001, admin_secret: 'admin-secret', secret: 'user-secret', name: 'Partner', created_at: 1_700_000_000 };
const V: PartnerRow = { id: 2002, admin_secret: 'v-admin', secret: 'v-user', name: 'Visitor', created_at: 1_700_000_100 };

function token(id: string, status: number, extra: Partial<TokenRow> = {}): TokenRow {
  return {
    id,
    partner_id: P.id,
    user_id: 'u1',
    anon_owner: 0,
    status,
    file_name: null,
    file_size: null,
    uploaded_file_size: 0,
    auto_finalize: null,
    attached_object_type: null,
    attached_object_id: null,
    pending: '[]',
    created_at: 1_700_000_010,
    updated_at: 1_700_000_010,
    ...extra,
  };
}

function entry(id: string, status: number, extra: Partial<EntryRow> = {}): EntryRow {
  return {
    id,
    partner_id: P.id,
    user_id: 'u1',
    anon_owner: 0,
    creator_id: 'u1',
    name: id,
    status,
    media_type: 1,
    created_at: 1_700_000_020,
    updated_at: 1_700_000_020,
    version: 0,
    reference_id: null,
    tags: null,
    props: '{}',
    upload_token_id: null,
    content_size: null,
    file_name: null,
    ready_at: null,
    ...extra,
  };
}

function object(id: string, data: object, extra: Partial<ObjectRow> = {}): ObjectRow {
  return {
    kind: 'KalturaThing',
    id,
    partner_id: P.id,
    object_type: 'KalturaThing',
    user_id: '',
    anon_owner: 0,
    created_at: 1_700_000_030,
    updated_at: 1_700_000_030,
    data: JSON.stringify(data),
    content_size: null,
    file_name: null,
    ...extra,
  };
}

const ids = (rows: Array<{ id: string | number }>) => rows.map((r) => r.id).sort();

describe(`the sandbox store on ${onPostgres ? 'PostgreSQL' : 'SQLite'}: rows read back as written`, () => {
  let store: SandboxStore;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'recipe-console-store-'));
    if (onPostgres) {
      const { sharedPostgres } = await import('../../helpers/postgres');
      const { PgStore } = await import('@/lib/sandbox/store-postgres');
      store = await PgStore.open(await (await sharedPostgres()).createDatabase(), dataDir);
    } else store = new SqliteStore(dataDir);
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('chunks written at once into a hole, sharing pages at their edges, all land (20 rounds)', async () => {
    // Parallel chunks of one upload: the last one first (a hole before it), then the others at
    // once. 40,000 is not a multiple of PostgreSQL's 2 KiB large-object page, so neighbours share
    // a page that neither has created yet.
    const CHUNK = 40_000;
    for (let round = 0; round < 20; round++) {
      const data = randomBytes(4 * CHUNK);
      const name = blobName.upload(`0_hole${round}`);
      await store.blobs.create(name);
      const put = (i: number) =>
        store.blobs.write(name, Readable.from([data.subarray(i * CHUNK, (i + 1) * CHUNK)]), i * CHUNK, data.length);
      await put(3);
      await Promise.all([put(0), put(1), put(2)]);
      const back: Buffer[] = [];
      for await (const c of store.blobs.read(name, 0, data.length - 1)) back.push(c as Buffer);
      expect(Buffer.concat(back).equals(data), `round ${round}`).toBe(true);
    }
  });

  it('partners and ended sessions', async () => {
    expect(store.kind).toBe(onPostgres ? 'postgres' : 'sqlite');
    await store.ping();
    await store.putPartner(P);
    expect(await store.getPartner(P.id)).toEqual({ ...P, visitor: 0, last_used_at: null });
    expect(await store.sandboxPartner()).toEqual({ ...P, visitor: 0, last_used_at: null });
    expect(await store.getPartner(9999)).toBeUndefined();
    if (!onPostgres) expect(await readPartner(dataDir)).toEqual({ ...P, visitor: 0, last_used_at: null });
    if (!onPostgres) expect(await readPartner(dataDir, 9999)).toBeUndefined();

    await store.endSession('fingerprint-1', Math.floor(Date.now() / 1000) + 3600);
    expect(await store.isSessionEnded('fingerprint-1')).toBe(true);
    expect(await store.isSessionEnded('fingerprint-2')).toBe(false);
  });

  it('upload tokens: one, a page with its total, by status', async () => {
    const t1 = token('tok-1', 0, { uploaded_file_size: 3 });
    const t2 = token('tok-2', 2, {
      uploaded_file_size: 4,
      attached_object_type: 'media',
      attached_object_id: 'ent-1',
      created_at: 1_700_000_011,
    });
    await store.insertToken(t1);
    await store.insertToken(t2);
    expect(await store.getToken('tok-1')).toMatchObject({ ...t1, generation: 0 });
    expect(await store.getToken('missing')).toBeUndefined();

    const all = await store.queryTokens(P.id, [], undefined, true, 10, 0);
    expect(all.rows.map((r) => r.id)).toEqual(['tok-1', 'tok-2']);
    expect(all.total).toBe(2);
    const page = await store.queryTokens(P.id, [], undefined, false, 1, 1);
    expect(page.rows.map((r) => r.id)).toEqual(['tok-1']);
    expect(page.total).toBe(2);
    const none = await store.queryTokens(P.id, [{ field: 'status', op: 'eq', value: 7 }], undefined, true, 10, 0);
    expect(none).toEqual({ rows: [], total: 0 });

    expect(ids(await store.tokensWithStatus([0, 2]))).toEqual(['tok-1', 'tok-2']);
    expect(ids(await store.tokensWithStatus([2], 'media'))).toEqual(['tok-2']);
    expect(await store.tokensWithStatus([0], 'media')).toEqual([]);
  });

  it('entries: one, a page, by status and content, waiting for a token', async () => {
    const e1 = entry('ent-1', 0, { upload_token_id: 'tok-1' });
    const e2 = entry('ent-2', 2, { content_size: 10, file_name: 'a.mp4', created_at: 1_700_000_021 });
    await store.insertEntry(e1);
    await store.insertEntry(e2);
    expect(await store.getEntry('ent-2')).toMatchObject(e2);
    expect(await store.getEntry('missing')).toBeUndefined();

    const page = await store.queryEntries(P.id, [], undefined, { field: 'createdAt', desc: true }, 10, 0);
    expect(page.rows.map((r) => r.id)).toEqual(['ent-2', 'ent-1']);
    expect(page.total).toBe(2);

    expect(ids(await store.entriesWithStatus([0, 2]))).toEqual(['ent-1', 'ent-2']);
    expect(ids(await store.entriesWithStatus([0, 2], true))).toEqual(['ent-2']);
    expect(ids(await store.entriesWaitingFor('tok-1'))).toEqual(['ent-1']);
  });

  it('objects: ids, one, a page with its total, a count, those with content', async () => {
    expect(await store.nextNumericId('KalturaThing')).toBe(10001);
    expect(await store.nextNumericId('KalturaThing')).toBe(10002);
    await store.insertObject(object('o1', { a: 1 }, { content_size: 5, file_name: 'o1.srt' }));
    await store.insertObject(object('o2', { a: 2 }));
    const o1 = await store.getObject('KalturaThing', 'o1');
    expect(o1).toMatchObject({ kind: 'KalturaThing', id: 'o1', partner_id: P.id, content_size: 5, file_name: 'o1.srt', deleted: 0 });
    expect(JSON.parse(o1?.data ?? 'null')).toEqual({ a: 1 });
    expect(await store.getObject('KalturaThing', 'missing')).toBeUndefined();

    const q = { kind: 'KalturaThing', partnerId: P.id, where: [], order: [], limit: 10, offset: 0 };
    const page = await store.pageObjects(q);
    expect(page.rows.map((r) => r.id)).toEqual(['o1', 'o2']);
    expect(page.total).toBe(2);
    expect((await store.queryObjects({ ...q, order: [{ field: 'createdAt', desc: true }], limit: 1 })).map((r) => r.id)).toEqual(['o2']);
    expect(await store.countObjects({ ...q, where: [{ field: 'a', op: 'eq', value: 2 }] })).toBe(1);
    expect(await store.countObjects({ ...q, partnerId: 9999 })).toBe(0);
    expect((await store.objectsWithContent()).map((r) => r.id)).toEqual(['o1']);
  });

  it("an id list the sandbox builds (a category's entries) is matched whole, past the 500 items of a caller's list", async () => {
    const pid = 2003; // rows of their own partner: the other tests count theirs
    const many = Array.from({ length: 1200 }, (_, i) => `many-${String(i).padStart(4, '0')}`);
    for (const id of many) await store.insertEntry(entry(id, 2, { partner_id: pid }));
    const newest = { field: 'createdAt', desc: true };
    const where = [{ field: 'id', op: 'in' as const, value: many }];
    expect((await store.queryEntries(pid, where, undefined, newest, 0, 0)).total).toBe(1200);
    const notIn = [{ field: 'id', op: 'notIn' as const, value: many }];
    expect((await store.queryEntries(pid, notIn, undefined, newest, 0, 0)).total).toBe(0);
    for (const id of many) await store.insertObject(object(id, { id, n: 1 }, { partner_id: pid }));
    expect(await store.countObjects({ kind: 'KalturaThing', partnerId: pid, where })).toBe(1200);
    // a caller's comma-separated list stays at 500 items
    const text = [{ field: 'id', op: 'in' as const, value: many.join(',') }];
    expect((await store.queryEntries(pid, text, undefined, newest, 0, 0)).total).toBe(500);
  });

  it('public mode: visitor partners, request counts, usage, idle partners, removal', async () => {
    expect(await store.visitorPartner('hash-1')).toBeUndefined();
    const made = await store.createVisitorPartner('hash-1', V);
    expect(made).toEqual({ ...V, visitor: 1, last_used_at: V.created_at });
    expect(await store.visitorPartner('hash-1')).toEqual(made);
    expect(await store.createVisitorPartner('hash-1', { ...V, id: 2003 })).toEqual(made);
    expect(await store.visitorPartnerCount()).toBe(1);

    const minute = Math.floor(Date.now() / 60_000);
    expect(await store.countRequest(V.id, minute)).toBe(1);
    expect(await store.countRequest(V.id, minute)).toBe(2);

    // entries 10 (ent-1 has none), objects 5, tokens 3 + 4; 2 entries, 2 objects, 2 tokens
    expect(await store.usage(P.id)).toEqual({ bytes: 22, objects: 6 });
    expect(await store.usage(V.id)).toEqual({ bytes: 0, objects: 0 });
    expect(await store.idlePartners(minute * 60 + 120)).toEqual([V.id]);
    expect(await store.idlePartners(0)).toEqual([]);

    expect(await store.removePartner(V.id, 1_700_001_000)).toEqual({ entries: [], tokens: [], objects: [] });
    expect(await store.isExpiredPartner(V.id)).toBe(true);
    expect(await store.isExpiredPartner(P.id)).toBe(false);
    expect(await store.visitorPartnerCount()).toBe(0);

    const removed = await store.removePartner(P.id, 1_700_001_000);
    expect([...removed.entries].sort()).toEqual(['ent-1', 'ent-2']);
    expect([...removed.tokens].sort()).toEqual(['tok-1', 'tok-2']);
    expect(removed.objects).toEqual([{ kind: 'KalturaThing', id: 'o1' }]);
    expect(await store.getPartner(P.id)).toBeUndefined();
  });
});
