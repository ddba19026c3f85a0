/**
 * Persistent state of the sandbox: SQLite (WAL) for partners, ended sessions, upload tokens and
 * entries; the bytes live in files next to it (see files.ts). Everything here is synchronous and
 * small; nothing holds file data in memory.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface PartnerRow {
  id: number;
  admin_secret: string;
  secret: string;
  name: string;
  created_at: number;
}

export interface TokenRow {
  id: string;
  partner_id: number;
  user_id: string;
  /** 1 when made by a USER session without a user ID (see services/access.ts). */
  anon_owner: number;
  status: number;
  file_name: string | null;
  file_size: number | null;
  /** Bytes held contiguously from offset 0. */
  uploaded_file_size: number;
  auto_finalize: number | null;
  attached_object_type: string | null;
  attached_object_id: string | null;
  /** JSON array of [start, end) ranges written past the contiguous data (kept aside). */
  pending: string;
  created_at: number;
  updated_at: number;
}

export interface EntryRow {
  id: string;
  partner_id: number;
  user_id: string;
  /** 1 when made by a USER session without a user ID (see services/access.ts). */
  anon_owner: number;
  creator_id: string;
  name: string;
  status: number;
  media_type: number;
  created_at: number;
  updated_at: number;
  version: number;
  reference_id: string | null;
  tags: string | null;
  /** Other settable fields as JSON. */
  props: string;
  upload_token_id: string | null;
  content_size: number | null;
  file_name: string | null;
  /** Unix ms at which a PRECONVERT entry becomes READY. */
  ready_at: number | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS partners (
  id INTEGER PRIMARY KEY, admin_secret TEXT NOT NULL, secret TEXT NOT NULL, name TEXT NOT NULL, created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS ended_sessions (fingerprint TEXT PRIMARY KEY, expiry INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS upload_tokens (
  id TEXT PRIMARY KEY, partner_id INTEGER NOT NULL, user_id TEXT NOT NULL, status INTEGER NOT NULL,
  file_name TEXT, file_size INTEGER, uploaded_file_size INTEGER NOT NULL DEFAULT 0, auto_finalize INTEGER,
  attached_object_type TEXT, attached_object_id TEXT, pending TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS upload_tokens_partner ON upload_tokens(partner_id, created_at);
CREATE TABLE IF NOT EXISTS entries (
  id TEXT PRIMARY KEY, partner_id INTEGER NOT NULL, user_id TEXT NOT NULL, creator_id TEXT NOT NULL,
  name TEXT NOT NULL, status INTEGER NOT NULL, media_type INTEGER NOT NULL,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, version INTEGER NOT NULL DEFAULT 0,
  reference_id TEXT, tags TEXT, props TEXT NOT NULL DEFAULT '{}', upload_token_id TEXT,
  content_size INTEGER, file_name TEXT, ready_at INTEGER
);
CREATE INDEX IF NOT EXISTS entries_partner ON entries(partner_id, created_at);
`;

/** Columns added after the first schema (ALTER TABLE ... ADD COLUMN on older data folders). */
const ADDED_COLUMNS: Array<[table: string, column: string, definition: string]> = [
  ['upload_tokens', 'anon_owner', 'INTEGER NOT NULL DEFAULT 0'],
  ['entries', 'anon_owner', 'INTEGER NOT NULL DEFAULT 0'],
];

export class Store {
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  /** A prepared statement, compiled once per SQL text. */
  stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, st);
    }
    return st;
  }

  /** `readonly`: opens an existing sandbox without creating or changing anything (throws if there is none). */
  constructor(dataDir: string, opts: { readonly?: boolean } = {}) {
    const file = join(dataDir, 'sandbox.sqlite');
    if (opts.readonly) {
      this.db = new Database(file, { readonly: true, fileMustExist: true });
      this.db.pragma('busy_timeout = 5000');
      return;
    }
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    for (const [table, column, definition] of ADDED_COLUMNS) {
      const cols = this.db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>;
      if (!cols.some((c) => c.name === column)) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
    }
  }

  /** Runs `fn` in one transaction: all of its writes happen, or none. */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  // partners
  getPartner(id: number): PartnerRow | undefined {
    return this.stmt('SELECT * FROM partners WHERE id = ?').get(id) as PartnerRow | undefined;
  }
  /** The sandbox's partner: the one with `id` when it is configured, else the first one created. */
  sandboxPartner(id?: number): PartnerRow | undefined {
    if (id !== undefined) return this.getPartner(id);
    return this.stmt('SELECT * FROM partners ORDER BY created_at, id LIMIT 1').get() as PartnerRow | undefined;
  }
  putPartner(p: PartnerRow): void {
    this
      .stmt('INSERT INTO partners (id, admin_secret, secret, name, created_at) VALUES (@id, @admin_secret, @secret, @name, @created_at) ON CONFLICT(id) DO UPDATE SET admin_secret = excluded.admin_secret, secret = excluded.secret')
      .run(p);
  }

  // sessions
  /** Ended sessions, also kept in memory (checked on every call). */
  private ended?: Set<string>;
  endSession(fingerprint: string, expiry: number): void {
    this.stmt('INSERT OR REPLACE INTO ended_sessions (fingerprint, expiry) VALUES (?, ?)').run(fingerprint, expiry);
    this.stmt('DELETE FROM ended_sessions WHERE expiry < ?').run(Math.floor(Date.now() / 1000) - 60);
    this.ended?.add(fingerprint);
  }
  isSessionEnded(fingerprint: string): boolean {
    if (!this.ended) {
      const rows = this.stmt('SELECT fingerprint FROM ended_sessions').all() as Array<{ fingerprint: string }>;
      this.ended = new Set(rows.map((r) => r.fingerprint));
    }
    return this.ended.has(fingerprint);
  }

  // tokens
  getToken(id: string): TokenRow | undefined {
    return this.stmt('SELECT * FROM upload_tokens WHERE id = ?').get(id) as TokenRow | undefined;
  }
  insertToken(t: TokenRow): void {
    this
      .stmt(
        `INSERT INTO upload_tokens (id, partner_id, user_id, anon_owner, status, file_name, file_size, uploaded_file_size, auto_finalize,
          attached_object_type, attached_object_id, pending, created_at, updated_at)
         VALUES (@id, @partner_id, @user_id, @anon_owner, @status, @file_name, @file_size, @uploaded_file_size, @auto_finalize,
          @attached_object_type, @attached_object_id, @pending, @created_at, @updated_at)`,
      )
      .run(t);
  }
  updateToken(id: string, patch: Partial<Omit<TokenRow, 'id'>>): void {
    const keys = Object.keys(patch);
    if (!keys.length) return;
    this.stmt(`UPDATE upload_tokens SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({ ...patch, id });
  }
  queryTokens(where: string, params: unknown[], order: string, limit: number, offset: number): { rows: TokenRow[]; total: number } {
    const rows = this.stmt(`SELECT * FROM upload_tokens WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, limit, offset) as TokenRow[];
    const total = (this.stmt(`SELECT COUNT(*) AS n FROM upload_tokens WHERE ${where}`).get(...params) as { n: number }).n;
    return { rows, total };
  }

  // entries
  getEntry(id: string): EntryRow | undefined {
    return this.stmt('SELECT * FROM entries WHERE id = ?').get(id) as EntryRow | undefined;
  }
  insertEntry(e: EntryRow): void {
    this
      .stmt(
        `INSERT INTO entries (id, partner_id, user_id, anon_owner, creator_id, name, status, media_type, created_at, updated_at, version,
          reference_id, tags, props, upload_token_id, content_size, file_name, ready_at)
         VALUES (@id, @partner_id, @user_id, @anon_owner, @creator_id, @name, @status, @media_type, @created_at, @updated_at, @version,
          @reference_id, @tags, @props, @upload_token_id, @content_size, @file_name, @ready_at)`,
      )
      .run(e);
  }
  updateEntry(id: string, patch: Partial<Omit<EntryRow, 'id'>>): void {
    const keys = Object.keys(patch);
    if (!keys.length) return;
    this.stmt(`UPDATE entries SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({ ...patch, id });
  }
  queryEntries(where: string, params: unknown[], order: string, limit: number, offset: number): { rows: EntryRow[]; total: number } {
    const rows = this.stmt(`SELECT * FROM entries WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, limit, offset) as EntryRow[];
    const total = (this.stmt(`SELECT COUNT(*) AS n FROM entries WHERE ${where}`).get(...params) as { n: number }).n;
    return { rows, total };
  }
  /** Entries waiting in IMPORT for a token. */
  entriesWaitingFor(tokenId: string): EntryRow[] {
    return this.stmt('SELECT * FROM entries WHERE upload_token_id = ? AND status = 0').all(tokenId) as EntryRow[];
  }

  close(): void {
    this.db.close();
  }
}

/**
 * The sandbox partner kept in a data folder, read without creating or changing anything: for
 * `npm run sandbox:credentials`. Undefined when the folder holds no sandbox.
 */
export function readPartner(dataDir: string, id?: number): PartnerRow | undefined {
  if (!existsSync(join(dataDir, 'sandbox.sqlite'))) return undefined;
  const store = new Store(dataDir, { readonly: true });
  try {
    return store.sandboxPartner(id);
  } finally {
    store.close();
  }
}
