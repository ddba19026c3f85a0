/**
 * Application tokens: secrets with fixed session settings that let an application start sessions
 * without the partner's admin secret (appToken.startSession with a hash of KS + token).
 */
import { type AreaSpec, orderBy, p, ro, t } from '../spec';

export const APP_TOKENS: AreaSpec = {
  services: [
    {
      id: 'appToken',
      description: 'Application tokens: start limited sessions without the admin secret.',
      actions: {
        add: {
          description: 'Add an application token. The answer holds the token itself: keep it as secret as a password.',
          result: t.object('KalturaAppToken'),
          params: [{ name: 'appToken', type: t.object('KalturaAppToken'), required: true }],
        },
        get: {
          description: 'Get an application token by ID.',
          result: t.object('KalturaAppToken'),
          params: [{ name: 'id', type: t.string, required: true }],
        },
        list: {
          description: 'List application tokens by filter with paging.',
          result: t.object('KalturaAppTokenListResponse'),
          params: [
            { name: 'filter', type: t.object('KalturaAppTokenFilter'), required: false },
            { name: 'pager', type: t.object('KalturaFilterPager'), required: false },
          ],
        },
        update: {
          description: 'Update the session settings of an application token.',
          result: t.object('KalturaAppToken'),
          params: [
            { name: 'id', type: t.string, required: true },
            { name: 'appToken', type: t.object('KalturaAppToken'), required: true },
          ],
        },
        delete: {
          description: 'Delete an application token: it can no longer start sessions.',
          params: [{ name: 'id', type: t.string, required: true }],
        },
        startSession: {
          description:
            "Start a session with an application token. tokenHash is the hash (with the token's hashType) of the " +
            'KS this call is made with followed by the token, in hexadecimal.',
          result: t.object('KalturaSessionInfo'),
          params: [
            { name: 'id', type: t.string, required: true, description: 'The application token ID.' },
            { name: 'tokenHash', type: t.string, required: true, description: "hex(hash(KS + token)) with the token's hashType." },
            { name: 'userId', type: t.string, required: false, description: 'The user of the session, unless the token fixes one.' },
            {
              name: 'type',
              type: t.enum('KalturaSessionType'),
              required: false,
              description: 'USER or ADMIN, as far as the token allows.',
            },
            { name: 'expiry', type: t.int, required: false, description: "Validity in seconds, at most the token's sessionDuration." },
            { name: 'sessionPrivileges', type: t.string, required: false, description: 'Privileges added to those of the token.' },
          ],
        },
      },
    },
  ],
  classes: {
    KalturaAppToken: {
      description: 'A secret for an application, with the settings of the sessions it may start.',
      properties: {
        id: ro(t.string),
        token: ro(t.string, 'The secret itself; hash it with a KS to start a session.'),
        partnerId: ro(t.int),
        createdAt: ro(t.int, 'Creation date as Unix timestamp (in seconds).'),
        updatedAt: ro(t.int, 'Last update date as Unix timestamp (in seconds).'),
        status: ro(t.enum('KalturaAppTokenStatus')),
        expiry: p(t.int, 'When the token itself expires, as Unix timestamp; empty for never.'),
        sessionType: p(t.enum('KalturaSessionType'), 'The type of the sessions it starts.'),
        sessionUserId: p(t.string, 'The user of the sessions it starts; empty to let startSession choose.'),
        sessionDuration: p(t.int, 'The longest validity of its sessions, in seconds.'),
        sessionPrivileges: p(t.string, 'Privileges of its sessions, e.g. sview:*,list:*.'),
        hashType: p(t.enum('KalturaAppTokenHashType'), 'The hash startSession expects.'),
        description: p(t.string),
      },
    },
    KalturaAppTokenBaseFilter: {
      base: 'KalturaFilter',
      abstract: true,
      properties: {
        idEqual: p(t.string),
        idIn: p(t.string),
        createdAtGreaterThanOrEqual: p(t.int),
        createdAtLessThanOrEqual: p(t.int),
        updatedAtGreaterThanOrEqual: p(t.int),
        updatedAtLessThanOrEqual: p(t.int),
        statusEqual: p(t.enum('KalturaAppTokenStatus')),
        statusIn: p(t.string),
        sessionUserIdEqual: p(t.string),
      },
    },
    KalturaAppTokenFilter: {
      base: 'KalturaAppTokenBaseFilter',
      properties: {
        orderBy: p(t.enum('KalturaAppTokenOrderBy')),
      },
    },
    KalturaAppTokenListResponse: {
      base: 'KalturaListResponse',
      properties: {
        objects: p(t.array('KalturaAppToken')),
      },
    },
  },
  enums: {
    KalturaAppTokenHashType: {
      base: 'string',
      values: [
        ['MD5', 'MD5'],
        ['SHA1', 'SHA1'],
        ['SHA256', 'SHA256'],
        ['SHA512', 'SHA512'],
      ],
    },
    KalturaAppTokenStatus: {
      base: 'int',
      values: [
        ['DISABLED', 1],
        ['ACTIVE', 2],
        ['DELETED', 3],
      ],
    },
    KalturaAppTokenOrderBy: {
      base: 'string',
      values: orderBy(['createdAt', 'updatedAt']),
    },
  },
};
