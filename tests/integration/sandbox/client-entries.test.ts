/**
 * The official Node client (kaltura-client) against a sandbox that follows Kaltura's published
 * description (RECIPES_API; skipped loudly without ../shared): entries of every type are one entry
 * space. A playlist and a live stream made by their own services are read, listed by type,
 * categorised, renamed and deleted through baseEntry, beside a media entry; media.* keeps to media
 * entries; a USER session of another user sees none of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error kaltura-client ships no types
import kaltura from 'kaltura-client';
import type { TestServer } from '../../helpers/server';
import { REFERENCE_REL, sharedFile } from '../../helpers/shared';
import { startSandbox, TEST_ADMIN_SECRET, TEST_PARTNER_ID } from './harness';

const k = kaltura as any;
const { path, present } = sharedFile(
  REFERENCE_REL,
  'the official client over the one entry space (RECIPES_API = the published description)',
);

let server: TestServer | undefined;
const client = (ks?: string) => {
  const config = new k.Configuration();
  config.serviceUrl = server!.url;
  config.setLogger({ log() {}, debug() {}, error() {} });
  const c = new k.Client(config);
  if (ks) c.setKs(ks);
  return c;
};
let c: any;

/** The Kaltura error a request answers (the client rejects with it). */
async function failure(request: any, on = c): Promise<any> {
  try {
    const r = await request.execute(on);
    throw new Error('expected an error, got ' + JSON.stringify(r));
  } catch (e: any) {
    return e;
  }
}

describe.skipIf(!present)('the official kaltura-client: playlists and live streams are entries like media', () => {
  beforeAll(async () => {
    server = await startSandbox({ env: { RECIPES_API: path } });
    const anon = client();
    c = client(
      await k.services.session.start(TEST_ADMIN_SECRET, 'entries-admin', k.enums.SessionType.ADMIN, TEST_PARTNER_ID).execute(anon),
    );
  }, 240_000);
  afterAll(async () => {
    await server?.dispose();
  });

  it('baseEntry reads, lists, categorises, updates and deletes every kind of entry', async () => {
    const tag = `es${Date.now().toString(36)}`;
    const media = await k.services.media
      .add(new k.objects.MediaEntry({ name: `${tag} a video`, mediaType: k.enums.MediaType.VIDEO }))
      .execute(c);
    const playlist = await k.services.playlist
      .add(new k.objects.Playlist({ name: `${tag} b playlist`, playlistType: k.enums.PlaylistType.STATIC_LIST, playlistContent: media.id }))
      .execute(c);
    const live = await k.services.liveStream
      .add(
        new k.objects.LiveStreamEntry({ name: `${tag} c live`, mediaType: k.enums.MediaType.LIVE_STREAM_FLASH }),
        k.enums.SourceType.MANUAL_LIVE_STREAM,
      )
      .execute(c);

    const got = await k.services.baseEntry.get(playlist.id).execute(c);
    expect(got).toMatchObject({
      objectType: 'KalturaPlaylist',
      id: playlist.id,
      type: k.enums.EntryType.PLAYLIST,
      name: `${tag} b playlist`,
    });
    expect((await k.services.baseEntry.get(live.id).execute(c)).type).toBe(k.enums.EntryType.LIVE_STREAM);
    expect((await failure(k.services.media.get(playlist.id))).code).toBe('ENTRY_ID_NOT_FOUND');

    const byName = new k.objects.BaseEntryFilter({ nameLike: tag, orderBy: '+name' });
    const all = await k.services.baseEntry.listAction(byName).execute(c);
    expect(all.totalCount).toBe(3);
    expect(all.objects.map((e: any) => e.id)).toEqual([media.id, playlist.id, live.id]);
    const pager = new k.objects.FilterPager({ pageSize: 1, pageIndex: 2 });
    expect((await k.services.baseEntry.listAction(byName, pager).execute(c)).objects.map((e: any) => e.id)).toEqual([playlist.id]);
    const playlists = await k.services.baseEntry
      .listAction(new k.objects.BaseEntryFilter({ nameLike: tag, typeEqual: k.enums.EntryType.PLAYLIST }))
      .execute(c);
    expect(playlists.objects.map((e: any) => e.id)).toEqual([playlist.id]);
    expect(await k.services.baseEntry.count(new k.objects.BaseEntryFilter({ nameLike: tag, typeIn: '1,7' })).execute(c)).toBe(2);
    expect((await k.services.media.listAction(new k.objects.MediaEntryFilter({ nameLike: tag })).execute(c)).totalCount).toBe(1);

    const category = await k.services.category.add(new k.objects.Category({ name: `${tag} shows` })).execute(c);
    await k.services.categoryEntry.add(new k.objects.CategoryEntry({ categoryId: category.id, entryId: live.id })).execute(c);
    const inCategory = await k.services.baseEntry
      .listAction(new k.objects.BaseEntryFilter({ categoriesIdsMatchOr: String(category.id) }))
      .execute(c);
    expect(inCategory.objects.map((e: any) => e.id)).toEqual([live.id]);
    expect(inCategory.objects[0]).toMatchObject({ categoriesIds: String(category.id), categories: `${tag} shows` });

    const renamed = await k.services.baseEntry.update(live.id, new k.objects.BaseEntry({ name: `${tag} c live renamed` })).execute(c);
    expect(renamed.objectType).toBe('KalturaLiveStreamEntry');
    expect((await k.services.liveStream.get(live.id).execute(c)).name).toBe(`${tag} c live renamed`);

    // another user's USER session sees none of them
    const stranger = client(
      await k.services.session.start(TEST_ADMIN_SECRET, 'stranger', k.enums.SessionType.USER, TEST_PARTNER_ID).execute(client()),
    );
    expect((await failure(k.services.baseEntry.get(playlist.id), stranger)).code).toBe('ENTRY_ID_NOT_FOUND');
    expect((await failure(k.services.baseEntry.deleteAction(live.id), stranger)).code).toBe('ENTRY_ID_NOT_FOUND');
    expect((await k.services.baseEntry.listAction(byName).execute(stranger)).totalCount).toBe(0);

    await k.services.baseEntry.deleteAction(playlist.id).execute(c);
    expect((await failure(k.services.baseEntry.get(playlist.id))).code).toBe('ENTRY_ID_NOT_FOUND');
    expect((await k.services.baseEntry.listAction(byName).execute(c)).objects.map((e: any) => e.id)).toEqual([media.id, live.id]);
  }, 60_000);
});
