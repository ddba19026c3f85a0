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
import type { ClassHooks, Data, Gen, Override } from '../generic/engine';
import type { ObjectRow } from '../store';

const DEFAULT_THUMB = 'default_thumb';
const tagsOf = (v: unknown) => String(v ?? '').split(',').map((t) => t.trim()).filter(Boolean);

export function objectExtensions(core: SandboxCore): { hooks: Record<string, ClassHooks>; overrides: Record<string, Override> } {
  const thumbs = () => core.generic.modelOfClass('KalturaThumbAsset');
  const entryThumbs = (partnerId: number, entryId: string): ObjectRow[] => {
    const m = thumbs();
    if (!m) return [];
    const deleted = m.status?.deleted;
    return core.store.queryObjects({ kind: m.kind, partnerId, objectTypes: m.family, where: [{ field: 'entryId', op: 'eq', value: entryId }, ...(deleted !== undefined ? [{ field: 'status', op: 'ne' as const, value: deleted }] : [])], order: [], limit: 500, offset: 0 });
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
    'user.get': (g: Gen) => {
      const given = g.args.userId;
      const id = given === null || given === undefined || given === '' ? g.ctx.session?.userId ?? '' : String(given);
      if (!id) throw g.engine.error(g.op, 'INVALID_USER_ID');
      return g.engine.present(g.ctx, g.model, g.engine.find({ ...g, args: { userId: id } }, { idParam: 'userId', props: [] }));
    },
  };
  return { hooks, overrides };
}

/** An entry's `thumbnailUrl` when it has a default thumbnail with content. */
export function entryThumbnail(core: SandboxCore, ctx: CallContext, entryId: string): Data | undefined {
  const t = core.defaultThumbnail?.(entryId);
  if (!t) return undefined;
  const version = Number((JSON.parse(t.data) as Data).version ?? 1);
  return { thumbnailUrl: `${ctx.baseUrl}/api_v3/sandbox/thumbnail/entry_id/${encodeURIComponent(entryId)}/version/${version}` };
}

