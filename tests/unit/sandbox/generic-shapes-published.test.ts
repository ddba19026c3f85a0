import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Operation } from '@/lib/description';
import { systemPartnerOnly } from '@/lib/description/kaltura/system-partners';
import { ACTIONS } from '@/lib/sandbox/core';
import type { Shape } from '@/lib/sandbox/generic/shapes';
import { buildKs, SESSION_ADMIN, SESSION_USER } from '@/lib/sandbox/ks';
import { FileArg } from '@/lib/sandbox/params';
import { FileAnswer } from '@/lib/sandbox/services/content';
import { isError, ok, publishedSandbox } from './published-sandbox';

type Json = any;

const sb = publishedSandbox('generic shapes (keys, clones, defaults) over the published description', 4323);
const { present, desc, admin, secret: SECRET } = sb;
/**
 * A call as its caller on Kaltura makes it: a partner's session, or, for what Kaltura grants only
 * to its own system partners (a distribution provider, a drop folder, a delivery profile), the
 * admin console for the partner. The shapes answer whoever may call them; that a partner's own
 * session gets SERVICE_FORBIDDEN there is system-partners.test.ts's.
 */
const call = (service: string, action: string, params?: Json, ks?: string | null): Promise<Json> => {
  const op = desc!.operationByName(service, action);
  return op && systemPartnerOnly(op, desc!.document) ? sb.asKaltura(service, action, params, ks) : sb.call(service, action, params, ks);
};
const alice = sb.ks(SESSION_USER, 'alice');
const bob = sb.ks(SESSION_USER, 'bob');
/** A Kaltura error other than an internal one or "not simulated". */
const refused = (v: Json, what: string) => {
  expect(isError(v), `${what} is refused`).toBe(true);
  expect(['INTERNAL_SERVERL_ERROR', 'SANDBOX_ACTION_NOT_SIMULATED'], what).not.toContain(v.code);
  return v.code as string;
};

/** The published operations a shape answers (generic: neither hand-written nor overridden), by `service.action`. */
function claimed(pick: (s: Shape, op: Operation) => boolean): Map<string, { op: Operation; shape: Shape }> {
  const out = new Map<string, { op: Operation; shape: Shape }>();
  for (const op of desc!.operations()) {
    if (op.multirequest || !op.action || !sb.core.simulates(op) || sb.core.generic.override(op) || ACTIONS[`${op.service}.${op.action}`])
      continue;
    const s = sb.core.generic.shape(op);
    if (s && pick(s, op)) out.set(`${op.service}.${op.action}`, { op, shape: s });
  }
  return out;
}

