/**
 * One entry space. Media entries live in the hand-written media service's table (media.ts); the
 * entries of the generic entry services (playlist, liveStream, data, document, externalMedia, as
 * the description has them) are generic objects of the kind of the baseEntry service's class.
 * Both share ids (`0_` + 8 characters), ownership and the baseEntry service, as on Kaltura:
 * baseEntry.get / getByIds / update / delete / approve / reject / list / count /
 * listByReferenceId answer either kind, and a reference to an entry from another service
 * (categoryEntry, captionAsset, ...) finds either. media.* answers media entries only
 * (ENTRY_ID_NOT_FOUND for a playlist's id, as Kaltura's media service does).
 */
import { operationNamed } from '../../description/operation-path';
import type { ApiDescription } from '../../description/types';
import type { KObject } from '../coerce';
import type { Action, CallContext } from '../context';
import { KalturaApiError } from '../errors';
import type { SandboxCore } from '../core';
import type { ClassHooks, Data, ExtensionPart, Gen } from '../generic/engine';
import type { ServiceModel } from '../generic/model';
import { type Condition, type EntryRow, listItems, type ObjectRow, type OrderBy } from '../store';
import { canEdit, canView, isAdmin, ownerScope } from './access';
import { entryCategories, entryCategoryIds, setEntryCategories } from './categories';
import { checkEntryReferences, withDefaultAccessControl } from './references';
import { ensureUser } from './users';
import { entryThumbnail } from './objects';
import * as media from './media';
import { pageOf } from './paging';

/** Kaltura caps what a list reaches (its search engine answers the first 10,000 matches). */
const MERGE_CAP = 10_000;

/** The KalturaEntryType of media entries (MEDIA_CLIP). */
const MEDIA_CLIP = '1';

/** The generic model the entries of other types are kept by (the baseEntry service's), if the description has one. */
function entryModel(core: SandboxCore): ServiceModel | undefined {
  return core.generic.model('baseEntry');
}

/** The call as the generic engine takes it, for the row's own service (its status, its hooks). */
function genOf(ctx: CallContext, action: string, args: Record<string, unknown>, row?: ObjectRow): Gen | undefined {
  const base = entryModel(ctx.core);
  const op = operationNamed(ctx.core.generic.desc, 'baseEntry', action);
  if (!base || !op) return undefined;
  const model = (row && ctx.core.generic.modelOfClass(row.object_type)) || base;
  return { ctx, engine: ctx.core.generic, model, op, args };
}

/**
 * The generic entry `id` names, if this session may see it (or edit it): of its partner and not
 * deleted. (Callers look in the media table first: an id there is the hand-written service's.)
 */
export async function genericEntry(ctx: CallContext, id: unknown, forEdit = false): Promise<ObjectRow | undefined> {
  const m = entryModel(ctx.core);
  if (!m || typeof id !== 'string' || id === '' || id.length > 100) return undefined;
  const row = await ctx.core.store.getObject(m.kind, id);
  if (!row || row.partner_id !== ctx.session?.partnerId || !m.family.includes(row.object_type)) return undefined;
  const own = ctx.core.generic.modelOfClass(row.object_type) ?? m;
  if (ctx.core.generic.isDeleted(own, row)) return undefined;
  return (forEdit ? canEdit(ctx, row, row.id) : canView(ctx, row, row.id)) ? row : undefined;
}

/**
 * A generic entry of the call's service (a document entry for `documents`), or ENTRY_ID_NOT_FOUND:
 * an entry of another type is not found either, as Kaltura answers.
 */
export async function entryOfService(g: Gen, id: unknown, forEdit = false): Promise<ObjectRow> {
  const row = await genericEntry(g.ctx, id, forEdit);
  if (!row || !g.model?.family.includes(row.object_type))
    throw new KalturaApiError('ENTRY_ID_NOT_FOUND', { ENTRY_ID: typeof id === 'string' ? id.slice(0, 100) : '' });
  return row;
}

