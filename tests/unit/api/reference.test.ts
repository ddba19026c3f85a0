/**
 * Cross-checks the project's Kaltura description against Kaltura's published API description
 * (../shared/reference/kaltura.19_4_0.openapi.json, Swagger 2.0). The reference is not part of
 * the project: a clone without it skips these tests.
 */
import fs from 'node:fs';
import { REFERENCE_REL, sharedFile } from '../../helpers/shared';
import { describe, expect, it } from 'vitest';
import { buildKalturaOpenApi, createDescription, getKalturaDescription, type TypeRef } from '@/lib/description';

type Json = Record<string, any>;

const { path: REFERENCE, present } = sharedFile(REFERENCE_REL, "cross-checks of the built-in description against Kaltura's published one");
const ref: Json = present ? JSON.parse(fs.readFileSync(REFERENCE, 'utf8')) : {};
const skipNote = present ? '' : ` (skipped: ${REFERENCE} is absent; it is not shipped with the project)`;

const ours = getKalturaDescription();
const ourSchemas: Json = (buildKalturaOpenApi() as Json).components.schemas;
/** The reference's plugin of each service tag (`captionAsset` -> `caption`). */
const refPlugins = new Map<string, string>(
  ((ref.tags ?? []) as Json[]).filter((t) => typeof t['x-plugin'] === 'string').map((t) => [t.name, t['x-plugin']]),
);

/** An independent reading of a reference schema into the description's type vocabulary. */
function refType(s: Json | undefined): string {
  if (!s) return 'none';
  if (s['x-enumType']) return `enum:${s['x-enumType']}`;
  if (s.$ref) return `object:${String(s.$ref).split('/').pop()}`;
  switch (s.type) {
    case 'integer':
      return 'int';
    case 'number':
      return 'float';
    case 'boolean':
      return 'bool';
    case 'file':
      return 'file';
    case 'string':
      return 'string';
    case 'array':
      return `array:${String(s.items?.$ref ?? s.items?.anyOf?.[0]?.$ref ?? s.items?.type)
        .split('/')
        .pop()}`;
    default:
      return `?${JSON.stringify(s)}`;
  }
}

function ourType(t: TypeRef | undefined): string {
  if (!t) return 'none';
  switch (t.kind) {
    case 'enum':
      return `enum:${t.name}`;
    case 'object':
      return `object:${t.className}`;
    case 'array':
      return `array:${t.itemClass}`;
    case 'map':
      return `map:${t.itemClass}`;
    default:
      return t.kind;
  }
}

/** The arguments of a reference operation by name: body properties and query/formData params. */
function refParams(op: Json): Map<string, { schema: Json; required: boolean }> {
  const out = new Map<string, { schema: Json; required: boolean }>();
  for (const p of op.parameters as Json[]) {
    if (p.$ref) continue;
    if (p.in === 'body') {
      for (const [name, s] of Object.entries(p.schema.properties ?? {}))
        out.set(name, { schema: s as Json, required: (p.schema.required ?? []).includes(name) });
    } else {
      out.set(p.name, { schema: p, required: p.required === true });
    }
  }
  return out;
}

describe.skipIf(!present)(`our description agrees with the Kaltura reference${skipNote}`, () => {
  const operations = ours.operations().filter((op) => !op.multirequest);

  it('names every operation as the reference does, with the same argument order', () => {
    // The core services and the plugin/feature areas the shipped recipes use (lib/description/kaltura/areas).
    expect(operations.length).toBeGreaterThanOrEqual(75);
    for (const op of operations) {
      const where = `${op.service}.${op.action}`;
      const r = ref.paths[op.path]?.post;
      expect(r, `${where}: path ${op.path} in the reference`).toBeDefined();
      expect(r.operationId, where).toBe(where);
      // Plugin services: the same plugin, and the URL name `{plugin}_{service}` of the path.
      expect(op.plugin, `${where} plugin`).toBe(refPlugins.get(r.tags?.[0]));
      const urlName = /^\/service\/([^/]+)\//.exec(op.path)![1];
      expect(op.serviceId ?? op.service.toLowerCase(), `${where} URL name`).toBe(urlName);
      expect(
        op.params.map((p) => p.name),
        where,
      ).toEqual(r['x-kaltura-parameters']);
      expect(op.requiresKs, `${where} requires a KS`).toBe(!(Array.isArray(r.security) && r.security.length === 0));
    }
  });

  it('gives every argument the reference type, required flag and default', () => {
    for (const op of operations) {
      const params = refParams(ref.paths[op.path].post);
      for (const p of op.params) {
        const where = `${op.service}.${op.action}(${p.name})`;
        const r = params.get(p.name)!;
        expect(r, where).toBeDefined();
        expect(ourType(p.type), where).toBe(refType(r.schema));
        expect(p.required, where).toBe(r.required);
        if (r.schema.default !== undefined) expect(p.default, where).toEqual(r.schema.default);
      }
    }
  });

  it('gives every operation the reference result type', () => {
    for (const op of operations) {
      const r = ref.paths[op.path].post.responses['200'];
      expect(ourType(op.result), `${op.service}.${op.action}`).toBe(refType(r.schema));
    }
  });

  it('describes each class with the reference base, abstract flag and properties', () => {
    const classes = ours.classes!();
    expect(classes.length).toBeGreaterThanOrEqual(100);
    for (const cls of classes) {
      // KalturaObjectBase is the implicit root of the reference; KalturaAPIException is
      // described there only as x-errors.
      if (cls.name === 'KalturaObjectBase' || cls.name === 'KalturaAPIException') continue;
      const r = ref.definitions[cls.name];
      expect(r, `${cls.name} in the reference`).toBeDefined();
      const refBase = r.allOf?.[0]?.$ref?.split('/').pop();
      expect(cls.base === 'KalturaObjectBase' ? undefined : cls.base, `${cls.name} base`).toBe(refBase);
      expect(cls.abstract, `${cls.name} abstract`).toBe(r['x-abstract'] === true);
      for (const p of cls.properties) {
        const where = `${cls.name}.${p.name}`;
        const rp = r.properties?.[p.name];
        expect(rp, `${where} in the reference`).toBeDefined();
        expect(ourType(p.type), where).toBe(refType(rp));
        expect(p.readOnly === true, `${where} readOnly`).toBe(rp.readOnly === true);
        expect(p.insertOnly === true, `${where} insertOnly`).toBe(/`insertOnly`/.test(rp.description ?? ''));
      }
    }
  });

  it('has every enum with the reference values and constant names (a partial one: a subset of them)', () => {
    const enums = ours.enums!();
    expect(enums.length).toBeGreaterThanOrEqual(55);
    for (const e of enums) {
      const r = ref['x-enums'][e.name];
      expect(r, `${e.name} in the reference`).toBeDefined();
      const refValues = (r.oneOf as Json[]).map((m) => `${m.title}=${JSON.stringify(m.enum[0])}`).sort();
      const values = e.values.map((v) => `${v.name}=${JSON.stringify(v.value)}`).sort();
      const refBase = (r.oneOf as Json[]).every((m) => typeof m.enum[0] === 'number') ? 'int' : 'string';
      expect(e.base, `${e.name} base`).toBe(refBase);
      if (ourSchemas[e.name]?.['x-enumPartial'] === true) {
        expect(values.length, `${e.name} lists some values`).toBeGreaterThan(0);
        expect(values.length, `${e.name} is partial, so it lists fewer values than the reference`).toBeLessThan(refValues.length);
        for (const v of values) expect(refValues, `${e.name}: ${v}`).toContain(v);
        expect(new Set(values).size, `${e.name} has no duplicates`).toBe(values.length);
      } else {
        expect(values, e.name).toEqual(refValues);
      }
    }
  });
});

