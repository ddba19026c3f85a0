/**
 * Sandbox settings, all from the environment (read once at start):
 *
 * - SANDBOX_DATA_DIR            data folder (default `.data/` in the project; ignored by git)
 * - SANDBOX_PARTNER_ID          the sandbox partner's id (default: made up at first start, then kept)
 * - SANDBOX_ADMIN_SECRET        its admin secret (default: random at first start, then kept)
 * - SANDBOX_USER_SECRET         its user secret (default: random at first start, then kept)
 * - SANDBOX_MAX_UPLOAD_BYTES    largest upload (token data) accepted, default 4 GiB
 * - SANDBOX_PROCESSING_MS       how long a video/audio entry stays in PRECONVERT, default 1500
 * - SANDBOX_FINAL_CHUNK_WAIT_MS how long a final chunk waits for the others, default 15000
 * - SANDBOX_MAX_PARAMS_BYTES    largest text of parameters in one request body (JSON, form, or the
 *                               fields of a multipart body; files not counted), default 2 MiB
 * - SANDBOX_CONSOLE_HOSTS       more `Host` names (comma-separated, `name` or `name:port`) under which
 *                               the console's own page may get its session (see consoleAccess.ts);
 *                               loopback names (localhost, 127.0.0.1, [::1]) are always allowed
 * - SANDBOX_FAULTS              fault injection for tests (off by default), JSON:
 *     {"uploadFailBefore":0.05,"uploadFailAfter":0.05,"uploadDelayMs":[0,200]}
 *   A failing upload answers the Kaltura error UPLOAD_ERROR: "before" writes nothing, "after"
 *   has written (and kept) the chunk. A delay waits that many ms (uniform in the range) first.
 * - SANDBOX_CRASH_AT            tests only: the name of a crash point (see crash.ts) at which the
 *                               process kills itself, to test that a restart repairs what it left
 * - SANDBOX_STORAGE             `sqlite` (default: SQLite + files in the data folder) or `postgres`
 *                               (metadata and bytes in PostgreSQL: any number of instances share it)
 * - SANDBOX_DATABASE_URL        the PostgreSQL connection string (postgres://user:pass@host:port/db);
 *                               setting it alone selects `postgres`
 * - CONSOLE_PUBLIC=1            public mode (public.ts): a partner per visitor, quotas, expiry; with
 *                               CONSOLE_PUBLIC_URL (the address visitors open) and SANDBOX_PUBLIC_MAX_BYTES,
 *                               _MAX_OBJECTS, _MAX_RPM, _IDLE_HOURS, _MAX_PARTNERS (README: Settings)
 * - SANDBOX_BODY_LIMITS=off     benchmarks only: parse bodies without the bounds of limits.ts (as the
 *                               sandbox did before them), to measure what they cost; never for use
 */
import { join, resolve } from 'node:path';

export interface Faults {
  uploadFailBefore: number;
  uploadFailAfter: number;
  uploadDelayMs: [number, number];
}

export interface SandboxSettings {
  dataDir: string;
  partnerId?: number | undefined;
  adminSecret?: string | undefined;
  userSecret?: string | undefined;
  maxUploadBytes: number;
  processingMs: number;
  finalChunkWaitMs: number;
  faults: Faults | null;
  maxParamsBytes: number;
  /** Extra Host names (lower case, `name` or `name:port`) for the console session. */
  consoleHosts: string[];
  /** Tests only: crash point name (crash.ts). */
  crashAt?: string | undefined;
  /** Benchmarks only: false parses bodies without the bounds (SANDBOX_BODY_LIMITS=off). */
  bodyLimits: boolean;
  /** Where the state is kept (store.ts): SQLite + files (default), or PostgreSQL. */
  storage: 'sqlite' | 'postgres';
  /** The PostgreSQL connection string (storage `postgres`). */
  databaseUrl?: string | undefined;
  /** Public mode (CONSOLE_PUBLIC=1): one partner per visitor, quotas, expiry (public.ts). */
  public: PublicSettings | null;
}

export interface PublicSettings {
  /** Largest bytes of content and uploads a visitor partner may hold. */
  maxBytes: number;
  /** Most entries, objects and upload tokens a visitor partner may hold. */
  maxObjects: number;
  /** Most API requests of a visitor partner per minute. */
  maxRequestsPerMinute: number;
  /** A visitor partner not used for this long is removed with all its data. */
  idleHours: number;
  /** Most visitor partners at once (a new visitor beyond it is refused until others expire). */
  maxPartners: number;
  /** Host names (lower case, `name` or `name:port`) the public console is served at (from CONSOLE_PUBLIC_URL and SANDBOX_CONSOLE_HOSTS); empty: any. */
  hosts: string[];
  /** The console's public base URL (CONSOLE_PUBLIC_URL), if set. */
  baseUrl?: string | undefined;
}

