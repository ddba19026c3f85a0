import { describe, expect, it } from 'vitest';
import { parseRecipe, type Diagnostic } from '@/lib/recipe';

const md = (...lines: string[]) => lines.join('\n') + '\n';
/** A recipe with a title and one step whose API Call block holds `json` (from line 5 on). */
const call = (...json: string[]) => md('# T', '## S', '### API Call', '```json', ...json, '```');
const steps = (...parts: string[]) => parts.map((p) => (p.endsWith('\n') ? p : `${p}\n`)).join('');

const show = (d: Diagnostic) => `${d.line}:${d.column} ${d.severity} ${d.rule}: ${d.message}`;

interface Case {
  name: string;
  source: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  rule: string;
  message: string;
  /** Other diagnostics allowed alongside (rule ids); by default the expected one is the only one. */
  alsoAllowed?: string[];
}

const cases: Case[] = [
  {
    name: 'METADATA: missing comma',
    source: md('<!--METADATA', '{ "icon": "upload",', '  "sortOrder": 900', '  "tags": [] }', '-->', '# T'),
    line: 4,
    column: 3,
    severity: 'error',
    rule: 'json-syntax',
    message: 'Invalid JSON in METADATA: a comma is missing',
  },
  {
    name: 'METADATA: JSON on the opening line, unquoted key',
    source: md('<!--METADATA { icon: "upload" }', '-->', '# T'),
    line: 1,
    column: 16,
    severity: 'error',
    rule: 'json-syntax',
    message: 'unexpected characters (found "icon"): strings and keys need double quotes',
  },
  {
    name: 'METADATA: not closed',
    source: md('<!--METADATA', '{ "icon": "upload" }', '# T', '## S'),
    line: 1,
    column: 1,
    severity: 'error',
    rule: 'metadata-unclosed',
    message: 'add a line "-->"',
  },
  {
    name: 'API Call: bracket closed by a brace',
    source: call('{', '  "method": "post",', '  "path": "/service/media/action/add",', '  "parameters": [}', '}'),
    line: 8,
    column: 18,
    severity: 'error',
    rule: 'json-syntax',
    message: 'Invalid JSON in the API Call block of step 1: a value is expected here (found "}")',
  },
  {
    name: 'API Call: single quotes',
    source: call("{ 'method': 'post' }"),
    line: 5,
    column: 3,
    severity: 'error',
    rule: 'json-syntax',
    message: 'need double quotes',
  },
  {
    name: 'API Call: trailing comma',
    source: call('{', '  "parameters": [', '    { "name": "a" },', '  ]', '}'),
    line: 7,
    column: 20,
    severity: 'error',
    rule: 'json-syntax',
    message: 'a trailing comma before "]" is not allowed in JSON: remove this comma',
  },
  {
    name: 'API Call: a comment',
    source: call('{', '  // the call', '  "path": "/a"', '}'),
    line: 6,
    column: 3,
    severity: 'error',
    rule: 'json-syntax',
    message: 'comments are not allowed in JSON',
  },
  {
    name: 'API Call: empty block',
    source: call(),
    line: 5,
    column: 1,
    severity: 'error',
    rule: 'json-syntax',
    message: 'the block is empty',
  },
  {
    name: 'API Call: an array instead of an object',
    source: call('[]'),
    line: 5,
    column: 1,
    severity: 'error',
    rule: 'invalid-value',
    message: 'must be a JSON object',
  },
  {
    name: 'no title',
    source: md('Some intro.', '', '## S', 'prose'),
    line: 1,
    column: 1,
    severity: 'error',
    rule: 'no-title',
    message: 'has no title: add a "# Title" line',
  },
  {
    name: 'two titles',
    source: md('# One', 'intro', '', '# Two', '## S'),
    line: 4,
    column: 1,
    severity: 'error',
    rule: 'multiple-titles',
    message: 'A second title',
  },
  {
    name: 'unknown parameter key with a suggestion',
    source: call('{ "path": "/a", "parameters": [', '  { "name": "resumeAt", "consoleDefualt": -1 }', '] }'),
    line: 6,
    column: 25,
    severity: 'warning',
    rule: 'unknown-key',
    message: 'Unknown key "consoleDefualt" in the API Call block (in parameters[0]): did you mean "consoleDefault"?',
  },
  {
    name: 'unknown METADATA key with a suggestion',
    source: md('<!--METADATA', '{ "sortOrdr": 1 }', '-->', '# T'),
    line: 2,
    column: 3,
    severity: 'warning',
    rule: 'unknown-key',
    message: 'Unknown key "sortOrdr" in METADATA: did you mean "sortOrder"?',
  },
  {
    name: 'unknown API Call key with a suggestion',
    source: call('{ "path": "/a", "parameter": [] }'),
    line: 5,
    column: 17,
    severity: 'warning',
    rule: 'unknown-key',
    message: 'did you mean "parameters"?',
  },
  {
    name: 'unknown key deep inside a schema',
    source: call(
      '{ "path": "/a", "parameters": [{ "name": "body", "in": "body", "schema": {',
      '  "properties": { "entry": { "enumLabel": [] } } } }] }',
    ),
    line: 6,
    column: 30,
    severity: 'warning',
    rule: 'unknown-key',
    message: 'Unknown key "enumLabel" in the API Call block (in parameters[0].schema.properties.entry): did you mean "enumLabels"?',
  },
  {
    name: 'misspelt x- annotation',
    source: call('{ "path": "/a", "parameters": [{ "name": "a", "x-consoleDefualt": 1 }] }'),
    line: 5,
    column: 47,
    severity: 'warning',
    rule: 'unknown-key',
    message: 'Unknown key "x-consoleDefualt": did you mean "x-consoleDefault"?',
  },
  {
    name: 'sortOrder is a string',
    source: md('<!--METADATA', '{ "sortOrder": "900" }', '-->', '# T'),
    line: 2,
    column: 16,
    severity: 'error',
    rule: 'invalid-value',
    message: '"sortOrder" in METADATA must be a number, not a string. Write 900 without quotes.',
  },
  {
    name: 'tags is a string',
    source: md('<!--METADATA', '{ "tags": "media" }', '-->', '# T'),
    line: 2,
    column: 11,
    severity: 'error',
    rule: 'invalid-value',
    message: '"tags" in METADATA must be an array, not a string',
  },
  {
    name: 'hidden is a string',
    source: md('<!--METADATA', '{ "hidden": "yes" }', '-->', '# T'),
    line: 2,
    column: 13,
    severity: 'error',
    rule: 'invalid-value',
    message: 'must be true or false',
  },
  {
    name: 'fromStep points to a later step',
    source: steps(
      md('# T', '## A', '### API Call', '```json'),
      '{ "path": "/a", "parameters": [{ "name": "x", "dynamicValue": { "fromStep": 1, "value": "id" } }] }',
      md('```', '## B', '### API Call', '```json', '{ "path": "/b", "parameters": [] }', '```'),
    ),
    line: 5,
    column: 77,
    severity: 'error',
    rule: 'from-step-later',
    message: 'the first step, which has no earlier step',
  },
  {
    name: 'fromStep points to a later step (from step 2)',
    source: steps(
      md('# T', '## A', 'prose', '## B', '### API Call', '```json'),
      '{ "path": "/a", "parameters": [{ "name": "x", "dynamicValue": { "fromStep": 2, "value": "id" } }] }',
      md('```', '## C', '### API Call', '```json', '{ "path": "/b", "parameters": [] }', '```'),
    ),
    line: 7,
    column: 77,
    severity: 'error',
    rule: 'from-step-later',
    message: '"x" takes its value from step 3 (fromStep 2), which runs after this step: point fromStep at an earlier step (fromStep 0)',
  },
  {
    name: 'fromStep points to its own step',
    source: steps(
      md('# T', '## A', '### API Call', '```json', '{ "path": "/a" }', '```', '## B', '### API Call', '```json'),
      '{ "path": "/a", "parameters": [{ "name": "x", "dynamicValue": { "fromStep": 1, "value": "id" } }] }',
      md('```'),
    ),
    line: 10,
    column: 77,
    severity: 'error',
    rule: 'from-step-self',
    message: 'takes its value from its own step (fromStep 1)',
  },
  {
    name: 'fromStep out of range',
    source: steps(
      md('# T', '## A', '### API Call', '```json', '{ "path": "/a" }', '```', '## B', '### API Call', '```json'),
      '{ "path": "/a", "parameters": [{ "name": "x", "dynamicValue": { "fromStep": 7, "value": "id" } }] }',
      md('```'),
    ),
    line: 10,
    column: 77,
    severity: 'error',
    rule: 'from-step-out-of-range',
    message: 'but the recipe has only 2 steps',
  },
  {
    name: 'fromStep value from a step with no call',
    source: steps(
      md('# T', '## A', 'Only prose here.', '## B', '### API Call', '```json'),
      '{ "path": "/a", "parameters": [{ "name": "x", "dynamicValue": { "fromStep": 0, "value": "id" } }] }',
      md('```'),
    ),
    line: 7,
    column: 77,
    severity: 'error',
    rule: 'from-step-no-call',
    message: 'reads "id" from the response of step 1 (fromStep 0), but that step makes no API call',
  },
  {
    // The portal's off-by-one: the reference points at the prose step before the one with the
    // input, and the page would dead-end on "Run step 1 first".
    name: 'fromStep answer from a step with no call',
    source: steps(
      md('# T', '## A', 'Only prose here.', '## B', '### API Call', '```json'),
      '{ "path": "/a", "parameters": [{ "name": "q" }] }',
      md('```', '## C', '### API Call', '```json'),
      '{ "path": "/b", "parameters": [{ "name": "x", "dynamicValue": { "fromStep": 0, "answer": "q" } }] }',
      md('```'),
    ),
    line: 12,
    column: 77,
    severity: 'error',
    rule: 'from-step-no-call',
    message:
      'reads the input "q" submitted in step 1 (fromStep 0), but that step makes no API call, so it is never run and never submits anything: point fromStep at the step that has this input: did you mean fromStep 1 (step 2), which has that input?',
  },
  {
    name: 'fromStep inside a schema property, pointing to a later step',
    source: steps(
      md('# T', '## A', '### API Call', '```json', '{ "path": "/a" }', '```', '## B', '### API Call', '```json'),
      '{ "path": "/b", "parameters": [{ "name": "body", "in": "body", "schema": { "properties": {',
      '  "entryId": { "x-dynamicValue": { "fromStep": 3, "value": "id" } } } } }] }',
      md('```', '## C', '## D', '### API Call', '```json', '{ "path": "/d" }', '```'),
    ),
    line: 11,
    column: 48,
    severity: 'error',
    rule: 'from-step-later',
    message: '"entryId" takes its value from step 4 (fromStep 3)',
  },
  {
    name: 'dynamicValue with both value and answer',
    source: steps(
      md('# T', '## A', '### API Call', '```', '{ "path": "/a" }', '```', '## B', '### API Call', '```'),
      '{ "path": "/b", "parameters": [{ "name": "x", "dynamicValue": { "fromStep": 0, "value": "id", "answer": "name" } }] }',
      md('```'),
    ),
    line: 10,
    column: 63,
    severity: 'error',
    rule: 'dynamic-value-shape',
    message: 'has both "value" and "answer"',
  },
  {
    name: 'dynamicValue with neither value nor answer',
    source: steps(
      md('# T', '## A', '### API Call', '```', '{ "path": "/a" }', '```', '## B', '### API Call', '```'),
      '{ "path": "/b", "parameters": [{ "name": "x", "dynamicValue": { "fromStep": 0 } }] }',
      md('```'),
    ),
    line: 10,
    column: 63,
    severity: 'error',
    rule: 'dynamic-value-shape',
    message: 'has neither "value" nor "answer"',
  },
  {
    name: 'fromStep is negative',
    source: call('{ "path": "/a", "parameters": [{ "name": "x", "dynamicValue": { "fromStep": -1, "value": "id" } }] }'),
    line: 5,
    column: 77,
    severity: 'error',
    rule: 'invalid-value',
    message: '"parameters[0].dynamicValue.fromStep" in the API Call block must be 0 or more',
  },
  {
    name: 'fromStep is a string',
    source: call('{ "path": "/a", "parameters": [{ "name": "x", "dynamicValue": { "fromStep": "1", "value": "id" } }] }'),
    line: 5,
    column: 77,
    severity: 'error',
    rule: 'invalid-value',
    message: 'must be a whole number, not a string. Write 1 without quotes.',
  },
  {
    name: 'enumLabels of the wrong length',
    source: call('{ "path": "/a", "parameters": [{ "name": "resume",', '  "enum": [false, true],', '  "enumLabels": ["no"] }] }'),
    line: 7,
    column: 17,
    severity: 'error',
    rule: 'enum-labels-length',
    message: '"resume" has 1 enumLabels for 2 enum values: give exactly one label per value',
  },
  {
    name: 'x-enumLabels of the wrong length (normalised)',
    source: call('{ "path": "/a", "parameters": [{ "name": "resume", "x-enum": [1, 2, 3], "x-enumLabels": ["a", "b"] }] }'),
    line: 5,
    column: 89,
    severity: 'error',
    rule: 'enum-labels-length',
    message: 'has 2 enumLabels for 3 enum values',
  },
  {
    name: 'a second API Call in one step',
    source: md('# T', '## S', '### API Call', '```json', '{ "path": "/a" }', '```', '### API Call', '```json', '{ "path": "/b" }', '```'),
    line: 7,
    column: 1,
    severity: 'error',
    rule: 'duplicate-api-call',
    message: 'A second "### API Call" in step 1: a step makes at most one call, so this one is ignored',
  },
  {
    name: 'a second Demo in one step',
    source: md('# T', '## S', '### Demo', '```html', '<b>1</b>', '```', '### Demo', '```html', '<b>2</b>', '```'),
    line: 7,
    column: 1,
    severity: 'error',
    rule: 'duplicate-demo',
    message: 'A second "### Demo"',
  },
  {
    name: 'unknown Sample Code language',
    source: md('# T', '## S', '### API Call', '```json', '{ "path": "/a" }', '```', '### Sample Code (pyhton)', '```py', 'auto', '```'),
    line: 7,
    column: 5,
    severity: 'error',
    rule: 'unknown-language',
    message: 'Unknown Sample Code language "pyhton": did you mean "python"?',
  },
  {
    name: 'Sample Code heading without a language',
    source: md('# T', '## S', '### Sample Code', '```', 'x', '```'),
    line: 3,
    column: 5,
    severity: 'error',
    rule: 'sample-language-missing',
    message: '"### Sample Code (python)"',
  },
  {
    name: 'html cannot be generated',
    source: md('# T', '## S', '### Sample Code (html)', '```html', 'auto', '```'),
    line: 4,
    column: 1,
    severity: 'error',
    rule: 'sample-not-generated',
    message: '"html" code cannot be generated',
  },
  {
    name: 'API Call heading with no block',
    source: md('# T', '## S', '### API Call', 'Call it with a POST.', '## S2'),
    line: 3,
    column: 1,
    severity: 'error',
    rule: 'api-call-no-block',
    message: 'has no code block',
    alsoAllowed: ['ignored-content'],
  },
  {
    name: 'parameter without a name',
    source: call('{ "path": "/a", "parameters": [{ "in": "query" }] }'),
    line: 5,
    column: 32,
    severity: 'error',
    rule: 'missing-key',
    message: 'has no "name": add "name"',
  },
  {
    name: '"in" misspelt',
    source: call('{ "path": "/a", "parameters": [{ "name": "body", "in": "bdy" }] }'),
    line: 5,
    column: 56,
    severity: 'error',
    rule: 'invalid-value',
    message: 'did you mean "body"?',
  },
  {
    name: 'path without a leading slash',
    source: call('{ "method": "post", "path": "service/media/action/add" }'),
    line: 5,
    column: 29,
    severity: 'error',
    rule: 'invalid-value',
    message: 'must start with "/"',
  },
  {
    name: 'duplicate key',
    source: call('{ "path": "/a", "path": "/b" }'),
    line: 5,
    column: 3,
    severity: 'warning',
    rule: 'duplicate-key',
    message: 'Duplicate key "path": this one is ignored because a later "path" in the same object wins',
  },
  {
    name: 'a fence that never closes swallows the next steps',
    source: md('# T', '## S', '```', 'code', '## Not a step now', 'more'),
    line: 3,
    column: 1,
    severity: 'error',
    rule: 'unclosed-fence',
    message: 'never closed, so the sections after it are read as code',
  },
  {
    name: 'a second sample for one language',
    source: md(
      '# T',
      '## S',
      '### API Call',
      '```',
      '{ "path": "/a" }',
      '```',
      '### Sample Code (curl)',
      '```',
      'auto',
      '```',
      '### Sample Code (Curl)',
      '```',
      'curl x',
      '```',
    ),
    line: 11,
    column: 5,
    severity: 'warning',
    rule: 'duplicate-sample',
    message: 'only the first is shown',
  },
  {
    name: 'block quotes nested too deeply on one line',
    source: md('# T', '>'.repeat(100) + ' x'),
    line: 2,
    column: 1,
    severity: 'warning',
    rule: 'deep-nesting',
    message: 'nests more than 64 block quotes or list items',
  },
  {
    name: 'JSON nested too deeply',
    source: call('{"a":' + '['.repeat(300) + ']'.repeat(300) + '}'),
    line: 5,
    column: 261,
    severity: 'error',
    rule: 'json-syntax',
    message: 'nested more than 256 levels deep',
  },
];

