/**
 * The one entry space under random calls over Kaltura's published description: media entries,
 * playlists and live streams made, read, listed with random filter fields and pagers, updated,
 * deleted, added to categories, searched, in a random order with real and made-up ids. Every
 * answer is a result or a KalturaAPIException the sandbox means (never INTERNAL_SERVERL_ERROR,
 * the answer to an exception it did not expect). Seeded (ENTRY_FUZZ_SEED) so a failure replays.
 */
import { describe, expect, it } from 'vitest';
import { publishedSandbox } from './published-sandbox';

const s = publishedSandbox('random calls over the one entry space', 4321);
const SEED = Number(process.env.ENTRY_FUZZ_SEED || 12345);
const d = s.present ? describe : describe.skip;

d('the one entry space, fuzzed', () => {
  it(`1,500 random entry calls never end in an unexpected exception (seed ${SEED})`, async () => {
    let seed = SEED;
    const r = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) / 4294967296;
    };
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    const ids: string[] = ['0_nosuch00', '', 'x'.repeat(150)];
    const vals = () =>
      pick<any>(['', 'a', 1, -1, 0, '5', '1,5', 'x'.repeat(300), null, 3.5, true, '0_', ids[Math.floor(r() * ids.length)]]);
    const fields = [
      'idEqual',
      'idIn',
      'nameLike',
      'tagsMultiLikeOr',
      'typeEqual',
      'typeIn',
      'isRoot',
      'statusIn',
      'categoriesIdsMatchOr',
      'categoriesMatchAnd',
      'freeText',
      'descriptionLike',
      'userIdEqualCurrent',
      'partnerIdEqual',
      'playListTypeEqual',
      'orderBy',
      'advancedSearch',
      'createdAtGreaterThanOrEqual',
    ];
    const bad: string[] = [];
    let answered = 0;
    for (let i = 0; i < 1500; i++) {
      const which = pick(['add', 'pl', 'ls', 'get', 'list', 'count', 'update', 'delete', 'plist', 'ce', 'getByIds', 'badd', 'esearch']);
      let res: any;
      const f: any = { objectType: pick(['KalturaBaseEntryFilter', 'KalturaMediaEntryFilter', 'KalturaPlaylistFilter']) };
      for (let k = 0; k < 3; k++) if (r() < 0.5) f[pick(fields)] = vals();
      const pager = { objectType: 'KalturaFilterPager', pageSize: pick([1, 30, 500, 0, -1]), pageIndex: pick([1, 2, 400, 0]) };
      if (which === 'add')
        res = await s.call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: String(vals()), mediaType: 1 } });
      else if (which === 'pl')
        res = await s.call('playlist', 'add', {
          playlist: { objectType: 'KalturaPlaylist', name: 'p', playlistType: pick([3, 10, 5]), playlistContent: pick(ids) },
        });
      else if (which === 'ls')
        res = await s.call('liveStream', 'add', {
          liveStreamEntry: { objectType: 'KalturaLiveStreamEntry', name: 'l', mediaType: 201 },
          sourceType: 32,
        });
      else if (which === 'get') res = await s.call('baseEntry', 'get', { entryId: pick(ids) });
      else if (which === 'list') res = await s.call(pick(['baseEntry', 'media', 'playlist']), 'list', { filter: f, pager });
      else if (which === 'count') res = await s.call('baseEntry', 'count', { filter: f });
      else if (which === 'update')
        res = await s.call('baseEntry', 'update', {
          entryId: pick(ids),
          baseEntry: {
            objectType: pick(['KalturaBaseEntry', 'KalturaPlaylist', 'KalturaMediaEntry']),
            name: 'n',
            userId: pick(['', 'bob']),
          },
        });
      else if (which === 'delete') res = await s.call('baseEntry', 'delete', { entryId: pick(ids) });
      else if (which === 'plist') res = await s.call('playlist', 'execute', { id: pick(ids) });
      else if (which === 'ce') res = await s.call('categoryEntry', 'add', { categoryEntry: { entryId: pick(ids), categoryId: 1 } });
      else if (which === 'getByIds') res = await s.call('baseEntry', 'getByIds', { entryIds: ids.slice(0, 20).join(',') });
      else if (which === 'badd')
        res = await s.call('baseEntry', 'add', {
          entry: { objectType: pick(['KalturaBaseEntry', 'KalturaPlaylist', 'KalturaDataEntry', 'KalturaMediaEntry']), name: 'b' },
          type: pick(['1', '5', '6', '7', '8', '-1', '999', '']),
        });
      else
        res = await s.call('eSearch', 'searchEntry', {
          searchParams: { objectType: 'KalturaESearchEntryParams', objectStatuses: pick(['2', '2,7', '', 'x']) },
        });
      if (res?.id && typeof res.id === 'string') ids.push(res.id);
      if (res?.objectType !== 'KalturaAPIException') answered++;
      if (res?.objectType === 'KalturaAPIException' && /INTERNAL|SERVERL/.test(res.code))
        bad.push(`${which}: ${res.code} ${res.message} ${JSON.stringify(f)}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
    // the calls did something: entries were made and listed, not only refused
    expect(ids.length).toBeGreaterThan(100);
    expect(answered).toBeGreaterThan(500);
  }, 120_000);
});
