/** from-step-out-of-range: a dynamicValue that reads from a step the recipe does not have. */
import { LIST, getWith, steps } from './examples';
import { checkFromSteps, earlier } from './from-step-uses';
import type { RecipeRule } from './rule';

export const fromStepOutOfRange: RecipeRule = {
  id: 'from-step-out-of-range',
  severity: 'error',
  doc: "A `dynamicValue` whose `fromStep` is past the last step. `fromStep` counts steps from 0, so in a recipe of 3 steps it is 0, 1 or 2 (and lower than the step's own). Point it at an earlier step.",
  ok: [steps(LIST, getWith('{ "fromStep": 0, "value": "objects.0.id" }'))],
  notOk: [
    steps(LIST, getWith('{ "fromStep": ⟦2⟧, "value": "objects.0.id" }')),
    steps(getWith('{ "fromStep": ⟦3⟧, "value": "objects.0.id" }')),
  ],
  run: (ctx) =>
    checkFromSteps(
      ctx,
      fromStepOutOfRange,
      (u) => u.from >= u.steps,
      (u) =>
        `"${u.name}" takes its value from fromStep ${u.from}, but the recipe has only ${u.steps} step${u.steps === 1 ? '' : 's'} (fromStep counts from 0): point it at an earlier step (${earlier(u.step)}).`,
    ),
};