describe.skipIf(!present)('generic shapes over the published description: keys, clones, defaults', () => {
  it('by properties (getBy/updateBy/deleteBy, an enum parameter naming its property): success, unknown key, another user, bad enum', async () => {
    const byProps = claimed(
      (s, op) =>
        (/^(update|delete)By/.test(op.action) && (s.kind === 'update' || s.kind === 'delete') && !s.key.idParam) ||
        // lookups with a parameter that names its property by its enum type
        (s.kind === 'lookup' &&
          s.props.some(([param, prop]) => param !== prop && op.params.find((p) => p.name === param)?.type.kind === 'enum')),
    );
    expect([...byProps.keys()].sort()).toEqual([
      'genericDistributionProviderAction.deleteByProviderId',
      'genericDistributionProviderAction.getByProviderId',
      'genericDistributionProviderAction.updateByProviderId',
    ]);
    const provider = ok(
      await call('genericDistributionProvider', 'add', {
        genericDistributionProvider: { objectType: 'KalturaGenericDistributionProvider', name: 'p' },
      }),
      'provider',
    );
    const add = (ks = admin, actionValue = '1') =>
      call(
        'genericDistributionProviderAction',
        'add',
        {
          genericDistributionProviderAction: {
            objectType: 'KalturaGenericDistributionProviderAction',
            genericDistributionProviderId: provider.id,
            action: actionValue,
            serverAddress: 'ftp.example.com',
          },
        },
        ks,
      );
    const a = ok(await add(), 'action.add');
    const key = { genericDistributionProviderId: provider.id, actionType: '1' };
    expect(ok(await call('genericDistributionProviderAction', 'getByProviderId', key), 'getByProviderId').id).toBe(a.id);
    const up = ok(
      await call('genericDistributionProviderAction', 'updateByProviderId', {
        ...key,
        genericDistributionProviderAction: { objectType: 'KalturaGenericDistributionProviderAction', serverAddress: 'sftp.example.com' },
      }),
      'updateByProviderId',
    );
    expect(up).toMatchObject({ id: a.id, serverAddress: 'sftp.example.com' });
    // an unknown key: the documented code
    const other = { genericDistributionProviderId: provider.id, actionType: '2' };
    for (const action of ['getByProviderId', 'deleteByProviderId'])
      expect((await call('genericDistributionProviderAction', action, other)).code, action).toBe(
        'GENERIC_DISTRIBUTION_PROVIDER_ACTION_NOT_FOUND',
      );
    // a bad enum value and a bad number
    expect((await call('genericDistributionProviderAction', 'getByProviderId', { ...key, actionType: 'zz' })).code).toBe(
      'INVALID_ENUM_VALUE',
    );
    refused(
      await call('genericDistributionProviderAction', 'getByProviderId', { ...key, genericDistributionProviderId: 'abc' }),
      'bad int',
    );
    // alice's own action is not bob's to see or delete
    const mine = ok(await add(alice, '3'), 'alice add');
    const aliceKey = { genericDistributionProviderId: provider.id, actionType: '3' };
    expect(ok(await call('genericDistributionProviderAction', 'getByProviderId', aliceKey, alice), 'alice get').id).toBe(mine.id);
    refused(await call('genericDistributionProviderAction', 'getByProviderId', aliceKey, bob), 'bob get');
    refused(await call('genericDistributionProviderAction', 'deleteByProviderId', aliceKey, bob), 'bob delete');
    // delete: gone
    expect(await call('genericDistributionProviderAction', 'deleteByProviderId', key)).toBeNull();
    expect((await call('genericDistributionProviderAction', 'getByProviderId', key)).code).toBe(
      'GENERIC_DISTRIBUTION_PROVIDER_ACTION_NOT_FOUND',
    );
  });

  it('clone, every form (by id, with a partner, with an object to overlay, by source id): a new object with the original properties', async () => {
    const clones = claimed((s) => s.kind === 'clone');
    const names = [...clones.keys()].sort();
    for (const n of ['category.clone', 'responseProfile.clone', 'widget.clone']) expect(names).toContain(n);
    const failures: string[] = [];
    const entry = ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', mediaType: 1, name: 'e' } }), 'media.add');
    for (const [name, { op, shape }] of clones) {
      if (shape.kind !== 'clone') continue;
      const m = sb.core.generic.model(op.service)!;
      const cls = desc!.getClass(m.objectClass)!.abstract ? m.family[0]! : m.objectClass;
      const addOp = desc!.operationByName(op.service, 'add');
      const objectParam = addOp?.params.find((p) => p.type.kind === 'object' && desc!.isSubclassOf(cls, p.type.className));
      if (!addOp || !objectParam) {
        console.warn(`[generic-shapes] ${name}: no add to make an original with, not driven`);
        continue;
      }
      const base = {
        objectType: cls,
        ...(m.props.has('name') ? { name: `orig-${op.service}` } : {}),
        ...(m.props.has('entryId') ? { entryId: entry.id } : {}),
      };
      const original = await call(op.service, 'add', { [objectParam.name]: base });
      if (isError(original)) {
        failures.push(`${name}: add ${original.code}`);
        continue;
      }
      const params: Json = {};
      for (const p of op.params) {
        if (p.name === shape.key.idParam) params[p.name] = original.id;
        else if (shape.partnerParams.includes(p.name)) params[p.name] = 4323;
        else if (p.required && /^entryId$/.test(p.name)) params[p.name] = entry.id;
        else if (p.name === shape.objectParam)
          params[p.name] = {
            objectType: cls,
            ...(shape.sourceProp ? { [shape.sourceProp]: original.id } : {}),
            ...(m.props.has('systemName') ? { systemName: `copy-${op.service}` } : {}),
          };
      }
      // a category copy under the same parent would take its name: put it under the original
      if (op.params.some((p) => p.name === 'parentCategoryId')) params.parentCategoryId = original.id;
      const copy = await call(op.service, op.action, params);
      if (isError(copy)) {
        failures.push(`${name}: ${copy.code} ${copy.message}`);
        continue;
      }
      expect(copy.objectType, name).toBe(original.objectType);
      expect(copy.id, name).not.toEqual(original.id);
      if (original.name !== undefined) expect(copy.name, name).toBe(original.name);
      if (shape.sourceProp) expect(copy[shape.sourceProp], name).toBe(original.id);
      // an unknown original
      const unknown = { ...params };
      if (shape.key.idParam) unknown[shape.key.idParam] = m.idType === 'int' ? 987654 : '0_nosuch99';
      if (shape.sourceProp) unknown[shape.objectParam!] = { objectType: cls, [shape.sourceProp]: '0_nosuch99' };
      refused(await call(op.service, op.action, unknown), `${name} of an unknown original`);
      // another partner's original: nothing this session can see
      for (const p of shape.partnerParams) refused(await call(op.service, op.action, { ...params, [p]: 99 }), `${name} from partner 99`);
      // a bad type for a number
      if (shape.key.idParam && m.idType === 'int')
        expect((await call(op.service, op.action, { ...params, [shape.key.idParam]: 'abc' })).code, name).toBe('INVALID_FIELD_VALUE');
      // a USER session cannot copy what another user made
      const mine = await call(
        op.service,
        'add',
        { [objectParam.name]: { ...base, ...(m.props.has('name') ? { name: `alice-${op.service}` } : {}) } },
        alice,
      );
      if (!isError(mine)) {
        const theirs = { ...params };
        if (shape.key.idParam) theirs[shape.key.idParam] = mine.id;
        if (shape.sourceProp) theirs[shape.objectParam!] = { objectType: cls, [shape.sourceProp]: mine.id };
        if ('parentCategoryId' in theirs) theirs.parentCategoryId = null;
        refused(await call(op.service, op.action, theirs, bob), `${name} of alice's object by bob`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('a system name documented as unique is unique in the partner (responseProfile.clone, and the adds that document it)', async () => {
    const p = ok(
      await call('responseProfile', 'add', { addResponseProfile: { objectType: 'KalturaResponseProfile', name: 'n', systemName: 'uniq' } }),
      'add',
    );
    const dup = await call('responseProfile', 'clone', { id: p.id, profile: { objectType: 'KalturaResponseProfile' } });
    expect(dup.code).toBe('RESPONSE_PROFILE_DUPLICATE_SYSTEM_NAME');
    expect(dup.message).toContain('uniq');
  });

  it('getDefault: the default object of the class, else the not-found code', async () => {
    const defaults = claimed((s) => s.kind === 'getDefault');
    expect([...defaults.keys()]).toEqual(['conversionProfile.getDefault']);
    expect(refused(await call('conversionProfile', 'getDefault', {}), 'no default')).toBe('CONVERSION_PROFILE_ID_NOT_FOUND');
    await call('conversionProfile', 'add', { conversionProfile: { objectType: 'KalturaConversionProfile', name: 'a', type: '1' } });
    const d = ok(
      await call('conversionProfile', 'add', {
        conversionProfile: { objectType: 'KalturaConversionProfile', name: 'b', type: '1', isDefault: 1 },
      }),
      'add default',
    );
    expect(ok(await call('conversionProfile', 'getDefault', {}), 'getDefault').id).toBe(d.id);
    expect(ok(await call('conversionProfile', 'getDefault', { type: '1' }), 'getDefault MEDIA').id).toBe(d.id);
    expect(refused(await call('conversionProfile', 'getDefault', { type: '2' }), 'no LIVE default')).toBe(
      'CONVERSION_PROFILE_ID_NOT_FOUND',
    );
    expect((await call('conversionProfile', 'getDefault', { type: 'zz' })).code).toBe('INVALID_ENUM_VALUE');
  });

  it("a relation keyed by its update's parameters: a conversion profile's flavorParamsIds are its conversionProfileAssetParams", async () => {
    const relations = claimed((s, op) => s.kind === 'update' && !s.key.idParam && op.action === 'update');
    expect([...relations.keys()]).toContain('conversionProfileAssetParams.update');
    const fp = ok(await call('flavorParams', 'add', { flavorParams: { objectType: 'KalturaFlavorParams', name: 'fp' } }), 'fp');
    const profile = ok(
      await call('conversionProfile', 'add', {
        conversionProfile: { objectType: 'KalturaConversionProfile', name: 'with params', type: '1', flavorParamsIds: String(fp.id) },
      }),
      'profile',
    );
    const list = ok(
      await call('conversionProfileAssetParams', 'list', {
        filter: { objectType: 'KalturaConversionProfileAssetParamsFilter', conversionProfileIdEqual: profile.id },
      }),
      'list',
    );
    expect(list).toMatchObject({ totalCount: 1, objects: [{ conversionProfileId: profile.id, assetParamsId: fp.id }] });
    const key = { conversionProfileId: profile.id, assetParamsId: fp.id };
    const up = ok(
      await call('conversionProfileAssetParams', 'update', {
        ...key,
        conversionProfileAssetParams: { objectType: 'KalturaConversionProfileAssetParams', systemName: 'sn', readyBehavior: '1' },
      }),
      'update',
    );
    expect(up).toMatchObject({ ...key, systemName: 'sn' });
    expect(
      refused(
        await call('conversionProfileAssetParams', 'update', {
          ...key,
          assetParamsId: 987654,
          conversionProfileAssetParams: { objectType: 'KalturaConversionProfileAssetParams', systemName: 'x' },
        }),
        'unknown pair',
      ),
    ).toBeTruthy();
    expect(
      (
        await call('conversionProfileAssetParams', 'update', {
          ...key,
          conversionProfileAssetParams: { objectType: 'KalturaConversionProfileAssetParams', assetParamsId: 5 },
        })
      ).code,
    ).toBe('PROPERTY_VALIDATION_NOT_UPDATABLE');
    refused(
      await call(
        'conversionProfileAssetParams',
        'update',
        { ...key, conversionProfileAssetParams: { objectType: 'KalturaConversionProfileAssetParams', systemName: 'b' } },
        bob,
      ),
      'bob',
    );
    // the profile's list changes: the relation follows
    await call('conversionProfile', 'update', {
      id: profile.id,
      conversionProfile: { objectType: 'KalturaConversionProfile', flavorParamsIds: '' },
    });
    expect(
      ok(
        await call('conversionProfileAssetParams', 'list', {
          filter: { objectType: 'KalturaConversionProfileAssetParamsFilter', conversionProfileIdEqual: profile.id },
        }),
        'list after',
      ).totalCount,
    ).toBe(0);
  });

  it('update{Something} with an object of a class of a few of its fields (dropFolder.updateBasicFields)', async () => {
    const fields = claimed((s) => s.kind === 'update' && !!s.fields);
    expect([...fields.keys()]).toEqual(['dropFolder.updateBasicFields']);
    const add = (ks = admin) =>
      call(
        'dropFolder',
        'add',
        { dropFolder: { objectType: 'KalturaDropFolder', name: 'df', description: 'before', type: '1', path: '/tmp/x' } },
        ks,
      );
    const df = ok(await add(), 'dropFolder.add');
    const up = ok(
      await call('dropFolder', 'updateBasicFields', {
        dropFolderId: df.id,
        dropFolder: { objectType: 'KalturaBasicFieldsDropFolder', description: 'after' },
      }),
      'updateBasicFields',
    );
    expect(up).toMatchObject({ id: df.id, name: 'df', description: 'after' });
    expect(ok(await call('dropFolder', 'get', { dropFolderId: df.id }), 'get').description).toBe('after');
    const basic = { objectType: 'KalturaBasicFieldsDropFolder', description: 'x' };
    refused(await call('dropFolder', 'updateBasicFields', { dropFolderId: 987654, dropFolder: basic }), 'unknown id');
    expect((await call('dropFolder', 'updateBasicFields', { dropFolderId: 'abc', dropFolder: basic })).code).toBe('INVALID_FIELD_VALUE');
    const mine = ok(await add(alice), 'alice add');
    refused(await call('dropFolder', 'updateBasicFields', { dropFolderId: mine.id, dropFolder: basic }, bob), 'bob');
  });

  it('get{Something} answering a list of the class from a filter and a pager is a list (entryVendorTask.getJobs)', async () => {
    const lists = claimed((s, op) => s.kind === 'list' && /^get/.test(op.action));
    expect([...lists.keys()]).toEqual(['entryVendorTask.getJobs']);
    const r = ok(
      await call('entryVendorTask', 'getJobs', { filter: { objectType: 'KalturaEntryVendorTaskFilter', statusEqual: 1 } }),
      'getJobs',
    );
    expect(r).toMatchObject({ objectType: 'KalturaEntryVendorTaskListResponse', totalCount: 0, objects: [] });
    expect(
      (await call('entryVendorTask', 'getJobs', { filter: { objectType: 'KalturaEntryVendorTaskFilter', statusEqual: 'abc' } })).code,
    ).toBe('INVALID_ENUM_VALUE');
  });

  it('bulk uploads: the file kept as the content of a PENDING job of the caller, gettable, listable and served back through bulk / bulkUpload', async () => {
    const bulks = claimed((s) => s.kind === 'bulkUpload');
    expect([...bulks.keys()].sort()).toEqual([
      'bulkUpload.add',
      'category.addFromBulkUpload',
      'categoryEntry.updateStatusFromBulk',
      'categoryUser.addFromBulkUpload',
      'media.bulkUploadAdd',
      'scheduleEvent.addFromBulkUpload',
      'scheduleResource.addFromBulkUpload',
      'user.addFromBulkUpload',
      'vendorCatalogItem.addFromBulkUpload',
    ]);
    // the type of objects each job is for, as the service's class names it
    const objectTypes: Record<string, string | undefined> = {
      'bulkUpload.add': undefined,
      'category.addFromBulkUpload': '2',
      'categoryEntry.updateStatusFromBulk': '5',
      'categoryUser.addFromBulkUpload': '4',
      'media.bulkUploadAdd': '1',
      'scheduleEvent.addFromBulkUpload': 'scheduleBulkUpload.SCHEDULE_EVENT',
      'scheduleResource.addFromBulkUpload': 'scheduleBulkUpload.SCHEDULE_RESOURCE',
      'user.addFromBulkUpload': '3',
      'vendorCatalogItem.addFromBulkUpload': '7',
    };
    const file = (text: string, name: string) => new FileArg(name, 'text/csv', Readable.from([Buffer.from(text)]));
    const served = async (r: Json) => {
      expect(r).toBeInstanceOf(FileAnswer);
      return (await sb.core.store.blobs.head((r as FileAnswer).blob, 1 << 20))!.toString('utf8');
    };
    for (const [name, { op, shape }] of bulks) {
      if (shape.kind !== 'bulkUpload') continue;
      const params = (text: string, fileName: string): Json => {
        const p: Json = { [shape.fileParam]: file(text, fileName) };
        for (const x of op.params) if (x.required && x.name !== shape.fileParam) p[x.name] = x.type.kind === 'int' ? -1 : 'x';
        return p;
      };
      const csv = `*title,description\n${name},row\n`;
      const job = ok(await call(op.service, op.action, params(csv, 'rows.csv')), name);
      expect(job, name).toMatchObject({ objectType: 'KalturaBulkUpload', status: 0, fileName: 'rows.csv', uploadedBy: 'admin' });
      expect(job.bulkUploadType, name).toBe('bulkUploadCsv.CSV');
      expect(job.bulkUploadObjectType, name).toBe(objectTypes[name]);
      expect(typeof job.id, name).toBe('number');
      // the same job through both job services, and its file served back
      expect(ok(await call('bulk', 'get', { id: job.id }), `${name} bulk.get`)).toMatchObject({ id: job.id, status: 0 });
      expect(ok(await call('bulkUpload', 'get', { id: job.id }), `${name} bulkUpload.get`).id).toBe(job.id);
      expect(await served(await call('bulk', 'serve', { id: job.id })), name).toBe(csv);
      expect(await served(await call('bulkUpload', 'serve', { id: job.id })), name).toBe(csv);
      // another user's job is not there for a USER session; a USER's own is
      const mine = ok(await call(op.service, op.action, params('x', 'alice.xml'), alice), `${name} as alice`);
      expect(mine.bulkUploadType, name).toBe('bulkUploadXml.XML');
      expect(ok(await call('bulk', 'get', { id: mine.id }, alice), `${name} alice get`).uploadedBy).toBe('alice');
      expect(refused(await call('bulk', 'get', { id: mine.id }, bob), `${name} bob get`)).toBeTruthy();
      refused(await call('bulk', 'serve', { id: mine.id }, bob), `${name} bob serve`);
      // no file: the missing parameter
      const none = params('', 'x.csv');
      delete none[shape.fileParam];
      expect((await call(op.service, op.action, none)).code, name).toBe('MISSING_MANDATORY_PARAMETER');
    }
    // a given file name and type win; a bad type is refused
    const named = ok(
      await call('category', 'addFromBulkUpload', {
        fileData: file('a', 'f.txt'),
        bulkUploadData: { objectType: 'KalturaBulkUploadCsvJobData', fileName: 'friendly name' },
      }),
      'named',
    );
    expect(named.fileName).toBe('friendly name');
    expect((await call('bulkUpload', 'add', { conversionProfileId: -1, csvFileData: file('a', 'f.csv'), bulkUploadType: 'zz' })).code).toBe(
      'INVALID_ENUM_VALUE',
    );
    expect((await call('bulkUpload', 'add', { conversionProfileId: 'abc', csvFileData: file('a', 'f.csv') })).code).toBe(
      'INVALID_FIELD_VALUE',
    );
    // listed, newest last; aborted by the status verb; an unknown job
    const list = ok(await call('bulk', 'list', { pager: { pageSize: 500 } }), 'bulk.list');
    expect(list.objects.map((o: Json) => o.id)).toContain(named.id);
    expect(ok(await call('bulk', 'abort', { id: named.id }), 'abort').status).toBe(7);
    expect(refused(await call('bulk', 'get', { id: 987654 }), 'unknown job')).toBeTruthy();
    expect(refused(await call('bulk', 'serve', { id: 987654 }), 'unknown job serve')).toBeTruthy();
  });

  it('addFromImage / addFromFile of a service with content: a new object with the file as its content (thumbAsset.addFromImage)', async () => {
    const adds = claimed((s) => s.kind === 'add' && !!s.fileParam);
    expect([...adds.keys()]).toEqual(['thumbAsset.addFromImage']);
    // a 3x2 PNG's header
    const png = Buffer.from('89504e470d0a1a0a0000000d494844520000000300000002080200000000000000', 'hex');
    const image = () => new FileArg('t.png', 'image/png', Readable.from([png]));
    const entry = ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', mediaType: 1 } }, alice), 'entry');
    const t = ok(await call('thumbAsset', 'addFromImage', { entryId: entry.id, fileData: image() }, alice), 'addFromImage');
    expect(t).toMatchObject({ objectType: 'KalturaThumbAsset', entryId: entry.id, width: 3, height: 2, fileExt: 'png', size: 1 });
    expect(t.status).toBe(2); // READY
    expect(ok(await call('thumbAsset', 'get', { thumbAssetId: t.id }, alice), 'get').id).toBe(t.id);
    expect(refused(await call('thumbAsset', 'get', { thumbAssetId: t.id }, bob), 'bob get')).toBeTruthy();
    expect((await call('thumbAsset', 'addFromImage', { entryId: '0_nosuch99', fileData: image() })).code).toBe('ENTRY_ID_NOT_FOUND');
    expect((await call('thumbAsset', 'addFromImage', { entryId: entry.id })).code).toBe('MISSING_MANDATORY_PARAMETER');
  });

  it('metadata.add and metadata.update as the generic add and setter (objectType and xmlData name properties), with the hooks of KalturaMetadata', async () => {
    const byHooks = claimed((_s, op) => op.service === 'metadata' && (op.action === 'add' || op.action === 'update'));
    expect([...byHooks.entries()].map(([k, v]) => `${k}:${v.shape.kind}`).sort()).toEqual(['metadata.add:add', 'metadata.update:set']);
    const xsd =
      '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"><xsd:element name="metadata"><xsd:complexType><xsd:sequence>' +
      '<xsd:element name="Dept" type="xsd:string" minOccurs="0"/></xsd:sequence></xsd:complexType></xsd:element></xsd:schema>';
    const profile = ok(
      await call('metadataProfile', 'add', {
        metadataProfile: { objectType: 'KalturaMetadataProfile', name: 'p', metadataObjectType: '1' },
        xsdData: xsd,
      }),
      'profile',
    );
    const entry = ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', mediaType: 1 } }), 'entry');
    const add = (xml: string, extra: Json = {}, ks = admin) =>
      call('metadata', 'add', { metadataProfileId: profile.id, objectType: '1', objectId: entry.id, xmlData: xml, ...extra }, ks);
    expect((await add('<metadata><Nope/></metadata>')).code).toBe('INVALID_METADATA_DATA');
    expect((await add('<metadata/>', { metadataProfileId: 987654 })).code).toBe('METADATA_PROFILE_NOT_FOUND');
    expect((await add('<metadata/>', { objectType: '2' })).code).toBe('INCOMPATIBLE_METADATA_PROFILE_OBJECT_TYPE');
    expect((await add('<metadata/>', { objectType: 'zz' })).code).toBe('INVALID_ENUM_VALUE');
    expect((await add('<metadata/>', { metadataProfileId: 'abc' })).code).toBe('INVALID_FIELD_VALUE');
    const md = ok(await add('<metadata><Dept>A</Dept></metadata>'), 'metadata.add');
    expect(md).toMatchObject({
      objectType: 'KalturaMetadata',
      metadataObjectType: '1',
      objectId: entry.id,
      version: 1,
      metadataProfileVersion: 1,
    });
    expect(md.xml).toContain('<Dept>A</Dept>');
    expect((await add('<metadata/>')).code).toBe('METADATA_ALREADY_EXISTS');
    const up = ok(await call('metadata', 'update', { id: md.id, xmlData: '<metadata><Dept>B</Dept></metadata>', version: 1 }), 'update');
    expect(up).toMatchObject({ id: md.id, version: 2 });
    expect((await call('metadata', 'update', { id: md.id, xmlData: '<metadata/>', version: 1 })).code).toBe('INVALID_METADATA_VERSION');
    expect((await call('metadata', 'update', { id: md.id, xmlData: '<metadata><Nope/></metadata>' })).code).toBe('INVALID_METADATA_DATA');
    expect((await call('metadata', 'update', { id: 987654, xmlData: '<metadata/>' })).code).toBe('METADATA_NOT_FOUND');
    expect((await call('metadata', 'update', { id: 'abc', xmlData: '<metadata/>' })).code).toBe('INVALID_FIELD_VALUE');
    // a USER session does not reach the admin's metadata
    expect((await call('metadata', 'update', { id: md.id, xmlData: '<metadata/>' }, bob)).code).toBe('METADATA_NOT_FOUND');
    // invalidate checks the version it is given, as update does (the current one is 2)
    expect((await call('metadata', 'invalidate', { id: md.id, version: 1 })).code).toBe('INVALID_METADATA_VERSION');
    expect(ok(await call('metadata', 'get', { id: md.id }), 'still valid').status).toBe(1);
    // from a file: the same add
    const other = ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', mediaType: 1 } }), 'entry 2');
    const fromFile = ok(
      await call('metadata', 'addFromFile', {
        metadataProfileId: profile.id,
        objectType: '1',
        objectId: other.id,
        xmlFile: new FileArg('m.xml', 'text/xml', Readable.from([Buffer.from('<metadata><Dept>C</Dept></metadata>')])),
      }),
      'addFromFile',
    );
    expect(fromFile).toMatchObject({ objectId: other.id, version: 1 });
    const gotten = ok(await call('metadata', 'get', { id: md.id }), 'get');
    expect(gotten.xml).toContain('<Dept>B</Dept>');
  });

  it("get with only an optional userId: the session's user without it (user.get)", async () => {
    const gets = claimed((s) => s.kind === 'get' && !!s.key.orSessionUser);
    expect([...gets.keys()]).toEqual(['user.get']);
    // alice's entries (earlier tests) made her user, as Kaltura does the first time an entry names one
    expect((await call('user', 'add', { user: { objectType: 'KalturaUser', id: 'alice' } }, alice)).code).toBe('DUPLICATE_USER_BY_ID');
    ok(await call('user', 'update', { userId: 'alice', user: { objectType: 'KalturaUser', firstName: 'Alice' } }), 'admin names her');
    expect(ok(await call('user', 'get', {}, alice), 'own').id).toBe('alice');
    expect(ok(await call('user', 'get', { userId: 'alice' }, alice), 'by id').fullName).toBe('Alice');
    expect(ok(await call('user', 'get', { userId: 'alice' }), 'admin').id).toBe('alice');
    expect((await call('user', 'get', {}, bob)).code).toBe('INVALID_USER_ID');
    expect((await call('user', 'get', { userId: 'alice' }, bob)).code).toBe('INVALID_USER_ID');
    // a user an ADMIN session added is seen by that user's own session (not changed by it)
    ok(await call('user', 'add', { user: { objectType: 'KalturaUser', id: 'bob', firstName: 'Bob' } }), 'admin adds bob');
    expect(ok(await call('user', 'get', {}, bob), 'bob himself').firstName).toBe('Bob');
    expect(ok(await call('user', 'get', { userId: 'bob' }, bob), 'bob by id').id).toBe('bob');
    expect((await call('user', 'get', { userId: 'bob' }, alice)).code).toBe('INVALID_USER_ID');
    // a new id for a user: Kaltura's entries follow it, the sandbox's would not, so it says it does not do it
    const renamed = await call('user', 'update', { userId: 'bob', user: { objectType: 'KalturaUser', id: 'robert' } });
    expect(renamed.code).toBe('SANDBOX_ACTION_NOT_SIMULATED');
    expect(ok(await call('user', 'get', { userId: 'bob' }), 'bob unchanged').id).toBe('bob');
    expect(
      ok(await call('user', 'update', { userId: 'bob', user: { objectType: 'KalturaUser', id: 'bob', title: 'x' } }), 'same id').title,
    ).toBe('x');
    const anonymous = buildKs(SECRET, {
      partnerId: 4323,
      type: SESSION_ADMIN,
      userId: '',
      expiry: Math.floor(Date.now() / 1000) + 3600,
      privileges: new Map(),
    });
    expect((await call('user', 'get', {}, anonymous)).code).toBe('INVALID_USER_ID');
  });

  it("metadataProfile.add as the generic add (xsdData is xsd, viewsData views) with its hook; addFromFile with the profile's fields beside the files", async () => {
    const xsd =
      '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"><xsd:element name="metadata"><xsd:complexType><xsd:sequence>' +
      '<xsd:element name="A" type="xsd:string" minOccurs="0"/></xsd:sequence></xsd:complexType></xsd:element></xsd:schema>';
    const mp = { objectType: 'KalturaMetadataProfile', name: 'n', metadataObjectType: '1' };
    const p = ok(await call('metadataProfile', 'add', { metadataProfile: mp, xsdData: xsd, viewsData: '<views/>' }), 'add');
    expect(p).toMatchObject({ version: 1, createMode: 1, xsd, views: '<views/>', status: 1 });
    expect((await call('metadataProfile', 'add', { metadataProfile: mp, xsdData: '' })).code).toBe('MISSING_MANDATORY_PARAMETER');
    expect((await call('metadataProfile', 'add', { metadataProfile: mp, xsdData: '<nope' })).code).toBe('INVALID_METADATA_DATA');
    expect((await call('metadataProfile', 'add', { metadataProfile: { ...mp, xsd: 'x' }, xsdData: xsd })).code).toBe(
      'PROPERTY_VALIDATION_NOT_UPDATABLE',
    );
    const fromFile = ok(
      await call('metadataProfile', 'addFromFile', {
        xsdFile: new FileArg('p.xsd', 'text/xml', Readable.from([Buffer.from(xsd)])),
        metadataProfile: { name: 'from file', systemName: 'ff' },
      }),
      'addFromFile',
    );
    expect(fromFile).toMatchObject({ name: 'from file', systemName: 'ff', version: 1, xsd });
    // update: the generic update, xsdData beside the object making the next version
    expect([...claimed((_s, op) => op.service === 'metadataProfile' && op.action === 'update').keys()]).toEqual(['metadataProfile.update']);
    const renamed = ok(
      await call('metadataProfile', 'update', { id: p.id, metadataProfile: { objectType: 'KalturaMetadataProfile', name: 'r' } }),
      'rename',
    );
    expect(renamed).toMatchObject({ name: 'r', version: 1 });
    const xsd2 = xsd.replace('name="A"', 'name="B"');
    expect(
      ok(
        await call('metadataProfile', 'update', { id: p.id, metadataProfile: { objectType: 'KalturaMetadataProfile' }, xsdData: xsd2 }),
        'xsd',
      ),
    ).toMatchObject({
      version: 2,
      xsd: xsd2,
    });
    expect(
      (await call('metadataProfile', 'update', { id: p.id, metadataProfile: { objectType: 'KalturaMetadataProfile' }, xsdData: '<x' }))
        .code,
    ).toBe('INVALID_METADATA_DATA');
    expect((await call('metadataProfile', 'update', { id: 987654, metadataProfile: { objectType: 'KalturaMetadataProfile' } })).code).toBe(
      'METADATA_PROFILE_NOT_FOUND',
    );
    expect((await call('metadataProfile', 'update', { id: 'abc', metadataProfile: { objectType: 'KalturaMetadataProfile' } })).code).toBe(
      'INVALID_FIELD_VALUE',
    );
    refused(
      await call('metadataProfile', 'update', { id: p.id, metadataProfile: { objectType: 'KalturaMetadataProfile', name: 'b' } }, bob),
      'bob',
    );
    const fromXsdFile = ok(
      await call('metadataProfile', 'updateDefinitionFromFile', {
        id: p.id,
        xsdFile: new FileArg('p.xsd', 'text/xml', Readable.from([Buffer.from(xsd)])),
      }),
      'updateDefinitionFromFile',
    );
    expect(fromXsdFile).toMatchObject({ version: 3, xsd, name: 'r' });
    const views = ok(
      await call('metadataProfile', 'updateViewsFromFile', {
        id: p.id,
        viewsFile: new FileArg('v.xml', 'text/xml', Readable.from([Buffer.from('<v2/>')])),
      }),
      'updateViewsFromFile',
    );
    expect(views).toMatchObject({ version: 3, views: '<v2/>' });
    // the FromFile forms are their siblings with the files' text (`xsdFile` for `xsdData`); a file
    // no sibling parameter takes (updateTransformationFromFile's xsltFile) is not simulated
    expect([...claimed((s) => s.kind === 'fromFile').keys()].sort()).toEqual([
      'metadata.addFromFile',
      'metadata.updateFromFile',
      'metadataProfile.addFromFile',
      'metadataProfile.updateDefinitionFromFile',
      'metadataProfile.updateViewsFromFile',
    ]);
    const xslt = await call('metadataProfile', 'updateTransformationFromFile', {
      id: p.id,
      xsltFile: new FileArg('t.xsl', 'text/xml', Readable.from([Buffer.from('<xsl/>')])),
    });
    expect(xslt.code).toBe('SANDBOX_ACTION_NOT_SIMULATED');
    // a file too large for a definition: refused before anything changes
    const big = await call('metadataProfile', 'updateDefinitionFromFile', {
      id: p.id,
      xsdFile: new FileArg('big.xsd', 'text/xml', Readable.from([Buffer.alloc(2 * 1024 * 1024 + 1, 32)])),
    });
    expect(big.code).toBe('INVALID_FIELD_VALUE');
    expect(ok(await call('metadataProfile', 'get', { id: p.id }), 'unchanged').version).toBe(3);
  });

  it('one object per other object, keyed by its id (quiz.add / get / update by the entry)', async () => {
    const perParent = claimed((_s, op) => !!sb.core.generic.model(op.service)?.parentParam && /^(add|get|update)$/.test(op.action));
    expect([...perParent.keys()].sort()).toEqual(['quiz.add', 'quiz.get', 'quiz.update']);
    const e = ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', mediaType: 1 } }, alice), 'entry');
    const quiz = (v: Json = {}) => ({ objectType: 'KalturaQuiz', ...v });
    expect((await call('quiz', 'get', { entryId: e.id }, alice)).code).toBe('ENTRY_ID_NOT_FOUND');
    expect((await call('quiz', 'update', { entryId: e.id, quiz: quiz() }, alice)).code).toBe('PROVIDED_ENTRY_IS_NOT_A_QUIZ');
    expect((await call('quiz', 'add', { entryId: '0_nosuch99', quiz: quiz() })).code).toBe('ENTRY_ID_NOT_FOUND');
    expect((await call('quiz', 'update', { entryId: '0_nosuch99', quiz: quiz() })).code).toBe('ENTRY_ID_NOT_FOUND');
    expect((await call('quiz', 'add', { entryId: e.id, quiz: quiz({ attemptsAllowed: 'many' }) }, alice)).code).toBe('INVALID_FIELD_VALUE');
    expect((await call('quiz', 'add', { entryId: e.id, quiz: quiz({ scoreType: 'zz' }) }, alice)).code).toBe('INVALID_ENUM_VALUE');
    expect((await call('quiz', 'add', { entryId: e.id, quiz: quiz({ version: 5 }) }, alice)).code).toBe(
      'PROPERTY_VALIDATION_NOT_UPDATABLE',
    );
    const q = ok(await call('quiz', 'add', { entryId: e.id, quiz: quiz({ attemptsAllowed: 2 }) }, alice), 'add');
    expect(q).toMatchObject({ objectType: 'KalturaQuiz', attemptsAllowed: 2, version: 1 });
    expect((await call('quiz', 'add', { entryId: e.id, quiz: quiz() }, alice)).code).toBe('PROVIDED_ENTRY_IS_ALREADY_A_QUIZ');
    expect(ok(await call('quiz', 'get', { entryId: e.id }, alice), 'get')).toMatchObject({ attemptsAllowed: 2, version: 1 });
    expect(ok(await call('quiz', 'update', { entryId: e.id, quiz: quiz({ attemptsAllowed: 3 }) }, alice), 'update')).toMatchObject({
      attemptsAllowed: 3,
      version: 2,
    });
    // another user's quiz is not there for bob, nor his to change
    expect((await call('quiz', 'get', { entryId: e.id }, bob)).code).toBe('ENTRY_ID_NOT_FOUND');
    refused(await call('quiz', 'update', { entryId: e.id, quiz: quiz({ attemptsAllowed: 9 }) }, bob), 'bob update');
    expect(ok(await call('quiz', 'get', { entryId: e.id }), 'admin').attemptsAllowed).toBe(3);
  });

  it('getBy{Other}Id through a relation: the objects a conversion profile links to (flavorParams / thumbParams.getByConversionProfileId)', async () => {
    const via = claimed((s) => s.kind === 'via');
    expect([...via.keys()].sort()).toEqual(['flavorParams.getByConversionProfileId', 'thumbParams.getByConversionProfileId']);
    const fp1 = ok(await call('flavorParams', 'add', { flavorParams: { objectType: 'KalturaFlavorParams', name: 'f1' } }), 'fp1');
    const fp2 = ok(await call('flavorParams', 'add', { flavorParams: { objectType: 'KalturaFlavorParams', name: 'f2' } }), 'fp2');
    const tp = ok(await call('thumbParams', 'add', { thumbParams: { objectType: 'KalturaThumbParams', name: 't' } }), 'tp');
    const profile = ok(
      await call('conversionProfile', 'add', {
        conversionProfile: {
          objectType: 'KalturaConversionProfile',
          name: 'linked',
          type: '1',
          flavorParamsIds: `${fp1.id},${fp2.id},${tp.id}`,
        },
      }),
      'profile',
    );
    const flavors = ok(await call('flavorParams', 'getByConversionProfileId', { conversionProfileId: profile.id }), 'flavors');
    expect(flavors.map((f: Json) => f.id)).toEqual([fp1.id, fp2.id]);
    const thumbs = ok(await call('thumbParams', 'getByConversionProfileId', { conversionProfileId: profile.id }), 'thumbs');
    expect(thumbs.map((t: Json) => t.id)).toEqual([tp.id]);
    expect(await call('flavorParams', 'getByConversionProfileId', { conversionProfileId: 987654 })).toEqual([]);
    expect((await call('flavorParams', 'getByConversionProfileId', { conversionProfileId: 'abc' })).code).toBe('INVALID_FIELD_VALUE');
    // a USER session sees none of the admin's links
    expect(await call('flavorParams', 'getByConversionProfileId', { conversionProfileId: profile.id }, bob)).toEqual([]);
  });

  it("addFromUploadedFile of a service with content: a new object with a complete upload token's file (documents)", async () => {
    const adds = claimed((s) => s.kind === 'add' && !!s.tokenParam);
    expect([...adds.keys()]).toEqual(['documents.addFromUploadedFile']);
    const upload = async (text: string, ks = admin) => {
      const t = ok(await call('uploadToken', 'add', { uploadToken: { objectType: 'KalturaUploadToken', fileName: 'd.pdf' } }, ks), 'token');
      ok(
        await call(
          'uploadToken',
          'upload',
          { uploadTokenId: t.id, fileData: new FileArg('d.pdf', 'application/pdf', Readable.from([Buffer.from(text)])) },
          ks,
        ),
        'upload',
      );
      return t.id as string;
    };
    const doc = { objectType: 'KalturaDocumentEntry', name: 'doc', documentType: '11' };
    const token = await upload('%PDF-1.4 text');
    const d = ok(await call('documents', 'addFromUploadedFile', { documentEntry: doc, uploadTokenId: token }), 'addFromUploadedFile');
    expect(d).toMatchObject({ objectType: 'KalturaDocumentEntry', name: 'doc' });
    const served = await call('documents', 'serve', { entryId: d.id });
    expect(served).toBeInstanceOf(FileAnswer);
    expect((await sb.core.store.blobs.head((served as FileAnswer).blob, 1024))!.toString('utf8')).toBe('%PDF-1.4 text');
    // the token is used: a second object cannot take it; an unknown token; another user's token
    expect((await call('documents', 'addFromUploadedFile', { documentEntry: doc, uploadTokenId: token })).code).toBe(
      'UPLOADED_FILE_NOT_FOUND_BY_TOKEN',
    );
    refused(await call('documents', 'addFromUploadedFile', { documentEntry: doc, uploadTokenId: '0_nosuch99' }), 'unknown token');
    const alices = await upload('alice', alice);
    refused(await call('documents', 'addFromUploadedFile', { documentEntry: doc, uploadTokenId: alices }, bob), "bob with alice's token");
    expect(
      (await call('documents', 'addFromUploadedFile', { documentEntry: { ...doc, documentType: 'zz' }, uploadTokenId: alices }, alice))
        .code,
    ).toBe('INVALID_ENUM_VALUE');
  });

  it('delete{Something}Content of a service with content: the bytes go, the object stays (flavorAsset.deleteLocalContent)', async () => {
    const drops = claimed((s) => s.kind === 'deleteContent');
    expect([...drops.keys()]).toEqual(['flavorAsset.deleteLocalContent']);
    const withContent = async (ks: string) => {
      const e = ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', mediaType: 1 } }, ks), 'entry');
      const a = ok(
        await call('flavorAsset', 'add', { entryId: e.id, flavorAsset: { objectType: 'KalturaFlavorAsset' } }, ks),
        'flavorAsset.add',
      );
      const t = ok(await call('uploadToken', 'add', { uploadToken: { objectType: 'KalturaUploadToken', fileName: 'f.mp4' } }, ks), 'token');
      ok(
        await call(
          'uploadToken',
          'upload',
          { uploadTokenId: t.id, fileData: new FileArg('f.mp4', 'video/mp4', Readable.from([Buffer.from('bytes')])) },
          ks,
        ),
        'upload',
      );
      ok(
        await call(
          'flavorAsset',
          'setContent',
          { id: a.id, contentResource: { objectType: 'KalturaUploadedFileTokenResource', token: t.id } },
          ks,
        ),
        'setContent',
      );
      return a.id as string;
    };
    const id = await withContent(alice);
    expect(typeof (await call('flavorAsset', 'getUrl', { id }, alice))).toBe('string');
    refused(await call('flavorAsset', 'deleteLocalContent', { assetId: id }, bob), 'bob');
    expect(typeof (await call('flavorAsset', 'getUrl', { id }, alice))).toBe('string');
    expect(await call('flavorAsset', 'deleteLocalContent', { assetId: id }, alice)).toBeNull();
    expect((await call('flavorAsset', 'getUrl', { id }, alice)).code).toBe('FLAVOR_ASSET_IS_NOT_READY');
    expect(ok(await call('flavorAsset', 'get', { id }, alice), 'still there').id).toBe(id);
    refused(await call('flavorAsset', 'deleteLocalContent', { assetId: '0_nosuch99' }), 'unknown');
  });
});
