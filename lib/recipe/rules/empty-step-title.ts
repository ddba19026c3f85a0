/** empty-step-title: a `## ` step heading with no text. */
import type { RecipeRule } from './rule';

export const emptyStepTitle: RecipeRule = {
  id: 'empty-step-title',
  severity: 'warning',
  doc: 'A `## ` step heading has no text, so the step has no title in the table of contents or on the page. Write what the step does after "## ".',
  ok: ['# Example\n\n## Create the entry\nText.'],
  notOk: ['# Example\n\n⟦##⟧\nText.'],
};
