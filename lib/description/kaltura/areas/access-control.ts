/**
 * Access control: profiles of rules (conditions -> actions) that decide who may play, download or
 * see the thumbnails of the entries they are set on.
 */
import { type AreaSpec, orderBy, p, ro, t } from '../spec';

export const ACCESS_CONTROL: AreaSpec = {
  services: [
    {
      id: 'accessControlProfile',
      description: 'Access-control profiles: rules that restrict the delivery of the entries that use them.',
      actions: {
        add: {
          description: 'Add an access-control profile with its rules.',
          result: t.object('KalturaAccessControlProfile'),
          params: [{ name: 'accessControlProfile', type: t.object('KalturaAccessControlProfile'), required: true }],
        },
        get: {
          description: 'Get an access-control profile by ID.',
          result: t.object('KalturaAccessControlProfile'),
          params: [{ name: 'id', type: t.int, required: true }],
        },
        list: {
          description: 'List access-control profiles by filter with paging.',
          result: t.object('KalturaAccessControlProfileListResponse'),
          params: [
            { name: 'filter', type: t.object('KalturaAccessControlProfileFilter'), required: false },
            { name: 'pager', type: t.object('KalturaFilterPager'), required: false },
          ],
        },
        update: {
          description: 'Update an access-control profile. Sent rules replace all of its rules.',
          result: t.object('KalturaAccessControlProfile'),
          params: [
            { name: 'id', type: t.int, required: true },
            { name: 'accessControlProfile', type: t.object('KalturaAccessControlProfile'), required: true },
          ],
        },
        delete: {
          description: "Delete an access-control profile (not the partner's default one).",
          params: [{ name: 'id', type: t.int, required: true }],
        },
      },
    },
  ],
  classes: {
    KalturaAccessControlProfile: {
      description: 'A set of rules checked, in order, whenever an entry that uses the profile is delivered.',
      properties: {
        id: ro(t.int),
        partnerId: ro(t.int),
        name: p(t.string),
        systemName: p(t.string, 'A stable name for code to find the profile by.'),
        description: p(t.string),
        createdAt: ro(t.int, 'Creation date as Unix timestamp (in seconds).'),
        updatedAt: ro(t.int, 'Last update date as Unix timestamp (in seconds).'),
        isDefault: p(t.enum('KalturaNullableBoolean'), 'The profile new entries get.'),
        rules: p(t.array('KalturaRule'), 'The rules, checked in order.'),
      },
    },
    KalturaAccessControlProfileBaseFilter: {
      base: 'KalturaRelatedFilter',
      abstract: true,
      properties: {
        idEqual: p(t.int),
        idIn: p(t.string),
        systemNameEqual: p(t.string),
        systemNameIn: p(t.string),
        createdAtGreaterThanOrEqual: p(t.int),
        createdAtLessThanOrEqual: p(t.int),
        updatedAtGreaterThanOrEqual: p(t.int),
        updatedAtLessThanOrEqual: p(t.int),
      },
    },
    KalturaAccessControlProfileFilter: {
      base: 'KalturaAccessControlProfileBaseFilter',
      properties: {
        orderBy: p(t.enum('KalturaAccessControlProfileOrderBy')),
      },
    },
    KalturaAccessControlProfileListResponse: {
      base: 'KalturaListResponse',
      properties: {
        objects: p(t.array('KalturaAccessControlProfile')),
      },
    },
    KalturaRule: {
      description: 'When all the conditions hold (in the given contexts), the actions apply.',
      properties: {
        description: p(t.string),
        ruleData: p(t.string, 'Free data of your own about the rule.'),
        message: p(t.string, 'A message for the player when the rule applies.'),
        code: p(t.string, 'A code for the player when the rule applies.'),
        actions: p(t.array('KalturaRuleAction'), 'What happens when the rule applies.'),
        conditions: p(t.array('KalturaCondition'), 'When the rule applies: all of them must hold. None: always.'),
        contexts: p(t.array('KalturaContextTypeHolder'), 'The kinds of requests the rule is checked for. None: all.'),
        stopProcessing: p(t.bool, 'When the rule applies, do not check the rules after it.'),
        forceAdminValidation: p(t.enum('KalturaNullableBoolean'), 'Check the rule for admin sessions too.'),
      },
    },
    KalturaRuleAction: {
      abstract: true,
      description: 'What a rule does when it applies. Choose a concrete action.',
      properties: {
        type: ro(t.enum('KalturaRuleActionType'), 'The action type, set from the class.'),
      },
    },
    KalturaAccessControlBlockAction: {
      base: 'KalturaRuleAction',
      description: 'Refuse the request.',
      properties: {},
    },
    KalturaAccessControlPreviewAction: {
      base: 'KalturaRuleAction',
      description: 'Allow only a preview of the first seconds.',
      properties: {
        limit: p(t.int, 'Length of the preview in seconds.'),
      },
    },
    KalturaCondition: {
      abstract: true,
      description: 'A test on the request (country, IP address, referring site, session, ...). Choose a concrete condition.',
      properties: {
        description: p(t.string),
        not: p(t.bool, 'Invert the condition: it holds when the test fails.'),
      },
    },
    KalturaMatchCondition: {
      base: 'KalturaCondition',
      abstract: true,
      properties: {
        values: p(t.array('KalturaStringValue'), 'The values to match.'),
        matchType: p(t.enum('KalturaMatchConditionType'), 'Match any of the values, or all of them.'),
      },
    },
    KalturaCountryCondition: {
      base: 'KalturaMatchCondition',
      description: "Holds when the viewer's country (from the IP address) is one of the values: two-letter codes such as US.",
      properties: {
        geoCoderType: p(t.enum('KalturaGeoCoderType'), 'The service that maps IP addresses to countries.'),
      },
    },
    KalturaIpAddressCondition: {
      base: 'KalturaMatchCondition',
      description: "Holds when the viewer's IP address matches one of the values (addresses, ranges a-b or CIDR masks).",
      properties: {
        acceptInternalIps: p(t.bool, 'Also accept internal addresses.'),
        httpHeader: p(t.string, 'A header to read the address from (behind a proxy).'),
      },
    },
    KalturaSiteCondition: {
      base: 'KalturaMatchCondition',
      description: 'Holds when the page that embeds the player is on one of the sites (domains) given as values.',
      properties: {},
    },
    KalturaAuthenticatedCondition: {
      base: 'KalturaCondition',
      description: 'Holds when the session (KS) has the given privileges.',
      properties: {
        privileges: p(t.array('KalturaStringValue'), 'The privileges the KS must have.'),
      },
    },
    KalturaValue: {
      abstract: true,
      properties: {
        description: p(t.string),
      },
    },
    KalturaStringValue: {
      base: 'KalturaValue',
      description: 'A string in a list of values.',
      properties: {
        value: p(t.string),
      },
    },
    KalturaContextTypeHolder: {
      properties: {
        type: p(t.enum('KalturaContextType')),
      },
    },
    KalturaAccessControlContextTypeHolder: {
      base: 'KalturaContextTypeHolder',
      description: 'A kind of request an access-control rule is checked for (play, download, thumbnail, ...).',
      properties: {},
    },
  },
  enums: {
    KalturaAccessControlProfileOrderBy: {
      base: 'string',
      values: orderBy(['createdAt', 'updatedAt']),
    },
    KalturaRuleActionType: {
      base: 'string',
      values: [
        ['DRM_POLICY', 'drm.DRM_POLICY'],
        ['ADD_ENTRY_VENDOR_TASK', 'reach.ADD_ENTRY_VENDOR_TASK'],
        ['BLOCK', '1'],
        ['PREVIEW', '2'],
        ['LIMIT_FLAVORS', '3'],
        ['ADD_TO_STORAGE', '4'],
        ['LIMIT_DELIVERY_PROFILES', '5'],
        ['SERVE_FROM_REMOTE_SERVER', '6'],
        ['REQUEST_HOST_REGEX', '7'],
        ['LIMIT_THUMBNAIL_CAPTURE', '8'],
      ],
    },
    KalturaGeoCoderType: {
      base: 'string',
      values: [
        ['KALTURA', '1'],
        ['MAX_MIND', '2'],
        ['DIGITAL_ELEMENT', '3'],
      ],
    },
    KalturaMatchConditionType: {
      base: 'string',
      values: [
        ['MATCH_ANY', '1'],
        ['MATCH_ALL', '2'],
      ],
    },
    KalturaContextType: {
      base: 'string',
      values: [
        ['PLAY', '1'],
        ['DOWNLOAD', '2'],
        ['THUMBNAIL', '3'],
        ['METADATA', '4'],
        ['EXPORT', '5'],
        ['SERVE', '6'],
      ],
    },
  },
};
