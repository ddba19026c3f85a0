/** The connection: sandbox, endpoint + admin secret, or a pasted KS. */
export { createConnectionStore, SESSION_KEY, REMEMBER_KEY, DEFAULT_SANDBOX_SESSION_PATH } from './connection-state';
export type { ConnectionMode, ConnectionState, ConnectionStore, ConnectionStoreOptions, KeyValueStorage } from './connection-state';
export { decodeKs } from './ks';
export type { KsHeader } from './ks';
export { startSession, getSessionInfo, SessionError } from './session';
export type { SessionInfo } from './session';
