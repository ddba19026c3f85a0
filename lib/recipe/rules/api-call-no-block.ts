/** api-call-no-block: an `### API Call` heading without its JSON block. */
import { call, steps } from './examples';
import type { RecipeRule } from './rule';

export const apiCallNoBlock: RecipeRule = {
  id: 'api-call-no-block',
  severity: 'error',
  doc: "An `### API Call` heading with no code block under it, so the step has no call. Put the call's JSON in a fenced block right under the heading, or remove the heading.",
  ok: [steps(call('{ "path": "/service/media/action/list" }'))],
  notOk: [steps('⟦### API Call⟧', 'Text.')],
};
