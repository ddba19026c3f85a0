/**
 * Operations of Kaltura's published description whose answer the sandbox computes from what it
 * already keeps (no data is made up for them):
 * - upload.getUploadedFileTokenByFileName: the caller's upload of that file name (its token and the
 *   bytes it holds), UPLOADED_FILE_NOT_FOUND_BY_TOKEN when there is none, as Kaltura answers;
 * - system.getHealthCheck: the sandbox's own health (its storage answering a trivial query), as text;
 * - partner.getPublicInfo: of the session's own partner only (any other id is INVALID_PARTNER_ID,
 *   whether that partner exists or not);
 * - user.loginByKs: for the session's own partner, the session itself (Kaltura answers the KS it was
 *   called with when the partner is the KS's own); another partner is refused: no sandbox user has
 *   a login in two partners;
 * - categoryUser.copyFromCategory: the parent category's members copied to the category;
 * - playlist.getStatsFromContent: a static list's duration, from its entries;
 * - scheduleEvent.getConflicts: the caller's events of the given resources (and blackout events)
 *   whose time overlaps the event's;
 * - scheduleEvent.updateLiveFeature: the live stream event's feature of that system name, with the
 *   properties given (FEATURE_NAME_NOT_FOUND when it has none of that name);
 * - scheduledTaskProfile.requestDryRun / getDryRunResults: the profile's objectFilter run now (entries
 *   of both kinds, or categories), at most maxResults (1,000), the ids it found kept as a FINISHED
 *   batch job of the caller, whose objects getDryRunResults answers as they are then (those still
 *   there); Kaltura's worker runs it later and keeps the objects as they were; the sandbox, which
 *   has no workers, runs it within the call;
 * - partner.listFeatureStatus: the partner's background processes still running (Kaltura lists
 *   category re-indexing and the like): the sandbox does that work within the call, so none.
 */
import type { KObject } from '../coerce';
import type { Session } from '../context';
import type { SandboxCore } from '../core';
import { KalturaApiError } from '../errors';
import { operationNamed } from '../../description/operation-path';
import type { Data, Gen, Override } from '../generic/engine';
import { notSimulated } from '../generic/engine';
import type { ObjectRow } from '../store';
import { listItems } from '../store';
import { TOKEN_FULL_UPLOAD, TOKEN_PARTIAL_UPLOAD } from '../uploads';
import { isAdmin, ownerScope } from './access';
import { rows } from './categories';
import { BASE_ENTRY_ACTIONS, entryObjects } from './entry-space';
import { entryObject, findEntry } from './media';

/** KalturaPlaylistType STATIC_LIST. */
const STATIC_LIST = 3;
/** KalturaScheduleEventStatus ACTIVE. */
const EVENT_ACTIVE = 2;
/** KalturaScheduleEventRecurrenceType RECURRING (a series; its occurrences are RECURRENCE events). */
const RECURRING = 1;
/** KalturaScheduleEventConflictType. */
const RESOURCE_CONFLICT = 1;
const BLACKOUT_CONFLICT = 2;
const BOTH = 3;

/** KalturaScheduledTaskProfileStatus ACTIVE and DRY_RUN_ONLY: the profiles Kaltura dry-runs. */
const DRY_RUN_STATUSES = [2, 5];
/** KalturaObjectFilterEngineType. */
const ENGINE_ENTRY = '1';
const ENGINE_CATEGORY = '2';
/** KalturaBatchJobType SCHEDULED_TASK and KalturaBatchJobStatus FINISHED. */
const SCHEDULED_TASK_JOB = 'scheduledTask.ScheduledTask';
const JOB_FINISHED = 5;
/** The most results a dry run keeps. */
const MAX_DRY_RUN = 1000;

/** The call's session (these operations require a KS: the core refuses a call without one first). */
function sessionOf(g: Gen): Session {
  const s = g.ctx.session;
  if (!s) throw new KalturaApiError('SERVICE_FORBIDDEN', { SERVICE: `${g.op.service.toLowerCase()}->${g.op.action}` });
  return s;
}

