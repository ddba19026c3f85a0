/**
 * Dynamic values: `{fromStep, value}` reads a path in the response of an earlier step,
 * `{fromStep, answer}` a path in the inputs submitted in that step (`body.` reaches into its
 * JSON body). Steps are 0-based here and shown 1-based to users.
 */
import type { DynamicResolution, FieldError, StepResults } from './types';
import { getPath, hasPath } from './paths';

export interface DynamicRef {
  fromStep: number;
  value?: string;
  answer?: string;
}

/** `Run step 2 first`, `Run step 1 and step 2 first` (0-based steps, shown 1-based as on the page). */
export function runFirstMessage(fromSteps: number | readonly number[]): string {
  const steps = typeof fromSteps === 'number' ? [fromSteps] : fromSteps;
  return `Run step ${steps.map((s) => s + 1).join(' and step ')} first`;
}

/** Whether an error only says that an earlier step must run first (see FieldError.blockedBy). */
export function isBlockedError(e: FieldError): boolean {
  return e.blockedBy !== undefined;
}

/** "from step 1: id" / "from step 1 input: body.entry.name" — where a dynamic value comes from. */
export function describeSource(ref: DynamicRef): string {
  return ref.answer !== undefined
    ? `from step ${ref.fromStep + 1} input: ${ref.answer}`
    : `from step ${ref.fromStep + 1}: ${ref.value ?? ''}`;
}

export function resolveDynamic(ref: DynamicRef, results: StepResults): DynamicResolution {
  const outcome = results[ref.fromStep];
  if (!outcome || !outcome.ok) {
    return { status: 'blocked', fromStep: ref.fromStep, message: runFirstMessage(ref.fromStep) };
  }
  if (ref.answer !== undefined) {
    const answers = outcome.answers ?? {};
    if (!hasPath(answers, ref.answer)) {
      return {
        status: 'missing',
        fromStep: ref.fromStep,
        message: `Step ${ref.fromStep + 1} was run without a value for ${ref.answer}: fill it there and run it again.`,
      };
    }
    return { status: 'ok', value: getPath(answers, ref.answer) };
  }
  const path = ref.value ?? '';
  if (path === '') return { status: 'ok', value: outcome.response };
  if (!hasPath(outcome.response, path)) {
    return {
      status: 'missing',
      fromStep: ref.fromStep,
      message: `The response of step ${ref.fromStep + 1} has no ${path}: check that step's response, or type a value.`,
    };
  }
  return { status: 'ok', value: getPath(outcome.response, path) };
}
