/**
 * The step executor a page's runner context holds (components/runner/RunnerContext): a step that
 * uploads a file goes to the chunked uploader (lib/upload/step.ts), whose code loads on the first
 * such step; every other step is one request. Light on purpose: it imports no uploader code.
 */
import { lazyExecutor, type StepExecutor } from '@/lib/runner/execute-step';
import { uploadFileParam } from './model';
import type { ExecutorDefaults } from './step';

export function uploadExecutor(defaults: ExecutorDefaults = {}): StepExecutor {
  return lazyExecutor(
    (x) => uploadFileParam(x) !== undefined,
    () => import('./step').then((m) => m.createUploadExecutor(defaults)),
  );
}
