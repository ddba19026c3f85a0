/**
 * Deriving the requests of a chunked upload from the step's RequestModel (uploadToken.upload):
 * each chunk is the same model with resume / finalChunk / resumeAt and the file value set. The
 * probe (uploadToken.get) is built the same way. Nothing here builds URLs or bodies: that is
 * lib/request/http.ts.
 */
import { uploadTokenGetModel } from '@/lib/request/models';
import type { Field, RequestModel, Value } from '@/lib/request/types';

/** uploadToken.upload's arguments in the API's order. */
export const UPLOAD_ARG_ORDER = ['uploadTokenId', 'fileData', 'resume', 'finalChunk', 'resumeAt'] as const;

/** uploadToken.upload (names are case-insensitive on the server) with a file value. */
export function isUploadCall(model: RequestModel): boolean {
  return (
    model.service.toLowerCase() === 'uploadtoken' &&
    model.action.toLowerCase() === 'upload' &&
    model.params.some((p) => p.value.kind === 'file')
  );
}

/** The file parameter of an upload call whose bytes are given: what the chunked uploader takes over. */
export function uploadFileParam(x: { model: RequestModel; files: Record<string, Blob> }): Field | undefined {
  if (!isUploadCall(x.model)) return undefined;
  const p = x.model.params.find((f) => f.value.kind === 'file');
  return p && x.files[p.name] ? p : undefined;
}

export function findParam(model: RequestModel, name: string): Value | undefined {
  return model.params.find((p) => p.name === name)?.value;
}

function resolve(v: Value | undefined): Value | undefined {
  if (v && v.kind === 'ref') return v.resolved;
  return v;
}

/** A boolean form value (bool, `enum` of booleans, "true"/"1"), or the default when absent. */
export function boolParam(model: RequestModel, name: string, dflt: boolean): boolean {
  const v = resolve(findParam(model, name));
  if (!v) return dflt;
  switch (v.kind) {
    case 'bool':
      return v.value;
    case 'int':
    case 'float':
      return v.value !== 0;
    case 'string':
      return !(v.value === '' || v.value === '0' || v.value.toLowerCase() === 'false');
    case 'enum':
      return !(v.value === 0 || v.value === '0' || v.value === 'false' || v.value === '');
    case 'null':
      return dflt;
    default:
      return dflt;
  }
}

export function numberParam(model: RequestModel, name: string, dflt: number): number {
  const v = resolve(findParam(model, name));
  if (!v) return dflt;
  if (v.kind === 'int' || v.kind === 'float') return v.value;
  if (v.kind === 'string' && v.value.trim() !== '' && Number.isFinite(Number(v.value))) return Number(v.value);
  return dflt;
}

/** resume / finalChunk / resumeAt as the model sends them (absent: false, true, -1). */
export function chunkFlags(model: RequestModel): { resume: boolean; finalChunk: boolean; resumeAt: number } {
  return {
    resume: boolParam(model, 'resume', false),
    finalChunk: boolParam(model, 'finalChunk', true),
    resumeAt: numberParam(model, 'resumeAt', -1),
  };
}

/**
 * Whether the form makes its own chunk: resume / finalChunk / resumeAt other than the values of
 * one whole-file request (false, true, -1 or 0). The upload is then one request with exactly
 * those values; otherwise the uploader decides how to send the file.
 */
export function isHandMadeChunk(model: RequestModel): boolean {
  const { resume, finalChunk, resumeAt } = chunkFlags(model);
  return resume || !finalChunk || (resumeAt !== -1 && resumeAt !== 0);
}

/** The upload token id the model sends (a string, or a resolved reference to step 1's `id`). */
export function tokenIdOf(model: RequestModel): string | undefined {
  const v = resolve(findParam(model, 'uploadTokenId'));
  if (v && v.kind === 'string' && v.value) return v.value;
  return undefined;
}

/** Returns a copy of the model with `name` set to `value`, keeping uploadToken.upload's argument order. */
export function withParam(model: RequestModel, name: string, value: Value): RequestModel {
  const params: Field[] = model.params.filter((p) => p.name !== name);
  params.push({ name, value });
  const rank = (n: string) => {
    const i = (UPLOAD_ARG_ORDER as readonly string[]).indexOf(n);
    return i < 0 ? UPLOAD_ARG_ORDER.length : i;
  };
  // Stable sort: known arguments in the API's order, any others after them as they came.
  const sorted = params
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p.name) - rank(b.p.name) || a.i - b.i)
    .map((x) => x.p);
  return { ...model, params: sorted };
}

export interface ChunkParams {
  /** The file value for this chunk (size is the chunk's). */
  name: string;
  size: number;
  mimeType?: string;
  path?: string;
  resume: boolean;
  finalChunk: boolean;
  resumeAt: number;
}

/** The RequestModel of one chunk: the step's model with the chunk's file and flags. */
export function chunkModel(base: RequestModel, c: ChunkParams, fileField = 'fileData'): RequestModel {
  let m = withParam(base, fileField, {
    kind: 'file',
    name: c.name,
    size: c.size,
    ...(c.mimeType ? { mimeType: c.mimeType } : {}),
    ...(c.path ? { path: c.path } : {}),
  });
  m = withParam(m, 'resume', { kind: 'bool', value: c.resume });
  m = withParam(m, 'finalChunk', { kind: 'bool', value: c.finalChunk });
  m = withParam(m, 'resumeAt', { kind: 'int', value: c.resumeAt });
  return m;
}

/** uploadToken.get for the same token, connection and session as the upload model. */
export function tokenGetModel(base: RequestModel): RequestModel {
  return uploadTokenGetModel(findParam(base, 'uploadTokenId'), base, base.stepIndex);
}
