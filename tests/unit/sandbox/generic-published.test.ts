import { describe, expect, it } from 'vitest';
import type { Operation, PropertyDef } from '@/lib/description';
import { systemPartnerOnly } from '@/lib/description/kaltura/system-partners';
import { ACTIONS } from '@/lib/sandbox/core';
import { SESSION_USER } from '@/lib/sandbox/ks';
import { isError, ok, publishedSandbox } from './published-sandbox';

type Json = any;

const sb = publishedSandbox('generic services over the published description', 4321);
const { present, desc, call, admin } = sb;
const alice = sb.ks(SESSION_USER, 'alice');
const bob = sb.ks(SESSION_USER, 'bob');

/** A value of a property's type, distinct per seed. */
function valueFor(p: PropertyDef, seed: number): unknown {
  switch (p.type.kind) {
    case 'string':
      return `v${seed}-${p.name}`;
    case 'int':
      return 1000 + seed;
    case 'float':
      return 10.5 + seed;
    case 'bool':
      return seed % 2 === 0;
    case 'enum': {
      const e = desc!.getEnum(p.type.name);
      const values = e?.values ?? [];
      const v = values[Math.min(seed, values.length - 1)]?.value;
      return v;
    }
    default:
      return undefined;
  }
}

/**
 * Writable scalar properties worth setting (not references to other objects, such as an entry's
 * `categories`, full names of categories that must exist; not secrets); `name` first.
 */
function writable(cls: string): PropertyDef[] {
  return desc!
    .allProperties(cls)
    .sort((a, b) => Number(b.name === 'name') - Number(a.name === 'name'))
    .filter(
      (p) =>
        !p.readOnly && p.name !== 'objectType' && !/Id$|Ids$|^id$|^status$|password|secret|partnerId|Url$|url$|^categories$/i.test(p.name),
    )
    .filter((p) => ['string', 'int', 'float', 'bool', 'enum'].includes(p.type.kind))
    .filter((p) => p.type.kind !== 'enum' || (desc!.getEnum(p.type.name)?.values.length ?? 0) >= 2);
}

interface Case {
  service: string;
  cls: string;
  ops: Record<'add' | 'get' | 'list' | 'update' | 'delete', Operation>;
}

function cases(): Case[] {
  if (!desc) return [];
  const out: Case[] = [];
  for (const m of sb.core.generic.models.values()) {
    const op = (a: string) => desc!.operationByName(m.service, a);
    const ops = { add: op('add'), get: op('get'), list: op('list'), update: op('update'), delete: op('delete') };
    if (
      Object.values(ops).some(
        (o) =>
          !o ||
          !sb.core.simulates(o) ||
          // answered SERVICE_FORBIDDEN, as Kaltura answers every partner (system-partners.test.ts)
          systemPartnerOnly(o, desc!.document) ||
          ACTIONS[`${o.service}.${o.action}`] ||
          sb.core.generic.override(o) ||
          !sb.core.generic.shape(o),
      )
    )
      continue;
    const get = sb.core.generic.shape(ops.get!);
    if (get?.kind !== 'get' || !get.key.idParam) continue;
    if (m.idType === 'none' || m.idGiven) continue;
    // an add that takes a document (metadataProfile.add's xsdData) needs a valid one: driven by generic-shapes-published
    if (ops.add!.params.some((p) => p.required && p.type.kind === 'string' && /Data$/.test(p.name))) continue;
    const cls = desc.getClass(m.objectClass)!.abstract ? m.family[0] : m.objectClass;
    if (!cls || desc.getClass(cls)?.abstract || writable(cls).length < 2) continue;
    out.push({ service: m.service, cls, ops: ops as Case['ops'] });
  }
  return out;
}

/** The arguments of an add: the object, and values for its other required parameters. */
function addParams(c: Case, data: Json, entryId: string): Json {
  const params: Json = {};
  for (const p of c.ops.add.params) {
    if (p.type.kind === 'object' && desc!.isSubclassOf(c.cls, p.type.className)) params[p.name] = { objectType: c.cls, ...data };
    else if (p.required) params[p.name] = /entry/i.test(p.name) ? entryId : p.type.kind === 'int' ? 1 : 'x';
  }
  return params;
}

const SUFFIXES = [
  'GreaterThanOrEqual',
  'LessThanOrEqual',
  'MultiLikeOr',
  'MultiLikeAnd',
  'StartsWith',
  'NotEqual',
  'NotIn',
  'Equal',
  'Like',
  'In',
];