describe('malformed inputs: each problem with its message and line:col', () => {
  it.each(cases)('$name', (c) => {
    const r = parseRecipe(c.source);
    const hit = r.diagnostics.find((d) => d.rule === c.rule);
    expect(hit, r.diagnostics.map(show).join('\n')).toBeDefined();
    expect(show(hit!)).toContain(`${c.line}:${c.column} ${c.severity} ${c.rule}: `);
    expect(hit!.message).toContain(c.message);
    const others = r.diagnostics.filter((d) => d !== hit && !(c.alsoAllowed ?? []).includes(d.rule));
    expect(others.map(show)).toEqual([]);
    expect(hit!.endLine > hit!.line || hit!.endColumn > hit!.column).toBe(true);
  });

  it('gives the step index of problems inside a step', () => {
    const r = parseRecipe(md('# T', '## A', 'x', '## B', '### API Call', '```', '{ oops }', '```'));
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.stepIndex).toBe(1);
  });

  it('keeps the steps that parse when one is broken', () => {
    const r = parseRecipe(
      md('# T', '## A', '### API Call', '```', '{ "path": "/a" ', '```', '## B', '### API Call', '```', '{ "path": "/b" }', '```'),
    );
    expect(r.steps.map((s) => s.title)).toEqual(['A', 'B']);
    expect(r.steps[1]!.apiCall?.path).toBe('/b');
    expect(r.diagnostics.map((d) => [d.rule, d.stepIndex])).toEqual([['json-syntax', 0]]);
  });

  it('never throws on non-string input', () => {
    expect(parseRecipe(undefined as unknown as string).diagnostics[0]!.rule).toBe('no-title');
    expect(parseRecipe(42 as unknown as string).title).toBe('');
  });
});

