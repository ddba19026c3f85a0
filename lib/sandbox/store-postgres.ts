/**
 * The shared storage of the sandbox: PostgreSQL (SANDBOX_STORAGE=postgres, SANDBOX_DATABASE_URL)
 * for metadata AND bytes (blobs-postgres.ts), so that any number of console instances behind a
 * load balancer share one state. The same tables as the SQLite store (store-sqlite.ts), with the
 * objects' properties as jsonb; conditions are built by store.ts for this dialect, a property read
 * through `sb_v(data->'prop')` (booleans as 1/0 and JSON null as NULL, as SQLite's json_extract
 * gives them), which the first filter on a property indexes.
 *
 * Across instances: `tx` is a transaction on one connection (`getToken(id, { lock: true })` is
 * SELECT ... FOR UPDATE in it); `withLock` is an advisory lock (on a connection of its own pool,
 * so that waiting for a lock never takes the connections the work needs); `signalToken` is
 * NOTIFY, heard by every instance's LISTEN connection. Ended sessions are looked up in the
 * database on every call (a session ended on one instance is refused by all at once).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { join } from 'node:path';
import pg from 'pg';
import { PgBlobs } from './blobs-postgres';
import {
  ENTRY_FIELDS,
  POSTGRES_DIALECT,
  PROP_NAME,
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
  id BIGINT PRIMARY KEY, admin_secret TEXT NOT NULL, secret TEXT NOT NULL, name TEXT NOT NULL, created_at BIGINT NOT NULL,
  visitor INTEGER NOT NULL DEFAULT 0, last_used_at BIGINT
);
CREATE TABLE IF NOT EXISTS ended_sessions (fingerprint TEXT PRIMARY KEY, expiry BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS upload_tokens (
  id TEXT PRIMARY KEY, partner_id BIGINT NOT NULL, user_id TEXT NOT NULL, anon_owner INTEGER NOT NULL DEFAULT 0, status INTEGER NOT NULL,
  file_name TEXT, file_size BIGINT, uploaded_file_size BIGINT NOT NULL DEFAULT 0, auto_finalize INTEGER,
  attached_object_type TEXT, attached_object_id TEXT, pending TEXT NOT NULL DEFAULT '[]', generation INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, seq BIGSERIAL
);
CREATE INDEX IF NOT EXISTS upload_tokens_partner ON upload_tokens(partner_id, created_at);
CREATE TABLE IF NOT EXISTS entries (
  id TEXT PRIMARY KEY, partner_id BIGINT NOT NULL, user_id TEXT NOT NULL, anon_owner INTEGER NOT NULL DEFAULT 0, creator_id TEXT NOT NULL,
  name TEXT NOT NULL, status INTEGER NOT NULL, media_type INTEGER NOT NULL,
  created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, version INTEGER NOT NULL DEFAULT 0,
  reference_id TEXT, tags TEXT, props TEXT NOT NULL DEFAULT '{}', upload_token_id TEXT,
  content_size BIGINT, file_name TEXT, ready_at BIGINT, seq BIGSERIAL
);
CREATE INDEX IF NOT EXISTS entries_partner ON entries(partner_id, created_at);
CREATE INDEX IF NOT EXISTS entries_token ON entries(upload_token_id);
CREATE TABLE IF NOT EXISTS objects (
  seq BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL, id TEXT NOT NULL, partner_id BIGINT NOT NULL,
  object_type TEXT NOT NULL, user_id TEXT NOT NULL DEFAULT '', anon_owner INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, data JSONB NOT NULL DEFAULT '{}',
  content_size BIGINT, file_name TEXT, deleted INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX IF NOT EXISTS objects_id ON objects(kind, id);
CREATE INDEX IF NOT EXISTS objects_partner_live ON objects(kind, partner_id, deleted, seq);
CREATE INDEX IF NOT EXISTS objects_partner ON objects(partner_id);
CREATE TABLE IF NOT EXISTS sequences (kind TEXT PRIMARY KEY, next BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS visitors (hash TEXT PRIMARY KEY, partner_id BIGINT NOT NULL, created_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS request_counts (partner_id BIGINT NOT NULL, minute BIGINT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (partner_id, minute));
CREATE TABLE IF NOT EXISTS expired_partners (id BIGINT PRIMARY KEY, expired_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS blobs (name TEXT PRIMARY KEY, oid OID NOT NULL, mtime BIGINT NOT NULL);
CREATE OR REPLACE FUNCTION sb_v(j jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT CASE jsonb_typeof(j) WHEN 'boolean' THEN to_jsonb((j::boolean)::int) WHEN 'null' THEN NULL ELSE j END $$;
CREATE OR REPLACE FUNCTION sb_blob_create(n text, now bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM blobs WHERE name = n) THEN
    BEGIN
      INSERT INTO blobs (name, oid, mtime) VALUES (n, lo_create(0), now);
    EXCEPTION WHEN unique_violation THEN
      NULL; -- made meanwhile by another instance: its large object stays, this one is rolled back
    END;
  END IF;
END $$;
`;

const OBJECT_COLUMNS =
  'seq, kind, id, partner_id, object_type, user_id, anon_owner, created_at, updated_at, data::text AS data, content_size, file_name, deleted';
const TOKEN_COLUMNS =
  'id, partner_id, user_id, anon_owner, status, file_name, file_size, uploaded_file_size, auto_finalize, attached_object_type, attached_object_id, pending, generation, created_at, updated_at';
const ENTRY_COLUMNS =
  'id, partner_id, user_id, anon_owner, creator_id, name, status, media_type, created_at, updated_at, version, reference_id, tags, props, upload_token_id, content_size, file_name, ready_at';

/** The number columns that conditions of the API's filters reach (entries and upload tokens). */
const NUMBER_COLUMNS = new Set(['status', 'media_type', 'created_at', 'updated_at', 'file_size', 'partner_id']);

