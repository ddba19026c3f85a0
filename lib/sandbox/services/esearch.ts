/**
 * eSearch.searchEntry, simply: the tree of operators (AND_OP, OR_OP, NOT_OP) and items is
 * evaluated over the session's entries in memory (at most 10,000 of them). A
 * KalturaESearchUnifiedItem looks in the name, description, tags and reference ID; a
 * KalturaESearchEntryItem in its fieldName (name, description, tags, reference_id, id, kuser_id,
 * creator_kuser_id, admin_tags). itemType: EXACT_MATCH (the whole value, or one tag, case-blind),
 * PARTIAL (every word of the term matches a word of the field, by a crude stem: "secure" finds
 * "security"), STARTS_WITH (the value or a tag starts with the term), EXISTS (the field has a
 * value); RANGE and other fields match nothing. Highlights mark the matched words with <em>.
 * Results are ordered by the number of matched fields, then newest first; `objectStatuses`
 * defaults to READY. The answer has Kaltura's KalturaESearchEntryResponse shape.
 *
 * searchCategory, searchUser and searchGroup do the same over the generic services' categories
 * and users (groups: users of type GROUP), field names read as properties (`full_name` is fullName).
 */
import type { KObject } from '../coerce';
import type { CallContext } from '../context';
import type { SandboxCore } from '../core';
import type { Gen, Override } from '../generic/engine';
import { listItems } from '../store';
import { ownerScope } from './access';
import { type EntryView, searchableEntries } from './entry-space';
import { pageOf } from './paging';

const AND = 1;
const OR = 2;
const NOT = 3;
const EXACT = 1;
const PARTIAL = 2;
const STARTS_WITH = 3;
const EXISTS = 4;

const UNIFIED = ['name', 'description', 'tags', 'reference_id'];
const LIST_FIELDS = new Set(['tags', 'admin_tags']);

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
/** A crude English stem: enough for "secure" to find "security" and "videos" to find "video". */
function stem(w: string): string {
  const s = w.replace(/(ational|ations|ation|ities|ity|ments|ment|ness|ings|ing|ies|ied|ed|es|ly|e|s)$/, '');
  return s.length >= 3 ? s : w;
}

/** The text of a search field of an object (its eSearch field name, snake_case). */
type FieldOf = (name: string) => string | undefined;

interface Hit {
  field: string;
  value: string;
  terms: string[];
}

function matchItem(get: FieldOf, unified: string[], item: KObject): Hit[] | false {
  const type = Number(item.itemType ?? PARTIAL);
  const term = String(item.searchTerm ?? '').trim();
  const names = typeof item.fieldName === 'string' ? [item.fieldName] : unified;
  const hits: Hit[] = [];
  for (const name of names) {
    const value = get(name);
    if (value === undefined || value === '') continue;
    const parts = LIST_FIELDS.has(name)
      ? value
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : [value];
    const t = term.toLowerCase();
    let matched: string[] | undefined;
    if (type === EXISTS) matched = [];
    else if (!term) matched = undefined;
    else if (type === EXACT) matched = parts.some((p) => p.toLowerCase() === t) ? [term] : undefined;
    else if (type === STARTS_WITH) matched = parts.some((p) => p.toLowerCase().startsWith(t)) ? [term] : undefined;
    else if (type === PARTIAL) {
      const have = new Map(words(value).map((w) => [stem(w), w] as const));
      const want = words(term);
      matched = want.length && want.every((w) => have.has(stem(w))) ? want.map((w) => have.get(stem(w))!) : undefined;
    }
    if (matched) hits.push({ field: name, value, terms: matched });
  }
  return hits.length ? hits : false;
}

/** Whether an operator or item matches, with the hits of the items that asked for highlights. */
function evaluate(get: FieldOf, unified: string[], node: KObject, highlights: Hit[], depth = 0): boolean {
  if (depth > 20) return false;
  if (Array.isArray(node.searchItems) || node.operator !== undefined) {
    const items = (Array.isArray(node.searchItems) ? node.searchItems : []) as KObject[];
    const op = Number(node.operator ?? AND);
    const own: Hit[] = [];
    const results = items.map((i) => evaluate(get, unified, i, own, depth + 1));
    const ok = op === OR ? results.some(Boolean) : op === NOT ? !results.some(Boolean) : results.every(Boolean);
    if (ok && op !== NOT) highlights.push(...own);
    return ok && items.length > 0;
  }
  const hits = matchItem(get, unified, node);
  if (hits && node.addHighlight === true) highlights.push(...hits);
  return hits !== false;
}

function mark(value: string, terms: string[]): string {
  if (!terms.length) return value;
  const esc = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return value.replace(new RegExp(`(${esc.join('|')})`, 'giu'), '<em>$1</em>');
}

