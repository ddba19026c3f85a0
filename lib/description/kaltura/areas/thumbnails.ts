/**
 * Thumbnails: thumbnail assets of an entry (thumbAsset), the default one, and URLs that resize or
 * crop them (thumbnail params).
 */
import { type AreaSpec, io, orderBy, p, ro, t } from '../spec';

export const THUMBNAILS: AreaSpec = {
  services: [
    {
      id: 'thumbAsset',
      description: 'Thumbnail assets: the still images of an entry; the default one is its thumbnail.',
      actions: {
        add: {
          description: 'Add a thumbnail asset to an entry. It has no image until setContent.',
          result: t.object('KalturaThumbAsset'),
          params: [
            { name: 'entryId', type: t.string, required: true },
            { name: 'thumbAsset', type: t.object('KalturaThumbAsset'), required: true },
          ],
        },
        setContent: {
          description: 'Set the image of a thumbnail asset, e.g. from an upload token, replacing any image it had.',
          result: t.object('KalturaThumbAsset'),
          params: [
            { name: 'id', type: t.string, required: true, description: 'The thumbnail asset ID.' },
            { name: 'contentResource', type: t.object('KalturaContentResource'), required: true },
          ],
        },
        get: {
          description: 'Get a thumbnail asset by ID.',
          result: t.object('KalturaThumbAsset'),
          params: [{ name: 'thumbAssetId', type: t.string, required: true }],
        },
        list: {
          description: 'List thumbnail assets by filter with paging (usually the thumbnails of one entry).',
          result: t.object('KalturaThumbAssetListResponse'),
          params: [
            { name: 'filter', type: t.object('KalturaAssetFilter'), required: false },
            { name: 'pager', type: t.object('KalturaFilterPager'), required: false },
          ],
        },
        update: {
          description: 'Update the fields of a thumbnail asset (tags, ...).',
          result: t.object('KalturaThumbAsset'),
          params: [
            { name: 'id', type: t.string, required: true },
            { name: 'thumbAsset', type: t.object('KalturaThumbAsset'), required: true },
          ],
        },
        setAsDefault: {
          description: "Make a thumbnail asset the entry's thumbnail (its thumbnailUrl shows it).",
          params: [{ name: 'thumbAssetId', type: t.string, required: true }],
        },
        getUrl: {
          description: 'Get a URL of the image of a thumbnail asset, optionally resized or cropped by thumbnail params.',
          result: t.string,
          params: [
            { name: 'id', type: t.string, required: true },
            { name: 'storageId', type: t.int, required: false, description: 'A remote storage to serve from; empty for Kaltura.' },
            {
              name: 'thumbParams',
              type: t.object('KalturaThumbParams'),
              required: false,
              description: 'Size and crop of the image at the URL.',
            },
          ],
        },
        delete: {
          description: 'Delete a thumbnail asset.',
          params: [{ name: 'thumbAssetId', type: t.string, required: true }],
        },
      },
    },
  ],
  classes: {
    KalturaThumbAsset: {
      base: 'KalturaAsset',
      description: 'A still image of an entry.',
      properties: {
        thumbParamsId: io(t.int, 'The thumbnail params the image was made with, if it was generated.'),
        width: ro(t.int, 'Width in pixels.'),
        height: ro(t.int, 'Height in pixels.'),
        status: ro(t.enum('KalturaThumbAssetStatus')),
      },
    },
    KalturaThumbAssetBaseFilter: {
      base: 'KalturaAssetFilter',
      abstract: true,
      properties: {
        thumbParamsIdEqual: p(t.int),
        thumbParamsIdIn: p(t.string),
        statusEqual: p(t.enum('KalturaThumbAssetStatus')),
        statusIn: p(t.string),
        statusNotIn: p(t.string),
      },
    },
    KalturaThumbAssetFilter: {
      base: 'KalturaThumbAssetBaseFilter',
      description: 'Filter of thumbnail assets: by entry, status, ...',
      properties: {
        orderBy: p(t.enum('KalturaThumbAssetOrderBy')),
      },
    },
    KalturaThumbAssetListResponse: {
      base: 'KalturaListResponse',
      properties: {
        objects: p(t.array('KalturaThumbAsset')),
      },
    },
    KalturaAssetParams: {
      description: "How an asset is made from an entry's source (transcoding and thumbnail settings).",
      properties: {
        id: ro(t.int),
        partnerId: p(t.int),
        name: p(t.string),
        systemName: p(t.string),
        description: p(t.string),
        createdAt: ro(t.int, 'Creation date as Unix timestamp (in seconds).'),
        isSystemDefault: ro(t.enum('KalturaNullableBoolean'), 'Whether Kaltura provides these params to every account.'),
        tags: p(t.string),
      },
    },
    KalturaThumbParams: {
      base: 'KalturaAssetParams',
      description: 'The size, crop and source of a thumbnail image.',
      properties: {
        cropType: p(t.enum('KalturaThumbCropType'), 'How the image is fitted to width x height.'),
        quality: p(t.int, 'JPEG quality, 1 to 100.'),
        cropX: p(t.int),
        cropY: p(t.int),
        cropWidth: p(t.int),
        cropHeight: p(t.int),
        videoOffset: p(t.float, 'The second of the video to capture, for generated thumbnails.'),
        width: p(t.int, 'Width in pixels; 0 keeps the aspect ratio from height.'),
        height: p(t.int, 'Height in pixels; 0 keeps the aspect ratio from width.'),
        scaleWidth: p(t.float),
        scaleHeight: p(t.float),
        backgroundColor: p(t.string, 'Padding color as hexadecimal, e.g. 000000.'),
        sourceParamsId: p(t.int, 'The flavor or thumbnail params whose asset is the source.'),
        density: p(t.int, 'Image density in dpi (72, 96, ...).'),
        stripProfiles: p(t.bool, 'Remove color profiles and comments from the image.'),
        videoOffsetInPercentage: p(t.int, 'The point of the video to capture, in percent of its length.'),
        interval: p(t.int, 'Seconds between thumbnails, for a series.'),
      },
    },
  },
  enums: {
    KalturaThumbAssetStatus: {
      base: 'int',
      values: [
        ['ERROR', -1],
        ['QUEUED', 0],
        ['CAPTURING', 1],
        ['READY', 2],
        ['DELETED', 3],
        ['IMPORTING', 7],
        ['EXPORTING', 9],
      ],
    },
    KalturaThumbCropType: {
      base: 'int',
      values: [
        ['RESIZE', 1],
        ['RESIZE_WITH_PADDING', 2],
        ['CROP', 3],
        ['CROP_FROM_TOP', 4],
        ['RESIZE_WITH_FORCE', 5],
      ],
    },
    KalturaThumbAssetOrderBy: {
      base: 'string',
      values: orderBy(['createdAt', 'deletedAt', 'size', 'updatedAt']),
    },
  },
};
