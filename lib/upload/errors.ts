/** Errors the uploader reports. Each message says what happened and what to do. */
import type { KalturaErrorBody } from './types';

export class UploadError extends Error {
  constructor(
    message: string,
    /** `kaltura` (the API answered an error), `http`, `network`, `mismatch` (another file), `cancelled`, `input`. */
    readonly kind: 'kaltura' | 'http' | 'network' | 'mismatch' | 'cancelled' | 'input',
    /** The Kaltura error object when kind is `kaltura`. */
    readonly kaltura?: KalturaErrorBody,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: string }).name === 'AbortError';
}

/** fetch rejects with TypeError on a network failure; XHR transport does the same. */
export function isNetworkError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const name = (e as { name?: string }).name;
  return e instanceof TypeError || name === 'NetworkError' || name === 'TimeoutError';
}
