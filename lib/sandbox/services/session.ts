/** session.start / get / end with real KS v2 (see ks.ts). */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Action } from '../context';
import { KalturaApiError } from '../errors';
import { nowSec } from '../ids';
import { buildKs, formatPrivileges, ksFingerprint, parsePrivileges, SESSION_ADMIN, SESSION_USER } from '../ks';
import { ensureUser } from './users';

const MAX_EXPIRY = 10 * 365 * 86400;

/** Constant-time comparison (of fixed-length digests, so the length does not show either). */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

export const start: Action = async (ctx, a) => {
  const pid = (a.partnerId as number | null) ?? ctx.partnerId;
  if (pid === undefined || pid === null) throw new KalturaApiError('MISSING_MANDATORY_PARAMETER', { PARAM_NAME: 'partnerId' });
  const partner = await ctx.core.store.getPartner(pid);
  if (!partner) throw new KalturaApiError('START_SESSION_ERROR', { PID: pid });
  const type = (a.type as number | null) ?? SESSION_USER;
  const secret = String(a.secret ?? '');
  const backoff = ctx.core.loginBackoff;
  const wait = backoff.wait(pid);
  if (wait > 0) {
    // refused before the secret is compared: guessing cannot go faster than the back-off
    throw new KalturaApiError('ACTION_BLOCKED', {
      ACTION_NAME: 'start',
      SERVICE_NAME: 'session',
      RETRY_AFTER_SECONDS: Math.ceil(wait / 1000),
    });
  }
  // both compared, in constant time, whatever the type (no timing difference between them)
  const isAdmin = sameSecret(secret, partner.admin_secret);
  const isUser = sameSecret(secret, partner.secret);
  const ok = secret !== '' && (type === SESSION_ADMIN ? isAdmin : isAdmin || isUser);
  if (!ok) {
    backoff.failed(pid);
    throw new KalturaApiError('START_SESSION_ERROR', { PID: pid });
  }
  backoff.succeeded(pid);
  let expiry = (a.expiry as number | null) ?? 86400;
  if (!(expiry > 0)) expiry = 86400;
  expiry = Math.min(expiry, MAX_EXPIRY);
  // Kaltura makes the user the first time a session names an unknown one
  await ensureUser(ctx, pid, String(a.userId ?? ''));
  return buildKs(partner.admin_secret, {
    partnerId: pid,
    type,
    userId: String(a.userId ?? ''),
    expiry: nowSec() + Math.floor(expiry),
    privileges: parsePrivileges(a.privileges as string | null),
  });
};

export const get: Action = async (ctx, a) => {
  const s = a.session ? await ctx.core.validateKs(String(a.session)) : ctx.session!;
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

export const end: Action = async (ctx) => {
  const s = ctx.session!;
  await ctx.core.store.endSession(ksFingerprint(s.ks), s.expiry);
  return null;
};
