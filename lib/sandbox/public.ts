/**
 * Public mode (CONSOLE_PUBLIC=1): a console on the web for every developer, where strangers cannot
 * harm each other.
 *
 * - Each visitor's browser gets a partner of its own, made on first use: the console session
 *   (`GET /api_v3/sandbox/session`, allowed by consoleAccess.ts) reads a visitor cookie (a random
 *   id, HttpOnly, SameSite=Strict; only its SHA-256 is stored) and answers an ADMIN KS of that
 *   visitor's partner, never of the shared one. The partner's secrets stay on the server.
 * - A visitor's KS reaches only its partner: every service checks the partner of what it reads.
 * - Quotas per visitor partner: stored bytes (content and uploads), objects (entries, generic
 *   objects, upload tokens), requests per minute. Past one, the call answers a Kaltura-shaped
 *   error that says what to do (SANDBOX_QUOTA_EXCEEDED, SANDBOX_RATE_LIMITED).
 * - Expiry: a visitor partner not used for `idleHours` is removed with all its rows and bytes; its
 *   KS then answers SANDBOX_PARTNER_EXPIRED (reload the page for a new partner). The clock is
 *   injectable (`clock`), and `sweep()` may be called directly, for tests.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { PublicSettings } from './config';
import type { CallContext } from './context';
import type { SandboxCore } from './core';
import { KalturaApiError } from './errors';
import { accountObjects } from './services/references';
import { blobName, type PartnerRow } from './store';

/** The visitor cookie: `rc_visitor=<43 base64url characters>`. */
export const VISITOR_COOKIE = 'rc_visitor';
const VISITOR_ID = /^[A-Za-z0-9_-]{43}$/;

export function visitorIdOf(cookieHeader: string | null | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i < 0 || part.slice(0, i).trim() !== VISITOR_COOKIE) continue;
    const v = part.slice(i + 1).trim();
    if (VISITOR_ID.test(v)) return v;
  }
  return undefined;
}

const hashOf = (visitorId: string) => createHash('sha256').update(visitorId, 'utf8').digest('hex');

export class Visitors {
  /** Now, in ms (tests set it to move time). */
  clock: () => number = () => Date.now();
  /** Which partners are visitor partners (a partner never changes kind). */
  private readonly kinds = new Map<number, boolean>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private sweeping: Promise<number> | undefined;

