/**
 * The sandbox's bytes in PostgreSQL, so that every console instance sharing the database sees
 * them: one large object per blob (`lo_put` writes at an offset, with zeros in any hole, as a
 * positional file write does), named in the `blobs` table (name -> oid). A rename is one UPDATE,
 * a read streams 1 MiB at a time (`lo_get`, sent as base64: the driver reads every field as text).
 */
import { createWriteStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import type { BlobStore } from './store';
import { SizeLimitError, drain } from './streams';

const PIECE = 1 << 20;
const INV_READ = 0x40000;
const INV_WRITE = 0x20000;

/**
 * `lo_put` of one piece. Two chunks of an upload written at once (parallel chunks at their
 * offsets) may share a 2 KiB page of the large object at their boundary. PostgreSQL refuses the
 * second concurrent update of an existing page ("tuple concurrently updated") and the second
 * concurrent creation of a missing one (a page in a hole: a unique violation of
 * pg_largeobject's (loid, pageno) index) instead of waiting: the write is positional and
 * idempotent, so it is simply written again.
 */
async function putRetrying(pool: Pool, oid: number, at: number, piece: Buffer): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await pool.query('SELECT lo_put($1::oid, $2::bigint, $3::bytea)', [oid, at, piece]);
      return;
    } catch (e) {
      if (attempt >= 50 || !concurrentPageWrite(e)) throw e;
      await new Promise((r) => setTimeout(r, 2 + Math.random() * 10 * Math.min(attempt + 1, 5)));
    }
  }
}

/** Whether an error is another transaction writing the same large-object page at the same time. */
export function concurrentPageWrite(e: unknown): boolean {
  const err = e as { code?: unknown; constraint?: unknown; message?: unknown };
  if (err?.code === '23505') return err.constraint === 'pg_largeobject_loid_pn_index';
  if (err?.code === '40P01' || err?.code === '40001') return true; // deadlock, serialization failure
  return typeof err?.message === 'string' && /tuple concurrently updated/i.test(err.message);
}

export class PgBlobs implements BlobStore {
  constructor(
    private readonly pool: Pool,
    private readonly tmpDir: string,
  ) {}

  private now(): number {
    return Date.now();
  }

  private async oidOf(name: string): Promise<number | undefined> {
    const r = await this.pool.query('SELECT oid FROM blobs WHERE name = $1', [name]);
    return r.rows[0] ? Number(r.rows[0].oid) : undefined;
  }

  async create(name: string): Promise<void> {
    await this.pool.query('SELECT sb_blob_create($1, $2)', [name, this.now()]);
  }

  async size(name: string): Promise<number | undefined> {
    const r = await this.pool.query(`SELECT lo_lseek64(lo_open(oid, ${INV_READ}), 0, 2) AS size FROM blobs WHERE name = $1`, [name]);
    return r.rows[0] ? Number(r.rows[0].size) : undefined;
  }

