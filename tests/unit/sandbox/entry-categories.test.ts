/**
 * An entry's `categoriesIds` and `categories` are its category memberships (categoryEntry), as on
 * Kaltura: an entry added or updated with them joins those categories (and leaves the others), an
 * unknown category is CATEGORY_NOT_FOUND before anything is stored, and an entry never answers
 * categories it is not in. Media entries (the hand-written table) and generic ones (playlists).
 */
import { describe, expect, it } from 'vitest';
import { SESSION_USER } from '@/lib/sandbox/ks';
import { isError, ok, publishedSandbox } from './published-sandbox';

type Json = any;

const sb = publishedSandbox("entries' categoriesIds and categories as memberships, over the published description", 4333);
const { present, call } = sb;
const code = (v: Json): string => {
  expect(isError(v), JSON.stringify(v)).toBe(true);
  return v.code as string;
};

describe.skipIf(!present)("an entry's categories are its memberships", () => {
  const category = async (name: string, parentId?: number) =>
    ok(await call('category', 'add', { category: { objectType: 'KalturaCategory', name, ...(parentId ? { parentId } : {}) } }), name);
  const members = async (categoryId: number) =>
    ok(
      await call('categoryEntry', 'list', { filter: { objectType: 'KalturaCategoryEntryFilter', categoryIdEqual: categoryId } }),
      'members',
    ).objects.map((m: Json) => m.entryId);

  const kinds: Array<[string, (extra: Json, ks?: string) => Promise<Json>, (id: string, extra: Json) => Promise<Json>]> = [
    [
      'media entry',
      (extra, ks) => call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: 'm', mediaType: 1, ...extra } }, ks),
      (id, extra) => call('media', 'update', { entryId: id, mediaEntry: { objectType: 'KalturaMediaEntry', ...extra } }),
    ],
    [
      'playlist',
      (extra, ks) => call('playlist', 'add', { playlist: { objectType: 'KalturaPlaylist', name: 'p', playlistType: 3, ...extra } }, ks),
      (id, extra) => call('playlist', 'update', { id, playlist: { objectType: 'KalturaPlaylist', ...extra } }),
    ],
  ];

  for (const [kind, add, update] of kinds) {
    it(`${kind}: categoriesIds on add and update join and leave categories`, async () => {
      const a = await category(`${kind} a`);
      const b = await category(`${kind} b`);
      const sub = await category('sub', a.id);
      const e = ok(await add({ categoriesIds: `${a.id},${b.id}` }), 'add');
      expect(e.categoriesIds.split(',').map(Number).sort()).toEqual([a.id, b.id].sort());
      expect(await members(a.id)).toEqual([e.id]);
      expect(ok(await call('category', 'get', { id: b.id }), 'b').entriesCount).toBe(1);
      const listed = await call('baseEntry', 'list', {
        filter: { objectType: 'KalturaBaseEntryFilter', categoriesIdsMatchOr: String(b.id) },
      });
      expect(ok(listed, 'list by category').objects.map((x: Json) => x.id)).toEqual([e.id]);

      // by full names: leaves b, joins a>sub
      const moved = ok(await update(e.id, { categories: `${kind} a,${kind} a>sub` }), 'update by names');
      expect(moved.categories.split(',').sort()).toEqual([`${kind} a`, `${kind} a>sub`]);
      expect(await members(b.id)).toEqual([]);
      expect(await members(sub.id)).toEqual([e.id]);
      // an empty list leaves them all
      const none = ok(await update(e.id, { categoriesIds: '' }), 'update to none');
      expect([none.categoriesIds, none.categories]).toEqual([undefined, undefined]);
      expect(await members(a.id)).toEqual([]);
    });

    it(`${kind}: an unknown category is refused before anything is stored`, async () => {
      const before = ok(await call('baseEntry', 'count', { filter: { objectType: 'KalturaBaseEntryFilter' } }), 'count');
      const r = await add({ categoriesIds: '99999999' });
      expect([code(r), r.message]).toEqual(['CATEGORY_NOT_FOUND', 'Category id "99999999" not found']);
      expect(code(await add({ categories: 'No>Such' }))).toBe('CATEGORY_NOT_FOUND');
      expect(code(await add({ categoriesIds: 'abc' }))).toBe('CATEGORY_NOT_FOUND');
      expect(ok(await call('baseEntry', 'count', { filter: { objectType: 'KalturaBaseEntryFilter' } }), 'count')).toBe(before);
      // and an update with one changes nothing
      const c = await category(`${kind} c`);
      const e = ok(await add({ categoriesIds: String(c.id) }), 'add');
      expect(code(await update(e.id, { categoriesIds: `${c.id},99999999`, name: 'renamed' }))).toBe('CATEGORY_NOT_FOUND');
      expect(await members(c.id)).toEqual([e.id]);
    });
  }

  it("a USER session's entry joins a moderated category pending, and answers no category until then", async () => {
    const bob = sb.ks(SESSION_USER, 'bob');
    const mod = ok(await call('category', 'add', { category: { objectType: 'KalturaCategory', name: 'mod', moderation: 1 } }), 'mod');
    const e = ok(await kinds[0]![1]({ categoriesIds: String(mod.id) }, bob), 'bob add');
    expect(e.categoriesIds).toBeUndefined();
    const m = ok(
      await call('categoryEntry', 'list', { filter: { objectType: 'KalturaCategoryEntryFilter', entryIdEqual: e.id } }),
      'membership',
    );
    expect(m.objects.map((x: Json) => [x.categoryId, x.status])).toEqual([[mod.id, 1]]);
  });

  it('a USER session lists memberships of an entry or a category only (MUST_FILTER_ON_ENTRY_OR_CATEGORY), as Kaltura requires', async () => {
    const bob = sb.ks(SESSION_USER, 'bob');
    const list = (filter: Json | undefined, ks?: string) =>
      call('categoryEntry', 'list', filter ? { filter: { objectType: 'KalturaCategoryEntryFilter', ...filter } } : {}, ks);
    for (const filter of [undefined, {}, { createdAtGreaterThanOrEqual: 0 }]) {
      const r = await list(filter, bob);
      expect([code(r), r.message], JSON.stringify(filter)).toEqual([
        'MUST_FILTER_ON_ENTRY_OR_CATEGORY',
        'Must filter on entry id or category',
      ]);
    }
    expect(ok(await list({ entryIdEqual: '0_nosuch00' }, bob), 'by entry').totalCount).toBe(0);
    expect(ok(await list({ categoryIdIn: '1,2' }, bob), 'by categories').totalCount).toBe(0);
    // an ADMIN session may list them all
    expect(ok(await list(undefined), 'admin').totalCount).toBeGreaterThan(0);
  });

  it('an entry is in at most 32 categories (MAX_CATEGORIES_FOR_ENTRY_REACHED), by categoryEntry.add or by its categoriesIds', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 33; i++)
      ids.push(ok(await call('category', 'add', { category: { objectType: 'KalturaCategory', name: `limit ${i}` } }), `c${i}`).id);
    const e = ok(
      await call('media', 'add', {
        entry: { objectType: 'KalturaMediaEntry', name: 'many', mediaType: 1, categoriesIds: ids.slice(0, 32).join(',') },
      }),
      '32 categories',
    );
    const count = async () =>
      ok(await call('categoryEntry', 'list', { filter: { objectType: 'KalturaCategoryEntryFilter', entryIdEqual: e.id } }), 'list')
        .totalCount;
    expect(await count()).toBe(32);
    const more = await call('categoryEntry', 'add', {
      categoryEntry: { objectType: 'KalturaCategoryEntry', entryId: e.id, categoryId: ids[32] },
    });
    expect([code(more), more.message]).toEqual([
      'MAX_CATEGORIES_FOR_ENTRY_REACHED',
      'Entry can be linked with a maximum of "32" categories',
    ]);
    // 33 at once: refused before anything changes
    const all = await call('media', 'update', {
      entryId: e.id,
      mediaEntry: { objectType: 'KalturaMediaEntry', categoriesIds: ids.join(',') },
    });
    expect(code(all)).toBe('MAX_CATEGORIES_FOR_ENTRY_REACHED');
    expect(await count()).toBe(32);
    // leaving one makes room for another
    ok(await call('categoryEntry', 'delete', { entryId: e.id, categoryId: ids[0] }), 'leave one');
    ok(
      await call('categoryEntry', 'add', { categoryEntry: { objectType: 'KalturaCategoryEntry', entryId: e.id, categoryId: ids[32] } }),
      'then join',
    );
    expect(await count()).toBe(32);
  });
});
