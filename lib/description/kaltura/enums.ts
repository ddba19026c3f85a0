/**
 * Kaltura enum classes used by the services this project describes. Values and constant names
 * follow the Kaltura API 19.4 description (int enums and string enums alike).
 *
 * Each value is `[CONSTANT_NAME, value]` or `[CONSTANT_NAME, value, 'Human label']`. The enums of
 * the plugin and feature areas are in ./areas and merged here.
 */
import { AREAS } from './areas';
import { type EnumSpec, type EnumValueSpec, mergeSpecs, ORDER_BY_BASE_ENTRY, orderBy } from './spec';
import { ENTRY_STATUS, UPLOAD_TOKEN_STATUS, type EntryStatusName } from './statuses';

export type { EnumSpec, EnumValueSpec } from './spec';

const entryStatuses = (...names: EntryStatusName[]): EnumValueSpec[] => names.map((n) => [n, String(ENTRY_STATUS[n])]);

const CORE_ENUMS: Record<string, EnumSpec> = {
  KalturaSessionType: {
    base: 'int',
    description: 'Kind of session: a USER session sees only its own objects; ADMIN sees the whole partner.',
    values: [
      ['USER', 0],
      ['ADMIN', 2],
    ],
  },
  KalturaNullableBoolean: {
    base: 'int',
    values: [
      ['NULL_VALUE', -1],
      ['FALSE_VALUE', 0],
      ['TRUE_VALUE', 1],
    ],
  },
  KalturaUploadTokenStatus: {
    base: 'int',
    values: Object.entries(UPLOAD_TOKEN_STATUS),
  },
  KalturaUploadTokenOrderBy: {
    base: 'string',
    values: orderBy(['createdAt']),
  },
  KalturaMediaType: {
    base: 'int',
    values: [
      ['VIDEO', 1],
      ['IMAGE', 2],
      ['AUDIO', 5],
      ['LIVE_STREAM_FLASH', 201],
      ['LIVE_STREAM_WINDOWS_MEDIA', 202],
      ['LIVE_STREAM_REAL_MEDIA', 203],
      ['LIVE_STREAM_QUICKTIME', 204],
    ],
  },
  KalturaEntryStatus: {
    base: 'string',
    // The numbered statuses (statuses.ts) as text, with the virus-scan plugin's in Kaltura's order.
    values: [
      ...entryStatuses('ERROR_IMPORTING', 'ERROR_CONVERTING'),
      ['SCAN_FAILURE', 'virusScan.ScanFailure'],
      ...entryStatuses('IMPORT'),
      ['INFECTED', 'virusScan.Infected'],
      ...entryStatuses('PRECONVERT', 'READY', 'DELETED', 'PENDING', 'MODERATE', 'BLOCKED', 'NO_CONTENT'),
    ],
  },
  KalturaEntryType: {
    base: 'string',
    values: [
      ['AUTOMATIC', '-1'],
      ['CONFERENCE_ENTRY_SERVER', 'conference.CONFERENCE_ENTRY_SERVER'],
      ['EXTERNAL_MEDIA', 'externalMedia.externalMedia'],
      ['SIP_ENTRY_SERVER', 'sip.SIP_ENTRY_SERVER'],
      ['MEDIA_CLIP', '1'],
      ['MIX', '2'],
      ['PLAYLIST', '5'],
      ['DATA', '6'],
      ['LIVE_STREAM', '7'],
      ['LIVE_CHANNEL', '8'],
      ['DOCUMENT', '10'],
    ],
  },
  KalturaEntryModerationStatus: {
    base: 'int',
    values: [
      ['PENDING_MODERATION', 1],
      ['APPROVED', 2],
      ['REJECTED', 3],
      ['DELETED', 4],
      ['FLAGGED_FOR_REVIEW', 5],
      ['AUTO_APPROVED', 6],
    ],
  },
  KalturaEntryDisplayInSearchType: {
    base: 'int',
    values: [
      ['RECYCLED', -2],
      ['SYSTEM', -1],
      ['NONE', 0],
      ['PARTNER_ONLY', 1],
      ['KALTURA_NETWORK', 2],
    ],
  },
  KalturaEntryReplacementStatus: {
    base: 'string',
    values: [
      ['NONE', '0'],
      ['APPROVED_BUT_NOT_READY', '1'],
      ['READY_BUT_NOT_APPROVED', '2'],
      ['NOT_READY_AND_NOT_APPROVED', '3'],
      ['FAILED', '4'],
    ],
  },
  KalturaDurationType: {
    base: 'string',
    values: [
      ['NOT_AVAILABLE', 'notavailable'],
      ['SHORT', 'short'],
      ['MEDIUM', 'medium'],
      ['LONG', 'long'],
    ],
  },
  KalturaSourceType: {
    base: 'string',
    values: [
      ['LIMELIGHT_LIVE', 'limeLight.LIVE_STREAM'],
      ['VELOCIX_LIVE', 'velocix.VELOCIX_LIVE'],
      ['FILE', '1'],
      ['WEBCAM', '2'],
      ['URL', '5'],
      ['SEARCH_PROVIDER', '6'],
      ['AKAMAI_LIVE', '29'],
      ['MANUAL_LIVE_STREAM', '30'],
      ['AKAMAI_UNIVERSAL_LIVE', '31'],
      ['LIVE_STREAM', '32'],
      ['LIVE_CHANNEL', '33'],
      ['RECORDED_LIVE', '34'],
      ['CLIP', '35'],
      ['KALTURA_RECORDED_LIVE', '36'],
      ['LECTURE_CAPTURE', '37'],
      ['LIVE_STREAM_ONTEXTDATA_CAPTIONS', '42'],
    ],
  },
  KalturaBaseEntryOrderBy: {
    base: 'string',
    values: orderBy(ORDER_BY_BASE_ENTRY),
  },
  KalturaPlayableEntryOrderBy: {
    base: 'string',
    values: orderBy([...ORDER_BY_BASE_ENTRY, 'duration', 'lastPlayedAt', 'plays', 'views']),
  },
  KalturaMediaEntryOrderBy: {
    base: 'string',
    values: orderBy([...ORDER_BY_BASE_ENTRY, 'duration', 'lastPlayedAt', 'plays', 'views', 'mediaType']),
  },
};

export const ENUMS: Record<string, EnumSpec> = mergeSpecs('enum', CORE_ENUMS, ...AREAS.map((a) => a.enums ?? {}));
