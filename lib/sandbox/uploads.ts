/**
 * The chunk engine of uploadToken.upload. Every chunk streams from the request straight into the
 * token's bytes at its offset (positional writes: a file, or a PostgreSQL large object; never
 * rewritten), and only then is its range recorded. A chunk that starts past the data is written in
 * place too but counts only once the data reaches it ("kept aside"), so chunks may arrive in any
 * order and in parallel, on any instance sharing the store.
 *
 * - Appends (resumeAt -1) and restarts (resume false) are serialized per token by the store's
 *   lock (across instances on PostgreSQL).
 * - A restart bumps the token's `generation` (in the store): chunks of the abandoned attempt, still
 *   streaming anywhere, are not counted.
 * - Recording a range is one transaction on the token's row (locked), so parallel chunks never
 *   lose each other's ranges; finishing (FULL_UPLOAD) is a conditional update, so exactly one
 *   chunk completes the upload (and attaches it to waiting entries).
 * - A final chunk waits (without blocking anything) until the data reaches its end, woken by the
 *   store's token signal (PostgreSQL NOTIFY between instances) and by a 1 s poll.
 */
import type { Readable } from 'node:stream';
import { UPLOAD_TOKEN_STATUS } from '../description/kaltura/statuses';
import type { SandboxSettings } from './config';
import { crashPoint } from './crash';
import { KalturaApiError } from './errors';
import { addRange, parsePending, type Assembly } from './ranges';
import { blobName, type SandboxStore, type TokenRow } from './store';
import { SizeLimitError, drain } from './streams';

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
  fileName?: string | undefined;
  /** Public mode: the most bytes this chunk may add to what its partner holds (quotas). */
  quotaBytes?: number | undefined;
}

function nowSec(): number {
  return Math.floor(Date.now() / 1000);
}

export class UploadEngine {
  private readonly waiters = new Map<string, Set<() => void>>();

  constructor(
    private readonly store: SandboxStore,
    private readonly settings: SandboxSettings,
    private readonly onFull: (token: TokenRow) => Promise<void>,
  ) {
    store.onTokenSignal((id) => this.wake(id));
  }

  /** The blob of a token's bytes (see BlobStore). */
  tokenBlob(id: string): string {
    return blobName.upload(id);
  }

  async createFile(id: string): Promise<void> {
    await this.store.blobs.create(this.tokenBlob(id));
  }

  private wake(id: string): void {
    const set = this.waiters.get(id);
    if (set) for (const w of [...set]) w();
  }

  /** Wakes whoever waits on the token here and on every other instance. */
  private notify(id: string): void {
    this.store.signalToken(id);
  }

