/**
 * How a step's request is performed: `executeStep(x, executor)`. Without an executor it is one
 * request (executeRequest). An executor may take a step over and hand the others on to `next`:
 * the chunked uploader (lib/upload/step.ts) takes the steps that upload a file, receiving the same
 * RequestModel and the file Blobs, and answers an ExecuteResult whose json is the final upload
 * token. Nothing is installed globally: the page's runner context holds its executor
 * (components/runner/RunnerContext), the headless runner gets one from its caller.
 */
import { executeRequest, type ExecuteResult } from '@/lib/request/execute';
import { toHttpRequest } from '@/lib/request/http';
import type { RequestModel } from '@/lib/request/types';
import type { UploadStepHooks } from '@/lib/upload/types';

export interface StepProgress {
  sentBytes: number;
  totalBytes: number;
  /** Free-form details (chunks done, retried...) for the step's progress UI. */
  detail?: Record<string, unknown>;
}

export interface StepExecution {
  model: RequestModel;
  /** Blobs of file parameters by HTTP field name (`fileData`). */
  files: Record<string, Blob>;
  signal?: AbortSignal | undefined;
  onProgress?: (p: StepProgress) => void;
  /** The step's upload settings and where its running upload is shown (the page's upload step). */
  upload?: UploadStepHooks;
}

export type StepExecutor = (x: StepExecution, next: (x: StepExecution) => Promise<ExecuteResult>) => Promise<ExecuteResult>;

/** Performs a step: through `executor` when one is given (it may hand the step on), else as one request. */
export function executeStep(x: StepExecution, executor?: StepExecutor, fetchImpl?: typeof fetch): Promise<ExecuteResult> {
  const single = (s: StepExecution) => executeRequest(s.model, { files: s.files, signal: s.signal, fetchImpl });
  return executor ? executor(x, single) : single(x);
}

/**
 * An executor whose code loads on first use, for the steps `takes` says it handles: the page
 * does not load the uploader until a step uploads a file. The others go to `next` at once.
 */
export function lazyExecutor(takes: (x: StepExecution) => boolean, load: () => Promise<StepExecutor>): StepExecutor {
  let loading: Promise<StepExecutor> | undefined;
  return async (x, next) => {
    if (!takes(x)) return next(x);
    loading ??= load();
    let executor: StepExecutor;
    try {
      executor = await loading;
    } catch (e) {
      loading = undefined; // code that failed to load (offline) is tried again on the next run
      const message = `The code that performs this step could not be loaded (${e instanceof Error ? e.message : String(e)}). Check the connection and run the step again.`;
      return { ok: false, timeMs: 0, raw: '', request: toHttpRequest(x.model), error: { kind: 'network', message } };
    }
    return executor(x, next);
  };
}
