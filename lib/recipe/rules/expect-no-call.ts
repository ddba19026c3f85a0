/** expect-no-call: `expect` in an API Call block that calls nothing. */
import { call, steps } from './examples';
import { report, type RecipeRule } from './rule';

export const expectNoCall: RecipeRule = {
  id: 'expect-no-call',
  severity: 'error',
  doc: "`expect` in an API Call block without a `path`: the step only collects inputs and makes no call, so there is no response to check. Add the operation's `path`, or remove `expect`.",
  ok: [steps(call('{ "path": "/service/media/action/list", "expect": { "totalCount": { "min": 0 } } }'))],
  notOk: [steps(call('{ "parameters": [{ "name": "entryId" }], "expect": { ⟦"totalCount"⟧: 1 } }'))],
  run({ recipe }) {
    return recipe.steps.flatMap((step) => {
      const call = step.apiCall;
      const first = call?.expect?.[0];
      if (!call || !first || call.path) return [];
      return [
        report(
          expectNoCall,
          `"expect" needs an API call to check, but this block has no "path": add the operation's "path", or remove "expect".`,
          first.range,
          step.index,
        ),
      ];
    });
  },
};
