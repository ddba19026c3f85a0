/** `expect` in an API Call block: read into the model, with located problems and lint against the API description. */
import { describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import { parseRecipe } from '@/lib/recipe';
import { parseExpectPath } from '@/lib/recipe/expect';

const api = getKalturaDescription();

function recipe(call: string, extraSteps = ''): string {
  return `# T\n\n## One\n### API Call\n\`\`\`json\n${call}\n\`\`\`\n${extraSteps}`;
}

const problems = (src: string, withApi = true) =>
  parseRecipe(src, withApi ? { api } : {}).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}: ${d.message}`);

describe('expect paths', () => {
  it.each([
    ['status', ['status']],
    ['objects.0.id', ['objects', '0', 'id']],
    ['$', []],
    ['$.objects[0].id', ['objects', '0', 'id']],
    ['$[\'a.b\']["c"]', ['a.b', 'c']],
    ['$.totalCount', ['totalCount']],
  ])('reads %s', (key, segments) => {
    expect(parseExpectPath(key)).toEqual({ segments });
  });

  it.each([
    ['$..id', /descendants/],
    ['$.objects[*].id', /wildcard/],
    ['$.objects[?(@.id)]', /filter/],
    ['$.objects[0:2]', /slice/],
    ['$.objects[-1]', /negative index/],
    ['a..b', /empty segment/],
    ['', /empty path/],
    ['$x', /expected "." or "\["/],
  ])('refuses %s with a sentence', (key, message) => {
    const r = parseExpectPath(key);
    expect('error' in r && r.error).toMatch(message);
  });
});

describe('expect in the model', () => {
  it('reads values and checks, with the line of each key', () => {
    const src = recipe(`{
  "method": "post", "path": "/service/media/action/list", "parameters": [],
  "expect": {
    "totalCount": { "min": 1, "max": 10 },
    "$.objects[0].status": 2,
    "objects.0.name": { "matches": "^Sunset", "notEquals": "x" },
    "objects.0.tags": { "oneOf": ["a", "b"] },
    "objects.1": { "exists": false },
    "objects.0.mediaType": { "equals": 1 }
  }
}`);
    const r = parseRecipe(src, { api });
    expect(r.diagnostics).toEqual([]);
    const x = r.steps[0]!.apiCall!.expect!;
    expect(x.map((e) => [e.path, e.segments, e.checks, e.range.start.line])).toEqual([
      [
        'totalCount',
        ['totalCount'],
        [
          { op: 'min', value: 1 },
          { op: 'max', value: 10 },
        ],
        9,
      ],
      ['$.objects[0].status', ['objects', '0', 'status'], [{ op: 'equals', value: 2 }], 10],
      [
        'objects.0.name',
        ['objects', '0', 'name'],
        [
          { op: 'matches', pattern: '^Sunset' },
          { op: 'notEquals', value: 'x' },
        ],
        11,
      ],
      ['objects.0.tags', ['objects', '0', 'tags'], [{ op: 'oneOf', values: ['a', 'b'] }], 12],
      ['objects.1', ['objects', '1'], [{ op: 'exists', value: false }], 13],
      ['objects.0.mediaType', ['objects', '0', 'mediaType'], [{ op: 'equals', value: 1 }], 14],
    ]);
  });

  it('has no expect when the block has none', () => {
    const r = parseRecipe(recipe('{ "method": "post", "path": "/service/system/action/ping", "parameters": [] }'), { api });
    expect(r.steps[0]!.apiCall!.expect).toBeUndefined();
  });

  it('reports bad checks where they are, and keeps the good entries', () => {
    const src = recipe(`{ "method": "post", "path": "/service/media/action/list", "parameters": [],
  "expect": {
    "totalCount": { "mni": 1 },
    "objects.0.id": { "matches": "(" },
    "objects.0.name": { "matches": "(a+)+$" },
    "objects.0.status": { "oneOf": [] },
    "objects.0.tags": { "exists": "yes" },
    "$..id": 1,
    "objects": {},
    "objectType": "KalturaMediaListResponse"
  } }`);
    const r = parseRecipe(src, { api });
    expect(problems(src)).toEqual([
      '8:21 error expect-check: "expect" of "totalCount" has an unknown check "mni": did you mean "min"? To expect an object, write {"equals": {...}}.',
      '9:34 error expect-check: "expect" of "objects.0.id": "matches" is not a valid regular expression (/(/u: Unterminated group).',
      expect.stringMatching(/^10:36 error expect-check: .*can take very long/),
      '11:36 error expect-check: "expect" of "objects.0.status": "oneOf" takes a non-empty list of values, e.g. [1, 2].',
      '12:35 error expect-check: "expect" of "objects.0.tags": "exists" takes true or false.',
      expect.stringMatching(/^13:5 error expect-path: In "expect": "\$\.\.id" uses "\.\." \(descendants\)/),
      expect.stringMatching(/^14:16 error expect-check: "expect" of "objects" is an empty object/),
    ]);
    expect(r.steps[0]!.apiCall!.expect!.map((e) => e.path)).toEqual(['objectType']);
  });

  it('is an object (the JSON Schema says so)', () => {
    const src = recipe('{ "method": "post", "path": "/service/system/action/ping", "parameters": [], "expect": [1] }');
    expect(problems(src)).toEqual([
      expect.stringMatching(/^6:88 error invalid-value: "expect" in the API Call block must be an object, not an array\./),
    ]);
  });

  it('needs an operation: a block without "path" has nothing to check', () => {
    const src = recipe('{ "parameters": [{ "name": "x", "custom": true }], "expect": { "id": 1 } }');
    expect(problems(src, false)).toEqual([
      '6:64 error expect-no-call: "expect" needs an API call to check, but this block has no "path": add the operation\'s "path", or remove "expect".',
    ]);
  });

  it('lint: a path that leaves the result type names the nearest property', () => {
    const src = recipe(`{ "method": "post", "path": "/service/media/action/list", "parameters": [],
  "expect": { "totalCont": 1, "objects.0.stauts": 2, "objects.0.objectType": "KalturaMediaEntry", "objects.0.duration": { "min": 1 } } }`);
    expect(problems(src)).toEqual([
      '7:15 warning expect-unknown-property: media.list answers a KalturaMediaListResponse, which has no property "totalCont": did you mean "totalCount"? Check the path of "totalCont" in "expect".',
      '7:31 warning expect-unknown-property: "objects.0" is a KalturaMediaEntry, which has no property "stauts": did you mean "status"? Check the path of "objects.0.stauts" in "expect".',
    ]);
    // Without the API description there is nothing to check the paths against.
    expect(problems(src, false)).toEqual([]);
  });

  it('lint: an action that answers nothing has nothing at a path', () => {
    const src =
      recipe(`{ "method": "post", "path": "/service/media/action/delete", "parameters": [{ "name": "entryId", "consoleDefault": "0_x" }],
  "expect": { "id": { "exists": true }, "$": null } }`);
    expect(problems(src)).toEqual([
      expect.stringMatching(/^7:15 warning expect-unknown-property: media\.delete answers no result \(null\), so "id" is never there/),
    ]);
  });
});
