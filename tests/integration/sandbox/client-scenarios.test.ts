/**
 * The official Node client (kaltura-client) drives three scenarios end to end against a started
 * server: captions (upload token, captionAsset.add / setContent / list / getUrl, the bytes served
 * back), categories (a two-level tree, categoryEntry.add, media.list by category, delete with the
 * tree), custom metadata (a profile with an XSD, metadata.add / list / update with its version,
 * the refusals for invalid XML and a stale version). The client builds its own requests (plugin
 * services at their URL names, multipart JSON), so this is the sandbox as any application sees it.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error kaltura-client ships no types
import kaltura from 'kaltura-client';
import type { TestServer } from '../../helpers/server';
import { startSandbox, TEST_ADMIN_SECRET, TEST_PARTNER_ID } from './harness';

const k = kaltura as any;

let server: TestServer;
let c: any;
beforeAll(async () => {
  server = await startSandbox();
  const config = new k.Configuration();
  config.serviceUrl = server.url;
  config.setLogger({ log() {}, debug() {}, error() {} });
  c = new k.Client(config);
  c.setKs(await k.services.session.start(TEST_ADMIN_SECRET, 'client-user', k.enums.SessionType.ADMIN, TEST_PARTNER_ID).execute(c));
});
afterAll(async () => {
  await server?.dispose();
});

/** The Kaltura error a request answers (the client rejects with it). */
async function failure(request: any): Promise<any> {
  try {
    const r = await request.execute(c);
    throw new Error('expected an error, got ' + JSON.stringify(r));
  } catch (e: any) {
    return e;
  }
}

