/**
 * Small additions to the generic services for classes of the shipped recipes:
 * - thumbnail assets: setAsDefault tags the asset `default_thumb` (and untags the entry's others),
 *   and the entry's `thumbnailUrl` serves it;
 * - caption assets: one default caption per entry (isDefault clears the others);
 * - cue points: `isMomentary` and `duration` from start and end times;
 * - users: user.get without a user ID is the session's user; `fullName` from first and last name;
 * - access-control profiles: the default profile cannot be deleted.
 */
import type { CallContext } from '../context';
import type { SandboxCore } from '../core';
import { existsSync, readFileSync } from 'node:fs';
import { KalturaApiError } from '../errors';
import type { ClassHooks, Data, Gen, Override } from '../generic/engine';
import type { FileArg } from '../params';
import { FileAnswer, assetPath, attachFile } from './content';
import { entryObject } from './media';
import type { ObjectRow } from '../store';

const DEFAULT_THUMB = 'default_thumb';
const tagsOf = (v: unknown) => String(v ?? '').split(',').map((t) => t.trim()).filter(Boolean);

export function objectExtensions(core: SandboxCore): { hooks: Record<string, ClassHooks>; overrides: Record<string, Override> } {
  const thumbs = () => core.generic.modelOfClass('KalturaThumbAsset');
  const entryThumbs = (partnerId: number, entryId: string): ObjectRow[] => {
    const m = thumbs();
    if (!m) return [];
    return core.store.queryObjects({ kind: m.kind, partnerId, objectTypes: m.family, where: [{ field: 'entryId', op: 'eq', value: entryId }], live: true, order: [], limit: 500, offset: 0 });
  };
  core.defaultThumbnail = (entryId: string) => {
    const e = core.store.getEntry(entryId);
    if (!e) return undefined;
    return entryThumbs(e.partner_id, entryId).find((r) => r.content_size !== null && tagsOf((JSON.parse(r.data) as Data).tags).includes(DEFAULT_THUMB));
  };

  const hooks: Record<string, ClassHooks> = {
    KalturaCaptionAsset: {
      afterAdd(g, d, row) {
        if (Number(d.isDefault) === 1) g.engine.setDefault(g, row);
      },
      beforeUpdate(g, current, patch, row) {
        if (Number(patch.isDefault) === 1 && Number(current.isDefault) !== 1) g.engine.setDefault(g, row);
      },
    },
    KalturaCuePoint: {
      present(_ctx, engine, d, row) {
        const props = new Set(engine.desc.allProperties(row.object_type).map((p) => p.name));
        if (props.has('isMomentary')) d.isMomentary = d.endTime === undefined || d.endTime === null;
        if (props.has('duration') && typeof d.endTime === 'number' && typeof d.startTime === 'number') d.duration = d.endTime - d.startTime;
      },
    },
    KalturaUser: {
      present(_ctx, engine, d, row) {
        if (d.fullName === undefined && (d.firstName || d.lastName) && engine.desc.allProperties(row.object_type).some((p) => p.name === 'fullName')) {
          d.fullName = [d.firstName, d.lastName].filter(Boolean).join(' ');
        }
      },
    },
    KalturaAccessControlProfile: {
      beforeDelete(g, d) {
        if (Number(d.isDefault) === 1) throw g.engine.error(g.op, 'CANNOT_DELETE_DEFAULT_ACCESS_CONTROL');
      },
    },
  };

  const overrides: Record<string, Override> = {
    'thumbasset.setasdefault': (g: Gen) => {
      const idParam = g.op.params[0]?.name ?? 'thumbAssetId';
      const row = g.engine.find(g, { idParam, props: [] }, true);
      const d = g.engine.dataOf(row);
      for (const other of entryThumbs(row.partner_id, String(d.entryId))) {
        if (other.id === row.id) continue;
        const od = JSON.parse(other.data) as Data;
        const tags = tagsOf(od.tags);
        if (tags.includes(DEFAULT_THUMB)) core.store.updateObject(other.kind, other.id, { data: JSON.stringify({ ...od, tags: tags.filter((t) => t !== DEFAULT_THUMB).join(',') }) });
      }
      const tags = tagsOf(d.tags);
      if (!tags.includes(DEFAULT_THUMB)) g.engine.patch(g, row, { tags: [...tags, DEFAULT_THUMB].join(',') });
      return null;
    },
    // an image as a new thumbnail asset of the entry (thumbAsset.addFromImage), or as its default one
    'thumbasset.addfromimage': async (g: Gen) => {
      const row = g.engine.add(g, null, [['entryId', 'entryId']]);
      return g.engine.present(g.ctx, g.model, await attachFile(core, g, row, g.args.fileData as FileArg));
    },
    'media.updatethumbnailjpeg': (g: Gen) => thumbnailFromFile(g),
    'baseentry.updatethumbnailjpeg': (g: Gen) => thumbnailFromFile(g),
    // SRT or WebVTT captions as WebVTT (segments and time offsets are not applied)
    'captionasset.servewebvtt': (g: Gen) => {
      const row = g.engine.find(g, { idParam: g.op.params[0]?.name ?? 'captionAssetId', props: [] });
      const path = assetPath(core, row.kind, row.id);
      if (row.content_size === null || !existsSync(path)) throw g.engine.notFound(g.op, g.model.objectClass, row.id);
      const text = readFileSync(path, 'utf8').slice(0, 10 * 1024 * 1024);
      return new FileAnswer('', 0, `${row.id}.vtt`, '', toWebVtt(text));
    },
    'user.get': (g: Gen) => {
      const given = g.args.userId;
      const id = given === null || given === undefined || given === '' ? g.ctx.session?.userId ?? '' : String(given);
      if (!id) throw g.engine.error(g.op, 'INVALID_USER_ID');
      return g.engine.present(g.ctx, g.model, g.engine.find({ ...g, args: { userId: id } }, { idParam: 'userId', props: [] }));
    },
  };
  /** media/baseEntry.updateThumbnailJpeg: the image becomes the entry's default thumbnail. */
  async function thumbnailFromFile(g: Gen): Promise<unknown> {
    const m = thumbs();
    const op = core.desc.operationByName(m?.service ?? 'thumbAsset', 'add');
    if (!m || !op) throw new KalturaApiError('SANDBOX_ACTION_NOT_SIMULATED', { SERVICE_NAME: g.op.service, ACTION_NAME: g.op.action });
    const tg: Gen = { ...g, model: m, op, args: { entryId: g.args.entryId } };
    if (!core.generic.entryExists(g.ctx, String(g.args.entryId ?? ''))) throw new KalturaApiError('ENTRY_ID_NOT_FOUND', { ENTRY_ID: String(g.args.entryId ?? '').slice(0, 100) });
    const row = await attachFile(core, tg, g.engine.insert(tg, m.objectClass, { entryId: g.args.entryId }, {}), g.args.fileData as FileArg);
    overrides['thumbasset.setasdefault']!({ ...tg, op: core.desc.operationByName(m.service, 'setAsDefault') ?? tg.op, args: { thumbAssetId: row.id } });
    const e = core.store.getEntry(String(g.args.entryId));
    return e ? entryObject(g.ctx, e) : null;
  }

  return { hooks, overrides };
}

/** SRT (or WebVTT) text as WebVTT: a header, cue times with a dot before the milliseconds. */
export function toWebVtt(text: string): string {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (/^WEBVTT/.test(body)) return body;
  const cues = body
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => block.replace(/^\d+\n(?=\d{2}:)/, '').replace(/(\d{2}:\d{2}:\d{2}),(\d{3})/g, '$1.$2'));
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

/** An entry's `thumbnailUrl` when it has a default thumbnail with content. */
export function entryThumbnail(core: SandboxCore, ctx: CallContext, entryId: string): Data | undefined {
  const t = core.defaultThumbnail?.(entryId);
  if (!t) return undefined;
  const version = Number((JSON.parse(t.data) as Data).version ?? 1);
  return { thumbnailUrl: `${ctx.baseUrl}/api_v3/sandbox/thumbnail/entry_id/${encodeURIComponent(entryId)}/version/${version}` };
}