function num(v: string | undefined, dflt: number): number {
  if (v === undefined || v.trim() === '') return dflt;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : dflt;
}

function parseFaults(text: string | undefined): Faults | null {
  if (!text || !text.trim()) return null;
  try {
    const f = JSON.parse(text) as Partial<Faults>;
    const p = (x: unknown) => (typeof x === 'number' && x >= 0 && x <= 1 ? x : 0);
    const d = Array.isArray(f.uploadDelayMs) ? f.uploadDelayMs : [0, 0];
    const lo = Math.max(0, Number(d[0]) || 0);
    const hi = Math.max(lo, Number(d[1]) || lo);
    return { uploadFailBefore: p(f.uploadFailBefore), uploadFailAfter: p(f.uploadFailAfter), uploadDelayMs: [lo, hi] };
  } catch {
    console.error('[sandbox] SANDBOX_FAULTS is not valid JSON; fault injection stays off');
    return null;
  }
}

/** `1`, `true`, `yes`, `on` (any case). */
export function isOn(v: string | undefined): boolean {
  return /^(1|true|yes|on)$/i.test((v ?? '').trim());
}

function publicSettings(env: NodeJS.ProcessEnv, consoleHosts: string[]): PublicSettings | null {
  if (!isOn(env.CONSOLE_PUBLIC)) return null;
  let baseUrl: string | undefined;
  const hosts = [...consoleHosts];
  if (env.CONSOLE_PUBLIC_URL) {
    try {
      const u = new URL(env.CONSOLE_PUBLIC_URL);
      baseUrl = u.origin;
      hosts.push(u.host.toLowerCase());
    } catch {
      console.error(
        `[sandbox] CONSOLE_PUBLIC_URL is not a URL (${env.CONSOLE_PUBLIC_URL.slice(0, 100)}): set it to the address visitors open, e.g. https://console.example.com`,
      );
    }
  }
  return {
    maxBytes: num(env.SANDBOX_PUBLIC_MAX_BYTES, 200 * 1024 * 1024),
    maxObjects: num(env.SANDBOX_PUBLIC_MAX_OBJECTS, 1000),
    maxRequestsPerMinute: num(env.SANDBOX_PUBLIC_MAX_RPM, 300),
    idleHours: num(env.SANDBOX_PUBLIC_IDLE_HOURS, 24),
    maxPartners: num(env.SANDBOX_PUBLIC_MAX_PARTNERS, 10000),
    hosts,
    baseUrl,
  };
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): SandboxSettings {
  const pid = env.SANDBOX_PARTNER_ID ? Number(env.SANDBOX_PARTNER_ID) : undefined;
  const consoleHosts = (env.SANDBOX_CONSOLE_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  if (env.SANDBOX_STORAGE && env.SANDBOX_STORAGE !== 'postgres' && env.SANDBOX_STORAGE !== 'sqlite') {
    throw new Error(`SANDBOX_STORAGE is "${env.SANDBOX_STORAGE.slice(0, 50)}": set it to sqlite (the default) or postgres`);
  }
  if (env.SANDBOX_STORAGE === 'postgres' && !env.SANDBOX_DATABASE_URL) {
    throw new Error('SANDBOX_STORAGE=postgres needs SANDBOX_DATABASE_URL (postgres://user:password@host:5432/database)');
  }
  return {
    dataDir: resolve(/*turbopackIgnore: true*/ env.SANDBOX_DATA_DIR || join(/*turbopackIgnore: true*/ process.cwd(), '.data')),
    partnerId: pid !== undefined && Number.isInteger(pid) && pid > 0 ? pid : undefined,
    adminSecret: env.SANDBOX_ADMIN_SECRET || undefined,
    userSecret: env.SANDBOX_USER_SECRET || undefined,
    maxUploadBytes: num(env.SANDBOX_MAX_UPLOAD_BYTES, 4 * 1024 ** 3),
    processingMs: num(env.SANDBOX_PROCESSING_MS, 1500),
    finalChunkWaitMs: num(env.SANDBOX_FINAL_CHUNK_WAIT_MS, 15000),
    faults: parseFaults(env.SANDBOX_FAULTS),
    maxParamsBytes: Math.max(4096, num(env.SANDBOX_MAX_PARAMS_BYTES, 2 * 1024 * 1024)),
    consoleHosts,
    crashAt: env.SANDBOX_CRASH_AT || undefined,
    bodyLimits: env.SANDBOX_BODY_LIMITS !== 'off',
    storage: env.SANDBOX_STORAGE === 'postgres' || (!env.SANDBOX_STORAGE && !!env.SANDBOX_DATABASE_URL) ? 'postgres' : 'sqlite',
    databaseUrl: env.SANDBOX_DATABASE_URL || undefined,
    public: publicSettings(env, consoleHosts),
  };
}
