/**
 * Categories and category entries on top of the generic services: a category's place in the tree
 * (parentId, depth, fullName `A>B`, fullIds `1>2`, unique names among siblings), its counts, the
 * deletion of a subtree with its memberships (moved to the parent or dropped); a membership's
 * categoryFullIds and creator; media.list's category filters (`categoriesIdsMatchOr`,
 * `categoriesIdsMatchAnd`, `categoriesFullNameIn`, `categoryAncestorIdIn`) and an entry's
 * `categories` / `categoriesIds`, read from the memberships; an entry added or updated with
 * `categoriesIds` (or `categories`, full names) gets those memberships (`entryCategoryIds`,
 * `setEntryCategories`), as Kaltura's entries do.
 */
import { operationNamed } from '../../description/operation-path';
import type { KObject } from '../coerce';
import type { CallContext } from '../context';
import type { SandboxCore } from '../core';
import { KalturaApiError } from '../errors';
import type { ClassHooks, Data, ExtensionPart, Gen, GenericEngine, Override } from '../generic/engine';
import type { ServiceModel } from '../generic/model';
import type { Condition, EntryRow, ObjectRow } from '../store';
import { listItems } from '../store';
import { isAdmin } from './access';

const CATEGORY = 'KalturaCategory';
const MEMBERSHIP = 'KalturaCategoryEntry';

function models(engine: GenericEngine): { cat: ServiceModel | undefined; ce: ServiceModel | undefined } {
  return { cat: engine.modelOfClass(CATEGORY), ce: engine.modelOfClass(MEMBERSHIP) };
}

/** The memberships that put an entry in a category: ACTIVE ones (not those pending moderation, nor rejected). */
function active(ce: ServiceModel): Condition[] {
  return ce.status?.ready === undefined ? [] : [{ field: 'status', op: 'eq', value: ce.status.ready }];
}

/** The live objects of a service's family in a partner that match `where` (at most `limit`). */
export function rows(core: SandboxCore, m: ServiceModel, partnerId: number, where: Condition[], limit = 10000): Promise<ObjectRow[]> {
  return core.store.queryObjects({ kind: m.kind, partnerId, objectTypes: m.family, where, live: true, order: [], limit, offset: 0 });
}

const data = (r: ObjectRow) => JSON.parse(r.data) as Data;

/** The category tree facts of a new or moved category under `parent` (undefined: the top). */
function place(name: string, id: number, parent: Data | undefined): Data {
  return parent
    ? {
        parentId: parent.id,
        depth: Number(parent.depth ?? 0) + 1,
        fullName: `${parent.fullName}>${name}`,
        fullIds: `${parent.fullIds}>${id}`,
      }
    : { parentId: 0, depth: 0, fullName: name, fullIds: String(id) };
}

