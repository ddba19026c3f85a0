/**
 * Kaltura object classes used by the described services, with their objectType hierarchy.
 * Names, fields, types and readOnly/insertOnly flags follow the Kaltura API 19.4 description;
 * descriptions are kept short. Only the fields the console and the sandbox use are described.
 * The classes of the plugin and feature areas are in ./areas and merged here.
 */
import { AREAS } from './areas';
import { type ClassSpec, io, mergeSpecs, p, ro, t } from './spec';

export const ROOT_CLASS = 'KalturaObjectBase';

const CORE_CLASSES: Record<string, ClassSpec> = {
  KalturaObjectBase: {
    abstract: true,
    description: 'Base of every Kaltura object; `objectType` names the concrete class.',
    properties: {
      objectType: p(t.string, 'The class of this object, e.g. KalturaMediaEntry. Optional in requests: the declared class is used.'),
    },
  },

  // ---------------------------------------------------------------- errors and sessions
  KalturaAPIException: {
    description: 'An error, returned with HTTP 200 in place of the result.',
    properties: {
      code: ro(t.string, 'Error code, e.g. ENTRY_ID_NOT_FOUND.'),
      message: ro(t.string, 'Human-readable message.'),
      args: ro(t.map('string'), 'Values quoted in the message, by name (e.g. ENTRY_ID).'),
    },
  },
  KalturaSessionInfo: {
    properties: {
      ks: ro(t.string),
      sessionType: ro(t.enum('KalturaSessionType')),
      partnerId: ro(t.int),
      userId: ro(t.string),
      expiry: ro(t.int, 'Expiry as Unix timestamp (in seconds).'),
      privileges: ro(t.string),
    },
  },

  // ---------------------------------------------------------------- paging and listing
  KalturaPager: {
    description: 'Paging of list and search actions.',
    properties: {
      pageSize: p(t.int, 'The number of objects to retrieve (default 30, maximum 500).'),
      pageIndex: p(t.int, 'The page number to retrieve (default 1).'),
    },
  },
  KalturaFilterPager: {
    base: 'KalturaPager',
    description: 'Paging of list actions.',
    properties: {},
  },
  KalturaFilter: {
    abstract: true,
    properties: {
      orderBy: p(t.string),
    },
  },
  KalturaRelatedFilter: {
    base: 'KalturaFilter',
    abstract: true,
    properties: {},
  },
  KalturaListResponse: {
    properties: {
      totalCount: ro(t.int),
    },
  },

  // ---------------------------------------------------------------- upload tokens
  KalturaUploadToken: {
    properties: {
      id: ro(t.string, 'Upload token unique ID.'),
      partnerId: ro(t.int, 'Partner ID of the upload token.'),
      userId: ro(t.string, 'User ID of the upload token.'),
      status: ro(t.enum('KalturaUploadTokenStatus'), 'Status of the upload token.'),
      fileName: io(t.string, 'Name of the file; may be empty at creation and is set after upload.'),
      fileSize: io(t.float, 'File size in bytes; may be empty at creation.'),
      uploadedFileSize: ro(t.float, 'Bytes uploaded so far (where to resume).'),
      createdAt: ro(t.int, 'Creation date as Unix timestamp (in seconds).'),
      updatedAt: ro(t.int, 'Last update date as Unix timestamp (in seconds).'),
      uploadUrl: ro(t.string, 'The domain to address uploadToken.upload calls to.'),
      autoFinalize: io(t.enum('KalturaNullableBoolean'), 'Finish the upload once the data reaches fileSize.'),
      attachedObjectType: ro(t.string, 'The type of the object this token is attached to.'),
      attachedObjectId: ro(t.string, 'The ID of the object this token is attached to.'),
    },
  },
  KalturaUploadTokenBaseFilter: {
    base: 'KalturaFilter',
    abstract: true,
    properties: {
      idEqual: p(t.string),
      idIn: p(t.string),
      userIdEqual: p(t.string),
      statusEqual: p(t.enum('KalturaUploadTokenStatus')),
      statusIn: p(t.string),
      fileNameEqual: p(t.string),
      fileSizeEqual: p(t.float),
    },
  },
  KalturaUploadTokenFilter: {
    base: 'KalturaUploadTokenBaseFilter',
    properties: {
      orderBy: p(t.enum('KalturaUploadTokenOrderBy')),
    },
  },
  KalturaUploadTokenListResponse: {
    base: 'KalturaListResponse',
    properties: {
      objects: p(t.array('KalturaUploadToken')),
    },
  },

  // ---------------------------------------------------------------- entries
  KalturaBaseEntry: {
    properties: {
      id: ro(t.string, 'Auto generated 10 characters alphanumeric string.'),
      name: p(t.string, 'Entry name (min 1 character).'),
      description: p(t.string, 'Entry description.'),
      partnerId: ro(t.int),
      userId: p(t.string, 'The ID of the user who owns this entry.'),
      creatorId: io(t.string, 'The ID of the user who created this entry.'),
      tags: p(t.string, 'Entry tags (comma separated).'),
      adminTags: p(t.string, 'Admin tags, updatable by administrators only.'),
      categories: p(t.string, 'Comma separated full names of the categories of this entry.'),
      categoriesIds: p(t.string, 'Comma separated IDs of the categories of this entry.'),
      status: ro(t.enum('KalturaEntryStatus')),
      moderationStatus: ro(t.enum('KalturaEntryModerationStatus'), 'Entry moderation status.'),
      moderationCount: ro(t.int, 'Number of moderation requests waiting for this entry.'),
      type: p(t.enum('KalturaEntryType'), 'The type of the entry, set by the derived entry class.'),
      createdAt: ro(t.int, 'Creation date as Unix timestamp (in seconds).'),
      updatedAt: ro(t.int, 'Last update date as Unix timestamp (in seconds).'),
      rank: ro(t.float, 'Average rank (totalRank / votes).'),
      totalRank: ro(t.int),
      votes: ro(t.int),
      groupId: p(t.int),
      partnerData: p(t.string, 'Free partner data as a string.'),
      downloadUrl: ro(t.string, 'Download URL for the entry.'),
      searchText: ro(t.string, 'Indexed text for full text search.'),
      version: ro(t.int, 'Version of the entry data.'),
      thumbnailUrl: ro(t.string, 'Thumbnail URL.'),
      accessControlId: p(t.int, 'Access control profile ID (-1 removes it).'),
      startDate: p(t.int, 'Scheduling start as Unix timestamp (-1 removes it).', {
        inputType: 'datetime',
      }),
      endDate: p(t.int, 'Scheduling end as Unix timestamp (-1 removes it).', {
        inputType: 'datetime',
      }),
      referenceId: p(t.string, 'External reference ID.'),
      replacingEntryId: ro(t.string, 'Temporary entry that will replace this one when ready.'),
      replacedEntryId: ro(t.string, 'Entry that this one will replace when ready.'),
      replacementStatus: ro(t.enum('KalturaEntryReplacementStatus')),
      partnerSortValue: p(t.int, 'Free partner data as a number.'),
      conversionProfileId: p(t.int, 'Overrides the default ingestion profile.'),
      redirectEntryId: p(t.string, 'An entry ID that should replace this entry.'),
      rootEntryId: ro(t.string, 'Source root entry of clips.'),
      parentEntryId: p(t.string, 'Source root entry for associated entries.'),
      entitledUsersEdit: p(t.string, 'Users entitled to edit the entry (comma separated).'),
      entitledUsersPublish: p(t.string, 'Users entitled to publish the entry (comma separated).'),
      entitledUsersView: p(t.string, 'Users entitled to view the entry (comma separated).'),
      capabilities: ro(t.string, 'Comma separated capabilities of the entry.'),
      templateEntryId: io(t.string, 'Template entry ID.'),
      displayInSearch: p(t.enum('KalturaEntryDisplayInSearchType'), 'Whether to show the entry in search.'),
      blockAutoTranscript: p(t.bool, 'Block automatic transcription of the entry.'),
    },
  },
  KalturaPlayableEntry: {
    base: 'KalturaBaseEntry',
    properties: {
      plays: ro(t.int, 'Number of plays.'),
      views: ro(t.int, 'Number of views.'),
      lastPlayedAt: ro(t.int, 'The last time the entry was played.'),
      width: ro(t.int, 'The width in pixels.'),
      height: ro(t.int, 'The height in pixels.'),
      duration: ro(t.int, 'The duration in seconds.'),
      msDuration: p(t.int, 'The duration in milliseconds.'),
      durationType: ro(t.enum('KalturaDurationType'), 'short (0-4 min), medium (4-20 min) or long.'),
    },
  },
  KalturaMediaEntry: {
    base: 'KalturaPlayableEntry',
    properties: {
      mediaType: io(t.enum('KalturaMediaType'), 'The media type of the entry.'),
      conversionQuality: io(t.string, 'Overrides the default conversion quality.'),
      sourceType: io(t.enum('KalturaSourceType'), 'The source type of the entry.'),
      searchProviderId: io(t.string, 'The ID of the media in the importing site.'),
      creditUserName: p(t.string, 'The user name used for credits.'),
      creditUrl: p(t.string, 'The URL for credits.'),
      mediaDate: ro(t.int, 'Media date from EXIF data (images), as Unix timestamp.'),
      dataUrl: ro(t.string, 'The URL used for playback (not the download URL).'),
      flavorParamsIds: ro(t.string, 'Comma separated flavor params IDs of this entry.'),
      isTrimDisabled: ro(t.enum('KalturaNullableBoolean'), 'Whether trimming is disabled.'),
    },
  },
  KalturaBaseEntryListResponse: {
    base: 'KalturaListResponse',
    properties: {
      objects: p(t.array('KalturaBaseEntry')),
    },
  },
  KalturaMediaListResponse: {
    base: 'KalturaListResponse',
    properties: {
      objects: p(t.array('KalturaMediaEntry')),
    },
  },

  // ---------------------------------------------------------------- entry filters
  KalturaBaseEntryBaseFilter: {
    base: 'KalturaRelatedFilter',
    abstract: true,
    properties: {
      idEqual: p(t.string),
      idIn: p(t.string),
      idNotIn: p(t.string),
      nameLike: p(t.string),
      nameMultiLikeOr: p(t.string),
      nameMultiLikeAnd: p(t.string),
      nameEqual: p(t.string),
      partnerIdEqual: p(t.int),
      partnerIdIn: p(t.string),
      userIdEqual: p(t.string),
      userIdIn: p(t.string),
      userIdNotIn: p(t.string),
      creatorIdEqual: p(t.string),
      tagsLike: p(t.string),
      tagsMultiLikeOr: p(t.string),
      tagsMultiLikeAnd: p(t.string),
      adminTagsLike: p(t.string),
      categoriesMatchAnd: p(t.string),
      categoriesMatchOr: p(t.string),
      categoriesIdsMatchAnd: p(t.string),
      categoriesIdsMatchOr: p(t.string),
      statusEqual: p(t.enum('KalturaEntryStatus')),
      statusNotEqual: p(t.enum('KalturaEntryStatus')),
      statusIn: p(t.string),
      statusNotIn: p(t.string),
      moderationStatusEqual: p(t.enum('KalturaEntryModerationStatus')),
      moderationStatusIn: p(t.string),
      typeEqual: p(t.enum('KalturaEntryType')),
      typeIn: p(t.string),
      createdAtGreaterThanOrEqual: p(t.int),
      createdAtLessThanOrEqual: p(t.int),
      updatedAtGreaterThanOrEqual: p(t.int),
      updatedAtLessThanOrEqual: p(t.int),
      referenceIdEqual: p(t.string),
      referenceIdIn: p(t.string),
      parentEntryIdEqual: p(t.string),
      rootEntryIdEqual: p(t.string),
      searchTextMatchAnd: p(t.string),
      searchTextMatchOr: p(t.string),
    },
  },
  KalturaBaseEntryFilter: {
    base: 'KalturaBaseEntryBaseFilter',
    properties: {
      freeText: p(t.string),
      descriptionLike: p(t.string),
      isRoot: p(t.enum('KalturaNullableBoolean')),
      categoriesFullNameIn: p(t.string),
      categoryAncestorIdIn: p(t.string),
      redirectFromEntryId: p(t.string),
      orderBy: p(t.enum('KalturaBaseEntryOrderBy')),
    },
  },
  KalturaPlayableEntryBaseFilter: {
    base: 'KalturaBaseEntryFilter',
    abstract: true,
    properties: {
      lastPlayedAtGreaterThanOrEqual: p(t.int),
      lastPlayedAtLessThanOrEqual: p(t.int),
      durationLessThan: p(t.int),
      durationGreaterThan: p(t.int),
      durationLessThanOrEqual: p(t.int),
      durationGreaterThanOrEqual: p(t.int),
      durationTypeMatchOr: p(t.string),
    },
  },
  KalturaPlayableEntryFilter: {
    base: 'KalturaPlayableEntryBaseFilter',
    properties: {
      orderBy: p(t.enum('KalturaPlayableEntryOrderBy')),
    },
  },
  KalturaMediaEntryBaseFilter: {
    base: 'KalturaPlayableEntryFilter',
    abstract: true,
    properties: {
      mediaTypeEqual: p(t.enum('KalturaMediaType')),
      mediaTypeIn: p(t.string),
      sourceTypeEqual: p(t.enum('KalturaSourceType')),
      sourceTypeIn: p(t.string),
      mediaDateGreaterThanOrEqual: p(t.int),
      mediaDateLessThanOrEqual: p(t.int),
      flavorParamsIdsMatchOr: p(t.string),
      flavorParamsIdsMatchAnd: p(t.string),
    },
  },
  KalturaMediaEntryFilter: {
    base: 'KalturaMediaEntryBaseFilter',
    properties: {
      orderBy: p(t.enum('KalturaMediaEntryOrderBy')),
    },
  },

  // ---------------------------------------------------------------- resources (content)
  KalturaResource: {
    abstract: true,
    description: 'Content to ingest into an entry: choose a concrete resource type.',
    properties: {},
  },
  KalturaContentResource: {
    base: 'KalturaResource',
    abstract: true,
    description: 'Content from an uploaded file, a URL, a webcam recording or a file sync.',
    properties: {},
  },
  KalturaDataCenterContentResource: {
    base: 'KalturaContentResource',
    abstract: true,
    properties: {},
  },
  KalturaGenericDataCenterContentResource: {
    base: 'KalturaDataCenterContentResource',
    abstract: true,
    properties: {},
  },
  KalturaUploadedFileTokenResource: {
    base: 'KalturaGenericDataCenterContentResource',
    description: 'Content uploaded with an upload token (uploadToken.add, then uploadToken.upload).',
    properties: {
      token: p(t.string, 'The upload token ID.'),
    },
  },
  KalturaUrlResource: {
    base: 'KalturaContentResource',
    description: 'Content downloaded from a remote URL by an import job.',
    properties: {
      url: p(t.string, 'Remote URL (FTP, HTTP or HTTPS).'),
      forceAsyncDownload: p(t.bool, 'Force an import job.'),
    },
  },
};

export const CLASSES: Record<string, ClassSpec> = mergeSpecs('class', CORE_CLASSES, ...AREAS.map((a) => a.classes ?? {}));
