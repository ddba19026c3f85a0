/**
 * Parses a recipe file for Playwright specs. Playwright's loader imports the parser's JSON Schema
 * files as ES modules without `with { type: 'json' }` and fails, so the parser runs in a short tsx
 * child process (which handles them) and the model comes back as JSON. Vitest tests should import
 * `parseRecipe` from lib/recipe directly instead.
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Recipe } from '../../lib/recipe/types';

const ROOT = resolve(import.meta.dirname, '../..');

export function parseRecipeFile(path: string): Recipe {
  const file = resolve(ROOT, path);
  const code =
    `import { readFileSync } from 'node:fs'; import { parseRecipe } from './lib/recipe/index.ts';` +
    `process.stdout.write(JSON.stringify(parseRecipe(readFileSync(${JSON.stringify(file)}, 'utf8'))));`;
  const out = execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['-e', code], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out) as Recipe;
}