  /** Waits until `pred` holds or `ms` pass, woken whenever the token's data grows. Never blocks the server. */
  private async waitFor(id: string, pred: () => Promise<boolean>, ms: number): Promise<boolean> {
    if (await pred()) return true;
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
        if (await pred()) return true;
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
   * Streams `source` into the token's bytes at `offset`; returns the byte count. Enforces the size
   * limit (and a visitor's quota). Missing bytes are made anew only when the token holds no data
   * yet: writing a later chunk into fresh bytes would leave a hole where the lost ones were.
   */
  private async write(id: string, source: Readable, offset: number, quotaBytes?: number): Promise<number> {
    const max = this.settings.maxUploadBytes;
    const blob = this.tokenBlob(id);
    const blobs = this.store.blobs;
    const size = await blobs.size(blob);
    if (size === undefined) {
      const t = await this.store.getToken(id);
      if (t && (t.uploaded_file_size > 0 || t.pending !== '[]')) {
        drain(source);
        throw new KalturaApiError('UPLOAD_TOKEN_CANNOT_RESUME');
      }
      await blobs.create(blob);
    }
    // a quota bounds what the token may grow by, past what it already holds
    const quotaEnd = quotaBytes === undefined ? Infinity : Math.max(size ?? 0, offset) + Math.max(0, quotaBytes);
    const limit = Math.min(max, quotaEnd);
    try {
      return await blobs.write(blob, source, offset, limit);
    } catch (e) {
      if (e instanceof SizeLimitError) {
        if (limit < max)
          throw new KalturaApiError('SANDBOX_QUOTA_EXCEEDED', { QUOTA: 'stored bytes', LIMIT: this.settings.public?.maxBytes ?? limit });
        throw new KalturaApiError('FILE_SIZE_EXCEEDED', { FILE_SIZE: max });
      }
      if (e instanceof KalturaApiError) throw e;
      // a dropped connection or a broken body: nothing of this chunk is counted
      throw new KalturaApiError('UPLOAD_ERROR');
    }
  }

  private assembly(t: TokenRow): Assembly {
    return { size: t.uploaded_file_size, pending: parsePending(t.pending) };
  }

  /** Records [start, end) of generation `gen` and advances the token (autoFinalize included). */
  private async record(id: string, gen: number, start: number, end: number): Promise<TokenRow | undefined> {
    const recorded = await this.store.tx(async () => {
      const t = await this.store.getToken(id, { lock: true });
      if (!t || (t.status !== TOKEN_PENDING && t.status !== TOKEN_PARTIAL_UPLOAD)) return { t, counted: false };
      // a chunk of an attempt that a restart abandoned is not counted
      if ((t.generation ?? 0) !== gen) return { t, counted: false };
      const a = addRange(this.assembly(t), start, end);
      const patch: Partial<TokenRow> = {
        uploaded_file_size: a.size,
        pending: JSON.stringify(a.pending),
        status: TOKEN_PARTIAL_UPLOAD,
        updated_at: nowSec(),
      };
      await this.store.updateToken(id, patch);
      return { t: { ...t, ...patch } as TokenRow, counted: true };
    });
    const after = recorded.t;
    if (!recorded.counted || !after) return after;
    this.notify(id);
    if (after.auto_finalize === 1 && after.file_size !== null && after.file_size > 0 && after.uploaded_file_size >= after.file_size) {
      return this.finalize(id, after.file_size);
    }
    return after;
  }

  /** Completes the upload at `size` bytes: exactly one caller (of any instance) does it. */
  private async finalize(id: string, size: number): Promise<TokenRow> {
    const t = (await this.store.getToken(id))!;
    const won = await this.store.transitionToken(id, [TOKEN_PENDING, TOKEN_PARTIAL_UPLOAD], {
      status: TOKEN_FULL_UPLOAD,
      uploaded_file_size: size,
      pending: '[]',
      file_size: t.file_size ?? size,
      updated_at: nowSec(),
    });
    if (!won) return (await this.store.getToken(id)) ?? t;
    crashPoint(this.settings, 'finalize:after-commit');
    // drop whatever was written past the final size (never rewrites the data; recovery.ts does
    // the same after a crash here)
    await this.store.blobs.truncate(this.tokenBlob(id), size).catch(() => undefined);
    const full = (await this.store.getToken(id))!;
    this.notify(id);
    try {
      await this.onFull(full);
    } catch (e) {
      console.error('[sandbox] completing the entries of token failed:', (e as Error).message);
    }
    return (await this.store.getToken(id))!;
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
      drain(source);
      throw new KalturaApiError('UPLOAD_TOKEN_INVALID_STATUS_FOR_UPLOAD');
    }
    if (opts.fileName && !token.file_name) await this.store.updateToken(id, { file_name: opts.fileName.slice(0, 255) });

    let start: number;
    let size: number;
    let gen: number;
    if (!opts.resume) {
      // a fresh start: replaces whatever the token held
      ({ start, size, gen } = await this.store.withLock(`token:${id}`, async () => {
        const cur = await this.store.getToken(id);
        const g = (cur?.generation ?? 0) + 1;
        const blob = this.tokenBlob(id);
        if ((await this.store.blobs.size(blob)) === undefined) await this.store.blobs.create(blob);
        // the count first: after a crash in between, the bytes hold more than is counted (harmless,
        // overwritten), never less
        await this.store.updateToken(id, {
          uploaded_file_size: 0,
          pending: '[]',
          status: TOKEN_PARTIAL_UPLOAD,
          generation: g,
          updated_at: nowSec(),
        });
        await this.store.blobs.truncate(blob, 0);
        const n = await this.write(id, source, 0, opts.quotaBytes);
        return { start: 0, size: n, gen: g };
      }));
    } else {
      const current = await this.store.getToken(id);
      if (!current || current.status === TOKEN_PENDING) {
        drain(source);
        throw new KalturaApiError('UPLOAD_TOKEN_CANNOT_RESUME');
      }
      gen = current.generation ?? 0;
      if (opts.resumeAt < 0) {
        ({ start, size } = await this.store.withLock(`token:${id}`, async () => {
          const at = (await this.store.getToken(id))?.uploaded_file_size ?? 0;
          return { start: at, size: await this.write(id, source, at, opts.quotaBytes) };
        }));
      } else {
        start = opts.resumeAt;
        size = await this.write(id, source, start, opts.quotaBytes);
      }
    }

    let t = await this.record(id, gen, start, start + size);
    if (!t) throw new KalturaApiError('UPLOAD_TOKEN_NOT_FOUND');
    if ((t.generation ?? 0) !== gen) return t;
    if (f && Math.random() < f.uploadFailAfter) throw new KalturaApiError('UPLOAD_ERROR');
    if (t.status === TOKEN_FULL_UPLOAD) return t;
    if (t.status !== TOKEN_PARTIAL_UPLOAD) return t;

    if (opts.finalChunk) {
      if (opts.resume && opts.resumeAt > 0) {
        const expected = opts.resumeAt + size;
        const reached = async () => {
          const cur = await this.store.getToken(id);
          return !cur || cur.status !== TOKEN_PARTIAL_UPLOAD || cur.uploaded_file_size >= expected;
        };
        await this.waitFor(id, reached, this.settings.finalChunkWaitMs);
        const cur = await this.store.getToken(id);
        if (!cur) throw new KalturaApiError('UPLOAD_TOKEN_NOT_FOUND');
        if (cur.status === TOKEN_FULL_UPLOAD) return cur;
        if (cur.status !== TOKEN_PARTIAL_UPLOAD) throw new KalturaApiError('UPLOAD_TOKEN_INVALID_STATUS_FOR_UPLOAD');
        if (cur.uploaded_file_size !== expected) throw new KalturaApiError('UPLOAD_TOKEN_CANNOT_MATCH_EXPECTED_SIZE');
        t = await this.finalize(id, expected);
      } else {
        t = await this.finalize(id, (await this.store.getToken(id))!.uploaded_file_size);
      }
    }
    return t;
  }

  /**
   * A deleted token: whoever waits on it looks again (and finds it gone). No database write here:
   * on a full disk the deletion must free the bytes first (services/uploadToken.ts); chunks still
   * streaming find the token DELETED when they record.
   */
  forget(id: string): void {
    this.notify(id);
  }
}