/** Whether an entry of either kind exists for this session (what references to an entry check). */
export async function entryVisible(ctx: CallContext, id: string): Promise<boolean> {
  return (await media.entryVisible(ctx, id)) || !!(await genericEntry(ctx, id));
}

/** The entry as the API answers it, from its own service (or the baseEntry service's). */
async function present(ctx: CallContext, row: ObjectRow): Promise<Data> {
  const m = ctx.core.generic.modelOfClass(row.object_type) ?? entryModel(ctx.core);
  return m ? ctx.core.generic.present(ctx, m, row) : { objectType: row.object_type, ...ctx.core.generic.dataOf(row) };
}

/** An action on one entry: the hand-written one for media entries, `generic` for the others. */
function either(handwritten: Action, action: string, forEdit: boolean, generic: (g: Gen, row: ObjectRow) => Promise<unknown>): Action {
  return async (ctx, a) => {
    const id = a.entryId;
    if (typeof id === 'string' && id.length <= 100 && !(await ctx.core.store.getEntry(id))) {
      const row = await genericEntry(ctx, id, forEdit);
      const g = row && genOf(ctx, action, a, row);
      if (row && g) return generic(g, row);
    }
    return handwritten(ctx, a);
  };
}

const get = either(media.get, 'get', false, (g, row) => present(g.ctx, row));

const update = either(
  (ctx, a) => media.update(ctx, { ...a, mediaEntry: a.baseEntry }),
  'update',
  true,
  async (g, row) => present(g.ctx, await g.engine.update(g, row, (g.args.baseEntry as KObject | null) ?? null)),
);

const del = either(media.del, 'delete', true, async (g, row) => {
  await g.engine.remove(g, row);
  return null;
});

function moderate(handwritten: Action, action: string, status: number): Action {
  return either(handwritten, action, true, async (g, row) => {
    await g.engine.patch(g, row, { moderationStatus: status });
    return null;
  });
}

/** The entries of `ids` this session may see, either kind, in their order (others left out, as Kaltura does). */
export async function entryObjects(ctx: CallContext, ids: string[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const id of ids) {
    if (id.length > 100) continue;
    if (await ctx.core.store.getEntry(id)) {
      try {
        out.push(await media.entryObject(ctx, await media.findEntry(ctx, id)));
      } catch {
        /* not visible */
      }
      continue;
    }
    const row = await genericEntry(ctx, id);
    if (row) out.push(await present(ctx, row));
  }
  return out;
}

/** baseEntry.getByIds: a comma-separated list of ids (at most 500). */
export const getByIds: Action = (ctx, a) => entryObjects(ctx, listItems(a.entryIds));

/** The KalturaEntryType values a filter asks for (`typeEqual`, `typeIn`), or undefined for all. */
function typesOf(f: KObject): Set<string> | undefined {
  if (f.typeEqual !== undefined && f.typeEqual !== null && f.typeEqual !== '') return new Set([String(f.typeEqual)]);
  if (typeof f.typeIn === 'string' && f.typeIn.trim()) return new Set(listItems(f.typeIn));
  return undefined;
}

/** A media entry's value for an order field. */
function mediaSortValue(e: EntryRow, field: string): unknown {
  if (field === 'createdAt') return e.created_at;
  if (field === 'updatedAt') return e.updated_at;
  return field === 'name' ? e.name : field === 'mediaType' ? e.media_type : undefined;
}

