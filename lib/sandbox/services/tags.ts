/**
 * Tag search (`tag.search`), computed from the tags of the entries and
 * categories the sandbox keeps instead of from a tag index:
 *
 * - a tag is a comma-separated item of an object's `tags`, trimmed, of at least 3 characters
 *   (Kaltura indexes no shorter tag); one tag per spelling up to case, spelt as on its oldest
 *   object; `instanceCount` counts the objects carrying it (entries of any status but deleted,
 *   categories that are not deleted), `taggedObjectType` is ENTRY (1) or CATEGORY (2);
 * - the filter: `objectTypeEqual`, `tagEqual` and `tagStartsWith` (both at least 3 characters
 *   once trimmed, PROPERTY_VALIDATION_MIN_LENGTH otherwise, as Kaltura answers; case-insensitive),
 *   `instanceCountEqual`, `instanceCountIn`; `orderBy` `+instanceCount` / `-instanceCount`, then
 *   alphabetical, which is also the default order (Kaltura's is the order its tag rows were made in,
 *   which the sandbox does not keep). Any other field is refused (SANDBOX_FILTER_NOT_SIMULATED);
 * - a tag is counted as it is now (Kaltura's index follows changes through background jobs), and
 *   carries no `id`, `createdAt` or `updatedAt`: the sandbox keeps no tag rows to have them
 *   (`tag.deletePending`, which removes tags left with no object, is Kaltura's batch workers' own:
 *   SERVICE_FORBIDDEN to a partner, lib/description/kaltura/system-partners.ts).
 *
 * A USER session counts the entries it may see (its own), as every entry list of the sandbox.
 */
import type { KObject } from '../coerce';
import type { SandboxCore } from '../core';
import { KalturaApiError } from '../errors';
import type { Data, Gen, Override } from '../generic/engine';
import { listItems } from '../store';
import { rows } from './categories';
import { searchableEntries } from './entry-space';
import { pageOf } from './paging';

/** KalturaTaggedObjectType. */
const ENTRY = '1';
const CATEGORY = '2';
/** Kaltura's TagSearchPlugin::MIN_TAG_SEARCH_LENGTH. */
const MIN_LENGTH = 3;
/** Every KalturaEntryStatus but DELETED (3). */
const LIVE_ENTRY_STATUSES = [-2, -1, 0, 1, 2, 4, 5, 6, 7];
const FILTER_FIELDS = new Set([
  'objectType',
  'objectTypeEqual',
  'tagEqual',
  'tagStartsWith',
  'instanceCountEqual',
  'instanceCountIn',
  'orderBy',
]);

interface Tag {
  tag: string;
  taggedObjectType: string;
  instanceCount: number;
}

/** The distinct tags of one object (trimmed, long enough, one per spelling up to case). */
export function tagsOf(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  const seen = new Map<string, string>();
  for (const t of text.split(',')) {
    const tag = t.trim();
    if (tag.length >= MIN_LENGTH && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()];
}

/** The tags of objects, each with the number of objects carrying it, spelt as on the oldest. */
function count(objects: Array<{ tags: unknown; createdAt: number }>, type: string): Tag[] {
  const byKey = new Map<string, Tag>();
  for (const o of [...objects].sort((a, b) => a.createdAt - b.createdAt))
    for (const tag of tagsOf(o.tags)) {
      const key = tag.toLowerCase();
      const t = byKey.get(key);
      if (t) t.instanceCount++;
      else byKey.set(key, { tag, taggedObjectType: type, instanceCount: 1 });
    }
  return [...byKey.values()];
}

/** A filter text of at least MIN_LENGTH characters once trimmed (undefined when not given). */
function searchText(g: Gen, f: KObject, field: string): string | undefined {
  const v = f[field];
  if (v === undefined || v === null) return undefined;
  const text = String(v).trim();
  if (text.length < MIN_LENGTH) throw g.engine.error(g.op, 'PROPERTY_VALIDATION_MIN_LENGTH', { PROP_NAME: field, MIN_LEN: MIN_LENGTH });
  return text.toLowerCase();
}

export function tagOverrides(core: SandboxCore): Record<string, Override> {
  const categoryTags = async (partnerId: number): Promise<Tag[]> => {
    const m = core.generic.modelOfClass('KalturaCategory');
    if (!m) return [];
    const objects = (await rows(core, m, partnerId, [])).map((r) => ({
      tags: (core.generic.dataOf(r) as Data).tags,
      createdAt: r.created_at,
    }));
    return count(objects, CATEGORY);
  };

  return {
    'tag.search': async (g) => {
      const s = g.ctx.session;
      if (!s) throw new KalturaApiError('SERVICE_FORBIDDEN', { SERVICE: 'tag->search' });
      const f = (g.args.tagFilter as KObject | null) ?? { objectType: 'KalturaTagFilter' };
      for (const [field, v] of Object.entries(f))
        if (v !== undefined && v !== null && !FILTER_FIELDS.has(field))
          throw new KalturaApiError('SANDBOX_FILTER_NOT_SIMULATED', { FIELD: field.slice(0, 80), CLASS: 'KalturaTagFilter' });
      const equal = searchText(g, f, 'tagEqual');
      const prefix = searchText(g, f, 'tagStartsWith');
      const type = f.objectTypeEqual === undefined || f.objectTypeEqual === null ? undefined : String(f.objectTypeEqual);
      const orders = listItems(f.orderBy);
      for (const o of orders)
        if (o !== '+instanceCount' && o !== '-instanceCount')
          throw new KalturaApiError('SANDBOX_FILTER_NOT_SIMULATED', { FIELD: `orderBy ${o.slice(0, 80)}`, CLASS: 'KalturaTagFilter' });

      let tags: Tag[] = [];
      if (type === undefined || type === ENTRY) {
        const entries = await searchableEntries(g.ctx, LIVE_ENTRY_STATUSES);
        tags.push(
          ...count(
            entries.map((e) => ({ tags: e.text('tags'), createdAt: e.createdAt })),
            ENTRY,
          ),
        );
      }
      if (type === undefined || type === CATEGORY) tags.push(...(await categoryTags(s.partnerId)));
      tags = tags.filter(
        (t) =>
          (equal === undefined || t.tag.toLowerCase() === equal) &&
          (prefix === undefined || t.tag.toLowerCase().startsWith(prefix)) &&
          (typeof f.instanceCountEqual !== 'number' || t.instanceCount === f.instanceCountEqual) &&
          (typeof f.instanceCountIn !== 'number' || t.instanceCount === f.instanceCountIn),
      );
      const sign = orders[0] === '-instanceCount' ? -1 : orders[0] === '+instanceCount' ? 1 : 0;
      const name = (t: Tag) => t.tag.toLowerCase();
      tags.sort(
        (a, b) =>
          sign * (a.instanceCount - b.instanceCount) ||
          (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0) ||
          a.taggedObjectType.localeCompare(b.taggedObjectType),
      );
      const { limit, offset } = pageOf(g.args.pager as KObject | null);
      return {
        objectType: 'KalturaTagListResponse',
        objects: tags.slice(offset, offset + limit).map((t) => ({
          objectType: 'KalturaTag',
          tag: t.tag,
          taggedObjectType: t.taggedObjectType,
          partnerId: s.partnerId,
          instanceCount: t.instanceCount,
        })),
        totalCount: tags.length,
      };
    },
  };
}
