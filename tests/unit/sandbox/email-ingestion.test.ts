/**
 * EmailIngestionProfile.addMediaEntry (lib/sandbox/services/more.ts): a media entry made of a
 * complete upload, with the email ingestion profile's defaults, as Kaltura's email ingestion makes it.
 */
import { describe, expect, it } from 'vitest';
import { isError, ok, publishedSandbox } from './published-sandbox';

type Json = any;

const sb = publishedSandbox('EmailIngestionProfile.addMediaEntry over the published description', 4335);
const { present, call } = sb;
const code = (v: Json): string => {
  expect(isError(v), JSON.stringify(v)).toBe(true);
  return v.code as string;
};

const upload = (name: string, bytes: string, complete = true) => sb.upload(name, bytes, undefined, complete);

describe.skipIf(!present)('EmailIngestionProfile.addMediaEntry', () => {
  it("makes the entry of an upload with the profile's defaults; what the call gives wins", async () => {
    const cat = ok(await call('category', 'add', { category: { objectType: 'KalturaCategory', name: 'Inbox' } }), 'category');
    const profile = ok(
      await call('EmailIngestionProfile', 'add', {
        EmailIP: {
          objectType: 'KalturaEmailIngestionProfile',
          name: 'mail',
          emailAddress: 'in@example.com',
          defaultTags: 'mailed',
          defaultAdminTags: 'inbox',
          defaultCategory: 'Inbox',
          defaultUserId: 'mailer',
          moderationStatus: 1,
        },
      }),
      'profile',
    );
    const add = (uploadTokenId: string, mediaEntry: Json, emailProfId = profile.id) =>
      call('EmailIngestionProfile', 'addMediaEntry', {
        mediaEntry: { objectType: 'KalturaMediaEntry', ...mediaEntry },
        uploadTokenId,
        emailProfId,
        fromAddress: 'someone@example.com',
        emailMsgId: '<1@example.com>',
      });
    const token = await upload('holiday.mp4', 'video bytes');
    const e = ok(await add(token, { name: 'Holiday' }), 'addMediaEntry');
    expect(e).toMatchObject({
      objectType: 'KalturaMediaEntry',
      name: 'Holiday',
      mediaType: 1,
      tags: 'mailed',
      adminTags: 'inbox',
      userId: 'mailer',
      moderationStatus: 1,
      categoriesIds: String(cat.id),
    });
    // the upload's bytes are the entry's: it is processed (PRECONVERT, then READY) and the token is used up
    expect([1, 2]).toContain(Number(ok(await call('media', 'get', { entryId: e.id }), 'get').status));
    const used = ok(await call('uploadToken', 'get', { uploadTokenId: token }), 'token');
    expect([used.status, used.attachedObjectId]).toEqual([3, e.id]);
    expect(code(await add(token, {}))).toBe('UPLOAD_TOKEN_INVALID_STATUS_FOR_ADD_ENTRY');

    // given values win; a picture's type comes from its name; an unknown category falls back to the default
    const pic = ok(await add(await upload('cat.png', 'png bytes'), { tags: 'own', categories: 'No>Such' }), 'picture');
    expect([pic.mediaType, pic.tags, pic.categoriesIds, pic.name]).toEqual([2, 'own', String(cat.id), expect.stringMatching(/^4335_\d+$/)]);
  });

  it('refuses an incomplete upload, a missing profile and a file whose type it cannot tell', async () => {
    const profile = ok(
      await call('EmailIngestionProfile', 'add', {
        EmailIP: { objectType: 'KalturaEmailIngestionProfile', name: 'p2', emailAddress: 'p2@example.com' },
      }),
      'profile',
    );
    const add = async (uploadTokenId: string, emailProfId: number, mediaEntry: Json = {}) =>
      call('EmailIngestionProfile', 'addMediaEntry', {
        mediaEntry: { objectType: 'KalturaMediaEntry', ...mediaEntry },
        uploadTokenId,
        emailProfId,
        fromAddress: 'a@example.com',
        emailMsgId: 'm',
      });
    expect(code(await add(await upload('x.mp4', '', false), profile.id))).toBe('UPLOAD_TOKEN_INVALID_STATUS_FOR_ADD_ENTRY');
    const noProfile = await add(await upload('x.mp4', 'b'), 999999);
    expect([code(noProfile), noProfile.message]).toEqual(['EMAIL_INGESTION_PROFILE_NOT_FOUND', 'No records found for [999999]']);
    const unknown = await add(await upload('notes.bin', 'b'), profile.id);
    expect([code(unknown), unknown.message]).toEqual(['INVALID_FIELD_VALUE', expect.stringContaining('mediaEntry.mediaType')]);
    expect(ok(await add(await upload('notes.bin', 'b'), profile.id, { mediaType: 5 }), 'with a type').mediaType).toBe(5);
  });
});
