import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseKs } from '@/lib/sandbox/ks';
import { FileArg } from '@/lib/sandbox/params';
import { publishedSandbox } from './published-sandbox';

type Json = any;

const sb = publishedSandbox('services of the published description', 4322);
const { present, desc, call, secret: SECRET } = sb;
const file = (text: string, name = 'f.txt') => new FileArg(name, 'text/plain', Readable.from([Buffer.from(text)]));
const add2 = (entryId: string) =>
  call('captionAsset', 'add', {
    entryId,
    captionAsset: { objectType: 'KalturaCaptionAsset', format: '1', language: 'English', languageCode: 'en' },
  });
async function upload(text: string, name: string): Promise<string> {
  const t = await call('uploadToken', 'add', { uploadToken: { objectType: 'KalturaUploadToken', fileName: name } });
  await call('uploadToken', 'upload', { uploadTokenId: t.id, fileData: file(text, name) });
  return t.id;
}

describe.skipIf(!present)('services of the published description', () => {
  it('logins: enableLogin, login and loginByLoginId give a session of the user; the password is never answered; a wrong one is refused like an unknown login', async () => {
    const u = await call('user', 'add', {
      user: { objectType: 'KalturaUser', id: 'dana', email: 'dana@example.com', password: 'S3cret!pass' },
    });
    expect(u).toMatchObject({ id: 'dana', loginEnabled: true });
    expect(JSON.stringify(u)).not.toMatch(/S3cret|__login|hash/);
    const ks = await call('user', 'loginByLoginId', { loginId: 'dana@example.com', password: 'S3cret!pass' }, null);
    expect(typeof ks).toBe('string');
    expect(parseKs(ks, SECRET)).toMatchObject({ partnerId: 4322, userId: 'dana', type: 0 });
    const wrong = await call('user', 'loginByLoginId', { loginId: 'dana@example.com', password: 'nope' }, null);
    const unknown = await call('user', 'loginByLoginId', { loginId: 'nobody@example.com', password: 'nope' }, null);
    expect(wrong.code).toBe('USER_WRONG_PASSWORD');
    expect(unknown.code).toBe(wrong.code);
    expect(typeof (await call('user', 'login', { partnerId: 4322, userId: 'dana', password: 'S3cret!pass' }, null))).toBe('string');
    expect((await call('user', 'getByLoginId', { loginId: 'dana@example.com' })).id).toBe('dana');
    expect(
      await call('user', 'checkLoginDataExists', {
        filter: { objectType: 'KalturaUserLoginDataFilter', loginEmailEqual: 'dana@example.com' },
      }),
    ).toBe(true);
    await call('user', 'disableLogin', { userId: 'dana' });
    expect((await call('user', 'loginByLoginId', { loginId: 'dana@example.com', password: 'S3cret!pass' }, null)).code).toBe(
      'USER_WRONG_PASSWORD',
    );
    // admins only for adminUser.login
    await call('user', 'add', {
      user: { objectType: 'KalturaUser', id: 'root', email: 'root@example.com', password: 'AdminPass1', isAdmin: true },
    });
    const adminKs = await call('adminUser', 'login', { email: 'root@example.com', password: 'AdminPass1' }, null);
    expect(parseKs(adminKs, SECRET)).toMatchObject({ userId: 'root', type: 2 });
    expect(JSON.stringify(await call('user', 'list', {}))).not.toMatch(/__login|AdminPass1/);
  });

  it("ratings: rate 1-5, rate again replaces, check answers the caller's own, counts per rank, remove", async () => {
    const e = await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', mediaType: 1 } });
    expect(await call('rating', 'checkRating', { entryId: e.id })).toBe(0);
    expect((await call('rating', 'rate', { entryId: e.id, rank: 6 })).code).toBe('INVALID_FIELD_VALUE');
    expect(await call('rating', 'rate', { entryId: e.id, rank: 4 })).toBe(4);
    expect(await call('rating', 'rate', { entryId: e.id, rank: 2 })).toBe(2);
    expect(await call('rating', 'checkRating', { entryId: e.id })).toBe(2);
    const counts = (rankIn?: string) =>
      call('rating', 'getRatingCounts', {
        filter: { objectType: 'KalturaRatingCountFilter', entryIdEqual: e.id, ...(rankIn ? { rankIn } : {}) },
      });
    expect(await counts()).toMatchObject({ totalCount: 1, objects: [{ entryId: e.id, rank: 2, count: 1 }] });
    expect(await counts('2,3')).toMatchObject({ totalCount: 1 });
    expect(await counts('4,5')).toMatchObject({ totalCount: 0, objects: [] });
    expect(await call('rating', 'removeRating', { entryId: e.id })).toBe(true);
    expect(await call('rating', 'removeRating', { entryId: e.id })).toBe(false);
    expect(await call('rating', 'checkRating', { entryId: e.id })).toBe(0);
  });

  it('likes, quizzes, polls', async () => {
    const e = await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', mediaType: 1 } });
    expect(await call('like', 'like', { entryId: e.id })).toBe(true);
    expect((await call('like', 'like', { entryId: e.id })).code).toBe('USER_LIKE_FOR_ENTRY_ALREADY_EXISTS');
    expect(await call('like', 'checkLikeExists', { entryId: e.id })).toBe(true);
    expect((await call('like', 'list', { filter: { objectType: 'KalturaLikeFilter', entryIdEqual: e.id } })).totalCount).toBe(1);
    expect(await call('like', 'unlike', { entryId: e.id })).toBe(true);
    expect(await call('like', 'checkLikeExists', { entryId: e.id })).toBe(false);

    expect((await call('quiz', 'get', { entryId: e.id })).code).toBe('ENTRY_ID_NOT_FOUND');
    expect(await call('quiz', 'add', { entryId: e.id, quiz: { objectType: 'KalturaQuiz', attemptsAllowed: 2 } })).toMatchObject({
      attemptsAllowed: 2,
      version: 1,
    });
    expect((await call('quiz', 'add', { entryId: e.id, quiz: { objectType: 'KalturaQuiz' } })).code).toBe(
      'PROVIDED_ENTRY_IS_ALREADY_A_QUIZ',
    );
    expect(await call('quiz', 'update', { entryId: e.id, quiz: { objectType: 'KalturaQuiz', attemptsAllowed: 3 } })).toMatchObject({
      attemptsAllowed: 3,
      version: 2,
    });

    const poll = await call('poll', 'add', { pollType: 'SINGLE_ANONYMOUS' });
    await call('poll', 'vote', { pollId: poll, userId: 'a', answerIds: '1' });
    await call('poll', 'vote', { pollId: poll, userId: 'b', answerIds: '2' });
    await call('poll', 'vote', { pollId: poll, userId: 'a', answerIds: '2' });
    expect(await call('poll', 'getVote', { pollId: poll, userId: 'a' })).toBe('2');
    expect(JSON.parse(await call('poll', 'getVotes', { pollId: poll, answerIds: '1,2' }))).toMatchObject({
      numVoters: 2,
      answers: [
        { id: '1', numVotes: 0 },
        { id: '2', numVotes: 2 },
      ],
    });
  });

  it('static playlists, caption search, content replaced and copied, bulkDelete', async () => {
    const a = await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', mediaType: 2, name: 'A' } });
    const b = await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', mediaType: 2, name: 'B' } });
    const list = await call('playlist', 'add', {
      playlist: { objectType: 'KalturaPlaylist', name: 'P', playlistType: 3, playlistContent: `${b.id},${a.id}` },
    });
    expect((await call('playlist', 'execute', { id: list.id })).map((x: Json) => x.id)).toEqual([b.id, a.id]);

    const captions = await call('captionAsset', 'add', { entryId: a.id, captionAsset: { objectType: 'KalturaCaptionAsset', format: '1' } });
    await call('captionAsset', 'setContent', {
      id: captions.id,
      contentResource: {
        objectType: 'KalturaUploadedFileTokenResource',
        token: await upload('1\n00:00:01,000 --> 00:00:02,500\nHello world\n\n2\n00:00:03,000 --> 00:00:04,000\nGoodbye\n', 'a.srt'),
      },
    });
    const found = await call('captionAssetItem', 'search', {
      captionAssetItemFilter: { objectType: 'KalturaCaptionAssetItemFilter', contentLike: 'hello' },
    });
    expect(found.objects.map((x: Json) => [x.content, x.startTime, x.endTime])).toEqual([['Hello world', 1, 2.5]]);
    expect(
      (
        await call('captionAssetItem', 'searchEntries', {
          captionAssetItemFilter: { objectType: 'KalturaCaptionAssetItemFilter', contentLike: 'goodbye' },
        })
      ).objects.map((x: Json) => x.id),
    ).toEqual([a.id]);

    await call('media', 'addContent', {
      entryId: a.id,
      resource: { objectType: 'KalturaUploadedFileTokenResource', token: await upload('first bytes', 'a.png') },
    });
    const replaced = await call('media', 'updateContent', {
      entryId: a.id,
      resource: { objectType: 'KalturaUploadedFileTokenResource', token: await upload('second bytes!', 'b.png') },
    });
    expect(replaced).toMatchObject({ version: 2, status: 2 });
    const copy = await call('media', 'addFromEntry', {
      sourceEntryId: a.id,
      mediaEntry: { objectType: 'KalturaMediaEntry', name: 'copy' },
    });
    expect(copy).toMatchObject({ name: 'copy', status: 2 });
    expect(copy.id).not.toBe(a.id);

    for (let i = 0; i < 3; i++)
      await call('userEntry', 'add', { userEntry: { objectType: 'KalturaWatchLaterUserEntry', entryId: a.id, userId: `viewer${i}` } });
    expect(await call('userEntry', 'bulkDelete', { filter: { objectType: 'KalturaUserEntryFilter', entryIdEqual: a.id } })).toBe(3);
    expect((await call('userEntry', 'list', { filter: { objectType: 'KalturaUserEntryFilter', entryIdEqual: a.id } })).totalCount).toBe(0);
  });

  it("a caption's languageCode comes from its language (KalturaLanguage EN English -> KalturaLanguageCode en)", async () => {
    const e = await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', mediaType: 1, name: 'captioned' } });
    const add = (language: string) =>
      call('captionAsset', 'add', { entryId: e.id, captionAsset: { objectType: 'KalturaCaptionAsset', format: '1', language } });
    const en = await add('English');
    expect(en).toMatchObject({ language: 'English', languageCode: 'en' });
    expect((await add('French')).languageCode).toBe('fr');
    // a language whose name has no code in KalturaLanguageCode: none, rather than a guess
    expect((await add('Abaza')).languageCode).toBeUndefined();
    const up = await call('captionAsset', 'update', { id: en.id, captionAsset: { objectType: 'KalturaCaptionAsset', language: 'German' } });
    expect(up).toMatchObject({ language: 'German', languageCode: 'de' });
    // the code is the server's: a caption asset cannot be given one
    const given = await add2(e.id);
    expect(given.code).toBe('PROPERTY_VALIDATION_NOT_UPDATABLE');
  });

  it("batch jobs (as Kaltura's admin console calls them): added, aborted by a status verb, answered in their wrapper class", async () => {
    // a partner's session: the jobs service is Kaltura's own (its batch workers and admin console)
    expect((await call('jobs', 'addBatchJob', { batchJob: { objectType: 'KalturaBatchJob', entryId: '0_abc' } })).code).toBe(
      'SERVICE_FORBIDDEN',
    );
    const kaltura = sb.asKaltura;
    // jobType is read-only: refused as Kaltura refuses it
    expect(
      (await kaltura('jobs', 'addBatchJob', { batchJob: { objectType: 'KalturaBatchJob', entryId: '0_abc', jobType: '1' } })).args,
    ).toEqual({ PROP_NAME: 'KalturaBatchJob::jobType' });
    const job = await kaltura('jobs', 'addBatchJob', { batchJob: { objectType: 'KalturaBatchJob', entryId: '0_abc' } });
    expect(job.objectType).toBe('KalturaBatchJob');
    const aborted = await kaltura('jobs', 'abortConvert', { jobId: job.id });
    expect(aborted.objectType).toBe('KalturaBatchJobResponse');
    const ABORTED = desc!.getEnum('KalturaBatchJobStatus')!.values.find((v) => v.name === 'ABORTED')!.value;
    expect(aborted.batchJob).toMatchObject({ id: job.id, status: Number(ABORTED) });
    expect((await kaltura('jobs', 'getConvertStatus', { jobId: job.id })).batchJob.id).toBe(job.id);
  });
});