  async write(name: string, source: Readable, offset: number, maxEnd: number): Promise<number> {
    const oid = await this.oidOf(name);
    if (oid === undefined) {
      drain(source);
      throw new Error(`no blob ${name}`);
    }
    if (offset > maxEnd) {
      drain(source);
      throw new SizeLimitError(maxEnd);
    }
    let n = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (!pendingBytes) return;
      const piece = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
      const at = offset + n - pendingBytes;
      pending = [];
      pendingBytes = 0;
      await putRetrying(this.pool, oid, at, piece);
    };
    // read with 'data' events, pausing while a piece is written: never destroy the source (a
    // destroyed busboy file stream stalls the whole form; streams.ts)
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      let writing: Promise<void> = Promise.resolve();
      const cleanup = () => {
        source.off('data', onData);
        source.off('end', onEnd);
        source.off('error', onError);
        source.off('close', onClose);
        source.on('error', () => undefined);
      };
      const fail = (e: unknown) => {
        if (settled) return;
        settled = true;
        cleanup();
        drain(source);
        reject(e);
      };
      const onData = (b: Buffer) => {
        n += b.length;
        if (offset + n > maxEnd) return fail(new SizeLimitError(maxEnd));
        pending.push(b);
        pendingBytes += b.length;
        if (pendingBytes >= PIECE) {
          source.pause();
          writing = writing.then(flush).then(() => {
            if (!settled) source.resume();
          }, fail);
        }
      };
      const onEnd = () => {
        if (settled) return;
        writing.then(flush).then(() => {
          if (settled) return;
          settled = true;
          cleanup();
          resolve();
        }, fail);
      };
      const onError = (e: unknown) => fail(e ?? new Error('source failed'));
      const onClose = () => {
        if (!source.readableEnded) fail(new Error('source closed early'));
      };
      source.on('data', onData);
      source.once('end', onEnd);
      source.once('error', onError);
      source.once('close', onClose);
      source.resume();
    });
    await this.pool.query('UPDATE blobs SET mtime = $2 WHERE name = $1', [name, this.now()]);
    return n;
  }

  async truncate(name: string, size: number): Promise<void> {
    const r = await this.pool.query(`SELECT lo_truncate64(lo_open(oid, ${INV_WRITE}), $2) FROM blobs WHERE name = $1`, [name, size]);
    if (!r.rowCount) throw Object.assign(new Error(`no blob ${name}`), { code: 'ENOENT' });
  }

  async move(from: string, to: string): Promise<boolean> {
    if (from === to) return (await this.oidOf(from)) !== undefined;
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const src = await c.query('SELECT oid FROM blobs WHERE name = $1 FOR UPDATE', [from]);
      if (!src.rowCount) {
        await c.query('ROLLBACK');
        return false;
      }
      await c.query('WITH d AS (DELETE FROM blobs WHERE name = $1 RETURNING oid) SELECT lo_unlink(oid) FROM d', [to]);
      await c.query('UPDATE blobs SET name = $2, mtime = $3 WHERE name = $1', [from, to, this.now()]);
      await c.query('COMMIT');
      return true;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  async copy(from: string, to: string): Promise<void> {
    const src = await this.oidOf(from);
    if (src === undefined) throw Object.assign(new Error(`no blob ${from}`), { code: 'ENOENT' });
    const size = (await this.size(from)) ?? 0;
    await this.remove(to);
    await this.create(to);
    const dst = (await this.oidOf(to))!;
    // the bytes stay in the database: each piece is read and written there
    for (let at = 0; at < size; at += PIECE) {
      await this.pool.query('SELECT lo_put($1::oid, $3::bigint, lo_get($2::oid, $3::bigint, $4::int))', [
        dst,
        src,
        at,
        Math.min(PIECE, size - at),
      ]);
    }
  }

  async remove(name: string): Promise<void> {
    await this.pool.query('WITH d AS (DELETE FROM blobs WHERE name = $1 RETURNING oid) SELECT lo_unlink(oid) FROM d', [name]);
  }

  read(name: string, start: number, end: number): Readable {
    const pool = this.pool;
    const oidOf = (n: string) => this.oidOf(n);
    async function* pieces(): AsyncGenerator<Buffer> {
      const oid = await oidOf(name);
      if (oid === undefined) throw new Error(`no blob ${name}`);
      for (let at = start; at <= end; at += PIECE) {
        const len = Math.min(PIECE, end - at + 1);
        const r = await pool.query("SELECT encode(lo_get($1::oid, $2::bigint, $3::int), 'base64') AS b", [oid, at, len]);
        const b = Buffer.from(String(r.rows[0]?.b ?? ''), 'base64');
        if (!b.length) return;
        yield b;
      }
    }
    return Readable.from(pieces(), { objectMode: false });
  }

  async head(name: string, max: number): Promise<Buffer | undefined> {
    const r = await this.pool.query("SELECT encode(lo_get(oid, 0, $2::int), 'base64') AS b FROM blobs WHERE name = $1", [name, max]);
    if (!r.rowCount) return undefined;
    return Buffer.from(String(r.rows[0].b ?? ''), 'base64');
  }

  async list(prefix: string): Promise<Array<{ name: string; size: number; mtimeMs: number }>> {
    const r = await this.pool.query(
      `SELECT name, mtime, lo_lseek64(lo_open(oid, ${INV_READ}), 0, 2) AS size FROM blobs WHERE starts_with(name, $1) ORDER BY name`,
      [prefix],
    );
    return r.rows.map((row) => ({ name: String(row.name), size: Number(row.size), mtimeMs: Number(row.mtime) }));
  }

  async localFile(name: string): Promise<{ path: string; dispose(): Promise<void> } | undefined> {
    const size = await this.size(name);
    if (size === undefined) return undefined;
    await mkdir(this.tmpDir, { recursive: true });
    const path = join(this.tmpDir, `blob-${randomBytes(8).toString('hex')}`);
    await pipeline(size ? this.read(name, 0, size - 1) : Readable.from([]), createWriteStream(path));
    return { path, dispose: () => unlink(path).catch(() => undefined) };
  }
}
