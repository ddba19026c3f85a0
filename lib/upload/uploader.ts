/**
 * The chunked, parallel, resumable uploader. Framework-free (browser and Node).
 *
 * It is driven by the step's RequestModel for uploadToken.upload: every request it sends is that
 * model with the chunk's resume / finalChunk / resumeAt and file value set (lib/upload/model.ts),
 * sent with the chunk's bytes by send.ts (toHttpRequest, a Transport: fetch or XMLHttpRequest).
 * This module orchestrates: what to send when, retries, pause, offline probing, progress; the
 * check of the token against the file is token-check.ts.
 *
 * Protocol (as the API description advises for a parallel session): the first chunk with
 * resume=false, finalChunk=false (awaited); the others in parallel with resume=true,
 * finalChunk=false, resumeAt=offset; then an empty final chunk with resume=true, finalChunk=true,
 * resumeAt=total, sent again while the server answers UPLOAD_TOKEN_CANNOT_MATCH_EXPECTED_SIZE.
 * Before it starts, it asks the server (uploadToken.get) what the token holds, so that after a page
 * reload it continues from `uploadedFileSize` without sending that part again.
 */
import type { RequestModel } from '@/lib/request/types';
import { UPLOAD_TOKEN_STATUS } from '@/lib/description/kaltura/statuses';
import { sleep } from '@/lib/time/sleep';
import { formatBytes } from '@/lib/format/bytes';
import { UploadError, kalturaMessage } from './errors';
import { defaultFingerprintStore, fingerprintFile } from './fingerprint';
import { chunkFlags, chunkModel, isHandMadeChunk, tokenGetModel, tokenIdOf } from './model';
import { autoSettings, markHeld, planChunks, sendMode, type ChunkRange, type SendMode } from './plan';
import { SpeedMeter, etaSeconds, percentOf } from './progress';
import { DEFAULT_RETRY, backoffDelay, isRetryableStatus } from './retry';
import { CANNOT_MATCH, Sender, failureAfter, retryable, sendRecord, type FailedAnswer, type SendOutcome } from './send';
import { checkToken } from './token-check';
import type {
  FileLike,
  FingerprintStore,
  RetryPolicy,
  SendRecord,
  Transport,
  UploadEvent,
  UploadMode,
  UploadProgress,
  UploadState,
  UploadTokenJson,
} from './types';
import { defaultTransport } from './transport';

export interface UploadOptions {
  /** The step's request model for uploadToken.upload (uploadTokenId, fileData, resume, finalChunk, resumeAt). */
  model: RequestModel;
  file: FileLike;
  /**
   * `auto` (default): chunked when the form has resume=false + finalChunk=true (the seed's
   * single-request values) and the file is larger than the chunk size; `chunked`: always in chunks;
   * `single`: one request. When the form's resume/finalChunk/resumeAt are anything else, the upload
   * is one request with exactly those values (`manual`), whatever the mode.
   */
  mode?: UploadMode | undefined;
  /** Overrides of the automatic chunk size (bytes) and parallel streams. */
  chunkSize?: number | undefined;
  parallel?: number | undefined;
  transport?: Transport;
  /** Where fingerprints live between page loads (default: localStorage, else memory). */
  store?: FingerprintStore;
  retry?: Partial<RetryPolicy>;
  /** First and longest pause between probes (uploadToken.get) while the connection is down. */
  probeDelayMs?: number;
  probeMaxDelayMs?: number;
  /** Per-request timeout in ms (default 2 min plus 1 s per 32 KiB of chunk). A timeout counts as a dropped connection. */
  requestTimeoutMs?: number;
  /** The multipart field of the file (uploadToken.upload: `fileData`). */
  fileField?: string;
  onEvent?: (e: UploadEvent) => void;
  /** For tests: random source of the backoff jitter, and the clock. */
  random?: () => number;
  now?: () => number;
}

export class Upload {
  readonly options: UploadOptions;
  readonly file: FileLike;
  readonly tokenId: string | undefined;
  readonly totalBytes: number;
  readonly mode: SendMode;
  readonly chunkSize: number;
  readonly parallel: number;
  /** Every send of this session, in order (instrumentation: bytes sent per offset). */
  readonly sends: SendRecord[] = [];

