/**
 * Kaltura operation paths, read and written in one place: `/service/{service}/action/{action}`,
 * as recipes, descriptions, dropdown sources and request URLs spell them. Reading tolerates what
 * people paste: a full URL, the `/api_v3` prefix, a query or fragment, trailing slashes,
 * `name/value` pairs after the action (as Kaltura's server accepts them), and the query form
 * `/api_v3/?service=media&action=add`. Names keep their spelling (lookups are case-insensitive).
 */
import type { ApiDescription, Operation } from './types';

export interface OperationPathParts {
  /** The service as the path names it (`media`, or a plugin service's `caption_captionasset`). */
  service: string;
  /** Absent for a path that names only a service (`/service/multirequest`). */
  action?: string;
}

const SERVICE_PATH = /^\/service\/([^/]+)(?:\/action\/([^/]+)(?:\/.*)?)?$/i;

/** The path part of `path` without origin, query, fragment, `/api_v3` prefix and trailing slashes; case kept. */
function barePath(path: string): string {
  let p = path.trim();
  const q = p.search(/[?#]/);
  if (q >= 0) p = p.slice(0, q);
  p = p.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+/i, ''); // a full URL
  if (!p.startsWith('/')) p = '/' + p;
  p = p.replace(/^\/api_v3(?=\/|$)/i, '');
  p = p.replace(/\/+$/, '');
  return p || '/';
}

/** The key paths are looked up by: `/API_V3/service/UploadToken/action/add/` -> `/service/uploadtoken/action/add`. */
export function normalizePath(path: string): string {
  return barePath(path).toLowerCase();
}

/**
 * The service and action a path names, or undefined when it is not a Kaltura operation path
 * (`/pets/{id}` of another API, an empty string).
 */
export function parseOperationPath(path: string): OperationPathParts | undefined {
  if (typeof path !== 'string') return undefined;
  const m = SERVICE_PATH.exec(barePath(path));
  if (m) return m[2] !== undefined ? { service: m[1]!, action: m[2] } : { service: m[1]! };
  const query = /\?([^#]*)/.exec(path.trim());
  const params = query ? new URLSearchParams(query[1]) : undefined;
  const service = params?.get('service');
  if (!service) return undefined;
  const action = params!.get('action');
  return action ? { service, action } : { service };
}

/** `/service/{service}/action/{action}`: the path of an operation (request URLs append it to `/api_v3`). */
export function operationPath(service: string, action: string): string {
  return `/service/${service}/action/${action}`;
}

/**
 * The operation a request names by service and action, whichever name it uses for the service:
 * the client's (`captionAsset`) or the URL's (`caption_captionasset`).
 */
export function operationNamed(
  desc: Pick<ApiDescription, 'operationByName' | 'operation'>,
  service: string,
  action: string,
): Operation | undefined {
  return desc.operationByName(service, action) ?? desc.operation(operationPath(service, action));
}
