/**
 * The part of the API description a recipe page needs (see lib/description/slice.ts): recorded while the
 * server builds what the page will build — every step's form, initial values and request model,
 * the dropdowns' calls — plus what the code samples ask about those (result classes, the classes
 * of the values sent, plugins), so the browser gets the operations, classes (with the subclasses
 * offered as choices) and enums its steps reach, never the whole description.
 * tests/unit/api/slice.test.ts checks that forms, requests and the code of every language come out
 * the same from the slice as from the whole description.
 */
import { recordingDescription, type ApiDescription, type ApiSlice } from '@/lib/description';
import { buildForm, initialValues, walkFields } from '@/lib/form';
import { buildDynamicEnumRequest, buildRequestModel } from '@/lib/request/build';
import type { Connection, RequestModel, Value } from '@/lib/request/types';
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
  // What the code samples ask beyond the forms and requests: the result classes' properties (how
  // results are printed and read by later steps), and which plugin holds each class and enum.
  rec.closeForCode(valueClasses(models));
  return rec.slice();
}

/** The classes of the objects in the requests' values (a list of objects given as JSON, say). */
function valueClasses(models: RequestModel[]): Set<string> {
  const out = new Set<string>();
  const visit = (v: Value) => {
    if (v.kind === 'object') {
      if (v.className) out.add(v.className);
      for (const f of v.fields) visit(f.value);
    } else if (v.kind === 'array') {
      if (v.itemClass) out.add(v.itemClass);
      v.items.forEach(visit);
    } else if (v.kind === 'ref' && v.resolved) visit(v.resolved);
  };
  for (const m of models) for (const p of m.params) visit(p.value);
  return out;
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
