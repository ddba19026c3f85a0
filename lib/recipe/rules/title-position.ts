/** title-position: the title comes after the first step. */
import type { RecipeRule } from './rule';

export const titlePosition: RecipeRule = {
  id: 'title-position',
  severity: 'warning',
  doc: 'The `# ` title comes after the first step. It still names the recipe, but the recipe then has no introduction: the text around the title belongs to the step before it. Move the title to the top, under the METADATA comment.',
  ok: ['# Example\n\n## Step 1\nText.'],
  notOk: ['## Step 1\nText.\n\n⟦# Example⟧\n'],
};
