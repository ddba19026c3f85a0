/**
 * More services of Kaltura's published description, each as small as its contract:
 * - polls (poll.add, vote, getVote, getVotes, resetVotes: the votes per user, counted per answer);
 * - entry content: media/baseEntry.updateContent (a complete upload token replaces the content),
 *   media.addFromEntry and baseEntry.clone (a new entry with a copy of the properties and bytes;
 *   with sourceFlavorParamsId, of that READY flavor's bytes), media / documents.addFromFlavorAsset
 *   and documents.addFromEntry (a new entry with a copy of a flavor asset's or a document's bytes);
 * - flavor assets: setAsSource (isOriginal);
 * - liveStream.isLive (false: the sandbox runs no media server, so no stream is live);
 * - caption search (captionAssetItem.parse / list / search / searchEntries: the cues of SRT and
 *   WebVTT caption assets, by content and time; captionAsset.serveAsJson: the cues as JSON);
 * - flavorAsset.getFlavorAssetsWithParams;
 * - a default thumbnail copied from another entry (updateThumbnailFromSourceEntry: the sandbox
 *   captures no frames, so the source must have one);
 * - partner.getStatistics / getUsage (storage of the partner's content; no bandwidth is counted),
 *   baseEntry.getPlaybackContext (one source: the entry's download URL; the entry's access-control
 *   rules applied, a rule with a condition on the viewer refused), liveStream.getDetails
 *   (offline), category.unlockCategories (nothing is locked).
 */
import type { KObject } from '../coerce';
import type { SandboxCore } from '../core';
import { KalturaApiError } from '../errors';
import type { Data, Gen, Override } from '../generic/engine';
import { newEntryId, nowSec } from '../ids';
import type { FileArg } from '../params';
import type { EntryRow, ObjectRow } from '../store';
import { listItems } from '../store';
import { SESSION_ADMIN } from '../ks';
import { TOKEN_FULL_UPLOAD } from '../uploads';
import { canView, newOwner } from './access';
import { FileAnswer, assetBlob, attachCopy as attachObjectCopy, attachFile } from './content';
import { add as addMediaEntry, attachCopy as attachEntryCopy, copyEntry, entryObject, findEntry, replaceContent } from './media';
import { entryObjects, entryOfService } from './entry-space';
import { pageOf } from './paging';
import { findToken } from './uploadToken';

/** The cues of an SRT or WebVTT text: start and end in seconds, and the text. */
export function cues(text: string): Array<{ startTime: number; endTime: number; content: string }> {
  const out: Array<{ startTime: number; endTime: number; content: string }> = [];
  const time = (t: string) => {
    const m = /(?:(\d+):)?(\d{1,2}):(\d{2})[,.](\d{1,3})/.exec(t);
    return m ? Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]!.padEnd(3, '0')) / 1000 : NaN;
  };
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = block.split('\n');
    const at = lines.findIndex((l) => l.includes('-->'));
    if (at < 0) continue;
    const [a, b] = lines[at]!.split('-->');
    const startTime = time(a ?? '');
    const endTime = time(b ?? '');
    if (Number.isNaN(startTime) || Number.isNaN(endTime)) continue;
    out.push({
      startTime,
      endTime,
      content: lines
        .slice(at + 1)
        .join('\n')
        .trim(),
    });
  }
  return out;
}

/** KalturaContextType PLAY and KalturaRuleActionType BLOCK. */
const CONTEXT_PLAY = '1';
const ACTION_BLOCK = '1';

