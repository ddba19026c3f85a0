/**
 * Tag search computed from the tags the sandbox keeps (lib/sandbox/services/tags.ts), and the
 * approvals of moderation.ts (content replacement, REACH tasks pending moderation), over Kaltura's
 * published description: state made with other calls, the answer, the errors for bad input, and
 * what a USER session gets.
 */
import { describe, expect, it } from 'vitest';
import { SESSION_USER } from '@/lib/sandbox/ks';
import { tagsOf } from '@/lib/sandbox/services/tags';
import { isError, ok, publishedSandbox } from './published-sandbox';

type Json = any;

const sb = publishedSandbox('tag search and moderation (tags.ts, moderation.ts) over the published description', 4331);
const { present, call } = sb;
const bob = sb.ks(SESSION_USER, 'bob');
const code = (v: Json): string => {
  expect(isError(v), JSON.stringify(v)).toBe(true);
  return v.code as string;
};

const search = async (tagFilter: Json, pager?: Json, ks?: string) =>
  call('tag', 'search', { tagFilter: { objectType: 'KalturaTagFilter', ...tagFilter }, ...(pager ? { pager } : {}) }, ks);
const found = async (tagFilter: Json, pager?: Json, ks?: string) =>
  ok(await search(tagFilter, pager, ks), `tag.search ${JSON.stringify(tagFilter)}`).objects.map((t: Json) => [
    t.tag,
    t.taggedObjectType,
    t.instanceCount,
  ]);

describe('tagsOf', () => {
  it('trims, drops short and empty items, keeps one per spelling up to case', () => {
    expect(tagsOf(' Sunset, beach,, tv ,SUNSET, a b c')).toEqual(['Sunset', 'beach', 'a b c']);
    expect(tagsOf(undefined)).toEqual([]);
    expect(tagsOf(42)).toEqual([]);
  });
});

