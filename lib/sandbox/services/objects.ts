/**
 * Small additions to the generic services for classes of the shipped recipes:
 * - thumbnail assets: setAsDefault tags the asset `default_thumb` (and untags the entry's others),
 *   and the entry's `thumbnailUrl` serves it;
 * - caption assets: one default caption per entry (isDefault clears the others); `languageCode` from `language`;
 * - cue points: `isMomentary` and `duration` from start and end times;
 * - users: `fullName` from first and last name (user.get without a user ID, the session's user, is a generic get);
 *   a new id by user.update is not simulated (entries and objects would have to follow it);
 * - access-control profiles: one default per partner (made when first needed, references.ts), which
 *   cannot be deleted;
 * - conversion profiles: their `flavorParamsIds` are their conversionProfileAssetParams (one each);
 * - quizzes: `version` counts the changes;
 * - flavorAsset.getWebPlayableByEntryId: the entry's READY flavors tagged `web` (not all of them).
 */
import type { CallContext } from '../context';
import type { SandboxCore } from '../core';
import { KalturaApiError } from '../errors';
import type { ClassHooks, Data, Gen, Override } from '../generic/engine';
import type { FileArg } from '../params';
import { FileAnswer, assetBlob, attachFile } from './content';
import { entryObject } from './media';
import { defaultAccessControlId } from './references';
import type { ObjectRow } from '../store';

