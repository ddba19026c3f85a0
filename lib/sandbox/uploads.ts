/**
 * The chunk engine of uploadToken.upload. Every chunk streams from the request straight into the
 * token's file at its offset (positional writes; the file is never rewritten), and only then is
 * its range recorded. A chunk that starts past the data is written in place too but counts only
 * once the data reaches it ("kept aside"), so chunks may arrive in any order and in parallel.
 * Appends (resumeAt -1) and restarts (resume false) are serialized per token.
 */
import { mkdirSync, openSync, closeSync, existsSync } from 'node:fs';
import { truncate } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { UPLOAD_TOKEN_STATUS } from '../api/kaltura/statuses';
import type { SandboxSettings } from './config';
import { crashPoint } from './crash';
import { KalturaApiError } from './errors';
import { addRange, parsePending, type Assembly } from './ranges';
import type { Store, TokenRow } from './store';
import { SizeLimitError, drain, writeAt } from './streams';

export const {
  PENDING: TOKEN_PENDING,
  PARTIAL_UPLOAD: TOKEN_PARTIAL_UPLOAD,
  FULL_UPLOAD: TOKEN_FULL_UPLOAD,
  CLOSED: TOKEN_CLOSED,
  TIMED_OUT: TOKEN_TIMED_OUT,
  DELETED: TOKEN_DELETED,
} = UPLOAD_TOKEN_STATUS;

export interface ChunkOptions {
  resume: boolean;
  finalChunk: boolean;
  resumeAt: number;
  fileName?: string;
}

class Mutex {
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

function nowSec(): number {
  return Math.floor(Date.now() / 1000);
}

export class UploadEngine {
  private readonly dir: string;
  private readonly locks = new Map<string, Mutex>();
  /** Bumped by resume=false so chunks of an abandoned attempt are not counted. */
  private readonly generation = new Map<string, number>();
  private readonly waiters = new Map<string, Set<() => void>>();

  constructor(
    private readonly store: Store,
    private readonly settings: SandboxSettings,
    private readonly onFull: (token: TokenRow) => void,
  ) {
    this.dir = join(settings.dataDir, 'uploads');
    mkdirSync(this.dir, { recursive: true });
  }

  tokenPath(id: string): string {
    return join(this.dir, id.replace(/[^0-9A-Za-z_]/g, ''));
  }

  createFile(id: string): void {
    closeSync(openSync(this.tokenPath(id), 'a'));
  }

  private lock(id: string): Mutex {
    let m = this.locks.get(id);
    if (!m) this.locks.set(id, (m = new Mutex()));
    return m;
  }

  private notify(id: string): void {
    const set = this.waiters.get(id);
    if (set) for (const w of [...set]) w();
  }

