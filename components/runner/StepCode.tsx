'use client';
/**
 * The code samples of a step, printed from the same RequestModel the live call uses
 * (components/code/CodeSamples), starting from the sample the server made for the initial values.
 */
import { useMemo } from 'react';
import { laterReads } from '@/lib/codegen/reads';
import type { Step } from '@/lib/recipe/types';
import type { Connection, RequestModel } from '@/lib/request/types';
import type { ApiDescription } from '@/lib/description/types';
import { CodeSamples } from '@/components/code/CodeSamples';
import { useConnectionState, useRunnerContext, useRunnerState } from './RunnerContext';
import { isPending } from './WholeRecipe';

export interface StepCodeProps {
  step: Step;
  request: RequestModel | null;
  answers: Record<string, unknown>;
  connection: Connection;
  api: ApiDescription;
}

export function StepCode({ step, request, answers, connection, api }: StepCodeProps) {
  // Always inside the runner's provider (StepRunner renders nothing without it).
  const ctx = useRunnerContext()!;
  const conn = useConnectionState(ctx.connection);
  const rs = useRunnerState(ctx.runner);
  // What later steps take from this step's result: the samples print it for a reader running them one by one.
  const reads = useMemo(() => laterReads(ctx.recipe.steps, step.index), [ctx.recipe, step.index]);
  if (step.languages.length === 0) return null;
  return (
    <CodeSamples
      step={step}
      request={request}
      answers={answers}
      connection={connection}
      api={api}
      initial={ctx.initialCode?.steps[step.index]}
      serverLanguage={ctx.initialCode?.lang}
      pending={isPending(conn.status, rs)}
      apiTag={ctx.apiSource.status === 'loaded' ? (ctx.apiSource.url ?? 'other') : 'builtin'}
      reads={reads}
    />
  );
}
