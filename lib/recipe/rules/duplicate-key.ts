/** duplicate-key: the same key twice in one JSON object. */
import { call, steps } from './examples';
import type { RecipeRule } from './rule';

export const duplicateKey: RecipeRule = {
  id: 'duplicate-key',
  severity: 'warning',
  doc: 'The same key twice in one object of an API Call block. As in JSON.parse, the last one wins and the earlier one (the one reported) is ignored, which is rarely what was meant. Remove one of them.',
  ok: [steps(call('{ "path": "/service/media/action/list" }'))],
  notOk: [steps(call('{ ⟦"path"⟧: "/service/media/action/get", "path": "/service/media/action/list" }'))],
};
