/**
 * The lint rules that see each step's form as the page builds it (lib/recipe/rules: from-step-path,
 * invalid-default, unknown-property), over the built-in Kaltura description, and the portal's
 * boolean `fromSecrets`.
 */
import { describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import { parseRecipe, type Diagnostic } from '@/lib/recipe';

const api = getKalturaDescription();
const show = (d: Diagnostic) => `${d.line}:${d.column} ${d.severity} ${d.rule}: ${d.message}`;
const errorsOf = (src: string) =>
  parseRecipe(src, { api })
    .diagnostics.filter((d) => d.severity === 'error')
    .map(show);

/** A recipe from API Call blocks, one step each. */
function recipe(...calls: unknown[]): string {
  return ['# T', ...calls.flatMap((c, i) => [`## Step ${i}`, '### API Call', '```json', JSON.stringify(c), '```'])].join('\n') + '\n';
}

const addToken = { method: 'post', path: '/service/uploadtoken/action/add', parameters: [] };
const addEntry = {
  method: 'post',
  path: '/service/media/action/add',
  parameters: [
    { name: 'body', in: 'body', schema: { properties: { entry: { properties: { name: {}, mediaType: { consoleDefault: 1 } } } } } },
  ],
};
const getToken = (dv: unknown) => ({
  method: 'post',
  path: '/service/uploadtoken/action/get',
  parameters: [{ name: 'uploadTokenId', dynamicValue: dv }],
});

describe('from-step-path: a dynamicValue must lead somewhere in its source step', () => {
  it('accepts response paths the operation returns, list items, and inputs the step has', () => {
    expect(errorsOf(recipe(addToken, getToken({ fromStep: 0, value: 'id' })))).toEqual([]);
    const list = { method: 'post', path: '/service/media/action/list', parameters: [] };
    expect(errorsOf(recipe(list, getToken({ fromStep: 0, value: 'objects.0.id' })))).toEqual([]);
    expect(errorsOf(recipe(addEntry, getToken({ fromStep: 0, answer: 'body.entry.name' })))).toEqual([]);
    // The whole response: an empty path.
    expect(errorsOf(recipe(addToken, getToken({ fromStep: 0, value: '' })))).toEqual([]);
  });

  it('flags a response path the operation does not return, with the nearest name', () => {
    const errs = errorsOf(recipe(addToken, getToken({ fromStep: 0, value: 'idd' })));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(
      /from-step-path: "uploadTokenId" reads "idd" from the response of step 1 \(fromStep 0\), but the uploadToken.add response has no "idd": did you mean "id"\?/,
    );
  });

  it('flags a path into a scalar and a list read by name', () => {
    const list = { method: 'post', path: '/service/media/action/list', parameters: [] };
    expect(errorsOf(recipe(list, getToken({ fromStep: 0, value: 'objects.id' })))[0]).toContain(
      'it is a list: use a number to pick an item',
    );
    expect(errorsOf(recipe(addToken, getToken({ fromStep: 0, value: 'id.length' })))[0]).toContain(
      '"id" in the uploadToken.add response has no "length"',
    );
  });

  it('flags an input the step does not have, and names the step that has it (off by one)', () => {
    const errs = errorsOf(recipe(addToken, addEntry, getToken({ fromStep: 0, answer: 'body.entry.name' })));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toContain('reads the input "body.entry.name" of step 1 (fromStep 0)');
    expect(errs[0]).toContain('Did you mean fromStep 1 (step 2, "Step 1"), which has it?');
  });

  it('says when a response path is read from the wrong step', () => {
    const errs = errorsOf(recipe(addEntry, addToken, { ...getToken({ fromStep: 0, value: 'uploadUrl' }) }));
    expect(errs[0]).toContain('Did you mean fromStep 1');
  });
});

describe('invalid-default: consoleDefault/default the field cannot take', () => {
  const withDefault = (prop: Record<string, unknown>) =>
    recipe({
      method: 'post',
      path: '/service/media/action/add',
      parameters: [{ name: 'body', in: 'body', schema: { properties: { entry: { properties: prop } } } }],
    });

  it('checks enum members, numbers and booleans against the field from the description', () => {
    expect(errorsOf(withDefault({ mediaType: { consoleDefault: 1 } }))).toEqual([]);
    expect(errorsOf(withDefault({ mediaType: { consoleDefault: '1' } }))).toEqual([]);
    const bad = errorsOf(withDefault({ mediaType: { consoleDefault: 'VIDEO' } }));
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatch(
      /invalid-default: The consoleDefault of "entry.mediaType" cannot be used: "VIDEO" is not one of its choices: did you mean 1 \(VIDEO\)\?/,
    );
    expect(errorsOf(withDefault({ mediaType: { default: 3 } }))[0]).toContain('3 is not one of its choices');
  });

  it('checks a recipe-declared enum, and scalar kinds', () => {
    const src = recipe({
      method: 'post',
      path: '/service/uploadtoken/action/upload',
      parameters: [
        { name: 'resume', consoleDefault: 'yes' },
        { name: 'resumeAt', consoleDefault: 'end' },
        { name: 'uploadTokenId', enum: ['a', 'b'], consoleDefault: 'c' },
      ],
    });
    const errs = errorsOf(src);
    expect(errs).toHaveLength(3);
    expect(errs.join('\n')).toContain('"yes" is not true or false');
    expect(errs.join('\n')).toContain('"end" is not a number');
    expect(errs.join('\n')).toContain('"c" is not one of its choices');
  });

  it('checks an objectType preset against the declared class', () => {
    const add = (preset: string) =>
      recipe({
        method: 'post',
        path: '/service/media/action/addContent',
        parameters: [
          {
            name: 'body',
            in: 'body',
            schema: { properties: { entryId: {}, resource: { properties: { objectType: { consoleDefault: preset } } } } },
          },
        ],
      });
    expect(errorsOf(add('KalturaUploadedFileTokenResource'))).toEqual([]);
    expect(errorsOf(add('KalturaUploadedFileTokenResourse'))[0]).toContain('did you mean "KalturaUploadedFileTokenResource"?');
    expect(errorsOf(add('KalturaMediaEntry'))[0]).toContain('is not KalturaResource or one of its subclasses');
  });
});

describe('unknown-property: narrowed properties the class does not have', () => {
  it('warns with a suggestion, and not for custom ones', () => {
    const src = recipe({
      method: 'post',
      path: '/service/media/action/add',
      parameters: [
        { name: 'body', in: 'body', schema: { properties: { entry: { properties: { mediaTyp: {}, note: { custom: true }, name: {} } } } } },
      ],
    });
    const ds = parseRecipe(src, { api }).diagnostics.filter((d) => d.rule === 'unknown-property');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe('warning');
    expect(ds[0]!.message).toBe(
      'KalturaMediaEntry has no property "mediaTyp" (in "entry"): did you mean "mediaType"? It is not sent by the console; fix the name, or mark it "custom": true if it only feeds samples.',
    );
  });
});

describe("fromSecrets: true (the portal's boolean form)", () => {
  it("pre-fills by the input's own name, and says when the name is no credential", () => {
    const src = recipe({
      parameters: [
        { name: 'partnerId', fromSecrets: true },
        { name: 'secret', 'x-fromSecrets': true },
        { name: 'ks', fromSecrets: 'ks' },
        { name: 'note', fromSecrets: true },
        { name: 'userId', fromSecrets: false },
      ],
    });
    const r = parseRecipe(src, { api });
    const params = r.steps[0]!.apiCall!.parameters;
    expect(params.map((p) => p.fromSecrets)).toEqual(['partnerId', 'secret', 'ks', undefined, undefined]);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const warn = r.diagnostics.filter((d) => d.rule === 'from-secrets-name');
    expect(warn).toHaveLength(1);
    expect(warn[0]!.message).toContain('"note" is none of partnerId, secret, userId, ks');
  });

  it('works inside a schema, by the property key', () => {
    const src = recipe({
      method: 'post',
      path: '/service/session/action/start',
      parameters: [
        { name: 'body', in: 'body', schema: { properties: { secret: { fromSecrets: true }, partnerId: { 'x-fromSecrets': true } } } },
      ],
    });
    const props = parseRecipe(src, { api }).steps[0]!.apiCall!.parameters[0]!.schema!.properties!;
    expect(props.secret!.fromSecrets).toBe('secret');
    expect(props.partnerId!.fromSecrets).toBe('partnerId');
  });
});

describe('misplaced-key: keys inside schema that belong elsewhere', () => {
  it('is an error for a parameter key inside schema and for a property outside "properties"', () => {
    const src = recipe({
      method: 'post',
      path: '/service/media/action/add',
      parameters: [
        {
          name: 'body',
          in: 'body',
          schema: { in: 'body', properties: { entry: { mediaType: { consoleDefault: 1 }, properties: { name: {} } } } },
        },
      ],
    });
    const ds = parseRecipe(src, { api }).diagnostics.filter((d) => d.rule === 'misplaced-key');
    expect(ds.map((d) => `${d.severity}: ${d.message}`)).toEqual([
      'error: "in" belongs on the parameter entry, not inside "schema": move it up one level (in parameters[0].schema)',
      'error: "mediaType" inside "schema" looks like a property, but properties go inside "properties": write "properties": { "mediaType": { ... } } (in parameters[0].schema.properties.entry)',
    ]);
  });

  it('leaves a misspelt keyword and a scalar extra key as warnings', () => {
    const src = recipe({
      method: 'post',
      path: '/service/media/action/add',
      parameters: [{ name: 'body', in: 'body', schema: { propertise: {}, note: 'x', properties: { entry: {} } } }],
    });
    const ds = parseRecipe(src, { api }).diagnostics;
    expect(ds.filter((d) => d.rule === 'misplaced-key')).toEqual([]);
    expect(ds.filter((d) => d.rule === 'unknown-key').map((d) => d.severity)).toEqual(['warning', 'warning']);
  });
});

describe('unknown-path also covers the call that fills a dropdown', () => {
  it('names the dropdown and suggests the nearest operation', () => {
    const src = recipe({
      method: 'post',
      path: '/service/uploadtoken/action/get',
      parameters: [
        {
          name: 'uploadTokenId',
          dynamicEnum: { path: '/service/uploadtoken/action/lst', array: 'objects', value: 'id', label: 'fileName' },
        },
      ],
    });
    const errs = errorsOf(src);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toContain(
      'unknown-path: The dropdown "uploadTokenId" is filled by "/service/uploadtoken/action/lst", which the API does not have: did you mean "/service/uploadtoken/action/list"?',
    );
  });
});

describe('invalid-default without an API description', () => {
  it('checks only what the recipe declares (a boolean default on an undescribed input is fine)', () => {
    const src = recipe({
      method: 'post',
      path: '/service/uploadtoken/action/upload',
      parameters: [
        { name: 'resume', consoleDefault: false },
        { name: 'finalChunk', consoleDefault: true },
        { name: 'mode', enum: ['a', 'b'], consoleDefault: 'c' },
      ],
    });
    const errs = parseRecipe(src).diagnostics.filter((d) => d.rule === 'invalid-default');
    expect(errs.map((d) => d.message)).toEqual([
      'The consoleDefault of "mode" cannot be used: "c" is not one of its choices ("a", "b"). The field takes one of its choices.',
    ]);
  });
});
