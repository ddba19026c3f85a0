/**
 * An object that belongs to an entry or a category for life (its entryId / categoryId read-only or
 * insert-only) is refused when that entry or category is not there, as on Kaltura, even where the
 * published description documents no error for it; a loose reference (a batch job's entryId) is not checked.
 */
import { describe, expect, it } from 'vitest';
import { SESSION_ADMIN, SESSION_USER } from '@/lib/sandbox/ks';
import { isError, ok, publishedSandbox } from './published-sandbox';

type Json = any;

const sb = publishedSandbox('references to entries and categories, over the published description', 4334);
const { present, call } = sb;
const code = (v: Json): string => {
  expect(isError(v), JSON.stringify(v)).toBe(true);
  return v.code as string;
};

describe.skipIf(!present)('references to entries and categories', () => {
  it('a cue point, a user entry and a category member need their entry or category', async () => {
    const cue = (entryId: string, ks?: string) =>
      call('cuePoint', 'add', { cuePoint: { objectType: 'KalturaAnnotation', entryId, startTime: 1000, text: 'x' } }, ks);
    const missing = await cue('0_nosuch00');
    expect([code(missing), missing.message]).toEqual(['ENTRY_ID_NOT_FOUND', 'Entry id "0_nosuch00" not found']);
    const e = ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: 'e', mediaType: 1 } }), 'entry');
    expect(ok(await cue(e.id), 'cue on the entry').entryId).toBe(e.id);
    // an entry this USER session may not see is not there for it
    expect(code(await cue(e.id, sb.ks(SESSION_USER, 'bob')))).toBe('ENTRY_ID_NOT_FOUND');

    const userEntry = (entryId: string) =>
      call('userEntry', 'add', { userEntry: { objectType: 'KalturaQuizUserEntry', entryId, userId: 'u1' } });
    expect(code(await userEntry('0_nosuch00'))).toBe('ENTRY_ID_NOT_FOUND');

    const member = (categoryId: number) =>
      call('categoryUser', 'add', { categoryUser: { objectType: 'KalturaCategoryUser', categoryId, userId: 'u1' } });
    const noCategory = await member(99999);
    expect([code(noCategory), noCategory.message]).toEqual(['CATEGORY_NOT_FOUND', 'Category id "99999" not found']);
    const c = ok(await call('category', 'add', { category: { objectType: 'KalturaCategory', name: 'c' } }), 'category');
    expect(ok(await member(c.id), 'member').categoryId).toBe(c.id);
  });

  it("a batch job's entryId is a loose reference: not checked (jobs as Kaltura's admin console adds them)", async () => {
    const job = ok(
      await sb.asKaltura('jobs', 'addBatchJob', { batchJob: { objectType: 'KalturaBatchJob', entryId: '0_gone0000' } }),
      'job',
    );
    expect(job.entryId).toBe('0_gone0000');
  });

  it('an id names one object: the two views of access control, bulk uploads and batch jobs take ids from one sequence', async () => {
    const old = ok(
      await call('accessControl', 'add', { accessControl: { objectType: 'KalturaAccessControl', name: 'old style' } }),
      'accessControl',
    );
    const profile = ok(
      await call('accessControlProfile', 'add', { accessControlProfile: { objectType: 'KalturaAccessControlProfile', name: 'rules' } }),
      'profile',
    );
    expect(profile.id).not.toBe(old.id);
    // each service answers its own objects only (the sandbox keeps the two views apart)
    expect(code(await call('accessControl', 'get', { id: profile.id }))).toBe('ACCESS_CONTROL_ID_NOT_FOUND');
    expect(ok(await call('accessControlProfile', 'get', { id: profile.id }), 'profile again').name).toBe('rules');
  });

  it("an entry's accessControlId names an access-control profile of the partner (ACCESS_CONTROL_ID_NOT_FOUND), media or generic", async () => {
    const media = (accessControlId: number) =>
      call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: 'ac', mediaType: 1, accessControlId } });
    const playlist = (accessControlId: number) =>
      call('playlist', 'add', { playlist: { objectType: 'KalturaPlaylist', name: 'ac', playlistType: 3, accessControlId } });
    for (const add of [media, playlist]) {
      const r = await add(424242);
      expect([code(r), r.message]).toEqual(['ACCESS_CONTROL_ID_NOT_FOUND', 'Access control id "424242" not found']);
    }
    const profile = ok(
      await call('accessControlProfile', 'add', {
        accessControlProfile: { objectType: 'KalturaAccessControlProfile', name: 'for entries' },
      }),
      'profile',
    );
    const e = ok(await media(profile.id), 'media with the profile');
    expect(e.accessControlId).toBe(profile.id);
    expect(ok(await playlist(profile.id), 'playlist with the profile').accessControlId).toBe(profile.id);
    const old = ok(await call('accessControl', 'add', { accessControl: { objectType: 'KalturaAccessControl', name: 'old view' } }), 'old');
    expect(ok(await media(old.id), 'media with an old-style one').accessControlId).toBe(old.id);
    // an update is checked too
    const up = await call('media', 'update', { entryId: e.id, mediaEntry: { objectType: 'KalturaMediaEntry', accessControlId: 999999 } });
    expect(code(up)).toBe('ACCESS_CONTROL_ID_NOT_FOUND');
  });

  it("the partner's default access-control profile: there from the start, given to entries added without one, one per partner", async () => {
    // another partner of the same sandbox: nothing made yet
    const fresh = 4395;
    const ks = (type: number, userId: string) => sb.otherPartner(fresh, type, userId);
    const admin = await ks(SESSION_ADMIN, 'admin');
    const profiles = async () =>
      ok(await call('accessControlProfile', 'list', {}, admin), 'list').objects.map((p: Json) => [p.name, p.isDefault]);
    // two first calls at once make one default
    const [a, b] = await Promise.all([
      call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: 'a', mediaType: 1 } }, admin),
      call('playlist', 'add', { playlist: { objectType: 'KalturaPlaylist', name: 'b', playlistType: 3 } }, admin),
    ]);
    expect(await profiles()).toEqual([['Default', 1]]);
    const def = ok(await call('accessControlProfile', 'list', {}, admin), 'list').objects[0];
    expect([ok(a, 'media').accessControlId, ok(b, 'playlist').accessControlId]).toEqual([def.id, def.id]);
    // a USER session's entry gets it too (the profile stays the partner's)
    const mine = ok(
      await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: 'u', mediaType: 1 } }, await ks(SESSION_USER, 'u')),
      'user',
    );
    expect(mine.accessControlId).toBe(def.id);
    expect(code(await call('accessControlProfile', 'delete', { id: def.id }, admin))).toBe('CANNOT_DELETE_DEFAULT_ACCESS_CONTROL');
    // a new default takes its place: new entries get it, the old one is no default any more (and may go)
    const strict = ok(
      await call(
        'accessControlProfile',
        'add',
        { accessControlProfile: { objectType: 'KalturaAccessControlProfile', name: 'strict', isDefault: 1 } },
        admin,
      ),
      'strict',
    );
    expect((await profiles()).sort()).toEqual([
      ['Default', 0],
      ['strict', 1],
    ]);
    const later = ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: 'c', mediaType: 1 } }, admin), 'c');
    expect(later.accessControlId).toBe(strict.id);
    // an entry that names its profile keeps it
    const named = ok(
      await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: 'd', mediaType: 1, accessControlId: def.id } }, admin),
      'd',
    );
    expect(named.accessControlId).toBe(def.id);
    expect(await call('accessControlProfile', 'delete', { id: def.id }, admin)).not.toMatchObject({ code: expect.anything() });
  });
});
