/** multiple-titles: a second `# ` heading. */
import type { RecipeRule } from './rule';

export const multipleTitles: RecipeRule = {
  id: 'multiple-titles',
  severity: 'error',
  doc: "A second `# ` heading. A recipe has exactly one title; the first one counts, and this one stays in the step's (or the introduction's) prose as a heading. Make it a step (`## `) or a subsection (`### `), or remove it.",
  ok: ['# Example\n\n## Step 1\n### Details\nText.'],
  notOk: ['# Example\n\n⟦# Again⟧\n\n## Step 1\nText.'],
};
