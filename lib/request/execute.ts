/**
 * Performs a RequestModel with fetch (browser or Node), from its one HTTP form (toHttpRequest) and
 * body (httpBody). Measures the time, and says what went wrong: no answer at all, or what the one
 * classification of answers (response.ts) finds: a Kaltura error, an HTTP error, text that is not JSON.
 */
import { runFirstMessage } from '@/lib/form/dynamic';
import { MissingFileError, httpBody } from './body';
import { toHttpRequest } from './http';
import { classifyAnswer, type CallError } from './response';
import type { HttpRequest, RequestModel, Value } from './types';

export { isKalturaError, isSessionError, type CallError } from './response';

export interface ExecuteResult {
  /** True when the call answered HTTP 2xx with JSON that is not a Kaltura error. */
  ok: boolean;
  /** HTTP status (absent when there was no answer). */
  status?: number | undefined;
  /** Wall time from sending to the parsed answer, in milliseconds. */
  timeMs: number;
  /** The answer's text as received. */
  raw: string;
  /** The parsed JSON answer. */
  json?: unknown | undefined;
  contentType?: string | undefined;
  error?: CallError | undefined;
  /** What was sent (secret query values listed in secretQueryKeys). */
  request: HttpRequest;
}

export interface ExecuteOptions {
  /** The bytes of file parameters, by their HTTP field name (the parameter name: `fileData`). */
  files?: Record<string, Blob>;
  signal?: AbortSignal | undefined;
  fetchImpl?: typeof fetch | undefined;
}

/** The first unresolved reference in the model, as "step N: path". */
export function findUnresolved(model: RequestModel): { fromStep: number; path: string } | undefined {
  const visit = (v: Value): { fromStep: number; path: string } | undefined => {
    if (v.kind === 'ref') return v.resolved ? visit(v.resolved) : { fromStep: v.fromStep, path: v.path };
    if (v.kind === 'object')
      for (const f of v.fields) {
        const r = visit(f.value);
        if (r) return r;
      }
    if (v.kind === 'array')
      for (const i of v.items) {
        const r = visit(i);
        if (r) return r;
      }
    return undefined;
  };
  for (const p of model.params) {
    const r = visit(p.value);
    if (r) return r;
  }
  return undefined;
}

export function networkErrorMessage(url: string, cause: unknown): string {
  let origin = url;
  try {
    origin = new URL(url).origin;
  } catch {
    /* keep the url */
  }
  const detail = cause instanceof Error ? cause.message : String(cause);
  return (
    `No answer from ${origin} (${detail}). The server may be down or unreachable, the service URL may be wrong, ` +
    `or it does not accept calls from this page (CORS). Check the connection settings and try again.`
  );
}

export async function executeRequest(model: RequestModel, opts: ExecuteOptions = {}): Promise<ExecuteResult> {
  const request = toHttpRequest(model);
  const started = now();
  const unresolved = findUnresolved(model);
  if (unresolved) {
    return {
      ok: false,
      timeMs: 0,
      raw: '',
      request,
      error: {
        kind: 'unresolved',
        message: `${runFirstMessage(unresolved.fromStep)}: this call needs its ${unresolved.path}.`,
        ...unresolved,
      },
    };
  }
  let body: BodyInit | undefined;
  try {
    body = httpBody(request, opts.files);
  } catch (e) {
    if (!(e instanceof MissingFileError)) throw e;
    return { ok: false, timeMs: 0, raw: '', request, error: { kind: 'file', message: e.message } };
  }
  const doFetch = opts.fetchImpl ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  let res: Response;
  try {
    res = await doFetch(request.url, {
      method: 'POST',
      body: body ?? null,
      signal: opts.signal ?? null,
      headers: { accept: 'application/json' },
    });
  } catch (e) {
    const aborted = (e as { name?: string })?.name === 'AbortError';
    return {
      ok: false,
      timeMs: now() - started,
      raw: '',
      request,
      error: aborted
        ? { kind: 'aborted', message: 'The call was cancelled.' }
        : { kind: 'network', message: networkErrorMessage(request.url, e) },
    };
  }
  let raw: string;
  try {
    raw = await res.text();
  } catch (e) {
    return {
      ok: false,
      status: res.status,
      timeMs: now() - started,
      raw: '',
      request,
      error: {
        kind: 'network',
        message: `The connection broke while reading the answer (${(e as Error)?.message ?? e}). Run the step again.`,
      },
    };
  }
  const timeMs = now() - started;
  const contentType = res.headers.get('content-type') ?? undefined;
  const base = { status: res.status, timeMs, raw, request, contentType };
  const answer = classifyAnswer({ status: res.status, statusText: res.statusText, text: raw });
  return answer.ok ? { ok: true, ...base, json: answer.json } : { ok: false, ...base, json: answer.json, error: answer.error };
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
