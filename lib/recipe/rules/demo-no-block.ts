/** demo-no-block: a `### Demo` heading without its HTML block. */
import { section, steps } from './examples';
import type { RecipeRule } from './rule';

export const demoNoBlock: RecipeRule = {
  id: 'demo-no-block',
  severity: 'warning',
  doc: 'A `### Demo` heading with no HTML under it, so the step has no demo. Add a fenced `` ```html `` block under the heading, or remove the heading.',
  ok: [steps(section('Demo', 'html', '<p>Your entry is <%= answers.entryId %>.</p>'))],
  notOk: [steps('⟦### Demo⟧', 'Text.')],
};
