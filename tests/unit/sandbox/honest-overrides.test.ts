/**
 * The operations of Kaltura's published description that the sandbox answers from what it keeps
 * (lib/sandbox/services/computed.ts): state made with other calls, then the operation's answer, its
 * errors for bad input, and what another partner's session or a USER session gets.
 */
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { parseKs, SESSION_ADMIN, SESSION_USER } from '@/lib/sandbox/ks';
import { FileArg } from '@/lib/sandbox/params';
import { isError, ok, publishedSandbox } from './published-sandbox';

type Json = any;

const PARTNER = 4324;
const sb = publishedSandbox('operations answered from the sandbox state (computed.ts) over the published description', PARTNER);
const { present, call, admin, secret: SECRET } = sb;
const alice = sb.ks(SESSION_USER, 'alice');
const bob = sb.ks(SESSION_USER, 'bob');

/** Another partner of the same sandbox (another visitor, in public mode). */
const OTHER = 4399;
const OTHER_SECRET = sb.otherSecret(OTHER);
const otherAdmin = () => sb.otherPartner(OTHER, SESSION_ADMIN, 'mallory');

const file = (text: string, name: string) => new FileArg(name, 'application/octet-stream', Readable.from([Buffer.from(text)]));
const code = (v: Json): string => {
  expect(isError(v), JSON.stringify(v)).toBe(true);
  return v.code as string;
};

