/**
 * The errors a description documents: per operation (`x-errors`, Swagger `x-Errors` markdown) and
 * the document's catalogue (root `x-errors`), for the built-in description and Kaltura's published one.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDescription, getKalturaDescription, mergeDescriptions } from '@/lib/description';
import { REFERENCE_REL, sharedFile } from '../../helpers/shared';

describe('operation errors', () => {
  it('the built-in description documents the errors of its actions, with their templates', () => {
    const d = getKalturaDescription();
    expect(d.operationByName('captionAsset', 'getUrl')!.errors).toEqual([
      { code: 'CAPTION_ASSET_ID_NOT_FOUND', message: 'Caption asset id "@ASSET_ID@" not found' },
      { code: 'CAPTION_ASSET_IS_NOT_READY', message: 'Caption asset "@ASSET_ID@" is not ready' },
    ]);
    expect(d.operationByName('system', 'ping')!.errors).toBeUndefined();
    expect(d.errorCatalog!().find((e) => e.code === 'CATEGORY_NOT_FOUND')).toEqual({
      code: 'CATEGORY_NOT_FOUND',
      message: 'Category id "@ID@" not found',
    });
  });

  it('reads a Swagger x-Errors markdown list, messages over several lines included', () => {
    const d = createDescription({
      swagger: '2.0',
      'x-errors': [{ code: 'A_B', message: 'a "@X@"', name: 'A_B' }, { code: 7 }],
      paths: {
        '/service/x/action/y': {
          post: {
            operationId: 'x.y',
            responses: {
              '200': { description: 'ok' },
              'x-Errors': { description: '* `ONE`: first @ID@\n* `TWO`: second\nline two\n* `BAD` no colon' },
            },
          },
        },
      },
    });
    expect(d.operationByName('x', 'y')!.errors).toEqual([
      { code: 'ONE', message: 'first @ID@' },
      { code: 'TWO', message: 'second\nline two' },
    ]);
    expect(d.errorCatalog!()).toEqual([{ code: 'A_B', message: 'a "@X@"' }]);
    expect(mergeDescriptions([d, getKalturaDescription()]).errorCatalog!().map((e) => e.code)).toContain('INVALID_USER_ID');
  });

  const { path, present } = sharedFile(REFERENCE_REL, 'errors read from the published description');
  it.skipIf(!present)("reads the errors of Kaltura's published description", () => {
    const d = createDescription(JSON.parse(fs.readFileSync(path, 'utf8')));
    expect(d.operationByName('metadata', 'update')!.errors!.map((e) => e.code)).toEqual([
      'METADATA_NOT_FOUND',
      'INVALID_METADATA_DATA',
      'INVALID_METADATA_VERSION',
      'XSLT_VALIDATION_ERROR',
    ]);
    expect(d.errorCatalog!().length).toBeGreaterThan(600);
    expect(d.errorCatalog!().find((e) => e.code === 'INVALID_OBJECT_ID')!.message).toBe('Invalid object id [@ID@]');
  });
});
