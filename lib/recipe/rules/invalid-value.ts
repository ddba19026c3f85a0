/** invalid-value: a METADATA or API Call value of the wrong type, or not one of the allowed values. */
import { call, metadata, steps } from './examples';
import type { RecipeRule } from './rule';

export const invalidValue: RecipeRule = {
  id: 'invalid-value',
  severity: 'error',
  doc: 'A value in METADATA or an API Call block that the format does not allow: the wrong type (a number in quotes, a string where a list is expected), a value outside the allowed ones (`method`, `in`, `inputType`, `fromSecrets`), a negative `fromStep`, a `path` that does not start with "/". Checked with the JSON Schemas in lib/recipe/schemas; the message says what the key takes.',
  ok: [metadata('{ "sortOrder": 10 }'), steps(call('{ "method": "post", "path": "/service/media/action/list" }'))],
  notOk: [metadata('{ "sortOrder": ⟦"10"⟧ }'), steps(call('{ "method": ⟦"fetch"⟧, "path": "/service/media/action/list" }'))],
};
