/**
 * The recipes-folder watcher (lib/server/recipe-watch.ts) behind live reload and
 * `recipes:lint --watch`, and the setting that turns live reload on.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { liveReloadEnabled, watchRecipes, type RecipeChange } from '@/lib/server/recipe-watch';

const root = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'recipe-watch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const until = async (cond: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('watchRecipes', () => {
  it('reports added, changed and deleted recipe files once each, and nothing else', async () => {
    const seen: RecipeChange[] = [];
    const stop = watchRecipes(dir, (c) => seen.push(c));
    try {
      writeFileSync(join(dir, 'a.md'), '# A\n');
      await until(() => seen.length === 1);
      // Several writes in a row are one change.
      writeFileSync(join(dir, 'a.md'), '# A2\n');
      writeFileSync(join(dir, 'a.md'), '# A3\n');
      await until(() => seen.length === 2);
      writeFileSync(join(dir, 'notes.txt'), 'not a recipe');
      writeFileSync(join(dir, 'Bad Name.md'), 'not a valid slug');
      unlinkSync(join(dir, 'a.md'));
      await until(() => seen.length === 3);
      await new Promise((r) => setTimeout(r, 200));
      expect(seen.map((c) => `${c.kind} ${c.slug}`)).toEqual(['add a', 'change a', 'delete a']);
    } finally {
      stop();
    }
  });
});

describe('liveReloadEnabled', () => {
  it('is on for development and for a server on this machine only, off when serving others or in public mode', () => {
    expect(liveReloadEnabled({ NODE_ENV: 'production' })).toBe(true);
    expect(liveReloadEnabled({ NODE_ENV: 'production', HOST: '127.0.0.1' })).toBe(true);
    expect(liveReloadEnabled({ NODE_ENV: 'production', HOST: '::1' })).toBe(true);
    expect(liveReloadEnabled({ NODE_ENV: 'production', HOST: '0.0.0.0' })).toBe(false);
    expect(liveReloadEnabled({ NODE_ENV: 'production', CONSOLE_PUBLIC: '1' })).toBe(false);
    expect(liveReloadEnabled({ NODE_ENV: 'development', HOST: '0.0.0.0' })).toBe(true);
    expect(liveReloadEnabled({ NODE_ENV: 'production', HOST: '0.0.0.0', RECIPES_LIVE_RELOAD: '1' })).toBe(true);
    expect(liveReloadEnabled({ NODE_ENV: 'development', RECIPES_LIVE_RELOAD: '0' })).toBe(false);
  });
});

describe('npm run recipes:lint -- --watch', () => {
  it('lints on start and again on every save, with path:line:col lines between a start and a summary line', async () => {
    const file = join(dir, 'watched.md');
    writeFileSync(file, '# T\n## S\n');
    const child = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/recipes-lint.ts'), '--watch', file], { cwd: root });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    try {
      await until(() => out.includes('Watching for changes'), 30_000);
      expect(out).toContain('recipes:lint: linting 1 file...');
      expect(out).toContain('0 errors, 0 warnings in 1 file.');
      const before = out.length;
      writeFileSync(file, '# T\n# Second title\n## S\n');
      await until(() => out.slice(before).includes('Watching for changes'), 10_000);
      expect(out.slice(before)).toMatch(
        new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:1: error: A second title.* \\[multiple-titles\\]\n`),
      );
      expect(out.slice(before)).toContain('1 error, 0 warnings in 1 file.');
    } finally {
      child.kill();
    }
  });
});
