'use client';
/**
 * CODE SAMPLES SLOT. The code-samples engineer's `<CodeSamples step request answers connection />`
 * (components/code/CodeSamples.tsx) renders here, from the same RequestModel the live call uses.
 * Until it is committed, nothing is shown.
 */
import type { Step } from '@/lib/recipe/types';
import type { Connection, RequestModel } from '@/lib/request/types';

export interface StepCodeProps {
  step: Step;
  request: RequestModel | null;
  answers: Record<string, unknown>;
  connection: Connection;
}

export function StepCode(_props: StepCodeProps) {
  return null;
}
