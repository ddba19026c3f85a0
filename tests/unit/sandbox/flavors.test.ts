/**
 * Flavors over the published description: flavorAsset.getWebPlayableByEntryId answers the entry's
 * READY flavors tagged `web`; media / documents.addFromFlavorAsset and documents.addFromEntry (and
 * media.addFromEntry with sourceFlavorParamsId) make a new entry whose content is a copy of those bytes.
 */
import { describe, expect, it } from 'vitest';
import { assetBlob } from '@/lib/sandbox/services/content';
import { contentBlob } from '@/lib/sandbox/services/media';
import { isError, ok, publishedSandbox } from './published-sandbox';

type Json = any;

const sb = publishedSandbox('flavorAsset.getWebPlayableByEntryId over the published description', 4336);
const { present, call } = sb;

const complete = (bytes: string) => sb.upload('f.mp4', bytes);

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

  const flavorOf = async (entryId: string, bytes: string, extra: Json = {}) => {
    const f = ok(await call('flavorAsset', 'add', { entryId, flavorAsset: { objectType: 'KalturaFlavorAsset', ...extra } }), 'flavor');
    ok(
      await call('flavorAsset', 'setContent', {
        id: f.id,
        contentResource: { objectType: 'KalturaUploadedFileTokenResource', token: await complete(bytes) },
      }),
      'flavor content',
    );
    return f.id as string;
  };
  const entryBytes = async (id: string) => (await sb.core.store.blobs.head(contentBlob(id), 1000))?.toString();

  it("media.addFromFlavorAsset: a new entry of the flavor's bytes, with the source's media type", async () => {
    const src = ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: 'src', mediaType: 5 } }), 'source');
    const flavor = await flavorOf(src.id, 'audio flavor bytes');
    const copy = ok(
      await call('media', 'addFromFlavorAsset', {
        sourceFlavorAssetId: flavor,
        mediaEntry: { objectType: 'KalturaMediaEntry', name: 'from flavor', mediaType: 1 },
      }),
      'addFromFlavorAsset',
    );
    expect([copy.name, copy.mediaType, copy.status]).toEqual(['from flavor', 5, 1]);
    expect(await entryBytes(copy.id)).toBe('audio flavor bytes');
    const missing = await call('media', 'addFromFlavorAsset', { sourceFlavorAssetId: '0_nosuch00' });
    expect(isError(missing) && missing.code).toBe('FLAVOR_ASSET_ID_NOT_FOUND');
    const empty = ok(await call('flavorAsset', 'add', { entryId: src.id, flavorAsset: { objectType: 'KalturaFlavorAsset' } }), 'empty');
    const notReady = await call('media', 'addFromFlavorAsset', { sourceFlavorAssetId: empty.id });
    expect(isError(notReady) && notReady.code).toBe('FLAVOR_ASSET_IS_NOT_READY');
  });

  it('media.addFromEntry with sourceFlavorParamsId copies that READY flavor, else FLAVOR_PARAMS_NOT_FOUND', async () => {
    const src = ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: 'src2', mediaType: 1 } }), 'source');
    await flavorOf(src.id, 'the 720p bytes', { flavorParamsId: 7 });
    const copy = ok(
      await call('media', 'addFromEntry', {
        sourceEntryId: src.id,
        mediaEntry: { objectType: 'KalturaMediaEntry', name: 'p7' },
        sourceFlavorParamsId: 7,
      }),
      'addFromEntry',
    );
    expect(await entryBytes(copy.id)).toBe('the 720p bytes');
    const none = await call('media', 'addFromEntry', { sourceEntryId: src.id, sourceFlavorParamsId: 8 });
    expect(isError(none) && none.code).toBe('FLAVOR_PARAMS_NOT_FOUND');
  });

  it("documents.addFromEntry and addFromFlavorAsset copy a document entry's bytes; a media entry is not a document", async () => {
    const doc = ok(
      await call('baseEntry', 'add', { entry: { objectType: 'KalturaDocumentEntry', name: 'slides', documentType: 11 } }),
      'document',
    );
    ok(
      await call('documents', 'updateContent', {
        entryId: doc.id,
        resource: { objectType: 'KalturaUploadedFileTokenResource', token: await complete('pdf bytes') },
      }),
      'document content',
    );
    const copy = ok(
      await call('documents', 'addFromEntry', {
        sourceEntryId: doc.id,
        documentEntry: { objectType: 'KalturaDocumentEntry', name: 'copy' },
      }),
      'addFromEntry',
    );
    expect([copy.objectType, copy.name, copy.documentType]).toEqual(['KalturaDocumentEntry', 'copy', 11]);
    expect((await sb.core.store.blobs.head(assetBlob(sb.core.generic.model('documents')!.kind, copy.id), 100))?.toString()).toBe(
      'pdf bytes',
    );
    const flavor = await flavorOf(doc.id, 'a converted flavor');
    const fromFlavor = ok(await call('documents', 'addFromFlavorAsset', { sourceFlavorAssetId: flavor }), 'addFromFlavorAsset');
    expect((await sb.core.store.blobs.head(assetBlob(sb.core.generic.model('documents')!.kind, fromFlavor.id), 100))?.toString()).toBe(
      'a converted flavor',
    );
    const media = ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: 'm', mediaType: 1 } }), 'media');
    const notDoc = await call('documents', 'addFromEntry', { sourceEntryId: media.id });
    expect(isError(notDoc) && notDoc.code).toBe('ENTRY_ID_NOT_FOUND');
  });

  it("work Kaltura's workers do is accepted on what exists: flavorAsset.export needs its storage profile", async () => {
    const e = ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: 'exp', mediaType: 1 } }), 'entry');
    const flavor = await flavorOf(e.id, 'bytes to export');
    const missing = await call('flavorAsset', 'export', { assetId: flavor, storageProfileId: 424242 });
    expect([isError(missing) && missing.code, missing.message]).toEqual([
      'STORAGE_PROFILE_ID_NOT_FOUND',
      'Storage profile id 424242 not found',
    ]);
    const storage = ok(
      // a storage profile is made by Kaltura for an account (its admin console)
      await sb.asKaltura('storageProfile', 'add', {
        storageProfile: { objectType: 'KalturaStorageProfile', name: 'remote', protocol: '1' },
      }),
      'storage profile',
    );
    expect(ok(await call('flavorAsset', 'export', { assetId: flavor, storageProfileId: storage.id }), 'export').id).toBe(flavor);
  });
});
