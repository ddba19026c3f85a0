/**
 * The part of the API description a recipe page needs (see lib/api/slice.ts): recorded while the
 * server builds what the page will build — every step's form, initial values and request model,
 * the dropdowns' calls, and every language's code for them — so the browser gets the operations,
 * classes (with the subclasses offered as choices) and enums its steps reach, never the whole
 * description.
 */
import { recordingDescription, type ApiDescription, type ApiSlice } from '@/lib/api';
import { GENERATORS } from '@/lib/codegen';
import { buildForm, initialValues, walkFields } from '@/lib/form';
import { buildDynamicEnumRequest, buildRequestModel } from '@/lib/request/build';
import type { Connection, RequestModel } from '@/lib/request/types';
import type { Recipe } from '@/lib/recipe/types';

/** A stand-in connection: a KS and a partner, so every part of a request is built. */
const CONNECTION: Connection = { serviceUrl: 'http://localhost', partnerId: 1, ks: 'slice', userId: '' };

export function recipeSlice(recipe: Recipe, full: ApiDescription): ApiSlice {
  const rec = recordingDescription(full);
  const api = rec.api;
  const models: RequestModel[] = [];
  for (const step of recipe.steps) {
    try {
      const form = buildForm(step, api);
      const values = initialValues(form, CONNECTION);
      const built = buildRequestModel({ step, form, values, results: {}, connection: CONNECTION, api });
      if (built.model) models.push(built.model);
      walkFields(form.fields, (f) => {
        if (f.dynamicEnum) buildDynamicEnumRequest(f.dynamicEnum, api, CONNECTION, step.index);
      });
    } catch {
      // A step the builders cannot handle gets the same treatment in the browser; nothing to record.
    }
  }
  for (const g of Object.values(GENERATORS)) {
    for (const setup of [false, true]) {
      const ctx = { api, connection: CONNECTION, setup, secrets: 'masked' as const };
      for (const m of models) {
        try {
          g.step(m, ctx);
        } catch {
          /* the page shows the generator's error for this step */
        }
      }
    }
    try {
      if (models.length) g.program(models, { api, connection: CONNECTION, setup: true, secrets: 'masked' });
    } catch {
      /* as above */
    }
  }
  return rec.slice();
}

const cache = new WeakMap<Recipe, { api: ApiDescription; slice: ApiSlice }>();

/** `recipeSlice`, once per parsed recipe and description (parsed recipes are cached per file version). */
export function recipePageSlice(recipe: Recipe, api: ApiDescription): ApiSlice {
  const hit = cache.get(recipe);
  if (hit && hit.api === api) return hit.slice;
  const slice = recipeSlice(recipe, api);
  cache.set(recipe, { api, slice });
  return slice;
}
