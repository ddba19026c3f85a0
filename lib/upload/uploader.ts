/**
 * The chunked, parallel, resumable uploader. Framework-free (browser and Node).
 *
 * It is driven by the step's RequestModel for uploadToken.upload: every request it sends is that
 * model with the chunk's resume / finalChunk / resumeAt and file value set (lib/upload/model.ts),
 * turned into HTTP by lib/request/http.ts toHttpRequest, and sent with the chunk's bytes by a
 * Transport (fetch or XMLHttpRequest).
 *
 * Protocol (as the API description advises for a parallel session): the first chunk with
 * resume=false, finalChunk=false (awaited); the others in parallel with resume=true,
 * finalChunk=false, resumeAt=offset; then an empty final chunk with resume=true, finalChunk=true,
 * resumeAt=total, sent again while the server answers UPLOAD_TOKEN_CANNOT_MATCH_EXPECTED_SIZE.
 * Before it starts, it asks the server (uploadToken.get) what the token holds, so that after a page
 * reload it continues from `uploadedFileSize` without sending that part again.
 */
import { toHttpRequest } from '@/lib/request/http';
import type { RequestModel } from '@/lib/request/types';
import { UPLOAD_TOKEN_STATUS, uploadTokenStatusName } from '@/lib/api/kaltura/statuses';
import { classifyAnswer } from '@/lib/request/response';
import { UploadError, isAbortError, isNetworkError } from './errors';
import { defaultFingerprintStore, fingerprintDifferences, fingerprintFile } from './fingerprint';
import { chunkFlags, chunkModel, isHandMadeChunk, tokenGetModel, tokenIdOf } from './model';
import { autoSettings, markHeld, planChunks, sendMode, type ChunkRange, type SendMode } from './plan';
import { formatBytes } from '@/lib/format/bytes';
import { SpeedMeter, etaSeconds, percentOf } from './progress';
import { DEFAULT_RETRY, backoffDelay, isRetryableKalturaCode, isRetryableStatus } from './retry';
import type {
  FileLike,
  Fingerprint,
  FingerprintStore,
  KalturaErrorBody,
  RetryPolicy,
  SendRecord,
  Transport,
  TransportResponse,
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
  mode?: UploadMode;
  /** Overrides of the automatic chunk size (bytes) and parallel streams. */
  chunkSize?: number;
  parallel?: number;
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

type SendOutcome =
  | { kind: 'ok'; json: unknown }
  /** A Kaltura error, with the HTTP status it came with (Kaltura's own: 200). */
  | { kind: 'kaltura'; error: KalturaErrorBody; status: number }
  | { kind: 'http'; status: number; text: string }
  | { kind: 'network'; error: unknown }
  | { kind: 'aborted' };

/** What an answer means to the uploader, by the one classification of answers (lib/request/response.ts). */
function answerOutcome(res: TransportResponse): SendOutcome {
  const a = classifyAnswer(res);
  if (a.ok) {
    // Every call the uploader makes answers an upload token.
    if (a.json && typeof a.json === 'object') return { kind: 'ok', json: a.json };
    return { kind: 'http', status: res.status, text: `not an upload token: ${res.text.slice(0, 200)}` };
  }
  const e = a.error;
  if (e.kind === 'kaltura') {
    return { kind: 'kaltura', status: res.status, error: { code: e.code, message: e.message, args: e.args, ...(e.objectType ? { objectType: e.objectType } : {}) } };
  }
  return { kind: 'http', status: res.status, text: e.kind === 'parse' ? `not JSON: ${res.text.slice(0, 200)}` : res.text.slice(0, 500) };
}

/** Whether sending again may succeed: a Kaltura code that says so, or an HTTP status that does. */
function retryable(out: { kind: 'kaltura'; error: KalturaErrorBody; status: number } | { kind: 'http'; status: number }): boolean {
  return isRetryableStatus(out.status) || (out.kind === 'kaltura' && isRetryableKalturaCode(out.error.code));
}

const CANNOT_MATCH = 'UPLOAD_TOKEN_CANNOT_MATCH_EXPECTED_SIZE';

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

function kalturaMessage(e: KalturaErrorBody): string {
  switch (e.code) {
    case 'UPLOAD_TOKEN_INVALID_STATUS_FOR_UPLOAD':
      return `${e.code}: ${e.message}. This upload token no longer accepts data (it is complete, attached to an entry, or deleted). Create a new upload token (step 1) and upload again.`;
    case 'UPLOAD_TOKEN_NOT_FOUND':
      return `${e.code}: ${e.message}. Check the upload token id, or create a new upload token (step 1).`;
    case 'INVALID_KS':
      return `${e.code}: ${e.message}. The session is no longer valid: log in again, then upload again (what the server holds is kept).`;
    default:
      return `${e.code}: ${e.message}`;
  }
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

  private readonly transport: Transport;
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
  private readonly controllers = new Set<AbortController>();
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
    this.transport = options.transport ?? defaultTransport();
    this.store = options.store ?? defaultFingerprintStore();
    this.retry = { ...DEFAULT_RETRY, ...(options.retry ?? {}) };
    this.now = options.now ?? (() => Date.now());
    this.random = options.random ?? Math.random;
    this.fileField = options.fileField ?? 'fileData';
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
    for (const c of this.controllers) c.abort();
    this.controllers.clear();
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
    this.notice('warning', 'The connection to the server dropped. The upload is paused and continues by itself as soon as the server answers again.');
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
        const res = await this.send(tokenGetModel(this.options.model), undefined, undefined);
        if (this._state !== 'offline') return;
        if (res.kind === 'ok' || (res.kind === 'kaltura' && !isRetryableStatus(res.status))) {
          if (res.kind === 'ok') this.applyServerHeld(res.json);
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
        const res = await this.send(tokenGetModel(this.options.model), undefined, undefined);
        if (res.kind === 'ok') {
          this.applyServerHeld(res.json);
          this.needResync = false;
        } else if (res.kind === 'network') this.goOffline();
        else if (res.kind === 'kaltura' && !retryable(res)) this.failWith(new UploadError(kalturaMessage(res.error), 'kaltura', res.error));
      })().finally(() => {
        this.resyncing = undefined;
      });
    }
    return this.resyncing;
  }

  private applyServerHeld(json: unknown): void {
    const t = json as UploadTokenJson | undefined;
    if (t && typeof t.uploadedFileSize === 'number') this.held = t.uploadedFileSize;
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
   * Sends one request made from `model` (with `blob` as the file field's bytes). Never throws for
   * network, HTTP or API failures: it returns what happened.
   */
  private async send(model: RequestModel, blob: Blob | undefined, key: number | undefined): Promise<SendOutcome> {
    const http = toHttpRequest(model);
    const ac = new AbortController();
    this.controllers.add(ac);
    if (this.fatal) ac.abort();
    const size = blob?.size ?? 0;
    const timeoutMs = this.options.requestTimeoutMs ?? 120_000 + Math.ceil(size / 32);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ac.abort();
    }, timeoutMs);
    if (key !== undefined) this.inflightLoaded.set(key, 0);
    try {
      const res = await this.transport({
        http,
        files: blob ? { [this.fileField]: blob } : {},
        signal: ac.signal,
        onUploadProgress:
          key === undefined
            ? undefined
            : (loaded, total) => {
                if (!this.inflightLoaded.has(key)) return;
                const est = total > 0 ? (loaded / total) * size : Math.min(loaded, size);
                this.inflightLoaded.set(key, Math.min(size, est));
                this.emitProgress();
              },
      });
      if (key !== undefined) this.sentDone += size;
      return answerOutcome(res);
    } catch (e) {
      if (timedOut) return { kind: 'network', error: new Error(`No answer within ${Math.round(timeoutMs / 1000)} s.`) };
      if (isAbortError(e)) return { kind: 'aborted' };
      if (isNetworkError(e)) return { kind: 'network', error: e };
      // Anything else (a transport bug, a file that cannot be read) is not worth retrying.
      return this.failWith(new UploadError(`The upload could not send a request: ${e instanceof Error ? e.message : String(e)}`, 'input'));
    } finally {
      clearTimeout(timer);
      this.controllers.delete(ac);
      if (key !== undefined) this.inflightLoaded.delete(key);
    }
  }

  private record(r: Omit<SendRecord, 'outcome' | 'error'>, out: SendOutcome): void {
    const rec: SendRecord = {
      ...r,
      outcome:
        out.kind === 'ok' ? 'ok' : out.kind === 'aborted' ? 'aborted' : out.kind === 'network' ? 'network' : out.kind === 'kaltura' && out.error.code === CANNOT_MATCH ? 'cannot-match' : 'error',
    };
    if (out.kind === 'kaltura') rec.error = out.error.code;
    else if (out.kind === 'http') rec.error = `HTTP ${out.status}`;
    else if (out.kind === 'network') rec.error = out.error instanceof Error ? out.error.message : String(out.error);
    this.sends.push(rec);
    this.emit({ type: 'send', record: rec });
  }

  /** What to do after a failed attempt: retry after a backoff, or fail. Returns the delay. */
  private classify(out: Exclude<SendOutcome, { kind: 'ok' } | { kind: 'aborted' } | { kind: 'network' }>, attempts: number, maxAttempts: number, what: string): number {
    if (out.kind === 'kaltura' && !retryable(out)) this.failWith(new UploadError(kalturaMessage(out.error), 'kaltura', out.error));
    if (out.kind === 'http' && !retryable(out)) this.failWith(new UploadError(`The server answered HTTP ${out.status} to ${what}: ${out.text}`, 'http'));
    if (attempts >= maxAttempts) {
      const why = out.kind === 'kaltura' ? kalturaMessage(out.error) : `HTTP ${out.status}: ${out.text}`;
      this.failWith(
        new UploadError(`${what} failed ${attempts} times (${why}). The upload stopped; pick the same file again to continue it from where it stopped.`, out.kind, out.kind === 'kaltura' ? out.error : undefined),
      );
    }
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
      await sleep(this.classify(out, attempts, this.retry.maxAttempts, 'Reading the upload token (uploadToken.get)'), this.cancelController.signal);
    }
  }

  /** Refuses a file that is not the one the token holds part of. Returns true when the token is already complete with this file. */
  private checkToken(token: UploadTokenJson, fp: Fingerprint): boolean {
    const held = token.uploadedFileSize ?? 0;
    const status = token.status ?? UPLOAD_TOKEN_STATUS.PENDING;
    const id = this.tokenId ?? token.id;
    const stored = this.store.get(id);
    const statusName = uploadTokenStatusName(status) ?? String(status);
    if (status === UPLOAD_TOKEN_STATUS.CLOSED || status === UPLOAD_TOKEN_STATUS.DELETED || status === UPLOAD_TOKEN_STATUS.TIMED_OUT) {
      this.failWith(
        new UploadError(`The upload token ${id} is ${statusName}: it no longer accepts data. Create a new upload token (step 1) and upload again.`, 'kaltura', {
          code: 'UPLOAD_TOKEN_INVALID_STATUS_FOR_UPLOAD',
          message: `Upload token is ${statusName}`,
        }),
      );
    }
    const refuse = (why: string): never =>
      this.failWith(
        new UploadError(
          `This upload token already holds ${formatBytes(held)} of another file${stored ? ` ("${stored.name}", ${formatBytes(stored.size)})` : token.fileName ? ` ("${token.fileName}")` : ''}, and the file you picked ("${fp.name}", ${formatBytes(fp.size)}) is not it: ${why}. Pick the same file to continue that upload, or create a new upload token (step 1) to upload this one.`,
          'mismatch',
        ),
      );
    if (held > 0 || status === UPLOAD_TOKEN_STATUS.FULL_UPLOAD) {
      if (stored) {
        const diffs = fingerprintDifferences(stored, fp);
        if (diffs.length > 0) {
          const words = { name: 'its name differs', size: 'its size differs', lastModified: 'it was modified since', content: 'its first or last bytes differ' };
          refuse(diffs.map((d) => words[d]).join(', '));
        }
      } else {
        if (token.fileName && fp.name && token.fileName !== fp.name) refuse(`the token's file is named "${token.fileName}"`);
        if (fp.size < held) refuse(`it is smaller than what the token holds`);
        if (typeof token.fileSize === 'number' && token.fileSize > 0 && token.fileSize !== fp.size) refuse(`the token expects ${formatBytes(token.fileSize)}`);
        this.notice(
          'warning',
          `This browser has no record of the file that started this upload; it continues because the name and size fit. If it is not the same file, create a new upload token instead.`,
        );
      }
    }
    if (status === UPLOAD_TOKEN_STATUS.FULL_UPLOAD) {
      if (held !== fp.size) refuse('the token holds a complete file of another size');
      this.notice('info', 'This file is already uploaded to this token: nothing to send.');
      return true;
    }
    return false;
  }

  private async runChunked(): Promise<UploadTokenJson> {
    if (!this.tokenId) throw new UploadError('The upload needs an upload token id (uploadTokenId): run step 1 first or fill it in.', 'input');
    this.setState('preparing');
    const fp = await fingerprintFile(this.file);
    if (this._state === 'preparing') this.setState('running');
    const token = await this.getToken();
    if (this.checkToken(token, fp)) {
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
    if (first.offset === 0 && first.state === 'pending') await this.sendRange(first);
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
      const model = chunkModel(this.options.model, { ...this.fileMeta(0), resume: true, finalChunk: true, resumeAt: total }, this.fileField);
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
          this.failWith(new UploadError(`The server could not assemble the file (${CANNOT_MATCH} ${attempts} times). Pick the same file again to continue.`, 'kaltura', out.error));
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
    const r = this.ranges[i];
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