  constructor(
    private readonly core: SandboxCore,
    readonly settings: PublicSettings,
  ) {
    // idle partners are looked for every tenth of the idle time (at most every 10 min)
    const every = Math.max(10_000, Math.min(10 * 60_000, (settings.idleHours * 3600_000) / 10));
    this.timer = setInterval(
      () => void this.sweep().catch((e) => console.error('[sandbox] removing idle visitor partners failed:', (e as Error).message)),
      every,
    );
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private nowSec(): number {
    return Math.floor(this.clock() / 1000);
  }

  /**
   * The partner of the visitor whose cookie holds `visitorId`; a new visitor (no or unknown cookie)
   * gets a new id (`cookie`, to set) and a new partner.
   */
  async partnerFor(visitorId: string | undefined): Promise<{ partner: PartnerRow; newVisitorId?: string }> {
    const store = this.core.store;
    if (visitorId) {
      const p = await store.visitorPartner(hashOf(visitorId));
      if (p) return { partner: p };
    }
    if ((await store.visitorPartnerCount()) >= this.settings.maxPartners) {
      throw new KalturaApiError('SANDBOX_QUOTA_EXCEEDED', { QUOTA: 'visitor partners on this console', LIMIT: this.settings.maxPartners });
    }
    // a cookie we did not issue (or whose partner expired) is replaced: never someone else's partner
    const id = randomBytes(32).toString('base64url');
    const now = this.nowSec();
    let partner: PartnerRow | undefined;
    for (let i = 0; i < 5 && !partner; i++) {
      const pid = randomInt(2_000_000, 2_000_000_000);
      if ((await store.getPartner(pid)) || (await store.isExpiredPartner(pid))) continue;
      partner = await store.createVisitorPartner(hashOf(id), {
        id: pid,
        admin_secret: randomBytes(16).toString('hex'),
        secret: randomBytes(16).toString('hex'),
        name: 'Sandbox visitor partner',
        created_at: now,
      });
    }
    if (!partner) throw new KalturaApiError('INTERNAL_SERVERL_ERROR');
    this.kinds.set(partner.id, true);
    return { partner, newVisitorId: id };
  }

  /** The Set-Cookie header of a new visitor (Secure when the console is served over https). */
  cookie(visitorId: string, secure: boolean): string {
    const maxAge = Math.round(Math.max(1, this.settings.idleHours) * 3600 * 2);
    return `${VISITOR_COOKIE}=${visitorId}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
  }

  private async isVisitor(partnerId: number): Promise<boolean> {
    let v = this.kinds.get(partnerId);
    if (v === undefined) {
      const p = await this.core.store.getPartner(partnerId);
      if (!p) return false;
      v = p.visitor === 1;
      if (this.kinds.size > 100_000) this.kinds.clear();
      this.kinds.set(partnerId, v);
    }
    return v;
  }

  /** One API request of a partner (the shared partner is not limited): SANDBOX_RATE_LIMITED past the limit. */
  async countRequest(partnerId: number | undefined): Promise<void> {
    if (partnerId === undefined || !(await this.isVisitor(partnerId))) return;
    const now = this.nowSec();
    const n = await this.core.store.countRequest(partnerId, Math.floor(now / 60));
    if (n > this.settings.maxRequestsPerMinute) {
      throw new KalturaApiError('SANDBOX_RATE_LIMITED', {
        LIMIT: this.settings.maxRequestsPerMinute,
        RETRY_AFTER_SECONDS: 60 - (now % 60),
      });
    }
  }

  /**
   * Before a new entry, object or upload token of the session's partner: SANDBOX_QUOTA_EXCEEDED
   * when it holds the most it may. What every account has (its default access-control profile)
   * is neither counted nor stopped.
   */
  async beforeInsert(ctx: CallContext, declaredBytes = 0): Promise<void> {
    const pid = ctx.session?.partnerId;
    if (ctx.accountSetup || pid === undefined || !(await this.isVisitor(pid))) return;
    const u = await this.core.store.usage(pid);
    // the partner's default access-control profile is the account's, not the visitor's (it cannot be deleted)
    if (u.objects - (await accountObjects(ctx)) >= this.settings.maxObjects)
      throw new KalturaApiError('SANDBOX_QUOTA_EXCEEDED', { QUOTA: 'objects', LIMIT: this.settings.maxObjects });
    if (declaredBytes > 0 && u.bytes + declaredBytes > this.settings.maxBytes) throw this.bytesExceeded();
  }

  /** The bytes the session's partner may still add (undefined: no quota). */
  async bytesLeft(ctx: CallContext): Promise<number | undefined> {
    const pid = ctx.session?.partnerId;
    if (pid === undefined || !(await this.isVisitor(pid))) return undefined;
    const u = await this.core.store.usage(pid);
    if (u.bytes >= this.settings.maxBytes) throw this.bytesExceeded();
    return this.settings.maxBytes - u.bytes;
  }

  bytesExceeded(): KalturaApiError {
    return new KalturaApiError('SANDBOX_QUOTA_EXCEEDED', { QUOTA: 'stored bytes', LIMIT: this.settings.maxBytes });
  }

  /** The answer to a KS whose partner is gone: expired (say so), or never known. */
  async goneError(partnerId: number, ks: string): Promise<KalturaApiError> {
    if (await this.core.store.isExpiredPartner(partnerId))
      return new KalturaApiError('SANDBOX_PARTNER_EXPIRED', { PID: partnerId, HOURS: this.settings.idleHours });
    return new KalturaApiError('INVALID_KS', { KSID: ks.slice(0, 400), ERR_CODE: -2, ERR_DESC: 'INVALID_PARTNER' });
  }

  /** Removes every visitor partner idle for `idleHours` (rows, then bytes); answers how many. */
  sweep(): Promise<number> {
    this.sweeping ??= this.sweepNow().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepNow(): Promise<number> {
    const store = this.core.store;
    const now = this.nowSec();
    const idle = await store.idlePartners(now - Math.round(this.settings.idleHours * 3600));
    for (const pid of idle) {
      const gone = await store.removePartner(pid, now);
      this.kinds.delete(pid);
      const names = [
        ...gone.entries.map(blobName.content),
        ...gone.tokens.map(blobName.upload),
        ...gone.objects.map((o) => blobName.asset(o.kind, o.id)),
      ];
      for (const name of names) await store.blobs.remove(name).catch(() => undefined);
    }
    if (idle.length) console.log(`[sandbox] removed ${idle.length} visitor partner(s) idle for ${this.settings.idleHours} h`);
    return idle.length;
  }
}
