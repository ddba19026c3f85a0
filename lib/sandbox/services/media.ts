/**
 * media.add / addContent / get / list / update / delete (and baseEntry.get / list over the same
 * entries). Status: NO_CONTENT (7) after add; IMPORT (0) while its upload token is not complete;
 * then PRECONVERT (1) for video/audio for a short processing time, READY (2); images READY at once.
 */
import { ENTRY_STATUS } from '../../description/kaltura/statuses';
import type { KObject } from '../coerce';
import type { Action, CallContext } from '../context';
import type { SandboxCore } from '../core';
import { crashPoint } from '../crash';
import { KalturaApiError } from '../errors';
import { entryCategoryIds, setEntryCategories } from './categories';
import { checkEntryReferences, withDefaultAccessControl } from './references';
import { ensureUser } from './users';
import { newEntryId, nowSec } from '../ids';
import { probeMedia, type MediaFacts } from '../probe';
import { blobName, listItems, type Condition, type EntryRow, type OrderBy, type TokenRow } from '../store';
import { TOKEN_CLOSED, TOKEN_FULL_UPLOAD, TOKEN_PARTIAL_UPLOAD, TOKEN_PENDING } from '../uploads';
import { canEdit, canView, newOwner, ownerScope } from './access';
import { pageOf } from './paging';
import { findToken } from './uploadToken';

export const {
  IMPORT: ENTRY_IMPORT,
  PRECONVERT: ENTRY_PRECONVERT,
  READY: ENTRY_READY,
  DELETED: ENTRY_DELETED,
  NO_CONTENT: ENTRY_NO_CONTENT,
} = ENTRY_STATUS;
/** KalturaMediaType. */
export const MEDIA_VIDEO = 1;
export const MEDIA_IMAGE = 2;
export const MEDIA_AUDIO = 5;

/** Properties kept as given (besides the columns of the entries table). */
const STORED_PROPS = [
  'description',
  'adminTags',
  'partnerData',
  'startDate',
  'endDate',
  'groupId',
  'accessControlId',
  'partnerSortValue',
  'conversionProfileId',
  'redirectEntryId',
  'parentEntryId',
  'entitledUsersEdit',
  'entitledUsersPublish',
  'entitledUsersView',
  'displayInSearch',
  'blockAutoTranscript',
  'creditUserName',
  'creditUrl',
  'conversionQuality',
  'sourceType',
  'searchProviderId',
  'templateEntryId',
];

/** The blob of an entry's content (see BlobStore). */
export function contentBlob(entryId: string): string {
  return blobName.content(entryId);
}

function contentUrls(ctx: CallContext, e: EntryRow): { dataUrl?: string; downloadUrl?: string } {
  if (e.status !== ENTRY_READY || e.content_size === null) return {};
  const base = `${ctx.baseUrl}/api_v3/sandbox/content/${e.id}`;
  const name = encodeURIComponent(e.file_name || e.id);
  return { dataUrl: base, downloadUrl: `${base}/download/${name}` };
}

export async function entryObject(ctx: CallContext, e: EntryRow): Promise<Record<string, unknown>> {
  let props: Record<string, unknown> = {};
  try {
    props = JSON.parse(e.props) as Record<string, unknown>;
  } catch {
    /* keep empty */
  }
  // an entry's categories are its memberships (entryExtras), never what a caller once sent
  delete props.categories;
  delete props.categoriesIds;
  return {
    objectType: 'KalturaMediaEntry',
    id: e.id,
    name: e.name,
    partnerId: e.partner_id,
    userId: e.user_id,
    creatorId: e.creator_id,
    tags: e.tags,
    referenceId: e.reference_id,
    ...props,
    status: e.status,
    moderationStatus: typeof props.moderationStatus === 'number' ? props.moderationStatus : 6,
    moderationCount: 0,
    type: 1,
    createdAt: e.created_at,
    updatedAt: e.updated_at,
    rank: typeof props.rank === 'number' ? props.rank : 0,
    totalRank: typeof props.totalRank === 'number' ? props.totalRank : 0,
    votes: typeof props.votes === 'number' ? props.votes : 0,
    version: e.version,
    plays: 0,
    views: 0,
    mediaType: e.media_type,
    ...contentUrls(ctx, e),
    ...(await ctx.core.entryExtras?.(ctx, e)),
  };
}