export function moreOverrides(core: SandboxCore): Record<string, Override> {
  const data = (r: ObjectRow) => JSON.parse(r.data) as Data;
  const now = nowSec;

  // polls: votes per user
  const pollRow = async (g: Gen) => {
    const row = typeof g.args.pollId === 'string' ? await core.store.getObject('KalturaPoll', g.args.pollId) : undefined;
    if (!row || row.partner_id !== g.ctx.session!.partnerId)
      throw new KalturaApiError('INVALID_OBJECT_ID', { ID: String(g.args.pollId ?? '').slice(0, 100) });
    return row;
  };

  /** Caption items of the session's caption assets (of one asset, or of all), as KalturaCaptionAssetItem. */
  const captionItems = async (g: Gen, assetId?: string): Promise<Data[]> => {
    const m = g.engine.modelOfClass('KalturaCaptionAsset');
    if (!m) return [];
    const assets = assetId
      ? [await g.engine.find({ ...g, model: m, args: { id: assetId } }, { idParam: 'id', props: [] })]
      : await core.store.queryObjects({
          kind: m.kind,
          partnerId: g.ctx.session!.partnerId,
          objectTypes: m.family,
          where: [],
          live: true,
          order: [],
          limit: 1000,
          offset: 0,
        });
    const out: Data[] = [];
    for (const a of assets) {
      if (a.content_size === null || a.content_size > 10 * 1024 * 1024) continue;
      const bytes = await core.store.blobs.head(assetBlob(a.kind, a.id), 10 * 1024 * 1024);
      if (!bytes) continue;
      const asset = await g.engine.present(g.ctx, m, a);
      for (const c of cues(bytes.toString('utf8')))
        out.push({ objectType: 'KalturaCaptionAssetItem', asset, entryId: asset.entryId, ...c });
    }
    return out;
  };
  const itemFilter = (items: Data[], f: Data | null | undefined): Data[] => {
    if (!f) return items;
    const text = (d: Data) => String(d.content ?? '').toLowerCase();
    return items.filter((d) => {
      if (typeof f.contentLike === 'string' && !text(d).includes(f.contentLike.toLowerCase())) return false;
      if (typeof f.contentMultiLikeOr === 'string' && !listItems(f.contentMultiLikeOr).some((w) => text(d).includes(w.toLowerCase())))
        return false;
      if (typeof f.contentMultiLikeAnd === 'string' && !listItems(f.contentMultiLikeAnd).every((w) => text(d).includes(w.toLowerCase())))
        return false;
      if (typeof f.startTimeGreaterThanOrEqual === 'number' && Number(d.startTime) < f.startTimeGreaterThanOrEqual) return false;
      if (typeof f.endTimeLessThanOrEqual === 'number' && Number(d.endTime) > f.endTimeLessThanOrEqual) return false;
      if (typeof f.languageEqual === 'string' && (d.asset as Data).language !== f.languageEqual) return false;
      return true;
    });
  };
  const page = <T>(items: T[], pager: unknown) => {
    const { limit, offset } = pageOf(pager as KObject | null);
    return items.slice(offset, offset + limit);
  };

  const updateContent: Override = async (g) => {
    const e = await findEntry(g.ctx, g.args.entryId, true);
    const resource = g.args.resource as KObject | null;
    if (!resource || resource.objectType !== 'KalturaUploadedFileTokenResource')
      throw new KalturaApiError('RESOURCE_TYPE_NOT_SUPPORTED', { RES_TYPE: String(resource?.objectType ?? '') });
    const t = await findToken(g.ctx, resource.token);
    if (t.status !== TOKEN_FULL_UPLOAD) throw new KalturaApiError('UPLOAD_TOKEN_INVALID_STATUS_FOR_ADD_ENTRY');
    await replaceContent(core, e, t);
    return entryObject(g.ctx, (await core.store.getEntry(e.id))!);
  };
  const copy =
    (sourceParam: string, objectParam?: string): Override =>
    async (g) => {
      const source = await findEntry(g.ctx, g.args[sourceParam]);
      return entryObject(g.ctx, await copyEntry(g.ctx, source, objectParam ? (g.args[objectParam] as KObject | null) : null));
    };

  /** Kaltura's kAuthenticatedCondition: an ADMIN session, or one with one of its privileges (`sview` by default) for the entry. */
  const authenticated = (g: Gen, condition: Data, entryId: string): boolean => {
    const s = g.ctx.session;
    if (!s) return false;
    if (s.type === SESSION_ADMIN || s.privileges.get('all') === '*') return true;
    const listed = Array.isArray(condition.privileges) ? (condition.privileges as Data[]).map((p) => String(p.value ?? '')) : [];
    const names = listed.length ? listed : ['sview', 'sviewplaylist'];
    return names.some((name) => {
      const value = s.privileges.get(name);
      return value !== undefined && (value === '*' || listItems(value).includes(entryId));
    });
  };
  /**
   * What the entry's access-control profile (its `accessControlId`) says about playing it, as
   * Kaltura applies a profile: its rules in order, those for the PLAY context (or every context);
   * an ADMIN session skips a rule unless the rule has `forceAdminValidation`; a rule whose
   * conditions all hold is fulfilled: its actions are the context's actions, its message and code a
   * message, a BLOCK action leaves no sources, and `stopProcessing` ends the rules. A rule without
   * conditions always holds; a condition holds as evaluated, inverted by `not`. The sandbox
   * evaluates KalturaAuthenticatedCondition (the session is ADMIN, or has one of the condition's
   * privileges, `sview` by default, for this entry or `*`), and no condition on the viewer (a
   * country, an IP address, a site: it knows none of the viewer's): a rule with one to check is
   * refused, naming it, rather than answered as if it allowed playback.
   */
  const playbackRules = async (g: Gen, accessControlId: unknown, entryId: string) => {
    const out = { blocked: false, actions: [] as Data[], messages: [] as Data[] };
    const row = await g.engine.liveObject(g.ctx, 'KalturaAccessControlProfile', accessControlId);
    if (!row) return out;
    const rules = Array.isArray(data(row).rules) ? (data(row).rules as Data[]) : [];
    const admin = g.ctx.session?.type === SESSION_ADMIN;
    for (const [i, rule] of rules.entries()) {
      if (admin && Number(rule.forceAdminValidation) !== 1) continue;
      const contexts = Array.isArray(rule.contexts) ? (rule.contexts as Data[]).map((c) => String(c.type)) : [];
      if (contexts.length && !contexts.includes(CONTEXT_PLAY)) continue;
      const conditions = Array.isArray(rule.conditions) ? (rule.conditions as Data[]) : [];
      const unknown = conditions.find((c) => c.objectType !== 'KalturaAuthenticatedCondition');
      if (unknown)
        throw new KalturaApiError('SANDBOX_ACTION_NOT_SIMULATED', {
          SERVICE_NAME: g.op.service,
          ACTION_NAME: `${g.op.action} (rule ${i} of access-control profile ${row.id} has a ${String(unknown.objectType)}, a condition on the viewer the sandbox does not evaluate)`,
        });
      if (!conditions.every((c) => authenticated(g, c, entryId) !== (c.not === true))) continue;
      const actions = Array.isArray(rule.actions) ? (rule.actions as Data[]) : [];
      out.actions.push(...actions);
      if (actions.some((a) => a.objectType === 'KalturaAccessControlBlockAction' || String(a.type) === ACTION_BLOCK)) out.blocked = true;
      if (typeof rule.message === 'string' || typeof rule.code === 'string')
        out.messages.push({ objectType: 'KalturaAccessControlMessage', message: rule.message ?? '', code: rule.code ?? '' });
      if (rule.stopProcessing === true) break;
    }
    return out;
  };

  /** A flavor asset this session may see (any status), or the operation's FLAVOR_ASSET_ID_NOT_FOUND. */
  const flavorAsset = async (g: Gen, id: unknown): Promise<ObjectRow> => {
    const row = typeof id === 'string' ? await g.engine.liveObject(g.ctx, 'KalturaFlavorAsset', id) : undefined;
    if (!row || !canView(g.ctx, row, row.id))
      throw g.engine.notFound(g.op, 'KalturaFlavorAsset', typeof id === 'string' ? id.slice(0, 100) : '');
    return row;
  };
  /** The READY flavor asset of an entry made with these flavor params, or FLAVOR_PARAMS_NOT_FOUND. */
  const readyFlavor = async (g: Gen, entryId: string, flavorParamsId: unknown): Promise<ObjectRow> => {
    const m = g.engine.modelOfClass('KalturaFlavorAsset');
    const found = m
      ? await core.store.queryObjects({
          kind: m.kind,
          partnerId: g.ctx.session!.partnerId,
          objectTypes: m.family,
          where: [
            { field: 'entryId', op: 'eq', value: entryId },
            { field: 'flavorParamsId', op: 'eq', value: Number(flavorParamsId) },
            ...(m.status?.ready !== undefined ? [{ field: 'status', op: 'eq' as const, value: m.status.ready }] : []),
          ],
          live: true,
          order: [],
          limit: 1,
          offset: 0,
        })
      : [];
    if (!found[0] || found[0].content_size === null) throw g.engine.error(g.op, 'FLAVOR_PARAMS_NOT_FOUND');
    return found[0];
  };
  /** The bytes of a flavor asset for a new entry: its blob, size and file name (FLAVOR_ASSET_IS_NOT_READY without content). */
  const flavorBytes = (g: Gen, asset: ObjectRow) => {
    if (asset.content_size === null) throw g.engine.error(g.op, 'FLAVOR_ASSET_IS_NOT_READY');
    const ext = data(asset).fileExt;
    return {
      src: assetBlob(asset.kind, asset.id),
      size: asset.content_size,
      fileName: asset.file_name ?? `${asset.id}${typeof ext === 'string' && ext ? `.${ext}` : ''}`,
    };
  };
  /** A new media entry of `input` (its media type the source's) with a flavor asset's bytes as its content. */
  const mediaFromFlavor = async (g: Gen, source: EntryRow, asset: ObjectRow, input: KObject | null) => {
    const bytes = flavorBytes(g, asset);
    await core.visitors?.beforeInsert(g.ctx, bytes.size);
    const entry = (await addMediaEntry(g.ctx, {
      entry: { ...(input ?? {}), objectType: 'KalturaMediaEntry', mediaType: source.media_type },
    })) as Data;
    await attachEntryCopy(core, String(entry.id), bytes.src, bytes.size, bytes.fileName);
    return entryObject(g.ctx, (await core.store.getEntry(String(entry.id)))!);
  };
  /** A new document entry of `input` (its documentType the source's) with a copy of `src`'s bytes. */
  const documentFrom = async (g: Gen, source: ObjectRow, input: KObject | null, bytes: { src: string; size: number; fileName: string }) => {
    const cls = input?.objectType && g.model.family.includes(input.objectType) ? input.objectType : 'KalturaDocumentEntry';
    const documentType = data(source).documentType;
    const row = await g.engine.add(g, { ...(input ?? {}), objectType: cls, ...(documentType !== undefined ? { documentType } : {}) }, []);
    return g.engine.present(g.ctx, g.model, await attachObjectCopy(core, g, row, bytes.src, bytes.size, bytes.fileName));
  };

  /** MB of content kept for a partner (entries and assets). */
  const hostingMb = async (partnerId: number) => {
    let bytes = 0;
    for (const e of await core.store.entriesWithStatus([2], true)) if (e.partner_id === partnerId) bytes += e.content_size ?? 0;
    for (const o of await core.store.objectsWithContent()) if (o.partner_id === partnerId) bytes += o.content_size ?? 0;
    return Math.round((bytes / (1024 * 1024)) * 1000) / 1000;
  };

  /** The source entry's default thumbnail, copied as the entry's own default one. */
  const thumbFromSource = async (g: Gen) => {
    const e = await findEntry(g.ctx, g.args.entryId, true);
    await findEntry(g.ctx, g.args.sourceEntryId);
    const source = await core.defaultThumbnail?.(String(g.args.sourceEntryId));
    const m = g.engine.modelOfClass('KalturaThumbAsset');
    const setDefault = m ? core.desc.operationByName(m.service, 'setAsDefault') : undefined;
    if (!source || !m || !setDefault)
      throw new KalturaApiError('INVALID_FIELD_VALUE', {
        FIELD_NAME: 'sourceEntryId (it has no default thumbnail to copy: the sandbox does not capture frames)',
      });
    const tg: Gen = { ...g, model: m, op: setDefault, args: {} };
    const row = await g.engine.insert(tg, source.object_type, { entryId: e.id, tags: '' }, {});
    const file = {
      fileName: source.file_name ?? 'thumb.jpg',
      stream: core.store.blobs.read(assetBlob(source.kind, source.id), 0, Math.max(0, (source.content_size ?? 1) - 1)),
    } as unknown as FileArg;
    const withContent = await attachFile(core, tg, row, file);
    await g.engine.run(g.ctx, setDefault, { thumbAssetId: withContent.id });
    return entryObject(g.ctx, (await core.store.getEntry(e.id))!);
  };

  return {
    'poll.add': async (g) => {
      const id = newEntryId();
      await core.visitors?.beforeInsert(g.ctx);
      await core.store.insertObject({
        kind: 'KalturaPoll',
        id,
        partner_id: g.ctx.session!.partnerId,
        object_type: 'KalturaPoll',
        ...newOwner(g.ctx),
        created_at: now(),
        updated_at: now(),
        data: JSON.stringify({ pollType: g.args.pollType ?? 'SINGLE_ANONYMOUS', votes: {} }),
        content_size: null,
        file_name: null,
      });
      return id;
    },
    'poll.vote': async (g) => {
      const row = await pollRow(g);
      const d = data(row);
      (d.votes as Data)[String(g.args.userId)] = listItems(g.args.answerIds).join(',');
      await core.store.updateObject(row.kind, row.id, { data: JSON.stringify(d), updated_at: now() });
      return String(g.args.answerIds ?? '');
    },
    'poll.getvote': async (g) => String((data(await pollRow(g)).votes as Data)[String(g.args.userId)] ?? ''),
    'poll.getvotes': async (g) => {
      const votes = Object.values(data(await pollRow(g)).votes as Record<string, string>);
      const answers = listItems(g.args.answerIds).map((id) => ({ id, numVotes: votes.filter((v) => listItems(v).includes(id)).length }));
      return JSON.stringify({ pollId: g.args.pollId, numVoters: votes.length, answers });
    },
    'poll.resetvotes': async (g) => {
      const row = await pollRow(g);
      await core.store.updateObject(row.kind, row.id, { data: JSON.stringify({ ...data(row), votes: {} }), updated_at: now() });
      return null;
    },
    'media.updatecontent': updateContent,
    'baseentry.updatecontent': updateContent,
    // with sourceFlavorParamsId: a new entry of the source's READY flavor of those params (Kaltura's)
    'media.addfromentry': async (g) => {
      const fp = g.args.sourceFlavorParamsId;
      if (fp === undefined || fp === null || fp === '') return copy('sourceEntryId', 'mediaEntry')(g);
      const source = await findEntry(g.ctx, g.args.sourceEntryId);
      return mediaFromFlavor(g, source, await readyFlavor(g, source.id, fp), g.args.mediaEntry as KObject | null);
    },
    // a new media entry whose content is a flavor asset's bytes (of a media entry: else ENTRY_ID_NOT_FOUND)
    'media.addfromflavorasset': async (g) => {
      const asset = await flavorAsset(g, g.args.sourceFlavorAssetId);
      const sourceId = String(data(asset).entryId ?? '');
      const source = await findEntry(g.ctx, sourceId);
      return mediaFromFlavor(g, source, asset, g.args.mediaEntry as KObject | null);
    },
    'documents.addfromflavorasset': async (g) => {
      const asset = await flavorAsset(g, g.args.sourceFlavorAssetId);
      const source = await entryOfService(g, String(data(asset).entryId ?? ''));
      return documentFrom(g, source, g.args.documentEntry as KObject | null, flavorBytes(g, asset));
    },
    // a new document entry with the source document's content (or its READY flavor of sourceFlavorParamsId)
    'documents.addfromentry': async (g) => {
      const source = await entryOfService(g, g.args.sourceEntryId);
      const fp = g.args.sourceFlavorParamsId;
      if (fp !== undefined && fp !== null && fp !== '')
        return documentFrom(g, source, g.args.documentEntry as KObject | null, flavorBytes(g, await readyFlavor(g, source.id, fp)));
      if (source.content_size === null) throw g.engine.error(g.op, 'FLAVOR_ASSET_IS_NOT_READY');
      const ext = data(source).fileExt;
      return documentFrom(g, source, g.args.documentEntry as KObject | null, {
        src: assetBlob(source.kind, source.id),
        size: source.content_size,
        fileName: source.file_name ?? `${source.id}${typeof ext === 'string' && ext ? `.${ext}` : ''}`,
      });
    },
    'baseentry.clone': copy('entryId'),
    'flavorasset.setassource': async (g) => {
      const row = await g.engine.find(g, { idParam: g.op.params[0]?.name ?? 'assetId', props: [] }, true);
      const entryId = data(row).entryId;
      for (const other of await g.engine.query(g, [{ field: 'entryId', op: 'eq', value: entryId }], [], 500, 0)) {
        if (other.id !== row.id && data(other).isOriginal === true)
          await core.store.updateObject(other.kind, other.id, { data: JSON.stringify({ ...data(other), isOriginal: false }) });
      }
      await g.engine.patch(g, row, { isOriginal: true });
      return null;
    },
    'livestream.islive': async (g) => {
      await g.engine.find(g, { idParam: 'id', props: [] });
      return false;
    },
    // categories are never locked in the sandbox (Kaltura locks them while it moves entries)
    'category.unlockcategories': () => null,
    'captionasset.serveasjson': async (g) => {
      const row = await g.engine.find(g, { idParam: g.op.params[0]?.name ?? 'captionAssetId', props: [] });
      const bytes = row.content_size === null ? undefined : await core.store.blobs.head(assetBlob(row.kind, row.id), 10 * 1024 * 1024);
      if (!bytes) throw g.engine.notFound(g.op, g.model.objectClass, row.id);
      return new FileAnswer('', 0, `${row.id}.json`, '', JSON.stringify({ objects: cues(bytes.toString('utf8')) }));
    },
    'media.updatethumbnailfromsourceentry': (g) => thumbFromSource(g),
    'baseentry.updatethumbnailfromsourceentry': (g) => thumbFromSource(g),
    // storage used by the partner's content (the sandbox counts no bandwidth)
    'partner.getstatistics': async (g) => ({
      objectType: 'KalturaPartnerStatistics',
      hosting: await hostingMb(g.ctx.session!.partnerId),
      bandwidth: 0,
      usage: 0,
      usagePercent: 0,
      packageBandwidthAndStorage: 0,
    }),
    'partner.getusage': async (g) => ({
      objectType: 'KalturaPartnerUsage',
      hostingGB: Math.round(((await hostingMb(g.ctx.session!.partnerId)) / 1024) * 1000) / 1000,
      usageGB: 0,
      Percent: 0,
      packageBW: 0,
    }),
    'baseentry.getplaybackcontext': async (g) => {
      const e = await findEntry(g.ctx, g.args.entryId);
      const o = (await entryObject(g.ctx, e)) as Data;
      const access = await playbackRules(g, o.accessControlId, e.id);
      const sources =
        typeof o.dataUrl === 'string'
          ? [
              {
                objectType: 'KalturaPlaybackSource',
                deliveryProfileId: '',
                format: 'url',
                protocols: o.dataUrl.startsWith('https') ? 'https' : 'http',
                url: o.dataUrl,
                flavorIds: '',
              },
            ]
          : [];
      const messages = sources.length
        ? []
        : [{ objectType: 'KalturaAccessControlMessage', message: 'No flavors found', code: 'NO_FLAVORS_FOUND' }];
      return {
        objectType: 'KalturaPlaybackContext',
        sources: access.blocked ? [] : sources,
        flavorAssets: [],
        actions: access.actions,
        messages: [...access.messages, ...(access.blocked ? [] : messages)],
        playbackCaptions: [],
      };
    },
    'livestream.getdetails': async (g) => {
      await g.engine.find(g, { idParam: 'id', props: [] });
      return { objectType: 'KalturaLiveStreamDetails', primaryStreamStatus: 0, secondaryStreamStatus: 0, wasBroadcast: false };
    },
    'flavorasset.getflavorassetswithparams': async (g) => {
      const params = g.engine.modelOfClass('KalturaFlavorParams');
      const rows = await g.engine.query(g, [{ field: 'entryId', op: 'eq', value: g.args.entryId }], [], 500, 0);
      return Promise.all(
        rows.map(async (r) => {
          const asset = await g.engine.present(g.ctx, g.model, r);
          const p =
            params && asset.flavorParamsId !== undefined
              ? await core.store.getObject(params.kind, String(asset.flavorParamsId))
              : undefined;
          return {
            objectType: 'KalturaFlavorAssetWithParams',
            entryId: g.args.entryId,
            flavorAsset: asset,
            ...(p && params ? { flavorParams: await g.engine.present(g.ctx, params, p) } : {}),
          };
        }),
      );
    },
    'captionassetitem.parse': async (g) => {
      await captionItems(g, String(g.args.captionAssetId ?? ''));
      return null;
    },
    'captionassetitem.list': async (g) => {
      const items = itemFilter(await captionItems(g, String(g.args.captionAssetId ?? '')), g.args.captionAssetItemFilter as Data);
      return {
        objectType: 'KalturaCaptionAssetItemListResponse',
        objects: page(items, g.args.captionAssetItemPager),
        totalCount: items.length,
      };
    },
    'captionassetitem.search': async (g) => {
      const items = itemFilter(await captionItems(g), g.args.captionAssetItemFilter as Data);
      return {
        objectType: 'KalturaCaptionAssetItemListResponse',
        objects: page(items, g.args.captionAssetItemPager),
        totalCount: items.length,
      };
    },
    'captionassetitem.searchentries': async (g) => {
      const ids = [...new Set(itemFilter(await captionItems(g), g.args.captionAssetItemFilter as Data).map((d) => String(d.entryId)))];
      const entries = await entryObjects(g.ctx, ids);
      return {
        objectType: 'KalturaBaseEntryListResponse',
        objects: page(entries, g.args.captionAssetItemPager),
        totalCount: entries.length,
      };
    },
  };
}
