/**
 * Users: the people (and groups) of a partner, by the user IDs of your own system.
 */
import { type AreaSpec, io, orderBy, p, ro, t } from '../spec';

export const USERS: AreaSpec = {
  services: [
    {
      id: 'user',
      description: 'Users: the people who own, publish and watch entries, by your own user IDs.',
      actions: {
        add: {
          description: "Add a user. Its id is yours to choose (your system's user ID).",
          result: t.object('KalturaUser'),
          params: [{ name: 'user', type: t.object('KalturaUser'), required: true }],
        },
        get: {
          description: "Get a user by ID; without one, the session's own user.",
          result: t.object('KalturaUser'),
          params: [{ name: 'userId', type: t.string, required: false }],
        },
        list: {
          description: 'List users by filter with paging. Deleted users are left out unless the filter asks for them.',
          result: t.object('KalturaUserListResponse'),
          params: [
            { name: 'filter', type: t.object('KalturaUserFilter'), required: false },
            { name: 'pager', type: t.object('KalturaFilterPager'), required: false },
          ],
        },
        update: {
          description: 'Update a user. Only the properties that are set are updated.',
          result: t.object('KalturaUser'),
          params: [
            { name: 'userId', type: t.string, required: true },
            { name: 'user', type: t.object('KalturaUser'), required: true },
          ],
        },
        delete: {
          description: 'Delete a user (its entries are kept). The result is the deleted user.',
          result: t.object('KalturaUser'),
          params: [{ name: 'userId', type: t.string, required: true }],
        },
      },
    },
  ],
  classes: {
    KalturaBaseUser: {
      description: 'Fields shared by users and groups.',
      properties: {
        id: p(t.string, "The user ID: your system's ID for the user (an email, a login name, a number, ...)."),
        partnerId: ro(t.int),
        screenName: p(t.string, 'The name shown to other users.'),
        fullName: p(t.string),
        email: p(t.string),
        country: p(t.string),
        state: p(t.string),
        city: p(t.string),
        zip: p(t.string),
        thumbnailUrl: p(t.string, 'URL of a picture of the user.'),
        description: p(t.string),
        tags: p(t.string, 'Comma separated tags.'),
        adminTags: p(t.string, 'Tags that only an admin session can change.'),
        status: p(t.enum('KalturaUserStatus')),
        createdAt: ro(t.int, 'Creation date as Unix timestamp (in seconds).'),
        updatedAt: ro(t.int, 'Last update date as Unix timestamp (in seconds).'),
        partnerData: p(t.string, 'Free partner data as a string.'),
        indexedPartnerDataInt: p(t.int, 'A number of your own that filters can use.'),
        indexedPartnerDataString: p(t.string, 'A string of your own that filters can use.'),
        storageSize: ro(t.int, "Storage used by the user's entries."),
        lastLoginTime: ro(t.int, 'Last login as Unix timestamp (in seconds).'),
        statusUpdatedAt: ro(t.int, 'When the status last changed, as Unix timestamp.'),
        deletedAt: ro(t.int, 'Deletion date as Unix timestamp (in seconds).'),
        allowedPartnerIds: p(t.string, 'Other partners this user may log in to.'),
        allowedPartnerPackages: p(t.string),
        userMode: p(t.enum('KalturaUserMode')),
      },
    },
    KalturaUser: {
      base: 'KalturaBaseUser',
      description: 'A user of the partner: a person, or a group of users.',
      properties: {
        type: p(t.enum('KalturaUserType'), 'A person (USER) or a group (GROUP).'),
        dateOfBirth: p(t.int, 'Date of birth as Unix timestamp.'),
        gender: p(t.enum('KalturaGender')),
        isAdmin: p(t.bool, 'Whether the user may use the management console (with roleIds).'),
        isGuest: io(t.bool),
        roleIds: p(t.string, 'Comma separated IDs of the roles of an admin user.'),
        roleNames: ro(t.string, 'The names of those roles.'),
        isAccountOwner: io(t.bool),
        firstName: p(t.string),
        lastName: p(t.string),
        loginEnabled: io(t.bool, 'Whether the user can log in with an email and a password.'),
        registrationInfo: p(t.string),
        attendanceInfo: p(t.string),
        title: p(t.string, 'Job title.'),
        company: p(t.string),
        ksPrivileges: p(t.string, 'Privileges added to the sessions the user logs in with.'),
        encryptedSeed: ro(t.string),
        isSsoExcluded: p(t.bool, 'The user logs in with a password even when single sign-on is on.'),
        externalId: io(t.string, 'Your own ID, when the user ID is a hash of it.'),
      },
    },
    KalturaBaseUserBaseFilter: {
      base: 'KalturaRelatedFilter',
      abstract: true,
      properties: {
        partnerIdEqual: p(t.int),
        screenNameLike: p(t.string),
        screenNameStartsWith: p(t.string),
        emailLike: p(t.string),
        emailStartsWith: p(t.string),
        tagsMultiLikeOr: p(t.string),
        tagsMultiLikeAnd: p(t.string),
        statusEqual: p(t.enum('KalturaUserStatus')),
        statusIn: p(t.string),
        createdAtGreaterThanOrEqual: p(t.int),
        createdAtLessThanOrEqual: p(t.int),
        updatedAtGreaterThanOrEqual: p(t.int),
        updatedAtLessThanOrEqual: p(t.int),
      },
    },
    KalturaBaseUserFilter: {
      base: 'KalturaBaseUserBaseFilter',
      abstract: true,
      properties: {
        orderBy: p(t.enum('KalturaBaseUserOrderBy')),
      },
    },
    KalturaUserBaseFilter: {
      base: 'KalturaBaseUserFilter',
      abstract: true,
      properties: {
        idEqual: p(t.string),
        idIn: p(t.string),
        typeEqual: p(t.enum('KalturaUserType')),
        typeIn: p(t.string),
        isAdminEqual: p(t.enum('KalturaNullableBoolean')),
        firstNameStartsWith: p(t.string),
        lastNameStartsWith: p(t.string),
      },
    },
    KalturaUserFilter: {
      base: 'KalturaUserBaseFilter',
      description: 'Filter of users: by ID, name, email, status, role, ...',
      properties: {
        idOrScreenNameStartsWith: p(t.string),
        loginEnabledEqual: p(t.enum('KalturaNullableBoolean')),
        roleIdEqual: p(t.string),
        roleIdsEqual: p(t.string),
        roleIdsIn: p(t.string),
        firstNameOrLastNameStartsWith: p(t.string),
        permissionNamesMultiLikeOr: p(t.string),
        permissionNamesMultiLikeAnd: p(t.string),
        orderBy: p(t.enum('KalturaUserOrderBy')),
      },
    },
    KalturaUserListResponse: {
      base: 'KalturaListResponse',
      properties: {
        objects: p(t.array('KalturaUser')),
      },
    },
  },
  enums: {
    KalturaUserStatus: {
      base: 'int',
      values: [
        ['BLOCKED', 0],
        ['ACTIVE', 1],
        ['DELETED', 2],
      ],
    },
    KalturaUserMode: {
      base: 'int',
      values: [
        ['NONE', 0],
        ['PROTECTED_USER', 1],
      ],
    },
    KalturaGender: {
      base: 'int',
      values: [
        ['UNKNOWN', 0],
        ['MALE', 1],
        ['FEMALE', 2],
      ],
    },
    KalturaUserType: {
      base: 'int',
      values: [
        ['USER', 0],
        ['GROUP', 1],
      ],
    },
    KalturaBaseUserOrderBy: {
      base: 'string',
      values: orderBy(['createdAt', 'id', 'updatedAt']),
    },
    KalturaUserOrderBy: {
      base: 'string',
      values: orderBy(['createdAt', 'id', 'updatedAt']),
    },
  },
};
