import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compareRecipes,
  isValidSlug,
  listRecipes,
  listShippedRecipeFiles,
  listVisibleRecipes,
  loadExtraRecipe,
  loadRecipe,
} from '@/lib/server/recipes';

function recipe(title: string, meta: Record<string, unknown> = {}): string {
  return `<!--METADATA\n${JSON.stringify(meta)}\n-->\n\n# ${title}\n\nIntro.\n\n## One\nProse.\n`;
}

describe('lib/server/recipes', () => {
  let dir: string;
  let extra: string;
  const saved = { RECIPES_DIR: process.env.RECIPES_DIR, RECIPES_EXTRA_DIR: process.env.RECIPES_EXTRA_DIR };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'recipes-'));
    extra = mkdtempSync(join(tmpdir(), 'recipes-extra-'));
    writeFileSync(join(dir, 'zeta.md'), recipe('Zeta first by sortOrder', { sortOrder: 1 }));
    writeFileSync(join(dir, 'alpha.md'), recipe('Alpha', { sortOrder: 5, tags: ['a'] }));
    writeFileSync(join(dir, 'beta.md'), recipe('beta', { sortOrder: 5 }));
    writeFileSync(join(dir, 'no-order.md'), recipe('Aardvark without sortOrder'));
    writeFileSync(join(dir, 'secret.md'), recipe('Hidden one', { hidden: true, sortOrder: 0 }));
    writeFileSync(join(dir, 'Bad Name.md'), recipe('Bad file name'));
    writeFileSync(join(dir, 'notes.txt'), 'not a recipe');
    writeFileSync(join(extra, 'fixture.md'), recipe('Fixture'));
    process.env.RECIPES_DIR = dir;
    process.env.RECIPES_EXTRA_DIR = extra;
  });

  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(dir, { recursive: true, force: true });
    rmSync(extra, { recursive: true, force: true });
  });

  it('accepts only [a-z0-9_-]+ slugs', () => {
    expect(isValidSlug('upload-media')).toBe(true);
    expect(isValidSlug('a_b-9')).toBe(true);
    for (const bad of ['', 'Upload', '../etc/passwd', 'a/b', 'a.md', 'a b', '%2e%2e', '-a', 'a-', 'a--b', 'a'.repeat(101)])
      expect(isValidSlug(bad), bad).toBe(false);
    expect(loadRecipe('../' + dir.split('/').pop() + '/alpha')).toBeUndefined();
  });

  it('lists .md files with valid slugs only', () => {
    expect(listShippedRecipeFiles().map((f) => f.slug)).toEqual(['alpha', 'beta', 'no-order', 'secret', 'zeta']);
  });

  it('orders by sortOrder, then title (case-insensitive); recipes without sortOrder last', () => {
    expect(listRecipes().map((r) => r.slug)).toEqual(['secret', 'zeta', 'alpha', 'beta', 'no-order']);
    expect(compareRecipes({ title: 'b', sortOrder: 1 } as never, { title: 'a', sortOrder: 2 } as never)).toBeLessThan(0);
  });

  it('leaves hidden recipes off the index but loads them by slug', () => {
    expect(listVisibleRecipes().map((r) => r.slug)).toEqual(['zeta', 'alpha', 'beta', 'no-order']);
    expect(loadRecipe('secret')?.recipe.title).toBe('Hidden one');
    const alpha = listVisibleRecipes().find((r) => r.slug === 'alpha');
    expect(alpha).toMatchObject({ title: 'Alpha', tags: ['a'], hidden: false, stepCount: 1, errorCount: 0 });
  });

  it('serves extra recipes only through loadExtraRecipe, never in the lists', () => {
    expect(loadRecipe('fixture')).toBeUndefined();
    expect(loadExtraRecipe('fixture')?.recipe.title).toBe('Fixture');
    expect(loadExtraRecipe('alpha')).toBeUndefined();
    expect(listRecipes().some((r) => r.slug === 'fixture')).toBe(false);
    expect(listRecipes({ includeExtra: true }).some((r) => r.slug === 'fixture')).toBe(true);
    delete process.env.RECIPES_EXTRA_DIR;
    expect(loadExtraRecipe('fixture')).toBeUndefined();
    process.env.RECIPES_EXTRA_DIR = extra;
  });

  it('caches by mtime and size: the same object until the file changes', () => {
    const a = loadRecipe('alpha');
    expect(loadRecipe('alpha')).toBe(a);
    const file = join(dir, 'alpha.md');
    writeFileSync(file, recipe('Alpha renamed', { sortOrder: 5 }));
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    const b = loadRecipe('alpha');
    expect(b).not.toBe(a);
    expect(b?.recipe.title).toBe('Alpha renamed');
  });

  it('resolves relatedRecipes by slug or title, skipping unknown names and itself', async () => {
    const { resolveRelated } = await import('@/lib/server/recipes');
    expect(resolveRelated(['beta', 'ZETA FIRST BY SORTORDER', 'nope', 'alpha', 'beta'], 'alpha')).toEqual([
      { slug: 'beta', title: 'beta' },
      { slug: 'zeta', title: 'Zeta first by sortOrder' },
    ]);
    expect(resolveRelated([], 'alpha')).toEqual([]);
  });

  it('returns undefined for a missing recipe', () => {
    expect(loadRecipe('nope')).toBeUndefined();
  });
});
