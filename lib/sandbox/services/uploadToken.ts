/** uploadToken.add / get / list / delete / upload. */
import { unlink } from 'node:fs/promises';
import type { KObject } from '../coerce';
import type { Action, CallContext } from '../context';
import { KalturaApiError } from '../errors';
import { newTokenId, nowSec } from '../ids';
import type { FileArg } from '../params';
import type { TokenRow } from '../store';
import { drain } from '../streams';
import { TOKEN_DELETED, TOKEN_PENDING } from '../uploads';

const ENTRY_ERROR_IMPORTING = -2;
import { canEdit, canView, ownerScope } from './access';
import { pageOf } from './paging';

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
export function findToken(ctx: CallContext, id: unknown, forEdit = false): TokenRow {
  const t = typeof id === 'string' && id.length <= 100 ? ctx.core.store.getToken(id) : undefined;
  const pid = ctx.session?.partnerId;
  if (!t || t.partner_id !== pid || !(forEdit ? canEdit(ctx, t.user_id, t.id) : canView(ctx, t.user_id, t.id))) {
    throw new KalturaApiError('UPLOAD_TOKEN_NOT_FOUND');
  }
  return t;
}

export const add: Action = (ctx, a) => {
  const input = (a.uploadToken as KObject | null) ?? { objectType: 'KalturaUploadToken' };
  const fileSize = typeof input.fileSize === 'number' ? Math.floor(input.fileSize) : null;
  const autoFinalize = typeof input.autoFinalize === 'number' ? input.autoFinalize : null;
  if (autoFinalize === 1 && !(fileSize && fileSize > 0)) throw new KalturaApiError('UPLOAD_TOKEN_MISSING_FILE_SIZE');
  const max = ctx.core.settings.maxUploadBytes;
  if (fileSize !== null && fileSize > max) throw new KalturaApiError('FILE_SIZE_EXCEEDED', { FILE_SIZE: max });
  const now = nowSec();
  const row: TokenRow = {
    id: newTokenId(),
    partner_id: ctx.session!.partnerId,
    user_id: ctx.session!.userId,
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
  ctx.core.store.insertToken(row);
  ctx.core.uploads.createFile(row.id);
  return tokenObject(ctx, row);
};

export const get: Action = (ctx, a) => tokenObject(ctx, findToken(ctx, a.uploadTokenId));

export const list: Action = (ctx, a) => {
  const f = (a.filter as KObject | null) ?? { objectType: 'KalturaUploadTokenFilter' };
  const where: string[] = ['partner_id = ?'];
  const params: unknown[] = [ctx.session!.partnerId];
  const owner = ownerScope(ctx);
  if (owner !== undefined) {
    where.push('user_id = ?');
    params.push(owner);
  }
  const inList = (col: string, text: unknown, num: boolean) => {
    const items = String(text)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 500);
    if (!items.length) return;
    where.push(`${col} IN (${items.map(() => '?').join(',')})`);
    params.push(...items.map((s) => (num ? Number(s) : s)));
  };
  if (typeof f.idEqual === 'string') (where.push('id = ?'), params.push(f.idEqual));
  if (typeof f.idIn === 'string') inList('id', f.idIn, false);
  if (typeof f.statusEqual === 'number') (where.push('status = ?'), params.push(f.statusEqual));
  if (typeof f.statusIn === 'string') inList('status', f.statusIn, true);
  if (typeof f.fileNameEqual === 'string') (where.push('file_name = ?'), params.push(f.fileNameEqual));
  if (typeof f.fileSizeEqual === 'number') (where.push('file_size = ?'), params.push(f.fileSizeEqual));
  if (typeof f.userIdEqual === 'string') (where.push('user_id = ?'), params.push(f.userIdEqual));
  const order = f.orderBy === '+createdAt' ? 'created_at ASC, rowid ASC' : 'created_at DESC, rowid DESC';
  const { limit, offset } = pageOf(a.pager as KObject | null);
  const { rows, total } = ctx.core.store.queryTokens(where.join(' AND '), params, order, limit, offset);
  return { objectType: 'KalturaUploadTokenListResponse', objects: rows.map((t) => tokenObject(ctx, t)), totalCount: total };
};

export const del: Action = (ctx, a) => {
  const t = findToken(ctx, a.uploadTokenId, true);
  ctx.core.store.updateToken(t.id, { status: TOKEN_DELETED, updated_at: nowSec() });
  // an entry waiting for this upload will never get it
  for (const e of ctx.core.store.entriesWaitingFor(t.id)) ctx.core.store.updateEntry(e.id, { status: ENTRY_ERROR_IMPORTING, updated_at: nowSec() });
  ctx.core.uploads.forget(t.id);
  unlink(ctx.core.uploads.tokenPath(t.id)).catch(() => undefined);
  return null;
};

export const upload: Action = async (ctx, a) => {
  const file = a.fileData as FileArg;
  let t: TokenRow;
  try {
    t = findToken(ctx, a.uploadTokenId, true);
  } catch (e) {
    drain(file.stream);
    throw e;
  }
  const row = await ctx.core.uploads.upload(t, file.stream, {
    resume: a.resume === true,
    finalChunk: a.finalChunk !== false,
    resumeAt: typeof a.resumeAt === 'number' ? Math.floor(a.resumeAt) : -1,
    fileName: file.fileName && file.fileName !== 'chunk' && file.fileName !== 'blob' ? file.fileName : undefined,
  });
  return tokenObject(ctx, row);
};
