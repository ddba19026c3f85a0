/**
 * Types of the chunked uploader (lib/upload). Framework-free: used by the browser UI
 * (components/upload) and by Node (tests, scripts).
 */
import type { HttpRequest } from '@/lib/request/types';
import type { Upload } from './uploader';

/** What the uploader needs of a file: a size and slices that are real Blobs (File, Blob, fs.openAsBlob). */
export interface BlobLike {
  readonly size: number;
  slice(start?: number, end?: number, contentType?: string): Blob;
}

/** A File, or a Blob-like with the File fields it has. */
export interface FileLike extends BlobLike {
  readonly name?: string;
  readonly lastModified?: number;
  readonly type?: string;
}

/** One HTTP exchange as a transport performs it. */
export interface TransportRequest {
  http: HttpRequest;
  /** The bytes of the model's file values, keyed by the multipart field (e.g. `fileData`). */
  files: Record<string, Blob>;
  signal: AbortSignal;
  /** Called while the body is sent, when the transport can tell (XMLHttpRequest can, fetch cannot). */
  onUploadProgress?: ((loaded: number, total: number) => void) | undefined;
}

export interface TransportResponse {
  status: number;
  text: string;
}

/**
 * Sends one request. Must reject with a `TypeError` (or a `NetworkError`) when the connection
 * fails and with an error named `AbortError` when `signal` aborts.
 */
export type Transport = (req: TransportRequest) => Promise<TransportResponse>;

/** Identifies a local file without reading it whole. */
export interface Fingerprint {
  name: string;
  size: number;
  lastModified: number;
  /** sha256 (hex) of the first 64 KiB followed by the last 64 KiB (the whole file when smaller). */
  edgesSha256: string;
}

/** Where fingerprints are kept between page loads, keyed by upload token id. */
export interface FingerprintStore {
  get(tokenId: string): Fingerprint | undefined;
  set(tokenId: string, fp: Fingerprint): void;
  delete(tokenId: string): void;
}

export interface RetryPolicy {
  /** Attempts per chunk before the upload fails (the first send counts). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Delay multiplier per attempt. */
  factor: number;
  /** Attempts for the final chunk while the server answers UPLOAD_TOKEN_CANNOT_MATCH_EXPECTED_SIZE. */
  finalMaxAttempts: number;
}

export type UploadMode = 'auto' | 'chunked' | 'single';

/** How the user wants a file sent (the upload step's "Advanced" settings). */
export interface UploadChoice {
  mode: UploadMode;
  /** Undefined (or absent): the automatic choice (lib/upload/plan.ts). */
  chunkSize?: number | undefined;
  parallel?: number | undefined;
}

/** What the page's upload step gives a run of it: the user's choice, and where to show the running Upload. */
export interface UploadStepHooks {
  choice?: UploadChoice;
  /** Called with the Upload once it starts (to show its progress, pause, resume, cancel). */
  onUpload?: (u: Upload) => void;
}

export type UploadState = 'idle' | 'preparing' | 'running' | 'paused' | 'offline' | 'done' | 'failed' | 'cancelled';

export interface UploadProgress {
  state: UploadState;
  /** File size. */
  totalBytes: number;
  /** Bytes the server holds or acknowledged, plus estimates of bytes in flight (never above total). */
  doneBytes: number;
  /** Bytes the server already held when this session started (not sent again). */
  skippedBytes: number;
  /** Bytes put on the wire in this session (retries included). */
  sentBytes: number;
  /** 0..100 */
  percent: number;
  /** Bytes per second over the last few seconds (0 when unknown). */
  speed: number;
  /** Seconds left at the current speed, or undefined when unknown. */
  etaSeconds?: number | undefined;
  chunks: { total: number; done: number; inFlight: number; failed: number; retried: number };
  /** Chosen settings. */
  chunkSize: number;
  parallel: number;
  mode: 'single' | 'chunked' | 'manual';
}

/** One send, for instrumentation (tests count bytes sent per offset). */
export interface SendRecord {
  offset: number;
  size: number;
  resume: boolean;
  finalChunk: boolean;
  resumeAt: number;
  attempt: number;
  outcome: 'ok' | 'error' | 'network' | 'aborted' | 'cannot-match';
  /** Kaltura error code or HTTP status text when the outcome is not ok. */
  error?: string;
}

export type UploadEvent =
  | { type: 'progress'; progress: UploadProgress }
  | { type: 'state'; state: UploadState; progress: UploadProgress }
  /** Something the user should read: resuming from a held offset, the connection dropped, ... */
  | { type: 'notice'; level: 'info' | 'warning'; message: string }
  | { type: 'send'; record: SendRecord };

/** A Kaltura API error (HTTP 200 with `code` and `message`). */
export interface KalturaErrorBody {
  code: string;
  message: string;
  objectType?: string;
  args?: Record<string, string>;
}

/** The fields of a KalturaUploadToken the uploader reads. */
export interface UploadTokenJson {
  objectType?: string;
  id: string;
  status?: number;
  fileName?: string;
  fileSize?: number;
  uploadedFileSize?: number;
  [key: string]: unknown;
}
