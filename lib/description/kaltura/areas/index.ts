/**
 * The areas of the Kaltura API described beyond the core services (session, uploadToken, media):
 * each module holds the services, classes and enums of one plugin or feature, in the compact
 * vocabulary of ../spec.ts. services.ts, classes.ts and enums.ts merge them.
 */
import type { AreaSpec } from '../spec';
import { ACCESS_CONTROL } from './access-control';
import { APP_TOKENS } from './app-tokens';
import { ASSETS } from './assets';
import { CAPTIONS } from './captions';
import { CATEGORIES } from './categories';
import { CUE_POINTS } from './cue-points';
import { ESEARCH } from './esearch';
import { METADATA } from './metadata';
import { PLAYLISTS } from './playlists';
import { THUMBNAILS } from './thumbnails';
import { USERS } from './users';

export const AREAS: AreaSpec[] = [
  ASSETS,
  CAPTIONS,
  METADATA,
  CATEGORIES,
  PLAYLISTS,
  THUMBNAILS,
  CUE_POINTS,
  USERS,
  ACCESS_CONTROL,
  APP_TOKENS,
  ESEARCH,
];
