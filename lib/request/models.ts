/**
 * The constructors of RequestModels. `requestModel` is the only place a model is assembled: the
 * step builder (build.ts) and the typed constructors below call it, and nothing else writes one
 * by hand. The typed constructors are the calls the console makes on its own (not a recipe step):
 * session.start and session.get for the connection (and the set-up every code sample prints),
 * media.get while an entry is processed, uploadToken.get while a file is uploaded.
 */
import type { Connection, Field, RequestModel, Value } from './types';

/** Where a call goes and with which session. */
export type CallTarget = Pick<Connection, 'serviceUrl' | 'ks' | 'partnerId'>;

export interface CallSpec {
  /** The step the call belongs to (0-based); -1 for calls of no step (the connection's). */
  stepIndex: number;
  service: string;
  action: string;
  /** The service as the URL names it, when it differs (plugin services). */
  serviceId?: string | undefined;
  plugin?: string | undefined;
  /** Arguments in the operation's argument order. */
  params: Field[];
  /** False for the actions that take no KS (session.start); the target's KS is sent otherwise. */
  requiresKs?: boolean | undefined;
}

/** The RequestModel of a call on a target: POST, JSON answers (`format` 1), the KS when the action takes one. */
export function requestModel(spec: CallSpec, target: CallTarget): RequestModel {
  const model: RequestModel = {
    stepIndex: spec.stepIndex,
    service: spec.service,
    action: spec.action,
    method: 'POST',
    serviceUrl: target.serviceUrl,
    params: spec.params,
    format: 1,
  };
  if (spec.serviceId) model.serviceId = spec.serviceId;
  if (spec.plugin) model.plugin = spec.plugin;
  if ((spec.requiresKs ?? true) && target.ks) model.ks = target.ks;
  if (target.partnerId !== undefined) model.partnerId = target.partnerId;
  return model;
}

const str = (value: string): Value => ({ kind: 'string', value });
const int = (value: number): Value => ({ kind: 'int', value });

export const SESSION_TYPE_USER = 0;
export const SESSION_TYPE_ADMIN = 2;
/** The session length the console asks for, in seconds (Kaltura's default too). */
export const SESSION_EXPIRY_SECONDS = 86400;

export interface SessionStartArgs {
  serviceUrl: string;
  partnerId: number;
  /** The admin (or user) secret: a secret field, masked in samples unless they are asked to show it. */
  secret: string;
  userId?: string | undefined;
  /** KalturaSessionType: ADMIN (2, default) or USER (0). */
  type?: number | undefined;
  expiry?: number | undefined;
  privileges?: string | undefined;
}

/**
 * session.start with a secret: the login the connection panel and the CLIs make, and the set-up
 * every generated sample prints (lib/codegen), so that the code shown is the call made.
 */
export function sessionStartModel(args: SessionStartArgs): RequestModel {
  const type = args.type ?? SESSION_TYPE_ADMIN;
  const params: Field[] = [
    { name: 'secret', value: str(args.secret), secret: true },
    { name: 'userId', value: str(args.userId ?? '') },
    {
      name: 'type',
      value: { kind: 'enum', enumType: 'KalturaSessionType', value: type, constant: type === SESSION_TYPE_ADMIN ? 'ADMIN' : 'USER' },
    },
    { name: 'partnerId', value: int(args.partnerId) },
    { name: 'expiry', value: int(args.expiry ?? SESSION_EXPIRY_SECONDS) },
  ];
  if (args.privileges) params.push({ name: 'privileges', value: str(args.privileges) });
  return requestModel(
    { stepIndex: -1, service: 'session', action: 'start', params, requiresKs: false },
    { serviceUrl: args.serviceUrl, partnerId: args.partnerId },
  );
}

/** session.get of the KS the call is made with: whose it is and when it expires. */
export function sessionGetModel(serviceUrl: string, ks: string): RequestModel {
  return requestModel({ stepIndex: -1, service: 'session', action: 'get', params: [] }, { serviceUrl, ks });
}

/** media.get of one entry (following its processing after the step that made it). */
export function mediaGetModel(entryId: string, target: CallTarget, stepIndex: number): RequestModel {
  return requestModel({ stepIndex, service: 'media', action: 'get', params: [{ name: 'entryId', value: str(entryId) }] }, target);
}

/** uploadToken.get of a token (what it holds, while its file is uploaded); `id` as the upload sends it. */
export function uploadTokenGetModel(id: Value | undefined, target: CallTarget, stepIndex: number): RequestModel {
  return requestModel(
    { stepIndex, service: 'uploadToken', action: 'get', params: id ? [{ name: 'uploadTokenId', value: id }] : [] },
    target,
  );
}
