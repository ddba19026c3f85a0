/** Checking a step's `expect` against a response (recipes:test and the page share these checks). */
import { describe, expect, it } from 'vitest';
import { parseRecipe } from '@/lib/recipe';
import type { Expectation } from '@/lib/recipe/types';
import { checkExpectations, MATCH_LIMIT, sameJson } from '@/lib/runner/expect';

function expectations(block: object | string): Expectation[] {
  const text = typeof block === 'string' ? block : JSON.stringify(block);
  const src = `# T\n\n## S\n### API Call\n\`\`\`json\n{ "method": "post", "path": "/service/media/action/list", "parameters": [], "expect": ${text} }\n\`\`\`\n`;
  const r = parseRecipe(src);
  expect(r.diagnostics).toEqual([]);
  return r.steps[0]!.apiCall!.expect!;
}

const response = {
  objectType: 'KalturaMediaListResponse',
  totalCount: 2,
  objects: [
    { id: '0_abc', name: 'Sunset over the bay', status: '2', mediaType: 1, tags: null, flavors: [1, 2] },
    { id: '0_def', name: 'Dawn', status: 1, mediaType: 2 },
  ],
};

const run = (block: object | string, r: unknown = response) => checkExpectations(expectations(block), r).map((o) => [o.pass, o.message]);

describe('expect checks', () => {
  it('a value is equality; a number equals its text (Kaltura sends some enums as text)', () => {
    expect(
      run({ totalCount: 2, 'objects.0.status': 2, '$.objects[1].status': '1', 'objects.0.name': 'Sunset over the bay' }).every(([p]) => p),
    ).toBe(true);
    expect(run({ totalCount: 3 })).toEqual([[false, 'totalCount is 2, expected 3']]);
    expect(run({ 'objects.0.status': '02' })).toEqual([[false, 'objects.0.status is "2", expected "02"']]);
    expect(run({ 'objects.0.mediaType': true })).toEqual([[false, 'objects.0.mediaType is 1, expected true']]);
  });

  it('lists and objects compare deeply; "equals" takes an object', () => {
    expect(run({ 'objects.0.flavors': [1, 2] })).toEqual([[true, 'objects.0.flavors is [1,2], as expected']]);
    expect(run({ 'objects.0.flavors': [2, 1] })[0]![0]).toBe(false);
    expect(run({ 'objects.1': { equals: { id: '0_def', name: 'Dawn', status: 1, mediaType: 2 } } })[0]![0]).toBe(true);
    expect(run({ 'objects.1': { equals: { id: '0_def' } } })[0]![0]).toBe(false);
  });

  it('a missing path fails every check but exists:false and notEquals', () => {
    expect(run({ 'objects.5.id': '0_abc' })).toEqual([[false, 'objects.5.id is missing, expected "0_abc"']]);
    expect(run({ 'objects.5.id': { exists: false } })).toEqual([[true, 'objects.5.id is absent']]);
    expect(run({ 'objects.0.id': { exists: true } })).toEqual([[true, 'objects.0.id exists']]);
    expect(run({ 'objects.0.tags': { exists: true } })).toEqual([[false, 'objects.0.tags is null, expected to exist']]);
    expect(run({ 'objects.0.nope': { notEquals: 1 } })[0]![0]).toBe(true);
    expect(run({ 'objects.x.id': { exists: true } })[0]![0]).toBe(false);
  });

  it('oneOf, matches, min and max; every check of an entry must hold', () => {
    expect(run({ 'objects.0.mediaType': { oneOf: [1, 5] }, 'objects.1.mediaType': { oneOf: [1, 5] } })).toEqual([
      [true, 'objects.0.mediaType is 1, as expected'],
      [false, 'objects.1.mediaType is 2, expected one of [1,5]'],
    ]);
    expect(run({ 'objects.0.id': { matches: '^0_[a-z]+$' } })[0]![0]).toBe(true);
    expect(run({ 'objects.0': { matches: 'abc' } })[0]![0]).toBe(false); // objects never match
    expect(run({ totalCount: { min: 1, max: 1 } })).toEqual([[false, 'totalCount is 2, expected at most 1']]);
    expect(run({ totalCount: { min: 3, max: 1 } })).toEqual([[false, 'totalCount is 2, expected at least 3 and at most 1']]);
    expect(run({ 'objects.0.status': { min: 2 } })[0]![0]).toBe(true); // "2" counts as a number
    expect(run({ 'objects.0.name': { min: 2 } })[0]![0]).toBe(false);
  });

  it('"$" is the whole response (session.start answers a string)', () => {
    expect(run({ $: { matches: '^djJ8' } }, 'djJ8MTIzfA==')).toEqual([[true, '$ is "djJ8MTIzfA==", as expected']]);
    expect(run({ $: null }, null)).toEqual([[true, '$ is null, as expected']]);
  });

  it('a key like __proto__ is data, never the prototype', () => {
    // (written as JSON text: in a JS object literal, __proto__ would set the prototype)
    expect(run('{ "__proto__": { "exists": true } }', {})).toEqual([[false, '__proto__ is missing, expected to exist']]);
    expect(run('{ "__proto__.x": 1 }', JSON.parse('{ "__proto__": { "x": 1 } }'))).toEqual([[true, '__proto__.x is 1, as expected']]);
    expect(run({ 'constructor.name': 'Object' }, {})[0]![0]).toBe(false);
  });

  it('matches looks at the first MATCH_LIMIT characters of a long value', () => {
    const long = 'a'.repeat(MATCH_LIMIT) + 'END';
    expect(run({ v: { matches: 'END' } }, { v: long })[0]![0]).toBe(false);
    expect(run({ v: { matches: '^a+$' } }, { v: long })[0]![0]).toBe(true);
  });

  it('sameJson', () => {
    expect(sameJson(1, '1')).toBe(true);
    expect(sameJson('', 0)).toBe(false);
    expect(sameJson({ a: [1, { b: '2' }] }, { a: ['1', { b: 2 }] })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameJson(null, undefined)).toBe(false);
  });
});
