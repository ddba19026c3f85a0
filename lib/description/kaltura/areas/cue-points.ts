/**
 * Cue points (the `cuePoint` plugin, with the `codeCuePoint` and `annotation` cue point types):
 * timed markers on an entry that players and applications react to.
 */
import { type AreaSpec, io, orderBy, p, ro, t } from '../spec';

export const CUE_POINTS: AreaSpec = {
  services: [
    {
      id: 'cuePoint',
      plugin: 'cuePoint',
      description: 'Cue points: markers at a time of an entry (code, annotations, ads, quiz questions, ...).',
      actions: {
        add: {
          description: 'Add a cue point to an entry; its class decides its type.',
          result: t.object('KalturaCuePoint'),
          params: [{ name: 'cuePoint', type: t.object('KalturaCuePoint'), required: true }],
        },
        get: {
          description: 'Get a cue point by ID.',
          result: t.object('KalturaCuePoint'),
          params: [{ name: 'id', type: t.string, required: true }],
        },
        list: {
          description: 'List cue points by filter with paging (usually those of one entry, by start time).',
          result: t.object('KalturaCuePointListResponse'),
          params: [
            { name: 'filter', type: t.object('KalturaCuePointFilter'), required: false },
            { name: 'pager', type: t.object('KalturaFilterPager'), required: false },
          ],
        },
        count: {
          description: 'Count the cue points that match a filter.',
          result: t.int,
          params: [{ name: 'filter', type: t.object('KalturaCuePointFilter'), required: false }],
        },
        update: {
          description: "Update a cue point. The object must be of the cue point's own class.",
          result: t.object('KalturaCuePoint'),
          params: [
            { name: 'id', type: t.string, required: true },
            { name: 'cuePoint', type: t.object('KalturaCuePoint'), required: true },
          ],
        },
        delete: {
          description: 'Delete a cue point.',
          params: [{ name: 'id', type: t.string, required: true }],
        },
      },
    },
  ],
  classes: {
    KalturaCuePoint: {
      abstract: true,
      description: 'A marker at a time of an entry. Choose a concrete type: code, annotation, ...',
      properties: {
        id: ro(t.string),
        intId: ro(t.int, 'A numeric ID, for ordering.'),
        cuePointType: ro(t.enum('KalturaCuePointType'), 'The type, set from the class.'),
        status: ro(t.enum('KalturaCuePointStatus')),
        entryId: io(t.string, 'The entry the cue point belongs to.'),
        partnerId: ro(t.int),
        createdAt: ro(t.int, 'Creation date as Unix timestamp (in seconds).'),
        updatedAt: ro(t.int, 'Last update date as Unix timestamp (in seconds).'),
        triggeredAt: p(t.int, 'When a live cue point fired, as Unix timestamp.'),
        tags: p(t.string, 'Comma separated tags.'),
        startTime: p(t.int, 'Position in the entry, in milliseconds.'),
        userId: p(t.string, 'The user the cue point belongs to.'),
        partnerData: p(t.string, 'Free partner data as a string.'),
        partnerSortValue: p(t.int, 'A number of your own, e.g. to sort by.'),
        forceStop: p(t.enum('KalturaNullableBoolean'), 'Players pause playback at the cue point.'),
        thumbOffset: p(t.int),
        systemName: p(t.string, 'A stable name for code to find the cue point by.'),
        isMomentary: ro(t.bool, 'True when the cue point has no duration.'),
        copiedFrom: ro(t.string, 'The cue point this one was copied from (clips, ...).'),
      },
    },
    KalturaCodeCuePoint: {
      base: 'KalturaCuePoint',
      description: 'A cue point that carries a code for your application (a chapter, a slide, an event name, ...).',
      properties: {
        code: p(t.string, 'Your code: what the application should do at this time.'),
        description: p(t.string),
        endTime: p(t.int, 'End position in milliseconds; empty for a momentary cue point.'),
        duration: ro(t.int, 'endTime - startTime, in milliseconds.'),
      },
    },
    KalturaAnnotation: {
      base: 'KalturaCuePoint',
      description: 'A text note on a span of the entry; annotations can answer each other (parentId).',
      properties: {
        parentId: io(t.string, 'The annotation this one answers.'),
        text: p(t.string),
        endTime: p(t.int, 'End position in milliseconds.'),
        duration: ro(t.int, 'endTime - startTime, in milliseconds.'),
        depth: ro(t.int, 'Depth in the thread of answers.'),
        childrenCount: ro(t.int, 'All answers below this one.'),
        directChildrenCount: ro(t.int, 'Direct answers to this one.'),
        isPublic: p(t.enum('KalturaNullableBoolean'), 'Whether other users see it.'),
        searchableOnEntry: p(t.enum('KalturaNullableBoolean'), 'Index the text for searches on the entry.'),
      },
    },
    KalturaCuePointBaseFilter: {
      base: 'KalturaRelatedFilter',
      abstract: true,
      properties: {
        idEqual: p(t.string),
        idIn: p(t.string),
        cuePointTypeEqual: p(t.enum('KalturaCuePointType')),
        cuePointTypeIn: p(t.string),
        statusEqual: p(t.enum('KalturaCuePointStatus')),
        statusIn: p(t.string),
        entryIdEqual: p(t.string, 'The cue points of this entry.'),
        entryIdIn: p(t.string),
        createdAtGreaterThanOrEqual: p(t.int),
        createdAtLessThanOrEqual: p(t.int),
        updatedAtGreaterThanOrEqual: p(t.int),
        updatedAtLessThanOrEqual: p(t.int),
        triggeredAtGreaterThanOrEqual: p(t.int),
        triggeredAtLessThanOrEqual: p(t.int),
        tagsLike: p(t.string),
        tagsMultiLikeOr: p(t.string),
        tagsMultiLikeAnd: p(t.string),
        startTimeGreaterThanOrEqual: p(t.int, 'From this position (milliseconds).'),
        startTimeLessThanOrEqual: p(t.int, 'Up to this position (milliseconds).'),
        userIdEqual: p(t.string),
        userIdIn: p(t.string),
        partnerSortValueEqual: p(t.int),
        partnerSortValueIn: p(t.string),
        partnerSortValueGreaterThanOrEqual: p(t.int),
        partnerSortValueLessThanOrEqual: p(t.int),
        forceStopEqual: p(t.enum('KalturaNullableBoolean')),
        systemNameEqual: p(t.string),
        systemNameIn: p(t.string),
      },
    },
    KalturaCuePointFilter: {
      base: 'KalturaCuePointBaseFilter',
      description: 'Filter of cue points of any type; the subclass of a type adds its own fields.',
      properties: {
        orderBy: p(t.enum('KalturaCuePointOrderBy')),
        freeText: p(t.string),
        userIdEqualCurrent: p(t.enum('KalturaNullableBoolean'), "Only the cue points of the session's user."),
        userIdCurrent: p(t.enum('KalturaNullableBoolean')),
      },
    },
    KalturaCodeCuePointBaseFilter: {
      base: 'KalturaCuePointFilter',
      abstract: true,
      properties: {
        codeLike: p(t.string),
        codeMultiLikeOr: p(t.string),
        codeMultiLikeAnd: p(t.string),
        codeEqual: p(t.string),
        codeIn: p(t.string),
        descriptionLike: p(t.string),
        descriptionMultiLikeOr: p(t.string),
        descriptionMultiLikeAnd: p(t.string),
        endTimeGreaterThanOrEqual: p(t.int),
        endTimeLessThanOrEqual: p(t.int),
        durationGreaterThanOrEqual: p(t.int),
        durationLessThanOrEqual: p(t.int),
      },
    },
    KalturaCodeCuePointFilter: {
      base: 'KalturaCodeCuePointBaseFilter',
      description: 'Filter of code cue points: by code and description too.',
      properties: {
        orderBy: p(t.enum('KalturaCodeCuePointOrderBy')),
      },
    },
    KalturaCuePointListResponse: {
      base: 'KalturaListResponse',
      properties: {
        objects: p(t.array('KalturaCuePoint')),
      },
    },
  },
  enums: {
    KalturaCuePointType: {
      base: 'string',
      values: [
        ['AD', 'adCuePoint.Ad'],
        ['ANNOTATION', 'annotation.Annotation'],
        ['CODE', 'codeCuePoint.Code'],
        ['EVENT', 'eventCuePoint.Event'],
        ['QUIZ_ANSWER', 'quiz.QUIZ_ANSWER'],
        ['QUIZ_QUESTION', 'quiz.QUIZ_QUESTION'],
        ['THUMB', 'thumbCuePoint.Thumb'],
      ],
    },
    KalturaCuePointStatus: {
      base: 'int',
      values: [
        ['READY', 1],
        ['DELETED', 2],
        ['HANDLED', 3],
        ['PENDING', 4],
      ],
    },
    KalturaCuePointOrderBy: {
      base: 'string',
      values: orderBy(['createdAt', 'intId', 'partnerSortValue', 'startTime', 'triggeredAt', 'updatedAt']),
    },
    KalturaCodeCuePointOrderBy: {
      base: 'string',
      values: orderBy(['createdAt', 'duration', 'endTime', 'intId', 'partnerSortValue', 'startTime', 'triggeredAt', 'updatedAt']),
    },
  },
};
