/**
 * media.list / baseEntry.list filters on the built-in description, in process: every field of the
 * entry filters either narrows the list as Kaltura does, or is refused with
 * SANDBOX_FILTER_NOT_SIMULATED naming it (before, a field the sandbox did not apply was left out,
 * and the list answered entries that do not match).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '@/lib/sandbox/config';
import { SandboxCore } from '@/lib/sandbox/core';
import { toApiError } from '@/lib/sandbox/errors';
import { buildKs, SESSION_ADMIN, SESSION_USER } from '@/lib/sandbox/ks';
import type { ParamTree } from '@/lib/sandbox/params';

type Json = any;
const PARTNER = 4411;
const SECRET = 'entry-filters-secret';
let core: SandboxCore;
let dir: string;
const ks = (type: number, userId: string) =>
  buildKs(SECRET, { partnerId: PARTNER, type, userId, expiry: Math.floor(Date.now() / 1000) + 3600, privileges: new Map() });
const admin = ks(SESSION_ADMIN, 'admin');

async function call(service: string, action: string, params: Json = {}, session = admin): Promise<Json> {
  try {
    return await core.call({ service, action, params: { ...params, ks: session } as ParamTree, baseUrl: 'http://sandbox.test' });
  } catch (e) {
    return toApiError(e).toObject();
  }
}
const ok = (v: Json, what: string): Json => {
  if (v?.objectType === 'KalturaAPIException') throw new Error(`${what}: ${v.code} ${v.message}`);
  return v;
};
const names = async (filter: Json, service = 'media'): Promise<string[]> =>
  ok(
    await call(service, 'list', {
      filter: { objectType: service === 'media' ? 'KalturaMediaEntryFilter' : 'KalturaBaseEntryFilter', orderBy: '+name', ...filter },
    }),
    JSON.stringify(filter),
  ).objects.map((e: Json) => e.name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entry-filters-'));
  const log = console.log;
  console.log = () => undefined;
  try {
    core = await SandboxCore.create(
      readSettings({ NODE_ENV: 'test', SANDBOX_DATA_DIR: dir, SANDBOX_ADMIN_SECRET: SECRET, SANDBOX_PARTNER_ID: String(PARTNER) }),
    );
  } finally {
    console.log = log;
  }
  const add = (name: string, tags: string, session = admin) =>
    call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name, tags, mediaType: 1 } }, session);
  ok(await add('a alpha tour', 'red, green'), 'a');
  ok(await add('b beta tour', 'green, blue'), 'b');
  ok(await add('c gamma intro', 'blue', ks(SESSION_USER, 'carol')), 'c');
  const one = ok(await call('category', 'add', { category: { objectType: 'KalturaCategory', name: 'One' } }), 'One');
  const two = ok(await call('category', 'add', { category: { objectType: 'KalturaCategory', name: 'Two' } }), 'Two');
  const all = ok(await call('media', 'list', { filter: { objectType: 'KalturaMediaEntryFilter', orderBy: '+name' } }), 'all');
  const [a, b] = all.objects;
  for (const [e, c] of [
    [a, one],
    [a, two],
    [b, one],
  ])
    ok(
      await call('categoryEntry', 'add', { categoryEntry: { objectType: 'KalturaCategoryEntry', entryId: e.id, categoryId: c.id } }),
      'member',
    );
});
afterAll(async () => {
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('entry list filters', () => {
  it('narrow by several words of names and tags, and by users left out', async () => {
    expect(await names({ nameMultiLikeOr: 'alpha,gamma' })).toEqual(['a alpha tour', 'c gamma intro']);
    expect(await names({ nameMultiLikeAnd: 'beta,tour' })).toEqual(['b beta tour']);
    expect(await names({ tagsMultiLikeOr: 'red,blue' })).toEqual(['a alpha tour', 'b beta tour', 'c gamma intro']);
    expect(await names({ tagsMultiLikeAnd: 'green,blue' })).toEqual(['b beta tour']);
    expect(await names({ userIdNotIn: 'carol' })).toEqual(['a alpha tour', 'b beta tour']);
  });

  it('answer what every entry of the media table is: of this partner, MEDIA_CLIP, without flavors', async () => {
    expect(await names({ partnerIdEqual: PARTNER })).toHaveLength(3);
    expect(await names({ partnerIdEqual: PARTNER + 1 })).toEqual([]);
    expect(await names({ partnerIdIn: `${PARTNER + 1},${PARTNER + 2}` })).toEqual([]);
    expect(await names({ typeEqual: '1' })).toHaveLength(3);
    expect(await names({ typeEqual: '5' })).toEqual([]);
    expect(await names({ typeIn: '5,1' }, 'baseEntry')).toHaveLength(3);
    expect(await names({ flavorParamsIdsMatchOr: '0' })).toEqual([]);
  });

  it('categoriesMatchAnd: the entries in every category named', async () => {
    expect(await names({ categoriesMatchAnd: 'One,Two' })).toEqual(['a alpha tour']);
    expect(await names({ categoriesMatchOr: 'One,Two' })).toEqual(['a alpha tour', 'b beta tour']);
  });

  it('refuse a field they cannot apply, naming it, instead of answering entries that do not match', async () => {
    for (const [field, value, service] of [
      ['descriptionLike', 'x', 'media'],
      ['adminTagsLike', 'x', 'media'],
      ['durationLessThan', 10, 'media'],
      ['freeText', 'alpha', 'baseEntry'],
    ] as const) {
      const r = await call(service, 'list', {
        filter: { objectType: service === 'media' ? 'KalturaMediaEntryFilter' : 'KalturaBaseEntryFilter', [field]: value },
      });
      expect(r.code, field).toBe('SANDBOX_FILTER_NOT_SIMULATED');
      expect(r.message, field).toContain(`"${field}"`);
      expect(r.message, field).toMatch(/Leave the field out/);
    }
    // empty values are no filter
    expect(await names({ descriptionLike: '' })).toHaveLength(3);
    expect(await names({ tagsMultiLikeOr: 'red' })).toEqual(['a alpha tour']);
  });
});
