/**
 * References of entries to other objects that Kaltura checks when an entry is added or updated
 * (KalturaBaseEntry::validateObjectsExist): its `accessControlId` must name an access-control
 * profile of the partner (ACCESS_CONTROL_ID_NOT_FOUND). The same check for media entries (the
 * hand-written table) and generic ones (playlists, documents, ...).
 *
 * And the partner's default access-control profile: every Kaltura account has one ("Default",
 * no rules: it allows everything), and an entry added without an `accessControlId` gets it. The
 * sandbox makes it the first time it is needed (an entry added, the profiles listed), as the
 * partner's (no user), so each partner has exactly one; a profile added or updated with
 * `isDefault` becomes the default in its place (objects.ts).
 */
import type { CallContext } from '../context';
import type { ObjectRow } from '../store';
import { asPartner } from './access';
import { rows } from './categories';

/** Throws ACCESS_CONTROL_ID_NOT_FOUND when `input.accessControlId` is given and names no profile of the session's partner. */
export async function checkEntryReferences(ctx: CallContext, input: Record<string, unknown>): Promise<void> {
  const id = input.accessControlId;
  if (id === undefined || id === null || id === '') return;
  const engine = ctx.core.generic;
  // the profiles (accessControlProfile) and their deprecated view (accessControl) are both access-control rows
  const classes = ['KalturaAccessControlProfile', 'KalturaAccessControl'].filter((c) => engine.modelOfClass(c));
  if (!classes.length) return;
  for (const cls of classes) if (await engine.liveObject(ctx, cls, id)) return;
  throw engine.error(undefined, 'ACCESS_CONTROL_ID_NOT_FOUND', { ID: String(id).slice(0, 50) });
}

const DEFAULT_PROFILE = 'KalturaAccessControlProfile';
/** One making of a partner's default profile at a time (two first entries at once make one profile). */
const making = new Map<string, Promise<number | undefined>>();

/** The id of the partner's default access-control profile, made if the partner has none yet (undefined: the description has no profiles). */
export function defaultAccessControlId(ctx: CallContext): Promise<number | undefined> {
  const key = `${ctx.core.settings.dataDir}:${ctx.session?.partnerId}`;
  const pending = making.get(key);
  if (pending) return pending;
  const p = findOrMakeDefault(ctx).finally(() => making.delete(key));
  making.set(key, p);
  return p;
}

/** The partner's default profile as stored, if it has one (none made here). */
async function storedDefault(ctx: CallContext): Promise<ObjectRow | undefined> {
  const m = ctx.core.generic.modelOfClass(DEFAULT_PROFILE);
  if (!m || !ctx.session || !m.props.has('isDefault')) return undefined;
  return (await rows(ctx.core, m, ctx.session.partnerId, [{ field: 'isDefault', op: 'eq', value: 1 }], 1))[0];
}

/** How many of the partner's objects are the account's own setup (its default profile): not a visitor's quota. */
export async function accountObjects(ctx: CallContext): Promise<number> {
  return (await storedDefault(ctx)) ? 1 : 0;
}

async function findOrMakeDefault(ctx: CallContext): Promise<number | undefined> {
  const engine = ctx.core.generic;
  const m = engine.modelOfClass(DEFAULT_PROFILE);
  const session = ctx.session;
  if (!m || !session || !m.props.has('isDefault')) return undefined;
  const found = await storedDefault(ctx);
  if (found) return Number(found.id);
  const add = engine.desc.operationByName(m.service, 'add');
  const param = add?.params.find((p) => p.type.kind === 'object');
  if (!add || !param) return undefined;
  // the partner's own (an ADMIN session without a user), whoever's call needed it
  const partnerCtx = asPartner(ctx, session.partnerId, true);
  const made = (await engine.run(partnerCtx, add, { [param.name]: { objectType: DEFAULT_PROFILE, name: 'Default', isDefault: 1 } })) as {
    id?: unknown;
  };
  return typeof made?.id === 'number' ? made.id : Number(made?.id);
}

/** An entry added without an `accessControlId` gets the partner's default profile. */
export async function withDefaultAccessControl(ctx: CallContext, input: Record<string, unknown>): Promise<void> {
  const id = input.accessControlId;
  if (id !== undefined && id !== null && id !== '') return;
  const profile = await defaultAccessControlId(ctx);
  if (profile !== undefined && Number.isFinite(profile)) input.accessControlId = profile;
}
