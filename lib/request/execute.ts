/**
 * Performs a RequestModel with fetch (browser or Node), from its one HTTP form (toHttpRequest).
 * Measures the time, parses the JSON, and classifies what went wrong: a Kaltura error (HTTP 200
 * with `code` and `message`), an HTTP error, an answer that is not JSON, or no answer at all.
 */
import { MissingFileError, httpBody } from './body';
import { toHttpRequest } from './http';
import type { HttpRequest, RequestModel, Value } from './types';

export type CallError =
  | { kind: 'kaltura'; code: string; message: string; args: Record<string, string>; objectType?: string; index?: number }
  | { kind: 'network'; message: string }
  | { kind: 'http'; status: number; message: string }
  | { kind: 'parse'; message: string }
  | { kind: 'aborted'; message: string }
  | { kind: 'unresolved'; message: string }
  | { kind: 'file'; message: string };

export interface ExecuteResult {
  /** True when the call answered HTTP 2xx with JSON that is not a Kaltura error. */
  ok: boolean;
  /** HTTP status (absent when there was no answer). */
  status?: number;
  /** Wall time from sending to the parsed answer, in milliseconds. */
  timeMs: number;
  /** The answer's text as received. */
  raw: string;
  /** The parsed JSON answer. */
  json?: unknown;
  contentType?: string;
  error?: CallError;
  /** What was sent (secret query values listed in secretQueryKeys). */
  request: HttpRequest;
}

export interface ExecuteOptions {
  /** The bytes of file parameters, by their HTTP field name (the parameter name: `fileData`). */
  files?: Record<string, Blob>;
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
}

/** Whether a parsed answer is a Kaltura error object. */
export function isKalturaError(x: unknown): x is { code: string; message: string; objectType?: string; args?: unknown } {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return false;
  const o = x as Record<string, unknown>;
  return (
    o.objectType === 'KalturaAPIException' ||
    (typeof o.code === 'string' && typeof o.message === 'string' && (o.objectType === undefined || /Exception$/.test(String(o.objectType))))
  );
}

function kalturaError(x: { code: string; message: string; objectType?: string; args?: unknown }, index?: number): CallError {
  const args: Record<string, string> = {};
  if (x.args && typeof x.args === 'object') {
    // Kaltura sends args as an object; some versions as a list of {name, value}.
    if (Array.isArray(x.args)) {
      for (const a of x.args as Array<{ name?: unknown; value?: unknown }>) if (a && a.name !== undefined) args[String(a.name)] = String(a.value ?? '');
    } else for (const [k, v] of Object.entries(x.args)) args[k] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  const e: CallError = { kind: 'kaltura', code: String(x.code), message: String(x.message), args };
  if (x.objectType) e.objectType = x.objectType;
  if (index !== undefined) e.index = index;
  return e;
}

/** The first unresolved reference in the model, as "step N: path". */
export function findUnresolved(model: RequestModel): { fromStep: number; path: string } | undefined {
  const visit = (v: Value): { fromStep: number; path: string } | undefined => {
    if (v.kind === 'ref') return v.resolved ? visit(v.resolved) : { fromStep: v.fromStep, path: v.path };
    if (v.kind === 'object') for (const f of v.fields) { const r = visit(f.value); if (r) return r; }
    if (v.kind === 'array') for (const i of v.items) { const r = visit(i); if (r) return r; }
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
      error: { kind: 'unresolved', message: `Run step ${unresolved.fromStep + 1} first: this call needs its ${unresolved.path}.` },
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
    res = await doFetch(request.url, { method: 'POST', body, signal: opts.signal, headers: { accept: 'application/json' } });
  } catch (e) {
    const aborted = (e as { name?: string })?.name === 'AbortError';
    return {
      ok: false,
      timeMs: now() - started,
      raw: '',
      request,
      error: aborted ? { kind: 'aborted', message: 'The call was cancelled.' } : { kind: 'network', message: networkErrorMessage(request.url, e) },
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
      error: { kind: 'network', message: `The connection broke while reading the answer (${(e as Error)?.message ?? e}). Run the step again.` },
    };
  }
  const timeMs = now() - started;
  const contentType = res.headers.get('content-type') ?? undefined;
  const base = { status: res.status, timeMs, raw, request, contentType };
  let json: unknown;
  try {
    json = raw === '' ? undefined : JSON.parse(raw);
  } catch {
    const hint = raw.trimStart().startsWith('<')
      ? ' It looks like HTML or XML: check that the service URL is the server address without /api_v3.'
      : '';
    const error: CallError = res.ok
      ? { kind: 'parse', message: `The server answered HTTP ${res.status} with text that is not JSON.${hint}` }
      : { kind: 'http', status: res.status, message: `The server answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.${hint}` };
    return { ok: false, ...base, error };
  }
  if (isKalturaError(json)) return { ok: false, ...base, json, error: kalturaError(json) };
  if (Array.isArray(json)) {
    const i = json.findIndex(isKalturaError);
    if (i >= 0) return { ok: false, ...base, json, error: kalturaError(json[i], i) };
  }
  if (!res.ok) {
    return { ok: false, ...base, json, error: { kind: 'http', status: res.status, message: `The server answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.` } };
  }
  return { ok: true, ...base, json };
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Whether an error means the session is not valid (expired, ended, or made for another partner). */
export function isSessionError(e: CallError | undefined): boolean {
  return !!e && e.kind === 'kaltura' && /^(INVALID_KS|EXPIRED_KS|KS_EXPIRED|INVALID_KS_.*)$/.test(e.code);
}
