/** expect-check: an `expect` check that is unknown or cannot be used. */
import { call, steps } from './examples';
import type { RecipeRule } from './rule';

export const expectCheck: RecipeRule = {
  id: 'expect-check',
  severity: 'error',
  doc: 'A check in `expect` that cannot be used: an unknown one (the checks are equals, notEquals, oneOf, exists, matches, min and max), a value of the wrong kind for its check, an empty object, or a regular expression that is invalid, longer than 500 characters or has nested repetition such as `(a+)+` (which can take very long on a long value). The check is left out.',
  ok: [
    steps(call('{ "path": "/service/media/action/list", "expect": { "totalCount": { "min": 1 }, "objects.0.id": { "matches": "^0_" } } }')),
  ],
  notOk: [
    steps(
      call(
        '{ "path": "/service/media/action/list", "expect": { "totalCount": { ⟦"minimum"⟧: 1 }, "objects.0.id": { "matches": ⟦"(a+)+"⟧ } } }',
      ),
    ),
  ],
};