export function categoryExtensions(core: SandboxCore): ExtensionPart {
  const parentOf = async (g: Gen, id: unknown): Promise<Data | undefined> => {
    if (id === undefined || id === null || Number(id) === 0) return undefined;
    const m = g.model;
    const row = await core.store.getObject(m.kind, String(id));
    if (!row || row.partner_id !== g.ctx.session!.partnerId || g.engine.isDeleted(m, row))
      throw g.engine.error(g.op, 'PARENT_CATEGORY_NOT_FOUND', { ID: String(id) });
    return data(row);
  };
  const checkName = async (g: Gen, name: unknown, parentId: number, self?: string) => {
    if (typeof name !== 'string' || name.trim() === '')
      throw new KalturaApiError('PROPERTY_VALIDATION_CANNOT_BE_NULL', { PROP_NAME: `${CATEGORY}::name` });
    if (/[<>,]/.test(name)) throw new KalturaApiError('INVALID_FIELD_VALUE', { FIELD_NAME: 'name (it may not contain <, > or a comma)' });
    const same = await rows(
      core,
      g.model,
      g.ctx.session!.partnerId,
      [
        { field: 'parentId', op: 'eq', value: parentId },
        { field: 'name', op: 'eq', value: name },
      ],
      2,
    );
    if (same.some((r) => r.id !== self)) throw g.engine.error(g.op, 'DUPLICATE_CATEGORY', { CATEGORY: name });
  };

  const hooks: Record<string, ClassHooks> = {
    [CATEGORY]: {
      async beforeAdd(g, d) {
        const parent = await parentOf(g, d.parentId);
        await checkName(g, d.name, parent ? Number(parent.id) : 0);
        Object.assign(d, place(String(d.name), Number(d.id), parent));
        const defaults: Data = {
          privacy: 1,
          appearInList: 1,
          inheritanceType: 2,
          contributionPolicy: 1,
          userJoinPolicy: 3,
          defaultPermissionLevel: 3,
          moderation: 0,
        };
        for (const [k, v] of Object.entries(defaults)) if (d[k] === undefined && g.model.props.has(k)) d[k] = v;
      },
      async beforeUpdate(g, current, patch, row) {
        const name = patch.name ?? current.name;
        const movedTo = patch.parentId !== undefined && Number(patch.parentId ?? 0) !== Number(current.parentId ?? 0);
        if (patch.name === undefined && !movedTo) return;
        const parent = await parentOf(g, movedTo ? patch.parentId : current.parentId);
        if (parent && String(parent.fullIds).split('>').includes(row.id))
          throw new KalturaApiError('INVALID_FIELD_VALUE', { FIELD_NAME: 'parentId (a category cannot move below itself)' });
        await checkName(g, name, parent ? Number(parent.id) : 0, row.id);
        const next = place(String(name), Number(current.id), parent);
        Object.assign(patch, next);
        // the sub-categories' names and ids follow
        for (const sub of await rows(core, g.model, row.partner_id, [
          { field: 'fullIds', op: 'startsWith', value: `${current.fullIds}>` },
        ])) {
          const s = data(sub);
          s.fullName = String(next.fullName) + String(s.fullName).slice(String(current.fullName).length);
          s.fullIds = String(next.fullIds) + String(s.fullIds).slice(String(current.fullIds).length);
          s.depth = Number(next.depth) + String(s.fullIds).split('>').length - String(next.fullIds).split('>').length;
          await core.store.updateObject(sub.kind, sub.id, { data: JSON.stringify(s) });
        }
      },
      async beforeDelete(g, d, row) {
        const { ce } = models(g.engine);
        const pid = row.partner_id;
        const subtree = [row, ...(await rows(core, g.model, pid, [{ field: 'fullIds', op: 'startsWith', value: `${d.fullIds}>` }]))];
        const moveUp =
          g.args.moveEntriesToParentCategory === undefined ||
          g.args.moveEntriesToParentCategory === null ||
          Number(g.args.moveEntriesToParentCategory) === 1 ||
          g.args.moveEntriesToParentCategory === true;
        const parent = Number(d.parentId ?? 0) ? await core.store.getObject(g.model.kind, String(d.parentId)) : undefined;
        for (const cat of subtree) {
          if (cat !== row) {
            const s = data(cat);
            if (g.model.status?.deleted !== undefined)
              await core.store.updateObject(cat.kind, cat.id, {
                data: JSON.stringify({ ...s, status: g.model.status.deleted }),
                deleted: 1,
              });
            else await core.store.removeObject(cat.kind, cat.id);
          }
          if (!ce) continue;
          for (const m of await rows(core, ce, pid, [{ field: 'categoryId', op: 'eq', value: Number(cat.id) }])) {
            const md = data(m);
            const there =
              parent && moveUp
                ? (
                    await rows(
                      core,
                      ce,
                      pid,
                      [
                        { field: 'categoryId', op: 'eq', value: Number(parent.id) },
                        { field: 'entryId', op: 'eq', value: md.entryId },
                      ],
                      1,
                    )
                  ).length > 0
                : true;
            if (parent && moveUp && !there) {
              await core.store.updateObject(m.kind, m.id, {
                data: JSON.stringify({ ...md, categoryId: Number(parent.id), categoryFullIds: data(parent).fullIds }),
              });
            } else if (ce.status?.deleted !== undefined)
              await core.store.updateObject(m.kind, m.id, { data: JSON.stringify({ ...md, status: ce.status.deleted }), deleted: 1 });
            else await core.store.removeObject(m.kind, m.id);
          }
        }
      },
      computed: ['directSubCategoriesCount', 'directEntriesCount', 'entriesCount'],
      async present(ctx, engine, d, row) {
        const { ce } = models(engine);
        const set = (k: string, v: number) => {
          if (engine.desc.allProperties(row.object_type).some((p) => p.name === k)) d[k] = v;
        };
        const cat = engine.modelOfClass(CATEGORY)!;
        const count = (kind: string, ...where: Condition[]) =>
          core.store.countObjects({ kind, partnerId: row.partner_id, where, live: true });
        set('directSubCategoriesCount', await count(cat.kind, { field: 'parentId', op: 'eq', value: Number(row.id) }));
        if (!ce) return;
        set('directEntriesCount', await count(ce.kind, { field: 'categoryId', op: 'eq', value: Number(row.id) }, ...active(ce)));
        set('entriesCount', await count(ce.kind, { field: 'categoryFullIds', op: 'startsWith', value: String(d.fullIds) }, ...active(ce)));
        void ctx;
      },
    },
    [MEMBERSHIP]: {
      async beforeAdd(g, d) {
        // an entry is in at most 32 categories (Kaltura's entry::MAX_CATEGORIES_PER_ENTRY)
        const n = await core.store.countObjects({
          kind: g.model.kind,
          partnerId: g.ctx.session!.partnerId,
          where: [{ field: 'entryId', op: 'eq', value: d.entryId }],
          live: true,
        });
        if (n >= MAX_CATEGORIES_PER_ENTRY) throw tooManyCategories(g.engine);
        const { cat } = models(g.engine);
        const c = cat ? await core.store.getObject(cat.kind, String(d.categoryId)) : undefined;
        if (c) d.categoryFullIds = data(c).fullIds;
        if (g.model.props.has('creatorUserId')) d.creatorUserId = g.ctx.session?.userId ?? '';
      },
    },
  };

  const overrides: Record<string, Override> = {
    // category.move: each category under the new parent (their sub-categories follow)
    'category.move': async (g) => {
      const m = g.model;
      for (const id of listItems(g.args.categoryIds)) {
        const row = await g.engine.find({ ...g, args: { id } }, { idParam: 'id', props: [] }, true);
        await g.engine.patch(g, row, { parentId: Number(g.args.targetCategoryParentId ?? 0) });
      }
      void m;
      return true;
    },
    // Kaltura's rule: only an ADMIN session lists memberships without naming an entry or a category
    'filter:kalturacategoryentry': (g) => {
      const f = g.args.filter as KObject;
      const named = ['entryIdEqual', 'entryIdIn', 'categoryIdEqual', 'categoryIdIn'].some(
        (k) => f[k] !== undefined && f[k] !== null && f[k] !== '',
      );
      if (!named && !isAdmin(g.ctx)) throw g.engine.error(g.op, 'MUST_FILTER_ON_ENTRY_OR_CATEGORY');
      return [];
    },
    // category list fields that are not a property test: ancestorIdIn, freeText
    'filter:kalturacategory': async (g) => {
      const f = g.args.filter as KObject;
      const out: Condition[] = [];
      if (f.ancestorIdIn) {
        const below: number[] = [];
        for (const id of listItems(f.ancestorIdIn)) {
          const r = await core.store.getObject(g.model.kind, id);
          if (r && r.partner_id === g.ctx.session!.partnerId)
            below.push(
              ...(await rows(core, g.model, r.partner_id, [{ field: 'fullIds', op: 'startsWith', value: `${data(r).fullIds}>` }])).map(
                (x) => Number(x.id),
              ),
            );
        }
        out.push({ field: 'id', op: 'in', value: below });
      }
      if (typeof f.freeText === 'string' && f.freeText.trim())
        out.push({ field: 'name', op: 'like', value: f.freeText.trim(), fields: ['name', 'description', 'tags', 'referenceId'] });
      return out;
    },
  };

  core.entryIdsOf = async (ctx: CallContext, f: KObject): Promise<string[] | undefined> => {
    const { cat, ce } = models(core.generic);
    if (!ce || !cat) return undefined;
    const pid = ctx.session!.partnerId;
    const byCategories = async (ids: string[]) =>
      (await rows(core, ce, pid, [{ field: 'categoryId', op: 'in', value: ids.map(Number) }, ...active(ce)])).map((r) =>
        String(data(r).entryId),
      );
    let out: Set<string> | undefined;
    const and = (ids: Iterable<string>) => {
      const s = new Set(ids);
      out = out ? new Set([...out].filter((x) => s.has(x))) : s;
    };
    if (f.categoriesIdsMatchOr) and(await byCategories(listItems(f.categoriesIdsMatchOr)));
    if (f.categoriesIdsMatchAnd) for (const id of listItems(f.categoriesIdsMatchAnd)) and(await byCategories([id]));
    const byFullNames = async (names: string[]) =>
      (await rows(core, cat, pid, [{ field: 'fullName', op: 'in', value: names }])).map((r) => r.id);
    if (f.categoriesFullNameIn) and(await byCategories(await byFullNames(listItems(f.categoriesFullNameIn))));
    if (f.categoriesMatchOr) and(await byCategories(await byFullNames(listItems(f.categoriesMatchOr))));
    if (f.categoriesMatchAnd) for (const name of listItems(f.categoriesMatchAnd)) and(await byCategories(await byFullNames([name])));
    if (f.categoryAncestorIdIn) {
      const below: string[] = [];
      for (const id of listItems(f.categoryAncestorIdIn)) {
        const r = await core.store.getObject(cat.kind, id);
        if (r && r.partner_id === pid)
          below.push(
            ...(await rows(core, cat, pid, [{ field: 'fullIds', op: 'startsWith', value: `${data(r).fullIds}>` }])).map((x) => x.id),
          );
      }
      and(await byCategories(below));
    }
    return out ? [...out] : undefined;
  };

  return { hooks, overrides, filterFields: { kalturacategory: ['ancestorIdIn', 'freeText'] } };
}