describe.skipIf(!present)('operations answered from the sandbox state', () => {
  it("upload.getUploadedFileTokenByFileName: the caller's upload of that name, until an entry takes it; nobody else's", async () => {
    const token = ok(await call('upload', 'upload', { fileData: file('hello bytes', 'clip.mp4') }), 'upload.upload');
    expect(typeof token).toBe('string');
    expect(await call('upload', 'getUploadedFileTokenByFileName', { fileName: 'clip.mp4' })).toEqual({
      objectType: 'KalturaUploadResponse',
      uploadTokenId: token,
      fileSize: 11,
    });
    // the newest upload of a name
    const again = ok(await call('upload', 'upload', { fileData: file('hello again, longer', 'clip.mp4') }), 'upload.upload again');
    expect(await call('upload', 'getUploadedFileTokenByFileName', { fileName: 'clip.mp4' })).toMatchObject({
      uploadTokenId: again,
      fileSize: 19,
    });
    expect(code(await call('upload', 'getUploadedFileTokenByFileName', { fileName: 'other.mp4' }))).toBe(
      'UPLOADED_FILE_NOT_FOUND_BY_TOKEN',
    );
    expect(code(await call('upload', 'getUploadedFileTokenByFileName', { fileName: '' }))).toBe('UPLOADED_FILE_NOT_FOUND_BY_TOKEN');

    // a USER session sees its own uploads only; another partner sees none of ours
    const mine = ok(await call('upload', 'upload', { fileData: file('private', 'alice.txt') }, alice), 'alice uploads');
    expect(await call('upload', 'getUploadedFileTokenByFileName', { fileName: 'alice.txt' }, alice)).toMatchObject({ uploadTokenId: mine });
    expect(code(await call('upload', 'getUploadedFileTokenByFileName', { fileName: 'alice.txt' }, bob))).toBe(
      'UPLOADED_FILE_NOT_FOUND_BY_TOKEN',
    );
    expect(code(await call('upload', 'getUploadedFileTokenByFileName', { fileName: 'clip.mp4' }, alice))).toBe(
      'UPLOADED_FILE_NOT_FOUND_BY_TOKEN',
    );
    expect(code(await call('upload', 'getUploadedFileTokenByFileName', { fileName: 'clip.mp4' }, await otherAdmin()))).toBe(
      'UPLOADED_FILE_NOT_FOUND_BY_TOKEN',
    );
    expect(code(await call('upload', 'getUploadedFileTokenByFileName', { fileName: 'clip.mp4' }, null))).toBe('SERVICE_FORBIDDEN');

    // once an entry has the bytes, the upload is used
    const entry = ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', mediaType: 1 } }), 'media.add');
    ok(
      await call('media', 'addContent', { entryId: entry.id, resource: { objectType: 'KalturaUploadedFileTokenResource', token: again } }),
      'addContent',
    );
    expect(await call('upload', 'getUploadedFileTokenByFileName', { fileName: 'clip.mp4' })).toMatchObject({ uploadTokenId: token });
  });

  it('system.getHealthCheck: the storage answering, as text, without a session; a failure says so without its details', async () => {
    const health = await call('system', 'getHealthCheck', {}, null);
    expect(typeof health).toBe('string');
    const h = JSON.parse(health) as Json;
    expect(h).toMatchObject({ status: 'ok', storage: 'sqlite', publicMode: false });
    expect(typeof h.storageMs).toBe('number');

    const ping = vi.spyOn(sb.core.store, 'ping').mockRejectedValueOnce(new Error('postgres://user:pw@db.internal/x is down'));
    try {
      const failed = await call('system', 'getHealthCheck', {}, null);
      expect(JSON.parse(failed)).toEqual({
        status: 'error',
        storage: 'sqlite',
        publicMode: false,
        reason: 'the sqlite storage did not answer',
      });
      expect(failed).not.toMatch(/pw|db\.internal/);
    } finally {
      ping.mockRestore();
    }
  });

  it("partner.getPublicInfo: the session's own partner only; any other id, existing or not, is INVALID_PARTNER_ID", async () => {
    const info = ok(await call('partner', 'getPublicInfo', { id: PARTNER }), 'getPublicInfo');
    // the sandbox has no analytics service and no OTT environment: none of the class's properties is set
    expect(info).toEqual({ objectType: 'KalturaPartnerPublicInfo' });
    expect(await call('partner', 'getPublicInfo', { id: PARTNER }, alice)).toEqual(info);

    const other = await otherAdmin();
    const theirs = await call('partner', 'getPublicInfo', { id: OTHER });
    const nobody = await call('partner', 'getPublicInfo', { id: 987654 });
    expect(code(theirs)).toBe('INVALID_PARTNER_ID');
    expect(code(nobody)).toBe('INVALID_PARTNER_ID');
    expect(theirs.message).toBe(`Invalid partner id "${OTHER}"`);
    // another partner's session asking about ours
    expect(code(await call('partner', 'getPublicInfo', { id: PARTNER }, other))).toBe('INVALID_PARTNER_ID');
    expect(await call('partner', 'getPublicInfo', { id: OTHER }, other)).toEqual(info);
    expect(code(await call('partner', 'getPublicInfo', {}))).toBe('INVALID_PARTNER_ID');
    expect(code(await call('partner', 'getPublicInfo', { id: PARTNER }, null))).toBe('SERVICE_FORBIDDEN');
    expect(JSON.stringify([info, theirs, nobody])).not.toMatch(new RegExp(`${SECRET}|${OTHER_SECRET}|Another visitor`));
  });

  it('user.loginByKs: the very session for its own partner (never a wider or longer one); another partner is refused', async () => {
    expect(await call('user', 'loginByKs', { requestedPartnerId: PARTNER })).toEqual({
      objectType: 'KalturaSessionResponse',
      ks: admin,
      partnerId: PARTNER,
      userId: 'admin',
    });
    // a USER session stays the same USER session
    const asAlice = ok(await call('user', 'loginByKs', { requestedPartnerId: PARTNER }, alice), 'alice');
    expect(asAlice.ks).toBe(alice);
    expect(parseKs(asAlice.ks, SECRET)).toMatchObject({ partnerId: PARTNER, type: SESSION_USER, userId: 'alice' });

    // another partner, existing or not: the same refusal (no sandbox user has a login in two partners)
    const other = await otherAdmin();
    expect(code(await call('user', 'loginByKs', { requestedPartnerId: OTHER }))).toBe('ADMIN_KUSER_NOT_FOUND');
    expect(code(await call('user', 'loginByKs', { requestedPartnerId: 987654 }))).toBe('ADMIN_KUSER_NOT_FOUND');
    expect(code(await call('user', 'loginByKs', { requestedPartnerId: OTHER }, alice))).toBe('ADMIN_KUSER_NOT_FOUND');
    expect(code(await call('user', 'loginByKs', { requestedPartnerId: PARTNER }, other))).toBe('ADMIN_KUSER_NOT_FOUND');
    // a session without a user cannot change account (Kaltura's INVALID_USER_ID)
    expect(code(await call('user', 'loginByKs', { requestedPartnerId: OTHER }, sb.ks(SESSION_ADMIN, '')))).toBe('INVALID_USER_ID');
    expect(code(await call('user', 'loginByKs', { requestedPartnerId: PARTNER }, null))).toBe('SERVICE_FORBIDDEN');
    expect(code(await call('user', 'loginByKs', {}))).toBe('MISSING_MANDATORY_PARAMETER');

    // an ended session is not revived through it
    const short = sb.ks(SESSION_USER, 'carol');
    expect(await call('session', 'end', {}, short)).toBeNull();
    expect(code(await call('user', 'loginByKs', { requestedPartnerId: PARTNER }, short))).toBe('INVALID_KS');
  });

  it("categoryUser.copyFromCategory: the parent's members copied to the category (the category's own kept); admin sessions only", async () => {
    for (const id of ['m1', 'm2', 'm3']) ok(await call('user', 'add', { user: { objectType: 'KalturaUser', id } }), `user ${id}`);
    const category = async (name: string, parentId?: number) =>
      ok(await call('category', 'add', { category: { objectType: 'KalturaCategory', name, ...(parentId ? { parentId } : {}) } }), name);
    const parent = await category('Parent');
    const child = await category('Child', parent.id);
    const top = await category('Top');
    const member = async (categoryId: number, userId: string, permissionLevel: number) =>
      ok(
        await call('categoryUser', 'add', { categoryUser: { objectType: 'KalturaCategoryUser', categoryId, userId, permissionLevel } }),
        `member ${userId}`,
      );
    await member(parent.id, 'm1', 0);
    await member(parent.id, 'm2', 3);
    await member(child.id, 'm2', 1);
    const members = async (categoryId: number, ks = admin) =>
      ok(
        await call('categoryUser', 'list', { filter: { objectType: 'KalturaCategoryUserFilter', categoryIdEqual: categoryId } }, ks),
        'list',
      ).objects as Json[];

    // refused before anything changes: a USER session, another partner, no parent, unknown
    expect(code(await call('categoryUser', 'copyFromCategory', { categoryId: child.id }, alice))).toBe('CANNOT_UPDATE_CATEGORY_USER');
    expect(code(await call('categoryUser', 'copyFromCategory', { categoryId: child.id }, await otherAdmin()))).toBe('CATEGORY_NOT_FOUND');
    expect(code(await call('categoryUser', 'copyFromCategory', { categoryId: top.id }))).toBe('CATEGORY_DOES_NOT_HAVE_PARENT_CATEGORY');
    expect(code(await call('categoryUser', 'copyFromCategory', { categoryId: 987654 }))).toBe('CATEGORY_NOT_FOUND');
    expect(code(await call('categoryUser', 'copyFromCategory', {}))).toBe('MISSING_MANDATORY_PARAMETER');
    expect((await members(child.id)).map((m) => m.userId)).toEqual(['m2']);

    expect(await call('categoryUser', 'copyFromCategory', { categoryId: child.id })).toBeNull();
    const copied = await members(child.id);
    expect(copied.map((m) => [m.userId, m.permissionLevel]).sort()).toEqual([
      ['m1', 0],
      ['m2', 1],
    ]);
    const m1 = copied.find((m) => m.userId === 'm1');
    expect(m1).toBeDefined();
    expect(m1!).toMatchObject({ categoryId: child.id, categoryFullIds: child.fullIds, partnerId: PARTNER });
    // the parent's own are untouched, and copying again adds nothing
    expect((await members(parent.id)).map((m) => m.userId).sort()).toEqual(['m1', 'm2']);
    expect(await call('categoryUser', 'copyFromCategory', { categoryId: child.id })).toBeNull();
    expect(await members(child.id)).toHaveLength(2);
  });

  it("playlist.getStatsFromContent: a static list's duration from its entries; entries the session cannot see count for nothing", async () => {
    const add = async (name: string, ks = admin) =>
      ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', mediaType: 1, name } }, ks), name);
    const a = await add('A');
    const b = await add('B');
    const c = await add('C (no duration known)');
    const hers = await add('Alice', alice);
    // the durations ffprobe measures when content arrives (it may be missing on a test machine)
    for (const [e, ms] of [
      [a, 2500],
      [b, 4000],
      [hers, 60000],
    ] as const) {
      const row = await sb.core.store.getEntry(e.id);
      expect(row).toBeDefined();
      const props = JSON.parse(row!.props) as Json;
      await sb.core.store.updateEntry(e.id, { props: JSON.stringify({ ...props, msDuration: ms, duration: Math.round(ms / 1000) }) });
    }
    const stats = (content: string, ks = admin, playlistType = 3) =>
      call('playlist', 'getStatsFromContent', { playlistType, playlistContent: content }, ks);
    expect(await stats(`${a.id},${b.id},${c.id}`)).toEqual({
      objectType: 'KalturaPlaylist',
      playlistType: 3,
      playlistContent: `${a.id},${b.id},${c.id}`,
      duration: 7,
    });
    expect((await stats(`${a.id}, nope ,${b.id}`)).duration).toBe(7);
    // bob sees neither the admin's entries nor alice's; alice sees her own
    expect((await stats(`${a.id},${hers.id}`, bob)).duration).toBe(0);
    expect((await stats(`${a.id},${hers.id}`, alice)).duration).toBe(60);
    expect((await stats(`${a.id},${b.id}`, await otherAdmin())).duration).toBe(0);
    expect((await stats('')).duration).toBe(0);
    expect(code(await stats('<xml/>', admin, 10))).toBe('INVALID_FIELD_VALUE');
  });

  it('scheduleEvent.getConflicts: active events of the resources overlapping the time, blackouts, the one to ignore', async () => {
    const resource = async (name: string) =>
      ok(await call('scheduleResource', 'add', { scheduleResource: { objectType: 'KalturaLocationScheduleResource', name } }), name);
    const r1 = await resource('Room 1');
    const r2 = await resource('Room 2');
    const r3 = await resource('Room 3');
    const event = async (summary: string, startDate: number, endDate: number, resourceId?: number, cls = 'KalturaRecordScheduleEvent') => {
      const e = ok(
        await call('scheduleEvent', 'add', { scheduleEvent: { objectType: cls, summary, startDate, endDate, recurrenceType: 0 } }),
        summary,
      );
      if (resourceId !== undefined)
        ok(
          await call('scheduleEventResource', 'add', {
            scheduleEventResource: { objectType: 'KalturaScheduleEventResource', eventId: e.id, resourceId },
          }),
          `${summary} on ${resourceId}`,
        );
      return e;
    };
    const e1 = await event('e1', 1000, 2000, r1.id);
    const e2 = await event('e2', 1500, 2500, r2.id);
    await event('e3', 3000, 4000, r1.id);
    const cancelled = await event('cancelled', 1000, 2000, r1.id);
    ok(await call('scheduleEvent', 'cancel', { scheduleEventId: cancelled.id }), 'cancel');
    const blackout = await event('blackout', 1800, 1900, undefined, 'KalturaBlackoutScheduleEvent');

    const conflicts = async (resourceIds: string, startDate: number, endDate: number, more: Json = {}, ks = admin) => {
      const r = ok(
        await call(
          'scheduleEvent',
          'getConflicts',
          { resourceIds, scheduleEvent: { objectType: 'KalturaRecordScheduleEvent', startDate, endDate }, ...more },
          ks,
        ),
        'getConflicts',
      );
      expect(r.objectType).toBe('KalturaScheduleEventListResponse');
      expect(r.totalCount).toBe(r.objects.length);
      return (r.objects as Json[]).map((o) => o.summary as string);
    };
    expect(await conflicts(`${r1.id}`, 1200, 1800)).toEqual(['e1']);
    expect(await conflicts(`${r1.id},${r2.id}`, 1200, 1800)).toEqual(['e1', 'e2']);
    // touching is not overlapping
    expect(await conflicts(`${r1.id},${r2.id}`, 2500, 3000)).toEqual([]);
    expect(await conflicts(`${r3.id}`, 0, 10000)).toEqual([]);
    expect(await conflicts(`${r1.id},${r2.id}`, 1200, 1800, { scheduleEventIdToIgnore: String(e1.id) })).toEqual(['e2']);
    expect(await conflicts(`${r3.id}`, 1200, 1850, { scheduleEventConflictType: 2 })).toEqual(['blackout']);
    expect(await conflicts(`${r1.id}`, 1200, 1850, { scheduleEventConflictType: 3 })).toEqual(['e1', 'blackout']);
    expect(await conflicts(`${r1.id}`, 1200, 1850, { scheduleEventConflictType: 3, scheduleEventIdToIgnore: String(blackout.id) })).toEqual(
      ['e1'],
    );
    expect(await conflicts(`${r1.id},${r2.id}`, 1200, 1800, { scheduleEventIdToIgnore: 'not-an-id' })).toEqual(['e1', 'e2']);
    expect(e2.status).toBe(2);

    // bad input
    const bad = (params: Json) => call('scheduleEvent', 'getConflicts', params);
    const at = { objectType: 'KalturaRecordScheduleEvent', startDate: 1000, endDate: 2000 };
    expect(code(await bad({ resourceIds: '', scheduleEvent: at }))).toBe('PROPERTY_VALIDATION_CANNOT_BE_NULL');
    expect(code(await bad({ resourceIds: `${r1.id}`, scheduleEvent: { objectType: 'KalturaRecordScheduleEvent', startDate: 1000 } }))).toBe(
      'PROPERTY_VALIDATION_CANNOT_BE_NULL',
    );
    expect(code(await bad({ resourceIds: `${r1.id}`, scheduleEvent: { ...at, recurrenceType: 1 } }))).toBe('INVALID_FIELD_VALUE');
    expect(code(await bad({ resourceIds: `${r1.id}`, scheduleEvent: at, scheduleEventConflictType: 9 }))).toBe('INVALID_ENUM_VALUE');

    // another partner and a USER session see none of these events
    expect(await conflicts(`${r1.id},${r2.id}`, 0, 10000, { scheduleEventConflictType: 3 }, await otherAdmin())).toEqual([]);
    expect(await conflicts(`${r1.id},${r2.id}`, 0, 10000, { scheduleEventConflictType: 3 }, bob)).toEqual([]);
  });

  it("scheduleEvent.updateLiveFeature: the live event's feature of that name, with the properties given", async () => {
    const event = ok(
      await call('scheduleEvent', 'add', {
        scheduleEvent: {
          objectType: 'KalturaLiveStreamScheduleEvent',
          summary: 'live',
          startDate: 1000,
          endDate: 2000,
          recurrenceType: 0,
          liveFeatures: [
            { objectType: 'KalturaLiveCaptionFeature', systemName: 'captions', preStartTime: 10 },
            { objectType: 'KalturaLiveRestreamFeature', systemName: 'restream', preStartTime: 20 },
          ],
        },
      }),
      'live event',
    );
    const updated = ok(
      await call('scheduleEvent', 'updateLiveFeature', {
        scheduledEventId: event.id,
        featureName: 'restream',
        liveFeature: { objectType: 'KalturaLiveRestreamFeature', postEndTime: 60 },
      }),
      'updateLiveFeature',
    );
    expect(updated.liveFeatures.map((f: Json) => [f.systemName, f.preStartTime, f.postEndTime])).toEqual([
      ['captions', 10, undefined],
      ['restream', 20, 60],
    ]);
    expect(ok(await call('scheduleEvent', 'get', { scheduleEventId: event.id }), 'get').liveFeatures[1].postEndTime).toBe(60);
    const missing = await call('scheduleEvent', 'updateLiveFeature', {
      scheduledEventId: event.id,
      featureName: 'nope',
      liveFeature: { objectType: 'KalturaLiveRestreamFeature', postEndTime: 1 },
    });
    expect([code(missing), missing.message]).toEqual(['FEATURE_NAME_NOT_FOUND', 'LiveFeature with name [nope] not found']);
    const plain = ok(
      await call('scheduleEvent', 'add', {
        scheduleEvent: { objectType: 'KalturaRecordScheduleEvent', summary: 'rec', startDate: 1000, endDate: 2000, recurrenceType: 0 },
      }),
      'record event',
    );
    const wrongType = await call('scheduleEvent', 'updateLiveFeature', {
      scheduledEventId: plain.id,
      featureName: 'captions',
      liveFeature: { objectType: 'KalturaLiveCaptionFeature' },
    });
    expect(code(wrongType)).toBe('INVALID_SCHEDULE_EVENT_TYPE');
    // another partner's event is not found for it
    expect(
      code(
        await call(
          'scheduleEvent',
          'updateLiveFeature',
          { scheduledEventId: event.id, featureName: 'captions', liveFeature: { objectType: 'KalturaLiveCaptionFeature' } },
          await otherAdmin(),
        ),
      ),
    ).toBe('SCHEDULE_EVENT_ID_NOT_FOUND');
  });

  it("scheduledTaskProfile.requestDryRun runs the profile's filter now; getDryRunResults answers what it found", async () => {
    const tag = `dry${Date.now() % 100000}`;
    const made: string[] = [];
    for (const [name, tags] of [
      ['old one', `${tag},old`],
      ['old two', `old,${tag}`],
      ['new one', 'new'],
    ] as const)
      made.push(ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name, tags, mediaType: 1 } }), name).id);
    const profile = async (status: number, objectFilter: Json, objectFilterEngineType = '1') =>
      ok(
        await call('scheduledTaskProfile', 'add', {
          scheduledTaskProfile: {
            objectType: 'KalturaScheduledTaskProfile',
            name: 'cleanup',
            status,
            objectFilterEngineType,
            objectFilter,
          },
        }),
        'profile',
      );
    const entries = await profile(2, { objectType: 'KalturaMediaEntryFilter', tagsMultiLikeAnd: `${tag},old`, orderBy: '+name' });
    const requestId = ok(await call('scheduledTaskProfile', 'requestDryRun', { scheduledTaskProfileId: entries.id }), 'requestDryRun');
    expect(typeof requestId).toBe('number');
    const results = ok(await call('scheduledTaskProfile', 'getDryRunResults', { requestId }), 'getDryRunResults');
    expect(results.objectType).toBe('KalturaObjectListResponse');
    expect(results.objects.map((e: Json) => e.name)).toEqual(['old one', 'old two']);
    expect(results.totalCount).toBe(2);
    // the objects it found as they are now: one renamed, one gone
    ok(
      await call('media', 'update', { entryId: made[1], mediaEntry: { objectType: 'KalturaMediaEntry', name: 'old two renamed' } }),
      'rename',
    );
    ok(await call('media', 'delete', { entryId: made[0] }), 'delete');
    expect(ok(await call('scheduledTaskProfile', 'getDryRunResults', { requestId }), 'again').objects.map((e: Json) => e.name)).toEqual([
      'old two renamed',
    ]);
    const one = ok(await call('scheduledTaskProfile', 'requestDryRun', { scheduledTaskProfileId: entries.id, maxResults: 1 }), 'max 1');
    expect(ok(await call('scheduledTaskProfile', 'getDryRunResults', { requestId: one }), 'max 1 results').objects).toHaveLength(1);

    // categories by the category engine
    ok(await call('category', 'add', { category: { objectType: 'KalturaCategory', name: `${tag} cat` } }), 'category');
    const cats = await profile(5, { objectType: 'KalturaCategoryFilter', fullNameEqual: `${tag} cat` }, '2');
    const catRun = ok(await call('scheduledTaskProfile', 'requestDryRun', { scheduledTaskProfileId: cats.id }), 'categories');
    expect(
      ok(await call('scheduledTaskProfile', 'getDryRunResults', { requestId: catRun }), 'cat results').objects.map((c: Json) => c.name),
    ).toEqual([`${tag} cat`]);

    // refusals: a disabled profile, a filter the sandbox cannot apply, a request that is not one
    const disabled = await profile(1, { objectType: 'KalturaMediaEntryFilter' });
    const refused = await call('scheduledTaskProfile', 'requestDryRun', { scheduledTaskProfileId: disabled.id });
    expect([code(refused), refused.message]).toEqual([
      'SCHEDULED_TASK_DRY_RUN_NOT_ALLOWED',
      `Scheduled task profile [${disabled.id}] is not in status ACTIVE or DRY_RUN_ONLY`,
    ]);
    const unapplied = await profile(2, { objectType: 'KalturaMediaEntryFilter', descriptionLike: 'x' });
    expect(code(await call('scheduledTaskProfile', 'requestDryRun', { scheduledTaskProfileId: unapplied.id }))).toBe(
      'SANDBOX_FILTER_NOT_SIMULATED',
    );
    expect(code(await call('scheduledTaskProfile', 'getDryRunResults', { requestId: 987654 }))).toBe('OBJECT_NOT_FOUND');
    expect(code(await call('scheduledTaskProfile', 'getDryRunResults', { requestId }, await otherAdmin()))).toBe('OBJECT_NOT_FOUND');
  });
  it('work Kaltura does within the call that the sandbox cannot (a new stream token, a captured thumbnail, a new access key) is not simulated, not answered unchanged', async () => {
    const live = ok(
      await call('liveStream', 'add', {
        liveStreamEntry: { objectType: 'KalturaLiveStreamEntry', name: 'live', mediaType: 201, sourceType: '32' },
      }),
      'liveStream.add',
    );
    for (const [service, action, params] of [
      ['liveStream', 'regenerateStreamToken', { entryId: live.id }],
      ['thumbAsset', 'regenerate', { thumbAssetId: '0_abcdefgh' }],
      ['entryVendorTask', 'extendAccessKey', { id: 1 }],
    ] as const) {
      const r = await call(service, action, params);
      expect(isError(r) && r.code, `${service}.${action}`).toBe('SANDBOX_ACTION_NOT_SIMULATED');
    }
  });
});
