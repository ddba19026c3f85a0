'use client';
/**
 * The interactive part of one step (form, Run button, response, demo, code samples), rendered once
 * per step, full width below the step's prose, by StepSection. The step runner
 * (components/runner/StepRunner) does the work; this shows the operation the step calls.
 */
import type { Step } from '@/lib/recipe/types';
import { StepRunner } from '@/components/runner/StepRunner';

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
  if (!call && step.languages.length === 0 && !step.demo) return null;
  return (
    <div className="step-interactive" data-step-index={step.index}>
      {hasOperation && (
        <p className="step-operation">
          <span className="visually-hidden">Operation: </span>
          <span className={`method method-${(call?.method || 'post').toLowerCase()}`}>{(call?.method || 'post').toUpperCase()}</span>{' '}
          <code className="operation-path">{call?.path ?? '(no path)'}</code>
        </p>
      )}
      <StepRunner step={step} />
    </div>
  );
}

export default StepInteractive;