/** An entry's categories and their ids, from its memberships (undefined when it has none). */
export async function entryCategories(
  core: SandboxCore,
  ctx: CallContext,
  e: Pick<EntryRow, 'id' | 'partner_id'>,
): Promise<Data | undefined> {
  const { cat, ce } = models(core.generic);
  if (!cat || !ce) return undefined;
  const memberships = await rows(core, ce, e.partner_id, [{ field: 'entryId', op: 'eq', value: e.id }, ...active(ce)], 500);
  if (!memberships.length) return undefined;
  const ids = memberships.map((m) => String(data(m).categoryId));
  const names = (await Promise.all(ids.map((id) => core.store.getObject(cat.kind, id))))
    .filter((r): r is ObjectRow => !!r)
    .map((r) => String(data(r).fullName));
  void ctx;
  return { categoriesIds: ids.join(','), categories: names.join(',') };
}

/**
 * The categories an entry's `categoriesIds` (ids) or `categories` (full names, `A>B`) name, checked
 * as Kaltura checks them (CATEGORY_NOT_FOUND naming the first unknown one; the sandbox does not
 * make a category from a name); `categoriesIds` wins when both are given. Undefined when neither
 * is; an empty text names none (the entry leaves its categories).
 */
export async function entryCategoryIds(ctx: CallContext, input: Record<string, unknown>): Promise<number[] | undefined> {
  const { cat } = models(ctx.core.generic);
  const ids = typeof input.categoriesIds === 'string' ? input.categoriesIds : undefined;
  const names = typeof input.categories === 'string' ? input.categories : undefined;
  if (ids === undefined && names === undefined) return undefined;
  const items = listItems(ids ?? names).slice(0, 500);
  if (!items.length) return [];
  if (!cat) throw ctx.core.generic.error(undefined, 'CATEGORY_NOT_FOUND', { ID: items[0]! });
  const pid = ctx.session!.partnerId;
  const found =
    ids !== undefined
      ? await rows(ctx.core, cat, pid, [{ field: 'id', op: 'in', value: items.filter((i) => /^\d{1,15}$/.test(i)).map(Number) }])
      : await rows(ctx.core, cat, pid, [{ field: 'fullName', op: 'in', value: items }]);
  const key = (r: ObjectRow) => (ids !== undefined ? r.id : String(data(r).fullName));
  const byKey = new Map(found.map((r) => [key(r), Number(r.id)] as const));
  const missing = items.find((i) => !byKey.has(i));
  if (missing !== undefined)
    throw ctx.core.generic.error(operationNamed(ctx.core.desc, 'category', 'get'), 'CATEGORY_NOT_FOUND', { ID: missing });
  const wanted = [...new Set(items.map((i) => byKey.get(i)!))];
  if (wanted.length > MAX_CATEGORIES_PER_ENTRY) throw tooManyCategories(ctx.core.generic);
  return wanted;
}

