/**
 * One entry space over Kaltura's published description: media entries (the hand-written media
 * service's table) and the entries of the generic entry services (playlist, liveStream, data, ...)
 * answer baseEntry.get / getByIds / list / count / update / delete / approve alike, references to an
 * entry (categoryEntry) find either kind, and media.* keeps to media entries. Sessions of another
 * user or partner see neither kind.
 */
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKs, SESSION_ADMIN, SESSION_USER } from '@/lib/sandbox/ks';
import { FileArg } from '@/lib/sandbox/params';
import { isError, ok, publishedSandbox } from './published-sandbox';

type Json = any;
const s = publishedSandbox('the one entry space (baseEntry over media and generic entries)', 4311);
const d = s.present ? describe : describe.skip;

const names = (r: Json): string[] => ok(r, 'list').objects.map((o: Json) => o.name);

d('baseEntry answers media and generic entries alike', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    for (const n of ['a-media', 'c-media', 'e-media'])
      ids[n] = ok(await s.call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: n, mediaType: 1 } }), n).id;
    for (const n of ['b-playlist', 'f-playlist'])
      ids[n] = ok(
        await s.call('playlist', 'add', { playlist: { objectType: 'KalturaPlaylist', name: n, playlistType: 3, playlistContent: '' } }),
        n,
      ).id;
    ids['d-live'] = ok(
      await s.call('liveStream', 'add', {
        liveStreamEntry: { objectType: 'KalturaLiveStreamEntry', name: 'd-live', mediaType: 201 },
        sourceType: 32,
      }),
      'd-live',
    ).id;
  });

  it('gets either kind by id, as its own class and entry type', async () => {
    const pl = ok(await s.call('baseEntry', 'get', { entryId: ids['b-playlist']! }), 'get playlist');
    expect(pl.objectType).toBe('KalturaPlaylist');
    expect(pl.type).toBe('5');
    const live = ok(await s.call('baseEntry', 'get', { entryId: ids['d-live']! }), 'get live');
    expect([live.objectType, live.type]).toEqual(['KalturaLiveStreamEntry', '7']);
    const m = ok(await s.call('baseEntry', 'get', { entryId: ids['a-media']! }), 'get media');
    expect([m.objectType, m.type]).toEqual(['KalturaMediaEntry', 1]);
    // the media service keeps to media entries, as Kaltura's does
    expect((await s.call('media', 'get', { entryId: ids['b-playlist']! })).code).toBe('ENTRY_ID_NOT_FOUND');
    expect((await s.call('baseEntry', 'get', { entryId: '0_nosuch00' })).code).toBe('ENTRY_ID_NOT_FOUND');
    for (const id of [ids['b-playlist']!, ids['a-media']!])
      expect(ok(await s.call('baseEntry', 'getRemotePaths', { entryId: id }), 'remote paths')).toEqual({
        objectType: 'KalturaRemotePathListResponse',
        objects: [],
        totalCount: 0,
      });
    expect((await s.call('baseEntry', 'getRemotePaths', { entryId: '0_nosuch00' })).code).toBe('ENTRY_ID_NOT_FOUND');
    expect((await s.call('baseEntry', 'getRemotePaths', { entryId: ids['b-playlist']! }, s.ks(SESSION_USER, 'bob'))).code).toBe(
      'ENTRY_ID_NOT_FOUND',
    );
    const many = ok(await s.call('baseEntry', 'getByIds', { entryIds: `${ids['d-live']},0_nosuch00,${ids['a-media']}` }), 'getByIds');
    expect(many.map((e: Json) => e.name)).toEqual(['d-live', 'a-media']);
  });

  it('lists both kinds in one order, paged across them', async () => {
    const page = async (orderBy: string, pageIndex: number) =>
      s.call('baseEntry', 'list', {
        filter: { objectType: 'KalturaBaseEntryFilter', orderBy, nameLike: '-' },
        pager: { objectType: 'KalturaFilterPager', pageSize: 2, pageIndex },
      });
    const all: string[] = [];
    for (const i of [1, 2, 3]) {
      const r = ok(await page('+name', i), `page ${i}`);
      expect(r.totalCount).toBe(6);
      all.push(...names(r));
    }
    expect(all).toEqual(['a-media', 'b-playlist', 'c-media', 'd-live', 'e-media', 'f-playlist']);
    expect(names(await page('-name', 1))).toEqual(['f-playlist', 'e-media']);
    expect(names(await page('+name', 4))).toEqual([]);
    // media.list: media entries only
    expect(ok(await s.call('media', 'list', {}), 'media.list').totalCount).toBe(3);
  });

  it('filters by entry type and counts', async () => {
    const list = (filter: Json) =>
      s.call('baseEntry', 'list', { filter: { objectType: 'KalturaBaseEntryFilter', orderBy: '+name', ...filter } });
    expect(names(await list({ typeEqual: '5' }))).toEqual(['b-playlist', 'f-playlist']);
    expect(names(await list({ typeIn: '1,7' }))).toEqual(['a-media', 'c-media', 'd-live', 'e-media']);
    expect(names(await list({ typeEqual: '1' }))).toEqual(['a-media', 'c-media', 'e-media']);
    expect(ok(await s.call('baseEntry', 'count', { filter: { objectType: 'KalturaBaseEntryFilter', typeIn: '5,7' } }), 'count')).toBe(3);
    expect(ok(await s.call('baseEntry', 'count', {}), 'count all')).toBe(6);
    expect(names(await list({ idIn: `${ids['f-playlist']},${ids['c-media']}` }))).toEqual(['c-media', 'f-playlist']);
  });

  it('finds a generic entry from other services (categories), and lists by category', async () => {
    const cat = ok(await s.call('category', 'add', { category: { objectType: 'KalturaCategory', name: 'shows' } }), 'category');
    ok(await s.call('categoryEntry', 'add', { categoryEntry: { entryId: ids['f-playlist']!, categoryId: cat.id } }), 'categorize playlist');
    ok(await s.call('categoryEntry', 'add', { categoryEntry: { entryId: ids['c-media']!, categoryId: cat.id } }), 'categorize media');
    expect((await s.call('categoryEntry', 'add', { categoryEntry: { entryId: '0_nosuch00', categoryId: cat.id } })).code).toBe(
      'INVALID_ENTRY_ID', // as categoryEntry.add documents it
    );
    const r = ok(
      await s.call('baseEntry', 'list', {
        filter: { objectType: 'KalturaBaseEntryFilter', orderBy: '+name', categoriesIdsMatchOr: String(cat.id) },
      }),
      'by category',
    );
    expect(names(r)).toEqual(['c-media', 'f-playlist']);
    expect(ok(await s.call('baseEntry', 'get', { entryId: ids['f-playlist']! }), 'get').categoriesIds).toBe(String(cat.id));
  });

  it('searches both kinds with eSearch', async () => {
    const search = async (searchTerm: string, session?: string) =>
      ok(
        await s.call(
          'eSearch',
          'searchEntry',
          {
            searchParams: {
              objectType: 'KalturaESearchEntryParams',
              objectStatuses: '2,7',
              searchOperator: {
                objectType: 'KalturaESearchEntryOperator',
                operator: 1,
                searchItems: [{ objectType: 'KalturaESearchUnifiedItem', searchTerm, itemType: 2 }],
              },
            },
          },
          session,
        ),
        `search ${searchTerm}`,
      ).objects.map((r: Json) => `${r.object.objectType}:${r.object.name}`);
    expect(await search('playlist')).toEqual(['KalturaPlaylist:f-playlist', 'KalturaPlaylist:b-playlist']);
    expect((await search('live')).sort()).toEqual(['KalturaLiveStreamEntry:d-live']);
    expect((await search('media')).length).toBe(3);
    expect(await search('playlist', s.ks(SESSION_USER, 'bob'))).toEqual([]);
  });

  it("answers a generic entry's default thumbnail, as a media entry's", async () => {
    // a 3x2 PNG's header
    const png = Buffer.from('89504e470d0a1a0a0000000d494844520000000300000002080200000000000000', 'hex');
    const id = ids['f-playlist']!;
    expect(ok(await s.call('baseEntry', 'get', { entryId: id }), 'before').thumbnailUrl).toBeUndefined();
    const t = ok(
      await s.call('thumbAsset', 'addFromImage', { entryId: id, fileData: new FileArg('t.png', 'image/png', Readable.from([png])) }),
      'addFromImage',
    );
    ok(await s.call('thumbAsset', 'setAsDefault', { thumbAssetId: t.id }), 'setAsDefault');
    const url = ok(await s.call('baseEntry', 'get', { entryId: id }), 'after').thumbnailUrl;
    expect(url).toBe(`http://sandbox.test/api_v3/sandbox/thumbnail/entry_id/${id}/version/1`);
    expect((await s.core.defaultThumbnail!(id))!.id).toBe(t.id);
  });

  it('updates, moderates and deletes a generic entry through baseEntry', async () => {
    const id = ids['b-playlist']!;
    const u = ok(
      await s.call('baseEntry', 'update', { entryId: id, baseEntry: { objectType: 'KalturaBaseEntry', name: 'b-renamed' } }),
      'update',
    );
    expect([u.objectType, u.name]).toEqual(['KalturaPlaylist', 'b-renamed']);
    expect(ok(await s.call('playlist', 'get', { id }), 'playlist.get').name).toBe('b-renamed');
    // a class that is not the entry's own
    expect((await s.call('baseEntry', 'update', { entryId: id, baseEntry: { objectType: 'KalturaMediaEntry', name: 'x' } })).code).toBe(
      'INVALID_OBJECT_TYPE',
    );
    ok(await s.call('baseEntry', 'reject', { entryId: id }), 'reject');
    expect(ok(await s.call('baseEntry', 'get', { entryId: id }), 'get').moderationStatus).toBe(3);
    ok(await s.call('baseEntry', 'delete', { entryId: id }), 'delete');
    expect((await s.call('baseEntry', 'get', { entryId: id })).code).toBe('ENTRY_ID_NOT_FOUND');
    expect(isError(await s.call('playlist', 'get', { id }))).toBe(true);
    expect(ok(await s.call('baseEntry', 'count', {}), 'count').toString()).toBe('5');
  });

  it('adds an entry of any type through baseEntry.add, kept by the service of its class', async () => {
    const add = (entry: Json, type?: string) => s.call('baseEntry', 'add', { entry, ...(type === undefined ? {} : { type }) });
    const pl = ok(await add({ objectType: 'KalturaBaseEntry', name: 'by type' }, '5'), 'by type');
    expect([pl.objectType, pl.type]).toEqual(['KalturaPlaylist', '5']);
    expect(ok(await s.call('playlist', 'get', { id: pl.id }), 'playlist.get').name).toBe('by type');
    const own = ok(await add({ objectType: 'KalturaDataEntry', name: 'by class' }), 'by class');
    expect([own.objectType, own.type]).toEqual(['KalturaDataEntry', '6']);
    const m = ok(await add({ objectType: 'KalturaMediaEntry', name: 'a clip', mediaType: 1 }, '1'), 'media');
    expect(m.objectType).toBe('KalturaMediaEntry');
    expect(ok(await s.call('media', 'get', { entryId: m.id }), 'media.get').name).toBe('a clip');
    // refusals: a class of another type, a type that is no entry type, a type no sandbox service keeps
    expect((await add({ objectType: 'KalturaPlaylist', name: 'x' }, '1')).code).toBe('ENTRY_TYPE_NOT_SUPPORTED');
    expect((await add({ objectType: 'KalturaPlaylist', name: 'x' }, '7')).code).toBe('ENTRY_TYPE_NOT_SUPPORTED');
    expect((await add({ objectType: 'KalturaBaseEntry', name: 'x' }, '9999')).code).toBe('INVALID_ENUM_VALUE'); // checked against KalturaEntryType first
    const channel = await add({ objectType: 'KalturaBaseEntry', name: 'x' }, '8');
    expect(channel.code).toBe('SANDBOX_ACTION_NOT_SIMULATED');
    expect(channel.message).toContain('LIVE_CHANNEL');
    // a clip without a media type (a KalturaBaseEntry has none): the media service's own refusal
    expect((await add({ objectType: 'KalturaBaseEntry', name: 'x' }, '1')).code).toBe('PROPERTY_VALIDATION_CANNOT_BE_NULL');
    for (const id of [pl.id, own.id, m.id]) ok(await s.call('baseEntry', 'delete', { entryId: id }), `delete ${id}`);
  });

  it('keeps another user and another partner out of both kinds', async () => {
    const bob = s.ks(SESSION_USER, 'bob');
    for (const id of [ids['f-playlist']!, ids['a-media']!]) {
      expect((await s.call('baseEntry', 'get', { entryId: id }, bob)).code, `get ${id}`).toBe('ENTRY_ID_NOT_FOUND');
      expect((await s.call('baseEntry', 'delete', { entryId: id }, bob)).code, `delete ${id}`).toBe('ENTRY_ID_NOT_FOUND');
      expect(
        (await s.call('baseEntry', 'update', { entryId: id, baseEntry: { objectType: 'KalturaBaseEntry', name: 'mine' } }, bob)).code,
      ).toBe('ENTRY_ID_NOT_FOUND');
    }
    expect(ok(await s.call('baseEntry', 'list', {}, bob), 'bob list').totalCount).toBe(0);
    expect(ok(await s.call('baseEntry', 'getByIds', { entryIds: ids['f-playlist']! }, bob), 'bob getByIds')).toEqual([]);
    // bob's own playlist is his to see
    const own = ok(
      await s.call(
        'playlist',
        'add',
        { playlist: { objectType: 'KalturaPlaylist', name: 'bobs', playlistType: 3, playlistContent: '' } },
        bob,
      ),
      'bob add',
    );
    expect(ok(await s.call('baseEntry', 'get', { entryId: own.id }, bob), 'bob get').name).toBe('bobs');
    expect(names(await s.call('baseEntry', 'list', {}, bob))).toEqual(['bobs']);

    await s.core.store.putPartner({ id: 4312, admin_secret: 'other-admin', secret: 'other-user', name: 'other', created_at: 0 });
    const other = buildKs('other-admin', {
      partnerId: 4312,
      type: SESSION_ADMIN,
      userId: 'eve',
      expiry: Math.floor(Date.now() / 1000) + 600,
      privileges: new Map(),
    });
    expect((await s.call('baseEntry', 'get', { entryId: ids['f-playlist']! }, other)).code).toBe('ENTRY_ID_NOT_FOUND');
    expect((await s.call('baseEntry', 'delete', { entryId: ids['d-live']! }, other)).code).toBe('ENTRY_ID_NOT_FOUND');
    expect(ok(await s.call('baseEntry', 'list', {}, other), 'other list').totalCount).toBe(0);
    expect((await s.call('categoryEntry', 'add', { categoryEntry: { entryId: ids['f-playlist']!, categoryId: 1 } }, other)).code).toMatch(
      /NOT_FOUND/,
    );
  });
});

