/**
 * The sandbox's storage, as ONE interface (`SandboxStore`) with two implementations:
 *
 * - SQLite + local files (store-sqlite.ts, blobs.ts): the embedded default, one process;
 * - PostgreSQL (store-postgres.ts, blobs-postgres.ts): metadata AND bytes (large objects), so
 *   any number of console instances behind a load balancer share one state.
 *
 * Services ask with plain data (Condition lists, OwnerScope, orders), never SQL: the SQL of each
 * implementation lives in its own file, the conditions' SQL is built here for both dialects.
 * Everything is asynchronous; `tx` runs a function in one transaction (calls on the store from
 * inside it, in its async context, are part of it).
 */
import type { Readable } from 'node:stream';

export interface PartnerRow {
  id: number;
  admin_secret: string;
  secret: string;
  name: string;
  created_at: number;
  /** 1 for a partner made for one visitor of a public console (see public.ts). */
  visitor?: number;
  /** Unix s of the last API call of a visitor partner (at most a minute old). */
  last_used_at?: number | null;
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
  /** Bumped by a restart (resume=false): chunks of an earlier attempt are not counted. */
  generation?: number;
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

/** A stored object of a generic service (one table for every class; see README "Storage"). */
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
  | 'eq'
  | 'ne'
  | 'in'
  | 'notIn'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'gteOrNull'
  | 'lteOrNull'
  | 'like'
  | 'startsWith'
  | 'endsWith'
  | 'multiLikeOr'
  | 'multiLikeAnd'
  | 'matchOr'
  | 'matchAnd'
  | 'notContains'
  | 'isNull'
  | 'notNull';

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
  owner?: OwnerScope | undefined;
  /** Only objects not marked deleted. */
  live?: boolean;
  order: OrderBy[];
  limit: number;
  offset: number;
}

export type ObjectFilter = Pick<ObjectQuery, 'kind' | 'partnerId' | 'objectTypes' | 'where' | 'owner' | 'live'>;
export type ObjectPatch = Partial<
  Pick<ObjectRow, 'object_type' | 'user_id' | 'anon_owner' | 'updated_at' | 'data' | 'content_size' | 'file_name' | 'deleted'>
>;

/** What a partner holds, for the quotas of public mode. */
export interface PartnerUsage {
  /** Bytes of content (entries, assets) and of upload tokens not yet closed. */
  bytes: number;
  /** Entries, generic objects and upload tokens that are not deleted. */
  objects: number;
}

/** The rows a partner's removal took away (their bytes are the caller's to remove). */
export interface RemovedPartner {
  entries: string[];
  tokens: string[];
  objects: Array<{ kind: string; id: string }>;
}

/**
 * The bytes of the sandbox, by name: `uploads/{tokenId}`, `content/{entryId}`,
 * `assets/{kind}_{id}` (and `.part` beside it while a file part is written). Local files
 * (blobs.ts) or PostgreSQL large objects (blobs-postgres.ts).
 */
export interface BlobStore {
  /** Makes an empty blob unless one exists. */
  create(name: string): Promise<void>;
  /** Its size, or undefined when there is none. */
  size(name: string): Promise<number | undefined>;
  /**
   * Streams `source` into the blob at `offset` (the blob must exist; positional: nothing else
   * moves); throws SizeLimitError (streams.ts) past `maxEnd`. Returns the bytes written. The
   * source is drained, never destroyed, whatever happens.
   */
  write(name: string, source: Readable, offset: number, maxEnd: number): Promise<number>;
  truncate(name: string, size: number): Promise<void>;
  /** Renames `from` to `to` (replacing it); false when `from` does not exist. */
  move(from: string, to: string): Promise<boolean>;
  copy(from: string, to: string): Promise<void>;
  /** Removes it (nothing when it does not exist). */
  remove(name: string): Promise<void>;
  /** Bytes `start`..`end` (inclusive) as a stream. */
  read(name: string, start: number, end: number): Readable;
  /** At most the first `max` bytes, or undefined when there is no such blob. */
  head(name: string, max: number): Promise<Buffer | undefined>;
  /** The blobs whose names start with `prefix` (`uploads/`), with size and last change (Unix ms). */
  list(prefix: string): Promise<Array<{ name: string; size: number; mtimeMs: number }>>;
  /** A local file holding the blob's bytes (ffprobe reads files), removed by `dispose`. */
  localFile(name: string): Promise<{ path: string; dispose(): Promise<void> } | undefined>;
}

