/**
 * The body a request is sent with, from its one HTTP form (toHttpRequest): form-urlencoded, or
 * multipart with the bytes of its file parts. The live call (execute.ts) and the uploader's
 * transports (lib/upload/transport.ts) both send this, so they cannot encode differently.
 */
import type { HttpRequest } from './types';

/** A file part of the request whose bytes were not given. */
export class MissingFileError extends Error {
  constructor(readonly field: string) {
    super(`Choose a file for ${field} first.`);
    this.name = 'MissingFileError';
  }
}

/**
 * `URLSearchParams` for a form, `FormData` for multipart (each file part from `files`, by its
 * field name), undefined for no body. Throws MissingFileError when a file part has no bytes.
 */
export function httpBody(http: HttpRequest, files: Record<string, Blob> = {}): URLSearchParams | FormData | undefined {
  const body = http.body;
  if (body.kind === 'none') return undefined;
  if (body.kind === 'form') return new URLSearchParams(body.fields);
  const fd = new FormData();
  for (const [k, v] of body.fields) fd.append(k, v);
  for (const f of body.files) {
    const blob = files[f.field];
    if (!blob) throw new MissingFileError(f.field);
    fd.append(f.field, blob, f.name || 'file');
  }
  return fd;
}