/** Whether an entry exists for this session (its partner's, not deleted, visible to it). */
export async function entryVisible(ctx: CallContext, id: string): Promise<boolean> {
  const e = id.length <= 100 ? await ctx.core.store.getEntry(id) : undefined;
  return !!e && e.partner_id === ctx.session?.partnerId && e.status !== ENTRY_DELETED && canView(ctx, e, e.id);
}

/**
 * Gives a complete token's bytes to the entry and starts its processing. The database changes
 * (entry PRECONVERT/READY with its size, token CLOSED and attached) are one transaction, made
 * before the file moves from the token to the entry; a crash in between leaves a CLOSED token whose
 * file is still in uploads/, and the next start finishes the move (recovery.ts). An entry never
 * gets content whose bytes are nowhere: without the token's file this throws.
 */
export async function attachContent(core: SandboxCore, entryId: string, token: TokenRow): Promise<void> {
  const store = core.store;
  const src = core.uploads.tokenBlob(token.id);
  const dst = contentBlob(entryId);
  if ((await store.blobs.size(src)) === undefined) throw new KalturaApiError('UPLOAD_TOKEN_CANNOT_RESUME');
  const now = nowSec();
  // one instance attaches (the entry and the token are read locked; another finds them done)
  const attached = await store.tx(async () => {
    const e = await store.getEntry(entryId, { lock: true });
    if (!e || (e.status !== ENTRY_NO_CONTENT && e.status !== ENTRY_IMPORT)) return undefined;
    const t = await store.getToken(token.id, { lock: true });
    if (!t || t.status !== TOKEN_FULL_UPLOAD) return undefined;
    const image = e.media_type === MEDIA_IMAGE;
    await store.updateEntry(e.id, {
      status: image ? ENTRY_READY : ENTRY_PRECONVERT,
      // A video waits for its facts (ffprobe) as well as the processing time: READY means they are
      // known. `null` while probing; `recoverProbing` sets it again after a restart.
      ready_at: null,
      content_size: token.uploaded_file_size,
      file_name: token.file_name,
      upload_token_id: token.id,
      version: e.version + 1,
      updated_at: now,
    });
    await store.updateToken(token.id, { status: TOKEN_CLOSED, attached_object_type: 'entry', attached_object_id: e.id, updated_at: now });
    return e;
  });
  if (!attached) return;
  crashPoint(core.settings, 'attach:after-commit');
  await store.blobs.move(src, dst);
  processContent(core, entryId, dst);
}

/**
 * A new entry's content copied from another blob (an asset's: media.addFromFlavorAsset): the bytes
 * are copied first (a crash leaves at worst a copy no entry names), then the entry is committed
 * with them and processed as an upload's are.
 */
export async function attachCopy(core: SandboxCore, entryId: string, src: string, size: number, fileName: string): Promise<void> {
  const store = core.store;
  const dst = contentBlob(entryId);
  await store.blobs.copy(src, dst);
  const e = await store.getEntry(entryId);
  if (!e) return;
  const image = e.media_type === MEDIA_IMAGE;
  await store.updateEntry(entryId, {
    status: image ? ENTRY_READY : ENTRY_PRECONVERT,
    ready_at: null,
    content_size: size,
    file_name: fileName,
    version: e.version + 1,
    updated_at: nowSec(),
  });
  processContent(core, entryId, dst);
}

