/**
 * References of entries to other objects that Kaltura checks when an entry is added or updated
 * (KalturaBaseEntry::validateObjectsExist): its `accessControlId` must name an access-control
 * profile of the partner (ACCESS_CONTROL_ID_NOT_FOUND). The same check for media entries (the
 * hand-written table) and generic ones (playlists, documents, ...).
 */
import type { CallContext } from '../context';

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
