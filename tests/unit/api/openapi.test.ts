import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildKalturaOpenApi } from '@/lib/description';

type Json = Record<string, any>;

const doc = buildKalturaOpenApi() as Json;

/** Every node of the document with its JSON pointer. */
function* walk(node: unknown, pointer = '#'): Generator<[string, Json]> {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield* walk(node[i], `${pointer}/${i}`);
  } else if (node && typeof node === 'object') {
    yield [pointer, node as Json];
    for (const [k, v] of Object.entries(node)) yield* walk(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  }
}

function resolve(ref: string): unknown {
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node && typeof node === 'object' ? (node as Json)[key] : undefined;
  }
  return node;
}

const operations = Object.entries(doc.paths as Json).map(([path, item]) => ({ path, op: (item as Json).post as Json }));

describe('the built Kaltura OpenAPI document', () => {
  it('is an OpenAPI 3.0 document with info, paths and components', () => {
    expect(doc.openapi).toMatch(/^3\.0\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBe('19.4.0');
    expect(Object.keys(doc.paths).length).toBeGreaterThanOrEqual(18);
    expect(doc.components.securitySchemes.ks).toMatchObject({ type: 'apiKey', in: 'query', name: 'ks' });
  });

  it('resolves every $ref, and no $ref has siblings (OpenAPI 3.0 ignores them)', () => {
    let refs = 0;
    for (const [pointer, node] of walk(doc)) {
      if (typeof node.$ref !== 'string') continue;
      refs++;
      expect(node.$ref, pointer).toMatch(/^#\//);
      expect(resolve(node.$ref), `${pointer} -> ${node.$ref}`).toBeTypeOf('object');
      expect(Object.keys(node), pointer).toEqual(['$ref']);
    }
    expect(refs).toBeGreaterThan(50);
  });

  it('resolves every discriminator mapping to a schema whose chain reaches the discriminating class', () => {
    const schemas = doc.components.schemas as Json;
    const baseOf = (name: string): string | undefined => {
      const ref = schemas[name]?.allOf?.[0]?.$ref as string | undefined;
      return ref?.split('/').pop();
    };
    for (const [name, schema] of Object.entries(schemas)) {
      const d = (schema as Json).discriminator;
      if (!d) continue;
      expect(d.propertyName).toBe('objectType');
      for (const [objectType, target] of Object.entries(d.mapping as Record<string, string>)) {
        expect(resolve(target), `${name} mapping ${objectType}`).toBeTypeOf('object');
        expect(target.endsWith(`/${objectType}`)).toBe(true);
        let c: string | undefined = objectType;
        while (c && c !== name) c = baseOf(c);
        expect(c, `${objectType} derives from ${name}`).toBe(name);
        expect(schemas[objectType]['x-abstract'], `${objectType} in ${name}'s mapping is concrete`).toBeUndefined();
      }
    }
    expect(Object.keys(schemas.KalturaResource.discriminator.mapping).sort()).toEqual([
      'KalturaUploadedFileTokenResource',
      'KalturaUrlResource',
    ]);
  });

  it('describes each operation with service, action, argument order and a body listing its params', () => {
    for (const { path, op } of operations) {
      expect(op, path).toBeTruthy();
      expect(op.operationId, path).toBeTruthy();
      expect(typeof op['x-requires-ks'], path).toBe('boolean');
      expect(Array.isArray(op['x-kaltura-parameters']), path).toBe(true);
      if (op['x-kaltura-multirequest']) continue;
      // A plugin service is at `{plugin}_{service}` (lower-cased); its tag names the plugin.
      const plugin: string | undefined = op['x-kaltura-plugin'];
      const urlName = `${plugin ? `${plugin}_` : ''}${op['x-kaltura-service']}`.toLowerCase();
      expect(path).toBe(`/service/${urlName}/action/${op['x-kaltura-action']}`);
      expect(op.operationId).toBe(`${op['x-kaltura-service']}.${op['x-kaltura-action']}`);
      expect(op.tags).toEqual([op['x-kaltura-service']]);
      const tag = (doc.tags as Json[]).find((t) => t.name === op['x-kaltura-service']);
      expect(tag, path).toBeDefined();
      expect(tag!['x-plugin'], path).toBe(plugin);
      const names: string[] = op['x-kaltura-parameters'];
      if (names.length === 0) {
        expect(op.requestBody, path).toBeUndefined();
        continue;
      }
      const content = op.requestBody.content as Json;
      const [type] = Object.keys(content);
      const schema = content[type!].schema as Json;
      expect(Object.keys(schema.properties), path).toEqual(names);
      for (const r of schema.required ?? []) expect(names, path).toContain(r);
      expect(op.requestBody.required, path).toBe((schema.required ?? []).length > 0);
      const hasFile = names.some((n) => schema.properties[n].format === 'binary');
      expect(type, path).toBe(hasFile ? 'multipart/form-data' : 'application/json');
      expect(op.security === undefined ? true : op.security.length > 0, path).toBe(op['x-requires-ks']);
    }
  });

  it('covers the services the console, the sandbox and the shipped recipes use', () => {
    const ids = operations.map(({ op }) => op.operationId).sort();
    expect(ids).toEqual(
      [
        'system.ping',
        'session.start',
        'session.get',
        'session.end',
        'uploadToken.add',
        'uploadToken.get',
        'uploadToken.list',
        'uploadToken.delete',
        'uploadToken.upload',
        'media.add',
        'media.addContent',
        'media.get',
        'media.list',
        'media.update',
        'media.delete',
        'baseEntry.get',
        'baseEntry.list',
        'multirequest',
        ...['add', 'setContent', 'get', 'list', 'update', 'setAsDefault', 'getUrl', 'serve', 'delete'].map((a) => `captionAsset.${a}`),
        ...['add', 'get', 'list', 'update', 'delete'].map((a) => `metadataProfile.${a}`),
        ...['add', 'get', 'list', 'update', 'delete'].map((a) => `metadata.${a}`),
        ...['add', 'get', 'list', 'update', 'delete'].map((a) => `category.${a}`),
        ...['add', 'list', 'delete'].map((a) => `categoryEntry.${a}`),
        ...['add', 'get', 'update', 'delete', 'list', 'execute'].map((a) => `playlist.${a}`),
        ...['add', 'setContent', 'get', 'list', 'update', 'setAsDefault', 'getUrl', 'delete'].map((a) => `thumbAsset.${a}`),
        ...['add', 'get', 'list', 'count', 'update', 'delete'].map((a) => `cuePoint.${a}`),
        ...['add', 'get', 'list', 'update', 'delete'].map((a) => `user.${a}`),
        ...['add', 'get', 'list', 'update', 'delete'].map((a) => `accessControlProfile.${a}`),
        ...['add', 'get', 'list', 'update', 'delete', 'startSession'].map((a) => `appToken.${a}`),
        'eSearch.searchEntry',
      ].sort(),
    );
  });

  it("marks an enum that lists only some of Kaltura's values as partial, and says so", () => {
    const schemas = doc.components.schemas as Json;
    const partial = Object.entries(schemas)
      .filter(([, s]) => (s as Json)['x-enumPartial'] === true)
      .map(([n]) => n);
    expect(partial).toContain('KalturaLanguage');
    for (const name of partial) {
      expect(schemas[name]['x-kaltura-enum'], name).toBe(name);
      expect(schemas[name].description, name).toMatch(/Kaltura knows/);
    }
    const language = schemas.KalturaCaptionAsset.allOf[1].properties.language;
    expect(language).toMatchObject({ 'x-enumType': 'KalturaLanguage', 'x-enumPartial': true });
    expect(language.enum).toContain('English');
    expect(schemas.KalturaMediaType['x-enumPartial']).toBeUndefined();
  });

  it('gives every enum a constant name and a label for each value, inline and in components', () => {
    let enums = 0;
    for (const [pointer, node] of walk(doc)) {
      if (!Array.isArray(node.enum) || pointer.includes('/parameters/format')) continue;
      enums++;
      expect(node['x-enumNames'], pointer).toHaveLength(node.enum.length);
      expect(node['x-enumLabels'], pointer).toHaveLength(node.enum.length);
      for (const n of node['x-enumNames']) expect(n, pointer).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(new Set(node.enum).size, `${pointer} has unique values`).toBe(node.enum.length);
      const type = node.type;
      for (const v of node.enum) expect(typeof v, pointer).toBe(type === 'integer' ? 'number' : 'string');
      if (!pointer.startsWith('#/components/schemas/') || pointer.split('/').length > 4) {
        expect(node['x-enumType'], pointer).toBeTruthy();
        expect(doc.components.schemas[node['x-enumType']]?.enum, pointer).toEqual(node.enum);
      }
    }
    expect(enums).toBeGreaterThan(20);
  });

  it('marks abstract classes and gives each class an objectType through its chain', () => {
    const schemas = doc.components.schemas as Json;
    expect(schemas.KalturaResource['x-abstract']).toBe(true);
    expect(schemas.KalturaUploadedFileTokenResource['x-abstract']).toBeUndefined();
    expect(schemas.KalturaObjectBase.properties.objectType).toEqual(expect.objectContaining({ type: 'string' }));
    for (const [name, s] of Object.entries(schemas)) {
      if ((s as Json)['x-kaltura-enum'] || name === 'KalturaObjectBase') continue;
      let c: string | undefined = name;
      const seen = new Set<string>();
      while (c && c !== 'KalturaObjectBase') {
        expect(seen.has(c), `no cycle at ${c}`).toBe(false);
        seen.add(c);
        c = (schemas[c].allOf?.[0]?.$ref as string | undefined)?.split('/').pop();
      }
      expect(c, `${name} derives from KalturaObjectBase`).toBe('KalturaObjectBase');
    }
  });

  it('compiles with ajv, which accepts a media entry and rejects a bad enum value', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addSchema({ paths: doc.paths, components: doc.components }, 'kaltura');
    const entry = ajv.getSchema('kaltura#/components/schemas/KalturaMediaEntry')!;
    expect(entry({ objectType: 'KalturaMediaEntry', name: 'clip', mediaType: 1 })).toBe(true);
    expect(entry({ objectType: 'KalturaMediaEntry', name: 'clip', mediaType: 3 })).toBe(false);
    expect(entry({ objectType: 'KalturaMediaEntry', status: 2 })).toBe(false); // a string enum
    expect(entry({ objectType: 'KalturaMediaEntry', status: '2' })).toBe(true);
    expect(entry({ mediaType: 1 })).toBe(true); // objectType is optional in requests
    const body = ajv.compile({
      $ref: 'kaltura#/paths/~1service~1media~1action~1add/post/requestBody/content/application~1json/schema',
    });
    expect(body({ entry: { objectType: 'KalturaMediaEntry', mediaType: 2 } })).toBe(true);
    expect(body({})).toBe(false);
  });

  it('returns a fresh copy each time', () => {
    const a = buildKalturaOpenApi() as Json;
    a.paths = {};
    expect(Object.keys((buildKalturaOpenApi() as Json).paths).length).toBeGreaterThan(0);
  });
});
