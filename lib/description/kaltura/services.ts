/**
 * Kaltura services and actions the console and its sandbox use. Parameters are listed in
 * argument order (the order of the client libraries' method signatures), with their defaults.
 * The services of the plugin and feature areas are in ./areas and appended here.
 */
import { AREAS } from './areas';
import { type ServiceSpec, t } from './spec';

const CORE_SERVICES: ServiceSpec[] = [
  {
    id: 'system',
    description: 'System service: health checks.',
    actions: {
      ping: {
        description: 'Answers true when the server is up.',
        params: [],
        result: t.bool,
        requiresKs: false,
      },
    },
  },
  {
    id: 'session',
    description: 'Session service: start, inspect and end sessions (KS).',
    actions: {
      start: {
        description: 'Start a session. The result is the KS, the session key to pass to every call that needs one.',
        requiresKs: false,
        result: t.string,
        params: [
          { name: 'secret', type: t.string, required: true, description: "The partner's admin or user secret.", inputType: 'password' },
          { name: 'userId', type: t.string, required: false, default: '', description: 'The user the session belongs to.' },
          { name: 'type', type: t.enum('KalturaSessionType'), required: false, default: 0, description: 'USER or ADMIN session.' },
          { name: 'partnerId', type: t.int, required: false, description: 'The partner ID.' },
          { name: 'expiry', type: t.int, required: false, default: 86400, description: 'Validity in seconds.' },
          {
            name: 'privileges',
            type: t.string,
            required: false,
            description: 'Comma separated privileges, e.g. disableentitlement,edit:*.',
          },
        ],
      },
      get: {
        description: 'Parse a session key and return its info.',
        result: t.object('KalturaSessionInfo'),
        params: [{ name: 'session', type: t.string, required: false, description: 'The KS to parse; the current KS when empty.' }],
      },
      end: {
        description: 'End the current session: its KS is rejected from now on.',
        params: [],
      },
    },
  },
  {
    id: 'uploadToken',
    description: 'Upload token service: upload files in one request or in chunks.',
    actions: {
      add: {
        description: 'Add a new upload token to upload a file.',
        result: t.object('KalturaUploadToken'),
        params: [{ name: 'uploadToken', type: t.object('KalturaUploadToken'), required: false }],
      },
      get: {
        description: 'Get an upload token by ID.',
        result: t.object('KalturaUploadToken'),
        params: [{ name: 'uploadTokenId', type: t.string, required: true }],
      },
      list: {
        description: "List upload tokens by filter with paging. A user session lists only the user's own tokens.",
        result: t.object('KalturaUploadTokenListResponse'),
        params: [
          { name: 'filter', type: t.object('KalturaUploadTokenFilter'), required: false },
          { name: 'pager', type: t.object('KalturaFilterPager'), required: false },
        ],
      },
      delete: {
        description: 'Delete an upload token by ID.',
        params: [{ name: 'uploadTokenId', type: t.string, required: true }],
      },
      upload: {
        description:
          'Upload a file, or a chunk of it, to an upload token. Chunks may be sent in parallel: ' +
          'first one with resume=false, finalChunk=false; then the others with resume=true, ' +
          'finalChunk=false and their resumeAt offset; last a final chunk (it may be empty) with ' +
          'resume=true, finalChunk=true, resumeAt=total size, retried while it answers ' +
          'UPLOAD_TOKEN_CANNOT_MATCH_EXPECTED_SIZE.',
        result: t.object('KalturaUploadToken'),
        multipart: true,
        params: [
          { name: 'uploadTokenId', type: t.string, required: true },
          { name: 'fileData', type: t.file, required: true, description: 'The file or chunk.' },
          { name: 'resume', type: t.bool, required: false, default: false, description: 'Append to the data already uploaded.' },
          { name: 'finalChunk', type: t.bool, required: false, default: true, description: 'This is the last chunk.' },
          {
            name: 'resumeAt',
            type: t.float,
            required: false,
            default: -1,
            description: 'Byte offset of this chunk; -1 appends at the end.',
          },
        ],
      },
    },
  },
  {
    id: 'media',
    description: 'Media service: video, audio and image entries.',
    actions: {
      add: {
        description: 'Add a media entry (it has no content until addContent).',
        result: t.object('KalturaMediaEntry'),
        // Kaltura refuses an entry without mediaType (PROPERTY_VALIDATION_CANNOT_BE_NULL).
        params: [{ name: 'entry', type: t.object('KalturaMediaEntry'), required: true, requiredProperties: ['mediaType'] }],
      },
      addContent: {
        description: 'Add content to a media entry that has none yet (status NO_CONTENT).',
        result: t.object('KalturaMediaEntry'),
        params: [
          { name: 'entryId', type: t.string, required: true },
          { name: 'resource', type: t.object('KalturaResource'), required: false },
        ],
      },
      get: {
        description: 'Get a media entry by ID.',
        result: t.object('KalturaMediaEntry'),
        params: [
          { name: 'entryId', type: t.string, required: true },
          { name: 'version', type: t.int, required: false, default: -1, description: 'Version of the entry data; -1 for the latest.' },
        ],
      },
      list: {
        description: 'List media entries by filter with paging.',
        result: t.object('KalturaMediaListResponse'),
        params: [
          { name: 'filter', type: t.object('KalturaMediaEntryFilter'), required: false },
          { name: 'pager', type: t.object('KalturaFilterPager'), required: false },
        ],
      },
      update: {
        description: 'Update a media entry. Only the properties that are set are updated.',
        result: t.object('KalturaMediaEntry'),
        params: [
          { name: 'entryId', type: t.string, required: true },
          { name: 'mediaEntry', type: t.object('KalturaMediaEntry'), required: true },
        ],
      },
      delete: {
        description: 'Delete a media entry.',
        params: [{ name: 'entryId', type: t.string, required: true }],
      },
    },
  },
  {
    id: 'baseEntry',
    description: 'Base entry service: entries of any type.',
    actions: {
      get: {
        description: 'Get an entry by ID.',
        result: t.object('KalturaBaseEntry'),
        params: [
          { name: 'entryId', type: t.string, required: true },
          { name: 'version', type: t.int, required: false, default: -1, description: 'Version of the entry data; -1 for the latest.' },
        ],
      },
      list: {
        description: 'List entries by filter with paging.',
        result: t.object('KalturaBaseEntryListResponse'),
        params: [
          { name: 'filter', type: t.object('KalturaBaseEntryFilter'), required: false },
          { name: 'pager', type: t.object('KalturaFilterPager'), required: false },
        ],
      },
    },
  },
];

export const SERVICES: ServiceSpec[] = [...CORE_SERVICES, ...AREAS.flatMap((a) => a.services ?? [])];

{
  const seen = new Set<string>();
  for (const s of SERVICES) {
    const key = s.id.toLowerCase();
    if (seen.has(key)) throw new Error(`Kaltura description: service ${s.id} is defined twice`);
    seen.add(key);
  }
}
