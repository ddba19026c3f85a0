/** What a step's code tabs show: offered languages, hand-written samples, masking, setup toggle. */
import { describe, expect, it } from 'vitest';
import { GENERATORS, LANGUAGE_IDS } from '@/lib/codegen';
import { parseRecipe } from '@/lib/recipe';
import type { RequestModel } from '@/lib/request/types';
import { programFileName, programText, sampleTabs, sampleText, setupAllowed } from '@/lib/samples/tabs';
import { api, buildModels, connection, ctxOf, loadRecipe, TOKEN, uploadEdit, uploadResults } from '../codegen/fixtures';

const recipe = loadRecipe('recipes/upload-media.md');
const models = buildModels(recipe, { edit: uploadEdit, results: uploadResults, filePath: '/tmp/v.mp4' });
const opts = (over: Partial<Parameters<typeof sampleText>[1]> = {}) => ({
  request: models[1]!,
  answers: {},
  connection,
  api,
  setup: false,
  secrets: 'masked' as const,
  ...over,
});

describe('sample tabs of a step', () => {
  it('offers the blocks a step has, hand-written ones as written', () => {
    const tabs = sampleTabs(recipe.steps[0]!);
    expect(tabs.map((t) => t.id)).toEqual(['ajax', 'angular', 'csharp', 'curl', 'java', 'node', 'php', 'php53', 'python', 'ruby', 'swift']);
    const ajax = tabs[0]!;
    expect(ajax.sample.auto).toBe(false);
    expect(sampleText(ajax, opts({ request: models[0]! }), undefined)).toBe(ajax.sample.code);
    expect(setupAllowed(recipe.steps[0]!, ajax, models[0]!)).toBe(false);
    expect(setupAllowed(recipe.steps[0]!, tabs[1]!, models[0]!)).toBe(true);
  });

  it('a step with no Sample Code block offers every language, generated', () => {
    const tabs = sampleTabs(recipe.steps[2]!);
    expect(tabs.map((t) => t.id).sort()).toEqual([...LANGUAGE_IDS].sort());
    expect(tabs.every((t) => t.sample.auto)).toBe(true);
  });

  it('fills placeholders of hand-written samples and masks secrets in them', () => {
    const r = parseRecipe(
      '# T\n\n## S\n\n### API Call\n```json\n{"parameters": [{"name": "who", "custom": true}]}\n```\n\n### Sample Code (python)\n```py\nprint("<%- answers.who %>", "<%= answers.who %>")\nsecret = "<%- answers.s %>"\n```\n',
    );
    const tab = sampleTabs(r.steps[0]!)[0]!;
    const text = sampleText(tab, opts({ request: null, answers: { who: 'a<b>', s: connection.secret } }), undefined);
    expect(text).toContain('print("a<b>", "a&lt;b&gt;")');
    expect(text).not.toContain(connection.secret!);
    expect(text).toContain('YOUR_ADMIN_SECRET');
    expect(sampleText(tab, opts({ request: null, answers: { s: connection.secret }, secrets: 'shown' }), undefined)).toContain(
      connection.secret!,
    );
  });

  it('honours disableSetupCode', () => {
    const r = parseRecipe(
      '# T\n\n## S\n\n### API Call\n```json\n{"method": "post", "path": "/service/uploadtoken/action/add", "parameters": [], "disableSetupCode": true}\n```\n',
    );
    const tab = sampleTabs(r.steps[0]!)[0]!;
    expect(setupAllowed(r.steps[0]!, tab, models[0]!)).toBe(false);
  });

  it('says so for a step without a call and for a language without a generator', () => {
    const tab = sampleTabs(recipe.steps[2]!).find((t) => t.id === 'python')!;
    expect(sampleText(tab, opts({ request: null }), GENERATORS.python)).toMatch(/^# This step makes no API call/);
    const html = { ...tab, id: 'html', sample: { ...tab.sample, language: 'html' } };
    expect(sampleText(html, opts(), undefined)).toMatch(/No code generator for "html"/);
  });
});

describe('secrets', () => {
  it('masked: no language, step, setup or program contains the admin secret or the KS', () => {
    const all = models.filter((m): m is RequestModel => m !== null);
    for (const id of LANGUAGE_IDS) {
      const g = GENERATORS[id];
      for (const m of all) {
        for (const setup of [false, true]) {
          const code = g.step(m, ctxOf({ setup }));
          expect(code, `${id} step ${m.stepIndex + 1}`).not.toContain(connection.secret!);
          expect(code, `${id} step ${m.stepIndex + 1}`).not.toContain(connection.ks!);
        }
      }
      const program = g.program(all, ctxOf());
      expect(program).not.toContain(connection.secret!);
      expect(program).toContain('YOUR_ADMIN_SECRET');
      // Shown: the set-up carries the real secret, so the program runs as saved.
      expect(g.program(all, ctxOf({ secrets: 'shown' }))).toContain(connection.secret!);
    }
  });

  it('masks a parameter the request marks as secret', () => {
    const m: RequestModel = {
      stepIndex: 0,
      service: 'session',
      action: 'start',
      method: 'POST',
      serviceUrl: connection.serviceUrl,
      format: 1,
      params: [{ name: 'secret', value: { kind: 'string', value: 'another-secret-value' }, secret: true }],
    };
    for (const id of LANGUAGE_IDS) {
      expect(GENERATORS[id].step(m, ctxOf()), id).not.toContain('another-secret-value');
      expect(GENERATORS[id].step(m, ctxOf({ secrets: 'shown' })), id).toContain('another-secret-value');
    }
  });
});

describe('values follow the form and earlier steps', () => {
  it('a changed form value changes every language sample', () => {
    const edited = buildModels(recipe, {
      results: uploadResults,
      edit: (v, i) => (i === 2 ? { ...v, body: { entry: { objectType: 'KalturaMediaEntry', mediaType: 2, name: 'Sunset photo' } } } : v),
    });
    for (const id of LANGUAGE_IDS) {
      const before = GENERATORS[id].step(models[2]!, ctxOf());
      const after = GENERATORS[id].step(edited[2]!, ctxOf());
      expect(after, id).not.toBe(before);
      expect(after, id).toContain('Sunset photo');
      expect(after, id).not.toContain('Kaltura Logo');
    }
  });

  it('a single step shows the live value of an earlier step, or declares a variable to fill in before it ran', () => {
    const notRun = buildModels(recipe, { edit: uploadEdit });
    for (const id of LANGUAGE_IDS) {
      expect(GENERATORS[id].step(models[1]!, ctxOf()), id).toContain(TOKEN);
      const code = GENERATORS[id].step(notRun[1]!, ctxOf());
      expect(code, id).not.toContain('{result of step 1');
      // The variable comes first, with a comment saying what to put there.
      const first = code.split('\n').find((l) => l !== '' && !/^(<\?php|import |use |\/\/ In a component)/.test(l));
      expect(first, id).toMatch(/FILL IN: id of step 1's result/);
      expect(code, id).toContain('YOUR_UPLOAD_TOKEN_ID');
    }
  });

  it('the whole program chains a variable, never the live value', () => {
    const all = models.filter((m): m is RequestModel => m !== null);
    const expected: Record<string, string> = {
      ajax: 'uploadToken.id',
      angular: 'uploadToken.id',
      csharp: 'uploadToken.Id',
      curl: `jq -r .id`,
      java: 'uploadToken.getId()',
      node: 'uploadToken.id',
      php: '$uploadToken->id',
      php53: '$uploadToken->id',
      python: 'upload_token.id',
      ruby: 'upload_token.id',
      swift: 'uploadToken.id!',
    };
    for (const id of LANGUAGE_IDS) {
      const program = GENERATORS[id].program(all, ctxOf());
      expect(program, id).not.toContain(TOKEN);
      expect(program, id).toContain(expected[id]);
    }
  });

  it('programs are named for download with the language extension', () => {
    expect(programFileName(recipe, 'python')).toBe('uploading-media-files.py');
    expect(programFileName(recipe, 'php53')).toBe('uploading-media-files.php');
    expect(programFileName(recipe, 'java')).toBe('CodeExample.java');
    expect(programText(GENERATORS.curl, recipe, [null], connection, 'masked', api)).toMatch(/has no API calls/);
  });
});
