/**
 * Users Kaltura makes by itself: the first time a session is started for an unknown user ID
 * (`session.start` with a `userId`), or an entry names one as its owner, the partner gets a user of
 * that id with nothing but the id (its `screenName` the id too), as Kaltura's server does. The
 * user is the partner's (made as its ADMIN session without a user), so every ADMIN session lists
 * it; the user's own session sees it (`user.get` without an id). It counts in a visitor's quota
 * of objects; when the quota is full the user is not made, and the call that named it goes on.
 */
import type { CallContext } from '../context';
import { KalturaApiError } from '../errors';
import { asPartner } from './access';

const USER = 'KalturaUser';
/** One making of a user at a time (two first entries of one owner at once make one user). */
const making = new Map<string, Promise<void>>();

/** Makes user `userId` of the partner if it does not exist (nothing when the description has no users). */
export function ensureUser(ctx: CallContext, partnerId: number, userId: string): Promise<void> {
  const id = userId.trim();
  if (!id || id.length > 100) return Promise.resolve();
  const key = `${ctx.core.settings.dataDir}\u0000${partnerId}\u0000${id}`;
  const pending = making.get(key);
  if (pending) return pending;
  const p = make(ctx, partnerId, id).finally(() => making.delete(key));
  making.set(key, p);
  return p;
}

async function make(ctx: CallContext, partnerId: number, id: string): Promise<void> {
  const engine = ctx.core.generic;
  const m = engine.modelOfClass(USER);
  const add = m ? engine.desc.operationByName(m.service, 'add') : undefined;
  const param = add?.params.find((p) => p.type.kind === 'object');
  if (!m || !add || !param) return;
  const partnerCtx = asPartner(ctx, partnerId);
  const existing = await engine.byApiId(m, partnerId, id);
  if (existing && !engine.isDeleted(m, existing)) return;
  const user: Record<string, unknown> = { objectType: USER, id };
  if (m.props.has('screenName')) user.screenName = id;
  try {
    await engine.run(partnerCtx, add, { [param.name]: user });
  } catch (e) {
    // a visitor's full quota: no user, the call goes on (session.start many user ids cannot fill a store)
    if (!(e instanceof KalturaApiError && e.code === 'SANDBOX_QUOTA_EXCEEDED')) throw e;
  }
}
