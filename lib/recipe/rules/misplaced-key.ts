/** misplaced-key: a parameter's key, or a property, written at the wrong level of `schema`. */
import { call, steps } from './examples';
import type { RecipeRule } from './rule';

export const misplacedKey: RecipeRule = {
  id: 'misplaced-key',
  severity: 'error',
  doc: "A key at the wrong level of a parameter's `schema`: one of the parameter's own keys (`name`, `in`, `schema`) written inside it, or a property written next to `properties` instead of inside it. The form would silently not show it. Move it where the message says.",
  ok: [
    steps(
      call('{ "parameters": [{ "name": "entry", "in": "body", "schema": { "properties": { "mediaType": { "consoleDefault": 1 } } } }] }'),
    ),
  ],
  notOk: [
    steps(call('{ "parameters": [{ "name": "entry", "schema": { ⟦"in"⟧: "body" } }] }')),
    steps(call('{ "parameters": [{ "name": "entry", "in": "body", "schema": { ⟦"mediaType"⟧: { "consoleDefault": 1 } } }] }')),
  ],
};