/** After an entry got its bytes: ffprobe's facts, then READY once the processing time is over. */
function processContent(core: SandboxCore, entryId: string, dst: string): void {
  const store = core.store;
  const readyAt = Date.now() + core.settings.processingMs;
  void probeBlob(core, dst)
    .catch(() => undefined)
    .then(async (facts) => {
      const cur = await store.getEntry(entryId);
      if (!cur) return;
      const update: Partial<EntryRow> = {};
      if (facts) update.props = JSON.stringify({ ...(JSON.parse(cur.props) as Record<string, unknown>), ...facts });
      if (cur.status === ENTRY_PRECONVERT && cur.ready_at === null) update.ready_at = readyAt;
      if (Object.keys(update).length) await store.updateEntry(entryId, update);
    })
    .catch(() => undefined); // the store closed meanwhile (server stopping): recoverProbing finishes it
}

/** ffprobe's facts of a blob (from a local file: the blob itself, or a copy of it). */
async function probeBlob(core: SandboxCore, name: string): Promise<MediaFacts | undefined> {
  const file = await core.store.blobs.localFile(name);
  if (!file) return undefined;
  try {
    return await probeMedia(file.path);
  } finally {
    await file.dispose();
  }
}

/**
 * Replaces the content of an entry that has some (media.updateContent) with a complete token's
 * file: the entry is committed (new size, name, version) with the CLOSED token, then the file
 * replaces the old one, and the entry is processed again. (A crash between the two keeps the old
 * bytes: see the README's known differences.)
 */
export async function replaceContent(core: SandboxCore, e: EntryRow, token: TokenRow): Promise<void> {
  const src = core.uploads.tokenBlob(token.id);
  if ((await core.store.blobs.size(src)) === undefined) throw new KalturaApiError('UPLOAD_TOKEN_CANNOT_RESUME');
  const now = nowSec();
  const image = e.media_type === MEDIA_IMAGE;
  await core.store.tx(async () => {
    await core.store.updateEntry(e.id, {
      status: image ? ENTRY_READY : ENTRY_PRECONVERT,
      ready_at: image ? null : Date.now() + core.settings.processingMs,
      content_size: token.uploaded_file_size,
      file_name: token.file_name,
      upload_token_id: token.id,
      version: e.version + 1,
      updated_at: now,
    });
    await core.store.updateToken(token.id, {
      status: TOKEN_CLOSED,
      attached_object_type: 'entry',
      attached_object_id: e.id,
      updated_at: now,
    });
  });
  await core.store.blobs.move(src, contentBlob(e.id));
}

/** A new entry with a copy of another's properties and content (media.addFromEntry, baseEntry.clone). */
export async function copyEntry(ctx: CallContext, source: EntryRow, overrides: KObject | null): Promise<EntryRow> {
  await ctx.core.visitors?.beforeInsert(ctx, source.content_size ?? 0);
  const now = nowSec();
  const props = { ...(JSON.parse(source.props) as Record<string, unknown>), ...(overrides ? pickProps(overrides) : {}) };
  const row: EntryRow = {
    ...source,
    id: newEntryId(),
    ...newOwner(ctx),
    creator_id: ctx.session?.userId ?? '',
    name: typeof overrides?.name === 'string' ? overrides.name : source.name,
    tags: typeof overrides?.tags === 'string' ? overrides.tags : source.tags,
    reference_id: typeof overrides?.referenceId === 'string' ? overrides.referenceId : source.reference_id,
    status: source.content_size !== null && source.status === ENTRY_READY ? ENTRY_READY : ENTRY_NO_CONTENT,
    created_at: now,
    updated_at: now,
    version: 0,
    props: JSON.stringify(props),
    upload_token_id: null,
    ready_at: null,
  };
  if (row.status === ENTRY_NO_CONTENT) Object.assign(row, { content_size: null, file_name: null });
  else await ctx.core.store.blobs.copy(contentBlob(source.id), contentBlob(row.id));
  await ctx.core.store.insertEntry(row);
  return row;
}

/** At start: entries whose probe was cut short by a stop finish processing now (facts left out). */
export async function recoverProbing(core: SandboxCore): Promise<void> {
  await core.store.releaseProbing(ENTRY_PRECONVERT, Date.now());
}

/** Entries whose processing time is over become READY; entries in IMPORT whose token completed get their content. */
export async function refreshEntries(core: SandboxCore): Promise<void> {
  await core.store.finishProcessing(ENTRY_PRECONVERT, ENTRY_READY, Date.now());
}