describe.skipIf(!present)(`createDescription over the reference document (Swagger 2.0)${skipNote}`, () => {
  const d = present ? createDescription(ref) : ours;

  it('reads it whole', () => {
    expect(d.problems).toEqual([]);
    expect(d.operations()).toHaveLength(Object.keys(ref.paths).length);
  });

  it('answers media.add and uploadToken.upload with params in order, without the common ones', () => {
    const add = d.operation('/service/media/action/add')!;
    expect(add).toMatchObject({ service: 'media', action: 'add', requiresKs: true });
    expect(add.params).toEqual([{ name: 'entry', type: { kind: 'object', className: 'KalturaMediaEntry' }, required: true }]);
    expect(add.result).toEqual({ kind: 'object', className: 'KalturaMediaEntry' });
    const upload = d.operationByName('uploadtoken', 'upload')!;
    expect(upload.service).toBe('uploadToken');
    expect(upload.params.map((p) => [p.name, p.type.kind, p.required, p.default])).toEqual([
      ['uploadTokenId', 'string', true, undefined],
      ['fileData', 'file', true, undefined],
      ['resume', 'bool', false, false],
      ['finalChunk', 'bool', false, true],
      ['resumeAt', 'float', false, -1],
    ]);
    expect(upload.multipart).toBe(true);
    const start = d.operation('/service/session/action/start')!;
    expect(start.requiresKs).toBe(false);
    expect(start.params.map((p) => p.name)).toEqual(['secret', 'userId', 'type', 'partnerId', 'expiry', 'privileges']);
    expect(start.params[2]!.type).toEqual({ kind: 'enum', name: 'KalturaSessionType' });
  });

  it('reads classes, abstract flags, inheritance and enums the way ours has them', () => {
    expect(d.getClass('KalturaResource')!.abstract).toBe(true);
    const resources = d.concreteSubclasses('KalturaResource');
    expect(resources).toContain('KalturaUploadedFileTokenResource');
    expect(resources).not.toContain('KalturaContentResource');
    expect(d.isSubclassOf('KalturaUploadedFileTokenResource', 'KalturaDataCenterContentResource')).toBe(true);
    const props = Object.fromEntries(d.allProperties('KalturaMediaEntry').map((p) => [p.name, p]));
    expect(props.id).toMatchObject({ readOnly: true, type: { kind: 'string' } });
    expect(props.status).toMatchObject({ readOnly: true, type: { kind: 'enum', name: 'KalturaEntryStatus' } });
    expect(props.mediaType).toMatchObject({ insertOnly: true, type: { kind: 'enum', name: 'KalturaMediaType' } });
    expect(props.objectType!.type).toEqual({ kind: 'string' });
    expect(props.id!.description).toBe('Auto generated 10 characters alphanumeric string');
    expect(d.getEnum('KalturaMediaType')).toEqual(ours.getEnum('KalturaMediaType'));
    expect(
      d
        .getEnum('KalturaEntryStatus')!
        .values.map((v) => v.value)
        .sort(),
    ).toEqual(
      ours
        .getEnum('KalturaEntryStatus')!
        .values.map((v) => v.value)
        .sort(),
    );
    for (const name of ['KalturaMediaEntryFilter', 'KalturaUploadTokenFilter', 'KalturaMediaEntry', 'KalturaUploadToken']) {
      const theirs = new Map(d.allProperties(name).map((p) => [p.name, ourType(p.type)]));
      for (const p of ours.allProperties(name))
        if (p.name !== 'objectType') expect(theirs.get(p.name), `${name}.${p.name}`).toBe(ourType(p.type));
    }
  });
});
