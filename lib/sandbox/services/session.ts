/** session.start / get / end with real KS v2 (see ks.ts). */
import type { Action } from '../context';
import { KalturaApiError } from '../errors';
import { nowSec } from '../ids';
import { buildKs, formatPrivileges, ksFingerprint, parsePrivileges, SESSION_ADMIN, SESSION_USER } from '../ks';

const MAX_EXPIRY = 10 * 365 * 86400;

export const start: Action = (ctx, a) => {
  const pid = (a.partnerId as number | null) ?? ctx.partnerId;
  if (pid === undefined || pid === null) throw new KalturaApiError('MISSING_MANDATORY_PARAMETER', { PARAM_NAME: 'partnerId' });
  const partner = ctx.core.store.getPartner(pid);
  if (!partner) throw new KalturaApiError('START_SESSION_ERROR', { PID: pid });
  const type = (a.type as number | null) ?? SESSION_USER;
  const secret = String(a.secret ?? '');
  const ok = type === SESSION_ADMIN ? secret === partner.admin_secret : secret === partner.admin_secret || secret === partner.secret;
  if (!ok || !secret) throw new KalturaApiError('START_SESSION_ERROR', { PID: pid });
  let expiry = (a.expiry as number | null) ?? 86400;
  if (!(expiry > 0)) expiry = 86400;
  expiry = Math.min(expiry, MAX_EXPIRY);
  return buildKs(partner.admin_secret, {
    partnerId: pid,
    type,
    userId: String(a.userId ?? ''),
    expiry: nowSec() + Math.floor(expiry),
    privileges: parsePrivileges(a.privileges as string | null),
  });
};

export const get: Action = (ctx, a) => {
  const s = a.session ? ctx.core.validateKs(String(a.session)) : ctx.session!;
  return {
    objectType: 'KalturaSessionInfo',
    ks: s.ks,
    sessionType: s.type,
    partnerId: s.partnerId,
    userId: s.userId,
    expiry: s.expiry,
    privileges: formatPrivileges(s.privileges),
  };
};

export const end: Action = (ctx) => {
  const s = ctx.session!;
  ctx.core.store.endSession(ksFingerprint(s.ks), s.expiry);
  return null;
};
