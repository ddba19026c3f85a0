import { describe, expect, it } from 'vitest';
import { createDescription } from '@/lib/description';
import { toHttpRequest } from '@/lib/request/http';

/** A Kaltura-shaped Swagger 2.0 fragment with one core and one plugin service. */
const doc = {
  swagger: '2.0',
  info: { title: 'k', version: '1' },
  tags: [{ name: 'media' }, { name: 'metadataProfile', 'x-plugin': 'metadata' }],
  paths: {
    '/service/media/action/get': {
      post: {
        operationId: 'media.get',
        tags: ['media'],
        parameters: [
          { in: 'body', name: 'body', schema: { type: 'object', properties: { entryId: { type: 'string' } }, required: ['entryId'] } },
        ],
        responses: { '200': { description: 'ok' } },
      },
    },
    '/service/metadata_metadataprofile/action/add': {
      post: {
        operationId: 'metadataProfile.add',
        tags: ['metadataProfile'],
        parameters: [{ in: 'body', name: 'body', schema: { type: 'object', properties: { xsdData: { type: 'string' } } } }],
        responses: { '200': { description: 'ok' } },
      },
    },
    // No tag: the plugin is read from the path's `{plugin}_{service}` form.
    '/service/caption_captionasset/action/list': {
      post: { operationId: 'captionAsset.list', responses: { '200': { description: 'ok' } } },
    },
  },
};

describe('plugin services', () => {
  const api = createDescription(doc);

  it('keep the client name as `service`, the URL name as `serviceId`, and their plugin', () => {
    const op = api.operation('/service/metadata_metadataprofile/action/add')!;
    expect(op).toMatchObject({ service: 'metadataProfile', action: 'add', serviceId: 'metadata_metadataprofile', plugin: 'metadata' });
    expect(api.operation('/service/caption_captionasset/action/list')).toMatchObject({
      service: 'captionAsset',
      serviceId: 'caption_captionasset',
      plugin: 'caption',
    });
    const core = api.operation('/service/media/action/get')!;
    expect(core.serviceId).toBeUndefined();
    expect(core.plugin).toBeUndefined();
  });

  it('are found by the path either way it is written', () => {
    expect(api.operation('/service/metadataProfile/action/add')?.serviceId).toBe('metadata_metadataprofile');
    expect(api.operationByName('metadataprofile', 'ADD')?.plugin).toBe('metadata');
  });

  it('are called at their URL name', () => {
    const http = toHttpRequest({
      stepIndex: 0,
      service: 'metadataProfile',
      serviceId: 'metadata_metadataprofile',
      plugin: 'metadata',
      action: 'add',
      method: 'POST',
      serviceUrl: 'https://k.example',
      params: [],
      format: 1,
    });
    expect(new URL(http.url).pathname).toBe('/api_v3/service/metadata_metadataprofile/action/add');
  });
});