async function refreshEntry(core: SandboxCore, e: EntryRow): Promise<EntryRow> {
  if (e.status === ENTRY_IMPORT && e.upload_token_id) {
    const t = await core.store.getToken(e.upload_token_id);
    if (t && t.status === TOKEN_FULL_UPLOAD) {
      try {
        await attachContent(core, e.id, t);
      } catch {
        /* the token's file is gone: the entry stays in IMPORT (it never shows content it lacks) */
      }
    }
  }
  await refreshEntries(core);
  return (await core.store.getEntry(e.id)) ?? e;
}

export async function findEntry(ctx: CallContext, id: unknown, forEdit = false): Promise<EntryRow> {
  const e = typeof id === 'string' && id.length <= 100 ? await ctx.core.store.getEntry(id) : undefined;
  if (
    !e ||
    e.partner_id !== ctx.session?.partnerId ||
    e.status === ENTRY_DELETED ||
    !(forEdit ? canEdit(ctx, e, e.id) : canView(ctx, e, e.id))
  ) {
    throw new KalturaApiError('ENTRY_ID_NOT_FOUND', { ENTRY_ID: typeof id === 'string' ? id.slice(0, 100) : '' });
  }
  return refreshEntry(ctx.core, e);
}

function pickProps(input: KObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of STORED_PROPS) if (input[k] !== undefined) out[k] = input[k];
  return out;
}

export const add: Action = async (ctx, a) => {
  const input = a.entry as KObject;
  if (input.mediaType === undefined || input.mediaType === null)
    throw new KalturaApiError('PROPERTY_VALIDATION_CANNOT_BE_NULL', { PROP_NAME: 'mediaType' });
  const categoryIds = await entryCategoryIds(ctx, input);
  await checkEntryReferences(ctx, input);
  await ctx.core.visitors?.beforeInsert(ctx);
  await withDefaultAccessControl(ctx, input);
  const s = ctx.session!;
  const admin = ownerScope(ctx) === undefined;
  const now = nowSec();
  const owner = admin && typeof input.userId === 'string' && input.userId ? { user_id: input.userId, anon_owner: 0 } : newOwner(ctx);
  const row: EntryRow = {
    id: newEntryId(),
    partner_id: s.partnerId,
    ...owner,
    creator_id: s.userId,
    name: typeof input.name === 'string' ? input.name : '',
    status: ENTRY_NO_CONTENT,
    media_type: Number(input.mediaType),
    created_at: now,
    updated_at: now,
    version: 0,
    reference_id: typeof input.referenceId === 'string' ? input.referenceId : null,
    tags: typeof input.tags === 'string' ? input.tags : null,
    props: JSON.stringify(pickProps(input)),
    upload_token_id: null,
    content_size: null,
    file_name: null,
    ready_at: null,
  };
  await ctx.core.store.insertEntry(row);
  if (categoryIds) await setEntryCategories(ctx, row.id, categoryIds);
  // the entry's owner is a user of the partner (made if unknown, as Kaltura does)
  await ensureUser(ctx, s.partnerId, row.user_id);
  return entryObject(ctx, row);
};

