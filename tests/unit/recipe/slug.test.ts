/**
 * One rule for recipe names (lib/recipe/slug.ts): the server lists and serves, the watcher reloads,
 * /author saves and recipes:lint warns by the same rule, so a file can never be saved but not
 * served, or served but not saved over.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateRecipeFileName } from '@/app/api/recipes/save';
import { isValidSlug, slugOfFileName, slugProblem } from '@/lib/recipe/slug';
import { listShippedRecipeFiles } from '@/lib/server/recipes';

const NAMES = [
  'upload-media.md',
  'step_2.md',
  'a.md',
  'a1-b2_c3.md',
  'x'.repeat(100) + '.md',
  'Upload.md',
  'my recipe.md',
  '-lead.md',
  'trail_.md',
  'a--b.md',
  'a-_b.md',
  '.md',
  'x.md.md',
  'é.md',
  'x'.repeat(101) + '.md',
  'notes.txt',
  'README.md',
];

describe('recipe slugs', () => {
  it('a slug is lower-case words joined by single - or _, at most 100 characters', () => {
    expect(NAMES.filter((n) => slugOfFileName(n))).toEqual([
      'upload-media.md',
      'step_2.md',
      'a.md',
      'a1-b2_c3.md',
      'x'.repeat(100) + '.md',
    ]);
    expect(isValidSlug('upload-media')).toBe(true);
    expect(isValidSlug('../x')).toBe(false);
  });

  it('every refused name gets a message that says what to type instead', () => {
    for (const n of NAMES.filter((x) => x.endsWith('.md') && !slugOfFileName(x)))
      expect(slugProblem(n), n).toMatch(/too long|lower-case letters/);
    expect(slugProblem('upload-media.md')).toBeUndefined();
  });

  it('/author saves exactly the names the server serves', () => {
    for (const n of NAMES.filter((x) => x.endsWith('.md'))) expect(validateRecipeFileName(n).ok, n).toBe(slugOfFileName(n) !== undefined);
  });

  describe('the server', () => {
    let dir: string | undefined;
    const saved = process.env.RECIPES_DIR;
    afterEach(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      if (saved === undefined) delete process.env.RECIPES_DIR;
      else process.env.RECIPES_DIR = saved;
      vi.restoreAllMocks();
    });
    it('lists the valid names and says once why another .md file is not served', () => {
      dir = mkdtempSync(join(tmpdir(), 'slugs-'));
      for (const n of ['ok-one.md', 'My Recipe.md', 'notes.txt']) writeFileSync(join(dir, n), '# Title\n');
      process.env.RECIPES_DIR = dir;
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      expect(listShippedRecipeFiles().map((f) => f.slug)).toEqual(['ok-one']);
      listShippedRecipeFiles();
      const said = warn.mock.calls.map((c) => String(c[0])).filter((m) => m.includes('My Recipe.md'));
      expect(said).toHaveLength(1);
      expect(said[0]).toMatch(/not served.*lower-case letters/);
    });
  });
});