  /** Waits until `pred` holds or `ms` pass, woken whenever the token's data grows. Never blocks the server. */
  private async waitFor(id: string, pred: () => boolean, ms: number): Promise<boolean> {
    if (pred()) return true;
    const deadline = Date.now() + ms;
    let set = this.waiters.get(id);
    if (!set) this.waiters.set(id, (set = new Set()));
    try {
      while (Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(done, Math.min(1000, Math.max(1, deadline - Date.now())));
          function done() {
            clearTimeout(t);
            set!.delete(done);
            resolve();
          }
          set!.add(done);
        });
        if (pred()) return true;
      }
      return pred();
    } finally {
      if (set.size === 0) this.waiters.delete(id);
    }
  }

  private async delay(): Promise<void> {
    const f = this.settings.faults;
    if (!f) return;
    const [lo, hi] = f.uploadDelayMs;
    const ms = lo + Math.random() * (hi - lo);
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
  }

  /**
   * Streams `source` into the token file at `offset`; returns the byte count. Enforces the size
   * limit. A missing file is made anew only when the token holds no data yet: writing a later chunk
   * into a fresh file would leave a hole where the lost bytes were.
   */
  private async write(id: string, source: Readable, offset: number): Promise<number> {
    const max = this.settings.maxUploadBytes;
    const path = this.tokenPath(id);
    if (!existsSync(path)) {
      const t = this.store.getToken(id);
      if (t && (t.uploaded_file_size > 0 || t.pending !== '[]')) {
        drain(source);
        throw new KalturaApiError('UPLOAD_TOKEN_CANNOT_RESUME');
      }
      this.createFile(id);
    }
    try {
      return await writeAt(source, path, { flags: 'r+', start: offset, maxEnd: max });
    } catch (e) {
      if (e instanceof SizeLimitError) throw new KalturaApiError('FILE_SIZE_EXCEEDED', { FILE_SIZE: max });
      // a dropped connection or a broken body: nothing of this chunk is counted
      throw new KalturaApiError('UPLOAD_ERROR');
    }
  }

  private assembly(t: TokenRow): Assembly {
    return { size: t.uploaded_file_size, pending: parsePending(t.pending) };
  }

  /** Records [start, end) and advances the token (autoFinalize included). */
  private async record(id: string, start: number, end: number): Promise<TokenRow | undefined> {
    const t = this.store.getToken(id);
    if (!t || (t.status !== TOKEN_PENDING && t.status !== TOKEN_PARTIAL_UPLOAD)) return t;
    const a = addRange(this.assembly(t), start, end);
    const patch: Partial<TokenRow> = {
      uploaded_file_size: a.size,
      pending: JSON.stringify(a.pending),
      status: TOKEN_PARTIAL_UPLOAD,
      updated_at: nowSec(),
    };
    this.store.updateToken(id, patch);
    this.notify(id);
    const after = this.store.getToken(id)!;
    if (after.auto_finalize === 1 && after.file_size !== null && after.file_size > 0 && a.size >= after.file_size) {
      return this.finalize(id, after.file_size);
    }
    return after;
  }

  private async finalize(id: string, size: number): Promise<TokenRow> {
    const t = this.store.getToken(id)!;
    if (t.status === TOKEN_FULL_UPLOAD) return t;
    this.store.updateToken(id, {
      status: TOKEN_FULL_UPLOAD,
      uploaded_file_size: size,
      pending: '[]',
      file_size: t.file_size ?? size,
      updated_at: nowSec(),
    });
    crashPoint(this.settings, 'finalize:after-commit');
    // drop whatever was written past the final size (never rewrites the data; recovery.ts does
    // the same after a crash here)
    await truncate(this.tokenPath(id), size).catch(() => undefined);
    const full = this.store.getToken(id)!;
    this.notify(id);
    try {
      this.onFull(full);
    } catch (e) {
      console.error('[sandbox] completing the entries of token failed:', (e as Error).message);
    }
    return this.store.getToken(id)!;
  }

  /** uploadToken.upload after access checks; `source` is the chunk's bytes. */
  async upload(token: TokenRow, source: Readable, opts: ChunkOptions): Promise<TokenRow> {
    const id = token.id;
    const f = this.settings.faults;
    await this.delay();
    if (f && Math.random() < f.uploadFailBefore) {
      drain(source);
      throw new KalturaApiError('UPLOAD_ERROR');
    }
    if (token.status !== TOKEN_PENDING && token.status !== TOKEN_PARTIAL_UPLOAD) {
      throw new KalturaApiError('UPLOAD_TOKEN_INVALID_STATUS_FOR_UPLOAD');
    }
    if (opts.fileName && !token.file_name) this.store.updateToken(id, { file_name: opts.fileName.slice(0, 255) });

    let start: number;
    let size: number;
    if (!opts.resume) {
      // a fresh start: replaces whatever the token held
      ({ start, size } = await this.lock(id).run(async () => {
        const gen = (this.generation.get(id) ?? 0) + 1;
        this.generation.set(id, gen);
        const path = this.tokenPath(id);
        if (!existsSync(path)) this.createFile(id);
        // the count first: after a crash in between, the file holds more than is counted (harmless,
        // overwritten), never less
        this.store.updateToken(id, { uploaded_file_size: 0, pending: '[]', status: TOKEN_PARTIAL_UPLOAD, updated_at: nowSec() });
        await truncate(path, 0);
        const n = await this.write(id, source, 0);
        return { start: 0, size: n };
      }));
    } else {
      const current = this.store.getToken(id);
      if (!current || current.status === TOKEN_PENDING) throw new KalturaApiError('UPLOAD_TOKEN_CANNOT_RESUME');
      const gen = this.generation.get(id) ?? 0;
      if (opts.resumeAt < 0) {
        ({ start, size } = await this.lock(id).run(async () => {
          const at = this.store.getToken(id)?.uploaded_file_size ?? 0;
          return { start: at, size: await this.write(id, source, at) };
        }));
      } else {
        start = opts.resumeAt;
        size = await this.write(id, source, start);
      }
      if ((this.generation.get(id) ?? 0) !== gen) return this.store.getToken(id) ?? token;
    }

    let t = await this.record(id, start, start + size);
    if (!t) throw new KalturaApiError('UPLOAD_TOKEN_NOT_FOUND');
    if (f && Math.random() < f.uploadFailAfter) throw new KalturaApiError('UPLOAD_ERROR');
    if (t.status === TOKEN_FULL_UPLOAD) return t;
    if (t.status !== TOKEN_PARTIAL_UPLOAD) return t;

    if (opts.finalChunk) {
      if (opts.resume && opts.resumeAt > 0) {
        const expected = opts.resumeAt + size;
        const reached = () => {
          const cur = this.store.getToken(id);
          return !cur || cur.status !== TOKEN_PARTIAL_UPLOAD || cur.uploaded_file_size >= expected;
        };
        await this.waitFor(id, reached, this.settings.finalChunkWaitMs);
        const cur = this.store.getToken(id);
        if (!cur) throw new KalturaApiError('UPLOAD_TOKEN_NOT_FOUND');
        if (cur.status === TOKEN_FULL_UPLOAD) return cur;
        if (cur.status !== TOKEN_PARTIAL_UPLOAD) throw new KalturaApiError('UPLOAD_TOKEN_INVALID_STATUS_FOR_UPLOAD');
        if (cur.uploaded_file_size !== expected) throw new KalturaApiError('UPLOAD_TOKEN_CANNOT_MATCH_EXPECTED_SIZE');
        t = await this.finalize(id, expected);
      } else {
        t = await this.finalize(id, this.store.getToken(id)!.uploaded_file_size);
      }
    }
    return t;
  }

  /** Forget in-memory state of a deleted token and remove its file. */
  forget(id: string): void {
    this.generation.set(id, (this.generation.get(id) ?? 0) + 1);
    this.notify(id);
  }
}
