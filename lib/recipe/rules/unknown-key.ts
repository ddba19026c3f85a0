/** unknown-key: a key the recipe format does not know (often a misspelt one). */
import { call, metadata, steps } from './examples';
import type { RecipeRule } from './rule';

export const unknownKey: RecipeRule = {
  id: 'unknown-key',
  severity: 'warning',
  doc: 'A key that the recipe format does not know, in METADATA or an API Call block, or an `x-` key that looks like a misspelt annotation (`x-consoleDefualt`). It is ignored, which usually means a setting silently does nothing. The message suggests the nearest known key; to keep a key of your own, prefix it with `x-`.',
  ok: [
    metadata('{ "sortOrder": 1, "x-owner": "docs" }'),
    steps(call('{ "parameters": [{ "name": "entryId", "x-consoleDefault": "0_abc" }] }')),
  ],
  notOk: [
    metadata('{ ⟦"sortOrdr"⟧: 1 }'),
    steps(call('{ "parameters": [{ "name": "entryId", ⟦"consoleDefualt"⟧: "0_abc" }] }')),
    steps(call('{ "parameters": [{ "name": "entryId", ⟦"x-consoleDefualt"⟧: "0_abc" }] }')),
  ],
};
