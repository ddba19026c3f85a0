/** title-position: the title comes after the first step. */
import type { RecipeRule } from './rule';

export const titlePosition: RecipeRule = {
  id: 'title-position', severity: 'warning',
  doc: 'The `# ` title comes after the first step. It is still the recipe\'s title, but the text before it belongs to the step, not to the introduction. Move the title to the top, under the METADATA comment.',
  ok: ['# Example\n\n## Step 1\nText.'],
  notOk: ['## Step 1\nText.\n\n⟦# Example⟧\n'],
};
