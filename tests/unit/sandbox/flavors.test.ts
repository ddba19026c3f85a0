/** flavorAsset.getWebPlayableByEntryId answers the entry's READY flavors tagged `web`, not every flavor of it. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FileArg } from '@/lib/sandbox/params';
import { isError, ok, publishedSandbox } from './published-sandbox';

type Json = any;

const sb = publishedSandbox('flavorAsset.getWebPlayableByEntryId over the published description', 4336);
const { present, call } = sb;

async function complete(bytes: string): Promise<string> {
  const t = ok(await call('uploadToken', 'add', { uploadToken: { objectType: 'KalturaUploadToken', fileName: 'f.mp4' } }), 'token');
  ok(
    await call('uploadToken', 'upload', {
      uploadTokenId: t.id,
      fileData: new FileArg('f.mp4', 'video/mp4', Readable.from([Buffer.from(bytes)])),
    }),
    'upload',
  );
  return t.id;
}

describe.skipIf(!present)('flavorAsset.getWebPlayableByEntryId', () => {
  it('answers the READY flavors tagged web', async () => {
    const e = ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: 'e', mediaType: 1 } }), 'entry');
    const flavor = async (tags: string, withContent: boolean) => {
      const f = ok(await call('flavorAsset', 'add', { entryId: e.id, flavorAsset: { objectType: 'KalturaFlavorAsset', tags } }), tags);
      if (withContent)
        ok(
          await call('flavorAsset', 'setContent', {
            id: f.id,
            contentResource: { objectType: 'KalturaUploadedFileTokenResource', token: await complete(`bytes of ${tags}`) },
          }),
          `content of ${tags}`,
        );
      return f.id as string;
    };
    const web = await flavor('web,mbr', true);
    await flavor('mobile', true);
    await flavor('web', false); // no content yet: not ready
    const playable = ok(await call('flavorAsset', 'getWebPlayableByEntryId', { entryId: e.id }), 'getWebPlayableByEntryId');
    expect(playable.map((f: Json) => f.id)).toEqual([web]);
    const none = await call('flavorAsset', 'getWebPlayableByEntryId', { entryId: '0_nosuch00' });
    expect(isError(none) && none.code).toBe('ENTRY_ID_NOT_FOUND');
  });
});
