/**
 * Sending, for the uploader: one request made from a RequestModel (toHttpRequest) with a chunk's
 * bytes, through a Transport, with a timeout and an abort; what came back as a SendOutcome (by the
 * one classification of answers, lib/request/response.ts); whether sending again may help; and
 * the record of each send. It never decides what to send next: that is uploader.ts.
 */
import { toHttpRequest } from '@/lib/request/http';
import { classifyAnswer } from '@/lib/request/response';
import type { RequestModel } from '@/lib/request/types';
import { UploadError, isAbortError, isNetworkError, kalturaMessage } from './errors';
import { isRetryableKalturaCode, isRetryableStatus } from './retry';
import type { KalturaErrorBody, SendRecord, Transport, TransportResponse } from './types';

export type SendOutcome =
  | { kind: 'ok'; json: unknown }
  /** A Kaltura error, with the HTTP status it came with (Kaltura's own: 200). */
  | { kind: 'kaltura'; error: KalturaErrorBody; status: number }
  | { kind: 'http'; status: number; text: string }
  | { kind: 'network'; error: unknown }
  | { kind: 'aborted' };

/** An answer the server gave that is not a success. */
export type FailedAnswer = Extract<SendOutcome, { kind: 'kaltura' } | { kind: 'http' }>;

export const CANNOT_MATCH = 'UPLOAD_TOKEN_CANNOT_MATCH_EXPECTED_SIZE';

/** What an answer means to the uploader, by the one classification of answers. */
export function answerOutcome(res: TransportResponse): SendOutcome {
  const a = classifyAnswer(res);
  if (a.ok) {
    // Every call the uploader makes answers an upload token.
    if (a.json && typeof a.json === 'object') return { kind: 'ok', json: a.json };
    return { kind: 'http', status: res.status, text: `not an upload token: ${res.text.slice(0, 200)}` };
  }
  const e = a.error;
  if (e.kind === 'kaltura') {
    return {
      kind: 'kaltura',
      status: res.status,
      error: { code: e.code, message: e.message, args: e.args, ...(e.objectType ? { objectType: e.objectType } : {}) },
    };
  }
  return { kind: 'http', status: res.status, text: e.kind === 'parse' ? `not JSON: ${res.text.slice(0, 200)}` : res.text.slice(0, 500) };
}

/** Whether sending again may succeed: a Kaltura code that says so, or an HTTP status that does. */
export function retryable(out: FailedAnswer): boolean {
  return isRetryableStatus(out.status) || (out.kind === 'kaltura' && isRetryableKalturaCode(out.error.code));
}

/**
 * The error that ends the upload after a failed attempt at `what`, or undefined when it may be
 * sent again: an answer a retry cannot fix, or the last of `maxAttempts`.
 */
export function failureAfter(out: FailedAnswer, attempts: number, maxAttempts: number, what: string): UploadError | undefined {
  if (out.kind === 'kaltura' && !retryable(out)) return new UploadError(kalturaMessage(out.error), 'kaltura', out.error);
  if (out.kind === 'http' && !retryable(out))
    return new UploadError(`The server answered HTTP ${out.status} to ${what}: ${out.text}`, 'http');
  if (attempts < maxAttempts) return undefined;
  const why = out.kind === 'kaltura' ? kalturaMessage(out.error) : `HTTP ${out.status}: ${out.text}`;
  return new UploadError(
    `${what} failed ${attempts} times (${why}). The upload stopped; pick the same file again to continue it from where it stopped.`,
    out.kind,
    out.kind === 'kaltura' ? out.error : undefined,
  );
}

/** The record of one send (instrumentation: tests count bytes sent per offset). */
export function sendRecord(r: Omit<SendRecord, 'outcome' | 'error'>, out: SendOutcome): SendRecord {
  const rec: SendRecord = {
    ...r,
    outcome:
      out.kind === 'ok'
        ? 'ok'
        : out.kind === 'aborted'
          ? 'aborted'
          : out.kind === 'network'
            ? 'network'
            : out.kind === 'kaltura' && out.error.code === CANNOT_MATCH
              ? 'cannot-match'
              : 'error',
  };
  if (out.kind === 'kaltura') rec.error = out.error.code;
  else if (out.kind === 'http') rec.error = `HTTP ${out.status}`;
  else if (out.kind === 'network') rec.error = out.error instanceof Error ? out.error.message : String(out.error);
  return rec;
}

export interface SenderOptions {
  transport: Transport;
  /** The multipart field of the file (uploadToken.upload: `fileData`). */
  fileField: string;
  /** Per-request timeout in ms (default 2 min plus 1 s per 32 KiB sent). A timeout counts as a dropped connection. */
  timeoutMs?: number | undefined;
}

/** Sends requests and can abort all that are in flight. */
export class Sender {
  private readonly controllers = new Set<AbortController>();

  constructor(private readonly o: SenderOptions) {}

  /** Aborts every request in flight (each answers `aborted`). */
  abortAll(): void {
    for (const c of this.controllers) c.abort();
    this.controllers.clear();
  }

  /**
   * Sends `model` with `blob` as the file field's bytes. Never throws for network, HTTP or API
   * failures: it returns what happened. `onSent` gets an estimate of the bytes of `blob` on the
   * wire, when the transport can tell. Throws an UploadError (`input`) for anything else (a
   * transport bug, a file that cannot be read): sending again would not help.
   */
  async send(model: RequestModel, blob: Blob | undefined, onSent?: (bytes: number) => void): Promise<SendOutcome> {
    const ac = new AbortController();
    this.controllers.add(ac);
    const size = blob?.size ?? 0;
    const timeoutMs = this.o.timeoutMs ?? 120_000 + Math.ceil(size / 32);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ac.abort();
    }, timeoutMs);
    try {
      const res = await this.o.transport({
        http: toHttpRequest(model),
        files: blob ? { [this.o.fileField]: blob } : {},
        signal: ac.signal,
        onUploadProgress:
          onSent && ((loaded, total) => onSent(Math.min(size, total > 0 ? (loaded / total) * size : Math.min(loaded, size)))),
      });
      return answerOutcome(res);
    } catch (e) {
      if (timedOut) return { kind: 'network', error: new Error(`No answer within ${Math.round(timeoutMs / 1000)} s.`) };
      if (isAbortError(e)) return { kind: 'aborted' };
      if (isNetworkError(e)) return { kind: 'network', error: e };
      throw new UploadError(`The upload could not send a request: ${e instanceof Error ? e.message : String(e)}`, 'input');
    } finally {
      clearTimeout(timer);
      this.controllers.delete(ac);
    }
  }
}
