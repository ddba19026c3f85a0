/** missing-key: a required key is missing (a parameter's name, a dynamicValue's fromStep). */
import { call, steps } from './examples';
import type { RecipeRule } from './rule';

export const missingKey: RecipeRule = {
  id: 'missing-key', severity: 'error',
  doc: 'An object in an API Call block lacks a key it needs: a parameter without `name`, a `dynamicValue` without `fromStep`, a `dynamicEnum` without `path`. The object is left out of the form until the key is added.',
  ok: [steps(call('{ "parameters": [{ "name": "entryId", "in": "query" }] }'))],
  notOk: [steps(call('{ "parameters": [⟦{⟧ "in": "query" }] }'))],
};
