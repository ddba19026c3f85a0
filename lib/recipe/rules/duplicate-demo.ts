/** duplicate-demo: a second `### Demo` in one step. */
import { section, steps } from './examples';
import type { RecipeRule } from './rule';

export const duplicateDemo: RecipeRule = {
  id: 'duplicate-demo',
  severity: 'error',
  doc: 'A second `### Demo` in one step. A step has at most one demo, so the second one is ignored. Remove it, or merge the two into one HTML block.',
  ok: [steps(section('Demo', 'html', '<p>One demo.</p>'))],
  notOk: [steps(`${section('Demo', 'html', '<p>One demo.</p>')}\n\n⟦### Demo⟧\n\`\`\`html\n<p>Another.</p>\n\`\`\``)],
};
