/**
 * Persistent state of the sandbox: SQLite (WAL) for partners, ended sessions, upload tokens,
 * entries and the objects of every other class (the generic services); the bytes live in files
 * next to it. Everything here is synchronous and small; nothing holds file data in memory.
 *
 * All SQL of the sandbox is here: services ask with plain data (Condition lists, OwnerScope,
 * orders), so another store (PostgreSQL) can answer the same questions. Objects of the generic
 * services are one table, `objects`: partner, kind (the storage family of a class, e.g.
 * KalturaAsset for captions and thumbnails), id, concrete class, owner, times, and the object's
 * properties as JSON (`data`). Filters read properties from the JSON; the first filter on a
 * property makes an index on that expression (PostgreSQL: an expression index on `data->>'p'`).
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
CREATE TABLE IF NOT EXISTS objects (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, id TEXT NOT NULL, partner_id INTEGER NOT NULL,
  object_type TEXT NOT NULL, user_id TEXT NOT NULL DEFAULT '', anon_owner INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, data TEXT NOT NULL DEFAULT '{}',
  content_size INTEGER, file_name TEXT, deleted INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX IF NOT EXISTS objects_id ON objects(kind, id);
CREATE INDEX IF NOT EXISTS objects_partner_live ON objects(kind, partner_id, deleted, seq);
CREATE TABLE IF NOT EXISTS sequences (kind TEXT PRIMARY KEY, next INTEGER NOT NULL);
`;

/** A stored object of a generic service (see the file comment). */
export interface ObjectRow {
  seq?: number;
  kind: string;
  /** Text, also for classes whose ids are numbers. */
  id: string;
  partner_id: number;
  object_type: string;
  user_id: string;
  /** 1 when made by a USER session without a user ID (see services/access.ts). */
  anon_owner: number;
  created_at: number;
  updated_at: number;
  /** The object's properties as JSON. */
  data: string;
  /** Bytes of the content attached to the object (assets), and its file name. */
  content_size: number | null;
  file_name: string | null;
  /** 1 when the object is deleted but kept (its class's DELETED status): lists leave it out fast. */
  deleted?: number;
}

/** Which rows a session may see: all (ADMIN), those of a user, or those of USER sessions without one. */
export type OwnerScope = { userId: string } | { anonymous: true };

export type ConditionOp =
  | 'eq' | 'ne' | 'in' | 'notIn' | 'gt' | 'gte' | 'lt' | 'lte' | 'gteOrNull' | 'lteOrNull'
  | 'like' | 'startsWith' | 'endsWith' | 'multiLikeOr' | 'multiLikeAnd' | 'matchOr' | 'matchAnd' | 'notContains'
  | 'isNull' | 'notNull';

/** One test on a field; `fields` (more than one) means any of them (`firstNameOrLastNameStartsWith`). */
export interface Condition {
  field: string;
  op: ConditionOp;
  value?: unknown;
  fields?: string[];
}

export interface OrderBy {
  field: string;
  desc: boolean;
}

export interface ObjectQuery {
  kind: string;
  partnerId: number;
  /** Only these concrete classes (a service's family within the kind). */
  objectTypes?: string[];
  where: Condition[];
  owner?: OwnerScope;
  /** Only objects not marked deleted. */
  live?: boolean;
  order: OrderBy[];
  limit: number;
  offset: number;
}

/** Columns of the entries and upload_tokens tables by the API's field names. */
const ENTRY_FIELDS: Record<string, string> = {
  id: 'id', name: 'name', userId: 'user_id', creatorId: 'creator_id', tags: 'tags', referenceId: 'reference_id',
  status: 'status', mediaType: 'media_type', createdAt: 'created_at', updatedAt: 'updated_at',
};
const TOKEN_FIELDS: Record<string, string> = {
  id: 'id', status: 'status', fileName: 'file_name', fileSize: 'file_size', userId: 'user_id', createdAt: 'created_at',
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);
/** `a, b,c` -> ['a', 'b', 'c'] (at most 500 items). */
export function listItems(v: unknown): string[] {
  return String(v ?? '').split(',').map((x) => x.trim()).filter(Boolean).slice(0, 500);
}

/**
 * SQL for conditions on one table: `col(field)` names the SQL expression of a field (undefined:
 * a field the table does not have, which matches nothing). Values are bound, never inlined.
 */