describe('the official kaltura-client against the sandbox', () => {
  it('captions: upload, caption asset, setContent, list, getUrl serves the same bytes', async () => {
    const entry = await k.services.media
      .add(new k.objects.MediaEntry({ name: 'Captioned', mediaType: k.enums.MediaType.VIDEO }))
      .execute(c);
    const srt = Buffer.from(
      '1\n00:00:00,500 --> 00:00:03,000\nWelcome.\n\n2\n00:00:03,200 --> 00:00:06,800\nSecond line ' +
        randomBytes(8).toString('hex') +
        '\n',
    );
    const token = await k.services.uploadToken.add(new k.objects.UploadToken({ fileName: 'tour.en.srt' })).execute(c);
    await k.services.uploadToken.upload(token.id, srt, false, true, -1).execute(c);
    const asset = await k.services.captionAsset
      .add(
        entry.id,
        new k.objects.CaptionAsset({
          language: 'English',
          format: k.enums.CaptionType.SRT,
          label: 'English',
          isDefault: k.enums.NullableBoolean.TRUE_VALUE,
        }),
      )
      .execute(c);
    expect(asset).toMatchObject({ objectType: 'KalturaCaptionAsset', entryId: entry.id, status: 0, format: '1', language: 'English' });
    expect(asset.id).toMatch(/^0_[0-9a-z]{8}$/);
    const notReady = await failure(k.services.captionAsset.getUrl(asset.id));
    expect(notReady.code).toBe('CAPTION_ASSET_IS_NOT_READY');

    const ready = await k.services.captionAsset
      .setContent(asset.id, new k.objects.UploadedFileTokenResource({ token: token.id }))
      .execute(c);
    expect(ready).toMatchObject({ status: 2, fileExt: 'srt', version: 1, sizeInBytes: srt.length });
    // a token is used once
    expect(
      (await failure(k.services.captionAsset.setContent(asset.id, new k.objects.UploadedFileTokenResource({ token: token.id })))).code,
    ).toBe('UPLOADED_FILE_NOT_FOUND_BY_TOKEN');

    const list = await k.services.captionAsset.listAction(new k.objects.CaptionAssetFilter({ entryIdEqual: entry.id })).execute(c);
    expect(list.totalCount).toBe(1);
    expect(list.objects[0].id).toBe(asset.id);

    const url: string = await k.services.captionAsset.getUrl(asset.id).execute(c);
    const served = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(served.equals(srt)).toBe(true);

    await k.services.captionAsset.deleteAction(asset.id).execute(c);
    expect((await failure(k.services.captionAsset.get(asset.id))).code).toBe('CAPTION_ASSET_ID_NOT_FOUND');
    expect((await fetch(url)).status === 200 && (await (await fetch(url)).text()).includes('Welcome')).toBe(false);
  }, 60_000);

  it('categories: a tree, an entry in it, media.list by category, the tree deleted', async () => {
    const top = await k.services.category.add(new k.objects.Category({ name: 'Training' })).execute(c);
    const sub = await k.services.category.add(new k.objects.Category({ name: 'Onboarding', parentId: top.id })).execute(c);
    expect(sub).toMatchObject({ parentId: top.id, depth: 1, fullName: 'Training>Onboarding', fullIds: `${top.id}>${sub.id}` });
    expect((await failure(k.services.category.add(new k.objects.Category({ name: 'Onboarding', parentId: top.id })))).code).toBe(
      'DUPLICATE_CATEGORY',
    );

    const entry = await k.services.media.add(new k.objects.MediaEntry({ name: 'Welcome', mediaType: k.enums.MediaType.VIDEO })).execute(c);
    const other = await k.services.media
      .add(new k.objects.MediaEntry({ name: 'Elsewhere', mediaType: k.enums.MediaType.VIDEO }))
      .execute(c);
    const member = await k.services.categoryEntry.add(new k.objects.CategoryEntry({ categoryId: sub.id, entryId: entry.id })).execute(c);
    expect(member).toMatchObject({ categoryId: sub.id, entryId: entry.id, status: 2, categoryFullIds: `${top.id}>${sub.id}` });
    expect((await failure(k.services.categoryEntry.add(new k.objects.CategoryEntry({ categoryId: sub.id, entryId: entry.id })))).code).toBe(
      'CATEGORY_ENTRY_ALREADY_EXISTS',
    );
    expect((await failure(k.services.categoryEntry.add(new k.objects.CategoryEntry({ categoryId: 999999, entryId: entry.id })))).code).toBe(
      'CATEGORY_NOT_FOUND',
    );

    const inCategory = await k.services.media
      .listAction(new k.objects.MediaEntryFilter({ categoriesIdsMatchOr: String(sub.id) }))
      .execute(c);
    expect(inCategory.objects.map((e: any) => e.id)).toEqual([entry.id]);
    expect(inCategory.objects[0]).toMatchObject({ categoriesIds: String(sub.id), categories: 'Training>Onboarding' });
    const below = await k.services.media.listAction(new k.objects.MediaEntryFilter({ categoryAncestorIdIn: String(top.id) })).execute(c);
    expect(below.objects.map((e: any) => e.id)).toEqual([entry.id]);
    expect((await k.services.category.get(top.id).execute(c)).entriesCount).toBe(1);
    expect(other.id).not.toBe(entry.id);

    await k.services.category.deleteAction(top.id, k.enums.NullableBoolean.FALSE_VALUE).execute(c);
    expect((await failure(k.services.category.get(sub.id))).code).toBe('CATEGORY_NOT_FOUND');
    const memberships = await k.services.categoryEntry.listAction(new k.objects.CategoryEntryFilter({ entryIdEqual: entry.id })).execute(c);
    expect(memberships.totalCount).toBe(0);
  }, 60_000);

  it('custom metadata: a profile, values for an entry, update with the version, refusals', async () => {
    const xsd = `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"><xsd:element name="metadata"><xsd:complexType><xsd:sequence>
<xsd:element name="Department" type="xsd:string" minOccurs="0"/>
<xsd:element name="Audience" minOccurs="0"><xsd:simpleType><xsd:restriction base="xsd:string"><xsd:enumeration value="Internal"/><xsd:enumeration value="Customers"/></xsd:restriction></xsd:simpleType></xsd:element>
</xsd:sequence></xsd:complexType></xsd:element></xsd:schema>`;
    const profile = await k.services.metadataProfile
      .add(
        new k.objects.MetadataProfile({ name: 'Details', systemName: 'Details', metadataObjectType: k.enums.MetadataObjectType.ENTRY }),
        xsd,
      )
      .execute(c);
    expect(profile).toMatchObject({ version: 1, status: 1, metadataObjectType: '1', xsd });
    const entry = await k.services.media
      .add(new k.objects.MediaEntry({ name: 'Described', mediaType: k.enums.MediaType.VIDEO }))
      .execute(c);
    const bad = await failure(
      k.services.metadata.add(profile.id, k.enums.MetadataObjectType.ENTRY, entry.id, '<metadata><Audience>Everyone</Audience></metadata>'),
    );
    expect(bad.code).toBe('INVALID_METADATA_DATA');
    expect(bad.message).toMatch(/Everyone/);
    const md = await k.services.metadata
      .add(profile.id, k.enums.MetadataObjectType.ENTRY, entry.id, '<metadata><Department>Marketing</Department></metadata>')
      .execute(c);
    expect(md).toMatchObject({ metadataProfileId: profile.id, objectId: entry.id, version: 1, status: 1 });
    expect((await failure(k.services.metadata.add(profile.id, k.enums.MetadataObjectType.ENTRY, entry.id, '<metadata/>'))).code).toBe(
      'METADATA_ALREADY_EXISTS',
    );

    const found = await k.services.metadata
      .listAction(new k.objects.MetadataFilter({ objectIdEqual: entry.id, metadataProfileIdEqual: profile.id }))
      .execute(c);
    expect(found.objects.map((m: any) => m.id)).toEqual([md.id]);
    const updated = await k.services.metadata
      .update(md.id, '<metadata><Department>Sales</Department><Audience>Internal</Audience></metadata>', 1)
      .execute(c);
    expect(updated).toMatchObject({ version: 2 });
    expect(updated.xml).toContain('Sales');
    expect((await failure(k.services.metadata.update(md.id, '<metadata/>', 1))).code).toBe('INVALID_METADATA_VERSION');
    const byName = await k.services.metadataProfile
      .listAction(new k.objects.MetadataProfileFilter({ systemNameEqual: 'Details' }))
      .execute(c);
    expect(byName.objects.map((p: any) => p.id)).toEqual([profile.id]);
  }, 60_000);
});