export interface SandboxStore {
  readonly kind: 'sqlite' | 'postgres';
  readonly blobs: BlobStore;
  /** Where the state is, for messages (a file path, or the database without its password). */
  readonly where: string;

  /** Runs `fn` in one transaction: all of its writes happen, or none. Calls on this store inside it belong to it. */
  tx<T>(fn: () => Promise<T>): Promise<T>;
  /** Runs `fn` while holding a lock named `key`, across every instance sharing the store. */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Tells every instance that a token's data changed (a final chunk waiting elsewhere looks again). */
  signalToken(id: string): void;
  /** Called with a token id whenever any instance signals it. */
  onTokenSignal(listener: (id: string) => void): void;
  close(): Promise<void>;
  /** A trivial query: the storage answers (health checks). */
  ping(): Promise<void>;

  // partners
  getPartner(id: number): Promise<PartnerRow | undefined>;
  /** The sandbox's partner: the one with `id` when it is configured, else the first non-visitor one created. */
  sandboxPartner(id?: number): Promise<PartnerRow | undefined>;
  putPartner(p: PartnerRow): Promise<void>;

  // sessions
  endSession(fingerprint: string, expiry: number): Promise<void>;
  isSessionEnded(fingerprint: string): Promise<boolean>;

  // upload tokens
  getToken(id: string, opts?: { lock?: boolean }): Promise<TokenRow | undefined>;
  insertToken(t: TokenRow): Promise<void>;
  updateToken(id: string, patch: Partial<Omit<TokenRow, 'id'>>): Promise<void>;
  /** Sets `patch` only when the token's status is one of `from`; whether it did. */
  transitionToken(id: string, from: number[], patch: Partial<Omit<TokenRow, 'id'>>): Promise<boolean>;
  queryTokens(
    partnerId: number,
    where: Condition[],
    owner: OwnerScope | undefined,
    ascending: boolean,
    limit: number,
    offset: number,
  ): Promise<{ rows: TokenRow[]; total: number }>;
  tokensWithStatus(statuses: number[], attachedType?: string): Promise<TokenRow[]>;

  // entries
  getEntry(id: string, opts?: { lock?: boolean }): Promise<EntryRow | undefined>;
  insertEntry(e: EntryRow): Promise<void>;
  updateEntry(id: string, patch: Partial<Omit<EntryRow, 'id'>>): Promise<void>;
  queryEntries(
    partnerId: number,
    where: Condition[],
    owner: OwnerScope | undefined,
    order: OrderBy,
    limit: number,
    offset: number,
  ): Promise<{ rows: EntryRow[]; total: number }>;
  entriesWithStatus(statuses: number[], withContent?: boolean): Promise<EntryRow[]>;
  finishProcessing(preconvert: number, ready: number, nowMs: number): Promise<void>;
  releaseProbing(preconvert: number, nowMs: number): Promise<void>;
  entriesWaitingFor(tokenId: string): Promise<EntryRow[]>;

  // objects of the generic services
  nextNumericId(kind: string): Promise<number>;
  getObject(kind: string, id: string): Promise<ObjectRow | undefined>;
  insertObject(o: ObjectRow): Promise<void>;
  updateObject(kind: string, id: string, patch: ObjectPatch): Promise<void>;
  removeObject(kind: string, id: string): Promise<void>;
  queryObjects(q: ObjectQuery): Promise<ObjectRow[]>;
  pageObjects(q: ObjectQuery): Promise<{ rows: ObjectRow[]; total: number }>;
  countObjects(q: ObjectFilter): Promise<number>;
  objectsWithContent(): Promise<ObjectRow[]>;

