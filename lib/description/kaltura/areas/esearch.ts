/**
 * eSearch (the `elasticSearch` plugin): full-text search of entries with a tree of search items
 * joined by AND / OR / NOT operators.
 */
import { type AreaSpec, p, ro, t } from '../spec';

export const ESEARCH: AreaSpec = {
  services: [
    {
      id: 'eSearch',
      plugin: 'elasticSearch',
      description: 'eSearch: full-text search of entries, categories and users.',
      actions: {
        searchEntry: {
          description: 'Search entries with a tree of search items (text in any field or in one field, joined by operators).',
          result: t.object('KalturaESearchEntryResponse'),
          params: [
            { name: 'searchParams', type: t.object('KalturaESearchEntryParams'), required: true },
            { name: 'pager', type: t.object('KalturaPager'), required: false },
          ],
        },
      },
    },
  ],
  classes: {
    KalturaESearchParams: {
      abstract: true,
      properties: {
        objectStatuses: p(t.string, 'Comma separated statuses of the objects to find; empty for the usual ones.'),
        objectId: p(t.string, 'Search inside one object only.'),
      },
    },
    KalturaESearchEntryParams: {
      base: 'KalturaESearchParams',
      description: 'What to search for in entries: one operator, the root of a tree of search items.',
      properties: {
        searchOperator: p(t.object('KalturaESearchEntryOperator')),
      },
    },
    KalturaESearchBaseItem: {
      abstract: true,
      properties: {},
    },
    KalturaESearchEntryBaseItem: {
      base: 'KalturaESearchBaseItem',
      abstract: true,
      description: 'A node of an entry search: an operator, or an item to match.',
      properties: {},
    },
    KalturaESearchEntryOperator: {
      base: 'KalturaESearchEntryBaseItem',
      description: 'Joins its search items with AND, OR or NOT; items may be operators themselves.',
      properties: {
        operator: p(t.enum('KalturaESearchOperatorType')),
        searchItems: p(t.array('KalturaESearchEntryBaseItem')),
      },
    },
    KalturaESearchAbstractEntryItem: {
      base: 'KalturaESearchEntryBaseItem',
      abstract: true,
      properties: {
        searchTerm: p(t.string, 'The text to find.'),
        itemType: p(t.enum('KalturaESearchItemType'), 'How the text must match.'),
        addHighlight: p(t.bool, 'Return the matching fragments in highlight.'),
      },
    },
    KalturaESearchUnifiedItem: {
      base: 'KalturaESearchAbstractEntryItem',
      description: 'Text in any field of the entry (name, description, tags, captions, metadata, ...).',
      properties: {},
    },
    KalturaESearchEntryItem: {
      base: 'KalturaESearchAbstractEntryItem',
      description: 'Text in one field of the entry.',
      properties: {
        fieldName: p(t.enum('KalturaESearchEntryFieldName')),
      },
    },
    KalturaESearchResponse: {
      abstract: true,
      properties: {
        totalCount: ro(t.int, 'How many objects match in all.'),
      },
    },
    KalturaESearchEntryResponse: {
      base: 'KalturaESearchResponse',
      properties: {
        objects: p(t.array('KalturaESearchEntryResult'), 'One page of results, best match first.'),
      },
    },
    KalturaESearchResult: {
      abstract: true,
      properties: {
        highlight: p(t.array('KalturaESearchHighlight'), 'The fragments that matched, by field.'),
      },
    },
    KalturaESearchEntryResult: {
      base: 'KalturaESearchResult',
      properties: {
        object: p(t.object('KalturaBaseEntry'), 'The entry found.'),
      },
    },
    KalturaESearchHighlight: {
      properties: {
        fieldName: p(t.string),
        hits: p(t.array('KalturaString'), 'The matching fragments, the match marked with <em>.'),
      },
    },
    KalturaString: {
      // A core class (KalturaClient/Plugins/Core), though only eSearch uses it here.
      plugin: null,
      description: 'A string in a list of strings.',
      properties: {
        value: p(t.string),
      },
    },
  },
  enums: {
    KalturaESearchOperatorType: {
      base: 'int',
      values: [
        ['AND_OP', 1],
        ['OR_OP', 2],
        ['NOT_OP', 3],
      ],
    },
    KalturaESearchItemType: {
      base: 'int',
      values: [
        ['EXACT_MATCH', 1],
        ['PARTIAL', 2],
        ['STARTS_WITH', 3],
        ['EXISTS', 4],
        ['RANGE', 5],
      ],
    },
    KalturaESearchEntryFieldName: {
      base: 'string',
      values: [
        ['ACCESS_CONTROL_ID', 'access_control_id'],
        ['ADMIN_TAGS', 'admin_tags'],
        ['CAPTIONS_CONTENT', 'captions_content'],
        ['CONVERSION_PROFILE_ID', 'conversion_profile_id'],
        ['CREATED_AT', 'created_at'],
        ['CREATOR_ID', 'creator_kuser_id'],
        ['CREDIT', 'credit'],
        ['DESCRIPTION', 'description'],
        ['DISPLAY_IN_SEARCH', 'display_in_search'],
        ['END_DATE', 'end_date'],
        ['ENTITLED_USER_EDIT', 'entitled_kusers_edit'],
        ['ENTITLED_USER_PUBLISH', 'entitled_kusers_publish'],
        ['ENTITLED_USER_VIEW', 'entitled_kusers_view'],
        ['ENTRY_TYPE', 'entry_type'],
        ['EXTERNAL_SOURCE_TYPE', 'external_source_type'],
        ['ID', 'id'],
        ['IS_LIVE', 'is_live'],
        ['IS_QUIZ', 'is_quiz'],
        ['USER_ID', 'kuser_id'],
        ['LAST_PLAYED_AT', 'last_played_at'],
        ['LENGTH_IN_MSECS', 'length_in_msecs'],
        ['MEDIA_TYPE', 'media_type'],
        ['MODERATION_STATUS', 'moderation_status'],
        ['NAME', 'name'],
        ['PARENT_ENTRY_ID', 'parent_id'],
        ['PARTNER_SORT_VALUE', 'partner_sort_value'],
        ['PLAYS', 'plays'],
        ['PUSH_PUBLISH', 'push_publish'],
        ['RANK', 'rank'],
        ['RECORDED_ENTRY_ID', 'recorded_entry_id'],
        ['REDIRECT_ENTRY_ID', 'redirect_entry_id'],
        ['REFERENCE_ID', 'reference_id'],
        ['ROOT_ID', 'root_id'],
        ['SITE_URL', 'site_url'],
        ['SOURCE_TYPE', 'source_type'],
        ['START_DATE', 'start_date'],
        ['TAGS', 'tags'],
        ['TEMPLATE_ENTRY_ID', 'template_entry_id'],
        ['UPDATED_AT', 'updated_at'],
        ['USER_NAMES', 'user_names'],
        ['VOTES', 'votes'],
      ],
    },
  },
};