export const addContent: Action = async (ctx, a) => {
  const e = await findEntry(ctx, a.entryId, true);
  const resource = a.resource as KObject | null;
  if (!resource) throw new KalturaApiError('MISSING_MANDATORY_PARAMETER', { PARAM_NAME: 'resource' });
  if (e.status !== ENTRY_NO_CONTENT) throw new KalturaApiError('ENTRY_ALREADY_WITH_CONTENT');
  if (resource.objectType !== 'KalturaUploadedFileTokenResource') {
    // the sandbox never fetches URLs a user names
    throw new KalturaApiError('RESOURCE_TYPE_NOT_SUPPORTED', { RES_TYPE: resource.objectType });
  }
  if (typeof resource.token !== 'string' || !resource.token)
    throw new KalturaApiError('MISSING_MANDATORY_PARAMETER', { PARAM_NAME: 'resource:token' });
  const t = await findToken(ctx, resource.token);
  if (t.attached_object_id && t.attached_object_id !== e.id) throw new KalturaApiError('UPLOAD_TOKEN_INVALID_STATUS_FOR_ADD_ENTRY');
  if (t.status === TOKEN_FULL_UPLOAD) {
    await attachContent(ctx.core, e.id, t);
  } else if (t.status === TOKEN_PENDING || t.status === TOKEN_PARTIAL_UPLOAD) {
    const now = nowSec();
    const store = ctx.core.store;
    await store.tx(async () => {
      await store.updateToken(t.id, { attached_object_type: 'entry', attached_object_id: e.id, updated_at: now });
      await store.updateEntry(e.id, { status: ENTRY_IMPORT, upload_token_id: t.id, updated_at: now });
    });
    // the upload may have completed meanwhile (on another instance): attach it now then
    const cur = await store.getToken(t.id);
    if (cur?.status === TOKEN_FULL_UPLOAD) await attachContent(ctx.core, e.id, cur).catch(() => undefined);
  } else {
    throw new KalturaApiError('UPLOAD_TOKEN_INVALID_STATUS_FOR_ADD_ENTRY');
  }
  return entryObject(ctx, (await ctx.core.store.getEntry(e.id))!);
};

export const get: Action = async (ctx, a) => entryObject(ctx, await findEntry(ctx, a.entryId));

/** `orderBy` values media.list and baseEntry.list sort by (others: newest first). */
const ORDER_FIELDS = new Set(['createdAt', 'updatedAt', 'name', 'mediaType']);

/**
 * Filter fields on entries beyond the entries table: category membership (`categoriesIdsMatchOr`
 * and the like) is answered by the category relations of the generic services (see
 * ../generic/entries.ts); undefined when none is asked for.
 */
export type EntryIdsOf = (ctx: CallContext, filter: KObject) => Promise<string[] | undefined>;

/** Filter fields a media or base entry list answers from the entries' category memberships (core.entryIdsOf). */
export const CATEGORY_FILTER_FIELDS = [
  'categoriesIdsMatchOr',
  'categoriesIdsMatchAnd',
  'categoriesFullNameIn',
  'categoriesMatchOr',
  'categoriesMatchAnd',
  'categoryAncestorIdIn',
];

/**
 * The entries-table query a media or base entry filter asks for (order: `orderBy` if it is one of
 * ORDER_FIELDS, else newest first). A field it cannot apply (one on properties the table does not
 * index, such as `descriptionLike` or `durationLessThan`) is refused with
 * SANDBOX_FILTER_NOT_SIMULATED rather than left out, which would answer entries that do not match.
 */