  private readonly sender: Sender;
  private readonly store: FingerprintStore;
  private readonly retry: RetryPolicy;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly fileField: string;
  private readonly listeners = new Set<(e: UploadEvent) => void>();

  private _state: UploadState = 'idle';
  private promise: Promise<UploadTokenJson> | undefined;
  private ranges: ChunkRange[] = [];
  /** Contiguous bytes the server reported holding (uploadedFileSize), last we heard. */
  private held = 0;
  private skipped = 0;
  private sentDone = 0;
  private singleDone = false;
  private readonly inflightLoaded = new Map<number, number>();
  private readonly cancelController = new AbortController();
  private waiters: Array<() => void> = [];
  private fatal: UploadError | undefined;
  private needResync = false;
  private lastToken: UploadTokenJson | undefined;
  private resyncing: Promise<void> | undefined;
  private probing = false;
  private failedCount = 0;
  private retriedCount = 0;
  private readonly meter = new SpeedMeter(5000);
  private lastEmit = 0;
  private emitTimer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;

  constructor(options: UploadOptions) {
    this.options = options;
    this.file = options.file;
    this.totalBytes = options.file.size;
    this.tokenId = tokenIdOf(options.model);
    this.fileField = options.fileField ?? 'fileData';
    this.sender = new Sender({
      transport: options.transport ?? defaultTransport(),
      fileField: this.fileField,
      timeoutMs: options.requestTimeoutMs,
    });
    this.store = options.store ?? defaultFingerprintStore();
    this.retry = { ...DEFAULT_RETRY, ...(options.retry ?? {}) };
    this.now = options.now ?? (() => Date.now());
    this.random = options.random ?? Math.random;
    const settings = autoSettings(this.totalBytes, { chunkSize: options.chunkSize, parallel: options.parallel });
    this.chunkSize = settings.chunkSize;
    this.parallel = settings.parallel;
    this.mode = sendMode(isHandMadeChunk(options.model), this.totalBytes, options.mode ?? 'auto', options.chunkSize);
    if (options.onEvent) this.listeners.add(options.onEvent);
  }

  get state(): UploadState {
    return this._state;
  }

  on(listener: (e: UploadEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts the upload (once); resolves with the final token, rejects with an UploadError. */
  start(): Promise<UploadTokenJson> {
    if (!this.promise) {
      this.promise = this.run().then(
        (token) => {
          this.setState('done');
          return token;
        },
        (err: unknown) => {
          const e = err instanceof UploadError ? err : new UploadError(err instanceof Error ? err.message : String(err), 'input');
          this.fatal ??= e;
          this.abortAll();
          this.setState(this._state === 'cancelled' ? 'cancelled' : 'failed');
          throw this.fatal;
        },
      );
    }
    return this.promise;
  }

  /** Stops sending (requests in flight are aborted and sent again on resume, trimmed by what the server holds). */
  pause(): void {
    if (this._state !== 'running' && this._state !== 'offline' && this._state !== 'preparing') return;
    this.setState('paused');
    this.needResync = true;
    this.abortAll();
  }

  resume(): void {
    if (this._state !== 'paused') return;
    this.setState('running');
  }

  /** Stops for good. What the server holds stays on the token (a later upload of the same file continues it). */
  cancel(): void {
    if (this._state === 'done' || this._state === 'failed' || this._state === 'cancelled') return;
    this.fatal ??= new UploadError('The upload was cancelled. Pick the same file again to continue it from where it stopped.', 'cancelled');
    this.setState('cancelled');
    this.cancelController.abort();
    this.abortAll();
  }

  progress(): UploadProgress {
    const now = this.now();
    let done = 0;
    let total = 0;
    let doneCount = 0;
    let inflight = 0;
    if (this.mode === 'chunked') {
      for (const r of this.ranges) {
        total++;
        if (r.state === 'done') {
          done += r.size;
          doneCount++;
        } else if (r.state === 'inflight') inflight++;
      }
    } else {
      total = 1;
      if (this.singleDone) {
        done = this.totalBytes;
        doneCount = 1;
      } else inflight = this.inflightLoaded.size;
    }
    let loaded = 0;
    for (const v of this.inflightLoaded.values()) loaded += v;
    const doneBytes = Math.min(this.totalBytes, done + (this._state === 'done' ? 0 : loaded));
    const speed = this._state === 'running' ? this.meter.speed(now) : 0;
    const finished = this._state === 'done';
    return {
      state: this._state,
      totalBytes: this.totalBytes,
      doneBytes: finished ? this.totalBytes : doneBytes,
      skippedBytes: this.skipped,
      sentBytes: this.sentDone + loaded,
      percent: finished ? 100 : percentOf(doneBytes, this.totalBytes),
      speed,
      etaSeconds: finished ? 0 : etaSeconds(this.totalBytes - doneBytes, speed),
      chunks: { total, done: finished ? total : doneCount, inFlight: inflight, failed: this.failedCount, retried: this.retriedCount },
      chunkSize: this.chunkSize,
      parallel: this.parallel,
      mode: this.mode,
    };
  }

  // ---- events --------------------------------------------------------------------------------

  private emit(e: UploadEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        /* a listener's bug must not break the upload */
      }
    }
  }

