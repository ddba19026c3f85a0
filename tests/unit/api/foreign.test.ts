import { describe, expect, it } from 'vitest';
import { buildKalturaOpenApi, createDescription, type ApiDescription } from '@/lib/description';

/** A small hand-written OpenAPI 3 document from elsewhere: no Kaltura extensions at all. */
const petstore = {
  openapi: '3.0.3',
  info: { title: 'Pets', version: '1' },
  security: [{ apiKey: [] }],
  paths: {
    '/pets': {
      get: {
        operationId: 'listPets',
        tags: ['pets'],
        summary: 'List pets',
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', default: 20 } },
          { name: 'status', in: 'query', schema: { type: 'string', enum: ['available', 'sold'] } },
          { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
        ],
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } } },
          },
        },
      },
      post: {
        operationId: 'createPet',
        tags: ['pets'],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/NewPet' } } } },
        responses: { '201': { description: 'made', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } },
      },
    },
    '/pets/{petId}': {
      parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: 'pets.show',
        security: [],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } },
      },
      delete: { operationId: 'pets.remove', responses: { '204': { description: 'gone' } } },
    },
    '/upload': {
      post: {
        operationId: 'files.upload',
        requestBody: {
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['file'],
                properties: {
                  file: { type: 'string', format: 'binary' },
                  note: { type: 'string', description: 'Free text', default: '' },
                  tags: { type: 'array', items: { type: 'string' } },
                  meta: { type: 'object', additionalProperties: { type: 'integer' } },
                },
              },
            },
          },
        },
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'boolean' } } } } },
      },
    },
  },
  components: {
    schemas: {
      NewPet: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', description: 'Its name' },
          kind: { $ref: '#/components/schemas/Kind' },
          weight: { type: 'number' },
          owner: { type: 'object', properties: { email: { type: 'string' } } },
          color: { type: 'string', enum: ['black', 'white'], 'x-enumLabels': ['Black', 'White'] },
          mystery: { type: 'tuple' },
          nothing: {},
        },
      },
      Pet: {
        allOf: [{ $ref: '#/components/schemas/NewPet' }, { type: 'object', properties: { id: { type: 'integer', readOnly: true } } }],
      },
      Kind: { type: 'string', enum: ['cat', 'dog'] },
    },
  },
};