/** A promise bounded by a timeout (the storage of a health check may hang). */
function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

export function computedOverrides(core: SandboxCore): Record<string, Override> {
  const data = (r: ObjectRow): Data => core.generic.dataOf(r);

  return {
    'upload.getuploadedfiletokenbyfilename': async (g) => {
      const s = sessionOf(g);
      const fileName = typeof g.args.fileName === 'string' ? g.args.fileName : '';
      // the newest of the caller's uploads of that name whose bytes are still in the upload (not yet used by an entry)
      const { rows: uploads } = fileName
        ? await core.store.queryTokens(
            s.partnerId,
            [
              { field: 'fileName', op: 'eq', value: fileName },
              { field: 'status', op: 'in', value: [TOKEN_PARTIAL_UPLOAD, TOKEN_FULL_UPLOAD] },
            ],
            ownerScope(g.ctx),
            false,
            1,
            0,
          )
        : { rows: [] };
      const t = uploads[0];
      if (!t) throw new KalturaApiError('UPLOADED_FILE_NOT_FOUND_BY_TOKEN');
      return { objectType: 'KalturaUploadResponse', uploadTokenId: t.id, fileSize: t.uploaded_file_size };
    },

    'scheduleevent.updatelivefeature': async (g) => {
      sessionOf(g);
      const row = await g.engine.find(g, { idParam: 'scheduledEventId', props: [] }, true);
      if (!g.engine.desc.isSubclassOf(row.object_type, 'KalturaLiveStreamScheduleEvent'))
        throw g.engine.error(g.op, 'INVALID_SCHEDULE_EVENT_TYPE', { ID: row.id });
      const name = typeof g.args.featureName === 'string' ? g.args.featureName : '';
      const features = Array.isArray(data(row).liveFeatures) ? [...(data(row).liveFeatures as Data[])] : [];
      const at = features.findIndex((f) => f && f.systemName === name);
      if (at < 0) throw g.engine.error(g.op, 'FEATURE_NAME_NOT_FOUND', { NAME: name.slice(0, 100) });
      const given = (g.args.liveFeature as KObject | null) ?? {};
      const next: Data = { ...features[at] };
      for (const [k, v] of Object.entries(given)) if (k !== 'objectType' && v !== undefined && v !== null) next[k] = v;
      features[at] = next;
      return g.engine.present(g.ctx, g.model, await g.engine.patch(g, row, { liveFeatures: features }));
    },

    'scheduledtaskprofile.requestdryrun': async (g) => {
      sessionOf(g);
      const jobs = g.engine.modelOfClass('KalturaBatchJob');
      if (!jobs) throw notSimulated(g.op);
      const row = await g.engine.find(g, { idParam: 'scheduledTaskProfileId', props: [] });
      const p = data(row);
      if (!DRY_RUN_STATUSES.includes(Number(p.status))) throw g.engine.error(g.op, 'SCHEDULED_TASK_DRY_RUN_NOT_ALLOWED', { ID: row.id });
      const asked = typeof g.args.maxResults === 'number' && g.args.maxResults > 0 ? Math.floor(g.args.maxResults) : 500;
      const max = Math.min(asked, MAX_DRY_RUN);
      const categories = String(p.objectFilterEngineType ?? ENGINE_ENTRY) === ENGINE_CATEGORY;
      const filter = (p.objectFilter as KObject | undefined) ?? {
        objectType: categories ? 'KalturaCategoryFilter' : 'KalturaBaseEntryFilter',
      };
      const found: unknown[] = [];
      for (let page = 1; found.length < max; page++) {
        const pager = { objectType: 'KalturaFilterPager', pageSize: Math.min(500, max), pageIndex: page };
        let objects: unknown[];
        if (categories) {
          const cat = g.engine.modelOfClass('KalturaCategory');
          const op = operationNamed(g.engine.desc, 'category', 'list');
          if (!cat || !op) throw notSimulated(g.op);
          objects = ((await g.engine.list({ ...g, model: cat, op }, filter, pager)).objects as unknown[]) ?? [];
        } else objects = ((await BASE_ENTRY_ACTIONS['baseEntry.list']!(g.ctx, { filter, pager })) as { objects: unknown[] }).objects;
        found.push(...objects.slice(0, max - found.length));
        if (objects.length < pager.pageSize) break;
      }
      // the ids it found (the objects are read when the results are asked for: a small row per run)
      const ids = found.map((o) => String((o as Data).id));
      const job = await g.engine.insert(
        { ...g, model: jobs },
        'KalturaBatchJob',
        { jobType: SCHEDULED_TASK_JOB, status: JOB_FINISHED, jobObjectId: row.id, __dryRun: { categories, ids } },
        {},
      );
      return Number(job.id);
    },
    'scheduledtaskprofile.getdryrunresults': async (g) => {
      sessionOf(g);
      const jobs = g.engine.modelOfClass('KalturaBatchJob');
      const id = g.args.requestId;
      const job = jobs && typeof id === 'number' ? await g.engine.liveObject(g.ctx, 'KalturaBatchJob', id) : undefined;
      const d = job ? data(job) : undefined;
      if (!job || !d || d.jobType !== SCHEDULED_TASK_JOB) throw g.engine.error(g.op, 'OBJECT_NOT_FOUND');
      if (Number(d.status) !== JOB_FINISHED) throw g.engine.error(g.op, 'DRY_RUN_NOT_READY');
      const run = (d.__dryRun ?? {}) as { categories?: boolean; ids?: string[] };
      const ids = Array.isArray(run.ids) ? run.ids.map(String) : [];
      let objects: unknown[] = [];
      if (!run.categories) objects = await entryObjects(g.ctx, ids);
      else {
        const cat = g.engine.modelOfClass('KalturaCategory');
        for (const id of ids) {
          const r = await g.engine.liveObject(g.ctx, 'KalturaCategory', id);
          if (cat && r) objects.push(await g.engine.present(g.ctx, cat, r));
        }
      }
      return { objectType: 'KalturaObjectListResponse', objects, totalCount: objects.length };
    },

    'partner.listfeaturestatus': (g) => {
      sessionOf(g);
      return { objectType: 'KalturaFeatureStatusListResponse', objects: [], totalCount: 0 };
    },

    // the sandbox's health: its storage answers a trivial query (no data, no address, no secret)
    'system.gethealthcheck': async () => {
      const storage = core.settings.storage;
      const publicMode = core.visitors !== null;
      const t0 = performance.now();
      try {
        await within(core.store.ping(), 5000);
        return JSON.stringify({ status: 'ok', storage, publicMode, storageMs: Math.round((performance.now() - t0) * 10) / 10 });
      } catch {
        return JSON.stringify({ status: 'error', storage, publicMode, reason: `the ${storage} storage did not answer` });
      }
    },

    // KalturaPartnerPublicInfo holds the partner's analytics URL, OTT environment URL and analytics
    // session setting: the sandbox has no analytics service and no OTT environment, so none is set
    'partner.getpublicinfo': async (g) => {
      const s = sessionOf(g);
      const id = g.args.id;
      const shown = typeof id === 'number' || typeof id === 'string' ? String(id) : '';
      // the session's own partner only: another partner's id is the same error whether it exists or not
      if (typeof id !== 'number' || id !== s.partnerId || !(await core.store.getPartner(id)))
        throw g.engine.error(g.op, 'INVALID_PARTNER_ID', { PID: shown.slice(0, 50) });
      return { objectType: 'KalturaPartnerPublicInfo' };
    },

    'user.loginbyks': async (g) => {
      const s = sessionOf(g);
      const requested = g.args.requestedPartnerId;
      // Kaltura answers the very KS for its own partner: no new session, nothing lengthened or widened
      if (typeof requested === 'number' && requested === s.partnerId)
        return { objectType: 'KalturaSessionResponse', ks: s.ks, partnerId: s.partnerId, userId: s.userId };
      if (!s.userId) throw g.engine.error(g.op, 'INVALID_USER_ID', { USER_ID: '' });
      // a user of this partner has no login in another one (the same answer whether that partner exists or not)
      throw g.engine.error(g.op, 'ADMIN_KUSER_NOT_FOUND');
    },

    'categoryuser.copyfromcategory': async (g) => {
      const s = sessionOf(g);
      // Kaltura refuses it under entitlement enforcement (USER sessions): members are the admin's to manage
      if (!isAdmin(g.ctx)) throw g.engine.error(g.op, 'CANNOT_UPDATE_CATEGORY_USER');
      const cat = g.engine.modelOfClass('KalturaCategory');
      const members = g.engine.modelOfClass('KalturaCategoryUser');
      const id = g.args.categoryId;
      const row = cat && typeof id === 'number' ? await core.store.getObject(cat.kind, String(id)) : undefined;
      if (!members)
        throw new KalturaApiError('INVALID_FIELD_VALUE', { FIELD_NAME: 'categoryId (the description has no KalturaCategoryUser)' });
      if (!cat || !row || row.partner_id !== s.partnerId || !cat.family.includes(row.object_type) || g.engine.isDeleted(cat, row))
        throw g.engine.error(g.op, 'CATEGORY_NOT_FOUND', { ID: id === undefined || id === null ? '' : String(id) });
      const category = data(row);
      const parentId = Number(category.parentId ?? 0);
      if (!parentId) throw g.engine.error(g.op, 'CATEGORY_DOES_NOT_HAVE_PARENT_CATEGORY');
      const already = new Set(
        (await rows(core, members, s.partnerId, [{ field: 'categoryId', op: 'eq', value: Number(row.id) }])).map((r) =>
          String(data(r).userId),
        ),
      );
      for (const m of await rows(core, members, s.partnerId, [{ field: 'categoryId', op: 'eq', value: parentId }])) {
        const d = data(m);
        if (already.has(String(d.userId))) continue;
        const copy: Data = { categoryId: Number(row.id) };
        for (const k of ['userId', 'permissionLevel', 'permissionNames', 'updateMethod', 'status'])
          if (d[k] !== undefined && d[k] !== null) copy[k] = d[k];
        if (category.fullIds !== undefined) copy.categoryFullIds = category.fullIds;
        await g.engine.insert({ ...g, model: members }, m.object_type, copy, {});
        already.add(String(d.userId));
      }
      return null;
    },

    // Kaltura's statistics of a playlist's content: its entries' total duration (a static list's entries
    // are ids; a dynamic playlist's content is XML the sandbox does not read)
    'playlist.getstatsfromcontent': async (g) => {
      const type = g.args.playlistType;
      if (type !== STATIC_LIST)
        throw new KalturaApiError('INVALID_FIELD_VALUE', {
          FIELD_NAME: 'playlistType (the sandbox computes the statistics of static playlists: STATIC_LIST [3])',
        });
      const content = typeof g.args.playlistContent === 'string' ? g.args.playlistContent : '';
      let ms = 0;
      for (const id of listItems(content).slice(0, 500)) {
        let e: Awaited<ReturnType<typeof findEntry>>;
        try {
          e = await findEntry(g.ctx, id);
        } catch {
          continue; // unknown or not visible: not in the playlist's execution, as Kaltura leaves it out
        }
        const o = await entryObject(g.ctx, e);
        if (typeof o.msDuration === 'number') ms += o.msDuration;
      }
      return { objectType: 'KalturaPlaylist', playlistType: type, playlistContent: content, duration: Math.round(ms / 1000) };
    },

    'scheduleevent.getconflicts': async (g) => {
      sessionOf(g);
      const events = g.engine.modelOfClass('KalturaScheduleEvent');
      if (!events)
        throw new KalturaApiError('INVALID_FIELD_VALUE', { FIELD_NAME: 'scheduleEvent (the description has no KalturaScheduleEvent)' });
      const eg: Gen = { ...g, model: events };
      const resourceIds = listItems(g.args.resourceIds)
        .map(Number)
        .filter((n) => Number.isInteger(n));
      if (!resourceIds.length) throw new KalturaApiError('PROPERTY_VALIDATION_CANNOT_BE_NULL', { PROP_NAME: 'resourceIds' });
      const event = g.args.scheduleEvent as KObject | null;
      const start = event?.startDate;
      const end = event?.endDate;
      if (typeof start !== 'number')
        throw new KalturaApiError('PROPERTY_VALIDATION_CANNOT_BE_NULL', { PROP_NAME: 'scheduleEvent::startDate' });
      if (typeof end !== 'number') throw new KalturaApiError('PROPERTY_VALIDATION_CANNOT_BE_NULL', { PROP_NAME: 'scheduleEvent::endDate' });
      if (event?.recurrenceType === RECURRING)
        throw new KalturaApiError('INVALID_FIELD_VALUE', {
          FIELD_NAME: 'scheduleEvent.recurrenceType (the sandbox does not expand recurrence rules: give one occurrence, NONE [0])',
        });
      const type = typeof g.args.scheduleEventConflictType === 'number' ? g.args.scheduleEventConflictType : RESOURCE_CONFLICT;
      // event ids are numbers: another text names no event, so nothing is left out for it
      const ignoreText = typeof g.args.scheduleEventIdToIgnore === 'string' ? g.args.scheduleEventIdToIgnore.trim() : '';
      const ignore = /^\d{1,15}$/.test(ignoreText) ? Number(ignoreText) : undefined;
      // Kaltura's window: active events, not a recurring series itself (its occurrences are events of their own)
      const overlapping = [
        { field: 'startDate', op: 'lt' as const, value: end },
        { field: 'endDate', op: 'gt' as const, value: start },
        { field: 'status', op: 'eq' as const, value: EVENT_ACTIVE },
        { field: 'recurrenceType', op: 'ne' as const, value: RECURRING },
        ...(ignore !== undefined
          ? [
              { field: 'id', op: 'ne' as const, value: ignore },
              { field: 'parentId', op: 'ne' as const, value: ignore },
            ]
          : []),
      ];
      const found = new Map<string, ObjectRow>();
      if (type === RESOURCE_CONFLICT || type === BOTH) {
        const links = g.engine.modelOfClass('KalturaScheduleEventResource');
        const eventIds = links
          ? [
              ...new Set(
                (await g.engine.query({ ...g, model: links }, [{ field: 'resourceId', op: 'in', value: resourceIds }], [], 10000, 0)).map(
                  (r) => Number(data(r).eventId),
                ),
              ),
            ]
          : [];
        for (const r of await g.engine.query(eg, [{ field: 'id', op: 'in', value: eventIds }, ...overlapping], [], 10000, 0))
          found.set(r.id, r);
      }
      if (type === BLACKOUT_CONFLICT || type === BOTH) {
        for (const r of await g.engine.query(eg, overlapping, [], 10000, 0))
          if (r.object_type === 'KalturaBlackoutScheduleEvent') found.set(r.id, r);
      }
      const answered = [...found.values()].sort(
        (a, b) => Number(data(a).startDate) - Number(data(b).startDate) || Number(a.id) - Number(b.id),
      );
      return {
        objectType: 'KalturaScheduleEventListResponse',
        objects: await Promise.all(answered.map((r) => g.engine.present(g.ctx, events, r))),
        totalCount: answered.length,
      };
    },
  };
}