export async function entryQuery(ctx: CallContext, f: KObject): Promise<{ where: Condition[]; order: OrderBy }> {
  const where: Condition[] = [];
  const used = new Set(['objectType', 'orderBy', ...CATEGORY_FILTER_FIELDS]);
  const has = (v: unknown) => v !== undefined && v !== null && v !== '';
  /** The filter's value of `key`, marked as applied. */
  const take = (key: string): unknown => {
    used.add(key);
    return f[key];
  };
  const inList = (field: string, key: string, num: boolean, not = false) => {
    const v = take(key);
    if (!has(v)) return;
    const items = listItems(v);
    if (items.length) where.push({ field, op: not ? 'notIn' : 'in', value: items.map((s) => (num ? Number(s) : s)) });
  };
  const cond = (field: string, key: string, op: Condition['op'] = 'eq', conv: (v: unknown) => unknown = (v) => v) => {
    const v = take(key);
    if (has(v)) where.push({ field, op, value: conv(v) });
  };
  const noWildcards = (v: unknown) => String(v).replace(/[%_]/g, '');
  const never = () => where.push({ field: 'id', op: 'in', value: [] });
  cond('id', 'idEqual');
  inList('id', 'idIn', false);
  inList('id', 'idNotIn', false, true);
  cond('name', 'nameEqual');
  for (const text of ['name', 'tags']) {
    cond(text, `${text}Like`, 'like', noWildcards);
    cond(text, `${text}MultiLikeOr`, 'multiLikeOr');
    cond(text, `${text}MultiLikeAnd`, 'multiLikeAnd');
  }
  cond('userId', 'userIdEqual');
  inList('userId', 'userIdIn', false);
  inList('userId', 'userIdNotIn', false, true);
  cond('creatorId', 'creatorIdEqual');
  cond('referenceId', 'referenceIdEqual');
  inList('referenceId', 'referenceIdIn', false);
  cond('status', 'statusEqual', 'eq', Number);
  cond('status', 'statusNotEqual', 'ne', Number);
  inList('status', 'statusIn', true);
  inList('status', 'statusNotIn', true, true);
  if (!has(f.statusEqual) && !has(f.statusIn)) where.push({ field: 'status', op: 'ne', value: ENTRY_DELETED });
  cond('mediaType', 'mediaTypeEqual', 'eq', Number);
  inList('mediaType', 'mediaTypeIn', true);
  cond('createdAt', 'createdAtGreaterThanOrEqual', 'gte');
  cond('createdAt', 'createdAtLessThanOrEqual', 'lte');
  cond('updatedAt', 'updatedAtGreaterThanOrEqual', 'gte');
  cond('updatedAt', 'updatedAtLessThanOrEqual', 'lte');
  // what every entry of this table is: of the session's partner, of type MEDIA_CLIP, without flavors, a root
  const partners = [take('partnerIdEqual'), ...listItems(take('partnerIdIn'))].filter(has).map(Number);
  if (partners.length && !partners.includes(ctx.session!.partnerId)) never();
  const types = [take('typeEqual'), ...listItems(take('typeIn'))].filter(has).map(String);
  if (types.length && !types.includes('1')) never();
  if (has(take('flavorParamsIdsMatchOr')) || has(take('flavorParamsIdsMatchAnd'))) never();
  // the sandbox makes no child entries: every entry is a root
  const isRoot = take('isRoot');
  if (has(isRoot) && Number(isRoot) === 0) never(); // FALSE_VALUE; NULL_VALUE (-1) sets nothing
  for (const [key, value] of Object.entries(f)) {
    if (!used.has(key) && has(value))
      throw new KalturaApiError('SANDBOX_FILTER_NOT_SIMULATED', {
        FIELD: key.slice(0, 100),
        CLASS: String(f.objectType ?? 'entry').slice(0, 100),
      });
  }
  const ids = await ctx.core.entryIdsOf?.(ctx, f);
  if (ids !== undefined) where.push({ field: 'id', op: 'in', value: ids });
  return { where, order: entryOrder(f.orderBy) };
}

/** Order fields every sandbox entry has the same value of (nobody plays them): any order is theirs. */
const EQUAL_FOR_ALL = new Set(['plays', 'views', 'lastPlayedAt', 'moderationCount']);

/**
 * `+name` / `-createdAt` for one of ORDER_FIELDS; newest first when none is given, or for a field
 * every entry has the same value of; any other order is refused (SANDBOX_FILTER_NOT_SIMULATED)
 * rather than answered in an order that is not the one asked for.
 */
export function entryOrder(orderBy: unknown): OrderBy {
  const newest: OrderBy = { field: 'createdAt', desc: true };
  const parts = listItems(orderBy);
  const [first] = parts;
  if (first === undefined) return newest;
  const m = /^([+-])([A-Za-z]+)$/.exec(first);
  if (m && ORDER_FIELDS.has(m[2]!) && parts.length === 1) return { field: m[2]!, desc: m[1] === '-' };
  if (m && EQUAL_FOR_ALL.has(m[2]!) && parts.length === 1) return newest;
  throw new KalturaApiError('SANDBOX_FILTER_NOT_SIMULATED', { FIELD: `orderBy ${String(orderBy).slice(0, 80)}`, CLASS: 'entries' });
}

