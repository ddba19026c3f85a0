import { describe, expect, it } from 'vitest';
import { getKalturaDescription } from '../../../lib/description';
import { coerceArgs } from '../../../lib/sandbox/coerce';
import type { KalturaApiError } from '../../../lib/sandbox/errors';
import { Readable } from 'node:stream';
import { FileArg, fromJson, mergeTree, treeFromPairs } from '../../../lib/sandbox/params';

const file = () => new FileArg('f.bin', 'application/octet-stream', () => Readable.from([]));

const desc = getKalturaDescription();
const op = (s: string, a: string) => desc.operationByName(s, a)!;
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as KalturaApiError).code + ' ' + JSON.stringify((e as KalturaApiError).args);
  }
  return 'ok';
};

describe('parameter tree', () => {
  it('reads entry[name], entry:name, 1:service and __null', () => {
    const t = treeFromPairs([
      ['entry[name]', 'a'],
      ['entry:mediaType', '1'],
      ['1:service', 'media'],
      ['entry:description__null', ''],
      ['__proto__:polluted', 'x'],
    ]);
    expect(t).toEqual({ entry: { name: 'a', mediaType: '1', description: null }, 1: { service: 'media' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('merges with the later source winning', () => {
    const t = mergeTree(fromJson({ entry: { name: 'body', tags: 't' } }) as never, treeFromPairs([['entry:name', 'query']]));
    expect(t).toEqual({ entry: { name: 'query', tags: 't' } });
  });
});

describe('coercion against the API description', () => {
  it('parses numbers, booleans, enums and selects subclasses', () => {
    const f = file();
    const a = coerceArgs(desc, op('uploadToken', 'upload'), {
      uploadTokenId: 'x',
      fileData: f,
      resume: 'false',
      finalChunk: '0',
      resumeAt: '12',
    });
    expect(a).toEqual({ uploadTokenId: 'x', fileData: f, resume: false, finalChunk: false, resumeAt: 12 });
    const d = coerceArgs(desc, op('uploadToken', 'upload'), { uploadTokenId: 'x', fileData: f, resume: 'true', resumeAt: '' });
    expect(d).toEqual({ uploadTokenId: 'x', fileData: f, resume: true, finalChunk: true, resumeAt: -1 });
    const up = coerceArgs(desc, op('media', 'addContent'), {
      entryId: 'e',
      resource: { objectType: 'KalturaUploadedFileTokenResource', token: 't', junk: 1 },
    });
    expect(up.resource).toEqual({ objectType: 'KalturaUploadedFileTokenResource', token: 't' });
    const add = coerceArgs(desc, op('media', 'add'), { entry: { mediaType: '2', name: 5, id: 'readonly-ignored' } });
    expect(add.entry).toEqual({ objectType: 'KalturaMediaEntry', mediaType: 2, name: '5' });
    const list = coerceArgs(desc, op('uploadToken', 'list'), {});
    expect(list).toEqual({ filter: null, pager: null });
  });

  it('gives the Kaltura errors', () => {
    expect(code(() => coerceArgs(desc, op('uploadToken', 'get'), {}))).toBe('MISSING_MANDATORY_PARAMETER {"PARAM_NAME":"uploadTokenId"}');
    expect(code(() => coerceArgs(desc, op('uploadToken', 'get'), { uploadTokenId: null }))).toBe(
      'MISSING_MANDATORY_PARAMETER {"PARAM_NAME":"uploadTokenId"}',
    );
    expect(code(() => coerceArgs(desc, op('media', 'add'), { entry: { mediaType: '3' } }))).toBe(
      'INVALID_ENUM_VALUE {"ENUM_VAL":"3","PARAM_NAME":"mediaType","ENUM_TYPE":"KalturaMediaType"}',
    );
    expect(code(() => coerceArgs(desc, op('media', 'addContent'), { entryId: 'e', resource: { token: 't' } }))).toBe(
      'OBJECT_TYPE_ABSTRACT {"OBJ_TYPE":"KalturaResource"}',
    );
    expect(code(() => coerceArgs(desc, op('media', 'addContent'), { entryId: 'e', resource: { objectType: 'KalturaMediaEntry' } }))).toBe(
      'INVALID_OBJECT_TYPE {"INVALID_OBJ_TYPE":"KalturaMediaEntry"}',
    );
    expect(code(() => coerceArgs(desc, op('uploadToken', 'upload'), { uploadTokenId: 'x', fileData: file(), resumeAt: 'ten' }))).toBe(
      'INVALID_FIELD_VALUE {"FIELD_NAME":"resumeAt"}',
    );
  });
});