describe.skipIf(!present)('generic services over the published description', () => {
  it('finds many classes to drive (add, get, list, update and delete all generic)', () => {
    const list = cases();
    expect(list.length).toBeGreaterThanOrEqual(25);
  });

  it('add -> get -> list with each filter operator -> update -> delete, for each of them', async () => {
    const entry = ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', mediaType: 1, name: 'parent' } }), 'media.add');
    const failures: string[] = [];
    let filtersChecked = 0;
    for (const c of cases()) {
      const props = writable(c.cls).slice(0, 6);
      const data: Json = {};
      for (const p of props) data[p.name] = valueFor(p, 1);
      // another value of the same property (an enum of two values has only one other)
      const other = (p: PropertyDef) => (String(valueFor(p, 2)) !== String(data[p.name]) ? valueFor(p, 2) : valueFor(p, 0));
      const added = await call(c.service, 'add', addParams(c, data, entry.id));
      if (isError(added)) {
        failures.push(`${c.service}.add: ${added.code} ${added.message}`);
        continue;
      }
      try {
        expect(added.objectType, c.service).toBe(c.cls);
        for (const p of props) expect(added[p.name], `${c.service} ${p.name}`).toEqual(data[p.name]);
        expect(added.id).toBeDefined();
        const idParam = c.ops.get.params.find((p) => p.required)!.name;
        const got = ok(await call(c.service, 'get', { [idParam]: added.id }), `${c.service}.get`);
        expect(got.id).toEqual(added.id);

        // each filter operator on the properties set: a value that matches, and one that does not
        const filterParam = c.ops.list.params.find((p) => p.type.kind === 'object' && /Filter$/.test(p.type.className));
        const filterClass = filterParam?.type.kind === 'object' ? desc!.concreteSubclasses(filterParam.type.className)[0] : undefined;
        for (const fp of filterClass ? desc!.allProperties(filterClass) : []) {
          const suffix = SUFFIXES.find((s) => fp.name.endsWith(s) && fp.name.length > s.length);
          const stem = suffix ? fp.name.slice(0, -suffix.length) : '';
          const prop = props.find((p) => p.name === stem);
          if (!suffix || !prop) continue;
          const v = data[prop.name];
          const text = String(v);
          let hit: unknown;
          let miss: unknown;
          if (suffix === 'Equal') [hit, miss] = [v, other(prop)];
          else if (suffix === 'NotEqual') [hit, miss] = [other(prop), v];
          else if (suffix === 'In') [hit, miss] = [`${text},${String(other(prop))}`, String(other(prop))];
          else if (suffix === 'NotIn') [hit, miss] = [String(other(prop)), text];
          else if (suffix === 'GreaterThanOrEqual') [hit, miss] = [v, Number(v) + 1];
          else if (suffix === 'LessThanOrEqual') [hit, miss] = [v, Number(v) - 1];
          else if (suffix === 'Like') [hit, miss] = [text.slice(1, -1), 'zz-no-such'];
          else if (suffix === 'StartsWith') [hit, miss] = [text.slice(0, 3), 'zz-no-such'];
          else if (suffix === 'MultiLikeOr') [hit, miss] = [`zz-no-such,${text.slice(1)}`, 'zz-no-such,yy-none'];
          else if (suffix === 'MultiLikeAnd') [hit, miss] = [text.slice(1), `${text.slice(1)},zz-no-such`];
          if (String(miss) === String(hit) || String(other(prop)) === text || (prop.type.kind === 'bool' && suffix !== 'Equal')) continue;
          const found = async (value: unknown) => {
            const r = ok(
              await call(c.service, 'list', { filter: { objectType: filterClass, [fp.name]: value }, pager: { pageSize: 500 } }),
              `${c.service}.list ${fp.name}`,
            );
            return r.objects.some((o: Json) => o.id === added.id);
          };
          expect(await found(hit), `${c.service}.list ${fp.name}=${JSON.stringify(hit)} finds it`).toBe(true);
          expect(await found(miss), `${c.service}.list ${fp.name}=${JSON.stringify(miss)} does not`).toBe(false);
          filtersChecked++;
        }

        // update: only what is sent changes
        const [first, second] = props;
        const upParams: Json = {};
        for (const p of c.ops.update.params) {
          if (p.type.kind === 'object') upParams[p.name] = { objectType: c.cls, [first!.name]: valueFor(first!, 3) };
          else if (p.required) upParams[p.name] = added.id;
        }
        const updated = await call(c.service, 'update', upParams);
        if (!isError(updated) || updated.code !== 'PROPERTY_VALIDATION_NOT_UPDATABLE') {
          ok(updated, `${c.service}.update`);
          const after = ok(await call(c.service, 'get', { [idParam]: added.id }), `${c.service}.get after update`);
          expect(after[first!.name], `${c.service} updated ${first!.name}`).toEqual(valueFor(first!, 3));
          expect(after[second!.name], `${c.service} kept ${second!.name}`).toEqual(data[second!.name]);
        }

        // another user's object is not there for a USER session
        const aliceEntry = ok(
          await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', mediaType: 1 } }, alice),
          'media.add as alice',
        );
        const own = ok(await call(c.service, 'add', addParams(c, data, aliceEntry.id), alice), `${c.service}.add as alice`);
        const seen = await call(c.service, 'get', { [idParam]: own.id }, bob);
        expect(isError(seen), `${c.service}.get of alice's object by bob`).toBe(true);
        expect(ok(await call(c.service, 'get', { [idParam]: own.id }, alice), 'own').id).toEqual(own.id);

        // delete: gone for get
        const delParam = c.ops.delete.params.find((p) => p.required)!.name;
        ok(await call(c.service, 'delete', { [delParam]: added.id }), `${c.service}.delete`);
        const gone = await call(c.service, 'get', { [idParam]: added.id });
        expect(isError(gone), `${c.service}.get after delete`).toBe(true);
      } catch (e) {
        failures.push(`${c.service}: ${(e as Error).message.split('\n')[0]}`);
      }
    }
    expect(failures).toEqual([]);
    expect(filtersChecked).toBeGreaterThan(40);
  }, 120_000);

  it("refuses bad types, bad enum values and read-only properties with Kaltura's codes", async () => {
    let checked = 0;
    for (const c of cases().slice(0, 30)) {
      const entry = ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', mediaType: 1 } }), 'media.add');
      const all = desc!.allProperties(c.cls);
      const int = all.find((p) => p.type.kind === 'int' && !p.readOnly);
      const en = all.find((p) => p.type.kind === 'enum' && !p.readOnly);
      const ro = all.find((p) => p.readOnly && p.type.kind === 'string' && p.name !== 'id');
      if (int)
        expect(
          (await call(c.service, 'add', addParams(c, { [int.name]: 'not-a-number' }, entry.id))).code,
          `${c.service} ${int.name}`,
        ).toBe('INVALID_FIELD_VALUE');
      if (en)
        expect(
          (await call(c.service, 'add', addParams(c, { [en.name]: 'no-such-value-42' }, entry.id))).code,
          `${c.service} ${en.name}`,
        ).toBe('INVALID_ENUM_VALUE');
      if (ro) {
        const r = await call(c.service, 'add', addParams(c, { [ro.name]: 'x' }, entry.id));
        expect(r.code, `${c.service} ${ro.name}`).toBe('PROPERTY_VALIDATION_NOT_UPDATABLE');
        expect(r.args.PROP_NAME).toBe(`${c.cls}::${ro.name}`);
      }
      checked += Number(!!int) + Number(!!en) + Number(!!ro);
    }
    expect(checked).toBeGreaterThan(30);
  }, 60_000);

  it("an unknown id answers the class's own not-found error, as the description documents it", async () => {
    expect((await call('flavorParams', 'get', { id: 999999 })).code).toBe('FLAVOR_PARAMS_ID_NOT_FOUND');
    expect((await call('accessControlProfile', 'get', { id: 999999 })).code).toBe('ACCESS_CONTROL_ID_NOT_FOUND');
    expect((await call('captionAsset', 'get', { captionAssetId: '0_nope' })).code).toBe('CAPTION_ASSET_ID_NOT_FOUND');
    const na = await call('report', 'getTotal', { reportType: '1', reportInputFilter: { objectType: 'KalturaReportInputFilter' } });
    expect(na.code).toBe('SANDBOX_ACTION_NOT_SIMULATED');
    expect(na.message).toMatch(/exists in the API but is not simulated by the built-in sandbox.*connect a Kaltura endpoint/);
  });

  it('answers at least 70% of the published operations', () => {
    const ops = desc!.operations().filter((o) => !o.multirequest && o.action);
    const simulated = ops.filter((o) => sb.core.simulates(o)).length;
    expect(simulated / ops.length).toBeGreaterThanOrEqual(0.7);
  });
});