async function listEntries(
  ctx: CallContext,
  a: Record<string, unknown>,
  responseType: string,
): Promise<{ objectType: string; objects: unknown[]; totalCount: number }> {
  await refreshEntries(ctx.core);
  const f = (a.filter as KObject | null) ?? { objectType: 'KalturaMediaEntryFilter' };
  const { where, order } = await entryQuery(ctx, f);
  const { limit, offset } = pageOf(a.pager as KObject | null);
  const { rows, total } = await ctx.core.store.queryEntries(ctx.session!.partnerId, where, ownerScope(ctx), order, limit, offset);
  return { objectType: responseType, objects: await Promise.all(rows.map((e) => entryObject(ctx, e))), totalCount: total };
}

export const list: Action = (ctx, a) => listEntries(ctx, a, 'KalturaMediaListResponse');
export const count: Action = async (ctx, a) =>
  (await listEntries(ctx, { filter: a.filter, pager: { objectType: 'KalturaFilterPager', pageSize: 1 } }, '')).totalCount;

const INSERT_ONLY = ['mediaType', 'creatorId', 'conversionQuality', 'sourceType', 'searchProviderId', 'templateEntryId'];

export const update: Action = async (ctx, a) => {
  const e = await findEntry(ctx, a.entryId, true);
  const input = a.mediaEntry as KObject;
  for (const k of INSERT_ONLY) {
    if (input[k] !== undefined && input[k] !== null) throw new KalturaApiError('PROPERTY_VALIDATION_NOT_UPDATABLE', { PROP_NAME: k });
  }
  const categoryIds = await entryCategoryIds(ctx, input);
  await checkEntryReferences(ctx, input);
  const patch: Partial<EntryRow> = { updated_at: nowSec() };
  if (input.name !== undefined) patch.name = typeof input.name === 'string' ? input.name : '';
  if (input.tags !== undefined) patch.tags = (input.tags as string | null) ?? null;
  if (input.referenceId !== undefined) patch.reference_id = (input.referenceId as string | null) ?? null;
  if (input.userId !== undefined && ownerScope(ctx) === undefined && typeof input.userId === 'string') {
    patch.user_id = input.userId;
    patch.anon_owner = 0;
  }
  const props = JSON.parse(e.props) as Record<string, unknown>;
  for (const k of STORED_PROPS) {
    if (input[k] === undefined || INSERT_ONLY.includes(k)) continue;
    if (input[k] === null) delete props[k];
    else props[k] = input[k];
  }
  patch.props = JSON.stringify(props);
  await ctx.core.store.updateEntry(e.id, patch);
  if (categoryIds) await setEntryCategories(ctx, e.id, categoryIds);
  return entryObject(ctx, (await ctx.core.store.getEntry(e.id))!);
};

/** KalturaEntryModerationStatus. */
export const MODERATION_PENDING = 1;
export const MODERATION_APPROVED = 2;
export const MODERATION_REJECTED = 3;

/** Sets an entry's moderationStatus (the session may edit it). */
export async function setModerationStatus(ctx: CallContext, entryId: unknown, status: number): Promise<void> {
  const e = await findEntry(ctx, entryId, true);
  const props = JSON.parse(e.props) as Record<string, unknown>;
  await ctx.core.store.updateEntry(e.id, { props: JSON.stringify({ ...props, moderationStatus: status }), updated_at: nowSec() });
}

/** approve / reject: the entry's moderationStatus. */
export function moderate(status: number): Action {
  return async (ctx, a) => {
    await setModerationStatus(ctx, a.entryId, status);
    return null;
  };
}

export const del: Action = async (ctx, a) => {
  const e = await findEntry(ctx, a.entryId, true);
  await ctx.core.store.updateEntry(e.id, { status: ENTRY_DELETED, updated_at: nowSec() });
  await ctx.core.entryDeleted?.(ctx, e.id);
  // a crash before the bytes are gone leaves them to the sweep at the next start (recovery.ts)
  crashPoint(ctx.core.settings, 'entry-delete:after-commit');
  ctx.core.store.blobs.remove(contentBlob(e.id)).catch(() => undefined);
  return null;
};
