/**
 * EXTENSION POINT for the step runner: the interactive part of one step (form, Run button,
 * response, code tabs). Rendered once per step, full width below the step's prose, by StepSection.
 *
 * Today it is a static placeholder that shows the operation the step calls and the languages it
 * offers. The runner replaces this body (and may add 'use client'): every prop is JSON-serialisable.
 */
import type { Step } from '@/lib/recipe/types';

export interface StepInteractiveProps {
  /** The recipe's slug (file name without .md), e.g. `upload-media`. */
  slug: string;
  /** The step (0-based `step.index`; shown as `Step ${index + 1}`). */
  step: Step;
  /** How many steps the recipe has. */
  stepCount: number;
}

export function StepInteractive({ step }: StepInteractiveProps) {
  const call = step.apiCall;
  const hasOperation = !!(call?.method || call?.path);
  if (!hasOperation && step.languages.length === 0) return null;
  return (
    <div className="step-interactive" data-step-index={step.index}>
      {hasOperation && (
        <p className="step-operation">
          <span className="visually-hidden">Operation: </span>
          <span className={`method method-${(call?.method || 'post').toLowerCase()}`}>{(call?.method || 'post').toUpperCase()}</span>{' '}
          <code className="operation-path">{call?.path ?? '(no path)'}</code>
        </p>
      )}
      {step.languages.length > 0 && (
        <div className="step-languages">
          <span className="step-languages-label" id={`step-${step.index + 1}-languages`}>
            Sample code
          </span>
          <ul className="language-list" aria-labelledby={`step-${step.index + 1}-languages`}>
            {step.languages.map((s) => (
              <li key={s.language} className={s.auto ? 'lang lang-auto' : 'lang lang-written'} title={s.auto ? 'generated from the step' : 'hand-written'}>
                {s.language}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export default StepInteractive;