/** Kaltura's limit of categories per entry (entry::MAX_CATEGORIES_PER_ENTRY). */
const MAX_CATEGORIES_PER_ENTRY = 32;

function tooManyCategories(engine: CallContext['core']['generic']) {
  return engine.error(undefined, 'MAX_CATEGORIES_FOR_ENTRY_REACHED', { CATEGORIES: MAX_CATEGORIES_PER_ENTRY });
}

/** Makes the entry's memberships those of `categoryIds`: new ones added (with categoryEntry's hooks: moderation), others removed. */
export async function setEntryCategories(ctx: CallContext, entryId: string, categoryIds: number[]): Promise<void> {
  const engine = ctx.core.generic;
  const { ce } = models(engine);
  if (!ce) return;
  const add = operationNamed(ctx.core.desc, 'categoryEntry', 'add');
  const del = operationNamed(ctx.core.desc, 'categoryEntry', 'delete') ?? add;
  if (!add || !del) return;
  const current = await rows(ctx.core, ce, ctx.session!.partnerId, [{ field: 'entryId', op: 'eq', value: entryId }], 500);
  const wanted = new Set(categoryIds);
  const g = (op: typeof add): Gen => ({ ctx, engine, model: ce, op, args: {} });
  for (const r of current) if (!wanted.has(Number(data(r).categoryId))) await engine.remove(g(del), r);
  const have = new Set(current.map((r) => Number(data(r).categoryId)));
  for (const id of categoryIds) if (!have.has(id)) await engine.insert(g(add), MEMBERSHIP, { entryId, categoryId: id }, {});
}