describe.skipIf(!present)('tag.search', () => {
  const media = (name: string, tags: string, ks?: string) =>
    call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name, tags, mediaType: 1 } }, ks);

  it('counts the tags of entries of both kinds and of categories, and filters them as Kaltura does', async () => {
    const sunset = ok(await media('one', 'Sunset, beach,, tv'), 'media one');
    ok(await media('two', 'sunset,city'), 'media two');
    ok(
      await call('playlist', 'add', { playlist: { objectType: 'KalturaPlaylist', name: 'pl', playlistType: 3, tags: 'beach' } }),
      'playlist',
    );
    ok(await call('category', 'add', { category: { objectType: 'KalturaCategory', name: 'news', tags: 'beach,news' } }), 'category');

    // "Sunset" and "sunset" are one tag (spelt as on the older entry, or either if made in the same second)
    const sun = await found({ tagStartsWith: 'sun' });
    expect(sun.map(([t, type, n]: Json) => [t.toLowerCase(), type, n])).toEqual([['sunset', '1', 2]]);
    const lower = (rows: Json[]) => rows.map(([t, type, n]: Json) => [t.toLowerCase(), type, n]);
    // one tag per type: the media entry and the playlist carry "beach", and a category does
    expect(await found({ tagStartsWith: 'BEA' })).toEqual([
      ['beach', '1', 2],
      ['beach', '2', 1],
    ]);
    expect(await found({ tagEqual: 'beach', objectTypeEqual: '2' })).toEqual([['beach', '2', 1]]);
    expect(await found({ tagEqual: ' Beach ', objectTypeEqual: '1' })).toEqual([['beach', '1', 2]]);
    expect(await found({ tagEqual: 'beac' })).toEqual([]);
    // "tv" is shorter than Kaltura indexes
    // alphabetical by default
    expect(lower(await found({ objectTypeEqual: '1' }))).toEqual([
      ['beach', '1', 2],
      ['city', '1', 1],
      ['sunset', '1', 2],
    ]);
    expect(await found({ instanceCountEqual: 1 })).toEqual([
      ['beach', '2', 1],
      ['city', '1', 1],
      ['news', '2', 1],
    ]);
    expect(lower(await found({ orderBy: '-instanceCount' }))).toEqual([
      ['beach', '1', 2],
      ['sunset', '1', 2],
      ['beach', '2', 1],
      ['city', '1', 1],
      ['news', '2', 1],
    ]);
    expect((await found({ orderBy: '+instanceCount' })).map((t: Json) => t[2])).toEqual([1, 1, 1, 2, 2]);
    const page = ok(await search({}, { objectType: 'KalturaFilterPager', pageSize: 2, pageIndex: 2 }), 'page 2');
    expect(page.totalCount).toBe(5);
    expect(page.objects.map((t: Json) => t.tag)).toEqual(['city', 'news']);
    expect(page.objects[0]).toEqual({ objectType: 'KalturaTag', tag: 'city', taggedObjectType: '1', partnerId: 4331, instanceCount: 1 });

    // the count follows the objects: an update and a delete
    ok(await call('media', 'update', { entryId: sunset.id, mediaEntry: { objectType: 'KalturaMediaEntry', tags: 'city' } }), 'update');
    expect(await found({ objectTypeEqual: '1' })).toEqual([
      ['beach', '1', 1],
      ['city', '1', 2],
      ['sunset', '1', 1],
    ]);
    ok(await call('media', 'delete', { entryId: sunset.id }), 'delete');
    expect(await found({ tagStartsWith: 'cit' })).toEqual([['city', '1', 1]]);
  });

  it('refuses a search text under 3 characters, a field it cannot apply and an order it cannot give', async () => {
    const short = await search({ tagStartsWith: ' ab ' });
    expect([code(short), short.message]).toEqual([
      'PROPERTY_VALIDATION_MIN_LENGTH',
      'The property "tagStartsWith" must have a min length of 3 characters',
    ]);
    expect(code(await search({ tagEqual: '' }))).toBe('PROPERTY_VALIDATION_MIN_LENGTH');
    const advanced = await search({ advancedSearch: { objectType: 'KalturaSearchOperator', type: 1 } });
    expect([code(advanced), advanced.message]).toEqual(['SANDBOX_FILTER_NOT_SIMULATED', expect.stringContaining('"advancedSearch"')]);
    expect(code(await search({ orderBy: '+createdAt' }))).toBe('SANDBOX_FILTER_NOT_SIMULATED');
  });

  it('a USER session counts the entries it may see: its own', async () => {
    ok(await media('bob clip', 'bobtag,sunset', bob), 'bob media');
    expect(await found({ objectTypeEqual: '1' }, undefined, bob)).toEqual([
      ['bobtag', '1', 1],
      ['sunset', '1', 1],
    ]);
    // the admin session counts everyone's
    expect(await found({ tagEqual: 'sunset', objectTypeEqual: '1' })).toEqual([['sunset', '1', 2]]);
  });
});

describe.skipIf(!present)('content replacement', () => {
  it('the sandbox replaces content at once: approveReplace has nothing to approve, cancelReplace answers the entry', async () => {
    const e = ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: 'r', mediaType: 1 } }), 'media.add');
    const approve = await call('media', 'approveReplace', { entryId: e.id });
    expect([code(approve), approve.message]).toEqual(['ENTRY_ID_NOT_REPLACED', `Entry id "${e.id}" not replaced`]);
    const cancelled = ok(await call('media', 'cancelReplace', { entryId: e.id }), 'cancelReplace');
    expect([cancelled.objectType, cancelled.id, cancelled.name]).toEqual(['KalturaMediaEntry', e.id, 'r']);
    expect(code(await call('media', 'cancelReplace', { entryId: '0_nosuch00' }))).toBe('ENTRY_ID_NOT_FOUND');
    // a USER session replaces only what it may edit
    expect(code(await call('media', 'cancelReplace', { entryId: e.id }, bob))).toBe('ENTRY_ID_NOT_FOUND');
    expect(code(await call('media', 'approveReplace', { entryId: e.id }, bob))).toBe('ENTRY_ID_NOT_FOUND');

    const doc = ok(
      await call('baseEntry', 'add', { entry: { objectType: 'KalturaDocumentEntry', name: 'slides', documentType: 11 } }),
      'baseEntry.add document',
    );
    expect(doc.objectType).toBe('KalturaDocumentEntry');
    expect(code(await call('documents', 'approveReplace', { entryId: doc.id }))).toBe('ENTRY_ID_NOT_REPLACED');
    const docBack = ok(await call('documents', 'cancelReplace', { entryId: doc.id }), 'documents.cancelReplace');
    expect([docBack.objectType, docBack.id, docBack.status]).toEqual(['KalturaDocumentEntry', doc.id, doc.status]);
    // a media entry is not a document, nor the other way round
    expect(code(await call('documents', 'cancelReplace', { entryId: e.id }))).toBe('ENTRY_ID_NOT_FOUND');
    expect(code(await call('media', 'cancelReplace', { entryId: doc.id }))).toBe('ENTRY_ID_NOT_FOUND');
  });
});

