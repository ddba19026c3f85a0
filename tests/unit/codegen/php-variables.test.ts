/**
 * PHP reads a variable as `$name`: a nested object built into a variable and then put in a list or
 * a property must be written `$name` (a bare `name` is an undefined constant, a fatal error in
 * PHP 8, and tree-sitter parses it happily). Checked over every step of every shipped recipe.
 */
import { describe, expect, it } from 'vitest';
import { GENERATORS } from '@/lib/codegen';
import { api, connection, loadRecipe, recipeFiles } from './fixtures';
import { buildForm, initialValues } from '@/lib/form';
import { buildRequestModel } from '@/lib/request/build';

/** Items of every `array(...)` and right-hand sides of `->prop = ...` that are bare identifiers. */
function bareNames(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/array\(([^()]*)\)/g)) {
    for (const item of m[1]!
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)) {
      if (/^[a-z_][A-Za-z0-9_]*$/.test(item) && !['true', 'false', 'null'].includes(item)) out.push(`array item ${item}`);
    }
  }
  for (const m of code.matchAll(/->[A-Za-z_][A-Za-z0-9_]* = ([a-z_][A-Za-z0-9_]*);/g)) {
    if (!['true', 'false', 'null'].includes(m[1]!)) out.push(`property value ${m[1]}`);
  }
  return out;
}

describe('php and php53 read nested objects through their variables', () => {
  for (const file of recipeFiles()) {
    it(file, () => {
      const recipe = loadRecipe(file);
      for (const step of recipe.steps) {
        const form = buildForm(step, api);
        const { model } = buildRequestModel({ step, form, values: initialValues(form, connection), results: {}, connection, api });
        if (!model) continue;
        for (const lang of ['php', 'php53'] as const) {
          const code = GENERATORS[lang].step(model, { api, connection, setup: false, secrets: 'masked' });
          expect(bareNames(code), `${file} step ${step.index + 1} ${lang}:\n${code}`).toEqual([]);
        }
      }
    });
  }
});
