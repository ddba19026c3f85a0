/** no-title: the recipe has no `# ` title. */
import type { RecipeRule } from './rule';

export const noTitle: RecipeRule = {
  id: 'no-title',
  severity: 'error',
  doc: 'The recipe has no `# ` title. The title names the recipe in the index and on its page: add a `# Title` line at the top, after the METADATA comment.',
  ok: ['# Example\n\n## Step 1\nText.'],
  notOk: ['⟦## Step 1⟧\nText.'],
};
