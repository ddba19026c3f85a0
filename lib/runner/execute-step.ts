/**
 * How a step's request is performed. StepInteractive calls `executeStep`; by default it is one
 * request (executeRequest). The chunked uploader (lib/upload) takes over steps that send a file by
 * installing its own executor with `setStepExecutor` (it receives the same RequestModel and the
 * file Blobs, and answers an ExecuteResult whose json is the final upload token).
 */
import { executeRequest, type ExecuteResult } from '@/lib/request/execute';
import type { RequestModel } from '@/lib/request/types';

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
  signal?: AbortSignal;
  onProgress?: (p: StepProgress) => void;
}

export type StepExecutor = (x: StepExecution, next: (x: StepExecution) => Promise<ExecuteResult>) => Promise<ExecuteResult>;

const single = (x: StepExecution) => executeRequest(x.model, { files: x.files, signal: x.signal });
let executor: StepExecutor | undefined;

/** Installs an executor (e.g. the chunked uploader); it may call `next` for requests it does not handle. */
export function setStepExecutor(fn: StepExecutor | undefined): void {
  executor = fn;
}

export function hasFileParam(model: RequestModel): boolean {
  return model.params.some((p) => p.value.kind === 'file');
}

export function executeStep(x: StepExecution): Promise<ExecuteResult> {
  return executor ? executor(x, single) : single(x);
}