describe('valid but unusual inputs are not flagged', () => {
  const valid: Array<[string, string, (r: ReturnType<typeof parseRecipe>) => void]> = [
    [
      'a fence without a language tag',
      md('# T', '## S', '### API Call', '```', '{ "method": "post", "path": "/a", "parameters": [] }', '```'),
      (r) => expect(r.steps[0]!.apiCall?.path).toBe('/a'),
    ],
    [
      'blank lines before the fence',
      md('# T', '## S', '### API Call', '', '', '```json', '{ "path": "/a" }', '```'),
      (r) => expect(r.steps[0]!.apiCall?.path).toBe('/a'),
    ],
    [
      '"dynamicValue": null',
      call('{ "path": "/a", "parameters": [{ "name": "x", "dynamicValue": null }] }'),
      (r) => expect(r.steps[0]!.apiCall!.parameters[0]).not.toHaveProperty('dynamicValue'),
    ],
    [
      'x- keys, bare wins',
      call(
        '{ "path": "/a", "x-note": 1, "parameters": [{ "name": "x", "x-hidden": true, "x-inputType": "textarea", "x-consoleDefault": 1, "consoleDefault": 2, "x-vendor": "k" }] }',
      ),
      (r) => {
        const p = r.steps[0]!.apiCall!.parameters[0]!;
        expect(p.hidden).toBe(true);
        expect(p.inputType).toBe('textarea');
        expect(p.consoleDefault).toBe(2);
        expect(p.extra).toEqual({ 'x-vendor': 'k' });
        expect(r.steps[0]!.apiCall!.extra).toEqual({ 'x-note': 1 });
      },
    ],
    [
      'a heading inside a code block',
      md('# T', '## S', 'Write this:', '', '```md', '## Not a step', '### API Call', '```', 'after'),
      (r) => {
        expect(r.steps).toHaveLength(1);
        expect(r.steps[0]!.prose).toContain('## Not a step');
        expect(r.steps[0]!.apiCall).toBeUndefined();
      },
    ],
    [
      'a ## Finish section with ### subsections',
      md('# T', '## S', 'x', '## Finish', 'Done.', '### Next', 'Read more.'),
      (r) => {
        expect(r.steps).toHaveLength(1);
        expect(r.finish).toBe('Done.\n### Next\nRead more.');
      },
    ],
    [
      'a file with no metadata',
      md('# Title only', '', 'Intro.'),
      (r) => {
        expect(r.title).toBe('Title only');
        expect(r.intro).toBe('Intro.');
        expect(r.metadataRange).toBeUndefined();
      },
    ],
    [
      'a step with only prose still counts for fromStep',
      steps(
        md('# T', '## Read', 'Only prose.', '## Call', '### API Call', '```'),
        '{ "path": "/a" }',
        md('```', '## Use', '### API Call', '```'),
        '{ "path": "/b", "parameters": [{ "name": "x", "dynamicValue": { "fromStep": 1, "value": "id" } }] }',
        md('```'),
      ),
      (r) => {
        expect(r.steps.map((s) => s.index)).toEqual([0, 1, 2]);
        expect(r.steps[0]!.languages).toEqual([]);
      },
    ],
    [
      'tilde fences and an upper-case language',
      md('# T', '## S', '### API Call', '~~~', '{ "path": "/a" }', '~~~', '### Sample Code (PHP)', '~~~php', 'auto', '~~~'),
      (r) => expect(r.steps[0]!.languages.map((l) => l.language)).toEqual(['php']),
    ],
    [
      'an input-only API Call block',
      call('{ "parameters": [{ "name": "partnerId", "custom": true, "fromSecrets": "partnerId" }] }'),
      (r) => {
        expect(r.steps[0]!.apiCall!.path).toBeUndefined();
        expect(r.steps[0]!.apiCall!.parameters[0]!.fromSecrets).toBe('partnerId');
        expect(r.steps[0]!.languages).toEqual([]);
      },
    ],
    [
      'a "## Finish" that is not the last section is a step',
      md('# T', '## Finish', 'x', '## Really last', 'y'),
      (r) => {
        expect(r.steps.map((s) => s.title)).toEqual(['Finish', 'Really last']);
        expect(r.finish).toBeUndefined();
      },
    ],
    [
      'a hand-written demo and samples with placeholders',
      md(
        '# T',
        '## S',
        '### Sample Code (javascript)',
        '```js',
        'console.log("<%= answers.name %>")',
        '```',
        '### Demo',
        '```html',
        '<p><%- answers.name %></p>',
        '```',
      ),
      (r) => {
        expect(r.steps[0]!.languages.map((l) => [l.language, l.auto])).toEqual([['javascript', false]]);
        expect(r.steps[0]!.demo?.html).toBe('<p><%- answers.name %></p>');
      },
    ],
    [
      'dynamicEnum and every annotation key',
      call(
        JSON.stringify({
          path: '/a',
          ignoreParameters: ['ks'],
          disableSetupCode: true,
          parameters: [
            {
              name: 'e',
              in: 'query',
              type: 'string',
              description: 'd',
              default: 'a',
              global: true,
              required: true,
              dynamicEnum: {
                path: '/service/media/action/list',
                method: 'post',
                array: 'objects',
                value: 'id',
                label: 'name',
                parameters: [{ name: 'body', value: '{}' }],
              },
            },
          ],
        }),
      ),
      (r) => {
        const c = r.steps[0]!.apiCall!;
        expect(c.ignoreParameters).toEqual(['ks']);
        expect(c.disableSetupCode).toBe(true);
        expect(c.parameters[0]).toMatchObject({
          in: 'query',
          type: 'string',
          description: 'd',
          default: 'a',
          global: true,
          required: true,
          dynamicEnum: {
            path: '/service/media/action/list',
            array: 'objects',
            value: 'id',
            label: 'name',
            parameters: [{ name: 'body', value: '{}' }],
          },
        });
      },
    ],
  ];
  it.each(valid)('%s', (_name, source, check) => {
    const r = parseRecipe(source);
    expect(r.diagnostics.map(show)).toEqual([]);
    check(r);
  });
});
