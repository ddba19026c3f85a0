/**
 * User ids are the partner's to choose (lib/sandbox/generic/engine.ts, keyOf / byApiId): two
 * partners of one sandbox (two visitors of a public console) may each have user "emp-10442", as on
 * Kaltura; one partner's user is never found, refused or revealed through another's calls. Users
 * stored before their keys were the partner's (an older data folder) are still found.
 */
import { describe, expect, it } from 'vitest';
import { isError, ok, publishedSandbox } from './published-sandbox';

type Json = any;

const A = 4340;
const sb = publishedSandbox('user ids per partner over the published description', A);
const { present, call } = sb;
const B = 4341;
const bAdmin = () => sb.otherPartner(B);
const user = (id: string, extra: Json = {}) => ({ user: { objectType: 'KalturaUser', id, ...extra } });

describe.skipIf(!present)('user ids per partner', () => {
  it('two partners each have user emp-10442; each sees, changes and deletes its own', async () => {
    const b = await bAdmin();
    const a1 = ok(await call('user', 'add', user('emp-10442', { firstName: 'Ann' })), 'A adds');
    const b1 = ok(await call('user', 'add', user('emp-10442', { firstName: 'Bea' }), b), 'B adds the same id');
    expect([a1.id, a1.partnerId, b1.id, b1.partnerId]).toEqual(['emp-10442', A, 'emp-10442', B]);
    expect(ok(await call('user', 'get', { userId: 'emp-10442' }), 'A gets').firstName).toBe('Ann');
    expect(ok(await call('user', 'get', { userId: 'emp-10442' }, b), 'B gets').firstName).toBe('Bea');
    // a second add in the same partner is the duplicate
    expect((await call('user', 'add', user('emp-10442'), b)).code).toBe('DUPLICATE_USER_BY_ID');
    // lists and filters by id answer the API id
    const listed = ok(await call('user', 'list', { filter: { objectType: 'KalturaUserFilter', idEqual: 'emp-10442' } }, b), 'B lists');
    expect(listed.objects.map((u: Json) => [u.id, u.firstName])).toEqual([['emp-10442', 'Bea']]);
    // B's update and delete touch B's only
    ok(await call('user', 'update', { userId: 'emp-10442', user: { objectType: 'KalturaUser', lastName: 'B' } }, b), 'B updates');
    ok(await call('user', 'delete', { userId: 'emp-10442' }, b), 'B deletes');
    expect(isError(await call('user', 'get', { userId: 'emp-10442' }, b))).toBe(true);
    expect(ok(await call('user', 'get', { userId: 'emp-10442' }), 'A still').lastName).toBeUndefined();
    // and B may add it again
    ok(await call('user', 'add', user('emp-10442'), b), 'B adds again');
  });

  it("logging in names the partner: another partner's user of the same id answers as an unknown login", async () => {
    await bAdmin();
    ok(await call('user', 'add', user('dana', { email: 'dana@a.example', password: 'S3cret!pass' })), 'A adds dana with a password');
    const here = await call('user', 'login', { partnerId: A, userId: 'dana', password: 'S3cret!pass' }, null);
    expect(typeof here).toBe('string');
    const elsewhere = await call('user', 'login', { partnerId: B, userId: 'dana', password: 'S3cret!pass' }, null);
    const nobody = await call('user', 'login', { partnerId: B, userId: 'nobody-at-all', password: 'S3cret!pass' }, null);
    expect(isError(elsewhere) && elsewhere.code).toBe(nobody.code);
  });

  it("a user stored before keys were the partner's is still found by its id, in its partner only", async () => {
    const b = await bAdmin();
    const m = sb.core.generic.modelOfClass('KalturaUser')!;
    const now = Math.floor(Date.now() / 1000);
    await sb.core.store.insertObject({
      kind: m.kind,
      id: 'old-style',
      partner_id: A,
      object_type: 'KalturaUser',
      user_id: '',
      anon_owner: 0,
      created_at: now,
      updated_at: now,
      data: JSON.stringify({ id: 'old-style', partnerId: A, status: 1, firstName: 'Old' }),
      content_size: null,
      file_name: null,
    });
    expect(ok(await call('user', 'get', { userId: 'old-style' }), 'A finds it').firstName).toBe('Old');
    expect(isError(await call('user', 'get', { userId: 'old-style' }, b))).toBe(true);
    expect((await call('user', 'add', user('old-style'))).code).toBe('DUPLICATE_USER_BY_ID');
    ok(await call('user', 'add', user('old-style'), b), 'B may have one');
  });

  it('Kaltura makes a user the first time a session or an entry names an unknown user id', async () => {
    const exists = async (id: string) => !isError(await call('user', 'get', { userId: id }));
    expect(await exists('sess-user')).toBe(false);
    ok(await call('session', 'start', { secret: sb.secret, partnerId: A, type: 2, userId: 'sess-user' }, null), 'session.start');
    expect(ok(await call('user', 'get', { userId: 'sess-user' }), 'made').screenName).toBe('sess-user');
    // an entry an ADMIN session gives to an unknown user, and a USER session's own entry
    ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: 'e', mediaType: 1, userId: 'owner-1' } }), 'media');
    ok(
      await call('playlist', 'add', { playlist: { objectType: 'KalturaPlaylist', name: 'p', playlistType: 3 } }, sb.ks(0, 'viewer-9')),
      'playlist',
    );
    expect([await exists('owner-1'), await exists('viewer-9')]).toEqual([true, true]);
    // a known user is left as it is
    ok(await call('user', 'update', { userId: 'owner-1', user: { objectType: 'KalturaUser', firstName: 'Olga' } }), 'named');
    ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: 'e2', mediaType: 1, userId: 'owner-1' } }), 'again');
    expect(ok(await call('user', 'get', { userId: 'owner-1' }), 'kept').firstName).toBe('Olga');
    // another partner's user of that id is its own
    expect(isError(await call('user', 'get', { userId: 'owner-1' }, await bAdmin()))).toBe(true);
  });
});
