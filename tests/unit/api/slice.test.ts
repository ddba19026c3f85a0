/**
 * The slice a recipe page gets (lib/server/slice.ts, lib/description/slice.ts) answers exactly like the
 * whole description for everything the page builds: forms, initial request models, and the code
 * of every language for each step and the whole recipe. Checked for every shipped recipe against
 * the built-in description and (when ../shared is present) Kaltura's published one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { REFERENCE_REL, sharedFile } from '../../helpers/shared';
import { describe, expect, it } from 'vitest';
import { createDescription, descriptionFromSlice, getKalturaDescription, type ApiDescription } from '@/lib/description';
import { GENERATORS } from '@/lib/codegen';
import { buildForm, initialValues } from '@/lib/form';
import { parseRecipe, type Recipe } from '@/lib/recipe';
import { buildRequestModel } from '@/lib/request/build';
import type { Connection } from '@/lib/request/types';
import { recipeSlice } from '@/lib/server/slice';

const { path: REFERENCE, present: hasReference } = sharedFile(REFERENCE_REL, "slice checks against Kaltura's published description");

const mdIn = (rel: string): Array<[string, Recipe]> => {
  const dir = fileURLToPath(new URL(`../../../${rel}/`, import.meta.url));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => [`${rel}/${f}`, parseRecipe(readFileSync(dir + f, 'utf8'))]);
};
/** The shipped recipes and the code generators' test recipes (the kitchen sink). */
const recipes: Array<[string, Recipe]> = [...mdIn('recipes'), ...mdIn('tests/unit/codegen/recipes')];
/** Test recipes of services only the published description has. */
const publishedOnly: Array<[string, Recipe]> = mdIn('tests/unit/codegen/recipes/published');

const connection: Connection = { serviceUrl: 'https://example.kaltura.test', partnerId: 4242, ks: 'a-ks', userId: 'me' };

/** Everything the page builds from a description, as comparable data. */
function pageOutput(recipe: Recipe, api: ApiDescription) {
  const forms = recipe.steps.map((s) => buildForm(s, api));
  const models = recipe.steps.map(
    (s, i) =>
      buildRequestModel({ step: s, form: forms[i]!, values: initialValues(forms[i]!, connection), results: {}, connection, api }).model,
  );
  const present = models.filter((m) => m !== null);
  const code: Record<string, string[]> = {};
  for (const [id, g] of Object.entries(GENERATORS)) {
    const ctx = { api, connection, setup: true, secrets: 'masked' as const };
    code[id] = [
      ...present.map((m) => g.step(m, ctx)),
      ...present.map((m) => g.step(m, { ...ctx, setup: false })),
      present.length ? g.program(present, ctx) : '',
    ];
  }
  return { forms, models, code };
}

const descriptions: Array<[string, () => ApiDescription]> = [['built-in', getKalturaDescription]];
if (hasReference) {
  let published: ApiDescription | undefined;
  descriptions.push(['published', () => (published ??= createDescription(JSON.parse(readFileSync(REFERENCE, 'utf8'))))]);
}

describe.each(descriptions)('the slice of the %s description', (name, load) => {
  it.each(name === 'published' ? [...recipes, ...publishedOnly] : recipes)(
    '%s: same forms, requests and code as the whole description',
    (_file, recipe) => {
      const full = load();
      const slice = recipeSlice(recipe, full);
      // What crosses to the browser is JSON.
      const wire = JSON.parse(JSON.stringify(slice));
      expect(wire).toEqual(slice);
      const sliced = descriptionFromSlice(wire);
      expect(pageOutput(recipe, sliced)).toEqual(pageOutput(recipe, full));
      // The response view names enum values (an entry's status): the enums of each result class are there.
      for (const op of slice.operations) {
        const cls = op.result?.kind === 'object' ? op.result.className : undefined;
        if (!cls) continue;
        for (const p of full.allProperties(cls)) {
          if (p.type.kind === 'enum' && full.getEnum(p.type.name))
            expect(sliced.getEnum(p.type.name), `${op.path} ${p.name}`).toEqual(full.getEnum(p.type.name));
        }
      }
      // And it is a slice: a small part of the description.
      expect(slice.operations.length).toBeLessThanOrEqual(recipe.steps.length * 2 + 2);
      expect(slice.classes.length).toBeLessThan(Math.max(100, (full.classes?.().length ?? 0) / 10));
    },
  );
});