/** A generic entry's value for an order field (its data is read only for fields that are not columns). */
function genericSortValue(ctx: CallContext, row: ObjectRow, field: string): unknown {
  if (field === 'createdAt') return row.created_at;
  if (field === 'updatedAt') return row.updated_at;
  return ctx.core.generic.dataOf(row)[field];
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/**
 * baseEntry.list / count over both kinds: each kind filtered and sorted by itself, then merged in
 * the one order (media entries first among equals). A page past both kinds' first 10,000 matches
 * is empty (its totalCount still counts every match).
 */
async function listAll(
  ctx: CallContext,
  a: Record<string, unknown>,
  countOnly: boolean,
): Promise<{ objects: unknown[]; totalCount: number }> {
  const f = (a.filter as KObject | null) ?? { objectType: 'KalturaBaseEntryFilter' };
  const types = typesOf(f);
  const { limit, offset } = countOnly ? { limit: 0, offset: 0 } : pageOf(a.pager as KObject | null);
  const order: OrderBy = media.entryOrder(f.orderBy);

  // media entries: the entries table
  let mediaQuery: { where: Condition[]; order: OrderBy } | undefined;
  if (!types || types.has(MEDIA_CLIP)) {
    await media.refreshEntries(ctx.core);
    mediaQuery = await media.entryQuery(ctx, f);
  }

  // the others: generic objects, by the filter's properties (category membership by the relations)
  const g = genOf(ctx, 'list', a);
  let query: ((limit: number, offset: number) => Promise<{ rows: ObjectRow[]; total: number }>) | undefined;
  if (g) {
    const stored: KObject = { objectType: f.objectType };
    for (const [k, v] of Object.entries(f)) if (k !== 'typeEqual' && k !== 'typeIn') stored[k] = v;
    const where = await g.engine.filterConditions(g, stored);
    if (types) where.push({ field: 'type', op: 'in', value: [...types].filter((t) => t !== MEDIA_CLIP) });
    const q = { kind: g.model.kind, partnerId: ctx.session!.partnerId, objectTypes: g.model.family, where, owner: ownerScope(ctx) };
    query = (lim, off) =>
      g.engine.ctxStore().pageObjects({ ...q, live: !where.some((c) => c.field === 'status'), order: [order], limit: lim, offset: off });
  }
  const mediaPage = mediaQuery
    ? (lim: number, off: number) =>
        ctx.core.store.queryEntries(ctx.session!.partnerId, mediaQuery.where, ownerScope(ctx), mediaQuery.order, lim, off)
    : undefined;

  if (countOnly || limit === 0) {
    const counted = (await Promise.all([mediaPage?.(0, 0), query?.(0, 0)])).reduce((n, r) => n + (r?.total ?? 0), 0);
    return { objects: [], totalCount: counted };
  }
  // one kind alone is paged directly (its page answers its total too); both are merged
  const generic = query ? await query(limit, offset) : undefined;
  const genericTotal = generic?.total ?? 0;
  if (!genericTotal) {
    const page = mediaPage ? await mediaPage(limit, offset) : { rows: [], total: 0 };
    return { objects: await Promise.all(page.rows.map((e) => media.entryObject(ctx, e))), totalCount: page.total };
  }
  const mediaTotal = mediaPage ? (await mediaPage(0, 0)).total : 0;
  const totalCount = mediaTotal + genericTotal;
  if (!mediaPage || !mediaTotal || !query) {
    return { objects: await Promise.all((generic?.rows ?? []).map((r) => present(ctx, r))), totalCount };
  }
  if (offset + limit > MERGE_CAP) return { objects: [], totalCount };
  const mediaRows = (await mediaPage(offset + limit, 0)).rows;
  const genericRows = (await query(offset + limit, 0)).rows;
  const merged: Array<{ media: EntryRow } | { generic: ObjectRow }> = [];
  let i = 0;
  let j = 0;
  while (merged.length < offset + limit) {
    const m = mediaRows[i];
    const o = genericRows[j];
    if (!m && !o) break;
    const c = m && o ? compare(mediaSortValue(m, order.field), genericSortValue(ctx, o, order.field)) : 0;
    if (m && (!o || (order.desc ? -c : c) <= 0)) {
      merged.push({ media: m });
      i++;
    } else if (o) {
      merged.push({ generic: o });
      j++;
    }
  }
  const page = merged.slice(offset, offset + limit);
  return {
    objects: await Promise.all(page.map((x) => ('media' in x ? media.entryObject(ctx, x.media) : present(ctx, x.generic)))),
    totalCount,
  };
}

const list: Action = async (ctx, a) => ({ objectType: 'KalturaBaseEntryListResponse', ...(await listAll(ctx, a, false)) });

/** KalturaEntryType AUTOMATIC: the type comes with the content (media, in the sandbox). */
const AUTOMATIC = '-1';

/**
 * baseEntry.add(entry, type): a media entry (MEDIA_CLIP, AUTOMATIC, or a KalturaMediaEntry) in the
 * media table; another type as an object of the generic service whose class has that type (a
 * KalturaPlaylist for PLAYLIST); a type no service of the description keeps is
 * ENTRY_TYPE_NOT_SUPPORTED, as Kaltura answers it.
 */
const add: Action = async (ctx, a) => {
  const input = (a.entry as KObject | null) ?? { objectType: 'KalturaBaseEntry' };
  const given = a.type === undefined || a.type === null || a.type === '' ? undefined : String(a.type);
  const engine = ctx.core.generic;
  const cls = input.objectType;
  const ownType = cls === 'KalturaBaseEntry' ? undefined : entryTypeOf(engine.desc, cls);
  const type = given ?? (ownType === undefined ? AUTOMATIC : String(ownType));
  const op = operationNamed(engine.desc, 'baseEntry', 'add');
  const unsupported = () => engine.error(op, 'ENTRY_TYPE_NOT_SUPPORTED', { ENTRY_TYPE: type.slice(0, 50) });
  if (type === MEDIA_CLIP || type === AUTOMATIC) {
    if (cls !== 'KalturaBaseEntry' && !engine.desc.isSubclassOf('KalturaMediaEntry', cls) && cls !== 'KalturaMediaEntry')
      throw unsupported();
    return media.add(ctx, { entry: { ...input, objectType: 'KalturaMediaEntry' } });
  }
  if (ownType !== undefined && String(ownType) !== type) throw unsupported();
  // the entry class of that type: the one given, else the service class whose name spells the type
  const base = entryModel(ctx.core);
  const model =
    cls === 'KalturaBaseEntry'
      ? [...engine.models.values()].find(
          (m) => m.kind === base?.kind && m.objectClass !== 'KalturaBaseEntry' && String(entryTypeOf(engine.desc, m.objectClass)) === type,
        )
      : engine.modelOfClass(cls);
  if (!model || !base || model.kind !== base.kind || !op) {
    // a type of the API that no service of the sandbox keeps (LIVE_CHANNEL): not simulated, rather than unsupported
    const known = engine.desc.getEnum('KalturaEntryType')?.values.find((v) => String(v.value) === type);
    if (known && op)
      throw new KalturaApiError('SANDBOX_ACTION_NOT_SIMULATED', {
        SERVICE_NAME: op.service,
        ACTION_NAME: `${op.action} (entry type ${known.name})`,
      });
    throw unsupported();
  }
  const g: Gen = { ctx, engine, model, op, args: a };
  const row = await engine.add(g, { ...input, objectType: cls === 'KalturaBaseEntry' ? model.objectClass : cls }, []);
  return present(ctx, row);
};

/** baseEntry.getRemotePaths: the sandbox keeps no copy on remote storage, so an entry it has has none. */
const remotePaths: Action = async (ctx, a) => {
  const id = typeof a.entryId === 'string' ? a.entryId : '';
  if (!(await entryVisible(ctx, id))) throw new KalturaApiError('ENTRY_ID_NOT_FOUND', { ENTRY_ID: id.slice(0, 100) });
  return { objectType: 'KalturaRemotePathListResponse', objects: [], totalCount: 0 };
};

/** The baseEntry actions over both kinds of entries. */
export const BASE_ENTRY_ACTIONS: Record<string, Action> = {
  'baseEntry.add': add,
  'baseEntry.getRemotePaths': remotePaths,
  'baseEntry.get': get,
  'baseEntry.getByIds': getByIds,
  'baseEntry.update': update,
  'baseEntry.delete': del,
  'baseEntry.approve': moderate(media.moderate(media.MODERATION_APPROVED), 'approve', media.MODERATION_APPROVED),
  'baseEntry.reject': moderate(media.moderate(media.MODERATION_REJECTED), 'reject', media.MODERATION_REJECTED),
  'baseEntry.list': list,
  'baseEntry.count': async (ctx, a) => (await listAll(ctx, a, true)).totalCount,
  'baseEntry.listByReferenceId': (ctx, a) =>
    list(ctx, { filter: { objectType: 'KalturaBaseEntryFilter', referenceIdEqual: a.refId }, pager: a.pager }),
};

/**
 * The entry type of an entry class, as Kaltura sets it (KalturaPlaylist -> PLAYLIST,
 * KalturaLiveStreamEntry -> LIVE_STREAM): the constant of KalturaEntryType the class name spells,
 * else its parent class's.
 */
export function entryTypeOf(desc: ApiDescription, cls: string): string | number | undefined {
  const values = desc.getEnum('KalturaEntryType')?.values ?? [];
  for (let c: string | undefined = cls, depth = 0; c && depth < 10; c = desc.getClass(c)?.base, depth++) {
    const words = c.replace(/^Kaltura/, '').replace(/Entry$/, '');
    const name = words.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
    const v = values.find((x) => x.name === name);
    if (v) return v.value;
  }
  return undefined;
}

/**
 * What Kaltura deletes with an entry: its category memberships (the categories' entry counts
 * follow), its assets (flavors, thumbnails, captions, attachments, with their files), its cue
 * points, its custom metadata and what is kept one per entry (its quiz). Each goes as its own delete would (its hooks, its file); they go
 * whoever made them, as the entry's owner deletes the entry.
 */
export async function dropDependents(ctx: CallContext, entryId: string): Promise<void> {
  const engine = ctx.core.generic;
  const partnerId = ctx.session?.partnerId;
  if (partnerId === undefined) return;
  const byEntry: Condition[] = [{ field: 'entryId', op: 'eq', value: entryId }];
  const of = (cls: string) =>
    [...engine.models.values()].filter((m) => m.objectClass === cls || engine.desc.isSubclassOf(m.objectClass, cls));
  const targets: Array<[ServiceModel, Condition[]]> = [
    ...of('KalturaCategoryEntry').map((m): [ServiceModel, Condition[]] => [m, byEntry]),
    ...of('KalturaAsset').map((m): [ServiceModel, Condition[]] => [m, byEntry]),
    ...of('KalturaCuePoint').map((m): [ServiceModel, Condition[]] => [m, byEntry]),
    // KalturaMetadataObjectType ENTRY ("1"), as given or as a number
    ...of('KalturaMetadata').map((m): [ServiceModel, Condition[]] => [
      m,
      [
        { field: 'objectId', op: 'eq', value: entryId },
        { field: 'metadataObjectType', op: 'in', value: ['1', 1] },
      ],
    ]),
  ];
  // objects kept one per entry, stored under the entry's id (a quiz)
  const perEntry = [...engine.models.values()].filter((m) => m.parentParam === 'entryId');
  const gone = new Set<string>();
  for (const [m, where] of [...targets, ...perEntry.map((m): [ServiceModel, undefined] => [m, undefined])]) {
    const one = where ? undefined : await ctx.core.store.getObject(m.kind, entryId);
    const rows = where
      ? await ctx.core.store.queryObjects({
          kind: m.kind,
          partnerId,
          objectTypes: m.family,
          where,
          live: true,
          order: [],
          limit: 10_000,
          offset: 0,
        })
      : one && one.partner_id === partnerId && m.family.includes(one.object_type)
        ? [one]
        : [];
    // the service's own delete (a quiz has none: it goes as the entry's delete)
    const op = operationNamed(engine.desc, m.service, 'delete') ?? operationNamed(engine.desc, 'baseEntry', 'delete');
    if (!op) continue;
    for (const row of rows) {
      const key = `${row.kind}/${row.id}`;
      if (gone.has(key) || engine.isDeleted(m, row)) continue;
      gone.add(key);
      await engine.remove({ ctx, engine, model: m, op, args: {} }, row);
    }
  }
}

/** Generic entries: their type (stored, so lists filter on it), their categories and default thumbnail, as media entries have them; what goes with them when they are deleted. */
export function entryExtensions(core: SandboxCore): ExtensionPart {
  core.entryDeleted = dropDependents;
  return {
    hooks: entryHooks(core),
    overrides: {
      // the list filters of every entry service (playlist.list, liveStream.list, baseEntry.list):
      // category membership from the relations; isRoot from parentEntryId (the sandbox makes no child entries)
      'filter:kalturabaseentry': async (g) => {
        const f = g.args.filter as KObject;
        const out: Condition[] = [];
        const ids = await core.entryIdsOf?.(g.ctx, f);
        if (ids !== undefined) out.push({ field: 'id', op: 'in', value: ids });
        // KalturaNullableBoolean: TRUE_VALUE (1) roots only, FALSE_VALUE (0) children only, NULL_VALUE (-1) either
        if (Number(f.isRoot) === 1 || f.isRoot === true) out.push({ field: 'parentEntryId', op: 'isNull' });
        else if (f.isRoot !== undefined && f.isRoot !== null && f.isRoot !== '' && Number(f.isRoot) === 0)
          out.push({ field: 'parentEntryId', op: 'notNull' });
        return out;
      },
    },
    filterFields: { kalturabaseentry: [...media.CATEGORY_FILTER_FIELDS, 'isRoot'] },
  };
}

function entryHooks(core: SandboxCore): Record<string, ClassHooks> {
  // the categories a new entry names, checked before it is stored and joined once it is
  const joining = new WeakMap<Data, number[]>();
  const takeCategories = async (g: Gen, d: Data): Promise<number[] | undefined> => {
    const ids = await entryCategoryIds(g.ctx, d);
    delete d.categories;
    delete d.categoriesIds;
    return ids;
  };
  return {
    KalturaBaseEntry: {
      async beforeDelete(g, _data, row) {
        await dropDependents(g.ctx, row.id);
      },
      async afterAdd(g, data, row) {
        const ids = joining.get(data);
        if (ids) await setEntryCategories(g.ctx, row.id, ids);
        // the entry's owner is a user of the partner (made if unknown, as Kaltura does)
        await ensureUser(g.ctx, row.partner_id, row.user_id);
      },
      // an ADMIN session gives the entry to another user by its userId (as media.update does); a USER session's userId is ignored
      async beforeUpdate(g, _current, patch, row) {
        await checkEntryReferences(g.ctx, patch);
        const categoryIds = await takeCategories(g, patch);
        if (categoryIds) await setEntryCategories(g.ctx, row.id, categoryIds);
        if (patch.userId === undefined) return;
        if (!isAdmin(g.ctx) || typeof patch.userId !== 'string' || patch.userId === '') {
          delete patch.userId;
          return;
        }
        await g.engine.ctxStore().updateObject(row.kind, row.id, { user_id: patch.userId, anon_owner: 0 });
      },
      async beforeAdd(g, data, row) {
        await checkEntryReferences(g.ctx, data);
        if (g.engine.desc.allProperties(row.object_type).some((p) => p.name === 'accessControlId'))
          await withDefaultAccessControl(g.ctx, data);
        const categoryIds = await takeCategories(g, data);
        if (categoryIds) joining.set(data, categoryIds);
        // an ADMIN session may make an entry for another user, who owns it then (as media.add does)
        // (a USER session's entry is its own, whatever userId it names)
        if (isAdmin(g.ctx) && typeof data.userId === 'string' && data.userId !== '') {
          row.user_id = data.userId;
          row.anon_owner = 0;
        } else if (!isAdmin(g.ctx)) data.userId = row.user_id;
        const type = entryTypeOf(g.engine.desc, row.object_type);
        if (type !== undefined && data.type === undefined) data.type = type;
      },
      // from the entry's category memberships and thumbnail assets
      computed: ['categories', 'categoriesIds', 'thumbnailUrl'],
      async present(ctx, engine, d, row) {
        if (d.type === undefined) {
          const type = entryTypeOf(engine.desc, row.object_type);
          if (type !== undefined) d.type = type;
        }
        // (never what a caller once sent: the memberships are the categories)
        delete d.categories;
        delete d.categoriesIds;
        Object.assign(d, await entryCategories(core, ctx, row), await entryThumbnail(core, ctx, row.id));
      },
    },
  };
}

/** An entry of either kind as a search reads it: its text fields by the names of Kaltura's search, and the object answered. */
export interface EntryView {
  id: string;
  createdAt: number;
  /** `name`, `description`, `tags`, `admin_tags`, `reference_id`, `id`, `kuser_id`, `creator_kuser_id`. */
  text(field: string): string | undefined;
  object(): Promise<unknown>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The entries of both kinds this session may see, with one of `statuses` (KalturaEntryStatus
 * values), newest first, at most 10,000 of each kind; `ids` narrows them.
 */
export async function searchableEntries(ctx: CallContext, statuses: number[], ids?: string[]): Promise<EntryView[]> {
  await media.refreshEntries(ctx.core);
  const where: Condition[] = [{ field: 'status', op: 'in', value: statuses }];
  if (ids) where.push({ field: 'id', op: 'in', value: ids });
  const { rows } = await ctx.core.store.queryEntries(
    ctx.session!.partnerId,
    where,
    ownerScope(ctx),
    { field: 'createdAt', desc: true },
    MERGE_CAP,
    0,
  );
  const out: EntryView[] = rows.map((e) => {
    const props = JSON.parse(e.props) as Record<string, unknown>;
    const text: Record<string, string | undefined> = {
      name: e.name,
      description: str(props.description),
      tags: e.tags ?? undefined,
      admin_tags: str(props.adminTags),
      reference_id: e.reference_id ?? undefined,
      id: e.id,
      kuser_id: e.user_id,
      creator_kuser_id: e.creator_id,
    };
    return { id: e.id, createdAt: e.created_at, text: (f) => text[f], object: () => media.entryObject(ctx, e) };
  });
  const m = entryModel(ctx.core);
  if (!m) return out;
  // KalturaEntryStatus is a string enum: generic entries keep "2"
  const gw: Condition[] = [{ field: 'status', op: 'in', value: [...statuses.map(String), ...statuses] }];
  if (ids) gw.push({ field: 'id', op: 'in', value: ids });
  const generic = await ctx.core.store.queryObjects({
    kind: m.kind,
    partnerId: ctx.session!.partnerId,
    objectTypes: m.family,
    where: gw,
    owner: ownerScope(ctx),
    order: [{ field: 'createdAt', desc: true }],
    limit: MERGE_CAP,
    offset: 0,
  });
  for (const row of generic) {
    const d = ctx.core.generic.dataOf(row);
    const text: Record<string, string | undefined> = {
      name: str(d.name),
      description: str(d.description),
      tags: str(d.tags),
      admin_tags: str(d.adminTags),
      reference_id: str(d.referenceId),
      id: row.id,
      kuser_id: row.user_id,
      creator_kuser_id: str(d.creatorId) ?? row.user_id,
    };
    out.push({ id: row.id, createdAt: row.created_at, text: (f) => text[f], object: () => present(ctx, row) });
  }
  return out.sort((a, b) => b.createdAt - a.createdAt);
}
