import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ApiDescription, Operation } from '@/lib/description/types';
import { getKalturaDescription } from '@/lib/description';
import { apiCallSchema, metadataSchema, parseRecipe, type Diagnostic, type LintRule } from '@/lib/recipe';

const seed = readFileSync(new URL('../../../recipes/upload-media.md', import.meta.url), 'utf8');
const show = (d: Diagnostic) => `${d.line}:${d.column} ${d.severity} ${d.rule}: ${d.message}`;

/** A tiny API description: two operations. */
function fakeApi(): ApiDescription {
  const param = (name: string) => ({ name, type: { kind: 'string' as const }, required: false });
  const ops: Operation[] = [
    { path: '/service/media/action/add', service: 'media', action: 'add', params: [param('entry')], requiresKs: true },
    {
      path: '/service/uploadToken/action/upload',
      service: 'uploadToken',
      action: 'upload',
      params: ['uploadTokenId', 'fileData', 'resume'].map(param),
      requiresKs: true,
    },
  ];
  return {
    document: {},
    operation: (p) => ops.find((o) => o.path.toLowerCase() === p.toLowerCase()),
    operationByName: (s, a) => ops.find((o) => o.service === s && o.action === a),
    operations: () => ops,
    getClass: () => undefined,
    getEnum: () => undefined,
    allProperties: () => [],
    concreteSubclasses: () => [],
    isSubclassOf: () => false,
  };
}

const call = (json: string) => `# T\n## S\n### API Call\n\`\`\`json\n${json}\n\`\`\`\n`;

describe('API-aware rules', () => {
  const api = fakeApi();

  it('run only when an API description is given', () => {
    const src = call('{ "path": "/service/nope/action/x", "parameters": [] }');
    expect(parseRecipe(src).diagnostics).toEqual([]);
    expect(parseRecipe(src, { api }).diagnostics.map((d) => d.rule)).toEqual(['unknown-path']);
  });

  it('unknown-path: finds paths case-insensitively and suggests the nearest', () => {
    expect(parseRecipe(call('{ "path": "/service/UPLOADTOKEN/action/upload" }'), { api }).diagnostics).toEqual([]);
    const d = parseRecipe(call('{ "path": "/service/media/action/ad" }'), { api }).diagnostics;
    expect(d.map(show)).toEqual([
      '5:11 error unknown-path: The API has no operation "/service/media/action/ad": did you mean "/service/media/action/add"?',
    ]);
    expect(d[0]).toMatchObject({ endLine: 5, endColumn: 37, stepIndex: 0 });
  });

  it('unknown-path: lists the actions of a known service, or says how to fix an unknown one', () => {
    const a = parseRecipe(call('{ "path": "/service/media/action/frobnicate" }'), { api }).diagnostics;
    expect(a.map(show)).toEqual([
      '5:11 error unknown-path: The API has no operation "/service/media/action/frobnicate": the media service has the actions add.',
    ]);
    const b = parseRecipe(call('{ "path": "/service/cuepoint_cuepoint/action/list" }'), { api }).diagnostics;
    expect(b[0]!.message).toContain('Check the service and action names (/service/<service>/action/<action>)');
  });

  it('unknown-parameter: by name, with a suggestion; custom inputs and common parameters are fine', () => {
    const src = call(
      '{ "path": "/service/uploadtoken/action/upload", "parameters": [\n{ "name": "uploadTokenID" },\n{ "name": "note", "custom": true },\n{ "name": "ks" },\n{ "name": "zzz" }\n] }',
    );
    expect(parseRecipe(src, { api }).diagnostics.map(show)).toEqual([
      '6:11 warning unknown-parameter: uploadToken.upload has no parameter "uploadTokenID": did you mean "uploadTokenId"? It is not sent by the console; fix the name, or mark the input "custom": true if it only feeds samples or later steps.',
      '9:11 warning unknown-parameter: uploadToken.upload has no parameter "zzz" (its parameters are uploadTokenId, fileData, resume). It is not sent by the console; fix the name, or mark the input "custom": true if it only feeds samples or later steps.',
    ]);
  });

  it("unknown-parameter: a JSON body is checked by its schema's top-level properties", () => {
    const src = call(
      '{ "path": "/service/media/action/add", "parameters": [{ "name": "body", "in": "body", "schema": { "properties": {\n  "entry": {},\n  "entyr": {},\n  "mine": { "x-custom": true } } } }] }',
    );
    expect(parseRecipe(src, { api }).diagnostics.map(show)).toEqual([
      '7:3 warning unknown-parameter: media.add has no parameter "entyr": did you mean "entry"? It is not sent by the console; fix the name, or mark the input "custom": true if it only feeds samples or later steps.',
    ]);
  });

  it('the seed lints clean against the real Kaltura description, and typos in it are caught', () => {
    const kaltura = getKalturaDescription();
    expect(parseRecipe(seed, { api: kaltura }).diagnostics).toEqual([]);
    const broken = seed
      .replace('"name": "resumeAt"', '"name": "resumeAtt"')
      .replace('"entryId": {\n            "dynamicValue"', '"entryIdd": {\n            "dynamicValue"');
    expect(parseRecipe(broken, { api: kaltura }).diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.stepIndex}`)).toEqual([
      '143:15 unknown-parameter 1',
      '278:11 unknown-parameter 3',
    ]);
  });
});

describe('the rule interface', () => {
  it('runs extra rules with the model, the source and locate()', () => {
    const rule: LintRule = {
      id: 'no-resume',
      run: ({ recipe, locate, source }) =>
        recipe.steps.flatMap((s) =>
          (s.apiCall?.parameters ?? [])
            .filter((p) => p.name === 'resume')
            .map((p) => {
              const r = locate(p, 'name')!;
              expect(source.slice(r.start.offset, r.end.offset)).toBe('"resume"');
              return {
                severity: 'warning' as const,
                rule: 'no-resume',
                message: 'Avoid resume in this test.',
                line: r.start.line,
                column: r.start.column,
                endLine: r.end.line,
                endColumn: r.end.column,
                stepIndex: s.index,
              };
            }),
        ),
    };
    expect(parseRecipe(seed, { rules: [rule] }).diagnostics.map(show)).toEqual(['121:15 warning no-resume: Avoid resume in this test.']);
  });

  it('turns a failing rule into a diagnostic instead of throwing', () => {
    const bad: LintRule = {
      id: 'boom',
      run: () => {
        throw new Error('kaput');
      },
    };
    const d = parseRecipe(seed, { rules: [bad] }).diagnostics;
    expect(d.map((x) => x.rule)).toEqual(['internal-error']);
    expect(d[0]!.message).toContain('Lint rule "boom" failed (kaput)');
  });
});

describe('JSON Schemas (also for editors)', () => {
  it('describe every top-level key and the parameter keys', () => {
    for (const s of [metadataSchema, apiCallSchema] as Array<{ properties: Record<string, { description?: string }> }>) {
      for (const [k, v] of Object.entries(s.properties)) expect(v.description, k).toBeTruthy();
    }
    const param = (
      apiCallSchema as unknown as { definitions: { parameter: { properties: Record<string, { description?: string; $ref?: string }> } } }
    ).definitions.parameter;
    for (const [k, v] of Object.entries(param.properties)) expect(v.description ?? v.$ref, k).toBeTruthy();
    expect(Object.keys(param.properties)).toEqual(
      expect.arrayContaining([
        'consoleDefault',
        'x-consoleDefault',
        'enumLabels',
        'x-enumLabels',
        'dynamicValue',
        'fromSecrets',
        'x-inputType',
      ]),
    );
  });
});