  // public mode (public.ts)
  /** The partner of a visitor (by the hash of its cookie), if it has one. */
  visitorPartner(visitorHash: string): Promise<PartnerRow | undefined>;
  /** Makes `p` the visitor's partner unless it has one already (then answers that one). */
  createVisitorPartner(visitorHash: string, p: PartnerRow): Promise<PartnerRow>;
  visitorPartnerCount(): Promise<number>;
  /** Counts one request of a partner in the minute `minute` (Unix s / 60); answers the minute's count. Marks the partner used. */
  countRequest(partnerId: number, minute: number): Promise<number>;
  usage(partnerId: number): Promise<PartnerUsage>;
  /** Visitor partners not used since `beforeSec`. */
  idlePartners(beforeSec: number): Promise<number[]>;
  /** Removes every row of a partner and remembers it as expired. */
  removePartner(partnerId: number, nowSec: number): Promise<RemovedPartner>;
  /** Whether a (visitor) partner was removed for being idle. */
  isExpiredPartner(partnerId: number): Promise<boolean>;
}

/** Columns of the entries and upload_tokens tables by the API's field names. */
export const ENTRY_FIELDS: Record<string, string> = {
  id: 'id',
  name: 'name',
  userId: 'user_id',
  creatorId: 'creator_id',
  tags: 'tags',
  referenceId: 'reference_id',
  status: 'status',
  mediaType: 'media_type',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};
export const TOKEN_FIELDS: Record<string, string> = {
  id: 'id',
  status: 'status',
  fileName: 'file_name',
  fileSize: 'file_size',
  userId: 'user_id',
  createdAt: 'created_at',
};

/**
 * Most values an `in` / `notIn` condition built by the sandbox itself binds (ids from relations):
 * below SQLite's 32,766 variables per statement and PostgreSQL's 65,535, with room for the rest.
 */
export const MAX_IN_ARRAY = 20_000;