/** `full_name` -> fullName; `user_id`/`kuser_id` -> id. */
function propName(field: string): string {
  if (field === 'user_id' || field === 'kuser_id' || field === 'puser_id') return 'id';
  return field.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** The response of a search of generic objects (categories, users, groups) in the shape the operation's result class has. */
async function searchObjects(
  core: SandboxCore,
  g: Gen,
  cls: string,
  unified: string[],
  extra: (d: Record<string, unknown>) => boolean = () => true,
): Promise<unknown> {
  const m = g.engine.modelOfClass(cls);
  const responseClass = g.op.result?.kind === 'object' ? g.op.result.className : 'KalturaESearchResponse';
  const objects = g.engine.desc.allProperties(responseClass).find((p) => p.name === 'objects');
  const resultClass = objects?.type.kind === 'array' ? objects.type.itemClass : 'KalturaESearchResult';
  if (!m) return { objectType: responseClass, totalCount: 0, objects: [] };
  const params = (g.args.searchParams as KObject | null) ?? { objectType: 'KalturaESearchParams' };
  const root = params.searchOperator as KObject | undefined;
  const statuses = listItems(params.objectStatuses).map(Number).filter(Number.isFinite);
  const rows = await core.store.queryObjects({
    kind: m.kind,
    partnerId: g.ctx.session!.partnerId,
    objectTypes: m.family,
    where: statuses.length ? [{ field: 'status', op: 'in', value: statuses }] : [],
    live: !statuses.length,
    owner: ownerScope(g.ctx),
    order: [{ field: 'createdAt', desc: true }],
    limit: 10000,
    offset: 0,
  });
  const found: Array<{ row: (typeof rows)[number]; hits: Hit[] }> = [];
  for (const row of rows) {
    const d = JSON.parse(row.data) as Record<string, unknown>;
    if (!extra(d)) continue;
    const get: FieldOf = (n) => {
      const v = d[propName(n)];
      return v === undefined || v === null ? undefined : String(v);
    };
    const hits: Hit[] = [];
    if (!root || evaluate(get, unified, root, hits)) found.push({ row, hits });
  }
  const { limit, offset } = pageOf(g.args.pager as KObject | null);
  return {
    objectType: responseClass,
    totalCount: found.length,
    objects: await Promise.all(
      found.slice(offset, offset + limit).map(async ({ row, hits }) => {
        const highlight = [...new Map(hits.map((h) => [h.field, h] as const)).values()].map((h) => ({
          objectType: 'KalturaESearchHighlight',
          fieldName: h.field,
          hits: [{ objectType: 'KalturaString', value: mark(h.value, h.terms) }],
        }));
        return { objectType: resultClass, object: await g.engine.present(g.ctx, m, row), ...(highlight.length ? { highlight } : {}) };
      }),
    ),
  };
}

export function esearchOverrides(core: SandboxCore): Record<string, Override> {
  return {
    'esearch.searchcategory': (g: Gen) =>
      searchObjects(core, g, 'KalturaCategory', ['name', 'full_name', 'description', 'tags', 'reference_id']),
    'esearch.searchuser': (g: Gen) =>
      searchObjects(
        core,
        g,
        'KalturaUser',
        ['screen_name', 'full_name', 'first_name', 'last_name', 'email', 'tags'],
        (d) => d.type === undefined || Number(d.type) !== 1,
      ),
    'esearch.searchgroup': (g: Gen) =>
      searchObjects(core, g, 'KalturaUser', ['screen_name', 'full_name', 'description', 'tags'], (d) => Number(d.type) === 1),
    'esearch.searchentry': async (g: Gen) => {
      const ctx: CallContext = g.ctx;
      const params = (g.args.searchParams as KObject | null) ?? { objectType: 'KalturaESearchEntryParams' };
      const statuses = listItems(params.objectStatuses).map(Number).filter(Number.isFinite);
      const ids = typeof params.objectId === 'string' && params.objectId ? [params.objectId] : undefined;
      const root = params.searchOperator as KObject | undefined;
      const found: Array<{ e: EntryView; hits: Hit[] }> = [];
      for (const e of await searchableEntries(ctx, statuses.length ? statuses : [2], ids)) {
        const hits: Hit[] = [];
        if (!root || evaluate((n) => e.text(n), UNIFIED, root, hits)) found.push({ e, hits });
      }
      found.sort((a, b) => new Set(b.hits.map((h) => h.field)).size - new Set(a.hits.map((h) => h.field)).size);
      const { limit, offset } = pageOf(g.args.pager as KObject | null);
      return {
        objectType: 'KalturaESearchEntryResponse',
        totalCount: found.length,
        objects: await Promise.all(
          found.slice(offset, offset + limit).map(async ({ e, hits }) => {
            const byField = new Map<string, Hit>();
            for (const h of hits) if (!byField.has(h.field)) byField.set(h.field, h);
            const highlight = [...byField.values()].map((h) => ({
              objectType: 'KalturaESearchHighlight',
              fieldName: h.field,
              hits: [{ objectType: 'KalturaString', value: mark(h.value, h.terms) }],
            }));
            return {
              objectType: 'KalturaESearchEntryResult',
              object: await e.object(),
              ...(highlight.length ? { highlight } : {}),
            };
          }),
        ),
      };
    },
  };
}
