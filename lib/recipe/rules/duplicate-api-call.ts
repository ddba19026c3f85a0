/** duplicate-api-call: a second `### API Call` in one step. */
import { LIST, call, steps } from './examples';
import type { RecipeRule } from './rule';

export const duplicateApiCall: RecipeRule = {
  id: 'duplicate-api-call',
  severity: 'error',
  doc: 'A second `### API Call` in one step. A step makes at most one call, so the second one is ignored (its form, Run button and samples are missing). Move it into a step of its own (`## `).',
  ok: [steps(LIST, call('{ "path": "/service/media/action/count" }'))],
  notOk: [`${steps(LIST)}\n⟦### API Call⟧\n\`\`\`json\n{ "path": "/service/media/action/count" }\n\`\`\`\n`],
};
