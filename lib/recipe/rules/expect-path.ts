/** expect-path: an `expect` key that is not a path expect can read. */
import { call, steps } from './examples';
import type { RecipeRule } from './rule';

export const expectPath: RecipeRule = {
  id: 'expect-path',
  severity: 'error',
  doc: 'A key of `expect` that is not a path to one value of the response: an empty segment (`objects..id`), or JSONPath that selects several values (wildcards, filters, slices, `..`). The entry is not checked. Write a dotted path (`objects.0.id`) or a plain JSONPath (`$.objects[0].id`; `$` is the whole response).',
  ok: [
    steps(call('{ "path": "/service/media/action/list", "expect": { "objects.0.id": { "exists": true }, "$.totalCount": { "min": 1 } } }')),
  ],
  notOk: [
    steps(
      call('{ "path": "/service/media/action/list", "expect": { ⟦"$.objects[*].id"⟧: { "exists": true }, ⟦"objects..id"⟧: "0_abc" } }'),
    ),
  ],
};
