import { describe, expect, it } from 'vitest';
import { parseRecipe } from '@/lib/recipe';
import { getKalturaDescription } from '@/lib/api';
import { RECIPE_TEMPLATE } from '@/components/author/template';
import { SNIPPETS } from '@/components/author/snippets';

describe('the /author template', () => {
  it('lints clean with the API description (no errors, no warnings)', () => {
    const recipe = parseRecipe(RECIPE_TEMPLATE, { api: getKalturaDescription() });
    expect(recipe.diagnostics).toEqual([]);
    expect(recipe.title).toBe('My new recipe');
    expect(recipe.steps.map((s) => s.apiCall?.path)).toEqual(['/service/uploadtoken/action/add', '/service/uploadtoken/action/get']);
    expect(recipe.steps[1].apiCall?.parameters[0].dynamicValue).toMatchObject({ fromStep: 0, value: 'id' });
    expect(recipe.finish).toMatch(/read or try next/);
  });

  it('each snippet, with its placeholders filled by their defaults, yields a recipe that lints clean', () => {
    const fill = (body: string) => body.replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
    const api = getKalturaDescription();
    const step = fill(SNIPPETS.find((s) => s.id === 'step')!.body);
    const call = fill(SNIPPETS.find((s) => s.id === 'api-call')!.body);
    const sample = fill(SNIPPETS.find((s) => s.id === 'sample-code')!.body);
    const src = `# T\n\n${step}\n## Get\n\n${call}\n${sample}`;
    const recipe = parseRecipe(src, { api });
    expect(recipe.diagnostics).toEqual([]);
    expect(recipe.steps.map((s) => s.apiCall?.path)).toEqual(['/service/media/action/list', '/service/media/action/get']);
    expect(recipe.steps[1].samples.map((s) => [s.language, s.auto])).toEqual([['python', true]]);
  });
});