describe.skipIf(!present)('REACH tasks pending moderation', () => {
  const setUp = async (moderated: boolean) => {
    const item = ok(
      // catalog items and REACH profiles are made by Kaltura for an account (its admin console)
      await sb.asKaltura('vendorCatalogItem', 'add', {
        vendorCatalogItem: { objectType: 'KalturaVendorCaptionsCatalogItem', name: 'captions', serviceType: 1, sourceLanguage: 'English' },
      }),
      'catalog item',
    );
    const profile = ok(
      await sb.asKaltura('reachProfile', 'add', {
        reachProfile: { objectType: 'KalturaReachProfile', name: 'p', enableHumanModeration: moderated ? 1 : 0 },
      }),
      'reach profile',
    );
    const entry = ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: 'to caption', mediaType: 1 } }), 'entry');
    const task = (ks?: string) =>
      call(
        'entryVendorTask',
        'add',
        {
          entryVendorTask: { objectType: 'KalturaEntryVendorTask', entryId: entry.id, catalogItemId: item.id, reachProfileId: profile.id },
        },
        ks,
      );
    return { task };
  };

  it('a task of a moderated profile waits for approval; approve, reject and abort take only such a task', async () => {
    const { task } = await setUp(true);
    const t1 = ok(await task(), 'task 1');
    expect([t1.status, t1.serviceType]).toEqual([4, 1]);
    const approved = ok(await call('entryVendorTask', 'approve', { id: t1.id }), 'approve');
    expect([approved.status, approved.moderatingUser]).toEqual([1, 'admin']);
    const again = await call('entryVendorTask', 'approve', { id: t1.id });
    expect([code(again), again.message]).toEqual([
      'CANNOT_APPROVE_NOT_MODERATED_TASK',
      'Cannot approve task which is not pending moderation',
    ]);
    expect(code(await call('entryVendorTask', 'reject', { id: t1.id }))).toBe('CANNOT_REJECT_NOT_MODERATED_TASK');
    expect(code(await call('entryVendorTask', 'abort', { id: t1.id }))).toBe('CANNOT_ABORT_NOT_MODERATED_TASK');

    const t2 = ok(await task(), 'task 2');
    const rejected = ok(await call('entryVendorTask', 'reject', { id: t2.id, rejectReason: 'not needed' }), 'reject');
    expect([rejected.status, rejected.errDescription, rejected.moderatingUser]).toEqual([5, 'not needed', 'admin']);

    const t3 = ok(await task(), 'task 3');
    // a USER session aborts only its own tasks (another user's is not found for it, as every object of the sandbox)
    expect(code(await call('entryVendorTask', 'abort', { id: t3.id }, bob))).toBe('ENTRY_VENDOR_TASK_NOT_FOUND');
    expect(ok(await call('entryVendorTask', 'get', { id: t3.id }), 'get t3').status).toBe(4);
    const aborted = ok(await call('entryVendorTask', 'abort', { id: t3.id, abortReason: 'changed my mind' }), 'abort');
    expect([aborted.status, aborted.errDescription]).toEqual([7, 'changed my mind']);
  });

  it('a task of a profile without moderation is PENDING at once, and approve refuses it', async () => {
    const { task } = await setUp(false);
    const t = ok(await task(), 'task');
    expect(t.status).toBe(1);
    expect(code(await call('entryVendorTask', 'approve', { id: t.id }))).toBe('CANNOT_APPROVE_NOT_MODERATED_TASK');
    expect(ok(await call('entryVendorTask', 'get', { id: t.id }), 'get').status).toBe(1);
  });
});