function conditionsSql(conds: Condition[], col: (field: string) => string | undefined): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  for (const c of conds) {
    const fields = c.fields?.length ? c.fields : [c.field];
    const parts: string[] = [];
    for (const f of fields) {
      const e = col(f);
      if (e === undefined) continue;
      const one = conditionSql(e, c, params);
      if (one) parts.push(one);
    }
    if (!parts.length) {
      sql.push('0');
      continue;
    }
    sql.push(parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`);
  }
  return { sql, params };
}

function conditionSql(e: string, c: Condition, params: unknown[]): string | undefined {
  const v = c.value;
  const like = (pattern: string) => {
    params.push(pattern);
    return `${e} LIKE ? ESCAPE '\\'`;
  };
  switch (c.op) {
    case 'eq':
      params.push(v);
      return `${e} = ?`;
    case 'ne':
      params.push(v);
      return `(${e} IS NULL OR ${e} != ?)`;
    case 'in':
    case 'notIn': {
      const items = Array.isArray(v) ? v.slice(0, 500) : listItems(v);
      if (!items.length) return c.op === 'in' ? '0' : '1';
      params.push(...items);
      const list = `(${items.map(() => '?').join(',')})`;
      return c.op === 'in' ? `${e} IN ${list}` : `(${e} IS NULL OR ${e} NOT IN ${list})`;
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      params.push(v);
      return `${e} ${{ gt: '>', gte: '>=', lt: '<', lte: '<=' }[c.op]} ?`;
    case 'gteOrNull':
    case 'lteOrNull':
      params.push(v);
      return `(${e} IS NULL OR ${e} ${c.op === 'gteOrNull' ? '>=' : '<='} ?)`;
    case 'like':
      return like(`%${escapeLike(String(v))}%`);
    case 'startsWith':
      return like(`${escapeLike(String(v))}%`);
    case 'endsWith':
      return like(`%${escapeLike(String(v))}`);
    case 'multiLikeOr':
    case 'multiLikeAnd': {
      const items = listItems(v);
      if (!items.length) return undefined;
      const parts = items.map((x) => like(`%${escapeLike(x)}%`));
      return `(${parts.join(c.op === 'multiLikeOr' ? ' OR ' : ' AND ')})`;
    }
    case 'matchOr':
    case 'matchAnd':
    case 'notContains': {
      // a comma separated list field (tags, categoriesIds): whole items, not substrings
      const items = listItems(v);
      if (!items.length) return undefined;
      const parts = items.map((x) => {
        params.push(`%,${escapeLike(x)},%`);
        return `(',' || REPLACE(CAST(${e} AS TEXT), ' ', '') || ',') LIKE ? ESCAPE '\\'`;
      });
      if (c.op === 'notContains') return `(${e} IS NULL OR NOT (${parts.join(' OR ')}))`;
      return `(${parts.join(c.op === 'matchOr' ? ' OR ' : ' AND ')})`;
    }
    case 'isNull':
      return `${e} IS NULL`;
    case 'notNull':
      return `${e} IS NOT NULL`;
  }
}

function ownerSql(owner: OwnerScope | undefined): { sql?: string; params: unknown[] } {
  if (!owner) return { params: [] };
  if ('anonymous' in owner) return { sql: "user_id = '' AND anon_owner = 1", params: [] };
  return { sql: 'user_id = ?', params: [owner.userId] };
}

/**
 * The columns of an object as services see them. `data` is kept as JSONB (SQLite's binary JSON:
 * filters read properties without parsing text) and read back as JSON text.
 */
const OBJECT_COLUMNS = 'seq, kind, id, partner_id, object_type, user_id, anon_owner, created_at, updated_at, json(data) AS data, content_size, file_name, deleted';

/** A property name that may appear in SQL (as a JSON path): letters, digits, `_`. */
const PROP_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

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

  private readonly readonly: boolean;

  /** `readonly`: opens an existing sandbox without creating or changing anything (throws if there is none). */
  constructor(dataDir: string, opts: { readonly?: boolean } = {}) {
    const file = join(dataDir, 'sandbox.sqlite');
    this.readonly = opts.readonly === true;
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
    // statistics for the query planner (which property index to use), each ANALYZE bounded
    this.db.pragma('analysis_limit = 20000');
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
  /** Tokens of a partner matching `where` (fields of TOKEN_FIELDS), newest first unless `ascending`. */
  queryTokens(partnerId: number, where: Condition[], owner: OwnerScope | undefined, ascending: boolean, limit: number, offset: number): { rows: TokenRow[]; total: number } {
    return this.queryTable<TokenRow>('upload_tokens', TOKEN_FIELDS, partnerId, where, owner, ascending ? 'created_at ASC, rowid ASC' : 'created_at DESC, rowid DESC', limit, offset);
  }

  private queryTable<T>(table: string, fields: Record<string, string>, partnerId: number, where: Condition[], owner: OwnerScope | undefined, order: string, limit: number, offset: number): { rows: T[]; total: number } {
    const c = conditionsSql(where, (f) => fields[f]);
    const o = ownerSql(owner);
    const sql = ['partner_id = ?', ...(o.sql ? [o.sql] : []), ...c.sql].join(' AND ');
    const params = [partnerId, ...o.params, ...c.params];
    const rows = this.stmt(`SELECT * FROM ${table} WHERE ${sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, limit, offset) as T[];
    const total = (this.stmt(`SELECT COUNT(*) AS n FROM ${table} WHERE ${sql}`).get(...params) as { n: number }).n;
    return { rows, total };
  }

  /** Tokens in any of `statuses`, optionally only those attached to a kind of object. */
  tokensWithStatus(statuses: number[], attachedType?: string): TokenRow[] {
    const list = statuses.map(() => '?').join(',');
    if (attachedType === undefined) return this.stmt(`SELECT * FROM upload_tokens WHERE status IN (${list})`).all(...statuses) as TokenRow[];
    return this.stmt(`SELECT * FROM upload_tokens WHERE status IN (${list}) AND attached_object_type = ?`).all(...statuses, attachedType) as TokenRow[];
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
  /** Entries of a partner matching `where` (fields of ENTRY_FIELDS), in `order` (fields of ENTRY_FIELDS; then by insertion). */
  queryEntries(partnerId: number, where: Condition[], owner: OwnerScope | undefined, order: OrderBy, limit: number, offset: number): { rows: EntryRow[]; total: number } {
    const col = ENTRY_FIELDS[order.field] ?? 'created_at';
    const dir = order.desc ? 'DESC' : 'ASC';
    return this.queryTable<EntryRow>('entries', ENTRY_FIELDS, partnerId, where, owner, `${col} ${dir}, rowid ${dir}`, limit, offset);
  }
  /** Entries in any of `statuses` (all of them when `withContent`: only those that claim bytes). */
  entriesWithStatus(statuses: number[], withContent = false): EntryRow[] {
    const list = statuses.map(() => '?').join(',');
    return this.stmt(`SELECT * FROM entries WHERE status IN (${list})${withContent ? ' AND content_size IS NOT NULL' : ''}`).all(...statuses) as EntryRow[];
  }
  /** PRECONVERT entries whose processing time is over become READY. */
  finishProcessing(preconvert: number, ready: number, nowMs: number): void {
    this.stmt('UPDATE entries SET status = ?, updated_at = ? WHERE status = ? AND ready_at <= ?').run(ready, Math.floor(nowMs / 1000), preconvert, nowMs);
  }
  /** PRECONVERT entries still waiting for their probe (a stop cut it short) finish processing at `nowMs`. */
  releaseProbing(preconvert: number, nowMs: number): void {
    this.stmt('UPDATE entries SET ready_at = ? WHERE status = ? AND ready_at IS NULL').run(nowMs, preconvert);
  }
  /** Entries waiting in IMPORT for a token. */
  entriesWaitingFor(tokenId: string): EntryRow[] {
    return this.stmt('SELECT * FROM entries WHERE upload_token_id = ? AND status = 0').all(tokenId) as EntryRow[];
  }

  // objects of the generic services

  /** Properties already indexed (kind + property), and how many indexes were made. */
  private readonly indexed = new Set<string>();

  /** The next number of a kind's numeric ids (kept across restarts; ids look like Kaltura's). */
  nextNumericId(kind: string): number {
    return this.tx(() => {
      const row = this.stmt('SELECT next FROM sequences WHERE kind = ?').get(kind) as { next: number } | undefined;
      const next = row?.next ?? 10001;
      this.stmt('INSERT INTO sequences (kind, next) VALUES (?, ?) ON CONFLICT(kind) DO UPDATE SET next = excluded.next').run(kind, next + 1);
      return next;
    });
  }

  getObject(kind: string, id: string): ObjectRow | undefined {
    return this.stmt(`SELECT ${OBJECT_COLUMNS} FROM objects WHERE kind = ? AND id = ?`).get(kind, id) as ObjectRow | undefined;
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

  insertObject(o: ObjectRow): void {
    if (++this.sinceOptimize >= 2000) this.optimize();
    this
      .stmt(
        `INSERT INTO objects (kind, id, partner_id, object_type, user_id, anon_owner, created_at, updated_at, data, content_size, file_name, deleted)
         VALUES (@kind, @id, @partner_id, @object_type, @user_id, @anon_owner, @created_at, @updated_at, jsonb(@data), @content_size, @file_name, @deleted)`,
      )
      .run({ ...o, seq: undefined, deleted: o.deleted ?? 0 });
  }
  updateObject(kind: string, id: string, patch: Partial<Pick<ObjectRow, 'object_type' | 'user_id' | 'anon_owner' | 'updated_at' | 'data' | 'content_size' | 'file_name' | 'deleted'>>): void {
    const keys = Object.keys(patch).filter((k) => ['object_type', 'user_id', 'anon_owner', 'updated_at', 'data', 'content_size', 'file_name', 'deleted'].includes(k));
    if (!keys.length) return;
    this.stmt(`UPDATE objects SET ${keys.map((k) => (k === 'data' ? 'data = jsonb(@data)' : `${k} = @${k}`)).join(', ')} WHERE kind = @kind AND id = @id`).run({ ...patch, kind, id });
  }
  removeObject(kind: string, id: string): void {
    this.stmt('DELETE FROM objects WHERE kind = ? AND id = ?').run(kind, id);
  }

  /** The SQL expression of a field of an object: a column for the row's own fields, else its JSON property. */
  private objectColumn(kind: string, field: string, forFilter: boolean): string | undefined {
    if (field === 'objectType') return 'object_type';
    if (!PROP_NAME.test(field)) return undefined;
    const e = `json_extract(data, '$.${field}')`;
    if (forFilter) this.indexProperty(kind, field, e);
    return e;
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

  private objectWhere(q: Pick<ObjectQuery, 'kind' | 'partnerId' | 'objectTypes' | 'where' | 'owner' | 'live'>): { sql: string; params: unknown[] } {
    const c = conditionsSql(q.where, (f) => this.objectColumn(q.kind, f, true));
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

  queryObjects(q: ObjectQuery): ObjectRow[] {
    return this.selectObjects(q, false).rows;
  }

  /** One page of objects and the number of all that match. */
  pageObjects(q: ObjectQuery): { rows: ObjectRow[]; total: number } {
    return { rows: this.selectObjects(q, false).rows, total: this.countObjects(q) };
  }

  private selectObjects(q: ObjectQuery, withTotal: boolean): { rows: ObjectRow[]; total: number } {
    const w = this.objectWhere(q);
    const order = q.order
      .map((o) => {
        const e = o.field === 'createdAt' ? 'created_at' : o.field === 'updatedAt' ? 'updated_at' : this.objectColumn(q.kind, o.field, true);
        return e ? `${e} ${o.desc ? 'DESC' : 'ASC'}` : undefined;
      })
      .filter(Boolean);
    const last = q.order[0]?.desc ? 'seq DESC' : 'seq ASC';
    // the page's rows by their seq first (the sort carries no object data), then those rows
    const by = [...order, last].join(', ');
    const rows = this.stmt(`SELECT ${OBJECT_COLUMNS}${withTotal ? ', COUNT(*) OVER () AS total_count' : ''} FROM objects WHERE seq IN (SELECT seq FROM objects WHERE ${w.sql} ORDER BY ${by} LIMIT ? OFFSET ?) ORDER BY ${by}`).all(...w.params, q.limit, q.offset) as Array<ObjectRow & { total_count?: number }>;
    const total = rows[0]?.total_count ?? 0;
    for (const r of rows) delete r.total_count;
    return { rows, total };
  }

  countObjects(q: Pick<ObjectQuery, 'kind' | 'partnerId' | 'objectTypes' | 'where' | 'owner' | 'live'>): number {
    const w = this.objectWhere(q);
    return (this.stmt(`SELECT COUNT(*) AS n FROM objects WHERE ${w.sql}`).get(...w.params) as { n: number }).n;
  }

  /** Objects of any partner that hold content (for recovery at start). */
  objectsWithContent(): ObjectRow[] {
    return this.stmt(`SELECT ${OBJECT_COLUMNS} FROM objects WHERE content_size IS NOT NULL`).all() as ObjectRow[];
  }
  /** Whether an object with this kind and id exists (any partner). */
  objectIdExists(kind: string, id: string): boolean {
    return this.stmt('SELECT 1 FROM objects WHERE kind = ? AND id = ?').get(kind, id) !== undefined;
  }
  /** The kind of an object with this id, if any (ids are unique per kind; used by file sweeps). */
  objectById(id: string): ObjectRow | undefined {
    return this.stmt(`SELECT ${OBJECT_COLUMNS} FROM objects WHERE id = ? LIMIT 1`).get(id) as ObjectRow | undefined;
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
