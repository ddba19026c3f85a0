/**
 * "Is this answer an error, and which": the one classification of what a Kaltura endpoint
 * answers, used by the live call (execute.ts), the uploader (lib/upload), the headless runner and
 * the CLIs through them. Kaltura answers errors with HTTP 200 and a KalturaAPIException (`code`,
 * `message`, `args`) in place of the result; a multirequest answers an array in which any item may
 * be one; anything else that is not JSON, or not HTTP 2xx, is an error of its own kind.
 */

export type CallError =
  | { kind: 'kaltura'; code: string; message: string; args: Record<string, string>; objectType?: string; index?: number }
  | { kind: 'network'; message: string }
  | { kind: 'http'; status: number; message: string }
  | { kind: 'parse'; message: string }
  | { kind: 'aborted'; message: string }
  /** A value an earlier step gives is missing: `fromStep` (0-based) must run first. */
  | { kind: 'unresolved'; message: string; fromStep: number; path: string }
  | { kind: 'file'; message: string };

export type KalturaCallError = Extract<CallError, { kind: 'kaltura' }>;

/** A KalturaAPIException as the server sends it. */
export interface KalturaErrorJson {
  code: string;
  message: string;
  objectType?: string;
  args?: unknown;
}

/** Whether a parsed answer is a Kaltura error object (a KalturaAPIException, or `{code, message}` without another class). */
export function isKalturaError(x: unknown): x is KalturaErrorJson {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return false;
  const o = x as Record<string, unknown>;
  return (
    o.objectType === 'KalturaAPIException' ||
    (typeof o.code === 'string' && typeof o.message === 'string' && (o.objectType === undefined || /Exception$/.test(String(o.objectType))))
  );
}

/** The error a Kaltura error object stands for; `index` is its place in a multirequest answer. */
export function kalturaError(x: KalturaErrorJson, index?: number): KalturaCallError {
  const args: Record<string, string> = {};
  if (x.args && typeof x.args === 'object') {
    // Kaltura sends args as an object; some versions as a list of {name, value}.
    if (Array.isArray(x.args)) {
      for (const a of x.args as Array<{ name?: unknown; value?: unknown }>)
        if (a && a.name !== undefined) args[String(a.name)] = String(a.value ?? '');
    } else for (const [k, v] of Object.entries(x.args)) args[k] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  const e: KalturaCallError = { kind: 'kaltura', code: String(x.code), message: String(x.message), args };
  if (x.objectType) e.objectType = x.objectType;
  if (index !== undefined) e.index = index;
  return e;
}

/** What an endpoint answered: the HTTP status (and its reason phrase) and the body as text. */
export interface HttpAnswer {
  status: number;
  statusText?: string;
  text: string;
}

export type ClassifiedAnswer =
  /** HTTP 2xx with JSON that holds no Kaltura error (`json` is undefined for an empty body). */
  { ok: true; json: unknown } | { ok: false; json?: unknown; error: CallError };

function httpError(a: HttpAnswer, hint = ''): CallError {
  return {
    kind: 'http',
    status: a.status,
    message: `The server answered HTTP ${a.status}${a.statusText ? ` ${a.statusText}` : ''}.${hint}`,
  };
}

/**
 * Classifies an answer: text that is not JSON (a `parse` error on 2xx, else `http`), a Kaltura
 * error whatever the HTTP status (also one item of a multirequest array, with its index), any
 * other non-2xx (`http`), else ok.
 */
export function classifyAnswer(a: HttpAnswer): ClassifiedAnswer {
  const success = a.status >= 200 && a.status < 300;
  let json: unknown;
  try {
    json = a.text === '' ? undefined : JSON.parse(a.text);
  } catch {
    const hint = a.text.trimStart().startsWith('<')
      ? ' It looks like HTML or XML: check that the service URL is the server address without /api_v3.'
      : '';
    return {
      ok: false,
      error: success
        ? { kind: 'parse', message: `The server answered HTTP ${a.status} with text that is not JSON.${hint}` }
        : httpError(a, hint),
    };
  }
  if (isKalturaError(json)) return { ok: false, json, error: kalturaError(json) };
  if (Array.isArray(json)) {
    const i = json.findIndex(isKalturaError);
    if (i >= 0) return { ok: false, json, error: kalturaError(json[i] as KalturaErrorJson, i) };
  }
  if (!success) return { ok: false, json, error: httpError(a) };
  return { ok: true, json };
}

/** An error as one line of text: `CODE: message` for a Kaltura error, the message otherwise. */
export function errorText(e: CallError): string {
  return e.kind === 'kaltura' ? `${e.code}: ${e.message}` : e.message;
}

/** Whether an error means the session is not valid (expired, ended, or made for another partner). */
export function isSessionError(e: CallError | undefined): e is KalturaCallError {
  return !!e && e.kind === 'kaltura' && /^(INVALID_KS|EXPIRED_KS|KS_EXPIRED|INVALID_KS_.*)$/.test(e.code);
}