describe.skipIf(!present)('entries in moderated categories', () => {
  const carol = sb.ks(SESSION_USER, 'carol');
  const entry = async (ks: string | undefined, name: string) =>
    ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name, mediaType: 1 } }, ks), `entry ${name}`);
  const join = (entryId: string, categoryId: number, ks?: string) =>
    call('categoryEntry', 'add', { categoryEntry: { objectType: 'KalturaCategoryEntry', entryId, categoryId } }, ks);
  const category = async (name: string, moderation: number) =>
    ok(await call('category', 'add', { category: { objectType: 'KalturaCategory', name, moderation } }), `category ${name}`);

  it("a user's entry waits for a manager or moderator; activate and reject take only a pending one", async () => {
    const cat = await category('moderated', 1);
    ok(
      await call('categoryUser', 'add', {
        categoryUser: { objectType: 'KalturaCategoryUser', categoryId: cat.id, userId: 'carol', permissionLevel: 1 },
      }),
      'carol moderates',
    );
    const bobs = await entry(bob, 'bob in moderated');
    const pending = ok(await join(bobs.id, cat.id, bob), 'bob joins');
    expect(pending.status).toBe(1);
    // a pending entry is not in the category yet
    expect(ok(await call('category', 'get', { id: cat.id }), 'category').entriesCount).toBe(0);
    expect(ok(await call('media', 'get', { entryId: bobs.id }), 'bob entry').categoriesIds ?? '').toBe('');
    const listed = (ks?: string) =>
      call('media', 'list', { filter: { objectType: 'KalturaMediaEntryFilter', categoriesIdsMatchOr: String(cat.id) } }, ks);
    expect(ok(await listed(), 'list by category').totalCount).toBe(0);

    // the moderator's own entry and the admin's go in at once
    const carols = await entry(carol, 'carol in moderated');
    expect(ok(await join(carols.id, cat.id, carol), 'carol joins').status).toBe(2);
    const admins = await entry(undefined, 'admin in moderated');
    expect(ok(await join(admins.id, cat.id), 'admin joins').status).toBe(2);

    // bob may not approve himself; an active membership is not pending
    const selfApprove = await call('categoryEntry', 'activate', { entryId: bobs.id, categoryId: cat.id }, bob);
    expect([code(selfApprove), selfApprove.message]).toEqual(['CANNOT_ACTIVATE_CATEGORY_ENTRY', 'Cannot activate categoryEntry']);
    const notPending = await call('categoryEntry', 'activate', { entryId: admins.id, categoryId: cat.id });
    expect(code(notPending)).toBe('CANNOT_ACTIVATE_CATEGORY_ENTRY_SINCE_IT_IS_NOT_PENDING');

    ok(await call('categoryEntry', 'activate', { entryId: bobs.id, categoryId: cat.id }), 'admin activates');
    expect(ok(await call('category', 'get', { id: cat.id }), 'category').entriesCount).toBe(3);
    expect(ok(await call('media', 'get', { entryId: bobs.id }), 'bob entry').categoriesIds).toBe(String(cat.id));
    expect(ok(await listed(), 'list by category').totalCount).toBe(3);

    const bobs2 = await entry(bob, 'bob again');
    expect(ok(await join(bobs2.id, cat.id, bob), 'bob joins again').status).toBe(1);
    ok(await call('categoryEntry', 'reject', { entryId: bobs2.id, categoryId: cat.id }), 'admin rejects');
    const again = await call('categoryEntry', 'reject', { entryId: bobs2.id, categoryId: cat.id });
    expect(code(again)).toBe('CANNOT_REJECT_CATEGORY_ENTRY_SINCE_IT_IS_NOT_PENDING');
    // a rejected entry is not in the category
    expect(ok(await call('category', 'get', { id: cat.id }), 'category').entriesCount).toBe(3);
    expect(ok(await call('media', 'get', { entryId: bobs2.id }), 'rejected entry').categoriesIds ?? '').toBe('');
  });

  it("a category without moderation takes anyone's entry at once", async () => {
    const open = await category('open', 0);
    const bobs = await entry(bob, 'bob in open');
    expect(ok(await join(bobs.id, open.id, bob), 'bob joins open').status).toBe(2);
  });
});