describe('createDescription over a plain OpenAPI 3 document', () => {
  const d = createDescription(petstore);

  it('reads it without problems', () => {
    expect(d.problems).toEqual([]);
    expect(d.operations()).toHaveLength(5);
  });

  it('reads operations of every method; POST first for a path, another method on request', () => {
    const create = d.operation('/pets')!;
    expect(create).toMatchObject({ action: 'createPet', service: 'pets', requiresKs: true });
    expect(create.method).toBeUndefined();
    expect(create.params).toEqual([{ name: 'body', type: { kind: 'object', className: 'NewPet' }, required: true }]);
    expect(create.result).toEqual({ kind: 'object', className: 'Pet' });
    const list = d.operation('/PETS', 'GET')!;
    expect(list).toMatchObject({ action: 'listPets', method: 'get', summary: 'List pets' });
    expect(list.params.map((p) => [p.name, p.type, p.default])).toEqual([
      ['limit', { kind: 'int' }, 20],
      ['status', { kind: 'enum', name: 'pets.listPets.status' }, undefined],
    ]);
    expect(d.getEnum('pets.listPets.status')!.values).toEqual([
      { name: 'available', value: 'available' },
      { name: 'sold', value: 'sold' },
    ]);
    expect(list.result).toEqual({ kind: 'array', itemClass: 'Pet' });
    const show = d.operationByName('pets', 'show')!;
    expect(show).toMatchObject({ path: '/pets/{petId}', method: 'get', requiresKs: false });
    expect(show.params).toEqual([{ name: 'petId', type: { kind: 'string' }, required: true }]);
    expect(d.operation('/pets/{petId}')).toBe(show);
    expect(d.operation('/pets/{petId}', 'delete')!.result).toBeUndefined();
  });

  it('reads a multipart body with a file, arrays and maps of scalars', () => {
    const up = d.operation('/upload')!;
    expect(up.multipart).toBe(true);
    expect(up.params.map((p) => [p.name, p.type, p.required])).toEqual([
      ['file', { kind: 'file' }, true],
      ['note', { kind: 'string' }, false],
      ['tags', { kind: 'array', itemClass: 'string' }, false],
      ['meta', { kind: 'map', itemClass: 'int' }, false],
    ]);
    expect(up.params[1]).toMatchObject({ description: 'Free text', default: '' });
    expect(up.result).toEqual({ kind: 'bool' });
  });

  it('reads classes with allOf inheritance, enums, inline objects and unknown types', () => {
    expect(d.getClass('Pet')).toMatchObject({ base: 'NewPet', abstract: false });
    expect(d.allProperties('Pet').map((p) => p.name)).toEqual(['name', 'kind', 'weight', 'owner', 'color', 'mystery', 'nothing', 'id']);
    const props = Object.fromEntries(d.allProperties('Pet').map((p) => [p.name, p]));
    expect(props.id).toMatchObject({ readOnly: true, type: { kind: 'int' } });
    expect(props.kind!.type).toEqual({ kind: 'enum', name: 'Kind' });
    expect(props.weight!.type).toEqual({ kind: 'float' });
    expect(props.mystery!.type).toEqual({ kind: 'string' });
    expect(props.nothing!.type).toEqual({ kind: 'string' });
    expect(props.owner!.type).toEqual({ kind: 'object', className: 'NewPet.owner' });
    expect(d.allProperties('NewPet.owner').map((p) => p.name)).toEqual(['email']);
    expect(d.getEnum('Kind')).toEqual({
      name: 'Kind',
      base: 'string',
      values: [
        { name: 'cat', value: 'cat' },
        { name: 'dog', value: 'dog' },
      ],
    });
    expect(d.getEnum('NewPet.color')!.values).toEqual([
      { name: 'Black', value: 'black' },
      { name: 'White', value: 'white' },
    ]);
    expect(d.concreteSubclasses('NewPet')).toEqual(['NewPet', 'Pet']);
    expect(d.isSubclassOf('Pet', 'NewPet')).toBe(true);
  });
});

/** Calls every lookup; none may throw. */
function exercise(d: ApiDescription): void {
  for (const op of d.operations()) {
    d.operation(op.path);
    d.operationByName(op.service, op.action);
    for (const p of op.params) if (p.type.kind === 'object') d.allProperties(p.type.className);
  }
  for (const cls of d.classes?.() ?? []) {
    d.allProperties(cls.name);
    d.concreteSubclasses(cls.name);
    d.isSubclassOf(cls.name, 'KalturaResource');
  }
  d.operation('/service/media/action/add');
  d.operation(undefined as unknown as string);
  d.operationByName(null as unknown as string, undefined as unknown as string);
  d.getClass(42 as unknown as string);
  d.getEnum(undefined as unknown as string);
  d.allProperties(undefined as unknown as string);
  d.concreteSubclasses(null as unknown as string);
  d.isSubclassOf(undefined as unknown as string, undefined as unknown as string);
}

