/** metadata-unclosed: the METADATA comment has no closing `-->`. */
import { metadata } from './examples';
import type { RecipeRule } from './rule';

export const metadataUnclosed: RecipeRule = {
  id: 'metadata-unclosed',
  severity: 'error',
  doc: 'The `<!--METADATA` comment is not closed with `-->` before the first heading. Its JSON is read up to that heading, but the comment would swallow the rest of the file for other markdown readers. Add a line `-->` after the JSON object.',
  ok: [metadata('{ "summary": "Lists entries." }')],
  notOk: ['⟦<!--METADATA⟧\n{ "summary": "Lists entries." }\n\n# Example\n\n## Step 1\nText.\n'],
};
