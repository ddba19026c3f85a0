/** from-step-later: a dynamicValue that reads from a step that runs after its own. */
import { LIST, getWith, steps } from './examples';
import { checkFromSteps, earlier } from './from-step-uses';
import type { RecipeRule } from './rule';

export const fromStepLater: RecipeRule = {
  id: 'from-step-later',
  severity: 'error',
  doc: 'A `dynamicValue` whose `fromStep` is a later step: that step has not run yet when this one runs, so the input never gets its value. Point `fromStep` at an earlier step (steps count from 0), or reorder the steps.',
  ok: [steps(LIST, getWith('{ "fromStep": 0, "value": "objects.0.id" }'))],
  notOk: [
    steps(LIST, getWith('{ "fromStep": ⟦2⟧, "value": "objects.0.id" }'), LIST),
    steps(getWith('{ "fromStep": ⟦1⟧, "value": "objects.0.id" }'), LIST),
  ],
  run: (ctx) =>
    checkFromSteps(
      ctx,
      fromStepLater,
      (u) => u.from > u.step && u.from < u.steps,
      (u) =>
        `"${u.name}" takes its value from step ${u.from + 1} (fromStep ${u.from}), which runs after this step: point fromStep at an earlier step (${earlier(u.step)}).`,
    ),
};
