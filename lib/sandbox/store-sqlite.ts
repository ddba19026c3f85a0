/**
 * The embedded storage of the sandbox (the default): SQLite (WAL, better-sqlite3) for partners,
 * ended sessions, upload tokens, entries and the objects of every other class (the generic
 * services); the bytes are files next to it (blobs.ts). One process.
 *
 * better-sqlite3 is synchronous; this class answers the asynchronous SandboxStore (store.ts). A
 * transaction (`tx`) holds every other caller back until it ends (they wait their turn), so that
 * no statement of another request lands inside it while it awaits.
 *
 * Objects of the generic services are one table, `objects`: partner, kind (the storage family of
 * a class, e.g. KalturaAsset for captions and thumbnails), id, concrete class, owner, times, and
 * the object's properties as JSONB (`data`). Filters read properties from the JSON; the first
 * filter on a property makes an index on that expression.
 */
import Database from 'better-sqlite3';
import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LocalBlobs } from './blobs';
import {
  ENTRY_FIELDS,
  PROP_NAME,
  SQLITE_DIALECT,
  TOKEN_FIELDS,
  conditionsSql,
  ownerSql,
  type Condition,
  type EntryRow,
  type FieldSql,
  type ObjectFilter,
  type ObjectPatch,
  type ObjectQuery,
  type ObjectRow,
  type OrderBy,
  type OwnerScope,
  type PartnerRow,
  type PartnerUsage,
  type RemovedPartner,
  type SandboxStore,
  type TokenRow,
} from './store';

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
CREATE TABLE IF NOT EXISTS objects (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, id TEXT NOT NULL, partner_id INTEGER NOT NULL,
  object_type TEXT NOT NULL, user_id TEXT NOT NULL DEFAULT '', anon_owner INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, data TEXT NOT NULL DEFAULT '{}',
  content_size INTEGER, file_name TEXT, deleted INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX IF NOT EXISTS objects_id ON objects(kind, id);
CREATE INDEX IF NOT EXISTS objects_partner_live ON objects(kind, partner_id, deleted, seq);
CREATE INDEX IF NOT EXISTS objects_partner ON objects(partner_id);
CREATE TABLE IF NOT EXISTS sequences (kind TEXT PRIMARY KEY, next INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS visitors (hash TEXT PRIMARY KEY, partner_id INTEGER NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS request_counts (partner_id INTEGER NOT NULL, minute INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (partner_id, minute));
CREATE TABLE IF NOT EXISTS expired_partners (id INTEGER PRIMARY KEY, expired_at INTEGER NOT NULL);
`;

/**
 * The columns of an object as services see them. `data` is kept as JSONB (SQLite's binary JSON:
 * filters read properties without parsing text) and read back as JSON text.
 */
const OBJECT_COLUMNS =
  'seq, kind, id, partner_id, object_type, user_id, anon_owner, created_at, updated_at, json(data) AS data, content_size, file_name, deleted';

/** Columns added after the first schema (ALTER TABLE ... ADD COLUMN on older data folders). */
const ADDED_COLUMNS: Array<[table: string, column: string, definition: string]> = [
  ['upload_tokens', 'anon_owner', 'INTEGER NOT NULL DEFAULT 0'],
  ['entries', 'anon_owner', 'INTEGER NOT NULL DEFAULT 0'],
  ['upload_tokens', 'generation', 'INTEGER NOT NULL DEFAULT 0'],
  ['partners', 'visitor', 'INTEGER NOT NULL DEFAULT 0'],
  ['partners', 'last_used_at', 'INTEGER'],
];

/** The row an INSERT ... RETURNING always answers (one, even on conflict): an error if there is none. */
function returned<Row>(row: Row | undefined, what: string): Row {
  if (row === undefined) throw new Error(`The sandbox's SQLite database returned no row for ${what}.`);
  return row;
}

class Mutex {
  users = 0;
  private tail: Promise<void> = Promise.resolve();
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const prev = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((r) => (release = r));
    await prev;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

export class SqliteStore implements SandboxStore {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;
  readonly blobs: LocalBlobs;
  readonly where: string;
  /** Compiled statements by SQL text (their row type is the caller's: see `stmt`). */
  private readonly statements = new Map<string, Database.Statement<unknown[], never>>();
  private readonly readonly: boolean;
  /** The transaction in progress (its async context), if any; others wait for `idle`. */
  private readonly txContext = new AsyncLocalStorage<object>();
  private current: { token: object; done: Promise<void> } | undefined;
  private readonly locks = new Map<string, Mutex>();
  private readonly tokenListeners: Array<(id: string) => void> = [];

  /**
   * A prepared statement, compiled once per SQL text; `Row` is what a row of its result holds
   * (`.get()` answers `Row | undefined`, `.all()` `Row[]`). The cache keeps statements with no row
   * type of their own (`never`, which fits every `Row`), so the same SQL is typed by each caller.
   */
  stmt<Row = unknown>(sql: string): Database.Statement<unknown[], Row> {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare<unknown[], never>(sql);
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, st);
    }
    return st;
  }

  /** `readonly`: opens an existing sandbox without creating or changing anything (throws if there is none). */
  constructor(dataDir: string, opts: { readonly?: boolean } = {}) {
    const file = join(dataDir, 'sandbox.sqlite');
    this.where = file;
    this.readonly = opts.readonly === true;
    if (opts.readonly) {
      this.db = new Database(file, { readonly: true, fileMustExist: true });
      this.db.pragma('busy_timeout = 5000');
      this.blobs = undefined as unknown as LocalBlobs;
      return;
    }
    mkdirSync(dataDir, { recursive: true });
    this.blobs = new LocalBlobs(dataDir);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    // statistics for the query planner (which property index to use), each ANALYZE bounded
    this.db.pragma('analysis_limit = 20000');
    // the columns first: an older data folder's tables lack some that the schema's indexes name
    const before = new Set(
      this.db
        .prepare<unknown[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .map((r) => r.name),
    );
    for (const [table, column, definition] of ADDED_COLUMNS) {
      if (!before.has(table)) continue;
      const cols = this.db.prepare<unknown[], { name: string }>(`PRAGMA table_info(${table})`).all();
      if (!cols.some((c) => c.name === column)) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
    }
    this.db.exec(SCHEMA);
    for (const [table, column, definition] of ADDED_COLUMNS) {
      const cols = this.db.prepare<unknown[], { name: string }>(`PRAGMA table_info(${table})`).all();
      if (!cols.some((c) => c.name === column)) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
    }
  }

  /** Waits while another async context's transaction is open. */
  private async idle(): Promise<void> {
    while (this.current && this.txContext.getStore() !== this.current.token) await this.current.done;
  }

  async tx<T>(fn: () => Promise<T>): Promise<T> {
    if (this.current && this.txContext.getStore() === this.current.token) return fn();
    await this.idle();
    let release!: () => void;
    const token = {};
    this.current = { token, done: new Promise<void>((r) => (release = r)) };
    try {
      return await this.txContext.run(token, async () => {
        this.db.exec('BEGIN IMMEDIATE');
        try {
          const r = await fn();
          this.db.exec('COMMIT');
          return r;
        } catch (e) {
          if (this.db.inTransaction) this.db.exec('ROLLBACK');
          throw e;
        }
      });
    } finally {
      this.current = undefined;
      release();
    }
  }

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let m = this.locks.get(key);
    if (!m) this.locks.set(key, (m = new Mutex()));
    m.users++;
    try {
      return await m.run(fn);
    } finally {
      if (--m.users === 0) this.locks.delete(key);
    }
  }

  signalToken(id: string): void {
    for (const l of this.tokenListeners) l(id);
  }
  onTokenSignal(listener: (id: string) => void): void {
    this.tokenListeners.push(listener);
  }

  // partners
  async getPartner(id: number): Promise<PartnerRow | undefined> {
    await this.idle();
    return this.stmt<PartnerRow>('SELECT * FROM partners WHERE id = ?').get(id);
  }
  async sandboxPartner(id?: number): Promise<PartnerRow | undefined> {
    if (id !== undefined) return this.getPartner(id);
    await this.idle();
    return this.stmt<PartnerRow>('SELECT * FROM partners WHERE visitor = 0 ORDER BY created_at, id LIMIT 1').get();
  }
  async putPartner(p: PartnerRow): Promise<void> {
    await this.idle();
    this.stmt(
      'INSERT INTO partners (id, admin_secret, secret, name, created_at, visitor, last_used_at) VALUES (@id, @admin_secret, @secret, @name, @created_at, @visitor, @last_used_at) ON CONFLICT(id) DO UPDATE SET admin_secret = excluded.admin_secret, secret = excluded.secret',
    ).run({ visitor: 0, last_used_at: null, ...p });
  }

  // sessions
  /** Ended sessions, also kept in memory (checked on every call). */
  private ended?: Set<string>;
  async endSession(fingerprint: string, expiry: number): Promise<void> {
    await this.idle();
    this.stmt('INSERT OR REPLACE INTO ended_sessions (fingerprint, expiry) VALUES (?, ?)').run(fingerprint, expiry);
    this.stmt('DELETE FROM ended_sessions WHERE expiry < ?').run(Math.floor(Date.now() / 1000) - 60);
    this.ended?.add(fingerprint);
  }
  async isSessionEnded(fingerprint: string): Promise<boolean> {
    if (!this.ended) {
      await this.idle();
      const rows = this.stmt<{ fingerprint: string }>('SELECT fingerprint FROM ended_sessions').all();
      this.ended = new Set(rows.map((r) => r.fingerprint));
    }
    return this.ended.has(fingerprint);
  }

  // tokens
  async getToken(id: string): Promise<TokenRow | undefined> {
    await this.idle();
    return this.stmt<TokenRow>('SELECT * FROM upload_tokens WHERE id = ?').get(id);
  }
  async insertToken(t: TokenRow): Promise<void> {
    await this.idle();
    this.stmt(
      `INSERT INTO upload_tokens (id, partner_id, user_id, anon_owner, status, file_name, file_size, uploaded_file_size, auto_finalize,
          attached_object_type, attached_object_id, pending, generation, created_at, updated_at)
         VALUES (@id, @partner_id, @user_id, @anon_owner, @status, @file_name, @file_size, @uploaded_file_size, @auto_finalize,
          @attached_object_type, @attached_object_id, @pending, @generation, @created_at, @updated_at)`,
    ).run({ generation: 0, ...t });
  }
  async updateToken(id: string, patch: Partial<Omit<TokenRow, 'id'>>): Promise<void> {
    const keys = Object.keys(patch);
    if (!keys.length) return;
    await this.idle();
    this.stmt(`UPDATE upload_tokens SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({ ...patch, id });
  }
  async transitionToken(id: string, from: number[], patch: Partial<Omit<TokenRow, 'id'>>): Promise<boolean> {
    const keys = Object.keys(patch);
    await this.idle();
    const r = this.stmt(
      `UPDATE upload_tokens SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id AND status IN (${from.map(Number).join(',')})`,
    ).run({ ...patch, id });
    return r.changes > 0;
  }
  async queryTokens(
    partnerId: number,
    where: Condition[],
    owner: OwnerScope | undefined,
    ascending: boolean,
    limit: number,
    offset: number,
  ): Promise<{ rows: TokenRow[]; total: number }> {
    await this.idle();
    return this.queryTable<TokenRow>(
      'upload_tokens',
      TOKEN_FIELDS,
      partnerId,
      where,
      owner,
      ascending ? 'created_at ASC, rowid ASC' : 'created_at DESC, rowid DESC',
      limit,
      offset,
    );
  }

  private queryTable<T>(
    table: string,
    fields: Record<string, string>,
    partnerId: number,
    where: Condition[],
    owner: OwnerScope | undefined,
    order: string,
    limit: number,
    offset: number,
  ): { rows: T[]; total: number } {
    const c = conditionsSql(where, (f) => (fields[f] ? { cmp: fields[f]!, text: fields[f]! } : undefined), SQLITE_DIALECT);
    const o = ownerSql(owner);
    const sql = ['partner_id = ?', ...(o.sql ? [o.sql] : []), ...c.sql].join(' AND ');
    const params = [partnerId, ...o.params, ...c.params];
    const rows = this.stmt<T>(`SELECT * FROM ${table} WHERE ${sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, limit, offset);
    const total = this.stmt<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${sql}`).get(...params)?.n ?? 0;
    return { rows, total };
  }

  async tokensWithStatus(statuses: number[], attachedType?: string): Promise<TokenRow[]> {
    await this.idle();
    const list = statuses.map(() => '?').join(',');
    if (attachedType === undefined) return this.stmt<TokenRow>(`SELECT * FROM upload_tokens WHERE status IN (${list})`).all(...statuses);
    return this.stmt<TokenRow>(`SELECT * FROM upload_tokens WHERE status IN (${list}) AND attached_object_type = ?`).all(
      ...statuses,
      attachedType,
    );
  }

  // entries
  async getEntry(id: string): Promise<EntryRow | undefined> {
    await this.idle();
    return this.stmt<EntryRow>('SELECT * FROM entries WHERE id = ?').get(id);
  }
  async insertEntry(e: EntryRow): Promise<void> {
    await this.idle();
    this.stmt(
      `INSERT INTO entries (id, partner_id, user_id, anon_owner, creator_id, name, status, media_type, created_at, updated_at, version,
          reference_id, tags, props, upload_token_id, content_size, file_name, ready_at)
         VALUES (@id, @partner_id, @user_id, @anon_owner, @creator_id, @name, @status, @media_type, @created_at, @updated_at, @version,
          @reference_id, @tags, @props, @upload_token_id, @content_size, @file_name, @ready_at)`,
    ).run(e);
  }
  async updateEntry(id: string, patch: Partial<Omit<EntryRow, 'id'>>): Promise<void> {
    const keys = Object.keys(patch);
    if (!keys.length) return;
    await this.idle();
    this.stmt(`UPDATE entries SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({ ...patch, id });
  }
  async queryEntries(
    partnerId: number,
    where: Condition[],
    owner: OwnerScope | undefined,
    order: OrderBy,
    limit: number,
    offset: number,
  ): Promise<{ rows: EntryRow[]; total: number }> {
    await this.idle();
    const col = ENTRY_FIELDS[order.field] ?? 'created_at';
    const dir = order.desc ? 'DESC' : 'ASC';
    return this.queryTable<EntryRow>('entries', ENTRY_FIELDS, partnerId, where, owner, `${col} ${dir}, rowid ${dir}`, limit, offset);
  }
  async entriesWithStatus(statuses: number[], withContent = false): Promise<EntryRow[]> {
    await this.idle();
    const list = statuses.map(() => '?').join(',');
    return this.stmt<EntryRow>(`SELECT * FROM entries WHERE status IN (${list})${withContent ? ' AND content_size IS NOT NULL' : ''}`).all(
      ...statuses,
    );
  }
  async finishProcessing(preconvert: number, ready: number, nowMs: number): Promise<void> {
    await this.idle();
    this.stmt('UPDATE entries SET status = ?, updated_at = ? WHERE status = ? AND ready_at <= ?').run(
      ready,
      Math.floor(nowMs / 1000),
      preconvert,
      nowMs,
    );
  }
  async releaseProbing(preconvert: number, nowMs: number): Promise<void> {
    await this.idle();
    this.stmt('UPDATE entries SET ready_at = ? WHERE status = ? AND ready_at IS NULL').run(nowMs, preconvert);
  }
  async entriesWaitingFor(tokenId: string): Promise<EntryRow[]> {
    await this.idle();
    return this.stmt<EntryRow>('SELECT * FROM entries WHERE upload_token_id = ? AND status = 0').all(tokenId);
  }

  // objects of the generic services

  /** Properties already indexed (kind + property), and how many indexes were made. */
  private readonly indexed = new Set<string>();

  async nextNumericId(kind: string): Promise<number> {
    await this.idle();
    const row = this.stmt<{ id: number }>(
      'INSERT INTO sequences (kind, next) VALUES (?, 10002) ON CONFLICT(kind) DO UPDATE SET next = next + 1 RETURNING next - 1 AS id',
    ).get(kind);
    return returned(row, 'the next id').id;
  }

  async getObject(kind: string, id: string): Promise<ObjectRow | undefined> {
    await this.idle();
    return this.stmt<ObjectRow>(`SELECT ${OBJECT_COLUMNS} FROM objects WHERE kind = ? AND id = ?`).get(kind, id);
  }
  /** Objects added since the planner's statistics were last refreshed. */
  private sinceOptimize = 0;

  /** Refreshes the planner's statistics where they are stale (bounded by analysis_limit). */
  private optimize(): void {
    this.sinceOptimize = 0;
    try {
      this.db.pragma('optimize');
    } catch {
      /* busy: next time */
    }
  }

  async insertObject(o: ObjectRow): Promise<void> {
    await this.idle();
    if (++this.sinceOptimize >= 2000) this.optimize();
    this.stmt(
      `INSERT INTO objects (kind, id, partner_id, object_type, user_id, anon_owner, created_at, updated_at, data, content_size, file_name, deleted)
         VALUES (@kind, @id, @partner_id, @object_type, @user_id, @anon_owner, @created_at, @updated_at, jsonb(@data), @content_size, @file_name, @deleted)`,
    ).run({ ...o, seq: undefined, deleted: o.deleted ?? 0 });
  }
  async updateObject(kind: string, id: string, patch: ObjectPatch): Promise<void> {
    const keys = Object.keys(patch).filter((k) =>
      ['object_type', 'user_id', 'anon_owner', 'updated_at', 'data', 'content_size', 'file_name', 'deleted'].includes(k),
    );
    if (!keys.length) return;
    await this.idle();
    this.stmt(
      `UPDATE objects SET ${keys.map((k) => (k === 'data' ? 'data = jsonb(@data)' : `${k} = @${k}`)).join(', ')} WHERE kind = @kind AND id = @id`,
    ).run({ ...patch, kind, id });
  }
  async removeObject(kind: string, id: string): Promise<void> {
    await this.idle();
    this.stmt('DELETE FROM objects WHERE kind = ? AND id = ?').run(kind, id);
  }

  /** The SQL expression of a field of an object: a column for the row's own fields, else its JSON property. */
  private objectColumn(kind: string, field: string, forFilter: boolean): FieldSql | undefined {
    if (field === 'objectType') return { cmp: 'object_type', text: 'object_type' };
    if (!PROP_NAME.test(field)) return undefined;
    const e = `json_extract(data, '$.${field}')`;
    if (forFilter) this.indexProperty(kind, field, e);
    return { cmp: e, text: e };
  }

  /** An index on (kind, partner, property) the first time a filter uses the property (at most 200). */
  private indexProperty(kind: string, field: string, e: string): void {
    const key = `${kind}.${field}`;
    if (this.indexed.has(key) || this.indexed.size >= 200 || this.readonly) return;
    this.indexed.add(key);
    if (!/^[A-Za-z0-9_]{1,100}$/.test(kind)) return;
    const name = `objects_${kind}_${field}`.toLowerCase().slice(0, 120);
    try {
      // not a partial index: the queries bind the kind as a parameter, which a partial index's WHERE could not match
      this.db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON objects(kind, partner_id, deleted, ${e})`);
      this.db.exec(`ANALYZE objects`);
    } catch {
      /* a read-only or busy database: the query works without the index */
    }
  }

  private objectWhere(q: ObjectFilter): { sql: string; params: unknown[] } {
    const c = conditionsSql(q.where, (f) => this.objectColumn(q.kind, f, true), SQLITE_DIALECT);
    const o = ownerSql(q.owner);
    const parts = ['kind = ?', 'partner_id = ?', ...(q.live ? ['deleted = 0'] : [])];
    const params: unknown[] = [q.kind, q.partnerId];
    if (q.objectTypes) {
      if (!q.objectTypes.length) parts.push('0');
      else {
        parts.push(`object_type IN (${q.objectTypes.map(() => '?').join(',')})`);
        params.push(...q.objectTypes);
      }
    }
    if (o.sql) parts.push(o.sql);
    params.push(...o.params, ...c.params);
    return { sql: [...parts, ...c.sql].join(' AND '), params };
  }

  async queryObjects(q: ObjectQuery): Promise<ObjectRow[]> {
    await this.idle();
    return this.selectObjects(q);
  }

  async pageObjects(q: ObjectQuery): Promise<{ rows: ObjectRow[]; total: number }> {
    await this.idle();
    return { rows: this.selectObjects(q), total: this.count(q) };
  }

  private selectObjects(q: ObjectQuery): ObjectRow[] {
    const w = this.objectWhere(q);
    const order = q.order
      .map((o) => {
        const e =
          o.field === 'createdAt' ? 'created_at' : o.field === 'updatedAt' ? 'updated_at' : this.objectColumn(q.kind, o.field, true)?.cmp;
        return e ? `${e} ${o.desc ? 'DESC' : 'ASC'}` : undefined;
      })
      .filter(Boolean);
    const last = q.order[0]?.desc ? 'seq DESC' : 'seq ASC';
    // the page's rows by their seq first (the sort carries no object data), then those rows
    const by = [...order, last].join(', ');
    return this.stmt<ObjectRow>(
      `SELECT ${OBJECT_COLUMNS} FROM objects WHERE seq IN (SELECT seq FROM objects WHERE ${w.sql} ORDER BY ${by} LIMIT ? OFFSET ?) ORDER BY ${by}`,
    ).all(...w.params, q.limit, q.offset);
  }

  private count(q: ObjectFilter): number {
    const w = this.objectWhere(q);
    return this.stmt<{ n: number }>(`SELECT COUNT(*) AS n FROM objects WHERE ${w.sql}`).get(...w.params)?.n ?? 0;
  }

  async countObjects(q: ObjectFilter): Promise<number> {
    await this.idle();
    return this.count(q);
  }

  async objectsWithContent(): Promise<ObjectRow[]> {
    await this.idle();
    return this.stmt<ObjectRow>(`SELECT ${OBJECT_COLUMNS} FROM objects WHERE content_size IS NOT NULL`).all();
  }

  // public mode

  async visitorPartner(visitorHash: string): Promise<PartnerRow | undefined> {
    await this.idle();
    return this.stmt<PartnerRow>('SELECT p.* FROM visitors v JOIN partners p ON p.id = v.partner_id WHERE v.hash = ?').get(visitorHash);
  }
  async createVisitorPartner(visitorHash: string, p: PartnerRow): Promise<PartnerRow> {
    return this.tx(async () => {
      const existing = await this.visitorPartner(visitorHash);
      if (existing) return existing;
      this.stmt('DELETE FROM visitors WHERE hash = ?').run(visitorHash);
      this.stmt(
        'INSERT INTO partners (id, admin_secret, secret, name, created_at, visitor, last_used_at) VALUES (@id, @admin_secret, @secret, @name, @created_at, 1, @created_at)',
      ).run(p);
      this.stmt('INSERT INTO visitors (hash, partner_id, created_at) VALUES (?, ?, ?)').run(visitorHash, p.id, p.created_at);
      return { ...p, visitor: 1, last_used_at: p.created_at };
    });
  }
  async visitorPartnerCount(): Promise<number> {
    await this.idle();
    return this.stmt<{ n: number }>('SELECT COUNT(*) AS n FROM partners WHERE visitor = 1').get()?.n ?? 0;
  }
  async countRequest(partnerId: number, minute: number): Promise<number> {
    await this.idle();
    const row = this.stmt<{ n: number }>(
      'INSERT INTO request_counts (partner_id, minute, n) VALUES (?, ?, 1) ON CONFLICT(partner_id, minute) DO UPDATE SET n = n + 1 RETURNING n',
    ).get(partnerId, minute);
    const { n } = returned(row, 'the request count');
    if (n === 1) {
      this.stmt('UPDATE partners SET last_used_at = ? WHERE id = ?').run(minute * 60, partnerId);
      this.stmt('DELETE FROM request_counts WHERE partner_id = ? AND minute < ?').run(partnerId, minute - 1);
    }
    return n;
  }
  async usage(partnerId: number): Promise<PartnerUsage> {
    await this.idle();
    const r = this.stmt<PartnerUsage>(
      `SELECT
        (SELECT COALESCE(SUM(content_size), 0) FROM entries WHERE partner_id = ? AND status != 3) +
        (SELECT COALESCE(SUM(content_size), 0) FROM objects WHERE partner_id = ? AND deleted = 0) +
        (SELECT COALESCE(SUM(uploaded_file_size), 0) FROM upload_tokens WHERE partner_id = ? AND status < 3) AS bytes,
        (SELECT COUNT(*) FROM entries WHERE partner_id = ? AND status != 3) +
        (SELECT COUNT(*) FROM objects WHERE partner_id = ? AND deleted = 0) +
        (SELECT COUNT(*) FROM upload_tokens WHERE partner_id = ? AND status < 3) AS objects`,
    ).get(partnerId, partnerId, partnerId, partnerId, partnerId, partnerId);
    return { bytes: Number(r?.bytes ?? 0), objects: Number(r?.objects ?? 0) };
  }
  async idlePartners(beforeSec: number): Promise<number[]> {
    await this.idle();
    return this.stmt<{ id: number }>('SELECT id FROM partners WHERE visitor = 1 AND COALESCE(last_used_at, created_at) < ?')
      .all(beforeSec)
      .map((r) => r.id);
  }
  async removePartner(partnerId: number, nowSec: number): Promise<RemovedPartner> {
    return this.tx(async () => {
      const entries = this.stmt<{ id: string }>('SELECT id FROM entries WHERE partner_id = ?')
        .all(partnerId)
        .map((r) => r.id);
      const tokens = this.stmt<{ id: string }>('SELECT id FROM upload_tokens WHERE partner_id = ?')
        .all(partnerId)
        .map((r) => r.id);
      const objects = this.stmt<{ kind: string; id: string }>(
        'SELECT kind, id FROM objects WHERE partner_id = ? AND content_size IS NOT NULL',
      ).all(partnerId);
      for (const t of ['entries', 'upload_tokens', 'objects', 'visitors', 'request_counts'])
        this.stmt(`DELETE FROM ${t} WHERE partner_id = ?`).run(partnerId);
      this.stmt('DELETE FROM partners WHERE id = ?').run(partnerId);
      this.stmt('INSERT OR REPLACE INTO expired_partners (id, expired_at) VALUES (?, ?)').run(partnerId, nowSec);
      return { entries, tokens, objects };
    });
  }
  async isExpiredPartner(partnerId: number): Promise<boolean> {
    await this.idle();
    return this.stmt('SELECT 1 FROM expired_partners WHERE id = ?').get(partnerId) !== undefined;
  }

  async close(): Promise<void> {
    this.db.close();
  }

  async ping(): Promise<void> {
    await this.idle();
    this.stmt('SELECT 1').get();
  }
}

/**
 * The sandbox partner kept in a data folder, read without creating or changing anything: for
 * `npm run sandbox:credentials`. Undefined when the folder holds no sandbox.
 */
export async function readPartner(dataDir: string, id?: number): Promise<PartnerRow | undefined> {
  if (!existsSync(join(dataDir, 'sandbox.sqlite'))) return undefined;
  const store = new SqliteStore(dataDir, { readonly: true });
  try {
    if (id !== undefined) return store.stmt<PartnerRow>('SELECT * FROM partners WHERE id = ?').get(id);
    const hasVisitor = store
      .stmt<{ name: string }>('PRAGMA table_info(partners)')
      .all()
      .some((c) => c.name === 'visitor');
    return store.stmt<PartnerRow>(`SELECT * FROM partners ${hasVisitor ? 'WHERE visitor = 0' : ''} ORDER BY created_at, id LIMIT 1`).get();
  } finally {
    await store.close();
  }
}
