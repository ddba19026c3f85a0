import { describe, expect, it } from 'vitest';
import { parseRecipe } from '@/lib/recipe';
import { getKalturaDescription } from '@/lib/description';
import { RECIPE_TEMPLATE } from '@/lib/author/template';
import { SNIPPETS } from '@/lib/author/snippets';

describe('the /author template', () => {
  it('lints clean with the API description (no errors, no warnings)', () => {
    const recipe = parseRecipe(RECIPE_TEMPLATE, { api: getKalturaDescription() });
    expect(recipe.diagnostics).toEqual([]);
    expect(recipe.title).toBe('My new recipe');
    expect(recipe.steps.map((s) => s.apiCall?.path)).toEqual(['/service/uploadtoken/action/add', '/service/uploadtoken/action/get']);
    expect(recipe.steps[1]!.apiCall!.parameters[0]!.dynamicValue).toMatchObject({ fromStep: 0, value: 'id' });
    expect(recipe.finish).toMatch(/read or try next/);
    // Steps are numbered from 1 on the page: the prose never says "step 0".
    expect(RECIPE_TEMPLATE).not.toMatch(/step 0\b/i);
    expect(recipe.steps[1]!.prose).toContain("from step 1's response");
  });

  it('each snippet, with its placeholders filled by their defaults, yields a recipe that lints clean', () => {
    const fill = (body: string) =>
      body
        .replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\d+/g, '');
    const api = getKalturaDescription();
    const step = fill(SNIPPETS.find((s) => s.id === 'step')!.body);
    const call = fill(SNIPPETS.find((s) => s.id === 'api-call')!.body);
    const sample = fill(SNIPPETS.find((s) => s.id === 'sample-code')!.body);
    const src = `# T\n\n${step}\n## Get\n\n${call}\n${sample}`;
    const recipe = parseRecipe(src, { api });
    expect(recipe.diagnostics).toEqual([]);
    expect(recipe.steps.map((s) => s.apiCall?.path)).toEqual(['/service/media/action/list', '/service/media/action/get']);
    expect(recipe.steps[1]!.samples.map((s) => [s.language, s.auto])).toEqual([['python', true]]);
  });
});

describe("the editor's lint", () => {
  it("is the CLI's: the API description checks paths, except for a recipe that names its own OpenAPI document", async () => {
    const { createEditorLint } = await import('@/lib/author/lint');
    const lintRecipe = (source: string) => createEditorLint().lint(source);
    const body = '# T\n\n## S\n### API Call\n```json\n{ "method": "post", "path": "/service/nosuch/action/go", "parameters": [] }\n```\n';
    expect(lintRecipe(body).diagnostics.map((d) => [d.rule, d.line])).toEqual([['unknown-path', 6]]);
    const own = `<!--METADATA\n{ "openapi": "https://example.com/openapi.json" }\n-->\n${body}`;
    expect(lintRecipe(own).diagnostics).toEqual([]);
    // each linter lints against its own description: one that has the operation does not affect another
    const { createEditorLint: make } = await import('@/lib/author/lint');
    const withIt = make();
    withIt.setDescription({
      operations: [{ path: '/service/nosuch/action/go', service: 'nosuch', action: 'go', params: [], requiresKs: true }],
      classes: [],
      enums: [],
    });
    expect(withIt.lint(body).diagnostics).toEqual([]);
    expect(
      make()
        .lint(body)
        .diagnostics.map((d) => d.rule),
    ).toEqual(['unknown-path']);
  });
});
