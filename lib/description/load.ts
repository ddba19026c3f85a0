/**
 * Reading an API description from its JSON text or from a URL, with errors that say what went
 * wrong. Kept apart from lib/description/index.ts so that a page which loads a description (a recipe's own
 * `openapi`) does not also bundle the built-in Kaltura description.
 */
import { createDescription } from './description';
import type { ApiDescription } from './types';

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
 * The JSON text of an API description, checked to be an OpenAPI 3 or Swagger 2.0 document; throws a
 * DescriptionLoadError naming `source` (not JSON, HTML, YAML, JSON of another kind).
 */
export function parseDescriptionText(text: string, source: string): unknown {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const start = text.trimStart().slice(0, 1);
    const hint =
      start === '<'
        ? ' (it looks like HTML: is the URL the document itself?)'
        : /^[a-z]/i.test(start)
          ? ' (YAML is not supported: give the JSON form of the document)'
          : '';
    throw new DescriptionLoadError(`The API description ${source} is not valid JSON${hint}: ${(e as Error).message}`, source, 'json');
  }
  const o = doc as Record<string, unknown> | null;
  if (!o || typeof o !== 'object' || Array.isArray(o) || (typeof o.openapi !== 'string' && typeof o.swagger !== 'string')) {
    throw new DescriptionLoadError(
      `The API description ${source} is JSON but not an OpenAPI description: it has no "openapi" or "swagger" version field.`,
      source,
      'shape',
    );
  }
  return doc;
}

/**
 * Loads an OpenAPI 3 or Swagger 2.0 document from `url` and reads it. Throws a
 * DescriptionLoadError that says what went wrong (unreachable, HTTP status, not JSON, not an
 * OpenAPI document); a document that is readable in part resolves, with `problems` listed.
 */
export async function loadDescriptionFromUrl(url: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): Promise<ApiDescription> {
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
  const doc = parseDescriptionText(text, url);
  return createDescription(doc);
}