/** 64-bit integers and sums as numbers (the sandbox's are far below 2^53). */
const TYPES = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

/** `?` placeholders as `$1, $2, ...` (the SQL of this file and store.ts has no `?` in literals). */
const numbered = new Map<string, string>();
function dollar(sql: string): string {
  let out = numbered.get(sql);
  if (out === undefined) {
    let i = 0;
    out = sql.replace(/\?/g, () => `$${++i}`);
    if (numbered.size > 2000) numbered.clear();
    numbered.set(sql, out);
  }
  return out;
}

/**
 * PostgreSQL text and jsonb cannot hold U+0000, which SQLite stores as given: it is kept as U+FFFD
 * (in JSON text, its escape too), so such a value is stored and looked up the same way.
 */
function bindable(v: unknown): unknown {
  if (typeof v !== 'string' || (!v.includes('\u0000') && !v.includes('\\u0000'))) return v;
  return v.replace(/\u0000/g, '\uFFFD').replace(/\\u0000/g, '\\ufffd');
}

/** The database a connection string names, without its password (for messages). */
function describe(url: string): string {
  try {
    const u = new URL(url);
    return `postgresql://${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return 'postgresql';
  }
}

type Tx = { client: pg.PoolClient; open: boolean };

export class PgStore implements SandboxStore {
  readonly kind = 'postgres' as const;
  readonly blobs: PgBlobs;
  readonly where: string;
  private readonly txContext = new AsyncLocalStorage<Tx>();
  private readonly tokenListeners: Array<(id: string) => void> = [];
  private listener: pg.Client | undefined;
  private closed = false;
  private readonly indexed = new Set<string>();
  /** Ended sessions seen here (an ended session never comes back). */
  private readonly ended = new Set<string>();

  private constructor(
    private readonly pool: pg.Pool,
    private readonly lockPool: pg.Pool,
    private readonly url: string,
    dataDir: string,
  ) {
    this.where = describe(url);
    this.blobs = new PgBlobs(pool, join(dataDir, 'tmp'));
  }

  /** Connects, makes the tables (one instance at a time), and listens for token signals. */
  static async open(url: string, dataDir: string): Promise<PgStore> {
    const pool = new pg.Pool({ connectionString: url, max: 20, types: TYPES, idleTimeoutMillis: 30_000 });
    const lockPool = new pg.Pool({ connectionString: url, max: 50, types: TYPES, idleTimeoutMillis: 30_000 });
    pool.on('error', (e) => console.error('[sandbox] PostgreSQL connection failed:', e.message));
    lockPool.on('error', (e) => console.error('[sandbox] PostgreSQL connection failed:', e.message));
    const store = new PgStore(pool, lockPool, url, dataDir);
    try {
      const c = await pool.connect();
      try {
        await c.query("SELECT pg_advisory_lock(hashtextextended('recipe-console sandbox schema', 0))");
        try {
          await c.query(SCHEMA);
        } finally {
          await c.query("SELECT pg_advisory_unlock(hashtextextended('recipe-console sandbox schema', 0))");
        }
      } finally {
        c.release();
      }
      await store.listen();
    } catch (e) {
      await Promise.all([pool.end(), lockPool.end()]).catch(() => undefined);
      throw new Error(`could not open the sandbox's PostgreSQL database ${store.where}: ${(e as Error).message}`);
    }
    return store;
  }

  private async listen(): Promise<void> {
    const c = new pg.Client({ connectionString: this.url, types: TYPES });
    c.on('notification', (m) => {
      if (m.channel === 'sandbox_tokens' && m.payload) for (const l of this.tokenListeners) l(m.payload);
    });
    c.on('error', (e) => {
      console.error('[sandbox] PostgreSQL LISTEN connection lost, reconnecting:', e.message);
      this.listener = undefined;
      if (!this.closed) setTimeout(() => void this.listen().catch(() => undefined), 1000).unref?.();
    });
    await c.connect();
    await c.query('LISTEN sandbox_tokens');
    this.listener = c;
  }

  /** A query on the transaction's connection inside `tx`, else on the pool. */
  private async q<T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const t = this.txContext.getStore();
    const runner = t?.open ? t.client : this.pool;
    const r = await runner.query<T>(dollar(sql), params.map(bindable));
    return r.rows;
  }
  private async one<T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.q<T>(sql, params))[0];
  }
  private async run(sql: string, params: unknown[] = []): Promise<number> {
    const t = this.txContext.getStore();
    const runner = t?.open ? t.client : this.pool;
    const r = await runner.query(dollar(sql), params.map(bindable));
    return r.rowCount ?? 0;
  }
  private inTx(): boolean {
    return !!this.txContext.getStore()?.open;
  }

  async tx<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inTx()) return fn();
    const client = await this.pool.connect();
    const t: Tx = { client, open: true };
    try {
      await client.query('BEGIN');
      const r = await this.txContext.run(t, fn);
      await client.query('COMMIT');
      return r;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      t.open = false;
      client.release();
    }
  }

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const c = await this.lockPool.connect();
    try {
      await c.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
      try {
        // the work runs outside any transaction the caller had open (it gets its own)
        return await this.txContext.exit(fn);
      } finally {
        await c.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
      }
    } finally {
      c.release();
    }
  }

  signalToken(id: string): void {
    this.pool.query('SELECT pg_notify($1, $2)', ['sandbox_tokens', id]).catch(() => undefined);
  }
  onTokenSignal(listener: (id: string) => void): void {
    this.tokenListeners.push(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.listener?.end().catch(() => undefined);
    await Promise.all([this.pool.end(), this.lockPool.end()]).catch(() => undefined);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  // partners
  async getPartner(id: number): Promise<PartnerRow | undefined> {
    if (!Number.isSafeInteger(id)) return undefined;
    return this.one<PartnerRow>('SELECT * FROM partners WHERE id = ?', [id]);
  }
  async sandboxPartner(id?: number): Promise<PartnerRow | undefined> {
    if (id !== undefined) return this.getPartner(id);
    return this.one<PartnerRow>('SELECT * FROM partners WHERE visitor = 0 ORDER BY created_at, id LIMIT 1');
  }
  async putPartner(p: PartnerRow): Promise<void> {
    await this.run(
      'INSERT INTO partners (id, admin_secret, secret, name, created_at, visitor, last_used_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET admin_secret = excluded.admin_secret, secret = excluded.secret',
      [p.id, p.admin_secret, p.secret, p.name, p.created_at, p.visitor ?? 0, p.last_used_at ?? null],
    );
  }

  // sessions
  async endSession(fingerprint: string, expiry: number): Promise<void> {
    await this.run(
      'INSERT INTO ended_sessions (fingerprint, expiry) VALUES (?, ?) ON CONFLICT (fingerprint) DO UPDATE SET expiry = excluded.expiry',
      [fingerprint, expiry],
    );
    await this.run('DELETE FROM ended_sessions WHERE expiry < ?', [Math.floor(Date.now() / 1000) - 60]);
    this.ended.add(fingerprint);
  }
  async isSessionEnded(fingerprint: string): Promise<boolean> {
    if (this.ended.has(fingerprint)) return true;
    const ended = (await this.one('SELECT 1 AS x FROM ended_sessions WHERE fingerprint = ?', [fingerprint])) !== undefined;
    if (ended) this.ended.add(fingerprint);
    return ended;
  }

  // tokens
  async getToken(id: string, opts: { lock?: boolean } = {}): Promise<TokenRow | undefined> {
    return this.one<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM upload_tokens WHERE id = ?${opts.lock && this.inTx() ? ' FOR UPDATE' : ''}`, [
      id,
    ]);
  }
  async insertToken(t: TokenRow): Promise<void> {
    await this.run(`INSERT INTO upload_tokens (${TOKEN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      t.id,
      t.partner_id,
      t.user_id,
      t.anon_owner,
      t.status,
      t.file_name,
      t.file_size,
      t.uploaded_file_size,
      t.auto_finalize,
      t.attached_object_type,
      t.attached_object_id,
      t.pending,
      t.generation ?? 0,
      t.created_at,
      t.updated_at,
    ]);
  }
  private static setClause(patch: Record<string, unknown>, allowed: string[]): { sql: string; params: unknown[] } {
    const keys = Object.keys(patch).filter((k) => allowed.includes(k));
    return { sql: keys.map((k) => `${k} = ?`).join(', '), params: keys.map((k) => patch[k]) };
  }
  async updateToken(id: string, patch: Partial<Omit<TokenRow, 'id'>>): Promise<void> {
    const s = PgStore.setClause(patch, TOKEN_COLUMNS.split(', '));
    if (!s.sql) return;
    await this.run(`UPDATE upload_tokens SET ${s.sql} WHERE id = ?`, [...s.params, id]);
  }
  async transitionToken(id: string, from: number[], patch: Partial<Omit<TokenRow, 'id'>>): Promise<boolean> {
    const s = PgStore.setClause(patch, TOKEN_COLUMNS.split(', '));
    return (
      (await this.run(`UPDATE upload_tokens SET ${s.sql} WHERE id = ? AND status IN (${from.map(Number).join(',')})`, [...s.params, id])) >
      0
    );
  }
  async queryTokens(
    partnerId: number,
    where: Condition[],
    owner: OwnerScope | undefined,
    ascending: boolean,
    limit: number,
    offset: number,
  ): Promise<{ rows: TokenRow[]; total: number }> {
    return this.queryTable<TokenRow>(
      'upload_tokens',
      TOKEN_COLUMNS,
      TOKEN_FIELDS,
      partnerId,
      where,
      owner,
      ascending ? 'created_at ASC, seq ASC' : 'created_at DESC, seq DESC',
      limit,
      offset,
    );
  }

  private async queryTable<T extends pg.QueryResultRow>(
    table: string,
    columns: string,
    fields: Record<string, string>,
    partnerId: number,
    where: Condition[],
    owner: OwnerScope | undefined,
    order: string,
    limit: number,
    offset: number,
  ): Promise<{ rows: T[]; total: number }> {
    const c = conditionsSql(
      where,
      (f) => (fields[f] ? { cmp: fields[f]!, text: `CAST(${fields[f]} AS TEXT)`, numeric: NUMBER_COLUMNS.has(fields[f]!) } : undefined),
      POSTGRES_DIALECT,
    );
    const o = ownerSql(owner);
    const sql = ['partner_id = ?', ...(o.sql ? [o.sql] : []), ...c.sql].join(' AND ');
    const params = [partnerId, ...o.params, ...c.params];
    const [rows, total] = await Promise.all([
      this.q<T>(`SELECT ${columns} FROM ${table} WHERE ${sql} ORDER BY ${order} LIMIT ? OFFSET ?`, [...params, limit, offset]),
      this.one<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${sql}`, params),
    ]);
    return { rows, total: total?.n ?? 0 };
  }

  async tokensWithStatus(statuses: number[], attachedType?: string): Promise<TokenRow[]> {
    const list = statuses.map(() => '?').join(',');
    if (attachedType === undefined)
      return this.q<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM upload_tokens WHERE status IN (${list})`, statuses);
    return this.q<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM upload_tokens WHERE status IN (${list}) AND attached_object_type = ?`, [
      ...statuses,
      attachedType,
    ]);
  }

  // entries
  async getEntry(id: string, opts: { lock?: boolean } = {}): Promise<EntryRow | undefined> {
    return this.one<EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM entries WHERE id = ?${opts.lock && this.inTx() ? ' FOR UPDATE' : ''}`, [id]);
  }
  async insertEntry(e: EntryRow): Promise<void> {
    await this.run(`INSERT INTO entries (${ENTRY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      e.id,
      e.partner_id,
      e.user_id,
      e.anon_owner,
      e.creator_id,
      e.name,
      e.status,
      e.media_type,
      e.created_at,
      e.updated_at,
      e.version,
      e.reference_id,
      e.tags,
      e.props,
      e.upload_token_id,
      e.content_size,
      e.file_name,
      e.ready_at,
    ]);
  }
  async updateEntry(id: string, patch: Partial<Omit<EntryRow, 'id'>>): Promise<void> {
    const s = PgStore.setClause(patch, ENTRY_COLUMNS.split(', '));
    if (!s.sql) return;
    await this.run(`UPDATE entries SET ${s.sql} WHERE id = ?`, [...s.params, id]);
  }
  async queryEntries(
    partnerId: number,
    where: Condition[],
    owner: OwnerScope | undefined,
    order: OrderBy,
    limit: number,
    offset: number,
  ): Promise<{ rows: EntryRow[]; total: number }> {
    const col = ENTRY_FIELDS[order.field] ?? 'created_at';
    const dir = order.desc ? 'DESC' : 'ASC';
    return this.queryTable<EntryRow>(
      'entries',
      ENTRY_COLUMNS,
      ENTRY_FIELDS,
      partnerId,
      where,
      owner,
      `${col} ${dir}, seq ${dir}`,
      limit,
      offset,
    );
  }
  async entriesWithStatus(statuses: number[], withContent = false): Promise<EntryRow[]> {
    const list = statuses.map(() => '?').join(',');
    return this.q<EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM entries WHERE status IN (${list})${withContent ? ' AND content_size IS NOT NULL' : ''}`,
      statuses,
    );
  }
  async finishProcessing(preconvert: number, ready: number, nowMs: number): Promise<void> {
    await this.run('UPDATE entries SET status = ?, updated_at = ? WHERE status = ? AND ready_at <= ?', [
      ready,
      Math.floor(nowMs / 1000),
      preconvert,
      nowMs,
    ]);
  }
  async releaseProbing(preconvert: number, nowMs: number): Promise<void> {
    await this.run('UPDATE entries SET ready_at = ? WHERE status = ? AND ready_at IS NULL', [nowMs, preconvert]);
  }
  async entriesWaitingFor(tokenId: string): Promise<EntryRow[]> {
    return this.q<EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM entries WHERE upload_token_id = ? AND status = 0`, [tokenId]);
  }

  // objects of the generic services
  async nextNumericId(kind: string): Promise<number> {
    const r = await this.one<{ id: number }>(
      'INSERT INTO sequences (kind, next) VALUES (?, 10002) ON CONFLICT (kind) DO UPDATE SET next = sequences.next + 1 RETURNING next - 1 AS id',
      [kind],
    );
    if (!r) throw new Error("The sandbox's PostgreSQL database returned no row for the next id.");
    return r.id;
  }
  async getObject(kind: string, id: string): Promise<ObjectRow | undefined> {
    return this.one<ObjectRow>(`SELECT ${OBJECT_COLUMNS} FROM objects WHERE kind = ? AND id = ?`, [kind, id]);
  }
  async insertObject(o: ObjectRow): Promise<void> {
    await this.run(
      'INSERT INTO objects (kind, id, partner_id, object_type, user_id, anon_owner, created_at, updated_at, data, content_size, file_name, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)',
      [
        o.kind,
        o.id,
        o.partner_id,
        o.object_type,
        o.user_id,
        o.anon_owner,
        o.created_at,
        o.updated_at,
        o.data,
        o.content_size,
        o.file_name,
        o.deleted ?? 0,
      ],
    );
  }
  async updateObject(kind: string, id: string, patch: ObjectPatch): Promise<void> {
    const keys = Object.keys(patch).filter((k) =>
      ['object_type', 'user_id', 'anon_owner', 'updated_at', 'data', 'content_size', 'file_name', 'deleted'].includes(k),
    ) as Array<keyof ObjectPatch>;
    if (!keys.length) return;
    await this.run(
      `UPDATE objects SET ${keys.map((k) => (k === 'data' ? 'data = ?::jsonb' : `${k} = ?`)).join(', ')} WHERE kind = ? AND id = ?`,
      [...keys.map((k) => patch[k]), kind, id],
    );
  }
  async removeObject(kind: string, id: string): Promise<void> {
    await this.run('DELETE FROM objects WHERE kind = ? AND id = ?', [kind, id]);
  }

  private objectColumn(kind: string, field: string, forFilter: boolean): FieldSql | undefined {
    if (field === 'objectType') return { cmp: 'object_type', text: 'object_type' };
    if (!PROP_NAME.test(field)) return undefined;
    const e = `sb_v(data->'${field}')`;
    if (forFilter) this.indexProperty(kind, field, e);
    return { cmp: e, text: `(data->>'${field}')`, json: true };
  }

  /** An index on (kind, partner, property) the first time a filter uses the property (made in the background). */
  private indexProperty(kind: string, field: string, e: string): void {
    const key = `${kind}.${field}`;
    if (this.indexed.has(key) || this.indexed.size >= 200) return;
    this.indexed.add(key);
    if (!/^[A-Za-z0-9_]{1,100}$/.test(kind)) return;
    const name = `objects_${kind}_${field}`.toLowerCase().slice(0, 60);
    // another instance may make the same index at the same time: that one wins, this one's error is dropped
    this.pool.query(`CREATE INDEX IF NOT EXISTS ${name} ON objects (kind, partner_id, deleted, (${e}))`).catch(() => undefined);
  }

  private objectWhere(q: ObjectFilter): { sql: string; params: unknown[] } {
    const c = conditionsSql(q.where, (f) => this.objectColumn(q.kind, f, true), POSTGRES_DIALECT);
    const o = ownerSql(q.owner);
    const parts = ['kind = ?', 'partner_id = ?', ...(q.live ? ['deleted = 0'] : [])];
    const params: unknown[] = [q.kind, q.partnerId];
    if (q.objectTypes) {
      if (!q.objectTypes.length) parts.push('FALSE');
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
    const w = this.objectWhere(q);
    const order = q.order
      .map((o) => {
        const e =
          o.field === 'createdAt' ? 'created_at' : o.field === 'updatedAt' ? 'updated_at' : this.objectColumn(q.kind, o.field, true)?.cmp;
        // NULLs first ascending, last descending, as SQLite orders them
        return e ? `${e} ${o.desc ? 'DESC NULLS LAST' : 'ASC NULLS FIRST'}` : undefined;
      })
      .filter(Boolean);
    const last = q.order[0]?.desc ? 'seq DESC' : 'seq ASC';
    const by = [...order, last].join(', ');
    return this.q<ObjectRow>(`SELECT ${OBJECT_COLUMNS} FROM objects WHERE ${w.sql} ORDER BY ${by} LIMIT ? OFFSET ?`, [
      ...w.params,
      q.limit,
      q.offset,
    ]);
  }

  async pageObjects(q: ObjectQuery): Promise<{ rows: ObjectRow[]; total: number }> {
    const [rows, total] = await Promise.all([this.queryObjects(q), this.countObjects(q)]);
    return { rows, total };
  }

  async countObjects(q: ObjectFilter): Promise<number> {
    const w = this.objectWhere(q);
    return (await this.one<{ n: number }>(`SELECT COUNT(*) AS n FROM objects WHERE ${w.sql}`, w.params))?.n ?? 0;
  }

  async objectsWithContent(): Promise<ObjectRow[]> {
    return this.q<ObjectRow>(`SELECT ${OBJECT_COLUMNS} FROM objects WHERE content_size IS NOT NULL`);
  }

  // public mode
  async visitorPartner(visitorHash: string): Promise<PartnerRow | undefined> {
    return this.one<PartnerRow>('SELECT p.* FROM visitors v JOIN partners p ON p.id = v.partner_id WHERE v.hash = ?', [visitorHash]);
  }
  async createVisitorPartner(visitorHash: string, p: PartnerRow): Promise<PartnerRow> {
    return this.tx(async () => {
      await this.q("SELECT pg_advisory_xact_lock(hashtextextended('visitor:' || ?, 0))", [visitorHash]);
      const existing = await this.visitorPartner(visitorHash);
      if (existing) return existing;
      await this.run('DELETE FROM visitors WHERE hash = ?', [visitorHash]);
      await this.run(
        'INSERT INTO partners (id, admin_secret, secret, name, created_at, visitor, last_used_at) VALUES (?, ?, ?, ?, ?, 1, ?)',
        [p.id, p.admin_secret, p.secret, p.name, p.created_at, p.created_at],
      );
      await this.run('INSERT INTO visitors (hash, partner_id, created_at) VALUES (?, ?, ?)', [visitorHash, p.id, p.created_at]);
      return { ...p, visitor: 1, last_used_at: p.created_at };
    });
  }
  async visitorPartnerCount(): Promise<number> {
    return (await this.one<{ n: number }>('SELECT COUNT(*) AS n FROM partners WHERE visitor = 1'))?.n ?? 0;
  }
  async countRequest(partnerId: number, minute: number): Promise<number> {
    const r = await this.one<{ n: number }>(
      'INSERT INTO request_counts (partner_id, minute, n) VALUES (?, ?, 1) ON CONFLICT (partner_id, minute) DO UPDATE SET n = request_counts.n + 1 RETURNING n',
      [partnerId, minute],
    );
    const n = r?.n ?? 1;
    if (n === 1) {
      await this.run('UPDATE partners SET last_used_at = ? WHERE id = ?', [minute * 60, partnerId]);
      await this.run('DELETE FROM request_counts WHERE partner_id = ? AND minute < ?', [partnerId, minute - 1]);
    }
    return n;
  }
  async usage(partnerId: number): Promise<PartnerUsage> {
    const r = await this.one<PartnerUsage>(
      `SELECT
        (SELECT COALESCE(SUM(content_size), 0) FROM entries WHERE partner_id = ? AND status != 3) +
        (SELECT COALESCE(SUM(content_size), 0) FROM objects WHERE partner_id = ? AND deleted = 0) +
        (SELECT COALESCE(SUM(uploaded_file_size), 0) FROM upload_tokens WHERE partner_id = ? AND status < 3) AS bytes,
        (SELECT COUNT(*) FROM entries WHERE partner_id = ? AND status != 3) +
        (SELECT COUNT(*) FROM objects WHERE partner_id = ? AND deleted = 0) +
        (SELECT COUNT(*) FROM upload_tokens WHERE partner_id = ? AND status < 3) AS objects`,
      [partnerId, partnerId, partnerId, partnerId, partnerId, partnerId],
    );
    return { bytes: Number(r?.bytes ?? 0), objects: Number(r?.objects ?? 0) };
  }
  async idlePartners(beforeSec: number): Promise<number[]> {
    return (
      await this.q<{ id: number }>('SELECT id FROM partners WHERE visitor = 1 AND COALESCE(last_used_at, created_at) < ?', [beforeSec])
    ).map((r) => r.id);
  }
  async removePartner(partnerId: number, nowSec: number): Promise<RemovedPartner> {
    return this.tx(async () => {
      const entries = (await this.q<{ id: string }>('DELETE FROM entries WHERE partner_id = ? RETURNING id', [partnerId])).map((r) => r.id);
      const tokens = (await this.q<{ id: string }>('DELETE FROM upload_tokens WHERE partner_id = ? RETURNING id', [partnerId])).map(
        (r) => r.id,
      );
      const objects = (
        await this.q<{ kind: string; id: string; content_size: number | null }>(
          'DELETE FROM objects WHERE partner_id = ? RETURNING kind, id, content_size',
          [partnerId],
        )
      ).filter((r) => r.content_size !== null);
      await this.run('DELETE FROM visitors WHERE partner_id = ?', [partnerId]);
      await this.run('DELETE FROM request_counts WHERE partner_id = ?', [partnerId]);
      await this.run('DELETE FROM partners WHERE id = ?', [partnerId]);
      await this.run(
        'INSERT INTO expired_partners (id, expired_at) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET expired_at = excluded.expired_at',
        [partnerId, nowSec],
      );
      return { entries, tokens, objects: objects.map((o) => ({ kind: o.kind, id: o.id })) };
    });
  }
  async isExpiredPartner(partnerId: number): Promise<boolean> {
    return (await this.one('SELECT 1 AS x FROM expired_partners WHERE id = ?', [partnerId])) !== undefined;
  }
}
