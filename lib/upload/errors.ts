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

/** A Kaltura error as the uploader reports it: the server's words, and what to do for the codes an upload meets. */
export function kalturaMessage(e: KalturaErrorBody): string {
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
