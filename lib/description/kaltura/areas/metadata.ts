/**
 * Custom metadata (the `metadata` plugin): schemas of your own fields (metadata profiles, an XSD)
 * and the values of those fields on entries, categories, users, ... (metadata objects, XML).
 */
import { type AreaSpec, orderBy, p, ro, t } from '../spec';

export const METADATA: AreaSpec = {
  services: [
    {
      id: 'metadataProfile',
      plugin: 'metadata',
      description: 'Metadata profiles: the schemas (XSD) of custom metadata fields.',
      actions: {
        add: {
          description: 'Add a metadata profile from an XSD that defines its fields.',
          result: t.object('KalturaMetadataProfile'),
          params: [
            { name: 'metadataProfile', type: t.object('KalturaMetadataProfile'), required: true },
            { name: 'xsdData', type: t.string, required: true, description: 'The XSD of the fields.', inputType: 'textarea' },
            {
              name: 'viewsData',
              type: t.string,
              required: false,
              description: 'Layout of the fields in the management console (XML).',
              inputType: 'textarea',
            },
          ],
        },
        get: {
          description: 'Get a metadata profile by ID.',
          result: t.object('KalturaMetadataProfile'),
          params: [{ name: 'id', type: t.int, required: true }],
        },
        list: {
          description: 'List metadata profiles by filter with paging.',
          result: t.object('KalturaMetadataProfileListResponse'),
          params: [
            { name: 'filter', type: t.object('KalturaMetadataProfileFilter'), required: false },
            { name: 'pager', type: t.object('KalturaFilterPager'), required: false },
          ],
        },
        update: {
          description: 'Update a metadata profile; a new XSD makes a new version of the profile.',
          result: t.object('KalturaMetadataProfile'),
          params: [
            { name: 'id', type: t.int, required: true },
            { name: 'metadataProfile', type: t.object('KalturaMetadataProfile'), required: true },
            { name: 'xsdData', type: t.string, required: false, inputType: 'textarea' },
            { name: 'viewsData', type: t.string, required: false, inputType: 'textarea' },
          ],
        },
        delete: {
          description: 'Delete a metadata profile.',
          params: [{ name: 'id', type: t.int, required: true }],
        },
      },
    },
    {
      id: 'metadata',
      plugin: 'metadata',
      description: 'Metadata: the values of custom fields on an object, as XML valid for its profile.',
      actions: {
        add: {
          description: 'Add the custom metadata of one object (an entry, a category, a user, ...) for one profile.',
          result: t.object('KalturaMetadata'),
          params: [
            { name: 'metadataProfileId', type: t.int, required: true },
            {
              name: 'objectType',
              type: t.enum('KalturaMetadataObjectType'),
              required: true,
              description: 'The kind of object the metadata describes.',
            },
            { name: 'objectId', type: t.string, required: true, description: 'The ID of that object.' },
            {
              name: 'xmlData',
              type: t.string,
              required: true,
              description: "The values, as XML valid for the profile's XSD.",
              inputType: 'textarea',
            },
          ],
        },
        get: {
          description: 'Get a metadata object by ID.',
          result: t.object('KalturaMetadata'),
          params: [{ name: 'id', type: t.int, required: true }],
        },
        list: {
          description: 'List metadata objects by filter with paging (e.g. the metadata of one entry).',
          result: t.object('KalturaMetadataListResponse'),
          params: [
            { name: 'filter', type: t.object('KalturaMetadataFilter'), required: false },
            { name: 'pager', type: t.object('KalturaFilterPager'), required: false },
          ],
        },
        update: {
          description: 'Replace the XML of a metadata object. With version, the update fails if the object changed meanwhile.',
          result: t.object('KalturaMetadata'),
          params: [
            { name: 'id', type: t.int, required: true },
            { name: 'xmlData', type: t.string, required: false, inputType: 'textarea' },
            {
              name: 'version',
              type: t.int,
              required: false,
              description: 'The version you read; the update fails when the object is at another one.',
            },
          ],
        },
        delete: {
          description: 'Delete a metadata object.',
          params: [{ name: 'id', type: t.int, required: true }],
        },
      },
    },
  ],
  classes: {
    KalturaMetadataProfile: {
      description: 'A schema of custom metadata fields for one kind of object.',
      properties: {
        id: ro(t.int),
        partnerId: ro(t.int),
        metadataObjectType: p(t.enum('KalturaMetadataObjectType'), 'The kind of object whose fields the profile defines.'),
        version: ro(t.int, 'Grows with each new XSD.'),
        name: p(t.string),
        systemName: p(t.string, 'A stable name for code to find the profile by.'),
        description: p(t.string),
        createdAt: ro(t.int, 'Creation date as Unix timestamp (in seconds).'),
        updatedAt: ro(t.int, 'Last update date as Unix timestamp (in seconds).'),
        status: ro(t.enum('KalturaMetadataProfileStatus')),
        xsd: ro(t.string, 'The XSD of the fields.'),
        views: ro(t.string, 'The layout of the fields in the management console.'),
        xslt: ro(t.string, 'A transformation applied to the XML, if any.'),
        createMode: p(t.enum('KalturaMetadataProfileCreateMode'), 'Which application manages the profile.'),
        disableReIndexing: p(t.bool, 'Do not re-index objects for search when the profile changes.'),
      },
    },
    KalturaMetadataProfileBaseFilter: {
      base: 'KalturaFilter',
      abstract: true,
      properties: {
        idEqual: p(t.int),
        partnerIdEqual: p(t.int),
        metadataObjectTypeEqual: p(t.enum('KalturaMetadataObjectType')),
        metadataObjectTypeIn: p(t.string),
        versionEqual: p(t.int),
        nameEqual: p(t.string),
        systemNameEqual: p(t.string),
        systemNameIn: p(t.string),
        createdAtGreaterThanOrEqual: p(t.int),
        createdAtLessThanOrEqual: p(t.int),
        updatedAtGreaterThanOrEqual: p(t.int),
        updatedAtLessThanOrEqual: p(t.int),
        statusEqual: p(t.enum('KalturaMetadataProfileStatus')),
        statusIn: p(t.string),
        createModeEqual: p(t.enum('KalturaMetadataProfileCreateMode')),
        createModeNotEqual: p(t.enum('KalturaMetadataProfileCreateMode')),
        createModeIn: p(t.string),
        createModeNotIn: p(t.string),
      },
    },
    KalturaMetadataProfileFilter: {
      base: 'KalturaMetadataProfileBaseFilter',
      properties: {
        orderBy: p(t.enum('KalturaMetadataProfileOrderBy')),
      },
    },
    KalturaMetadataProfileListResponse: {
      base: 'KalturaListResponse',
      properties: {
        objects: p(t.array('KalturaMetadataProfile')),
      },
    },
    KalturaMetadata: {
      description: 'The custom metadata of one object for one profile.',
      properties: {
        id: ro(t.int),
        partnerId: ro(t.int),
        metadataProfileId: ro(t.int),
        metadataProfileVersion: ro(t.int, 'The profile version the XML was validated against.'),
        metadataObjectType: ro(t.enum('KalturaMetadataObjectType')),
        objectId: ro(t.string, 'The ID of the object the metadata describes.'),
        version: ro(t.int, 'Grows with each update of the XML.'),
        createdAt: ro(t.int, 'Creation date as Unix timestamp (in seconds).'),
        updatedAt: ro(t.int, 'Last update date as Unix timestamp (in seconds).'),
        status: ro(t.enum('KalturaMetadataStatus')),
        xml: ro(t.string, 'The values, as XML.'),
      },
    },
    KalturaMetadataBaseFilter: {
      base: 'KalturaRelatedFilter',
      abstract: true,
      properties: {
        partnerIdEqual: p(t.int),
        metadataProfileIdEqual: p(t.int),
        metadataProfileIdIn: p(t.string),
        metadataProfileVersionEqual: p(t.int),
        metadataProfileVersionGreaterThanOrEqual: p(t.int),
        metadataProfileVersionLessThanOrEqual: p(t.int),
        metadataObjectTypeEqual: p(t.enum('KalturaMetadataObjectType'), 'ENTRY when not set.'),
        objectIdEqual: p(t.string),
        objectIdIn: p(t.string),
        versionEqual: p(t.int),
        versionGreaterThanOrEqual: p(t.int),
        versionLessThanOrEqual: p(t.int),
        createdAtGreaterThanOrEqual: p(t.int),
        createdAtLessThanOrEqual: p(t.int),
        updatedAtGreaterThanOrEqual: p(t.int),
        updatedAtLessThanOrEqual: p(t.int),
        statusEqual: p(t.enum('KalturaMetadataStatus')),
        statusIn: p(t.string),
      },
    },
    KalturaMetadataFilter: {
      base: 'KalturaMetadataBaseFilter',
      properties: {
        orderBy: p(t.enum('KalturaMetadataOrderBy')),
      },
    },
    KalturaMetadataListResponse: {
      base: 'KalturaListResponse',
      properties: {
        objects: p(t.array('KalturaMetadata')),
      },
    },
  },
  enums: {
    KalturaMetadataObjectType: {
      base: 'string',
      description: 'The kinds of objects that can carry custom metadata.',
      values: [
        ['AD_CUE_POINT', 'adCuePointMetadata.AdCuePoint'],
        ['ANNOTATION', 'annotationMetadata.Annotation'],
        ['CODE_CUE_POINT', 'codeCuePointMetadata.CodeCuePoint'],
        ['ANSWER_CUE_POINT', 'quiz.AnswerCuePoint'],
        ['QUESTION_CUE_POINT', 'quiz.QuestionCuePoint'],
        ['THUMB_CUE_POINT', 'thumbCuePointMetadata.thumbCuePoint'],
        ['ENTRY', '1'],
        ['CATEGORY', '2'],
        ['USER', '3'],
        ['PARTNER', '4'],
        ['DYNAMIC_OBJECT', '5'],
        ['USER_ENTRY', '6'],
      ],
    },
    KalturaMetadataProfileStatus: {
      base: 'int',
      values: [
        ['ACTIVE', 1],
        ['DEPRECATED', 2],
        ['TRANSFORMING', 3],
      ],
    },
    KalturaMetadataProfileCreateMode: {
      base: 'int',
      values: [
        ['API', 1],
        ['KMC', 2],
        ['APP', 3],
      ],
    },
    KalturaMetadataStatus: {
      base: 'int',
      values: [
        ['VALID', 1],
        ['INVALID', 2],
        ['DELETED', 3],
      ],
    },
    KalturaMetadataProfileOrderBy: {
      base: 'string',
      values: orderBy(['createdAt', 'updatedAt']),
    },
    KalturaMetadataOrderBy: {
      base: 'string',
      values: orderBy(['createdAt', 'metadataProfileVersion', 'updatedAt', 'version']),
    },
  },
};
