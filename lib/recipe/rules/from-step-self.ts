/** from-step-self: a dynamicValue that reads from its own step. */
import { LIST, getWith, steps } from './examples';
import { checkFromSteps } from './from-step-uses';
import type { RecipeRule } from './rule';

export const fromStepSelf: RecipeRule = {
  id: 'from-step-self',
  severity: 'error',
  doc: 'A `dynamicValue` whose `fromStep` is its own step: the value would come from the response of the call it is an input of. `fromStep` counts steps from 0, so step 2 is `fromStep 1`: point it at an earlier step.',
  ok: [steps(LIST, getWith('{ "fromStep": 0, "value": "objects.0.id" }'))],
  notOk: [
    steps(LIST, getWith('{ "fromStep": ⟦1⟧, "value": "objects.0.id" }')),
    steps(getWith('{ "fromStep": ⟦0⟧, "value": "objects.0.id" }')),
  ],
  run: (ctx) =>
    checkFromSteps(
      ctx,
      fromStepSelf,
      (u) => u.from === u.step,
      (u) =>
        `"${u.name}" takes its value from its own step (fromStep ${u.from}): point fromStep at an earlier step (steps count from 0, so step ${u.step + 1} is fromStep ${u.step}).`,
    ),
};
