/** missing-key: a required key is missing (a parameter's name, a dynamicValue's fromStep). */
import { call, steps } from './examples';
import type { RecipeRule } from './rule';

export const missingKey: RecipeRule = {
  id: 'missing-key',
  severity: 'error',
  doc: 'An object in an API Call block lacks a key it needs: a parameter without `name`, a `dynamicValue` without `fromStep`, a `dynamicEnum` without `path`. Until the key is added the object is not used: a parameter without a name has no input in the form, a dynamicValue without fromStep gives no value.',
  ok: [steps(call('{ "parameters": [{ "name": "entryId", "in": "query" }] }'))],
  notOk: [steps(call('{ "parameters": [⟦{⟧ "in": "query" }] }'))],
};
