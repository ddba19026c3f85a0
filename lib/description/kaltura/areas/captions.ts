/**
 * Captions (the `caption` plugin): caption assets of an entry, their content and where to fetch it.
 */
import { type AreaSpec, io, orderBy, p, ro, t } from '../spec';

export const CAPTIONS: AreaSpec = {
  services: [
    {
      id: 'captionAsset',
      plugin: 'caption',
      description: 'Caption assets: subtitle files (SRT, WebVTT, DFXP, ...) attached to an entry.',
      actions: {
        add: {
          description: 'Add a caption asset to an entry. It has no content until setContent.',
          result: t.object('KalturaCaptionAsset'),
          params: [
            { name: 'entryId', type: t.string, required: true },
            { name: 'captionAsset', type: t.object('KalturaCaptionAsset'), required: true },
          ],
        },
        setContent: {
          description: 'Set the content of a caption asset, e.g. from an upload token, replacing any content it had.',
          result: t.object('KalturaCaptionAsset'),
          params: [
            { name: 'id', type: t.string, required: true, description: 'The caption asset ID.' },
            { name: 'contentResource', type: t.object('KalturaContentResource'), required: true },
          ],
        },
        get: {
          description: 'Get a caption asset by ID.',
          result: t.object('KalturaCaptionAsset'),
          params: [{ name: 'captionAssetId', type: t.string, required: true }],
        },
        list: {
          description: 'List caption assets by filter with paging (usually the captions of one entry).',
          result: t.object('KalturaCaptionAssetListResponse'),
          params: [
            { name: 'filter', type: t.object('KalturaAssetFilter'), required: false },
            { name: 'pager', type: t.object('KalturaFilterPager'), required: false },
          ],
        },
        update: {
          description: 'Update the fields of a caption asset (label, language, default flag, ...).',
          result: t.object('KalturaCaptionAsset'),
          params: [
            { name: 'id', type: t.string, required: true },
            { name: 'captionAsset', type: t.object('KalturaCaptionAsset'), required: true },
          ],
        },
        setAsDefault: {
          description: "Make a caption asset the entry's default caption.",
          params: [{ name: 'captionAssetId', type: t.string, required: true }],
        },
        getUrl: {
          description: 'Get a download URL of the content of a caption asset.',
          result: t.string,
          params: [
            { name: 'id', type: t.string, required: true },
            { name: 'storageId', type: t.int, required: false, description: 'A remote storage to serve from; empty for Kaltura.' },
          ],
        },
        serve: {
          description: 'Serve the content of a caption asset (the caption file itself).',
          result: t.string,
          params: [{ name: 'captionAssetId', type: t.string, required: true }],
        },
        delete: {
          description: 'Delete a caption asset.',
          params: [{ name: 'captionAssetId', type: t.string, required: true }],
        },
      },
    },
  ],
  classes: {
    KalturaCaptionAsset: {
      base: 'KalturaAsset',
      description: 'A caption file of an entry, in one language and format.',
      properties: {
        captionParamsId: io(t.int, 'The caption params the asset was made with.'),
        language: p(t.enum('KalturaLanguage'), 'The language of the captions.'),
        isDefault: p(t.enum('KalturaNullableBoolean'), 'Whether players show this caption by default.'),
        label: p(t.string, 'The name players show in their caption menu.'),
        format: io(t.enum('KalturaCaptionType'), 'The file format; set when the asset is added.'),
        status: ro(t.enum('KalturaCaptionAssetStatus')),
        parentId: io(t.string, 'The caption asset this one was derived from (a translation, ...).'),
        accuracy: p(t.int, 'Accuracy of the captions in percent, for machine-made ones.'),
        displayOnPlayer: p(t.bool, 'Whether players list this caption.'),
        associatedTranscriptIds: p(t.string, 'Comma separated IDs of related transcript assets.'),
      },
    },
    KalturaCaptionAssetBaseFilter: {
      base: 'KalturaAssetFilter',
      abstract: true,
      properties: {
        captionParamsIdEqual: p(t.int),
        captionParamsIdIn: p(t.string),
        formatEqual: p(t.enum('KalturaCaptionType')),
        formatIn: p(t.string),
        statusEqual: p(t.enum('KalturaCaptionAssetStatus')),
        statusIn: p(t.string),
        statusNotIn: p(t.string),
      },
    },
    KalturaCaptionAssetFilter: {
      base: 'KalturaCaptionAssetBaseFilter',
      description: 'Filter of caption assets: by entry, format, status, ...',
      properties: {
        orderBy: p(t.enum('KalturaCaptionAssetOrderBy')),
      },
    },
    KalturaCaptionAssetListResponse: {
      base: 'KalturaListResponse',
      properties: {
        objects: p(t.array('KalturaCaptionAsset')),
      },
    },
  },
  enums: {
    KalturaCaptionType: {
      base: 'string',
      values: [
        ['SRT', '1'],
        ['DFXP', '2'],
        ['WEBVTT', '3'],
        ['CAP', '4'],
        ['SCC', '5'],
      ],
    },
    KalturaCaptionAssetStatus: {
      base: 'int',
      values: [
        ['ERROR', -1],
        ['QUEUED', 0],
        ['READY', 2],
        ['DELETED', 3],
        ['IMPORTING', 7],
        ['EXPORTING', 9],
      ],
    },
    KalturaCaptionAssetOrderBy: {
      base: 'string',
      values: orderBy(['createdAt', 'deletedAt', 'size', 'updatedAt']),
    },
    KalturaLanguage: {
      base: 'string',
      // A core enum (entries, flavors and categories have languages too), though only captions use it here.
      plugin: null,
      partial: true,
      description:
        'Languages by name. Only common languages are listed here; Kaltura knows several hundred ' +
        "(load Kaltura's published API description to choose any of them).",
      values: [
        ['AR', 'Arabic'],
        ['YUE', 'Cantonese'],
        ['CA', 'Catalan'],
        ['ZH', 'Chinese'],
        ['CS', 'Czech'],
        ['DA', 'Danish'],
        ['NL', 'Dutch'],
        ['EN', 'English'],
        ['EN_US', 'English (American)'],
        ['EN_GB', 'English (British)'],
        ['FI', 'Finnish'],
        ['FR', 'French'],
        ['FR_CA', 'French (Canada)'],
        ['DE', 'German'],
        ['EL', 'Greek'],
        ['HE', 'Hebrew'],
        ['HI', 'Hindi'],
        ['HU', 'Hungarian'],
        ['ID', 'Indonesian'],
        ['IT', 'Italian'],
        ['JA', 'Japanese'],
        ['KO', 'Korean'],
        ['CMN', 'Mandarin Chinese'],
        ['NO', 'Norwegian'],
        ['PL', 'Polish'],
        ['PT', 'Portuguese'],
        ['PT_BR', 'Portuguese (Brazil)'],
        ['RO', 'Romanian'],
        ['RU', 'Russian'],
        ['ES', 'Spanish'],
        ['ES_XL', 'Spanish (Latin America)'],
        ['SV', 'Swedish'],
        ['TH', 'Thai'],
        ['TR', 'Turkish'],
        ['UK', 'Ukrainian'],
        ['VI', 'Vietnamese'],
      ],
    },
  },
};
