/** json-syntax: METADATA or an API Call block is not valid JSON. */
import { call, metadata, steps } from './examples';
import type { RecipeRule } from './rule';

export const jsonSyntax: RecipeRule = {
  id: 'json-syntax',
  severity: 'error',
  doc: 'The METADATA comment or an API Call block is not valid JSON (a missing comma or quote, a trailing comma, a comment, single quotes...). The message names the first error, at its position; what comes after it is read as far as possible, but the block only works once the JSON is fixed.',
  ok: [metadata('{ "summary": "Lists entries.", "tags": ["media"] }'), steps(call('{ "parameters": [{ "name": "entryId" }] }'))],
  notOk: [metadata('{ "summary": "Lists entries." ⟦"tags"⟧: ["media"] }'), steps(call('{ "parameters": [{ "name": "entryId" }⟦,⟧ ] }'))],
};