describe('createDescription over malformed documents', () => {
  const cases: Array<[string, unknown]> = [
    ['null', null],
    ['undefined', undefined],
    ['a string', 'openapi: 3.0.0'],
    ['a number', 42],
    ['an array', [1, 2]],
    ['an empty object', {}],
    ['no paths', { openapi: '3.0.0', info: {} }],
    ['paths as an array', { openapi: '3.0.0', paths: [] }],
    ['path items that are not objects', { openapi: '3.0.0', paths: { '/a': 'x', '/b': null, '/c': { post: 5 } } }],
    [
      'a broken $ref in a body property',
      {
        openapi: '3.0.0',
        paths: {
          '/service/x/action/y': {
            post: {
              requestBody: {
                content: { 'application/json': { schema: { type: 'object', properties: { a: { $ref: '#/components/schemas/Nope' } } } } },
              },
            },
          },
        },
      },
    ],
    [
      'a broken $ref to a parameter, a body and a response',
      {
        swagger: '2.0',
        paths: {
          '/service/x/action/y': {
            post: {
              parameters: [{ $ref: '#/parameters/nope' }, { in: 'body', name: 'body', schema: { $ref: '#/definitions/Nope' } }],
              responses: { '200': { $ref: '#/responses/nope' } },
            },
          },
        },
      },
    ],
    [
      'an inheritance cycle and a broken base',
      {
        openapi: '3.0.0',
        paths: {},
        components: {
          schemas: {
            A: { allOf: [{ $ref: '#/components/schemas/B' }], properties: { a: { type: 'string' } } },
            B: { allOf: [{ $ref: '#/components/schemas/A' }], properties: { b: { $ref: '#/components/schemas/B' } } },
            C: { allOf: [{ $ref: '#/components/schemas/Gone' }] },
            D: 'not a schema',
            E: { type: 'object', properties: 'nope', allOf: 'nope' },
          },
        },
      },
    ],
    [
      'odd keys everywhere',
      {
        openapi: 3,
        paths: { '/s': { post: { parameters: 'x', requestBody: 'x', responses: 'x', 'x-kaltura-parameters': 'x', operationId: 5 } } },
        components: 'x',
      },
    ],
    [
      'an external $ref',
      {
        openapi: '3.0.0',
        paths: {
          '/a': { post: { requestBody: { content: { 'application/json': { schema: { $ref: 'https://example.com/x.json#/A' } } } } } },
        },
      },
    ],
  ];

  for (const [name, doc] of cases) {
    it(`never throws on ${name}, and says what it could not read`, () => {
      const d = createDescription(doc);
      expect(Array.isArray(d.operations())).toBe(true);
      expect(() => exercise(d)).not.toThrow();
      if (name !== 'an inheritance cycle and a broken base') expect(d.problems!.length, JSON.stringify(d.problems)).toBeGreaterThan(0);
    });
  }

  it('names the problem: a broken $ref, a missing paths, a non-object document', () => {
    expect(createDescription(null).problems![0]).toMatch(/not a JSON object.*null/);
    expect(createDescription({ openapi: '3.0.0' }).problems).toContainEqual(expect.stringMatching(/no "paths"/));
    const broken = createDescription(cases[9]![1]);
    expect(broken.problems).toContainEqual(expect.stringContaining('#/components/schemas/Nope'));
    expect(broken.operation('/service/x/action/y')!.params).toEqual([{ name: 'a', type: { kind: 'string' }, required: false }]);
  });

  it('cuts inheritance cycles', () => {
    const d = createDescription(cases[11]![1]);
    expect(
      d
        .allProperties('A')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(d.isSubclassOf('A', 'B')).toBe(true);
    expect(d.concreteSubclasses('A').sort()).toEqual(['A', 'B']);
    expect(d.problems).toContainEqual(expect.stringContaining('Gone'));
  });

  it('never throws on random damage to the Kaltura document', () => {
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const junk = [null, 0, -1, '', 'x', [], {}, true, { $ref: '#/nope' }, { $ref: 5 }, [null], { type: 'array' }];
    for (let round = 0; round < 150; round++) {
      const doc = buildKalturaOpenApi() as Record<string, unknown>;
      // Collect every (parent, key) and replace a few at random.
      const slots: Array<[Record<string, unknown> | unknown[], string | number]> = [];
      const walk = (node: unknown) => {
        if (Array.isArray(node))
          node.forEach((v, i) => {
            slots.push([node, i]);
            walk(v);
          });
        else if (node && typeof node === 'object')
          for (const [k, v] of Object.entries(node)) slots.push([node as Record<string, unknown>, k]), walk(v);
      };
      walk(doc);
      for (let i = 0; i < 5; i++) {
        const [parent, key] = slots[Math.floor(random() * slots.length)]!;
        (parent as Record<string | number, unknown>)[key] = junk[Math.floor(random() * junk.length)];
      }
      const d = createDescription(doc);
      expect(() => exercise(d)).not.toThrow();
    }
  });
});
