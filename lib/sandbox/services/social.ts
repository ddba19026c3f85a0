/**
 * What viewers do to entries: likes (like.like / unlike / checkLikeExists, one KalturaLike per entry
 * and user, listed by the generic like.list), ratings (rating.rate / removeRating / checkRating /
 * getRatingCounts, one rank per entry and user), moderation flags (media/baseEntry.flag and
 * listFlags, the entry then FLAGGED_FOR_REVIEW), anonymous ranks (anonymousRank: the entry's
 * votes, totalRank and rank), and statistics events (stats.collect and the like: accepted and
 * dropped, as the sandbox keeps no analytics).
 */
import type { KObject } from '../coerce';
import type { SandboxCore } from '../core';
import { KalturaApiError } from '../errors';
import type { Data, Gen, Override } from '../generic/engine';
import { newEntryId, nowSec } from '../ids';
import type { ObjectRow } from '../store';
import { listItems } from '../store';
import { newOwner } from './access';
import { findEntry } from './media';
import { pageOf } from './paging';

const FLAGGED_FOR_REVIEW = 5;

export function socialOverrides(core: SandboxCore): Record<string, Override> {
  /** Objects of a kind the description gives no service of its own (ratings, flags), by conditions. */
  const rows = (kind: string, partnerId: number, where: Array<[string, unknown]>, limit = 500, offset = 0): Promise<ObjectRow[]> =>
    core.store.queryObjects({
      kind,
      partnerId,
      where: where.map(([field, value]) => ({ field, op: 'eq' as const, value })),
      order: [],
      limit,
      offset,
    });
  const put = async (g: Gen, kind: string, cls: string, data: Data): Promise<ObjectRow> => {
    await core.visitors?.beforeInsert(g.ctx);
    const now = nowSec();
    const row: ObjectRow = {
      kind,
      id: newEntryId(),
      partner_id: g.ctx.session!.partnerId,
      object_type: cls,
      ...newOwner(g.ctx),
      created_at: now,
      updated_at: now,
      data: JSON.stringify({ ...data, createdAt: now }),
      content_size: null,
      file_name: null,
    };
    await core.store.insertObject(row);
    return row;
  };
  const user = (g: Gen) => g.ctx.session?.userId ?? '';
  const entry = (g: Gen, forEdit = false) => findEntry(g.ctx, g.args.entryId, forEdit);
  const likes = () => core.generic.modelOfClass('KalturaLike');

  const flag = async (g: Gen) => {
    const f = (g.args.moderationFlag ?? {}) as Data;
    const e = await findEntry(g.ctx, f.flaggedEntryId, false);
    await put(g, 'KalturaModerationFlag', 'KalturaModerationFlag', {
      partnerId: e.partner_id,
      userId: user(g),
      moderationObjectType: '2',
      flaggedEntryId: e.id,
      status: '1',
      comments: f.comments,
      flagType: f.flagType,
    });
    const props = JSON.parse(e.props) as Data;
    await core.store.updateEntry(e.id, { props: JSON.stringify({ ...props, moderationStatus: FLAGGED_FOR_REVIEW }), updated_at: nowSec() });
    return null;
  };
  const listFlags = async (g: Gen) => {
    const e = await entry(g);
    const { limit, offset } = pageOf(g.args.pager as KObject | null);
    const all = await rows('KalturaModerationFlag', e.partner_id, [['flaggedEntryId', e.id]], limit, offset);
    const total = await core.store.countObjects({
      kind: 'KalturaModerationFlag',
      partnerId: e.partner_id,
      where: [{ field: 'flaggedEntryId', op: 'eq', value: e.id }],
    });
    return {
      objectType: 'KalturaModerationFlagListResponse',
      objects: all.map((r) => ({ objectType: 'KalturaModerationFlag', ...(JSON.parse(r.data) as Data) })),
      totalCount: total,
    };
  };
  const anonymousRank = async (g: Gen) => {
    const rank = Number(g.args.rank);
    if (!Number.isInteger(rank) || rank < 1 || rank > 5) throw new KalturaApiError('INVALID_FIELD_VALUE', { FIELD_NAME: 'rank (1 to 5)' });
    const e = await entry(g);
    const props = JSON.parse(e.props) as Data;
    const votes = Number(props.votes ?? 0) + 1;
    const totalRank = Number(props.totalRank ?? 0) + rank;
    await core.store.updateEntry(e.id, {
      props: JSON.stringify({ ...props, votes, totalRank, rank: Math.round((totalRank / votes) * 1000) / 1000 }),
      updated_at: nowSec(),
    });
    return null;
  };

  /** The caller's own rating of an entry, if any. */
  const myRating = async (g: Gen, e: { id: string; partner_id: number }) =>
    (
      await rows(
        'KalturaRating',
        e.partner_id,
        [
          ['entryId', e.id],
          ['userId', user(g)],
        ],
        1,
      )
    )[0];
  return {
    'like.like': async (g) => {
      const e = await entry(g);
      const m = likes();
      if (!m) throw new KalturaApiError('SANDBOX_ACTION_NOT_SIMULATED', { SERVICE_NAME: 'like', ACTION_NAME: 'like' });
      if (
        (
          await rows(
            m.kind,
            e.partner_id,
            [
              ['entryId', e.id],
              ['userId', user(g)],
            ],
            1,
          )
        ).length
      )
        throw g.engine.error(g.op, 'USER_LIKE_FOR_ENTRY_ALREADY_EXISTS');
      await put(g, m.kind, 'KalturaLike', { entryId: e.id, userId: user(g) });
      return true;
    },
    'like.unlike': async (g) => {
      const e = await entry(g);
      const m = likes();
      const mine = m
        ? (
            await rows(
              m.kind,
              e.partner_id,
              [
                ['entryId', e.id],
                ['userId', user(g)],
              ],
              1,
            )
          )[0]
        : undefined;
      if (mine) await core.store.removeObject(mine.kind, mine.id);
      return !!mine;
    },
    'like.checklikeexists': async (g) => {
      const e = await entry(g);
      const m = likes();
      const who = typeof g.args.userId === 'string' && g.args.userId ? g.args.userId : user(g);
      return (
        !!m &&
        (
          await rows(
            m.kind,
            e.partner_id,
            [
              ['entryId', e.id],
              ['userId', who],
            ],
            1,
          )
        ).length > 0
      );
    },
    'rating.rate': async (g) => {
      const rank = Number(g.args.rank);
      if (!Number.isInteger(rank) || rank < 1 || rank > 5)
        throw new KalturaApiError('INVALID_FIELD_VALUE', { FIELD_NAME: 'rank (1 to 5)' });
      const e = await entry(g);
      const mine = await myRating(g, e);
      if (mine)
        await core.store.updateObject(mine.kind, mine.id, {
          data: JSON.stringify({ ...(JSON.parse(mine.data) as Data), rank }),
          updated_at: nowSec(),
        });
      else await put(g, 'KalturaRating', 'KalturaRating', { entryId: e.id, userId: user(g), rank });
      return rank;
    },
    'rating.removerating': async (g) => {
      const e = await entry(g);
      const mine = await myRating(g, e);
      if (mine) await core.store.removeObject(mine.kind, mine.id);
      return !!mine;
    },
    'rating.checkrating': async (g) => {
      const e = await entry(g);
      const mine = await myRating(g, e);
      return mine ? Number((JSON.parse(mine.data) as Data).rank) : 0;
    },
    'rating.getratingcounts': async (g) => {
      const f = (g.args.filter ?? {}) as Data;
      const pid = g.ctx.session!.partnerId;
      const out: Data[] = [];
      for (const id of listItems(f.entryIdIn ?? f.entryIdEqual)) {
        const counts = new Map<number, number>();
        for (const r of await rows('KalturaRating', pid, [['entryId', id]], 10000)) {
          const rank = Number((JSON.parse(r.data) as Data).rank);
          counts.set(rank, (counts.get(rank) ?? 0) + 1);
        }
        const ranks = f.rankIn === undefined ? undefined : new Set(listItems(f.rankIn).map(Number));
        for (const [rank, count] of [...counts].sort((a, b) => a[0] - b[0]))
          if (!ranks || ranks.has(rank)) out.push({ objectType: 'KalturaRatingCount', entryId: id, rank, count });
      }
      return { objectType: 'KalturaRatingCountListResponse', objects: out, totalCount: out.length };
    },
    'media.flag': flag,
    'baseentry.flag': flag,
    'media.listflags': listFlags,
    'baseentry.listflags': listFlags,
    'media.anonymousrank': anonymousRank,
    'baseentry.anonymousrank': anonymousRank,
    // statistics events: the sandbox keeps no analytics (reports are not simulated)
    'stats.collect': () => true,
    'stats.kmccollect': () => null,
    'stats.reportdevicecapabilities': () => null,
    'stats.reporterror': () => null,
    'stats.reportkceerror': (g) => g.args.kalturaCEError ?? null,
  };
}
