'use client';
/**
 * The interactive part of one step (form, Run button, response, demo, code samples), laid out by
 * the step runner (components/runner/StepRunner) in two panes around the step's heading and prose,
 * which the server renders and passes in as `children`. The step comes from the runner's recipe
 * (sent to the browser once, without prose), by index.
 */
import type { ReactNode } from 'react';
import { StepRunner } from '@/components/runner/StepRunner';
import { useRunnerContext } from '@/components/runner/RunnerContext';

export interface StepInteractiveProps {
  /** The step's 0-based index (shown as `Step ${index + 1}`). */
  stepIndex: number;
  /** The step's heading, problems and prose (server-rendered). */
  children?: ReactNode;
}

export function StepInteractive({ stepIndex, children }: StepInteractiveProps) {
  const ctx = useRunnerContext();
  const step = ctx?.recipe.steps[stepIndex];
  if (!step) return <>{children}</>;
  const call = step.apiCall;
  const hasOperation = !!(call?.method || call?.path);
  const main = (
    <>
      {children}
      {hasOperation && (
        <p className="step-operation">
          <span className="visually-hidden">Operation: </span>
          <span className={`method method-${(call?.method || 'post').toLowerCase()}`}>{(call?.method || 'post').toUpperCase()}</span>{' '}
          <code className="operation-path">{call?.path ?? '(no path)'}</code>
        </p>
      )}
    </>
  );
  return <StepRunner step={step} main={main} />;
}

export default StepInteractive;
