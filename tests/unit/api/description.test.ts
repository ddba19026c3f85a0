import { describe, expect, it } from 'vitest';
import { buildKalturaOpenApi, createDescription, getKalturaDescription } from '@/lib/description';

const d = getKalturaDescription();

describe('the Kaltura description (createDescription over the built document)', () => {
  it('reads the built document without problems and is memoised', () => {
    expect(d.problems).toEqual([]);
    expect(getKalturaDescription()).toBe(d);
    expect(d.document).toEqual(buildKalturaOpenApi());
  });

  it('finds operations by path in any casing, with or without /api_v3, and by name', () => {
    const add = d.operation('/service/uploadtoken/action/add');
    expect(add).toMatchObject({ service: 'uploadToken', action: 'add', path: '/service/uploadtoken/action/add' });
    expect(d.operation('/service/uploadToken/action/add')).toBe(add);
    expect(d.operation('/api_v3/service/UPLOADTOKEN/action/ADD/')).toBe(add);
    expect(d.operation('http://localhost:3000/api_v3/service/uploadtoken/action/add?format=1')).toBe(add);
    expect(d.operationByName('UploadToken', 'ADD')).toBe(add);
    expect(d.operation('/service/media/action/addcontent')?.action).toBe('addContent');
    expect(d.operation('/api_v3/?service=uploadToken&action=add&format=1')).toBe(add);
    expect(d.operation('/api_v3/index.php?service=multirequest')!.multirequest).toBe(true);
    expect(d.operation('/api_v3/?service=nope&action=add')).toBeUndefined();
    expect(d.operation('/service/nope/action/add')).toBeUndefined();
    expect(d.operationByName('media', 'nope')).toBeUndefined();
  });

  it('gives uploadToken.upload its arguments in order with types and defaults', () => {
    const op = d.operation('/service/uploadtoken/action/upload')!;
    expect(op.params.map((p) => [p.name, p.type.kind, p.required, p.default])).toEqual([
      ['uploadTokenId', 'string', true, undefined],
      ['fileData', 'file', true, undefined],
      ['resume', 'bool', false, false],
      ['finalChunk', 'bool', false, true],
      ['resumeAt', 'float', false, -1],
    ]);
    expect(op.result).toEqual({ kind: 'object', className: 'KalturaUploadToken' });
    expect(op.requiresKs).toBe(true);
    expect(op.multipart).toBe(true);
  });

  it('describes session.start (no KS) and the other operations (KS) with their results', () => {
    const start = d.operationByName('session', 'start')!;
    expect(start.requiresKs).toBe(false);
    expect(start.params.map((p) => p.name)).toEqual(['secret', 'userId', 'type', 'partnerId', 'expiry', 'privileges']);
    expect(start.params[0]).toMatchObject({ required: true, inputType: 'password' });
    expect(start.params[2]).toMatchObject({ type: { kind: 'enum', name: 'KalturaSessionType' }, default: 0 });
    expect(start.params[4]).toMatchObject({ type: { kind: 'int' }, default: 86400 });
    expect(start.result).toEqual({ kind: 'string' });
    expect(d.operationByName('system', 'ping')).toMatchObject({ requiresKs: false, result: { kind: 'bool' } });
    expect(d.operationByName('session', 'end')).toMatchObject({ requiresKs: true, params: [] });
    expect(d.operationByName('session', 'end')!.result).toBeUndefined();
    expect(d.operationByName('media', 'add')!.params).toEqual([
      expect.objectContaining({ name: 'entry', type: { kind: 'object', className: 'KalturaMediaEntry' }, required: true }),
    ]);
    expect(d.operationByName('media', 'addContent')!.params.map((p) => [p.name, p.type])).toEqual([
      ['entryId', { kind: 'string' }],
      ['resource', { kind: 'object', className: 'KalturaResource' }],
    ]);
    expect(d.operationByName('media', 'list')!.params.map((p) => p.type)).toEqual([
      { kind: 'object', className: 'KalturaMediaEntryFilter' },
      { kind: 'object', className: 'KalturaFilterPager' },
    ]);
    expect(d.operationByName('media', 'list')!.result).toEqual({ kind: 'object', className: 'KalturaMediaListResponse' });
    expect(d.operationByName('media', 'update')!.params.map((p) => p.name)).toEqual(['entryId', 'mediaEntry']);
    expect(d.operationByName('media', 'get')!.params[1]).toMatchObject({ name: 'version', default: -1, required: false });
    for (const op of d.operations()) {
      if (op.multirequest) continue;
      if (op.service === 'session' && op.action === 'start') continue;
      if (op.service === 'system') continue;
      expect(op.requiresKs, `${op.service}.${op.action}`).toBe(true);
    }
  });

  it('describes plugin services at their URL name, with the client name and the plugin', () => {
    const add = d.operation('/service/caption_captionasset/action/add')!;
    expect(add).toMatchObject({ service: 'captionAsset', action: 'add', serviceId: 'caption_captionasset', plugin: 'caption' });
    expect(add.params.map((p) => p.name)).toEqual(['entryId', 'captionAsset']);
    // The client name finds it too, as in the published description.
    expect(d.operation('/service/captionAsset/action/add')).toBe(add);
    expect(d.operationByName('captionasset', 'ADD')).toBe(add);
    expect(d.operation('/service/caption_captionasset/action/setContent')!.params[1]!.type).toEqual({
      kind: 'object',
      className: 'KalturaContentResource',
    });
    expect(d.concreteSubclasses('KalturaContentResource')).toEqual(
      expect.arrayContaining(['KalturaUploadedFileTokenResource', 'KalturaUrlResource']),
    );
    // Core services have neither.
    expect(d.operationByName('media', 'add')!.serviceId).toBeUndefined();
    expect(d.operationByName('media', 'add')!.plugin).toBeUndefined();
  });

  it('offers the concrete classes of the polymorphic parameters the recipes use', () => {
    // Lists of abstract classes: an access-control rule's conditions and actions.
    const rule = Object.fromEntries(d.allProperties('KalturaRule').map((p) => [p.name, p.type]));
    expect(rule.conditions).toEqual({ kind: 'array', itemClass: 'KalturaCondition' });
    expect(rule.actions).toEqual({ kind: 'array', itemClass: 'KalturaRuleAction' });
    expect(d.concreteSubclasses('KalturaCondition').sort()).toEqual(
      ['KalturaAuthenticatedCondition', 'KalturaCountryCondition', 'KalturaIpAddressCondition', 'KalturaSiteCondition'].sort(),
    );
    expect(d.concreteSubclasses('KalturaRuleAction').sort()).toEqual([
      'KalturaAccessControlBlockAction',
      'KalturaAccessControlPreviewAction',
    ]);
    expect(d.allProperties('KalturaCountryCondition').map((p) => p.name)).toEqual(
      expect.arrayContaining(['not', 'values', 'matchType', 'geoCoderType']),
    );
    // An abstract parameter: cuePoint.add takes any cue point type.
    expect(d.operationByName('cuePoint', 'add')!.params[0]!.type).toEqual({ kind: 'object', className: 'KalturaCuePoint' });
    expect(d.getClass('KalturaCuePoint')!.abstract).toBe(true);
    expect(d.concreteSubclasses('KalturaCuePoint').sort()).toEqual(['KalturaAnnotation', 'KalturaCodeCuePoint']);
    // A tree: an eSearch operator's items may be operators again.
    expect(d.allProperties('KalturaESearchEntryOperator').find((p) => p.name === 'searchItems')!.type).toEqual({
      kind: 'array',
      itemClass: 'KalturaESearchEntryBaseItem',
    });
    expect(d.concreteSubclasses('KalturaESearchEntryBaseItem').sort()).toEqual([
      'KalturaESearchEntryItem',
      'KalturaESearchEntryOperator',
      'KalturaESearchUnifiedItem',
    ]);
    // A list action's filter is a base class whose subclasses add fields (caption and thumbnail filters).
    expect(d.operationByName('captionAsset', 'list')!.params[0]!.type).toEqual({ kind: 'object', className: 'KalturaAssetFilter' });
    expect(d.concreteSubclasses('KalturaAssetFilter')).toEqual(
      expect.arrayContaining(['KalturaAssetFilter', 'KalturaCaptionAssetFilter', 'KalturaThumbAssetFilter']),
    );
    expect(d.isSubclassOf('KalturaCaptionAssetFilter', 'KalturaAssetFilter')).toBe(true);
  });

  it('keeps an argument named objectType apart from the objectType of objects', () => {
    // metadata.add(metadataProfileId, objectType, objectId, xmlData): objectType is an enum argument here.
    const add = d.operationByName('metadata', 'add')!;
    expect(add.params.map((p) => [p.name, p.type])).toEqual([
      ['metadataProfileId', { kind: 'int' }],
      ['objectType', { kind: 'enum', name: 'KalturaMetadataObjectType' }],
      ['objectId', { kind: 'string' }],
      ['xmlData', { kind: 'string' }],
    ]);
    expect(d.getEnum('KalturaMetadataObjectType')!.values.find((v) => v.name === 'ENTRY')!.value).toBe('1');
  });

  it('describes multirequest as an operation without fixed params', () => {
    const mr = d.operation('/service/multirequest')!;
    expect(mr).toMatchObject({ service: 'multirequest', multirequest: true, params: [] });
    expect(d.operationByName('multirequest', '')).toBe(mr);
    expect(d.operationByName('multirequest', 'null')).toBe(mr);
    expect(d.operation('/service/multirequest/action/null')).toBe(mr);
  });

  it('has enums with values, constant names and labels', () => {
    const mediaType = d.getEnum('KalturaMediaType')!;
    expect(mediaType.base).toBe('int');
    expect(mediaType.values.slice(0, 3)).toEqual([
      { name: 'VIDEO', value: 1 },
      { name: 'IMAGE', value: 2 },
      { name: 'AUDIO', value: 5 },
    ]);
    expect(mediaType.values.map((v) => v.value)).toEqual([1, 2, 5, 201, 202, 203, 204]);
    expect(d.getEnum('kalturamediatype')).toBe(mediaType);
    const status = d.getEnum('KalturaEntryStatus')!;
    expect(status.base).toBe('string');
    expect(status.values.find((v) => v.name === 'READY')!.value).toBe('2');
    expect(status.values.find((v) => v.name === 'NO_CONTENT')!.value).toBe('7');
    expect(d.getEnum('KalturaUploadTokenStatus')!.values.map((v) => `${v.name}=${v.value}`)).toEqual([
      'PENDING=0',
      'PARTIAL_UPLOAD=1',
      'FULL_UPLOAD=2',
      'CLOSED=3',
      'TIMED_OUT=4',
      'DELETED=5',
    ]);
    expect(d.getEnum('KalturaSessionType')!.values.map((v) => v.value)).toEqual([0, 2]);
    expect(d.getEnum('KalturaUploadTokenOrderBy')).toEqual({
      name: 'KalturaUploadTokenOrderBy',
      base: 'string',
      values: [
        { name: 'CREATED_AT_ASC', value: '+createdAt' },
        { name: 'CREATED_AT_DESC', value: '-createdAt' },
      ],
    });
    const orderBy = d.getEnum('KalturaMediaEntryOrderBy')!;
    expect(orderBy.values).toContainEqual({ name: 'NAME_ASC', value: '+name' });
    expect(orderBy.values).toContainEqual({ name: 'LAST_PLAYED_AT_DESC', value: '-lastPlayedAt' });
    expect(d.getEnum('KalturaNope')).toBeUndefined();
    expect(d.enums!().length).toBeGreaterThanOrEqual(15);
  });

  it('lists own and inherited properties, base class first, with readOnly and insertOnly', () => {
    const props = d.allProperties('KalturaMediaEntry');
    const names = props.map((p) => p.name);
    expect(names[0]).toBe('objectType');
    for (const n of ['id', 'name', 'description', 'status', 'createdAt', 'duration', 'mediaType', 'dataUrl', 'downloadUrl'])
      expect(names).toContain(n);
    expect(names.indexOf('name')).toBeLessThan(names.indexOf('duration'));
    expect(names.indexOf('duration')).toBeLessThan(names.indexOf('mediaType'));
    const by = Object.fromEntries(props.map((p) => [p.name, p]));
    expect(by.id!.readOnly).toBe(true);
    expect(by.status).toMatchObject({ readOnly: true, type: { kind: 'enum', name: 'KalturaEntryStatus' } });
    expect(by.createdAt!.readOnly).toBe(true);
    expect(by.name!.readOnly).toBeUndefined();
    expect(by.mediaType).toMatchObject({ insertOnly: true, type: { kind: 'enum', name: 'KalturaMediaType' } });
    expect(by.startDate!.inputType).toBe('datetime');
    expect(new Set(names).size).toBe(names.length);
    // Own properties only on the class itself.
    expect(d.getClass('KalturaMediaEntry')!.properties.map((p) => p.name)).not.toContain('name');
    expect(d.getClass('KalturaMediaEntry')!.base).toBe('KalturaPlayableEntry');
  });

  it('lets a subclass redefine a property in place (orderBy of the filters)', () => {
    const props = d.allProperties('KalturaMediaEntryFilter');
    const orderBy = props.filter((p) => p.name === 'orderBy');
    expect(orderBy).toHaveLength(1);
    expect(orderBy[0]!.type).toEqual({ kind: 'enum', name: 'KalturaMediaEntryOrderBy' });
    const names = props.map((p) => p.name);
    for (const n of ['idEqual', 'idIn', 'nameLike', 'statusEqual', 'statusIn', 'mediaTypeEqual', 'mediaTypeIn', 'tagsLike', 'freeText'])
      expect(names).toContain(n);
    expect(d.allProperties('KalturaUploadTokenFilter').map((p) => p.name)).toEqual(
      expect.arrayContaining(['idEqual', 'idIn', 'statusEqual', 'statusIn', 'fileNameEqual', 'fileSizeEqual', 'userIdEqual', 'orderBy']),
    );
  });

  it('knows the class hierarchy: concrete subclasses, abstract flags, isSubclassOf', () => {
    const resources = d.concreteSubclasses('KalturaResource');
    expect(resources).toContain('KalturaUploadedFileTokenResource');
    expect(resources).toContain('KalturaUrlResource');
    for (const abstract of ['KalturaResource', 'KalturaContentResource', 'KalturaDataCenterContentResource'])
      expect(resources).not.toContain(abstract);
    expect(d.getClass('KalturaResource')!.abstract).toBe(true);
    expect(d.getClass('KalturaUploadedFileTokenResource')!.abstract).toBe(false);
    expect(d.concreteSubclasses('KalturaBaseEntry')).toEqual([
      'KalturaBaseEntry',
      'KalturaPlayableEntry',
      'KalturaMediaEntry',
      'KalturaPlaylist',
    ]);
    expect(d.concreteSubclasses('kalturamediaentry')).toEqual(['KalturaMediaEntry']);
    expect(d.concreteSubclasses('KalturaNope')).toEqual([]);
    expect(d.isSubclassOf('KalturaUploadedFileTokenResource', 'KalturaResource')).toBe(true);
    expect(d.isSubclassOf('kalturauploadedfiletokenresource', 'KALTURARESOURCE')).toBe(true);
    expect(d.isSubclassOf('KalturaMediaEntry', 'KalturaMediaEntry')).toBe(true);
    expect(d.isSubclassOf('KalturaMediaEntry', 'KalturaObjectBase')).toBe(true);
    expect(d.isSubclassOf('KalturaBaseEntry', 'KalturaMediaEntry')).toBe(false);
    expect(d.isSubclassOf('KalturaUrlResource', 'KalturaDataCenterContentResource')).toBe(false);
    expect(d.isSubclassOf('KalturaNope', 'KalturaResource')).toBe(false);
    expect(d.allProperties('KalturaUploadedFileTokenResource').map((p) => p.name)).toEqual(['objectType', 'token']);
  });

  it('describes list responses, the pager, the session info and the error object', () => {
    expect(d.allProperties('KalturaMediaListResponse').map((p) => [p.name, p.type])).toEqual([
      ['objectType', { kind: 'string' }],
      ['totalCount', { kind: 'int' }],
      ['objects', { kind: 'array', itemClass: 'KalturaMediaEntry' }],
    ]);
    expect(d.allProperties('KalturaUploadTokenListResponse').at(-1)!.type).toEqual({ kind: 'array', itemClass: 'KalturaUploadToken' });
    expect(d.allProperties('KalturaFilterPager').map((p) => p.name)).toEqual(['objectType', 'pageSize', 'pageIndex']);
    expect(d.allProperties('KalturaSessionInfo').map((p) => p.name)).toEqual(
      expect.arrayContaining(['ks', 'sessionType', 'partnerId', 'userId', 'expiry', 'privileges']),
    );
    expect(d.getClass('KalturaAPIException')!.properties.map((p) => [p.name, p.type])).toEqual([
      ['code', { kind: 'string' }],
      ['message', { kind: 'string' }],
      ['args', { kind: 'map', itemClass: 'string' }],
    ]);
    expect(d.allProperties('KalturaUploadToken').find((p) => p.name === 'autoFinalize')).toMatchObject({
      insertOnly: true,
      type: { kind: 'enum', name: 'KalturaNullableBoolean' },
    });
  });

  it('refers only to classes and enums it describes', () => {
    const check = (t: { kind: string; [k: string]: unknown }, where: string) => {
      if (t.kind === 'object') expect(d.getClass(t.className as string), where).toBeDefined();
      if (t.kind === 'enum') expect(d.getEnum(t.name as string), where).toBeDefined();
      if (t.kind === 'array' || t.kind === 'map') {
        const item = t.itemClass as string;
        expect(['string', 'int', 'float', 'bool'].includes(item) || d.getClass(item) !== undefined, where).toBe(true);
      }
    };
    for (const op of d.operations()) {
      for (const p of op.params) check(p.type, `${op.service}.${op.action}(${p.name})`);
      if (op.result) check(op.result, `${op.service}.${op.action} result`);
    }
    for (const cls of d.classes!()) for (const p of cls.properties) check(p.type, `${cls.name}.${p.name}`);
  });

  it('reads the same description from a JSON round trip of the document', () => {
    const again = createDescription(JSON.parse(JSON.stringify(buildKalturaOpenApi())));
    expect(again.operations()).toEqual(d.operations());
    expect(again.classes!()).toEqual(d.classes!());
    expect(again.enums!()).toEqual(d.enums!());
  });
});
