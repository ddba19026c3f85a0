import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_RECIPE_BYTES, saveRecipe, validateRecipeFileName } from '@/app/api/recipes/save';

describe('validateRecipeFileName', () => {
  it.each([
    ['my-recipe.md', 'my-recipe'],
    ['my-recipe', 'my-recipe'],
    ['upload2.md', 'upload2'],
    ['  a-b-c.md ', 'a-b-c'],
    ['under_score.md', 'under_score'],
  ])('accepts %j', (name, slug) => {
    expect(validateRecipeFileName(name)).toEqual({ ok: true, fileName: `${slug}.md`, slug });
  });

  it.each([
    '',
    '   ',
    '../evil.md',
    '..',
    'sub/dir.md',
    'sub\\dir.md',
    '/etc/passwd',
    'Upper.md',
    'with space.md',
    '_lead.md',
    '.hidden.md',
    'x.md.md',
    'x.txt',
    '-lead.md',
    'trail-.md',
    'double--dash.md',
    'nul\0.md',
    'é.md',
    'a'.repeat(101) + '.md',
  ])('rejects %j with a message that says what to do', (name) => {
    const r = validateRecipeFileName(name);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/name|long/i);
  });

  it('rejects non-strings', () => {
    expect(validateRecipeFileName(undefined).ok).toBe(false);
    expect(validateRecipeFileName(42).ok).toBe(false);
  });
});

describe('saveRecipe', () => {
  const dir = mkdtempSync(join(tmpdir(), 'author-save-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a new file (201), refuses to replace it without overwrite (409), replaces with it (200)', () => {
    expect(saveRecipe(dir, { name: 'first.md', content: '# One\n' })).toMatchObject({
      status: 201,
      slug: 'first',
      path: 'recipes/first.md',
    });
    expect(readFileSync(join(dir, 'first.md'), 'utf8')).toBe('# One\n');
    const again = saveRecipe(dir, { name: 'first', content: '# Two\n' });
    expect(again.status).toBe(409);
    expect('error' in again && again.error).toMatch(/already exists/);
    // The current text comes back, so the editor can show what replacing it changes.
    expect('existing' in again && again.existing).toBe('# One\n');
    expect(readFileSync(join(dir, 'first.md'), 'utf8')).toBe('# One\n');
    expect(saveRecipe(dir, { name: 'first.md', content: '# Two\n', overwrite: 'yes' }).status).toBe(409);
    expect(saveRecipe(dir, { name: 'first.md', content: '# Two\n', overwrite: true }).status).toBe(200);
    expect(readFileSync(join(dir, 'first.md'), 'utf8')).toBe('# Two\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('never writes outside the folder', () => {
    writeFileSync(join(dir, '..', 'author-save-outside-canary.md'), 'canary');
    try {
      expect(saveRecipe(dir, { name: '../author-save-outside-canary.md', content: 'x', overwrite: true }).status).toBe(400);
      expect(readFileSync(join(dir, '..', 'author-save-outside-canary.md'), 'utf8')).toBe('canary');
    } finally {
      rmSync(join(dir, '..', 'author-save-outside-canary.md'), { force: true });
    }
  });

  it('rejects missing content and oversized recipes', () => {
    expect(saveRecipe(dir, { name: 'x.md', content: undefined }).status).toBe(400);
    expect(saveRecipe(dir, { name: 'big.md', content: 'x'.repeat(MAX_RECIPE_BYTES + 1) }).status).toBe(413);
    expect(saveRecipe(dir, { name: 'ok.md', content: 'x'.repeat(MAX_RECIPE_BYTES) }).status).toBe(201);
  });
});

describe('savingAllowed', () => {
  it('is on under npm run dev or with RECIPES_ALLOW_SAVE=1, never by default in production', async () => {
    const { savingAllowed } = await import('@/app/api/recipes/save');
    expect(savingAllowed({ NODE_ENV: 'development' } as NodeJS.ProcessEnv)).toBe(true);
    expect(savingAllowed({ NODE_ENV: 'production' } as NodeJS.ProcessEnv)).toBe(false);
    expect(savingAllowed({ NODE_ENV: 'production', RECIPES_ALLOW_SAVE: '1' } as NodeJS.ProcessEnv)).toBe(true);
    expect(savingAllowed({ NODE_ENV: 'production', RECIPES_ALLOW_SAVE: 'yes' } as NodeJS.ProcessEnv)).toBe(false);
  });
});