describe.skipIf(!present)('every operation of the published description answers well-formed', () => {
  it('called with nothing, with made-up values, and by a USER session: a result or a Kaltura error, never an internal one', async () => {
    const internal: string[] = [];
    const entry = ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', mediaType: 1 } }), 'media.add');
    const made = (op: Operation): Json => {
      const p: Json = {};
      for (const x of op.params) {
        if (x.type.kind === 'string') p[x.name] = /entry/i.test(x.name) ? entry.id : 'x1';
        else if (x.type.kind === 'int' || x.type.kind === 'float') p[x.name] = 10001;
        else if (x.type.kind === 'bool') p[x.name] = true;
        else if (x.type.kind === 'object') p[x.name] = { objectType: desc!.concreteSubclasses(x.type.className)[0] ?? x.type.className };
      }
      return p;
    };
    let called = 0;
    for (const op of desc!.operations()) {
      if (op.multirequest || !op.action || !sb.core.simulates(op) || op.params.some((p) => p.type.kind === 'file')) continue;
      called++;
      for (const [params, ks] of [
        [{}, admin],
        [made(op), admin],
        [made(op), alice],
      ] as const) {
        const r = await call(op.service, op.action, params, ks);
        if (isError(r) && (r.code === 'INTERNAL_SERVERL_ERROR' || r.code === 'SANDBOX_ACTION_NOT_SIMULATED'))
          internal.push(`${op.service}.${op.action} ${JSON.stringify(params).slice(0, 80)}: ${r.code}`);
      }
    }
    expect(internal).toEqual([]);
    expect(called).toBeGreaterThan(600);
  }, 120_000);
});
