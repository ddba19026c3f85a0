/** `npm run recipes:code -- ... --value STEP.PATH=VALUE`: the program a reader would get, and warnings for required inputs left empty. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATORS } from '@/lib/codegen';
import { setPath } from '@/lib/form/paths';
import type { RequestModel } from '@/lib/request/types';
import { api, buildModels, loadRecipe, ROOT } from './fixtures';

function cli(...args: string[]) {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/recipes-code.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const conn = { serviceUrl: 'https://www.kaltura.com', partnerId: 123, secret: 'cli-secret-value' };
const target = ['--service-url', 'https://www.kaltura.com', '--partner-id', '123', '--secret', 'cli-secret-value'];

describe('recipes:code --value', () => {
  it("fills step 3's entry.mediaType of the upload program, exactly as the generator prints that value", () => {
    const r = cli(
      'recipes/upload-media.md',
      '--lang',
      'python',
      '--whole',
      ...target,
      '--file',
      '/data/clip.mp4',
      '--value',
      '3.entry.mediaType=1',
      '--value=3.entry.name=My clip',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const models = buildModels(loadRecipe('recipes/upload-media.md'), {
      conn,
      filePath: '/data/clip.mp4',
      edit: (v, i) => (i === 2 ? setPath(setPath(v, 'body.entry.mediaType', 1), 'body.entry.name', 'My clip') : v),
    }).filter((m): m is RequestModel => m !== null);
    const files = buildModels(loadRecipe('recipes/upload-media.md'), { conn, filePath: '/data/clip.mp4' });
    // The CLI names the file after --file, as it always did; only step 3 differs from the defaults.
    models[1] = files[1]!;
    expect(r.out).toBe(
      GENERATORS.python.program(models, { api, connection: conn, setup: true, secrets: 'shown', filePath: '/data/clip.mp4' }),
    );
    expect(r.out).toContain('KalturaMediaType.VIDEO');
    expect(r.out).toContain('"My clip"');
  }, 30_000);

  it('a step sample takes the value too (an enum by its constant name)', () => {
    const r = cli('recipes/upload-media.md', '--lang', 'curl', '--step', '3', '--value', '3.entry.mediaType=image');
    expect(r.code).toBe(0);
    expect(r.out).toContain('entry[mediaType]=2');
  }, 30_000);

  it('warns on stderr about each required input left without a value, naming its --value flag', () => {
    // The example: media.add requires entry.mediaType, and the upload recipe gives none.
    const r = cli('recipes/upload-media.md', '--lang', 'node', '--whole', ...target);
    expect(r.code).toBe(0);
    expect(r.out).toContain('kaltura.services.media.add(');
    expect(r.err).toBe(
      'warning: step 3 ("Creating a Kaltura Media Entry"): entry.mediaType is required and has no value, so the program will fail there; pass --value 3.entry.mediaType=VALUE.\n',
    );
    const given = cli('recipes/upload-media.md', '--lang', 'node', '--whole', ...target, '--value', '3.entry.mediaType=1');
    expect(given.err).toBe('');
    expect(given.out).toContain('kaltura.enums.MediaType.VIDEO');
  }, 30_000);

  it('no warning for the app token hash the generated code computes (hash of the KS and the token)', () => {
    const whole = cli('recipes/start-a-session-with-an-app-token.md', '--lang', 'python', '--whole', ...target);
    expect(whole.code).toBe(0);
    expect(whole.err).toBe('');
    expect(whole.out).toContain('token_hash = hashlib.sha256((client.getKs() + ');
    expect(whole.out).not.toContain('YOUR_TOKEN_HASH');
    const step = cli('recipes/start-a-session-with-an-app-token.md', '--lang', 'curl', '--step', '5', ...target);
    expect(step.code).toBe(0);
    expect(step.err).toBe('');
    expect(step.out).toMatch(/^TOKEN_HASH=\$\(printf '%s%s' "\$KS" .*\| openssl dgst -sha256 /m);
  }, 30_000);

  it.each([
    [['--value', '3.entry.mediaTyp=1'], /--value 3\.entry\.mediaTyp=1: step 3 has no input "entry\.mediaTyp"/],
    [['--value', '3.entry.mediaType=MOVIE'], /mediaType is one of 1 \(VIDEO\)/],
    [['--value', 'entry.mediaType=1'], /write STEP\.PATH=VALUE/],
    [['--value', '1.x=1'], /--value 1.x=1: step 1 has no inputs\./],
  ])(
    'rejects %j with a clear message and exit status 2',
    (args, message) => {
      const r = cli('recipes/upload-media.md', '--lang', 'node', '--whole', ...(args as string[]));
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
    },
    30_000,
  );
});