d('a category of more entries than a caller may list in one filter', () => {
  it('lists all of its entries by category, media and generic alike (the ids from the relations are not cut at 500)', async () => {
    const cat = ok(await s.call('category', 'add', { category: { objectType: 'KalturaCategory', name: 'big' } }), 'category');
    for (let i = 0; i < 520; i++) {
      const e =
        i % 2
          ? ok(await s.call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: `big ${i}`, mediaType: 1 } }), 'media')
          : ok(
              await s.call('playlist', 'add', {
                playlist: { objectType: 'KalturaPlaylist', name: `big ${i}`, playlistType: 3, playlistContent: '' },
              }),
              'playlist',
            );
      ok(await s.call('categoryEntry', 'add', { categoryEntry: { entryId: e.id, categoryId: cat.id } }), 'categoryEntry');
    }
    const by = (service: string, objectType: string) =>
      s.call(service, 'list', { filter: { objectType, categoriesIdsMatchOr: String(cat.id) }, pager: { pageSize: 1 } });
    expect(ok(await by('media', 'KalturaMediaEntryFilter'), 'media.list').totalCount).toBe(260);
    expect(ok(await by('baseEntry', 'KalturaBaseEntryFilter'), 'baseEntry.list').totalCount).toBe(520);
  }, 60_000);
});

