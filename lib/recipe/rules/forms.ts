/**
 * The forms of a recipe's steps as the page builds them (the same `buildForm` the step runner
 * uses), built once per lint run and shared by the rules that compare a recipe with its forms.
 */
import type { ApiDescription } from '../../description/types';
import { buildForm, walkFields } from '../../form/build';
import type { FormField, FormModel } from '../../form/types';
import type { Recipe, Step } from '../types';

const formCache = new WeakMap<Recipe, { api: ApiDescription; forms: Map<number, FormModel> }>();

export function formOf(recipe: Recipe, api: ApiDescription, step: Step): FormModel {
  let entry = formCache.get(recipe);
  if (!entry || entry.api !== api) {
    entry = { api, forms: new Map() };
    formCache.set(recipe, entry);
  }
  let form = entry.forms.get(step.index);
  if (!form) {
    form = buildForm(step, api);
    entry.forms.set(step.index, form);
  }
  return form;
}

/** Every field by path (an object's fields for each of its classes; the first definition wins). */
export function fieldsByPath(form: FormModel): Map<string, FormField> {
  const m = new Map<string, FormField>();
  walkFields(form.fields, (f) => {
    if (!m.has(f.path)) m.set(f.path, f);
  });
  return m;
}

/** Stands in for the API description when none is given: forms then come from the recipe alone. */
export const NO_API: ApiDescription = {
  document: {},
  operation: () => undefined,
  operationByName: () => undefined,
  operations: () => [],
  getClass: () => undefined,
  getEnum: () => undefined,
  allProperties: () => [],
  concreteSubclasses: () => [],
  isSubclassOf: () => false,
};
