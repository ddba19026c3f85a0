/**
 * Arazzo export: every shipped recipe's document validates against the official Arazzo 1.0 JSON
 * Schema (tests/fixtures/arazzo, with ajv's draft 2020-12 validator), refers only to steps, outputs
 * and inputs it defines, and carries dynamic values and `expect` as Arazzo does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import { criteriaOf, recipeToArazzo } from '@/lib/arazzo/export';
import { parseRecipe } from '@/lib/recipe';

const ROOT = join(import.meta.dirname, '../../..');
const api = getKalturaDescription();
const schema = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/arazzo/arazzo-1.0.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addFormat('uri-reference', (s: string) => {
  try {
    new URL(s, 'http://base.invalid/');
    return !/\s/.test(s);
  } catch {
    return false;
  }
});
const validate = ajv.compile(schema);

type Json = any;

function exportOf(file: string, values?: Record<number, Array<{ path: string; value: unknown }>>): Json {
  const recipe = parseRecipe(readFileSync(join(ROOT, file), 'utf8'), { api });
  return recipeToArazzo(recipe, api, {
    slug: file.replace(/^.*\//, '').replace(/\.md$/, ''),
    sourceUrl: 'http://localhost:3000/api_v3/openapi.json',
    ...(values === undefined ? {} : { values }),
  });
}

/** What the schema cannot say: runtime expressions name steps, outputs and inputs that exist. */
function references(doc: Json): string[] {
  const problems: string[] = [];
  for (const w of doc.workflows) {
    const ids = w.steps.map((s: Json) => s.stepId);
    if (new Set(ids).size !== ids.length) problems.push(`duplicate stepIds in ${w.workflowId}`);
    const inputs = Object.keys(w.inputs?.properties ?? {});
    w.steps.forEach((s: Json, k: number) => {
      const text = JSON.stringify({ p: s.parameters, b: s.requestBody });
      for (const [, step, out] of text.matchAll(/\$steps\.([^.]+)\.outputs\.([A-Za-z0-9._-]+)/g)) {
        const src = w.steps.findIndex((x: Json) => x.stepId === step);
        if (src < 0 || src >= k) problems.push(`${s.stepId} refers to ${step}, which is not an earlier step`);
        else if (!w.steps[src].outputs?.[out!]) problems.push(`${s.stepId} refers to output ${out} that ${step} does not define`);
      }
      for (const [, name] of text.matchAll(/\$inputs\.([A-Za-z0-9_]+)/g))
        if (!inputs.includes(name!)) problems.push(`${s.stepId} uses undeclared input ${name}`);
    });
  }
  return problems;
}

const shipped = readdirSync(join(ROOT, 'recipes'))
  .filter((f) => f.endsWith('.md'))
  .sort();

describe('Arazzo export of every shipped recipe', () => {
  it('there are shipped recipes', () => expect(shipped.length).toBeGreaterThanOrEqual(5));

  it.each(shipped)('%s validates against the Arazzo 1.0 schema and refers only to what it defines', (f) => {
    const doc = exportOf(`recipes/${f}`);
    const ok = validate(doc);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(ok).toBe(true);
    expect(references(doc)).toEqual([]);
    const recipe = parseRecipe(readFileSync(join(ROOT, 'recipes', f), 'utf8'));
    expect(doc.workflows[0].steps).toHaveLength(recipe.steps.filter((s) => s.apiCall?.path).length);
  });

  it('the schema is not a rubber stamp: a step without an operation, or an unknown key, is refused', () => {
    const doc = exportOf('recipes/upload-media.md');
    const broken = structuredClone(doc);
    delete broken.workflows[0].steps[0].operationId;
    expect(validate(broken)).toBe(false);
    const extra = structuredClone(doc);
    extra.workflows[0].steps[0].bogus = 1;
    expect(validate(extra)).toBe(false);
    const version = structuredClone(doc);
    version.arazzo = '2.0.0';
    expect(validate(version)).toBe(false);
  });
});

