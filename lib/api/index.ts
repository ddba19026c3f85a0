/**
 * The API description: the project's own Kaltura description (built as OpenAPI 3.0) and
 * descriptions read from other OpenAPI documents. Framework-free; runs in the browser and Node.
 */
import { createDescription } from './description';
import { buildKalturaOpenApi } from './openapi';
import type { ApiDescription } from './types';

export type {
  ApiDescription,
  ClassDef,
  EnumDef,
  EnumValue,
  Operation,
  OperationParam,
  PropertyDef,
  TypeRef,
} from './types';
export { createDescription, normalizePath } from './description';
export { buildKalturaOpenApi, KALTURA_API_VERSION } from './openapi';

let kaltura: ApiDescription | undefined;

/** The description of the Kaltura services the console and the sandbox use (built once). */
export function getKalturaDescription(): ApiDescription {
  kaltura ??= createDescription(buildKalturaOpenApi());
  return kaltura;
}

/** Why loading a description from a URL failed, in words a user can act on. */
export class DescriptionLoadError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly reason: 'network' | 'http' | 'json' | 'shape',
  ) {
    super(message);
    this.name = 'DescriptionLoadError';
  }
}

/**
 * Loads an OpenAPI 3 or Swagger 2.0 document from `url` and reads it. Throws a
 * DescriptionLoadError that says what went wrong (unreachable, HTTP status, not JSON, not an
 * OpenAPI document); a document that is readable in part resolves, with `problems` listed.
 */
export async function loadDescriptionFromUrl(
  url: string,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): Promise<ApiDescription> {
  let response: Response;
  try {
    // no Referer (the page reading it is nobody's business) and no credentials
    response = await fetchImpl(url, { headers: { accept: 'application/json' }, referrerPolicy: 'no-referrer', credentials: 'omit' });
  } catch (e) {
    throw new DescriptionLoadError(
      `Could not reach ${url} (${(e as Error)?.message ?? String(e)}). Check the address, your connection, and that the server allows cross-origin requests (CORS).`,
      url,
      'network',
    );
  }
  if (!response.ok) {
    throw new DescriptionLoadError(
      `Loading the API description from ${url} failed with HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}. Check the address.`,
      url,
      'http',
    );
  }
  let text: string;
  try {
    text = await response.text();
  } catch (e) {
    throw new DescriptionLoadError(
      `The connection to ${url} broke while reading the API description (${(e as Error)?.message ?? String(e)}). Try again.`,
      url,
      'network',
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const start = text.trimStart().slice(0, 1);
    const hint = start === '<' ? ' (it looks like HTML: is the URL the document itself?)' : /^[a-z]/i.test(start) ? ' (YAML is not supported: give the JSON form of the document)' : '';
    throw new DescriptionLoadError(
      `The API description at ${url} is not valid JSON${hint}: ${(e as Error).message}`,
      url,
      'json',
    );
  }
  const isDoc =
    typeof doc === 'object' &&
    doc !== null &&
    !Array.isArray(doc) &&
    (typeof (doc as Record<string, unknown>).openapi === 'string' ||
      typeof (doc as Record<string, unknown>).swagger === 'string');
  if (!isDoc) {
    throw new DescriptionLoadError(
      `The document at ${url} is JSON but not an OpenAPI description: it has no "openapi" or "swagger" version field.`,
      url,
      'shape',
    );
  }
  return createDescription(doc);
}
