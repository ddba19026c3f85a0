/**
 * Sessions, made from the browser straight to the endpoint (never through our server), through
 * the one request path (RequestModel -> toHttpRequest -> fetch).
 */
import { executeRequest } from '@/lib/request/execute';
import { errorText, type CallError } from '@/lib/request/response';
import { sessionGetModel, sessionStartModel, type SessionStartArgs } from '@/lib/request/models';

export class SessionError extends Error {
  constructor(
    message: string,
    readonly error?: CallError,
  ) {
    super(message);
    this.name = 'SessionError';
  }
}

export interface SessionInfo {
  partnerId?: number | undefined;
  userId?: string | undefined;
  /** Unix seconds. */
  expiry?: number | undefined;
  /** 0 USER, 2 ADMIN. */
  type?: number | undefined;
  privileges?: string | undefined;
}

function explain(e: CallError | undefined, what: string): string {
  if (!e) return `${what} failed.`;
  if (e.kind === 'kaltura' && e.code === 'START_SESSION_ERROR')
    return `${what} failed: the partner ID or the admin secret is wrong (START_SESSION_ERROR: ${e.message}). Check both and try again.`;
  return `${what} failed: ${errorText(e)}`;
}

/** session.start with an admin secret: returns the KS. */
export async function startSession(args: SessionStartArgs, fetchImpl?: typeof fetch): Promise<string> {
  const r = await executeRequest(sessionStartModel(args), { fetchImpl });
  if (!r.ok || typeof r.json !== 'string' || r.json === '') {
    throw new SessionError(
      r.ok ? 'session.start did not answer a KS: is the service URL a Kaltura server?' : explain(r.error, 'Starting a session'),
      r.error,
    );
  }
  return r.json;
}

/** session.get: who the KS belongs to and when it expires. */
export async function getSessionInfo(serviceUrl: string, ks: string, fetchImpl?: typeof fetch): Promise<SessionInfo> {
  const r = await executeRequest(sessionGetModel(serviceUrl, ks), { fetchImpl });
  if (!r.ok || !r.json || typeof r.json !== 'object') throw new SessionError(explain(r.error, 'Checking the session'), r.error);
  const o = r.json as Record<string, unknown>;
  const info: SessionInfo = {};
  if (typeof o.partnerId === 'number') info.partnerId = o.partnerId;
  if (typeof o.userId === 'string' && o.userId) info.userId = o.userId;
  if (typeof o.expiry === 'number') info.expiry = o.expiry;
  if (typeof o.sessionType === 'number') info.type = o.sessionType;
  if (typeof o.privileges === 'string' && o.privileges) info.privileges = o.privileges;
  return info;
}
