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
import { propertyRun } from '@/lib/sandbox/generic/engine';
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
const isErrorCode = (v: Json) => v?.objectType === 'KalturaAPIException';
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

describe('generic list filters', () => {
  it('read a property a filter spells in another case (playListTypeEqual), memberships and isRoot on every entry service', async () => {
    const made: Json[] = [];
    for (const [name, playlistType] of [
      ['static list', 3],
      ['dynamic list', 10],
    ] as const)
      made.push(
        ok(await call('playlist', 'add', { playlist: { objectType: 'KalturaPlaylist', name, playlistType, playlistContent: '' } }), name),
      );
    const playlists = async (filter: Json) =>
      ok(
        await call('playlist', 'list', { filter: { objectType: 'KalturaPlaylistFilter', orderBy: '+name', ...filter } }),
        'playlist.list',
      ).objects.map((p: Json) => p.name);
    expect(await playlists({ playListTypeEqual: 3 })).toEqual(['static list']);
    expect(await playlists({ playListTypeIn: '10' })).toEqual(['dynamic list']);
    const cat = ok(await call('category', 'add', { category: { objectType: 'KalturaCategory', name: 'Lists' } }), 'category');
    ok(
      await call('categoryEntry', 'add', {
        categoryEntry: { objectType: 'KalturaCategoryEntry', entryId: made[1].id, categoryId: cat.id },
      }),
      'member',
    );
    expect(await playlists({ categoriesIdsMatchOr: String(cat.id) })).toEqual(['dynamic list']);
    expect(await playlists({ categoriesMatchOr: 'Lists' })).toEqual(['dynamic list']);
    expect(await playlists({ isRoot: 1 })).toEqual(['dynamic list', 'static list']);
    expect(await playlists({ isRoot: 0 })).toEqual([]);
    expect(await playlists({ isRoot: -1 })).toEqual(['dynamic list', 'static list']); // NULL_VALUE: no filter
    expect(await names({ isRoot: -1 })).toHaveLength(3);
    expect(await names({ isRoot: 0 })).toEqual([]);
    for (const p of made) ok(await call('playlist', 'delete', { id: p.id }), 'delete');
  });

  it("answer the session's own objects for `...EqualCurrent`, and refuse a field they cannot apply", async () => {
    const carol = ks(SESSION_USER, 'carol');
    const entry = ok(
      await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: 'cued', mediaType: 1 } }, carol),
      'entry',
    );
    for (const [session, code] of [
      [admin, 'mine'],
      [carol, 'carols'],
    ] as const)
      ok(
        await call('cuePoint', 'add', { cuePoint: { objectType: 'KalturaCodeCuePoint', entryId: entry.id, startTime: 0, code } }, session),
        code,
      );
    const codes = async (filter: Json, session = admin) =>
      ok(
        await call('cuePoint', 'list', { filter: { objectType: 'KalturaCuePointFilter', entryIdEqual: entry.id, ...filter } }, session),
        'list',
      )
        .objects.map((c: Json) => c.code)
        .sort();
    expect(await codes({})).toEqual(['carols', 'mine']);
    expect(await codes({ userIdEqualCurrent: 1 })).toEqual(['mine']);
    expect(await codes({ userIdEqualCurrent: 0 })).toEqual(['carols', 'mine']);
    const refused = await call('user', 'list', { filter: { objectType: 'KalturaUserFilter', roleIdEqual: '3' } });
    expect([refused.code, refused.message]).toEqual([
      'SANDBOX_FILTER_NOT_SIMULATED',
      expect.stringContaining('"roleIdEqual" (KalturaUserFilter)'),
    ]);
    // a category's freeText is its hook's
    expect(
      ok(await call('category', 'list', { filter: { objectType: 'KalturaCategoryFilter', freeText: 'One' } }), 'freeText').totalCount,
    ).toBe(1);
  });

  it('name the user an object belongs to (userId), and give an entry an ADMIN made for a user to that user', async () => {
    const dave = ks(SESSION_USER, 'dave');
    const own = ok(
      await call(
        'playlist',
        'add',
        { playlist: { objectType: 'KalturaPlaylist', name: 'daves own', playlistType: 3, playlistContent: '' } },
        dave,
      ),
      'own',
    );
    expect(own.userId).toBe('dave');
    const forDave = ok(
      await call('playlist', 'add', {
        playlist: { objectType: 'KalturaPlaylist', name: 'for dave', playlistType: 3, playlistContent: '', userId: 'dave' },
      }),
      'for dave',
    );
    expect(forDave.userId).toBe('dave');
    const seen = ok(
      await call('playlist', 'list', { filter: { objectType: 'KalturaPlaylistFilter', orderBy: '+name' } }, dave),
      'dave list',
    );
    expect(seen.objects.map((p: Json) => p.name)).toEqual(['daves own', 'for dave']);
    ok(
      await call('playlist', 'update', { id: forDave.id, playlist: { objectType: 'KalturaPlaylist', name: 'for dave, renamed' } }, dave),
      'dave edits',
    );
    // a USER session's entry is its own, whatever userId it names
    const notErins = ok(
      await call(
        'playlist',
        'add',
        { playlist: { objectType: 'KalturaPlaylist', name: 'for erin', playlistType: 3, playlistContent: '', userId: 'erin' } },
        dave,
      ),
      'for erin',
    );
    expect(notErins.userId).toBe('dave');
    expect(isErrorCode(await call('playlist', 'get', { id: notErins.id }, ks(SESSION_USER, 'erin'))), 'erin does not get it').toBe(true);
    ok(await call('playlist', 'delete', { id: notErins.id }, dave), 'dave deletes it');
    // an ADMIN gives dave's own playlist to erin; dave's own attempt to give it away changes nothing
    const erin = ks(SESSION_USER, 'erin');
    ok(await call('playlist', 'update', { id: own.id, playlist: { objectType: 'KalturaPlaylist', userId: 'frank' } }, dave), 'dave gives');
    expect(ok(await call('playlist', 'get', { id: own.id }, dave), 'still daves').userId).toBe('dave');
    const given = ok(
      await call('playlist', 'update', { id: own.id, playlist: { objectType: 'KalturaPlaylist', userId: 'erin' } }),
      'admin gives',
    );
    expect(given.userId).toBe('erin');
    expect(ok(await call('playlist', 'get', { id: own.id }, erin), 'erin gets it').name).toBe('daves own');
    expect(isErrorCode(await call('playlist', 'get', { id: own.id }, dave)), 'dave no longer does').toBe(true);
    for (const p of [own, forDave]) ok(await call('playlist', 'delete', { id: p.id }), 'delete');
  });

  it('sort by what they can, and refuse an order they cannot give', async () => {
    expect(await names({ nameMultiLikeOr: 'alpha,beta,gamma', orderBy: '-name' })).toEqual([
      'c gamma intro',
      'b beta tour',
      'a alpha tour',
    ]);
    // nobody plays sandbox entries: every entry has 0 plays, so newest first is a +plays order
    const byPlays = ok(await call('media', 'list', { filter: { objectType: 'KalturaMediaEntryFilter', orderBy: '+plays' } }), '+plays');
    expect(byPlays.totalCount).toBeGreaterThanOrEqual(3);
    for (const [service, cls, orderBy] of [
      ['media', 'KalturaMediaEntryFilter', '+duration'],
      ['media', 'KalturaMediaEntryFilter', '-rank'],
      ['playlist', 'KalturaPlaylistFilter', '+weight'],
    ] as const) {
      const r = await call(service, 'list', { filter: { objectType: cls, orderBy } });
      expect([r.code, r.message], `${service} ${orderBy}`).toEqual([
        'SANDBOX_FILTER_NOT_SIMULATED',
        expect.stringContaining(`orderBy ${orderBy}`),
      ]);
    }
  });

  it('splits a stem that runs property names together (tagsAdminTagsName: tags, adminTags, name)', () => {
    const props = new Set(['tags', 'adminTags', 'name', 'partnerName', 'description']);
    expect(propertyRun('tagsAdminTagsName', props)).toEqual(['tags', 'adminTags', 'name']);
    expect(propertyRun('partnerNameDescription', props)).toEqual(['partnerName', 'description']);
    expect(propertyRun('tags', props)).toEqual([]); // one property is no run
    expect(propertyRun('tagsNope', props)).toEqual([]);
  });
});
