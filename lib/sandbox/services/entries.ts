/**
 * More entry actions on the hand-written media service's entries (media and baseEntry, as the
 * description names them): media.approve / reject (moderationStatus),
 * addFromUploadedFile (add + addContent with the token), upload (a file into a new upload token,
 * whose id is the answer), count; plus system.getTime / getVersion / pingDatabase and
 * session.startWidgetSession (an anonymous USER session from the widget `_{partnerId}`); playlists'
 * entries (playlist.execute of a static or dynamic playlist of the generic playlist service,
 * executeFromContent of a static list, executeFromFilters); the
 * partner service answers the session's own partner (from the partners table, never its secrets).
 */
import { KALTURA_API_VERSION } from '../../description/openapi';
import type { KObject } from '../coerce';
import type { Action } from '../context';
import { KalturaApiError } from '../errors';
import { nowSec } from '../ids';
import { buildKs, SESSION_USER } from '../ks';
import { getByIds } from './entry-space';
import * as media from './media';
import * as uploadToken from './uploadToken';

function addFromUploadedFile(entryParam: string): Action {
  return async (ctx, a) => {
    const entry = await media.add(ctx, { entry: a[entryParam] as KObject });
    return media.addContent(ctx, {
      entryId: (entry as { id: string }).id,
      resource: { objectType: 'KalturaUploadedFileTokenResource', token: a.uploadTokenId },
    });
  };
}

const upload: Action = async (ctx, a) => {
  const t = (await uploadToken.add(ctx, { uploadToken: null })) as { id: string };
  await uploadToken.upload(ctx, { uploadTokenId: t.id, fileData: a.fileData, resume: false, finalChunk: true, resumeAt: -1 });
  return t.id;
};

const startWidgetSession: Action = async (ctx, a) => {
  const m = /^_(\d{1,12})$/.exec(String(a.widgetId ?? ''));
  const partner = m ? await ctx.core.store.getPartner(Number(m[1])) : undefined;
  // on a public console, only for the caller's own partner: another visitor's is not reachable
  if (ctx.core.visitors && partner && partner.id !== ctx.session?.partnerId) throw new KalturaApiError('SANDBOX_WIDGET_NOT_ALLOWED');
  if (!partner)
    throw new KalturaApiError('INVALID_FIELD_VALUE', { FIELD_NAME: 'widgetId (the sandbox knows the widgets _{partnerId} only)' });
  let expiry = typeof a.expiry === 'number' && a.expiry > 0 ? a.expiry : 86400;
  expiry = Math.min(expiry, 86400 * 365);
  const privileges = new Map([
    ['view', '*'],
    ['widget', '1'],
  ]);
  const ks = buildKs(partner.admin_secret, {
    partnerId: partner.id,
    type: SESSION_USER,
    userId: '0',
    expiry: nowSec() + Math.floor(expiry),
    privileges,
  });
  return { objectType: 'KalturaStartWidgetSessionResponse', partnerId: partner.id, ks, userId: '0' };
};

const STATIC_LIST = 3;

/** Entries of a static playlist's content (comma-separated ids), in its order, those visible to the session. */
async function staticEntries(ctx: Parameters<Action>[0], content: unknown): Promise<unknown[]> {
  return (await getByIds(ctx, { entryIds: content })) as unknown[];
}

/** Entries matching each filter of a dynamic playlist, at most `total` in all, without repeats. */
async function filteredEntries(ctx: Parameters<Action>[0], filters: unknown, total: unknown): Promise<unknown[]> {
  const max = Math.min(typeof total === 'number' && total > 0 ? total : 50, 500);
  const out: Array<{ id: string }> = [];
  for (const f of Array.isArray(filters) ? filters.slice(0, 20) : []) {
    // a KalturaMediaEntryFilterForPlaylist: `limit` caps what this filter adds, `name` only names it
    const { limit, name: _name, ...filter } = f as KObject;
    const own = typeof limit === 'number' && limit > 0 ? Math.min(limit, max) : max;
    const r = (await media.list(ctx, {
      filter: { ...filter, objectType: 'KalturaMediaEntryFilter' },
      pager: { objectType: 'KalturaFilterPager', pageSize: own },
    })) as { objects: Array<{ id: string }> };
    for (const e of r.objects) if (out.length < max && !out.some((x) => x.id === e.id)) out.push(e);
  }
  return out;
}

/** playlist.execute: the entries of a playlist of the generic playlist service (static or dynamic). */
const executePlaylist: Action = async (ctx, a) => {
  const m = ctx.core.generic.model('playlist');
  const row = m && typeof a.id === 'string' ? await ctx.core.store.getObject(m.kind, a.id) : undefined;
  if (!m || !row || row.partner_id !== ctx.session!.partnerId || ctx.core.generic.isDeleted(m, row))
    throw new KalturaApiError('INVALID_OBJECT_ID', { ID: String(a.id ?? '').slice(0, 100) });
  const p = JSON.parse(row.data) as Record<string, unknown>;
  return Number(p.playlistType) === STATIC_LIST ? staticEntries(ctx, p.playlistContent) : filteredEntries(ctx, p.filters, p.totalResults);
};

const executeFromContent: Action = (ctx, a) => {
  if (Number(a.playlistType) !== STATIC_LIST)
    throw new KalturaApiError('INVALID_FIELD_VALUE', {
      FIELD_NAME: 'playlistType (the sandbox executes the content of static playlists: STATIC_LIST [3])',
    });
  return staticEntries(ctx, a.playlistContent);
};

/** The session's partner as KalturaPartner (id, name, creation time; secrets are never answered). */
const partnerOf = async (ctx: Parameters<Action>[0], a: Record<string, unknown>) => {
  const pid = ctx.session!.partnerId;
  if (a.id !== undefined && a.id !== null && Number(a.id) !== pid) throw new KalturaApiError('INVALID_PARTNER_ID', { PID: String(a.id) });
  const p = (await ctx.core.store.getPartner(pid))!;
  return { objectType: 'KalturaPartner', id: p.id, name: p.name, createdAt: p.created_at, status: 1 };
};

export const ENTRY_ACTIONS: Record<string, Action> = {
  'playlist.execute': executePlaylist,
  'playlist.executeFromContent': executeFromContent,
  'playlist.executeFromFilters': (ctx, a) => filteredEntries(ctx, a.filters, a.totalResults),
  'partner.get': partnerOf,
  'partner.getInfo': partnerOf,
  'partner.list': async (ctx, a) => ({ objectType: 'KalturaPartnerListResponse', objects: [await partnerOf(ctx, a)], totalCount: 1 }),
  'partner.count': () => 1,
  'media.approve': media.moderate(media.MODERATION_APPROVED),
  'media.reject': media.moderate(media.MODERATION_REJECTED),
  'media.addFromUploadedFile': addFromUploadedFile('mediaEntry'),
  'baseEntry.addFromUploadedFile': addFromUploadedFile('entry'),
  'media.upload': upload,
  'baseEntry.upload': upload,
  'upload.upload': upload,
  'documents.upload': upload,
  'system.getTime': () => nowSec(),
  'system.getVersion': () => KALTURA_API_VERSION,
  'system.pingDatabase': () => true,
  'session.startWidgetSession': startWidgetSession,
};
