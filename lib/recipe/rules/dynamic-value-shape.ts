/** dynamic-value-shape: a dynamicValue with both or neither of `value` and `answer`. */
import { LIST, getWith, steps } from './examples';
import type { RecipeRule } from './rule';

export const dynamicValueShape: RecipeRule = {
  id: 'dynamic-value-shape',
  severity: 'error',
  doc: "A `dynamicValue` must name exactly one source: `value` (a path in the earlier step's response) or `answer` (a path in the inputs submitted in that step). With both or neither, the input gets no value from the earlier step. Keep the one you mean.",
  ok: [steps(LIST, getWith('{ "fromStep": 0, "value": "objects.0.id" }'))],
  notOk: [
    steps(LIST, getWith('⟦{⟧ "fromStep": 0, "value": "objects.0.id", "answer": "filter" }')),
    steps(LIST, getWith('⟦{⟧ "fromStep": 0 }')),
  ],
};