  private setState(s: UploadState): void {
    if (this._state === s) return;
    if (this._state === 'cancelled' || this._state === 'done' || this._state === 'failed') return;
    this._state = s;
    if (s !== 'running') this.meter.reset();
    this.emit({ type: 'state', state: s, progress: this.progress() });
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  private notice(level: 'info' | 'warning', message: string): void {
    this.emit({ type: 'notice', level, message });
  }

  /** Progress events at most every 100 ms (plus a trailing one). */
  private emitProgress(force = false): void {
    const now = this.now();
    this.meter.add(now, this.sentDone + [...this.inflightLoaded.values()].reduce((a, b) => a + b, 0));
    if (force || now - this.lastEmit >= 100) {
      this.lastEmit = now;
      if (this.emitTimer) clearTimeout(this.emitTimer);
      this.emitTimer = undefined;
      this.emit({ type: 'progress', progress: this.progress() });
    } else if (!this.emitTimer) {
      this.emitTimer = setTimeout(() => {
        this.emitTimer = undefined;
        this.emitProgress(true);
      }, 100);
    }
  }

  // ---- flow control --------------------------------------------------------------------------

  /** Resolves when the upload may send (running); throws when it was cancelled or failed. */
  private async waitRunnable(): Promise<void> {
    for (;;) {
      if (this.fatal) throw this.fatal;
      if (this._state === 'running') return;
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }

  private abortAll(): void {
    this.sender.abortAll();
  }

  private failWith(e: UploadError): never {
    this.fatal ??= e;
    this.abortAll();
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
    throw this.fatal;
  }

  /** A dropped connection: stop starting requests and probe the server until it answers. */
  private goOffline(): void {
    if (this._state !== 'running') return;
    this.setState('offline');
    this.needResync = true;
    this.notice(
      'warning',
      'The connection to the server dropped. The upload is paused and continues by itself as soon as the server answers again.',
    );
    if (!this.probing) void this.probeLoop();
  }

  private async probeLoop(): Promise<void> {
    this.probing = true;
    let delay = this.options.probeDelayMs ?? 1000;
    const max = this.options.probeMaxDelayMs ?? 10_000;
    try {
      while (this._state === 'offline') {
        await sleep(delay, this.cancelController.signal);
        if (this._state !== 'offline') return;
        const before = this.held;
        const res = await this.send(tokenGetModel(this.options.model), undefined, undefined);
        if (this._state !== 'offline') return;
        if (res.kind === 'ok' || (res.kind === 'kaltura' && !isRetryableStatus(res.status))) {
          if (res.kind === 'ok') this.applyServerHeld(res.json, before);
          this.needResync = false;
          this.notice('info', 'The server answers again: the upload continues.');
          this.setState('running');
          return;
        }
        delay = Math.min(max, Math.round(delay * 1.5));
      }
    } finally {
      this.probing = false;
    }
  }

  /** Asks the server what the token holds (one request shared by all streams). */
  private resync(): Promise<void> {
    if (!this.resyncing) {
      this.resyncing = (async () => {
        const before = this.held;
        const res = await this.send(tokenGetModel(this.options.model), undefined, undefined);
        if (res.kind === 'ok') {
          this.applyServerHeld(res.json, before);
          this.needResync = false;
        } else if (res.kind === 'network') this.goOffline();
        else if (res.kind === 'kaltura' && !retryable(res)) this.failWith(new UploadError(kalturaMessage(res.error), 'kaltura', res.error));
      })().finally(() => {
        this.resyncing = undefined;
      });
    }
    return this.resyncing;
  }

  /**
   * Takes what uploadToken.get answered; `before` is what was known when it was asked. Less than
   * that: the server holds less now (a restart of the token, a repair after a crash), so follow it
   * down. Otherwise keep the larger of it and what chunk answers said meanwhile: an answer given
   * before a chunk landed can be read after that chunk's own answer.
   */
  private applyServerHeld(json: unknown, before: number): void {
    const t = json as UploadTokenJson | undefined;
    if (t && typeof t.uploadedFileSize === 'number')
      this.held = t.uploadedFileSize < before ? t.uploadedFileSize : Math.max(this.held, t.uploadedFileSize);
    if (t && typeof t === 'object') this.lastToken = t;
  }

  /** The token as uploadToken.get last answered, when it says the whole file is there (an answer lost on the way). */
  private completedOnServer(): UploadTokenJson | undefined {
    const t = this.lastToken;
    if (t && t.status === UPLOAD_TOKEN_STATUS.FULL_UPLOAD && t.uploadedFileSize === this.totalBytes) return t;
    return undefined;
  }

  // ---- sending -------------------------------------------------------------------------------

  /**
   * Sends one request made from `model` (with `blob` as the file field's bytes), counting its
   * bytes in the progress when it has a `key`. Never throws for network, HTTP or API failures.
   */
  private async send(model: RequestModel, blob: Blob | undefined, key: number | undefined): Promise<SendOutcome> {
    if (this.fatal) return { kind: 'aborted' };
    if (key !== undefined) this.inflightLoaded.set(key, 0);
    const onSent =
      key === undefined
        ? undefined
        : (bytes: number) => {
            if (!this.inflightLoaded.has(key)) return;
            this.inflightLoaded.set(key, bytes);
            this.emitProgress();
          };
    try {
      const out = await this.sender.send(model, blob, onSent);
      // An answer (any answer) means the bytes arrived.
      if (key !== undefined && (out.kind === 'ok' || out.kind === 'kaltura' || out.kind === 'http')) this.sentDone += blob?.size ?? 0;
      return out;
    } catch (e) {
      return this.failWith(e instanceof UploadError ? e : new UploadError(String(e), 'input'));
    } finally {
      if (key !== undefined) this.inflightLoaded.delete(key);
    }
  }

  private record(r: Omit<SendRecord, 'outcome' | 'error'>, out: SendOutcome): void {
    const rec = sendRecord(r, out);
    this.sends.push(rec);
    this.emit({ type: 'send', record: rec });
  }

  /** What to do after a failed attempt: retry after a backoff, or fail. Returns the delay. */
  private classify(out: FailedAnswer, attempts: number, maxAttempts: number, what: string): number {
    const fatal = failureAfter(out, attempts, maxAttempts, what);
    if (fatal) this.failWith(fatal);
    this.retriedCount++;
    return backoffDelay(attempts, this.retry, this.random);
  }

  // ---- the flows -----------------------------------------------------------------------------

  private async run(): Promise<UploadTokenJson> {
    if (this.mode !== 'chunked') return this.runSingle();
    return this.runChunked();
  }

  /** One request with the form's values (single-request mode or a hand-made chunk). */
  private async runSingle(): Promise<UploadTokenJson> {
    const m = this.options.model;
    const flags = chunkFlags(m);
    const resume = this.mode === 'manual' ? flags.resume : false;
    const finalChunk = this.mode === 'manual' ? flags.finalChunk : true;
    const resumeAt = flags.resumeAt;
    const model = chunkModel(m, { ...this.fileMeta(this.totalBytes), resume, finalChunk, resumeAt }, this.fileField);
    this.setState('running');
    let attempts = 0;
    for (;;) {
      await this.waitRunnable();
      if (attempts > 0 && this.needResync) await this.resync();
      const complete = attempts > 0 ? this.completedOnServer() : undefined;
      if (complete) {
        this.singleDone = true;
        return complete;
      }
      const key = this.seq++;
      attempts++;
      const out = await this.send(model, this.file.slice(0, this.totalBytes, this.file.type || undefined), key);
      this.record({ offset: 0, size: this.totalBytes, resume, finalChunk, resumeAt, attempt: attempts }, out);
      if (out.kind === 'ok') {
        this.singleDone = true;
        this.emitProgress(true);
        return out.json as UploadTokenJson;
      }
      if (out.kind === 'aborted') continue;
      if (out.kind === 'network') {
        this.goOffline();
        continue;
      }
      this.failedCount++;
      this.emitProgress(true);
      await sleep(this.classify(out, attempts, this.retry.maxAttempts, 'The upload request'), this.cancelController.signal);
    }
  }

  private fileMeta(size: number): { name: string; size: number; mimeType?: string } {
    return { name: this.file.name || 'file', size, ...(this.file.type ? { mimeType: this.file.type } : {}) };
  }

  private async getToken(): Promise<UploadTokenJson> {
    let attempts = 0;
    for (;;) {
      await this.waitRunnable();
      attempts++;
      const out = await this.send(tokenGetModel(this.options.model), undefined, undefined);
      if (out.kind === 'ok') return out.json as UploadTokenJson;
      if (out.kind === 'aborted') continue;
      if (out.kind === 'network') {
        this.goOffline();
        continue;
      }
      await sleep(
        this.classify(out, attempts, this.retry.maxAttempts, 'Reading the upload token (uploadToken.get)'),
        this.cancelController.signal,
      );
    }
  }

  private async runChunked(): Promise<UploadTokenJson> {
    if (!this.tokenId)
      throw new UploadError('The upload needs an upload token id (uploadTokenId): run step 1 first or fill it in.', 'input');
    this.setState('preparing');
    const fp = await fingerprintFile(this.file);
    if (this._state === 'preparing') this.setState('running');
    const token = await this.getToken();
    const notice = (level: 'info' | 'warning', message: string) => this.notice(level, message);
    if (checkToken({ token, file: fp, stored: this.store.get(this.tokenId), tokenId: this.tokenId, notice })) {
      this.store.delete(this.tokenId);
      this.ranges = planChunks(this.totalBytes, this.chunkSize).map((r) => ({ ...r, state: 'done', skipped: true }));
      this.skipped = this.totalBytes;
      return token;
    }
    this.store.set(this.tokenId, fp);
    this.held = token.uploadedFileSize ?? 0;
    this.ranges = planChunks(this.totalBytes, this.chunkSize);
    if (this.held > 0) {
      this.skipped = Math.min(this.held, this.totalBytes);
      this.markHeld();
      this.notice('info', `The server already holds ${formatBytes(this.held)} of ${formatBytes(this.totalBytes)}: continuing from there.`);
    }
    this.emitProgress(true);

    // First chunk alone (resume=false), so the token holds data before the parallel ones arrive.
    const first = this.ranges[0];
    if (first && first.offset === 0 && first.state === 'pending') await this.sendRange(first);
    await this.runPool();
    const final = await this.sendFinal();
    this.store.delete(this.tokenId);
    return final;
  }

  private markHeld(): void {
    markHeld(this.ranges, this.held);
  }

  private async runPool(): Promise<void> {
    const worker = async () => {
      for (;;) {
        const r = this.ranges.find((x) => x.state === 'pending');
        if (!r) return;
        await this.sendRange(r);
      }
    };
    await Promise.all(Array.from({ length: this.parallel }, worker));
  }

  /** Sends one range until the server acknowledges it (or the server already holds it). */
  private async sendRange(r: ChunkRange): Promise<void> {
    r.state = 'inflight'; // claimed by this stream
    for (;;) {
      try {
        await this.waitRunnable();
        if (this.needResync) await this.resync();
        await this.waitRunnable();
      } catch (e) {
        r.state = 'pending';
        throw e;
      }
      // Skip or trim what the server holds by now.
      if (this.held > r.offset) {
        r.state = 'pending';
        this.markHeld();
        if ((r.state as ChunkRange['state']) === 'done') {
          this.emitProgress(true);
          return;
        }
        r.state = 'inflight';
      }
      const resume = r.offset > 0;
      const resumeAt = r.offset;
      const model = chunkModel(this.options.model, { ...this.fileMeta(r.size), resume, finalChunk: false, resumeAt }, this.fileField);
      r.attempts++;
      const key = this.seq++;
      const out = await this.send(model, this.file.slice(r.offset, r.offset + r.size), key);
      this.record({ offset: r.offset, size: r.size, resume, finalChunk: false, resumeAt, attempt: r.attempts }, out);
      if (out.kind === 'ok') {
        r.state = 'done';
        const t = out.json as UploadTokenJson;
        if (typeof t?.uploadedFileSize === 'number') this.held = Math.max(this.held, t.uploadedFileSize);
        this.emitProgress(true);
        return;
      }
      if (out.kind === 'aborted') {
        r.attempts--;
        continue;
      }
      if (out.kind === 'network') {
        this.goOffline();
        continue;
      }
      this.failedCount++;
      this.emitProgress(true);
      const delay = this.classify(out, r.attempts, this.retry.maxAttempts, `The chunk at byte ${r.offset}`);
      await sleep(delay, this.cancelController.signal);
      // Before sending again, learn what the server holds by now (it may have kept the chunk).
      this.needResync = true;
    }
  }

  /** The empty final chunk, sent again while the server has not appended every chunk yet. */
  private async sendFinal(): Promise<UploadTokenJson> {
    let attempts = 0;
    let lastHeld = -1;
    let stuck = 0;
    for (;;) {
      await this.waitRunnable();
      if (this.needResync) {
        await this.resync();
        await this.waitRunnable();
      }
      // The final chunk's answer may have been lost while the server completed the token.
      const complete = this.completedOnServer();
      if (complete) return complete;
      const total = this.totalBytes;
      const model = chunkModel(
        this.options.model,
        { ...this.fileMeta(0), resume: true, finalChunk: true, resumeAt: total },
        this.fileField,
      );
      attempts++;
      const out = await this.send(model, this.file.slice(total, total), undefined);
      this.record({ offset: total, size: 0, resume: true, finalChunk: true, resumeAt: total, attempt: attempts }, out);
      if (out.kind === 'ok') {
        const t = out.json as UploadTokenJson;
        if (t.status === UPLOAD_TOKEN_STATUS.FULL_UPLOAD || t.status === undefined) return t;
      } else if (out.kind === 'aborted') {
        attempts--;
        continue;
      } else if (out.kind === 'network') {
        this.goOffline();
        continue;
      } else if (out.kind === 'kaltura' && out.error.code === CANNOT_MATCH) {
        if (attempts >= this.retry.finalMaxAttempts)
          this.failWith(
            new UploadError(
              `The server could not assemble the file (${CANNOT_MATCH} ${attempts} times). Pick the same file again to continue.`,
              'kaltura',
              out.error,
            ),
          );
      } else {
        this.failedCount++;
        await sleep(this.classify(out, attempts, this.retry.maxAttempts, 'The final chunk'), this.cancelController.signal);
        this.needResync = true;
        continue;
      }
      // Not all chunks appended yet: wait, look at what the server holds, and if it stays stuck
      // below the total, send the missing part again.
      this.retriedCount++;
      await sleep(backoffDelay(Math.min(attempts, 4), this.retry, this.random), this.cancelController.signal);
      await this.resync();
      if (this.held >= total) continue;
      if (this.held === lastHeld) stuck++;
      else stuck = 0;
      lastHeld = this.held;
      if (stuck >= 1) {
        this.reopenFrom(this.held);
        stuck = 0;
        await this.runPool();
      }
    }
  }

  /** Marks the acknowledged range that contains `offset` as pending again from `offset` on. */
  private reopenFrom(offset: number): void {
    const i = this.ranges.findIndex((r) => r.offset <= offset && offset < r.offset + r.size);
    if (i < 0) return;
    const r = this.ranges[i]!;
    if (r.state !== 'done') return;
    const end = r.offset + r.size;
    if (offset > r.offset) {
      this.ranges.splice(i, 0, { offset: r.offset, size: offset - r.offset, state: 'done', attempts: 0 });
      r.offset = offset;
      r.size = end - offset;
    }
    r.state = 'pending';
    this.notice('warning', `The server lost the data from byte ${offset}: sending that part again.`);
  }
}

/** Convenience: creates an Upload and starts it. */
export function upload(options: UploadOptions): { upload: Upload; done: Promise<UploadTokenJson> } {
  const u = new Upload(options);
  return { upload: u, done: u.start() };
}
