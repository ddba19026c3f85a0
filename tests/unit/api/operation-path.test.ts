/** The one reader and writer of `/service/X/action/Y` paths (lib/description/operation-path.ts). */
import { describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import { normalizePath, operationPath, parseOperationPath } from '@/lib/description/operation-path';
import { buildDynamicEnumRequest } from '@/lib/request/build';
import { toHttpRequest } from '@/lib/request/http';

describe('parseOperationPath', () => {
  it.each([
    ['/service/media/action/add', { service: 'media', action: 'add' }],
    ['service/uploadToken/action/upload', { service: 'uploadToken', action: 'upload' }],
    ['/api_v3/service/UploadToken/action/Add/', { service: 'UploadToken', action: 'Add' }],
    ['https://www.kaltura.com/api_v3/service/media/action/list?format=1#x', { service: 'media', action: 'list' }],
    ['/service/media/action/get/entryId/0_abc', { service: 'media', action: 'get' }],
    ['/service/caption_captionasset/action/add', { service: 'caption_captionasset', action: 'add' }],
    ['/service/multirequest', { service: 'multirequest' }],
    ['/api_v3/?service=media&action=add', { service: 'media', action: 'add' }],
    ['/api_v3/?service=multirequest', { service: 'multirequest' }],
  ])('%s', (path, parts) => {
    expect(parseOperationPath(path)).toEqual(parts);
  });

  it.each(['', '/', '/pets/{id}', '/service', '/service/media/list', '/api_v3/?action=add', 'services/media/action/add'])(
    'not an operation path: %j',
    (path) => {
      expect(parseOperationPath(path)).toBeUndefined();
    },
  );

  it('writes what it reads, and the lookup key ignores case, prefix and slashes', () => {
    expect(parseOperationPath(operationPath('uploadToken', 'upload'))).toEqual({ service: 'uploadToken', action: 'upload' });
    expect(normalizePath('https://x.example/API_V3/service/UploadToken/action/add/?ks=1')).toBe('/service/uploadtoken/action/add');
    expect(normalizePath('')).toBe('/');
  });
});

describe('its readers agree', () => {
  const api = getKalturaDescription();
  it('the description finds an operation by any spelling the parser reads', () => {
    for (const path of [
      '/api_v3/service/uploadtoken/action/ADD',
      '/api_v3/?service=uploadToken&action=add',
      '/service/uploadToken/action/add/uploadToken/x',
    ]) {
      expect(api.operation(path), path).toMatchObject({ service: 'uploadToken', action: 'add' });
    }
    expect(api.operation('/service/multirequest/action/null')?.multirequest).toBe(true);
  });

  it('a dropdown source outside the description is still called by its path; the URL is written by operationPath', () => {
    const m = buildDynamicEnumRequest({ path: 'https://h/api_v3/service/someThing/action/listAll?x=1', parameters: [] } as never, api, {
      serviceUrl: 'https://h',
    });
    expect(m).toMatchObject({ service: 'someThing', action: 'listAll' });
    expect(toHttpRequest(m as never).url).toBe('https://h/api_v3/service/someThing/action/listAll?format=1');
    expect(buildDynamicEnumRequest({ path: '/pets', parameters: [] } as never, api, { serviceUrl: 'https://h' })).toEqual({
      error: expect.stringMatching(/not a \/service\/NAME\/action\/NAME path/),
    });
  });
});
