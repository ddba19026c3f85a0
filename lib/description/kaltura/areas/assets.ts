/**
 * Assets: the files that belong to an entry besides its media (captions, thumbnails, ...).
 * KalturaAsset and its filter are shared by the asset services (captionAsset, thumbAsset).
 */
import { type AreaSpec, orderBy, p, ro, io, t } from '../spec';

export const ASSETS: AreaSpec = {
  classes: {
    KalturaAsset: {
      description: 'A file attached to an entry: a caption, a thumbnail, a flavor, ...',
      properties: {
        id: ro(t.string, 'The asset ID.'),
        entryId: ro(t.string, 'The entry the asset belongs to.'),
        partnerId: ro(t.int),
        version: ro(t.int, 'Grows each time the content is replaced.'),
        size: ro(t.int, 'Size in KB.'),
        tags: p(t.string, 'Comma separated tags, e.g. to tell assets of one entry apart.'),
        fileExt: io(t.string, 'File extension of the content (srt, jpg, ...).'),
        createdAt: ro(t.int, 'Creation date as Unix timestamp (in seconds).'),
        updatedAt: ro(t.int, 'Last update date as Unix timestamp (in seconds).'),
        deletedAt: ro(t.int, 'Deletion date as Unix timestamp (in seconds).'),
        description: ro(t.string, 'Set by the server: processing notes and errors.'),
        partnerData: p(t.string, 'Free partner data as a string.'),
        partnerDescription: p(t.string, 'A description of your own.'),
        actualSourceAssetParamsIds: p(t.string, 'Comma separated IDs of the params the asset was made from.'),
        sizeInBytes: ro(t.int, 'Size in bytes.'),
      },
    },
    KalturaAssetBaseFilter: {
      base: 'KalturaRelatedFilter',
      abstract: true,
      properties: {
        idEqual: p(t.string),
        idIn: p(t.string),
        entryIdEqual: p(t.string, 'Only the assets of this entry.'),
        entryIdIn: p(t.string),
        partnerIdEqual: p(t.int),
        partnerIdIn: p(t.string),
        sizeGreaterThanOrEqual: p(t.int),
        sizeLessThanOrEqual: p(t.int),
        tagsLike: p(t.string),
        tagsMultiLikeOr: p(t.string),
        tagsMultiLikeAnd: p(t.string),
        createdAtGreaterThanOrEqual: p(t.int),
        createdAtLessThanOrEqual: p(t.int),
        updatedAtGreaterThanOrEqual: p(t.int),
        updatedAtLessThanOrEqual: p(t.int),
        deletedAtGreaterThanOrEqual: p(t.int),
        deletedAtLessThanOrEqual: p(t.int),
      },
    },
    KalturaAssetFilter: {
      base: 'KalturaAssetBaseFilter',
      description: 'Filter of asset lists; each asset type has a subclass with its own fields.',
      properties: {
        typeIn: p(t.string),
        orderBy: p(t.enum('KalturaAssetOrderBy')),
      },
    },
  },
  enums: {
    KalturaAssetOrderBy: {
      base: 'string',
      values: orderBy(['createdAt', 'deletedAt', 'size', 'updatedAt']),
    },
  },
};
