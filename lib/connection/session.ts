/**
 * Sessions, made from the browser straight to the endpoint (never through our server), through
 * the one request path (RequestModel -> toHttpRequest -> fetch).
 */
import { executeRequest } from '@/lib/request/execute';
import { errorText, type CallError } from '@/lib/request/response';
import type { RequestModel } from '@/lib/request/types';

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
  partnerId?: number;
  userId?: string;
  /** Unix seconds. */
  expiry?: number;
  /** 0 USER, 2 ADMIN. */
  type?: number;
  privileges?: string;
}

export const SESSION_TYPE_ADMIN = 2;

export function sessionStartModel(args: {
  serviceUrl: string;
  partnerId: number;
  secret: string;
  userId?: string;
  type?: number;
  expiry?: number;
  privileges?: string;
}): RequestModel {
  const type = args.type ?? SESSION_TYPE_ADMIN;
  const params: RequestModel['params'] = [
    { name: 'secret', value: { kind: 'string', value: args.secret }, secret: true },
    { name: 'userId', value: { kind: 'string', value: args.userId ?? '' } },
    {
      name: 'type',
      value: { kind: 'enum', enumType: 'KalturaSessionType', value: type, constant: type === 2 ? 'ADMIN' : 'USER' },
    },
    { name: 'partnerId', value: { kind: 'int', value: args.partnerId } },
    { name: 'expiry', value: { kind: 'int', value: args.expiry ?? 86400 } },
  ];
  if (args.privileges) params.push({ name: 'privileges', value: { kind: 'string', value: args.privileges } });
  return {
    stepIndex: -1,
    service: 'session',
    action: 'start',
    method: 'POST',
    serviceUrl: args.serviceUrl,
    params,
    partnerId: args.partnerId,
    format: 1,
  };
}

function explain(e: CallError | undefined, what: string): string {
  if (!e) return `${what} failed.`;
  if (e.kind === 'kaltura' && e.code === 'START_SESSION_ERROR') return `${what} failed: the partner ID or the admin secret is wrong (START_SESSION_ERROR: ${e.message}). Check both and try again.`;
  return `${what} failed: ${errorText(e)}`;
}

/** session.start with an admin secret: returns the KS. */
export async function startSession(
  args: Parameters<typeof sessionStartModel>[0],
  fetchImpl?: typeof fetch,
): Promise<string> {
  const r = await executeRequest(sessionStartModel(args), { fetchImpl });
  if (!r.ok || typeof r.json !== 'string' || r.json === '') {
    throw new SessionError(r.ok ? 'session.start did not answer a KS: is the service URL a Kaltura server?' : explain(r.error, 'Starting a session'), r.error);
  }
  return r.json;
}

/** session.get: who the KS belongs to and when it expires. */
export async function getSessionInfo(serviceUrl: string, ks: string, fetchImpl?: typeof fetch): Promise<SessionInfo> {
  const model: RequestModel = { stepIndex: -1, service: 'session', action: 'get', method: 'POST', serviceUrl, params: [], ks, format: 1 };
  const r = await executeRequest(model, { fetchImpl });
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
