/**
 * The connection: where calls go and with which session. Framework-free store (subscribe /
 * getState); components/connection wraps it in a React hook.
 *
 * - `sandbox` (default): the built-in sandbox on this page's origin; its session starts by itself
 *   from the sandbox's no-config endpoint.
 * - `secret`: a Kaltura endpoint + partner ID + admin secret; session.start runs from the browser
 *   straight to the endpoint.
 * - `ks`: a Kaltura endpoint + a pasted KS.
 *
 * The KS is kept in sessionStorage (a reload keeps the session); the secret only in memory, unless
 * the user ticks "remember on this device" (then localStorage).
 */
import { errorText, isSessionError } from '@/lib/request/response';
import type { Connection } from '@/lib/request/types';
import { decodeKs } from './ks';
import { getSessionInfo, SessionError, startSession, type SessionInfo } from './session';

export type ConnectionMode = 'sandbox' | 'secret' | 'ks';

export interface ConnectionState {
  mode: ConnectionMode;
  /** Base URL without /api_v3. */
  serviceUrl: string;
  partnerId?: number | undefined;
  userId?: string | undefined;
  /** Admin secret (mode `secret`): in memory, or in localStorage when `remember`. */
  secret?: string | undefined;
  ks?: string | undefined;
  remember: boolean;
  status: 'idle' | 'connecting' | 'connected' | 'error';
  /** What went wrong, in a sentence that says what to do. */
  error?: string | undefined;
  /** Who the session belongs to and when it expires (session.get, or the KS header). */
  session?: SessionInfo | undefined;
  /** A call answered INVALID_KS: offer to log in again. */
  loginNeeded: boolean;
  /** URL of another OpenAPI document to describe the operations (empty = the built-in one). */
  openapiUrl?: string | undefined;
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface ConnectionStoreOptions {
  /** This page's origin: the sandbox's service URL. */
  origin: string;
  session?: KeyValueStorage | undefined;
  local?: KeyValueStorage | undefined;
  fetchImpl?: typeof fetch;
  /** Path of the sandbox's no-config session endpoint (relative to origin). */
  sandboxSessionPath?: string;
}

export const SESSION_KEY = 'recipe-console:connection';
export const REMEMBER_KEY = 'recipe-console:connection:remembered';
export const DEFAULT_SANDBOX_SESSION_PATH = '/api_v3/sandbox/session';

type Listener = (s: ConnectionState) => void;

export interface ConnectionStore {
  getState(): ConnectionState;
  subscribe(l: Listener): () => void;
  /** The connection as requests use it. */
  connection(): Connection;
  /** Loads what was kept and starts the sandbox session when there is none. */
  init(): Promise<void>;
  connectSandbox(): Promise<void>;
  connectWithSecret(a: {
    serviceUrl: string;
    partnerId: number;
    secret: string;
    userId?: string | undefined;
    remember?: boolean;
  }): Promise<void>;
  connectWithKs(a: { serviceUrl: string; ks: string }): Promise<void>;
  /** Starts a new session the same way as the current one (a pasted KS cannot: asks for one). */
  relogin(): Promise<void>;
  /** Called when a call answered INVALID_KS. */
  reportInvalidKs(): void;
  /** Forgets the remembered secret (and the secret in memory). */
  forget(): void;
  setOpenapiUrl(url: string | undefined): void;
}

function normaliseUrl(u: string): string {
  return u
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/api_v3$/i, '');
}

/** The Web Lock that the tabs of one origin take in turn to ask the sandbox for its session. */
const SESSION_LOCK = 'recipe-console:sandbox-session';

/**
 * Runs `fn` holding a lock shared by the tabs of this origin (Web Locks), so the tabs run it one
 * after another. Where there are no Web Locks (Node, a page that is not a secure context), runs it
 * at once.
 */
function oneTabAtATime<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : (navigator as Partial<Navigator>).locks;
  return locks ? locks.request(name, fn) : fn();
}

