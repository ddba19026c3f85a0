/**
 * Application tokens on top of the generic services: appToken.add makes the secret `token` (32
 * hexadecimal digits) and defaults the hash to SHA256; appToken.startSession checks the hash of
 * the KS this very call carries followed by the token (hexadecimal, with the token's `hashType`:
 * MD5, SHA1, SHA256 or SHA512), as Kaltura's server computes it, and answers a KalturaSessionInfo
 * whose KS has the token's session type, privileges (plus `appid:{id}`) and user (a token without
 * a sessionUserId lets the call name one), valid at most the token's sessionDuration. Any session
 * of the token's partner may start one, the anonymous widget session of an application too.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { KalturaApiError } from '../errors';
import type { ClassHooks, Gen, Override } from '../generic/engine';
import { nowSec } from '../ids';
import { buildKs, formatPrivileges, parsePrivileges, SESSION_USER } from '../ks';
import type { SandboxCore } from '../core';

const HASHES: Record<string, string> = { MD5: 'md5', SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' };

export function appTokenExtensions(core: SandboxCore): { hooks: Record<string, ClassHooks>; overrides: Record<string, Override> } {
  const hooks: Record<string, ClassHooks> = {
    KalturaAppToken: {
      beforeAdd(g, d) {
        d.token = randomBytes(16).toString('hex');
        if (d.hashType === undefined && g.model.props.has('hashType')) d.hashType = 'SHA256';
        if (d.sessionType === undefined && g.model.props.has('sessionType')) d.sessionType = SESSION_USER;
      },
    },
  };
  const overrides: Record<string, Override> = {
    'apptoken.startsession': async (g: Gen) => {
      // any session of the token's partner may use it, a widget session too (the hash proves it knows the
      // token): the token is looked up in the partner, not among what the session's user made
      const row = await g.engine.liveObject(g.ctx, g.model.objectClass, g.args.id);
      if (!row) throw g.engine.notFound(g.op, g.model.objectClass, String(g.args.id ?? '').slice(0, 50));
      const t = g.engine.dataOf(row);
      const active = g.model.status?.byName.get('ACTIVE');
      if (active !== undefined && t.status !== active) throw g.engine.error(g.op, 'APP_TOKEN_NOT_ACTIVE', { ID: row.id });
      const now = nowSec();
      if (typeof t.expiry === 'number' && t.expiry > 0 && t.expiry <= now) throw g.engine.error(g.op, 'APP_TOKEN_EXPIRED', { ID: row.id });
      const ks = g.ctx.session!.ks;
      const algorithm = HASHES[String(t.hashType ?? 'SHA256').toUpperCase()] ?? 'sha256';
      const expected = createHash(algorithm)
        .update(ks + String(t.token), 'utf8')
        .digest('hex');
      const given = String(g.args.tokenHash ?? '')
        .trim()
        .toLowerCase();
      const same = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
      if (!same) throw g.engine.error(g.op, 'INVALID_APP_TOKEN_HASH');
      const type = t.sessionType !== undefined && t.sessionType !== null ? Number(t.sessionType) : Number(g.args.type ?? SESSION_USER);
      const userId = t.sessionUserId ? String(t.sessionUserId) : String(g.args.userId ?? '');
      const duration = typeof t.sessionDuration === 'number' && t.sessionDuration > 0 ? t.sessionDuration : 86400;
      let expiry = typeof g.args.expiry === 'number' && g.args.expiry > 0 ? Math.min(g.args.expiry, duration) : duration;
      if (typeof t.expiry === 'number' && t.expiry > 0) expiry = Math.min(expiry, t.expiry - now);
      const privileges = parsePrivileges(
        [t.sessionPrivileges, g.args.sessionPrivileges].filter((x) => typeof x === 'string' && x).join(','),
      );
      privileges.set('appid', row.id);
      const partner = await core.store.getPartner(row.partner_id);
      if (!partner) throw new KalturaApiError('INVALID_PARTNER_ID', { PID: row.partner_id });
      const data = { partnerId: row.partner_id, type, userId, expiry: now + Math.floor(expiry), privileges };
      return {
        objectType: 'KalturaSessionInfo',
        ks: buildKs(partner.admin_secret, data),
        sessionType: type,
        partnerId: row.partner_id,
        userId,
        expiry: data.expiry,
        privileges: formatPrivileges(privileges),
      };
    },
  };
  return { hooks, overrides };
}
