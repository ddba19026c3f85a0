import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ruleById } from '@/lib/recipe';

const root = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'recipes-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lint(...args: string[]) {
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/recipes-lint.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout.trim() ? r.stdout.trim().split('\n') : [], err: r.stderr };
}
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
/** `path:line:col: error|warning: message [rule-id]`, as docs/authoring.md's problem matcher reads it. */
const LINE = /^(.+):(\d+):(\d+): (error|warning): (.{10,}) \[([a-z]+(?:-[a-z]+)*)\]$/;

describe('npm run recipes:lint', () => {
  it('passes the seed with no output and exit 0', () => {
    const r = lint('recipes/upload-media.md');
    expect(r.out).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('0 errors, 0 warnings in 1 file.');
  });

  it('prints path:line:col: severity: message [rule-id] per problem and exits 1 on errors', () => {
    const bad = file(
      'bad.md',
      [
        '<!--METADATA',
        '{ "sortOrdr": 1 }',
        '-->',
        '# T',
        '# Again',
        '## S',
        '### API Call',
        '```json',
        '{ "method": "post", "path": "/service/media/action/ad", "parameters": [',
        '  { "name": "x", "dynamicValue": { "fromStep": 3, "value": "id" } }',
        '] }',
        '```',
        '',
      ].join('\n'),
    );
    const r = lint(bad);
    expect(r.code).toBe(1);
    for (const l of r.out) expect(l).toMatch(LINE);
    expect(r.out).toEqual([
      `${bad}:2:3: warning: Unknown key "sortOrdr" in METADATA: did you mean "sortOrder"? [unknown-key]`,
      `${bad}:5:1: error: A second title ("# " heading): a recipe has exactly one. Make this a step ("## ") or a subsection ("### "), or remove it. [multiple-titles]`,
      `${bad}:9:29: error: The API has no operation "/service/media/action/ad": did you mean "/service/media/action/add"? [unknown-path]`,
      `${bad}:10:48: error: "x" is in the first step, which has no earlier step to take a value from (fromStep 3): remove the dynamicValue, or move this input to a later step. [from-step-out-of-range]`,
    ]);
    expect(r.err).toContain('3 errors, 1 warning in 1 file.');
  });

  it('prints lines that the VS Code problem matcher of docs/authoring.md reads, rule id included', () => {
    const doc = readFileSync(join(root, 'docs/authoring.md'), 'utf8');
    const json = /```json\n(\{\n  "version": "2\.0\.0",[\s\S]*?)\n```/.exec(doc);
    expect(json, 'the tasks.json example in docs/authoring.md').not.toBeNull();
    const pattern = JSON.parse(json![1]!).tasks[0].problemMatcher.pattern;
    const re = new RegExp(pattern.regexp);
    const bad = file(
      'matcher.md',
      '# T\n# Again\n## S\n### API Call\n```json\n{ "parameters": [{ "name": "x", "enumLabels": ["a"] }] }\n```\n',
    );
    const r = lint('--no-api', bad);
    expect(r.out).toHaveLength(2);
    const read = r.out.map((l) => {
      const m = re.exec(l);
      expect(m, l).not.toBeNull();
      return [m![pattern.file], m![pattern.line], m![pattern.column], m![pattern.severity], m![pattern.code]];
    });
    expect(read).toEqual([
      [bad, '2', '1', 'error', 'multiple-titles'],
      [bad, '6', '47', 'warning', 'enum-labels-without-enum'],
    ]);
    for (const [, , , , code] of read) expect(ruleById(code!), code).toBeDefined();
  });

  it('exits 0 when there are only warnings', () => {
    const warn = file(
      'warn.md',
      '# T\n## S\n### API Call\n```\n{ "path": "/service/media/action/add", "parameters": [{ "name": "body", "in": "body", "consoleDefualt": 1, "custom": true }] }\n```\n',
    );
    const r = lint(warn);
    expect(r.out).toEqual([
      `${warn}:5:87: warning: Unknown key "consoleDefualt" in the API Call block (in parameters[0]): did you mean "consoleDefault"? [unknown-key]`,
    ]);
    expect(r.code).toBe(0);
  });

  it('checks parameters against the API description, and skips it with --no-api', () => {
    const p = file(
      'param.md',
      '# T\n## S\n### API Call\n```\n{ "method": "post", "path": "/service/uploadtoken/action/upload", "parameters": [{ "name": "resumeAtt" }] }\n```\n',
    );
    const r = lint(p);
    // An input the operation does not take is a warning: it may only feed samples.
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    expect(r.out[0]).toMatch(
      new RegExp(
        `^${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:92: warning: uploadToken\\.upload has no parameter "resumeAtt": did you mean "resumeAt"\\? .* \\[unknown-parameter\\]$`,
      ),
    );
    const r2 = lint('--no-api', p);
    expect(r2.out).toEqual([]);
    expect(r2.code).toBe(0);
  });

  it('checks a recipe that names its own description ("openapi") against that one, not Kaltura\'s', () => {
    file(
      'pets.json',
      JSON.stringify({
        openapi: '3.0.3',
        info: { title: 'Pets', version: '1' },
        paths: {
          '/pets': {
            get: {
              operationId: 'pets.list',
              parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }],
              responses: { '200': { description: 'ok' } },
            },
          },
        },
      }),
    );
    const own = file(
      'own.md',
      '<!--METADATA\n{ "openapi": "pets.json" }\n-->\n# T\n## S\n### API Call\n```\n{ "path": "/pets", "parameters": [{ "name": "limit" }, { "name": "limt" }] }\n```\n',
    );
    const r = lint(own);
    expect(r.out).toHaveLength(1);
    expect(r.out[0]).toContain('warning: pets.list has no parameter "limt": did you mean "limit"?');
    expect(r.code).toBe(0);
    // A description that cannot be loaded: the recipe's format is still checked, and it says why.
    const missing = file(
      'missing-own.md',
      '<!--METADATA\n{ "openapi": "nope.json" }\n-->\n# T\n## S\n### API Call\n```\n{ "path": "/pets" }\n```\n',
    );
    const r2 = lint(missing);
    expect(r2.out).toEqual([]);
    expect(r2.err).toContain('paths and parameters not checked');
    expect(r2.err).toContain('nope.json (no such file)');
  });

  it('takes the description from --api (repeatable) or RECIPES_API, and stops when it cannot be read', () => {
    const pets = file(
      'pets2.json',
      JSON.stringify({
        openapi: '3.0.3',
        info: { title: 'P', version: '1' },
        paths: { '/pets': { post: { operationId: 'pets.add', responses: { '200': { description: 'ok' } } } } },
      }),
    );
    const rec = file('pets-recipe.md', '# T\n## S\n### API Call\n```\n{ "path": "/pets" }\n```\n');
    expect(lint(rec).out[0]).toContain('error: The API has no operation "/pets"');
    const r = lint('--api', pets, rec);
    expect(r.out).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`checking against ${pets}`);
    const bad = lint('--api', join(dir, 'absent.json'), rec);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('absent.json (no such file)');
    const env = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/recipes-lint.ts'), rec], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, RECIPES_API: pets },
    });
    expect(env.status).toBe(0);
    expect(env.stdout).toBe('');
  });

  it('reports a missing file clearly and exits 1', () => {
    const missing = join(dir, 'nope.md');
    const r = lint(missing, 'recipes/upload-media.md');
    expect(r.out).toEqual([`${missing}: error: cannot read the file (no such file): check the path.`]);
    expect(r.code).toBe(1);
  });

  it('with no arguments lints every recipes/*.md', () => {
    const r = lint();
    const n = readdirSync(join(root, 'recipes')).filter((f) => f.endsWith('.md')).length;
    expect(r.err).toContain(`in ${n} file${n === 1 ? '' : 's'}.`);
    for (const l of r.out) expect(l).toMatch(LINE);
    expect(r.code).toBe(r.out.some((l) => / error: /.test(l)) ? 1 : 0);
  });
});