describe('what the export says', () => {
  it('upload-media: outputs for dynamic values, the file and the KS as inputs, multipart upload', () => {
    const w = exportOf('recipes/upload-media.md').workflows[0];
    const [s1, s2, s3, s4] = w.steps;
    expect(s1).toMatchObject({
      stepId: 'step-1-uploading-media-files-create-an-upload',
      operationId: 'uploadToken.add',
      outputs: { id: '$response.body#/id' },
    });
    expect(s1.parameters).toEqual([
      { name: 'format', in: 'query', value: 1 },
      { name: 'ks', in: 'query', value: '$inputs.ks' },
    ]);
    expect(s2.requestBody).toEqual({
      contentType: 'multipart/form-data',
      payload: {
        uploadTokenId: `$steps.${s1.stepId}.outputs.id`,
        resume: false,
        finalChunk: true,
        resumeAt: -1,
        fileData: '$inputs.step2_fileData',
      },
    });
    expect(s3.outputs).toEqual({ id: '$response.body#/id' });
    expect(s4.requestBody.payload).toEqual({
      entryId: `$steps.${s3.stepId}.outputs.id`,
      resource: { objectType: 'KalturaUploadedFileTokenResource', token: `$steps.${s1.stepId}.outputs.id` },
    });
    // entry.mediaType is required by the API and the recipe leaves it to the reader: an input.
    expect(s3.requestBody.payload).toEqual({ entry: { objectType: 'KalturaMediaEntry', mediaType: '$inputs.step3_entry_mediaType' } });
    expect(w.inputs.required).toEqual(['ks', 'step2_fileData', 'step3_entry_mediaType']);
    expect(s2.successCriteria).toEqual([
      { condition: '$statusCode == 200' },
      { condition: "$response.body#/objectType != 'KalturaAPIException'" },
    ]);
  });

  it('given values go into the payload', () => {
    const w = exportOf('recipes/upload-media.md', { 2: [{ path: 'body.entry.mediaType', value: 1 }] }).workflows[0];
    expect(w.steps[2].requestBody.payload).toEqual({ entry: { objectType: 'KalturaMediaEntry', mediaType: 1 } });
  });

  it('list-and-filter-media: an input of an earlier step is copied; a path into a list becomes a JSON pointer', () => {
    const w = exportOf('recipes/list-and-filter-media.md').workflows[0];
    expect(w.steps[1].requestBody.payload.filter.nameLike).toBe('Sunset over the bay');
    expect(w.steps[1].outputs).toEqual({ 'objects.0.id': '$response.body#/objects/0/id' });
    expect(w.steps[2].requestBody.payload).toEqual({ entryId: `$steps.${w.steps[1].stepId}.outputs.objects.0.id` });
  });

  it('manage-upload-tokens: a dropdown that follows an earlier step takes its output, and a later answer of it follows the same output', () => {
    const w = exportOf('recipes/manage-upload-tokens.md').workflows[0];
    const made = `$steps.${w.steps[0].stepId}.outputs.id`;
    expect(w.steps[2].requestBody.payload).toEqual({ uploadTokenId: made });
    expect(w.steps[3].requestBody.payload).toEqual({ uploadTokenId: made });
    expect(w.inputs.required).toEqual(['ks']);
  });

  it('a dropdown filled by a call, with no earlier step to follow, is an input', () => {
    const src = `# D\n\n## Pick\n### API Call\n\`\`\`json\n${JSON.stringify({
      method: 'post',
      path: '/service/uploadtoken/action/get',
      parameters: [
        {
          name: 'uploadTokenId',
          dynamicEnum: { path: '/service/uploadtoken/action/list', array: 'objects', value: 'id', label: 'fileName' },
        },
      ],
    })}\n\`\`\`\n`;
    const doc: Json = recipeToArazzo(parseRecipe(src, { api }), api, { slug: 'd', sourceUrl: 'http://x/openapi.json' });
    const w = doc.workflows[0];
    expect(w.steps[0].requestBody.payload).toEqual({ uploadTokenId: '$inputs.step1_uploadTokenId' });
    expect(w.inputs.properties.step1_uploadTokenId.description).toMatch(
      /uploadTokenId, one of the id of \/service\/uploadtoken\/action\/list/,
    );
  });

  it('start-and-inspect-session: credentials are inputs; session.start needs no KS; its whole answer is an output', () => {
    const w = exportOf('recipes/start-and-inspect-session.md').workflows[0];
    expect(w.steps[1].parameters).toEqual([{ name: 'format', in: 'query', value: 1 }]);
    expect(w.steps[1].requestBody.payload).toMatchObject({ secret: '$inputs.secret', partnerId: '$inputs.partnerId', userId: 'alice' });
    expect(w.steps[1].outputs).toEqual({ result: '$response.body' });
    expect(w.steps[2].requestBody.payload).toEqual({ session: `$steps.${w.steps[1].stepId}.outputs.result` });
  });

  it('expect becomes successCriteria (and is kept as written)', () => {
    const src = `# E\n\n## List\n### API Call\n\`\`\`json\n${JSON.stringify({
      method: 'post',
      path: '/service/media/action/list',
      parameters: [],
      expect: {
        totalCount: { min: 1 },
        '$.objects[0].status': { oneOf: [1, 2] },
        'objects.0.id': { matches: '^0_', exists: true },
        objectType: "it's",
      },
    })}\n\`\`\`\n`;
    const doc: Json = recipeToArazzo(parseRecipe(src, { api }), api, { slug: 'e', sourceUrl: 'http://x/openapi.json' });
    expect(validate(doc)).toBe(true);
    const s = doc.workflows[0].steps[0];
    expect(s.successCriteria.slice(2)).toEqual([
      { condition: '$response.body#/totalCount >= 1' },
      { condition: '($response.body#/objects/0/status == 1 || $response.body#/objects/0/status == 2)' },
      { context: '$response.body#/objects/0/id', condition: '^0_', type: 'regex' },
      { condition: '$response.body#/objects/0/id != null' },
      { condition: "$response.body#/objectType == 'it''s'" },
    ]);
    expect(s['x-recipe-expect']).toEqual({
      totalCount: [{ op: 'min', value: 1 }],
      '$.objects[0].status': [{ op: 'oneOf', values: [1, 2] }],
      'objects.0.id': [
        { op: 'matches', pattern: '^0_' },
        { op: 'exists', value: true },
      ],
      objectType: [{ op: 'equals', value: "it's" }],
    });
  });

  it('criteriaOf: objects compare leaf by leaf; a key with "/" or "~" is escaped', () => {
    expect(criteriaOf(['a/b', 'c~d'], { op: 'equals', value: { x: [1, null] } })).toEqual([
      { condition: '$response.body#/a~1b/c~0d/x/0 == 1' },
      { condition: '$response.body#/a~1b/c~0d/x/1 == null' },
    ]);
    expect(criteriaOf([], { op: 'exists', value: false })).toEqual([{ condition: '$response.body == null' }]);
  });
});

