/**
 * What the from-step-* rules share: every dynamicValue of a recipe with the step it is in, and
 * the message for one in the first step (which has no earlier step, whatever it points at).
 */
import type { LintContext } from '../lint';
import type { Diagnostic, DynamicValue, Range } from '../types';
import { report, type RuleDoc } from './rule';
import { checkInputs } from './walk';

export interface FromStepUse {
  dv: DynamicValue;
  /** The input's readable name. */
  name: string;
  /** The 0-based index of the step the input is in, the one it reads from, and the number of steps. */
  step: number;
  from: number;
  steps: number;
  /** Where `fromStep` is written. */
  at: Range;
}

/**
 * Reports `rule` for every dynamicValue of the recipe that `applies` to, with `message` (or, in
 * the first step, the message that it has no earlier step).
 */
export function checkFromSteps(
  ctx: LintContext,
  rule: RuleDoc,
  applies: (u: FromStepUse) => boolean,
  message: (u: FromStepUse) => string,
): Diagnostic[] {
  return checkInputs(ctx.recipe, ({ dynamicValue: dv }, name, _owner, step) => {
    if (!dv) return undefined;
    const u: FromStepUse = {
      dv,
      name,
      step: step.index,
      from: dv.fromStep,
      steps: ctx.recipe.steps.length,
      at: ctx.locate(dv, 'fromStep') ?? dv.range,
    };
    if (!applies(u)) return undefined;
    const text =
      u.step === 0
        ? `"${name}" is in the first step, which has no earlier step to take a value from (fromStep ${u.from}): remove the dynamicValue, or move this input to a later step.`
        : message(u);
    return report(rule, text, u.at, u.step);
  });
}

/** `fromStep 0 to N`: the steps before step `i`. */
export function earlier(i: number): string {
  return i === 1 ? 'fromStep 0' : `fromStep 0 to ${i - 1}`;
}
