'use client';
/**
 * The code samples of a step, printed from the same RequestModel the live call uses
 * (components/code/CodeSamples by the code-samples engineer).
 */
import type { Step } from '@/lib/recipe/types';
import type { Connection, RequestModel } from '@/lib/request/types';
import type { ApiDescription } from '@/lib/api/types';
import { CodeSamples } from '@/components/code/CodeSamples';

export interface StepCodeProps {
  step: Step;
  request: RequestModel | null;
  answers: Record<string, unknown>;
  connection: Connection;
  api: ApiDescription;
}

export function StepCode({ step, request, answers, connection, api }: StepCodeProps) {
  if (step.languages.length === 0) return null;
  return <CodeSamples step={step} request={request} answers={answers} connection={connection} api={api} />;
}
