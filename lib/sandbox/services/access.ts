/** Who may see or change what: a USER KS sees only its own tokens and entries. */
import type { CallContext } from '../context';
import { SESSION_ADMIN } from '../ks';

export function isAdmin(ctx: CallContext): boolean {
  return ctx.session?.type === SESSION_ADMIN || ctx.session?.privileges.get('all') === '*';
}

export function ownerScope(ctx: CallContext): string | undefined {
  return isAdmin(ctx) ? undefined : (ctx.session?.userId ?? '');
}

function privilegeCovers(value: string | undefined, id: string): boolean {
  if (value === undefined) return false;
  return value.split(/[|;]/).some((v) => v === '*' || v === id);
}

export function canView(ctx: CallContext, ownerId: string, objectId: string): boolean {
  if (isAdmin(ctx)) return true;
  const s = ctx.session;
  if (!s) return false;
  return ownerId === s.userId || privilegeCovers(s.privileges.get('sview'), objectId) || privilegeCovers(s.privileges.get('edit'), objectId);
}

export function canEdit(ctx: CallContext, ownerId: string, objectId: string): boolean {
  if (isAdmin(ctx)) return true;
  const s = ctx.session;
  if (!s) return false;
  return ownerId === s.userId || privilegeCovers(s.privileges.get('edit'), objectId);
}