describe('npm run recipes:export', () => {
  const cli = (...args: string[]) => {
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/recipes-export.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('writes the document to --output, the same as the library makes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arazzo-'));
    try {
      const out = join(dir, 'upload.arazzo.json');
      const r = cli('recipes/upload-media.md', '--format', 'arazzo', '--output', out, '--value', '3.entry.mediaType=1');
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const doc = JSON.parse(readFileSync(out, 'utf8'));
      expect(doc).toEqual(exportOf('recipes/upload-media.md', { 2: [{ path: 'body.entry.mediaType', value: 1 }] }));
      expect(validate(doc)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it.each([
    [['recipes/upload-media.md'], /--format is required/],
    [['recipes/upload-media.md', '--format', 'yaml'], /unknown --format "yaml"/],
    [['recipes/upload-media.md', '--format', 'arazzo', '--source-url', 'ftp://x'], /--source-url must be an http\(s\) URL/],
    [['nope.md', '--format', 'arazzo'], /cannot read nope\.md: no such file/],
    [['recipes/upload-media.md', '--format', 'arazzo', '--value', '7.x=1'], /there is no step 7/],
  ])(
    '%j fails with a clear message',
    (args, message) => {
      const r = cli(...(args as string[]));
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
    },
    30_000,
  );
});
