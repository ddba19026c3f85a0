/** from-step-no-call: a dynamicValue that reads from a step that makes no call. */
import type { Recipe } from '../types';
import { LIST, call, getWith, steps } from './examples';
import { checkFromSteps } from './from-step-uses';
import type { RecipeRule } from './rule';

export const fromStepNoCall: RecipeRule = {
  id: 'from-step-no-call',
  severity: 'error',
  doc: 'A `dynamicValue` that reads from an earlier step that makes no API call: that step never has a response (for `value`) and never submits its inputs (for `answer`), so the input gets no value. Point `fromStep` at the step whose call has it; the message names the candidates.',
  ok: [steps(LIST, getWith('{ "fromStep": 0, "value": "objects.0.id" }'))],
  notOk: [
    steps('Text only.', getWith('{ "fromStep": ⟦0⟧, "value": "id" }')),
    steps(LIST, call('{ "parameters": [{ "name": "entryId" }] }'), getWith('{ "fromStep": ⟦1⟧, "answer": "entryId" }')),
  ],
  run: (ctx) =>
    checkFromSteps(
      ctx,
      fromStepNoCall,
      (u) => {
        const from = ctx.recipe.steps[u.from];
        return u.from < u.step && from !== undefined && !from.apiCall?.path;
      },
      (u) => {
        const hint = callingStepHint(ctx.recipe, u.step, u.dv.answer);
        const end = hint.endsWith('?') ? '' : '.';
        const shown = `step ${u.from + 1} (fromStep ${u.from})`;
        return u.dv.value !== undefined
          ? `"${u.name}" reads "${u.dv.value}" from the response of ${shown}, but that step makes no API call, so it never has a response: point fromStep at the step whose call returns it${hint}${end}`
          : `"${u.name}" reads the input "${u.dv.answer}" submitted in ${shown}, but that step makes no API call, so it is never run and never submits anything: point fromStep at the step that has this input${hint}${end}`;
      },
    ),
};

/**
 * `: did you mean fromStep 2 (step 3), which has that input?` when an earlier step with a call has
 * the input an `answer` names; else `(steps with a call before this one: fromStep 1, 2)`; or ''.
 */
function callingStepHint(recipe: Recipe, before: number, answer?: string): string {
  const calls = recipe.steps.slice(0, before).filter((s) => s.apiCall?.path);
  if (answer !== undefined) {
    const segs = answer.split('.');
    const top = segs[0] === 'body' ? segs[1] : segs[0];
    const has = calls.find((s) =>
      s.apiCall!.parameters.some(
        (p) => p.name === top || (p.schema?.properties && Object.prototype.hasOwnProperty.call(p.schema.properties, top ?? '')),
      ),
    );
    if (has) return `: did you mean fromStep ${has.index} (step ${has.index + 1}), which has that input?`;
  }
  if (calls.length === 0) return '';
  return ` (steps with a call before this one: ${calls.map((c) => `fromStep ${c.index}`).join(', ')})`;
}
