/**
 * baseEntry.getPlaybackContext applies the entry's access-control profile as Kaltura does (rules in
 * order, PLAY context, ADMIN sessions skip rules without forceAdminValidation, BLOCK leaves no
 * sources, stopProcessing) for rules without conditions or with KalturaAuthenticatedCondition, and
 * refuses a rule with a condition on the viewer, which the sandbox cannot evaluate, rather than
 * answering as if it allowed playback.
 */
import { describe, expect, it } from 'vitest';
import { buildKs, SESSION_USER } from '@/lib/sandbox/ks';
import { isError, ok, publishedSandbox } from './published-sandbox';

type Json = any;

const sb = publishedSandbox('getPlaybackContext and access control over the published description', 4337);
const { present, call } = sb;
const viewer = sb.ks(SESSION_USER, 'viewer');

const block = { objectType: 'KalturaAccessControlBlockAction' };
const preview = { objectType: 'KalturaAccessControlPreviewAction', limit: 30 };
const play = [{ objectType: 'KalturaAccessControlContextTypeHolder', type: '1' }];
const download = [{ objectType: 'KalturaAccessControlContextTypeHolder', type: '2' }];

async function entryWith(rules: Json[]): Promise<string> {
  const profile = ok(
    await call('accessControlProfile', 'add', { accessControlProfile: { objectType: 'KalturaAccessControlProfile', name: 'p', rules } }),
    'profile',
  );
  const e = ok(
    await call(
      'media',
      'add',
      { entry: { objectType: 'KalturaMediaEntry', name: 'e', mediaType: 2, accessControlId: profile.id } },
      viewer,
    ),
    'entry',
  );
  const token = await sb.upload('p.png', 'png', viewer);
  ok(
    await call('media', 'addContent', { entryId: e.id, resource: { objectType: 'KalturaUploadedFileTokenResource', token } }, viewer),
    'content',
  );
  return e.id;
}
const context = async (entryId: string, ks = viewer) =>
  call('baseEntry', 'getPlaybackContext', { entryId, contextDataParams: { objectType: 'KalturaPlaybackContextOptions' } }, ks);

describe.skipIf(!present)('getPlaybackContext and access control', () => {
  it('a BLOCK rule leaves no sources and says why; an ADMIN session skips it unless forced', async () => {
    const id = await entryWith([{ objectType: 'KalturaRule', actions: [block], contexts: play, message: 'not here', code: 'GEO' }]);
    const c = ok(await context(id), 'viewer');
    expect(c.sources).toEqual([]);
    expect(c.messages).toEqual([{ objectType: 'KalturaAccessControlMessage', message: 'not here', code: 'GEO' }]);
    expect(c.actions.map((a: Json) => a.objectType)).toEqual(['KalturaAccessControlBlockAction']);
    // Kaltura's rule: an ADMIN KS is not restricted...
    expect(ok(await context(id, sb.admin), 'admin').sources).toHaveLength(1);
    // ...unless the rule says so
    const forced = await entryWith([{ objectType: 'KalturaRule', actions: [block], forceAdminValidation: 1 }]);
    expect(ok(await context(forced, sb.admin), 'admin forced').sources).toEqual([]);
  });

  it('PLAY rules only; a preview keeps the sources; stopProcessing ends the rules', async () => {
    const onlyDownload = await entryWith([{ objectType: 'KalturaRule', actions: [block], contexts: download }]);
    expect(ok(await context(onlyDownload), 'download rule').sources).toHaveLength(1);
    const previewFirst = await entryWith([
      { objectType: 'KalturaRule', actions: [preview], stopProcessing: true },
      { objectType: 'KalturaRule', actions: [block] },
    ]);
    const c = ok(await context(previewFirst), 'preview');
    expect(c.sources).toHaveLength(1);
    expect(c.actions).toEqual([expect.objectContaining({ objectType: 'KalturaAccessControlPreviewAction', limit: 30 })]);
  });

  it('a paywall: BLOCK unless the session is authenticated (KalturaAuthenticatedCondition, sview for the entry)', async () => {
    const id = await entryWith([
      {
        objectType: 'KalturaRule',
        actions: [block],
        conditions: [{ objectType: 'KalturaAuthenticatedCondition', not: true }],
        message: 'subscribers only',
      },
    ]);
    const withPrivileges = (privileges: Array<[string, string]>) =>
      buildKs(sb.secret, {
        partnerId: 4337,
        type: SESSION_USER,
        userId: 'viewer',
        expiry: Math.floor(Date.now() / 1000) + 600,
        privileges: new Map(privileges),
      });
    expect(ok(await context(id), 'no privileges').sources).toEqual([]);
    expect(ok(await context(id, withPrivileges([['sview', '*']])), 'sview *').sources).toHaveLength(1);
    expect(ok(await context(id, withPrivileges([['sview', `0_other000,${id}`]])), 'sview of it').sources).toHaveLength(1);
    const other = ok(await context(id, withPrivileges([['sview', '0_other000']])), 'sview of another');
    expect([other.sources, other.messages.map((m: Json) => m.message)]).toEqual([[], ['subscribers only']]);
    // a condition listing its own privileges
    const custom = await entryWith([
      {
        objectType: 'KalturaRule',
        actions: [block],
        conditions: [
          { objectType: 'KalturaAuthenticatedCondition', not: true, privileges: [{ objectType: 'KalturaStringValue', value: 'gold' }] },
        ],
      },
    ]);
    expect(ok(await context(custom, withPrivileges([['sview', '*']])), 'not gold').sources).toEqual([]);
    expect(ok(await context(custom, withPrivileges([['gold', '*']])), 'gold').sources).toHaveLength(1);
  });

  it('a rule with conditions is refused, naming them, not answered as if it allowed playback', async () => {
    const geo = await entryWith([
      {
        objectType: 'KalturaRule',
        actions: [block],
        conditions: [{ objectType: 'KalturaCountryCondition', not: true, values: [{ objectType: 'KalturaStringValue', value: 'US' }] }],
      },
    ]);
    const r = await context(geo);
    expect(isError(r) && r.code).toBe('SANDBOX_ACTION_NOT_SIMULATED');
    expect(r.message).toContain('KalturaCountryCondition');
    // the same profile does not restrict an ADMIN session, so nothing needs evaluating there
    expect(ok(await context(geo, sb.admin), 'admin').sources).toHaveLength(1);
  });
});
