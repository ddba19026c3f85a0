/**
 * Approvals the sandbox answers as Kaltura does, from the state it keeps:
 *
 * - content replacement (`media` / `documents` approveReplace and cancelReplace): the sandbox
 *   replaces an entry's content at once (updateContent), as a partner without replacement
 *   approval sees it once the new content is ready, so no entry is ever "being replaced":
 *   approveReplace answers Kaltura's ENTRY_ID_NOT_REPLACED, cancelReplace (which Kaltura answers
 *   for any entry, clearing a pending replacement) answers the entry as it is;
 * - REACH tasks (`entryVendorTask`): a new task waits for moderation (PENDING_MODERATION) when its
 *   REACH profile asks to moderate tasks of its catalog item's service type (human or machine),
 *   else it is PENDING; approve (to PENDING), reject and abort take only a task pending
 *   moderation, record who moderated it and the reason given, and a USER session aborts only its
 *   own tasks. (approve / reject / abort stay the generic status actions; these are its hooks.)
 * - entries in moderated categories (`categoryEntry`): with entitlement enforced (a USER session),
 *   an entry added to a category whose `moderation` is on waits (PENDING) unless the user is the
 *   category's manager or moderator (categoryUser); activate and reject take only a PENDING
 *   membership, and with entitlement enforced only from its manager or moderator.
 */
import type { SandboxCore } from '../core';
import type { ClassHooks, Data, Gen, Override } from '../generic/engine';
import { isAdmin } from './access';
import { rows } from './categories';
import { entryOfService } from './entry-space';
import { entryObject, findEntry } from './media';

/** KalturaEntryVendorTaskStatus. */
const TASK_PENDING = 1;
const TASK_PENDING_MODERATION = 4;
/** KalturaVendorServiceType. */
const HUMAN = 1;
const MACHINE = 2;
/** KalturaNullableBoolean TRUE_VALUE. */
const TRUE_VALUE = 1;
/** KalturaCategoryEntryStatus. */
const MEMBERSHIP_PENDING = 1;
/** KalturaCategoryUserPermissionLevel MANAGER and MODERATOR. */
const MODERATING_LEVELS = [0, 1];

const idText = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).slice(0, 100) : '');

export function moderationExtensions(core: SandboxCore): { hooks: Record<string, ClassHooks>; overrides: Record<string, Override> } {
  /** A live object's data by class and id, of the session's partner, or undefined. */
  const objectOf = async (g: Gen, cls: string, id: unknown): Promise<Data | undefined> => {
    const row = await g.engine.liveObject(g.ctx, cls, id);
    return row && core.generic.dataOf(row);
  };

  const overrides: Record<string, Override> = {
    'media.approvereplace': async (g) => {
      const e = await findEntry(g.ctx, g.args.entryId, true);
      throw g.engine.error(g.op, 'ENTRY_ID_NOT_REPLACED', { ENTRY_ID: e.id });
    },
    'media.cancelreplace': async (g) => entryObject(g.ctx, await findEntry(g.ctx, g.args.entryId, true)),
    'documents.approvereplace': async (g) => {
      const row = await entryOfService(g, g.args.entryId, true);
      throw g.engine.error(g.op, 'ENTRY_ID_NOT_REPLACED', { ENTRY_ID: row.id });
    },
    'documents.cancelreplace': async (g) => g.engine.present(g.ctx, g.model, await entryOfService(g, g.args.entryId, true)),
  };

  const MODERATION_VERBS: Record<string, string> = {
    approve: 'CANNOT_APPROVE_NOT_MODERATED_TASK',
    reject: 'CANNOT_REJECT_NOT_MODERATED_TASK',
    abort: 'CANNOT_ABORT_NOT_MODERATED_TASK',
  };

  /** Whether the session's user manages or moderates a category (Kaltura's check under entitlement). */
  const moderates = async (g: Gen, categoryId: unknown): Promise<boolean> => {
    const members = g.engine.modelOfClass('KalturaCategoryUser');
    const s = g.ctx.session;
    if (!members || !s?.userId) return false;
    const mine = await rows(core, members, s.partnerId, [
      { field: 'categoryId', op: 'eq', value: Number(categoryId) },
      { field: 'userId', op: 'eq', value: s.userId },
    ]);
    return mine.some((r) => MODERATING_LEVELS.includes(Number(core.generic.dataOf(r).permissionLevel)));
  };
  const CATEGORY_VERBS: Record<string, [string, string]> = {
    activate: ['CANNOT_ACTIVATE_CATEGORY_ENTRY', 'CANNOT_ACTIVATE_CATEGORY_ENTRY_SINCE_IT_IS_NOT_PENDING'],
    reject: ['CANNOT_REJECT_CATEGORY_ENTRY', 'CANNOT_REJECT_CATEGORY_ENTRY_SINCE_IT_IS_NOT_PENDING'],
  };

  const hooks: Record<string, ClassHooks> = {
    KalturaCategoryEntry: {
      async beforeAdd(g, data) {
        if (isAdmin(g.ctx)) return;
        const category = await objectOf(g, 'KalturaCategory', data.categoryId);
        if (Number(category?.moderation) === TRUE_VALUE && !(await moderates(g, data.categoryId))) data.status = MEMBERSHIP_PENDING;
      },
      async beforeUpdate(g, current, _patch) {
        if (g.op.service.toLowerCase() !== 'categoryentry') return;
        const codes = CATEGORY_VERBS[g.op.action];
        if (!codes) return;
        if (!isAdmin(g.ctx) && !(await moderates(g, current.categoryId))) throw g.engine.error(g.op, codes[0]);
        if (Number(current.status) !== MEMBERSHIP_PENDING) throw g.engine.error(g.op, codes[1]);
      },
    },
    KalturaEntryVendorTask: {
      async beforeAdd(g, data) {
        const item = await objectOf(g, 'KalturaVendorCatalogItem', data.catalogItemId);
        const profile = await objectOf(g, 'KalturaReachProfile', data.reachProfileId);
        const serviceType = Number(item?.serviceType);
        if (serviceType === HUMAN || serviceType === MACHINE) data.serviceType = serviceType;
        const moderated =
          (serviceType === HUMAN && Number(profile?.enableHumanModeration) === TRUE_VALUE) ||
          (serviceType === MACHINE && Number(profile?.enableMachineModeration) === TRUE_VALUE);
        data.status = moderated ? TASK_PENDING_MODERATION : TASK_PENDING;
      },
      beforeUpdate(g, current, patch) {
        if (g.op.service.toLowerCase() !== 'entryvendortask') return;
        const refusal = MODERATION_VERBS[g.op.action];
        if (!refusal) return;
        if (Number(current.status) !== TASK_PENDING_MODERATION) throw g.engine.error(g.op, refusal, { ID: idText(g.args.id) });
        const s = g.ctx.session;
        if (g.op.action === 'abort' && !isAdmin(g.ctx) && s?.userId !== current.userId)
          throw g.engine.error(g.op, 'ENTRY_VENDOR_TASK_ACTION_NOT_ALLOWED', { ID: idText(g.args.id), USER_ID: s?.userId ?? '' });
        if (g.op.action === 'approve') patch.status = TASK_PENDING;
        if (g.op.action !== 'abort' && s?.userId) patch.moderatingUser = s.userId;
        const reason = g.args[g.op.action === 'reject' ? 'rejectReason' : 'abortReason'];
        if (g.op.action !== 'approve' && typeof reason === 'string') patch.errDescription = reason.slice(0, 1000);
      },
    },
  };
  return { hooks, overrides };
}
