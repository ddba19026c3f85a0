/**
 * The uploader as the step runner's executor (lib/runner/execute-step.ts): a step that calls
 * uploadToken.upload with a file goes through the chunked uploader instead of one request, and
 * answers the runner's ExecuteResult with the final token as the step's response. Other steps go
 * to `next` (one request).
 *
 * Each run brings its step's hooks (StepExecution.upload): the user's choices (Advanced: mode,
 * chunk size, parallel streams) and where to show the running Upload. The page loads this module
 * only when a step uploads (lib/upload/executor.ts).
 */
import type { CallError, ExecuteResult } from '@/lib/request/execute';
import { toHttpRequest } from '@/lib/request/http';
import type { StepExecution, StepExecutor } from '@/lib/runner/execute-step';
import { UploadError } from './errors';
import { chunkModel, uploadFileParam } from './model';
import type { FileLike } from './types';
import { Upload, type UploadOptions } from './uploader';

function toCallError(e: unknown): CallError {
  if (e instanceof UploadError) {
    switch (e.kind) {
      case 'kaltura':
        return { kind: 'kaltura', code: e.kaltura?.code ?? 'UPLOAD_ERROR', message: e.message, args: { ...(e.kaltura?.args ?? {}) } };
      case 'cancelled':
        return { kind: 'aborted', message: e.message };
      case 'network':
        return { kind: 'network', message: e.message };
      case 'http':
        return { kind: 'http', status: 0, message: e.message };
      default:
        return { kind: 'file', message: e.message };
    }
  }
  return { kind: 'file', message: e instanceof Error ? e.message : String(e) };
}

/** Options every upload started by the executor gets (tests may inject a transport or store). */
export type ExecutorDefaults = Omit<UploadOptions, 'model' | 'file' | 'mode' | 'chunkSize' | 'parallel'>;

/** Builds the executor. `defaults` are passed to every Upload. */
export function createUploadExecutor(defaults: ExecutorDefaults = {}): StepExecutor {
  return async (x: StepExecution, next) => {
    const fileParam = uploadFileParam(x);
    if (!fileParam) return next(x);
    const blob = x.files[fileParam.name]!;
    const h = x.upload;
    const choice = h?.choice ?? { mode: 'auto' as const };
    const started = Date.now();
    const file: FileLike = blob;
    const u = new Upload({
      ...defaults,
      model: x.model,
      file,
      fileField: fileParam.name,
      mode: choice.mode,
      chunkSize: choice.chunkSize,
      parallel: choice.parallel,
    });
    const off = u.on((e) => {
      if ((e.type === 'progress' || e.type === 'state') && x.onProgress) {
        const p = e.progress;
        x.onProgress({
          sentBytes: p.doneBytes,
          totalBytes: p.totalBytes,
          detail: { ...p.chunks, state: p.state, speed: p.speed, etaSeconds: p.etaSeconds },
        });
      }
    });
    const onAbort = () => u.cancel();
    x.signal?.addEventListener('abort', onAbort, { once: true });
    if (x.signal?.aborted) u.cancel();
    h?.onUpload?.(u);
    // What the step shows as "sent": the last request of the upload (its model is the form's model with the chunk's values).
    const lastRequest = () => {
      const last = u.sends[u.sends.length - 1];
      const m = last
        ? chunkModel(
            x.model,
            {
              name: ('name' in blob && typeof blob.name === 'string' && blob.name) || 'file',
              size: last.size,
              resume: last.resume,
              finalChunk: last.finalChunk,
              resumeAt: last.resumeAt,
            },
            fileParam.name,
          )
        : x.model;
      return toHttpRequest(m);
    };
    try {
      const token = await u.start();
      const raw = JSON.stringify(token);
      return {
        ok: true,
        status: 200,
        timeMs: Date.now() - started,
        raw,
        json: token,
        contentType: 'application/json',
        request: lastRequest(),
      } satisfies ExecuteResult;
    } catch (e) {
      const error = toCallError(e);
      const k = e instanceof UploadError ? e.kaltura : undefined;
      return {
        ok: false,
        ...(k ? { status: 200, json: k } : {}),
        timeMs: Date.now() - started,
        raw: k ? JSON.stringify(k) : '',
        error,
        request: lastRequest(),
      } satisfies ExecuteResult;
    } finally {
      off();
      x.signal?.removeEventListener('abort', onAbort);
    }
  };
}
