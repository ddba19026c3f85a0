import { describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import { apiCallSchema, metadataSchema } from '@/lib/recipe';
import { keysAt, suggest, type CompletionSources } from '@/lib/author/completions';
import { cursorContext } from '@/lib/author/cursor-context';

const sources: CompletionSources = {
  api: getKalturaDescription(),
  apiCallSchema,
  metadataSchema,
  recipeSlugs: ['upload-media', 'list-media'],
  steps: [
    { index: 0, title: 'Create a token', hasCall: true },
    { index: 1, title: 'Explain', hasCall: false },
    { index: 2, title: 'Get it', hasCall: true },
  ],
};

function at(marked: string) {
  const i = marked.indexOf('|');
  const text = marked.slice(0, i) + marked.slice(i + 1);
  return { text, ctx: cursorContext(text, i) };
}

const call = (json: string) => `# T\n## A\nx\n## B\ny\n## C\n### API Call\n\`\`\`json\n${json}\n\`\`\`\n`;

/** Applies a suggestion to the text (snippet placeholders dropped) and returns the result. */
function apply(text: string, s: { insertText: string; replaceStart: number; replaceEnd: number }): string {
  const plain = s.insertText
    .replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
  return text.slice(0, s.replaceStart) + plain + text.slice(s.replaceEnd);
}

describe('keysAt (documentation from the JSON Schemas)', () => {
  it('lists the parameter keys with their descriptions, x- spellings included', () => {
    const keys = keysAt(apiCallSchema, ['parameters', 0]);
    const byKey = new Map(keys.map((k) => [k.key, k]));
    for (const k of [
      'name',
      'in',
      'schema',
      'consoleDefault',
      'enumLabels',
      'hidden',
      'custom',
      'fromSecrets',
      'x-inputType',
      'dynamicValue',
      'dynamicEnum',
      'global',
    ]) {
      expect(byKey.has(k), k).toBe(true);
    }
    expect(byKey.get('hidden')?.description).toMatch(/still sent/);
    expect(byKey.get('dynamicValue')?.description).toBeTruthy();
    expect(byKey.get('fromSecrets')?.enumValues).toEqual(['partnerId', 'secret', 'userId', 'ks', true, false]);
  });

  it('follows $ref into dynamicValue and into nested schema properties', () => {
    expect(keysAt(apiCallSchema, ['parameters', 0, 'dynamicValue']).map((k) => k.key)).toEqual(
      expect.arrayContaining(['fromStep', 'value', 'answer']),
    );
    const nested = keysAt(apiCallSchema, ['parameters', 0, 'schema', 'properties', 'entry', 'properties', 'mediaType']).map((k) => k.key);
    expect(nested).toEqual(expect.arrayContaining(['consoleDefault', 'x-consoleDefault', 'dynamicValue', 'properties']));
  });
});

describe('suggest', () => {
  it('completes operation paths from the API description, with summaries, inside the string', () => {
    const { text, ctx } = at(call('{ "method": "post", "path": "/service/med|" }'));
    const items = suggest(ctx, sources);
    const add = items.find((s) => s.label === '/service/media/action/add');
    expect(add).toBeDefined();
    expect(add!.kind).toBe('operation');
    expect(add!.detail).toBeTruthy();
    expect(items.some((s) => s.label === '/service/uploadtoken/action/add')).toBe(true);
    expect(apply(text, add!)).toContain('"path": "/service/media/action/add" }');
  });

  it("completes the chosen operation's parameter names (and body for object parameters)", () => {
    const { ctx } = at(call('{ "path": "/service/uploadtoken/action/upload", "parameters": [ { "name": "|" } ] }'));
    const names = suggest(ctx, sources).map((s) => s.label);
    expect(names).toEqual(expect.arrayContaining(['uploadTokenId', 'fileData', 'resume', 'finalChunk', 'resumeAt']));
    const media = suggest(at(call('{ "path": "/service/media/action/add", "parameters": [ { "name": "|" } ] }')).ctx, sources).map(
      (s) => s.label,
    );
    expect(media).toEqual(expect.arrayContaining(['entry', 'body']));
    expect(media).not.toContain('uploadTokenId');
  });

  it('completes the format\'s keys with documentation, and inserts "key": value outside quotes', () => {
    const { text, ctx } = at(call('{ "path": "/service/uploadtoken/action/get", "parameters": [ { "name": "uploadTokenId", | } ] }'));
    const items = suggest(ctx, sources);
    const dv = items.find((s) => s.label === 'dynamicValue')!;
    expect(dv.documentation).toBeTruthy();
    const out = apply(text, dv);
    expect(out).toContain('"name": "uploadTokenId", "dynamicValue": { "fromStep": 0, "value": "id" } }');
    const hidden = items.find((s) => s.label === 'hidden')!;
    expect(hidden.documentation).toMatch(/still sent/);
    expect(apply(text, hidden)).toContain('"hidden": true }');
    // Bare spellings sort before their x- twins.
    const cd = items.find((s) => s.label === 'consoleDefault')!;
    const xcd = items.find((s) => s.label === 'x-consoleDefault')!;
    expect(cd.sortText! < xcd.sortText!).toBe(true);
  });

  it('inside quotes a key completion keeps the quotes and does not add a second colon', () => {
    const { text, ctx } = at(call('{ "parameters": [ { "name": "a", "consoleDef|": 1 } ] }'));
    const cd = suggest(ctx, sources).find((s) => s.label === 'consoleDefault')!;
    expect(apply(text, cd)).toContain('{ "name": "a", "consoleDefault": 1 }');
    const typed = at(call('{ "parameters": [ { "name": "a", "hid| } ] }'));
    const h = suggest(typed.ctx, sources).find((s) => s.label === 'hidden')!;
    expect(apply(typed.text, h)).toContain('"name": "a", "hidden": true } ] }');
  });

  it('completes top-level API Call keys and METADATA keys', () => {
    const top = suggest(at(call('{ | }')).ctx, sources).map((s) => s.label);
    expect(top).toEqual(expect.arrayContaining(['method', 'path', 'parameters', 'ignoreParameters', 'disableSetupCode']));
    const meta = at('<!--METADATA\n{ "so| }\n-->\n# T\n');
    const items = suggest(meta.ctx, sources);
    expect(items.map((s) => s.label)).toEqual(
      expect.arrayContaining(['summary', 'icon', 'sortOrder', 'tags', 'keywords', 'hidden', 'relatedRecipes']),
    );
    expect(items.find((s) => s.label === 'sortOrder')!.documentation).toMatch(/ascending/);
    const related = suggest(at('<!--METADATA\n{ "relatedRecipes": ["|"] }\n-->\n# T\n').ctx, sources).map((s) => s.label);
    expect(related).toEqual(['upload-media', 'list-media']);
  });

  it('offers only earlier steps for fromStep, marking steps without a call', () => {
    const items = suggest(at(call('{ "parameters": [ { "name": "a", "dynamicValue": { "fromStep": | } } ] }')).ctx, sources);
    expect(items.map((s) => s.label)).toEqual(['0', '1']);
    expect(items[1]!.detail).toMatch(/no API call/);
  });

  it('offers enum values from the schema (in, fromSecrets, x-inputType)', () => {
    expect(suggest(at(call('{ "parameters": [ { "name": "a", "in": "|" } ] }')).ctx, sources).map((s) => s.label)).toEqual(
      expect.arrayContaining(['body', 'query', 'formData']),
    );
    expect(suggest(at(call('{ "parameters": [ { "name": "a", "fromSecrets": | } ] }')).ctx, sources).map((s) => s.insertText)).toEqual([
      '"partnerId"',
      '"secret"',
      '"userId"',
      '"ks"',
      'true',
      'false',
    ]);
    expect(suggest(at(call('{ "parameters": [ { "name": "a", "x-inputType": "|" } ] }')).ctx, sources).map((s) => s.label)).toContain(
      'textarea',
    );
  });

  it("inside a body schema, lists the operation's parameters and then the class's properties", () => {
    const top = suggest(
      at(
        call(
          '{ "path": "/service/media/action/add", "parameters": [ { "name": "body", "in": "body", "schema": { "properties": { | } } } ] }',
        ),
      ).ctx,
      sources,
    );
    expect(top.map((s) => s.label)).toEqual(['entry']);
    const entry = suggest(
      at(
        call(
          '{ "path": "/service/media/action/add", "parameters": [ { "name": "body", "schema": { "properties": { "entry": { "properties": { "| } } } } } ] }',
        ),
      ).ctx,
      sources,
    ).map((s) => s.label);
    expect(entry).toEqual(expect.arrayContaining(['name', 'description', 'mediaType']));
    expect(entry).not.toContain('id'); // read-only
  });

  it('snippets outside JSON blocks', () => {
    const none = suggest(at('# T\n\n|').ctx, sources);
    expect(none.map((s) => s.label)).toEqual(['step', 'apicall', 'samplecode']);
    expect(none.every((s) => s.snippet)).toBe(true);
  });
});