/** A property name that may appear in SQL (as a JSON path or key): letters, digits, `_`. */
export const PROP_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);
/** `a, b,c` -> ['a', 'b', 'c'] (at most 500 items). */
export function listItems(v: unknown): string[] {
  return String(v ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
    .slice(0, 500);
}

/** How one field is read in SQL: `cmp` for comparisons, `text` for LIKE; `json`: values are bound as JSON (PostgreSQL jsonb). */
export interface FieldSql {
  cmp: string;
  text: string;
  json?: boolean;
  /** A number column of a typed database (PostgreSQL): a value that is no number is compared as text (never an error). */
  numeric?: boolean;
}

const isNumberLike = (x: unknown) =>
  typeof x === 'number' ? Number.isFinite(x) : typeof x === 'string' && x.trim() !== '' && Number.isFinite(Number(x));

/**
 * A number column compared with something that is no number (`statusEqual=abc`): SQLite answers
 * "not equal" where PostgreSQL would refuse the query; compared as text, both answer the same.
 */
function typedField(f: FieldSql, c: Condition): { f: FieldSql; v: unknown } {
  if (!f.numeric || c.value === undefined || c.value === null) return { f, v: c.value };
  const items = c.op === 'in' || c.op === 'notIn' ? (Array.isArray(c.value) ? c.value : listItems(c.value)) : [c.value];
  if (items.every(isNumberLike)) return { f, v: c.value };
  const asText = `CAST(${f.cmp} AS TEXT)`;
  return { f: { cmp: asText, text: f.text }, v: Array.isArray(c.value) ? c.value.map(String) : String(c.value) };
}

/** What differs between the two SQL dialects in conditions. */
export interface Dialect {
  /** LIKE as SQLite means it (case-insensitive for ASCII): LIKE, or PostgreSQL's ILIKE. */
  like: string;
  never: string;
  always: string;
}

export const SQLITE_DIALECT: Dialect = { like: 'LIKE', never: '0', always: '1' };
export const POSTGRES_DIALECT: Dialect = { like: 'ILIKE', never: 'FALSE', always: 'TRUE' };

/**
 * SQL for conditions on one table: `col(field)` tells how to read a field (undefined: a field the
 * table does not have, which matches nothing). Values are bound (`?`), never inlined.
 */
export function conditionsSql(
  conds: Condition[],
  col: (field: string) => FieldSql | undefined,
  d: Dialect,
): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  for (const c of conds) {
    const fields = c.fields?.length ? c.fields : [c.field];
    const parts: string[] = [];
    for (const f of fields) {
      const e = col(f);
      if (e === undefined) continue;
      const one = conditionSql(e, c, params, d);
      if (one) parts.push(one);
    }
    if (!parts.length) {
      sql.push(d.never);
      continue;
    }
    sql.push(parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`);
  }
  return { sql, params };
}

/** A value as bound for a field: JSON text for jsonb (booleans as 1/0, as SQLite's json_extract gives them). */
function bindValue(f: FieldSql, v: unknown): unknown {
  if (!f.json) return typeof v === 'boolean' ? (v ? 1 : 0) : v;
  return JSON.stringify(typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null));
}

function conditionSql(field: FieldSql, c: Condition, params: unknown[], d: Dialect): string | undefined {
  const { f, v } = typedField(field, c);
  const e = f.cmp;
  const p = f.json ? '?::jsonb' : '?';
  const like = (pattern: string) => {
    params.push(pattern);
    return `${f.text} ${d.like} ? ESCAPE '\\'`;
  };
  switch (c.op) {
    case 'eq':
      params.push(bindValue(f, v));
      return `${e} = ${p}`;
    case 'ne':
      params.push(bindValue(f, v));
      return `(${e} IS NULL OR ${e} != ${p})`;
    case 'in':
    case 'notIn': {
      // a caller's text list is at most 500 items (listItems); an array is the sandbox's own (the
      // entries of a category): all of them, up to what one statement may bind on either database
      const items = Array.isArray(v) ? v.slice(0, MAX_IN_ARRAY) : listItems(v);
      if (!items.length) return c.op === 'in' ? d.never : d.always;
      params.push(...items.map((x) => bindValue(f, x)));
      const list = `(${items.map(() => p).join(',')})`;
      return c.op === 'in' ? `${e} IN ${list}` : `(${e} IS NULL OR ${e} NOT IN ${list})`;
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      params.push(bindValue(f, v));
      return `${e} ${{ gt: '>', gte: '>=', lt: '<', lte: '<=' }[c.op]} ${p}`;
    case 'gteOrNull':
    case 'lteOrNull':
      params.push(bindValue(f, v));
      return `(${e} IS NULL OR ${e} ${c.op === 'gteOrNull' ? '>=' : '<='} ${p})`;
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
        return `(',' || REPLACE(CAST(${f.text} AS TEXT), ' ', '') || ',') ${d.like} ? ESCAPE '\\'`;
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

export function ownerSql(owner: OwnerScope | undefined): { sql?: string; params: unknown[] } {
  if (!owner) return { params: [] };
  if ('anonymous' in owner) return { sql: "user_id = '' AND anon_owner = 1", params: [] };
  return { sql: 'user_id = ?', params: [owner.userId] };
}

/** Blob names (see BlobStore). Ids keep only [0-9A-Za-z_], as the file names always did. */
export const blobName = {
  upload: (tokenId: string) => `uploads/${tokenId.replace(/[^0-9A-Za-z_]/g, '')}`,
  content: (entryId: string) => `content/${entryId.replace(/[^0-9A-Za-z_]/g, '')}`,
  asset: (kind: string, id: string) => `assets/${`${kind}_${id}`.replace(/[^0-9A-Za-z_]/g, '')}`,
};
