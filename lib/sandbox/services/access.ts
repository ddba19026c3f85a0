/**
 * Who may see or change what: a USER KS sees only its own tokens and entries. Ownership is by user
 * ID, with one rule for the empty one: objects made by an ADMIN session without a user ID belong to
 * nobody in particular (only ADMIN sessions, and privileges, reach them), so a USER session without
 * a user ID owns only what USER sessions without a user ID made (`anon_owner` = 1).
 */
import type { CallContext } from '../context';
import { SESSION_ADMIN } from '../ks';
import type { OwnerScope } from '../store';

export interface Owned {
  user_id: string;
  anon_owner: number;
}

export function isAdmin(ctx: CallContext): boolean {
  return ctx.session?.type === SESSION_ADMIN || ctx.session?.privileges.get('all') === '*';
}

/** The owner columns of an object this session makes (`userId` of an ADMIN session's choice aside). */
export function newOwner(ctx: CallContext): Owned {
  const userId = ctx.session?.userId ?? '';
  return { user_id: userId, anon_owner: !isAdmin(ctx) && userId === '' ? 1 : 0 };
}

/**
 * The partner's own session (ADMIN, no user) for what the sandbox makes by itself for it (its
 * default access-control profile, the users Kaltura makes): what it makes is the partner's, seen
 * by every ADMIN session. `accountSetup`: what every account has, which no visitor's quota stops.
 */
export function asPartner(ctx: CallContext, partnerId: number, accountSetup = false): CallContext {
  return {
    core: ctx.core,
    baseUrl: ctx.baseUrl,
    session: { partnerId, type: SESSION_ADMIN, userId: '', expiry: 0, privileges: new Map(), ks: '' },
    ...(accountSetup ? { accountSetup: true as const } : {}),
  };
}

/** What a list is restricted to for this session; undefined for an ADMIN session (everything). */
export function ownerScope(ctx: CallContext): OwnerScope | undefined {
  if (isAdmin(ctx)) return undefined;
  const userId = ctx.session?.userId ?? '';
  return userId === '' ? { anonymous: true } : { userId };
}

export function owns(ctx: CallContext, row: Owned): boolean {
  const s = ctx.session;
  if (!s || row.user_id !== s.userId) return false;
  return s.userId !== '' || row.anon_owner === 1;
}

function privilegeCovers(value: string | undefined, id: string): boolean {
  if (value === undefined) return false;
  return value.split(/[|;]/).some((v) => v === '*' || v === id);
}

export function canView(ctx: CallContext, row: Owned, objectId: string): boolean {
  if (isAdmin(ctx)) return true;
  const s = ctx.session;
  if (!s) return false;
  return owns(ctx, row) || privilegeCovers(s.privileges.get('sview'), objectId) || privilegeCovers(s.privileges.get('edit'), objectId);
}

export function canEdit(ctx: CallContext, row: Owned, objectId: string): boolean {
  if (isAdmin(ctx)) return true;
  const s = ctx.session;
  if (!s) return false;
  return owns(ctx, row) || privilegeCovers(s.privileges.get('edit'), objectId);
}