d('what goes with a deleted entry, as on Kaltura', () => {
  it("deleting an entry of either kind deletes its category memberships, assets, cue points, metadata and quiz, and no other entry's", async () => {
    const xsd =
      '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"><xsd:element name="metadata"><xsd:complexType><xsd:sequence>' +
      '<xsd:element name="Dept" type="xsd:string" minOccurs="0"/></xsd:sequence></xsd:complexType></xsd:element></xsd:schema>';
    const profile = ok(
      await s.call('metadataProfile', 'add', {
        metadataProfile: { objectType: 'KalturaMetadataProfile', name: 'cascade', metadataObjectType: '1' },
        xsdData: xsd,
      }),
      'profile',
    );
    const cat = ok(await s.call('category', 'add', { category: { objectType: 'KalturaCategory', name: 'cascade' } }), 'category');
    const alice = s.ks(SESSION_USER, 'alice');
    /** An entry with one of everything (made by the admin), and what it made. */
    const furnished = async (e: Json) => {
      ok(await s.call('categoryEntry', 'add', { categoryEntry: { entryId: e.id, categoryId: cat.id } }), 'categoryEntry');
      const caption = ok(
        await s.call('captionAsset', 'add', { entryId: e.id, captionAsset: { objectType: 'KalturaCaptionAsset', language: 'English' } }),
        'caption',
      );
      const cue = ok(
        await s.call('cuePoint', 'add', { cuePoint: { objectType: 'KalturaCodeCuePoint', entryId: e.id, startTime: 1000, code: 'c' } }),
        'cue point',
      );
      const md = ok(
        await s.call('metadata', 'add', {
          metadataProfileId: profile.id,
          objectType: '1',
          objectId: e.id,
          xmlData: '<metadata><Dept>A</Dept></metadata>',
        }),
        'metadata',
      );
      const quiz = ok(await s.call('quiz', 'add', { entryId: e.id, quiz: { objectType: 'KalturaQuiz' } }), 'quiz');
      return { caption, cue, md, quiz };
    };
    const gone = async (e: Json, made: Json, present: boolean) => {
      const caption = await s.call('captionAsset', 'get', { captionAssetId: made.caption.id });
      const cue = await s.call('cuePoint', 'get', { id: made.cue.id });
      const md = ok(await s.call('metadata', 'list', { filter: { objectType: 'KalturaMetadataFilter', objectIdEqual: e.id } }), 'md list');
      const members = ok(
        await s.call('categoryEntry', 'list', { filter: { objectType: 'KalturaCategoryEntryFilter', entryIdEqual: e.id } }),
        'ce list',
      );
      const quiz = await s.call('quiz', 'get', { entryId: e.id });
      expect([isError(caption), isError(cue), md.totalCount, members.totalCount, isError(quiz)], e.name).toEqual(
        present ? [false, false, 1, 1, false] : [true, true, 0, 0, true],
      );
    };
    // alice's own entries (a media entry, a playlist), furnished by the admin; a third one stays
    const media = ok(await s.call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: 'm', mediaType: 1 } }, alice), 'media');
    const playlist = ok(
      await s.call(
        'playlist',
        'add',
        { playlist: { objectType: 'KalturaPlaylist', name: 'p', playlistType: 3, playlistContent: '' } },
        alice,
      ),
      'playlist',
    );
    const kept = ok(await s.call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: 'kept', mediaType: 1 } }), 'kept');
    const made = new Map<string, Json>();
    for (const e of [media, playlist, kept]) made.set(e.id, await furnished(e));
    expect(ok(await s.call('category', 'get', { id: cat.id }), 'category').entriesCount).toBe(3);

    ok(await s.call('media', 'delete', { entryId: media.id }, alice), 'media.delete');
    ok(await s.call('playlist', 'delete', { id: playlist.id }, alice), 'playlist.delete');
    await gone(media, made.get(media.id), false);
    await gone(playlist, made.get(playlist.id), false);
    await gone(kept, made.get(kept.id), true);
    expect(ok(await s.call('category', 'get', { id: cat.id }), 'category').entriesCount).toBe(1);
  });
});
