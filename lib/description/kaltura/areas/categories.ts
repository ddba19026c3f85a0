/**
 * Categories: a tree of folders for entries (category), and which entries are in which category
 * (categoryEntry).
 */
import { type AreaSpec, orderBy, p, ro, t } from '../spec';

export const CATEGORIES: AreaSpec = {
  services: [
    {
      id: 'category',
      description: 'Categories: a tree that organizes entries, with privacy and membership settings.',
      actions: {
        add: {
          description: 'Add a category (under parentId, or at the top of the tree).',
          result: t.object('KalturaCategory'),
          params: [{ name: 'category', type: t.object('KalturaCategory'), required: true }],
        },
        get: {
          description: 'Get a category by ID.',
          result: t.object('KalturaCategory'),
          params: [{ name: 'id', type: t.int, required: true }],
        },
        list: {
          description: 'List categories by filter with paging.',
          result: t.object('KalturaCategoryListResponse'),
          params: [
            { name: 'filter', type: t.object('KalturaCategoryFilter'), required: false },
            { name: 'pager', type: t.object('KalturaFilterPager'), required: false },
          ],
        },
        update: {
          description: 'Update a category. Renaming or moving it updates the full names of its sub-categories.',
          result: t.object('KalturaCategory'),
          params: [
            { name: 'id', type: t.int, required: true },
            { name: 'category', type: t.object('KalturaCategory'), required: true },
          ],
        },
        delete: {
          description: 'Delete a category and its sub-categories.',
          params: [
            { name: 'id', type: t.int, required: true },
            {
              name: 'moveEntriesToParentCategory',
              type: t.enum('KalturaNullableBoolean'),
              required: false,
              default: 1,
              description: "Move the category's entries to its parent category (else they only leave this one).",
            },
          ],
        },
      },
    },
    {
      id: 'categoryEntry',
      description: 'Category entries: the membership of an entry in a category.',
      actions: {
        add: {
          description: 'Put an entry in a category.',
          result: t.object('KalturaCategoryEntry'),
          params: [{ name: 'categoryEntry', type: t.object('KalturaCategoryEntry'), required: true }],
        },
        list: {
          description: 'List category memberships by filter with paging: the entries of a category, or the categories of an entry.',
          result: t.object('KalturaCategoryEntryListResponse'),
          params: [
            { name: 'filter', type: t.object('KalturaCategoryEntryFilter'), required: false },
            { name: 'pager', type: t.object('KalturaFilterPager'), required: false },
          ],
        },
        delete: {
          description: 'Take an entry out of a category.',
          params: [
            { name: 'entryId', type: t.string, required: true },
            { name: 'categoryId', type: t.int, required: true },
          ],
        },
      },
    },
  ],
  classes: {
    KalturaCategory: {
      description: 'A category: a node of the category tree that entries can be put in.',
      properties: {
        id: ro(t.int),
        parentId: p(t.int, 'The parent category; 0 (or empty) for a top-level category.'),
        depth: ro(t.int, 'Depth in the tree; 0 at the top.'),
        partnerId: ro(t.int),
        name: p(t.string, 'The name; it may not contain <, > or a comma.'),
        fullName: ro(t.string, 'The names from the top of the tree down to this one, joined with ">".'),
        fullIds: ro(t.string, 'The IDs from the top of the tree down to this one, joined with ">".'),
        entriesCount: ro(t.int, 'Entries in the category and its sub-categories.'),
        createdAt: ro(t.int, 'Creation date as Unix timestamp (in seconds).'),
        updatedAt: ro(t.int, 'Last update date as Unix timestamp (in seconds).'),
        description: p(t.string),
        tags: p(t.string, 'Comma separated tags.'),
        appearInList: p(t.enum('KalturaAppearInListType'), 'Who sees the category in category lists.'),
        privacy: p(t.enum('KalturaPrivacyType'), 'Who may see the entries of the category.'),
        inheritanceType: p(t.enum('KalturaInheritanceType'), 'Whether members come from the parent category or are set here.'),
        userJoinPolicy: ro(t.enum('KalturaUserJoinPolicyType'), 'Whether users may ask to join.'),
        defaultPermissionLevel: p(t.enum('KalturaCategoryUserPermissionLevel'), 'The permission level of new members.'),
        owner: p(t.string, 'The user ID of the owner.'),
        directEntriesCount: ro(t.int, 'Entries in this category itself.'),
        referenceId: p(t.string, 'An external ID of your own.'),
        contributionPolicy: p(t.enum('KalturaContributionPolicyType'), 'Who may add entries.'),
        membersCount: ro(t.int),
        pendingMembersCount: ro(t.int),
        privacyContext: p(t.string, 'Makes the category the root of a privacy context (e.g. a site or a course).'),
        privacyContexts: ro(t.string, 'The privacy contexts the category belongs to.'),
        status: ro(t.enum('KalturaCategoryStatus')),
        inheritedParentId: ro(t.int, 'The category the members are inherited from.'),
        partnerSortValue: p(t.int, 'A number of your own, e.g. to sort by.'),
        partnerData: p(t.string, 'Free partner data as a string.'),
        defaultOrderBy: p(t.enum('KalturaCategoryOrderBy'), 'How applications should sort the sub-categories.'),
        directSubCategoriesCount: ro(t.int),
        moderation: p(t.enum('KalturaNullableBoolean'), 'Entries added by members below moderator wait for approval.'),
        pendingEntriesCount: ro(t.int, 'Entries waiting for moderation.'),
        isAggregationCategory: p(t.enum('KalturaNullableBoolean'), 'The category aggregates the entries of other categories.'),
        aggregationCategories: p(t.string, 'The aggregation categories this category feeds.'),
        adminTags: p(t.string, 'Tags for administrators.'),
      },
    },
    KalturaCategoryBaseFilter: {
      base: 'KalturaRelatedFilter',
      abstract: true,
      properties: {
        idEqual: p(t.int),
        idIn: p(t.string),
        idNotIn: p(t.string),
        parentIdEqual: p(t.int, 'The direct sub-categories of this category.'),
        parentIdIn: p(t.string),
        depthEqual: p(t.int),
        fullNameEqual: p(t.string),
        fullNameStartsWith: p(t.string, 'A category and everything below it, by full name.'),
        fullNameIn: p(t.string),
        fullIdsEqual: p(t.string),
        fullIdsStartsWith: p(t.string),
        fullIdsMatchOr: p(t.string),
        createdAtGreaterThanOrEqual: p(t.int),
        createdAtLessThanOrEqual: p(t.int),
        updatedAtGreaterThanOrEqual: p(t.int),
        updatedAtLessThanOrEqual: p(t.int),
        tagsLike: p(t.string),
        tagsMultiLikeOr: p(t.string),
        tagsMultiLikeAnd: p(t.string),
        privacyEqual: p(t.enum('KalturaPrivacyType')),
        privacyIn: p(t.string),
        referenceIdEqual: p(t.string),
        statusEqual: p(t.enum('KalturaCategoryStatus')),
        statusIn: p(t.string),
      },
    },
    KalturaCategoryFilter: {
      base: 'KalturaCategoryBaseFilter',
      properties: {
        freeText: p(t.string, 'Text to find in names, descriptions, tags and reference IDs.'),
        nameOrReferenceIdStartsWith: p(t.string),
        ancestorIdIn: p(t.string, 'Everything below these categories (not the categories themselves).'),
        orderBy: p(t.enum('KalturaCategoryOrderBy')),
      },
    },
    KalturaCategoryListResponse: {
      base: 'KalturaListResponse',
      properties: {
        objects: p(t.array('KalturaCategory')),
      },
    },
    KalturaCategoryEntry: {
      description: 'The membership of one entry in one category.',
      properties: {
        categoryId: p(t.int),
        entryId: p(t.string),
        createdAt: ro(t.int, 'Creation date as Unix timestamp (in seconds).'),
        categoryFullIds: ro(t.string, 'The full IDs of the category.'),
        status: ro(t.enum('KalturaCategoryEntryStatus'), 'PENDING while it waits for moderation.'),
        creatorUserId: ro(t.string, 'The user who put the entry in the category.'),
      },
    },
    KalturaCategoryEntryBaseFilter: {
      base: 'KalturaRelatedFilter',
      abstract: true,
      properties: {
        categoryIdEqual: p(t.int, 'The entries of this category.'),
        categoryIdIn: p(t.string),
        entryIdEqual: p(t.string, 'The categories of this entry.'),
        entryIdIn: p(t.string),
        createdAtGreaterThanOrEqual: p(t.int),
        createdAtLessThanOrEqual: p(t.int),
        categoryFullIdsStartsWith: p(t.string, 'Memberships in a category or anywhere below it.'),
        statusEqual: p(t.enum('KalturaCategoryEntryStatus')),
        statusIn: p(t.string),
        creatorUserIdEqual: p(t.string),
        creatorUserIdIn: p(t.string),
      },
    },
    KalturaCategoryEntryFilter: {
      base: 'KalturaCategoryEntryBaseFilter',
      properties: {
        orderBy: p(t.enum('KalturaCategoryEntryOrderBy')),
      },
    },
    KalturaCategoryEntryListResponse: {
      base: 'KalturaListResponse',
      properties: {
        objects: p(t.array('KalturaCategoryEntry')),
      },
    },
  },
  enums: {
    KalturaCategoryOrderBy: {
      base: 'string',
      values: orderBy([
        'createdAt',
        'depth',
        'directEntriesCount',
        'directSubCategoriesCount',
        'entriesCount',
        'fullName',
        'membersCount',
        'name',
        'partnerSortValue',
        'updatedAt',
      ]),
    },
    KalturaAppearInListType: {
      base: 'int',
      values: [
        ['PARTNER_ONLY', 1],
        ['CATEGORY_MEMBERS_ONLY', 3],
      ],
    },
    KalturaContributionPolicyType: {
      base: 'int',
      values: [
        ['ALL', 1],
        ['MEMBERS_WITH_CONTRIBUTION_PERMISSION', 2],
      ],
    },
    KalturaCategoryUserPermissionLevel: {
      base: 'int',
      values: [
        ['MANAGER', 0],
        ['MODERATOR', 1],
        ['CONTRIBUTOR', 2],
        ['MEMBER', 3],
        ['NONE', 4],
      ],
    },
    KalturaInheritanceType: {
      base: 'int',
      values: [
        ['INHERIT', 1],
        ['MANUAL', 2],
      ],
    },
    KalturaPrivacyType: {
      base: 'int',
      values: [
        ['ALL', 1],
        ['AUTHENTICATED_USERS', 2],
        ['MEMBERS_ONLY', 3],
      ],
    },
    KalturaCategoryStatus: {
      base: 'int',
      values: [
        ['UPDATING', 1],
        ['ACTIVE', 2],
        ['DELETED', 3],
        ['PURGED', 4],
      ],
    },
    KalturaUserJoinPolicyType: {
      base: 'int',
      values: [
        ['AUTO_JOIN', 1],
        ['REQUEST_TO_JOIN', 2],
        ['NOT_ALLOWED', 3],
      ],
    },
    KalturaCategoryEntryStatus: {
      base: 'int',
      values: [
        ['PENDING', 1],
        ['ACTIVE', 2],
        ['DELETED', 3],
        ['REJECTED', 4],
      ],
    },
    KalturaCategoryEntryOrderBy: {
      base: 'string',
      values: orderBy(['createdAt']),
    },
  },
};
