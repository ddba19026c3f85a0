/** uploadToken.add / get / list / delete / upload. */
import type { KObject } from '../coerce';
import { crashPoint } from '../crash';
import type { Action, CallContext } from '../context';
import { KalturaApiError } from '../errors';
import { newTokenId, nowSec } from '../ids';
import type { FileArg } from '../params';
import { listItems, type Condition, type SandboxStore, type TokenRow } from '../store';
import { drain } from '../streams';
import { TOKEN_DELETED, TOKEN_PENDING } from '../uploads';
import { canEdit, canView, newOwner, ownerScope } from './access';
import { pageOf } from './paging';

const ENTRY_ERROR_IMPORTING = -2;

export function tokenObject(ctx: CallContext, t: TokenRow): Record<string, unknown> {
  return {
    objectType: 'KalturaUploadToken',
    id: t.id,
    partnerId: t.partner_id,
    userId: t.user_id,
    status: t.status,
    fileName: t.file_name,
    fileSize: t.file_size,
    uploadedFileSize: t.uploaded_file_size,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
    uploadUrl: ctx.baseUrl,
    autoFinalize: t.auto_finalize,
    attachedObjectType: t.attached_object_type,
    attachedObjectId: t.attached_object_id,
  };
}

/** The token if it exists and this session may see it (else UPLOAD_TOKEN_NOT_FOUND). */
export async function findToken(ctx: CallContext, id: unknown, forEdit = false): Promise<TokenRow> {
  const t = typeof id === 'string' && id.length <= 100 ? await ctx.core.store.getToken(id) : undefined;
  const pid = ctx.session?.partnerId;
  if (!t || t.partner_id !== pid || !(forEdit ? canEdit(ctx, t, t.id) : canView(ctx, t, t.id))) {
    throw new KalturaApiError('UPLOAD_TOKEN_NOT_FOUND');
  }
  return t;
}

export const add: Action = async (ctx, a) => {
  const input = (a.uploadToken as KObject | null) ?? { objectType: 'KalturaUploadToken' };
  const fileSize = typeof input.fileSize === 'number' ? Math.floor(input.fileSize) : null;
  const autoFinalize = typeof input.autoFinalize === 'number' ? input.autoFinalize : null;
  if (autoFinalize === 1 && !(fileSize && fileSize > 0)) throw new KalturaApiError('UPLOAD_TOKEN_MISSING_FILE_SIZE');
  const max = ctx.core.settings.maxUploadBytes;
  if (fileSize !== null && fileSize > max) throw new KalturaApiError('FILE_SIZE_EXCEEDED', { FILE_SIZE: max });
  await ctx.core.visitors?.beforeInsert(ctx, fileSize ?? 0);
  const now = nowSec();
  const row: TokenRow = {
    id: newTokenId(),
    partner_id: ctx.session!.partnerId,
    ...newOwner(ctx),
    status: TOKEN_PENDING,
    file_name: typeof input.fileName === 'string' ? input.fileName.slice(0, 255) : null,
    file_size: fileSize !== null && fileSize >= 0 ? fileSize : null,
    uploaded_file_size: 0,
    auto_finalize: autoFinalize,
    attached_object_type: null,
    attached_object_id: null,
    pending: '[]',
    created_at: now,
    updated_at: now,
  };
  // the file first: a crash in between leaves an orphan file (swept at start), never a token
  // without its file
  await ctx.core.uploads.createFile(row.id);
  crashPoint(ctx.core.settings, 'token-add:after-file');
  await ctx.core.store.insertToken(row);
  return tokenObject(ctx, row);
};

export const get: Action = async (ctx, a) => tokenObject(ctx, await findToken(ctx, a.uploadTokenId));

export const list: Action = async (ctx, a) => {
  const f = (a.filter as KObject | null) ?? { objectType: 'KalturaUploadTokenFilter' };
  const where: Condition[] = [];
  if (typeof f.idEqual === 'string') where.push({ field: 'id', op: 'eq', value: f.idEqual });
  if (typeof f.idIn === 'string' && listItems(f.idIn).length) where.push({ field: 'id', op: 'in', value: listItems(f.idIn) });
  if (typeof f.statusEqual === 'number') where.push({ field: 'status', op: 'eq', value: f.statusEqual });
  if (typeof f.statusIn === 'string' && listItems(f.statusIn).length)
    where.push({ field: 'status', op: 'in', value: listItems(f.statusIn).map(Number) });
  if (typeof f.fileNameEqual === 'string') where.push({ field: 'fileName', op: 'eq', value: f.fileNameEqual });
  if (typeof f.fileSizeEqual === 'number') where.push({ field: 'fileSize', op: 'eq', value: f.fileSizeEqual });
  if (typeof f.userIdEqual === 'string') where.push({ field: 'userId', op: 'eq', value: f.userIdEqual });
  const { limit, offset } = pageOf(a.pager as KObject | null);
  const { rows, total } = await ctx.core.store.queryTokens(
    ctx.session!.partnerId,
    where,
    ownerScope(ctx),
    f.orderBy === '+createdAt',
    limit,
    offset,
  );
  return { objectType: 'KalturaUploadTokenListResponse', objects: rows.map((t) => tokenObject(ctx, t)), totalCount: total };
};

/**
 * The file goes first: on a full disk the database cannot take a write until space is freed, and
 * deleting is how a user frees it. A crash between the two leaves an active token without its file,
 * which the next start deletes the same way (recovery.ts).
 */
export const del: Action = async (ctx, a) => {
  const t = await findToken(ctx, a.uploadTokenId, true);
  ctx.core.uploads.forget(t.id);
  await ctx.core.store.blobs.remove(ctx.core.uploads.tokenBlob(t.id));
  crashPoint(ctx.core.settings, 'token-delete:after-unlink');
  await markTokenDeleted(ctx.core.store, t.id);
  return null;
};

/** The token DELETED and the entries waiting for it ERROR_IMPORTING, in one transaction. */
export async function markTokenDeleted(store: SandboxStore, id: string): Promise<void> {
  const now = nowSec();
  await store.tx(async () => {
    await store.updateToken(id, { status: TOKEN_DELETED, updated_at: now });
    // an entry waiting for this upload will never get it
    for (const e of await store.entriesWaitingFor(id)) await store.updateEntry(e.id, { status: ENTRY_ERROR_IMPORTING, updated_at: now });
  });
}

export const upload: Action = async (ctx, a) => {
  const file = a.fileData as FileArg;
  let t: TokenRow;
  try {
    t = await findToken(ctx, a.uploadTokenId, true);
  } catch (e) {
    drain(file.stream);
    throw e;
  }
  let quotaBytes: number | undefined;
  try {
    quotaBytes = await ctx.core.visitors?.bytesLeft(ctx);
  } catch (e) {
    drain(file.stream);
    throw e;
  }
  const row = await ctx.core.uploads.upload(t, file.stream, {
    quotaBytes,
    resume: a.resume === true,
    finalChunk: a.finalChunk !== false,
    resumeAt: typeof a.resumeAt === 'number' ? Math.floor(a.resumeAt) : -1,
    fileName: file.fileName && file.fileName !== 'chunk' && file.fileName !== 'blob' ? file.fileName : undefined,
  });
  return tokenObject(ctx, row);
};
