/** empty-title: a `# ` title with no text. */
import type { RecipeRule } from './rule';

export const emptyTitle: RecipeRule = {
  id: 'empty-title',
  severity: 'error',
  doc: 'The `# ` title line has no text, so the recipe has no name in the index or on its page. Write the recipe\'s name after "# ".',
  ok: ['# Example\n\n## Step 1\nText.'],
  notOk: ['⟦#⟧\n\n## Step 1\nText.'],
};