export function createConnectionStore(opts: ConnectionStoreOptions): ConnectionStore {
  const origin = normaliseUrl(opts.origin);
  const sandboxPath = opts.sandboxSessionPath ?? DEFAULT_SANDBOX_SESSION_PATH;
  const doFetch = opts.fetchImpl ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  let state: ConnectionState = { mode: 'sandbox', serviceUrl: origin, remember: false, status: 'idle', loginNeeded: false };
  const listeners = new Set<Listener>();

  const set = (patch: Partial<ConnectionState>) => {
    state = { ...state, ...patch };
    persist();
    for (const l of listeners) l(state);
  };

  function persist() {
    try {
      opts.session?.setItem(
        SESSION_KEY,
        JSON.stringify({
          mode: state.mode,
          serviceUrl: state.serviceUrl,
          partnerId: state.partnerId,
          userId: state.userId,
          ks: state.ks,
          session: state.session,
          openapiUrl: state.openapiUrl,
        }),
      );
      if (state.remember && state.mode === 'secret' && state.secret) {
        opts.local?.setItem(
          REMEMBER_KEY,
          JSON.stringify({ serviceUrl: state.serviceUrl, partnerId: state.partnerId, userId: state.userId, secret: state.secret }),
        );
      } else {
        opts.local?.removeItem(REMEMBER_KEY);
      }
    } catch {
      /* storage full or disabled: the session lives in memory only */
    }
  }

  function read(storage: KeyValueStorage | undefined, key: string): Record<string, unknown> | undefined {
    try {
      const t = storage?.getItem(key);
      const v = t ? JSON.parse(t) : undefined;
      return v && typeof v === 'object' ? v : undefined;
    } catch {
      return undefined;
    }
  }

  function headerInfo(ks: string): SessionInfo | undefined {
    const h = decodeKs(ks);
    if (!h) return undefined;
    const info: SessionInfo = {};
    if (h.partnerId !== undefined) info.partnerId = h.partnerId;
    if (h.expiry !== undefined) info.expiry = h.expiry;
    if (h.userId) info.userId = h.userId;
    if (h.type !== undefined) info.type = h.type;
    return info;
  }

  /** Fills `session` from session.get (the KS header first, so something shows at once). */
  async function inspect(ks: string): Promise<boolean> {
    const fromHeader = headerInfo(ks);
    if (fromHeader) set({ session: { ...state.session, ...fromHeader } });
    try {
      const info = await getSessionInfo(state.serviceUrl, ks, opts.fetchImpl);
      if (state.ks !== ks) return true;
      set({ session: { ...fromHeader, ...info }, partnerId: info.partnerId ?? state.partnerId, status: 'connected', error: undefined });
      return true;
    } catch (e) {
      if (state.ks !== ks) return true;
      const err = e instanceof SessionError ? e.error : undefined;
      if (isSessionError(err)) {
        set({ status: 'error', loginNeeded: true, error: `The session is no longer valid (${errorText(err)}). Log in again.` });
        return false;
      }
      // The session may still work (e.g. session.get not allowed): keep it, say what happened.
      set({ status: 'connected', error: `Could not check the session: ${(e as Error).message}` });
      return true;
    }
  }

  async function connectSandbox(): Promise<void> {
    set({
      mode: 'sandbox',
      serviceUrl: origin,
      secret: undefined,
      remember: false,
      status: 'connecting',
      error: undefined,
      loginNeeded: false,
      ks: undefined,
      session: undefined,
    });
    try {
      // One tab at a time: in public mode the first answer sets the visitor cookie, which the next
      // tab's request then carries (two tabs opened together would get two partners otherwise).
      const { res, text } = await oneTabAtATime(SESSION_LOCK, async () => {
        const r = await doFetch(`${origin}${sandboxPath}`, { method: 'GET', headers: { accept: 'application/json' }, cache: 'no-store' });
        return { res: r, text: await r.text() };
      });
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      const o = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
      const ks = typeof body === 'string' ? body : typeof o.ks === 'string' ? o.ks : undefined;
      if (res.status === 403 && typeof o.message === 'string') {
        // refused on purpose (not from this machine, another Host...): the message says what to do
        throw new Error(`The sandbox gives its automatic session only to this machine's browser: ${o.message}`);
      }
      if (!res.ok || !ks) {
        const why = typeof o.message === 'string' ? o.message : `HTTP ${res.status}`;
        throw new Error(
          `The sandbox did not give a session (${why}). Reload the page; if it persists, the server's sandbox is not running.`,
        );
      }
      const partnerId = typeof o.partnerId === 'number' ? o.partnerId : headerInfo(ks)?.partnerId;
      const session: SessionInfo = { ...headerInfo(ks) };
      if (typeof o.expiry === 'number') session.expiry = o.expiry;
      if (typeof o.userId === 'string' && o.userId) session.userId = o.userId;
      if (typeof o.sessionType === 'number') session.type = o.sessionType;
      if (partnerId !== undefined) session.partnerId = partnerId;
      set({ ks, partnerId, status: 'connected', session, userId: typeof o.userId === 'string' ? o.userId : undefined });
      if (session.expiry === undefined) await inspect(ks);
    } catch (e) {
      set({
        status: 'error',
        error:
          e instanceof TypeError
            ? `Could not reach the sandbox at ${origin}: is the server running? Reload to try again.`
            : (e as Error).message,
      });
    }
  }

  async function connectWithSecret(a: {
    serviceUrl: string;
    partnerId: number;
    secret: string;
    userId?: string | undefined;
    remember?: boolean;
  }) {
    const serviceUrl = normaliseUrl(a.serviceUrl);
    set({
      mode: 'secret',
      serviceUrl,
      partnerId: a.partnerId,
      userId: a.userId || undefined,
      secret: a.secret,
      remember: a.remember === true,
      status: 'connecting',
      error: undefined,
      loginNeeded: false,
      ks: undefined,
      session: undefined,
    });
    try {
      const ks = await startSession({ serviceUrl, partnerId: a.partnerId, secret: a.secret, userId: a.userId }, opts.fetchImpl);
      set({ ks, status: 'connected' });
      await inspect(ks);
    } catch (e) {
      set({ status: 'error', error: (e as Error).message });
    }
  }

  async function connectWithKs(a: { serviceUrl: string; ks: string }) {
    const ks = a.ks.trim();
    const h = headerInfo(ks);
    set({
      mode: 'ks',
      serviceUrl: normaliseUrl(a.serviceUrl),
      ks,
      partnerId: h?.partnerId,
      secret: undefined,
      remember: false,
      status: 'connecting',
      error: undefined,
      loginNeeded: false,
      session: h,
    });
    await inspect(ks);
  }

  return {
    getState: () => state,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    connection(): Connection {
      const c: Connection = { serviceUrl: state.serviceUrl };
      if (state.partnerId !== undefined) c.partnerId = state.partnerId;
      if (state.secret) c.secret = state.secret;
      if (state.userId) c.userId = state.userId;
      if (state.ks) c.ks = state.ks;
      return c;
    },
    async init() {
      const kept = read(opts.session, SESSION_KEY);
      const remembered = read(opts.local, REMEMBER_KEY);
      const mode =
        kept?.mode === 'secret' || kept?.mode === 'ks'
          ? (kept.mode as ConnectionMode)
          : kept
            ? 'sandbox'
            : remembered
              ? 'secret'
              : 'sandbox';
      const patch: Partial<ConnectionState> = { mode };
      if (typeof kept?.openapiUrl === 'string') patch.openapiUrl = kept.openapiUrl;
      if (mode === 'sandbox') patch.serviceUrl = origin;
      else if (typeof kept?.serviceUrl === 'string') patch.serviceUrl = kept.serviceUrl;
      else if (typeof remembered?.serviceUrl === 'string') patch.serviceUrl = remembered.serviceUrl;
      if (typeof kept?.partnerId === 'number') patch.partnerId = kept.partnerId;
      else if (mode === 'secret' && typeof remembered?.partnerId === 'number') patch.partnerId = remembered.partnerId;
      if (typeof kept?.userId === 'string') patch.userId = kept.userId;
      if (mode === 'secret' && typeof remembered?.secret === 'string') {
        patch.secret = remembered.secret;
        patch.remember = true;
      }
      const ks = typeof kept?.ks === 'string' && kept.ks ? kept.ks : undefined;
      if (ks) {
        patch.ks = ks;
        patch.status = 'connected';
        if (kept?.session && typeof kept.session === 'object') patch.session = kept.session as SessionInfo;
      }
      set(patch);
      if (ks) {
        const exp = state.session?.expiry;
        if (exp !== undefined && exp * 1000 < Date.now()) {
          set({ loginNeeded: true, status: 'error', error: 'The session has expired. Log in again.' });
        } else {
          const valid = await inspect(ks);
          if (valid) return;
        }
        if (state.mode === 'sandbox' || (state.mode === 'secret' && state.secret)) await this.relogin();
        return;
      }
      if (mode === 'sandbox') await connectSandbox();
      else if (mode === 'secret' && state.secret && state.partnerId !== undefined) await this.relogin();
    },
    connectSandbox,
    connectWithSecret,
    connectWithKs,
    async relogin() {
      if (state.mode === 'sandbox') return connectSandbox();
      if (state.mode === 'secret' && state.secret && state.partnerId !== undefined) {
        return connectWithSecret({
          serviceUrl: state.serviceUrl,
          partnerId: state.partnerId,
          secret: state.secret,
          userId: state.userId,
          remember: state.remember,
        });
      }
      set({
        loginNeeded: true,
        status: 'error',
        error: state.mode === 'ks' ? 'Paste a new KS, or log in with the admin secret.' : 'Enter the admin secret to log in again.',
      });
    },
    reportInvalidKs() {
      set({ loginNeeded: true, error: 'The endpoint rejected the session (INVALID_KS): log in again.' });
    },
    forget() {
      set({ secret: undefined, remember: false });
    },
    setOpenapiUrl(url) {
      set({ openapiUrl: url && url.trim() ? url.trim() : undefined });
    },
  };
}
