export { Upload, upload, type UploadOptions } from './uploader';
export { UploadError } from './errors';
export { autoSettings, chunkedByDefault, planChunks, applyHeld, DEFAULT_CHUNK_SIZE, DEFAULT_PARALLEL, KiB, MiB } from './plan';
export {
  fingerprintFile,
  fingerprintDifferences,
  MemoryFingerprintStore,
  LocalStorageFingerprintStore,
  defaultFingerprintStore,
} from './fingerprint';
export { fetchTransport, xhrTransport, defaultTransport } from './transport';
export { chunkModel, tokenGetModel, withParam, tokenIdOf, isUploadCall, uploadFileParam } from './model';
export { SpeedMeter, formatDuration, percentOf, etaSeconds } from './progress';
export { backoffDelay, DEFAULT_RETRY } from './retry';
export type * from './types';