const DEFAULT_THUMB = 'default_thumb';
const tagsOf = (v: unknown) =>
  String(v ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

/** A cue point's isMomentary and duration from its times (each undefined when the class has no such property or no value). */
function cueTimes(props: ReadonlyArray<{ name: string }>, d: Data): { isMomentary?: boolean; duration?: number } {
  const has = (n: string) => props.some((p) => p.name === n);
  const end = d.endTime;
  return {
    ...(has('isMomentary') ? { isMomentary: end === undefined || end === null } : {}),
    ...(has('duration') && typeof end === 'number' && typeof d.startTime === 'number' ? { duration: end - d.startTime } : {}),
  };
}

/**
 * A caption's `languageCode` from its `language`, as Kaltura derives it: the KalturaLanguageCode
 * member of the same name as the KalturaLanguage one (`EN` English -> `en`); none when the
 * language has no code there (its property, read-only, is then left out).
 */
function languageCodeOf(g: Gen, language: unknown): { languageCode?: string } {
  const desc = g.engine.desc;
  if (typeof language !== 'string' || !desc.allProperties(g.model.objectClass).some((p) => p.name === 'languageCode')) return {};
  const name = desc.getEnum('KalturaLanguage')?.values.find((v) => v.value === language)?.name;
  const code = name ? desc.getEnum('KalturaLanguageCode')?.values.find((v) => v.name === name)?.value : undefined;
  return code === undefined ? {} : { languageCode: String(code) };
}

export function objectExtensions(core: SandboxCore): { hooks: Record<string, ClassHooks>; overrides: Record<string, Override> } {
  const thumbs = () => core.generic.modelOfClass('KalturaThumbAsset');
  const entryThumbs = async (partnerId: number, entryId: string): Promise<ObjectRow[]> => {
    const m = thumbs();
    if (!m) return [];
    return core.store.queryObjects({
      kind: m.kind,
      partnerId,
      objectTypes: m.family,
      where: [{ field: 'entryId', op: 'eq', value: entryId }],
      live: true,
      order: [],
      limit: 500,
      offset: 0,
    });
  };
  core.defaultThumbnail = async (entryId: string) => {
    // a media entry, or an entry of a generic entry service (a playlist's thumbnail)
    const entries = core.generic.model('baseEntry');
    const e = (await core.store.getEntry(entryId)) ?? (entries ? await core.store.getObject(entries.kind, entryId) : undefined);
    if (!e) return undefined;
    return (await entryThumbs(e.partner_id, entryId)).find(
      (r) => r.content_size !== null && tagsOf((JSON.parse(r.data) as Data).tags).includes(DEFAULT_THUMB),
    );
  };

  const hooks: Record<string, ClassHooks> = {
    KalturaCaptionAsset: {
      beforeAdd(g, d) {
        Object.assign(d, languageCodeOf(g, d.language));
      },
      async afterAdd(g, d, row) {
        if (Number(d.isDefault) === 1) await g.engine.setDefault(g, row);
      },
      async beforeUpdate(g, current, patch, row) {
        if (Number(patch.isDefault) === 1 && Number(current.isDefault) !== 1) await g.engine.setDefault(g, row);
        if (patch.language !== undefined) Object.assign(patch, { languageCode: null }, languageCodeOf(g, patch.language));
      },
    },
    // isMomentary and duration follow the start and end times: kept with the object, so lists filter and sort on them
    KalturaCuePoint: {
      beforeAdd(g, d, row) {
        Object.assign(d, cueTimes(g.engine.desc.allProperties(row.object_type), d));
      },
      beforeUpdate(g, current, patch, row) {
        if (!('startTime' in patch) && !('endTime' in patch)) return;
        const t = cueTimes(g.engine.desc.allProperties(row.object_type), { ...current, ...patch });
        // (null removes a property: a cue point whose end time went has no duration)
        Object.assign(patch, t, { duration: t.duration ?? null });
      },
      present(_ctx, engine, d, row) {
        const t = cueTimes(engine.desc.allProperties(row.object_type), d);
        Object.assign(d, t);
        if (t.duration === undefined) delete d.duration;
      },
    },
    KalturaUser: {
      // Kaltura's user.update may give the user a new id, and its entries and objects follow it (they
      // point to its inner id); the sandbox's point to the id itself, so it says it does not do that
      beforeUpdate(g, current, patch) {
        if (patch.id !== undefined && patch.id !== null && String(patch.id) !== String(current.id))
          throw new KalturaApiError('SANDBOX_ACTION_NOT_SIMULATED', {
            SERVICE_NAME: g.op.service,
            ACTION_NAME: `${g.op.action} (a new id for a user)`,
          });
      },
      present(_ctx, engine, d, row) {
        if (
          d.fullName === undefined &&
          (d.firstName || d.lastName) &&
          engine.desc.allProperties(row.object_type).some((p) => p.name === 'fullName')
        ) {
          d.fullName = [d.firstName, d.lastName].filter(Boolean).join(' ');
        }
      },
    },
    // a quiz's version counts its changes (quiz.add and quiz.update are the generic ones, keyed by the entry)
    KalturaQuiz: {
      beforeAdd(_g, d) {
        d.version = 1;
      },
      beforeUpdate(_g, current, patch) {
        patch.version = Number(current.version ?? 0) + 1;
      },
    },
    // a conversion profile's flavorParamsIds are its conversionProfileAssetParams, one per params id
    KalturaConversionProfile: {
      async afterAdd(g, d, row) {
        await syncProfileParams(g, row, d.flavorParamsIds);
      },
      async beforeUpdate(g, _current, patch, row) {
        if (patch.flavorParamsIds !== undefined) await syncProfileParams(g, row, patch.flavorParamsIds);
      },
    },
    // one default profile per partner: a profile made or updated the default takes the place of the old one
    KalturaAccessControlProfile: {
      async afterAdd(g, d, row) {
        if (Number(d.isDefault) === 1) await g.engine.setDefault(g, row);
      },
      async beforeUpdate(g, current, patch, row) {
        if (Number(patch.isDefault) === 1 && Number(current.isDefault) !== 1) await g.engine.setDefault(g, row);
      },
      beforeDelete(g, d) {
        if (Number(d.isDefault) === 1) throw g.engine.error(g.op, 'CANNOT_DELETE_DEFAULT_ACCESS_CONTROL');
      },
    },
  };

  const overrides: Record<string, Override> = {
    // a partner's profiles include its default one from the start (made the first time they are listed)
    'filter:kalturaaccesscontrolprofile': async (g: Gen) => {
      await defaultAccessControlId(g.ctx);
      return [];
    },
    'thumbasset.setasdefault': async (g: Gen) => {
      const idParam = g.op.params[0]?.name ?? 'thumbAssetId';
      const row = await g.engine.find(g, { idParam, props: [] }, true);
      const d = g.engine.dataOf(row);
      for (const other of await entryThumbs(row.partner_id, String(d.entryId))) {
        if (other.id === row.id) continue;
        const od = JSON.parse(other.data) as Data;
        const tags = tagsOf(od.tags);
        if (tags.includes(DEFAULT_THUMB))
          await core.store.updateObject(other.kind, other.id, {
            data: JSON.stringify({ ...od, tags: tags.filter((t) => t !== DEFAULT_THUMB).join(',') }),
          });
      }
      const tags = tagsOf(d.tags);
      if (!tags.includes(DEFAULT_THUMB)) await g.engine.patch(g, row, { tags: [...tags, DEFAULT_THUMB].join(',') });
      return null;
    },
    // the entry's flavors a browser plays: READY ones tagged `web` (Kaltura's isWeb), not every flavor
    'flavorasset.getwebplayablebyentryid': async (g: Gen) => {
      const entryId = typeof g.args.entryId === 'string' ? g.args.entryId : '';
      await g.engine.checkReferences(g, { entryId });
      const ready = g.model.status?.ready;
      const rows = await g.engine.query(
        g,
        [
          { field: 'entryId', op: 'eq', value: entryId },
          ...(ready !== undefined ? [{ field: 'status', op: 'eq' as const, value: ready }] : []),
        ],
        [],
        500,
        0,
      );
      const web = rows.filter((r) => tagsOf(g.engine.dataOf(r).tags).includes('web'));
      return Promise.all(web.map((r) => g.engine.present(g.ctx, g.model, r)));
    },
    'media.updatethumbnailjpeg': (g: Gen) => thumbnailFromFile(g),
    'baseentry.updatethumbnailjpeg': (g: Gen) => thumbnailFromFile(g),
    // SRT or WebVTT captions as WebVTT (segments and time offsets are not applied)
    'captionasset.servewebvtt': async (g: Gen) => {
      const row = await g.engine.find(g, { idParam: g.op.params[0]?.name ?? 'captionAssetId', props: [] });
      const bytes = row.content_size === null ? undefined : await core.store.blobs.head(assetBlob(row.kind, row.id), 10 * 1024 * 1024);
      if (!bytes) throw g.engine.notFound(g.op, g.model.objectClass, row.id);
      const text = bytes.toString('utf8');
      return new FileAnswer('', 0, `${row.id}.vtt`, '', toWebVtt(text));
    },
  };
  /** The conversionProfileAssetParams of a profile follow its `flavorParamsIds` (made, or removed). */
  async function syncProfileParams(g: Gen, profile: ObjectRow, ids: unknown): Promise<void> {
    const m = g.engine.modelOfClass('KalturaConversionProfileAssetParams');
    if (!m || !m.props.has('conversionProfileId') || !m.props.has('assetParamsId')) return;
    const wanted = new Set(
      String(ids ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter((x) => /^\d+$/.test(x)),
    );
    const profileId = Number(profile.id);
    const lg: Gen = { ...g, model: m };
    const have = await core.store.queryObjects({
      kind: m.kind,
      partnerId: profile.partner_id,
      objectTypes: m.family,
      where: [{ field: 'conversionProfileId', op: 'eq', value: profileId }],
      order: [],
      limit: 1000,
      offset: 0,
    });
    for (const r of have) {
      const id = String((JSON.parse(r.data) as Data).assetParamsId);
      if (wanted.has(id)) wanted.delete(id);
      else await core.store.removeObject(r.kind, r.id);
    }
    for (const id of wanted) await g.engine.insert(lg, m.objectClass, { conversionProfileId: profileId, assetParamsId: Number(id) }, {});
  }

  /** media/baseEntry.updateThumbnailJpeg: the image becomes the entry's default thumbnail. */
  async function thumbnailFromFile(g: Gen): Promise<unknown> {
    const m = thumbs();
    const op = core.desc.operationByName(m?.service ?? 'thumbAsset', 'add');
    if (!m || !op) throw new KalturaApiError('SANDBOX_ACTION_NOT_SIMULATED', { SERVICE_NAME: g.op.service, ACTION_NAME: g.op.action });
    const tg: Gen = { ...g, model: m, op, args: { entryId: g.args.entryId } };
    if (!(await core.generic.entryExists(g.ctx, String(g.args.entryId ?? ''))))
      throw new KalturaApiError('ENTRY_ID_NOT_FOUND', { ENTRY_ID: String(g.args.entryId ?? '').slice(0, 100) });
    const row = await attachFile(
      core,
      tg,
      await g.engine.insert(tg, m.objectClass, { entryId: g.args.entryId }, {}),
      g.args.fileData as FileArg,
    );
    await overrides['thumbasset.setasdefault']!({
      ...tg,
      op: core.desc.operationByName(m.service, 'setAsDefault') ?? tg.op,
      args: { thumbAssetId: row.id },
    });
    const e = await core.store.getEntry(String(g.args.entryId));
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
export async function entryThumbnail(core: SandboxCore, ctx: CallContext, entryId: string): Promise<Data | undefined> {
  const t = await core.defaultThumbnail?.(entryId);
  if (!t) return undefined;
  const version = Number((JSON.parse(t.data) as Data).version ?? 1);
  return { thumbnailUrl: `${ctx.baseUrl}/api_v3/sandbox/thumbnail/entry_id/${encodeURIComponent(entryId)}/version/${version}` };
}
