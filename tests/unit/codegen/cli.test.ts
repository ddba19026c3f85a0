/** `npm run recipes:code`: prints the same code as the page, and says what is wrong with bad arguments. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATORS } from '@/lib/codegen';
import type { RequestModel } from '@/lib/request/types';
import { api, buildModels, loadRecipe, ROOT } from './fixtures';

function cli(...args: string[]) {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/recipes-code.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const recipe = loadRecipe('recipes/upload-media.md');
const conn = { serviceUrl: 'https://www.kaltura.com', partnerId: 123, secret: 'cli-secret-value' };

describe('recipes:code', () => {
  it('prints a step (1-based) exactly as the generator does, with --file and --setup', () => {
    const r = cli(
      'recipes/upload-media.md',
      '--lang',
      'python',
      '--step',
      '2',
      '--setup',
      '--service-url',
      'https://www.kaltura.com',
      '--partner-id',
      '123',
      '--secret',
      'cli-secret-value',
      '--file',
      '/data/clip.mp4',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const model = buildModels(recipe, { conn, filePath: '/data/clip.mp4' })[1]!;
    expect(r.out).toBe(GENERATORS.python.step(model, { api, connection: conn, setup: true, secrets: 'shown', filePath: '/data/clip.mp4' }));
    expect(r.out).toContain('open("/data/clip.mp4", "rb")');
    expect(r.out).toContain('"cli-secret-value"');
  }, 30_000);

  it('prints the whole recipe as one program', () => {
    const r = cli(
      'recipes/upload-media.md',
      '--lang',
      'node',
      '--whole',
      '--service-url',
      'https://www.kaltura.com',
      '--partner-id',
      '123',
      '--secret',
      'cli-secret-value',
      '--file=/data/clip.mp4',
    );
    expect(r.code).toBe(0);
    const models = buildModels(recipe, { conn, filePath: '/data/clip.mp4' }).filter((m): m is RequestModel => m !== null);
    expect(r.out).toBe(
      GENERATORS.node.program(models, { api, connection: conn, setup: true, secrets: 'shown', filePath: '/data/clip.mp4' }),
    );
    expect(r.out).toContain('const fileData = "/data/clip.mp4";');
  }, 30_000);

  it('prints a hand-written sample as written', () => {
    const r = cli('recipes/upload-media.md', '--lang', 'ajax', '--step', '1');
    expect(r.code).toBe(0);
    expect(r.out).toContain('$(\'input[name="fileData"]\').fileupload({');
  }, 30_000);

  it.each([
    [['recipes/upload-media.md', '--step', '1'], /--lang is required/],
    [['recipes/upload-media.md', '--lang', 'node'], /pass --step N \(1-based\) or --whole/],
    [['recipes/upload-media.md', '--lang', 'node', '--step', '0'], /--step must be a step number from 1 to 4 \(got "0"\)/],
    [['recipes/upload-media.md', '--lang', 'cobol', '--step', '2'], /offers no "cobol" sample; it offers ajax, angular/],
    [['recipes/upload-media.md', '--lang', 'cobol', '--whole'], /unknown --lang "cobol"/],
    [['recipes/upload-media.md', '--lang', 'node', '--step', '1', '--whole'], /exclude each other/],
    [['no-such.md', '--lang', 'node', '--whole'], /cannot read no-such.md: no such file/],
    [['recipes/upload-media.md', '--lang', 'node', '--whole', '--partner-id', 'abc'], /--partner-id must be a whole number/],
    [['recipes/upload-media.md', '--lang', 'node', '--whole', '--service-url', 'ftp://x'], /--service-url must be an http\(s\) URL/],
    [['recipes/upload-media.md', '--lang', 'node', '--whole', '--bogus'], /unknown option --bogus/],
    [['recipes/upload-media.md', '--lang'], /--lang needs a value/],
    [[], /no recipe FILE given/],
  ])(
    'rejects %j with a clear message and exit status 2',
    (args, message) => {
      const r = cli(...(args as string[]));
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
      expect(r.err).toContain('usage: npm run recipes:code');
    },
    30_000,
  );
});
