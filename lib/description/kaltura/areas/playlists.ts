/**
 * Playlists: entries of their own type (KalturaPlaylist, type PLAYLIST) that list other entries,
 * either by their IDs (a static list) or by filters (a dynamic list); `playlist.execute` answers
 * the entries. Being entries, they are read, listed and deleted through `baseEntry` too.
 */
import { type AreaSpec, io, ORDER_BY_BASE_ENTRY, orderBy, p, ro, t } from '../spec';

export const PLAYLISTS: AreaSpec = {
  services: [
    {
      id: 'playlist',
      description: 'Playlists: entries that list other entries, by their IDs (static) or by filters (dynamic).',
      actions: {
        add: {
          description: 'Add a playlist. A static list names its entries in playlistContent, comma separated, in play order.',
          result: t.object('KalturaPlaylist'),
          params: [
            { name: 'playlist', type: t.object('KalturaPlaylist'), required: true, requiredProperties: ['playlistType'] },
            { name: 'updateStats', type: t.bool, required: false, default: false, description: 'Compute the duration of the entries now.' },
          ],
        },
        get: {
          description: 'Get a playlist by ID.',
          result: t.object('KalturaPlaylist'),
          params: [
            { name: 'id', type: t.string, required: true },
            { name: 'version', type: t.int, required: false, default: -1, description: 'Version of the playlist data; -1 for the latest.' },
          ],
          errors: ['INVALID_ENTRY_ID'],
        },
        update: {
          description: 'Update a playlist: its name, description, tags or content (its type cannot change).',
          result: t.object('KalturaPlaylist'),
          params: [
            { name: 'id', type: t.string, required: true },
            { name: 'playlist', type: t.object('KalturaPlaylist'), required: true },
            { name: 'updateStats', type: t.bool, required: false, default: false, description: 'Compute the duration of the entries now.' },
          ],
          errors: ['INVALID_ENTRY_ID'],
        },
        delete: {
          description: 'Delete a playlist (not the entries it lists).',
          params: [{ name: 'id', type: t.string, required: true }],
          errors: ['INVALID_ENTRY_ID'],
        },
        list: {
          description: 'List playlists by filter with paging.',
          result: t.object('KalturaPlaylistListResponse'),
          params: [
            { name: 'filter', type: t.object('KalturaPlaylistFilter'), required: false },
            { name: 'pager', type: t.object('KalturaFilterPager'), required: false },
          ],
        },
        execute: {
          description: 'The entries of a playlist, in its order (those of a static list the session may see).',
          result: t.array('KalturaBaseEntry'),
          params: [
            { name: 'id', type: t.string, required: true },
            { name: 'detailed', type: t.string, required: false, default: '', description: 'Answer the entries in full.' },
            {
              name: 'playlistContext',
              type: t.object('KalturaContext'),
              required: false,
              description: 'Where the playlist plays (for entitlement rules; not needed otherwise).',
            },
            {
              name: 'filter',
              type: t.object('KalturaMediaEntryFilterForPlaylist'),
              required: false,
              description: 'Narrows the entries of the playlist further.',
            },
            { name: 'pager', type: t.object('KalturaFilterPager'), required: false },
          ],
        },
      },
    },
  ],
  classes: {
    KalturaPlaylist: {
      base: 'KalturaBaseEntry',
      description: 'A playlist: an entry of type PLAYLIST that lists other entries.',
      properties: {
        playlistContent: p(
          t.string,
          'The content: for a static list, the entry IDs, comma separated, in play order; for a dynamic list, its filters as XML.',
        ),
        playlistType: io(t.enum('KalturaPlaylistType'), 'STATIC_LIST or DYNAMIC; set when the playlist is added.'),
        totalResults: p(t.int, 'The most entries an execution answers.'),
        plays: ro(t.int, 'Number of plays.'),
        views: ro(t.int, 'Number of views.'),
        duration: ro(t.int, 'The duration of its entries, in seconds.'),
        executeUrl: ro(t.string, 'The URL that executes the playlist.'),
      },
    },
    KalturaContext: {
      abstract: true,
      description: 'The context of a call (its subclasses say where a playlist plays).',
      properties: {},
    },
    KalturaMediaEntryFilterForPlaylist: {
      base: 'KalturaMediaEntryFilter',
      description: 'A filter of a dynamic playlist, or one that narrows an execution.',
      properties: {
        limit: p(t.int, 'The most entries this filter adds.'),
        name: p(t.string, 'A name for the filter.'),
      },
    },
    KalturaPlaylistBaseFilter: {
      base: 'KalturaBaseEntryFilter',
      abstract: true,
      properties: {},
    },
    KalturaPlaylistFilter: {
      base: 'KalturaPlaylistBaseFilter',
      properties: {
        playListTypeEqual: p(t.enum('KalturaPlaylistType')),
        playListTypeIn: p(t.string),
        orderBy: p(t.enum('KalturaPlaylistOrderBy')),
      },
    },
    KalturaPlaylistListResponse: {
      base: 'KalturaListResponse',
      properties: {
        objects: p(t.array('KalturaPlaylist')),
      },
    },
  },
  enums: {
    KalturaPlaylistType: {
      base: 'int',
      values: [
        ['STATIC_LIST', 3],
        ['DYNAMIC', 10],
        ['EXTERNAL', 101],
        ['PATH', 102],
      ],
    },
    KalturaPlaylistOrderBy: {
      base: 'string',
      values: orderBy(ORDER_BY_BASE_ENTRY),
    },
  },
};
