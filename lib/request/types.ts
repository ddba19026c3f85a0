/**
 * The one request model. Every live call and every code sample is made from a RequestModel:
 * nothing else builds HTTP requests or prints calls. It has no hidden state: all that a sample or
 * the live call needs is here, and values that are secrets are marked.
 */

export type Value =
  | { kind: 'string'; value: string }
  | { kind: 'int'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' }
  /** An enum member: `enumType` KalturaMediaType, `value` 1, `constant` VIDEO. */
  | { kind: 'enum'; enumType: string; value: number | string; constant: string }
  /** A Kaltura object. `className` is the concrete class (its objectType). */
  | { kind: 'object'; className: string; fields: Field[] }
  | { kind: 'array'; itemClass?: string; items: Value[] }
  /**
   * A file to upload. `name`/`size`/`mimeType` describe it; `path` is what generated code opens
   * (`--file PATH` on the command line, a placeholder otherwise). The bytes live outside the
   * model (see HttpRequest.files / the uploader), keyed by the field path. `placeholder`: no file
   * is chosen yet (FILE_PLACEHOLDER): samples print its path, the live call cannot be made.
   */
  | { kind: 'file'; name: string; size: number; mimeType?: string; path?: string; placeholder?: true }
  /**
   * A value taken from an earlier step. `resolved` is its live value (used by the live call and
   * single-step samples); whole-recipe programs print a variable holding the earlier result.
   */
  | {
      kind: 'ref';
      fromStep: number;
      source: 'value' | 'answer';
      path: string;
      resolved?: Value;
    };

/** A required file that is not chosen yet: what code samples open until the user picks one. */
export const FILE_PLACEHOLDER: Readonly<Extract<Value, { kind: 'file' }>> = Object.freeze({
  kind: 'file',
  name: 'video.mp4',
  size: 0,
  path: '/path/to/video.mp4',
  placeholder: true,
});

export interface Field {
  name: string;
  value: Value;
  /** The value is a credential (an admin secret, a KS): samples mask it unless asked not to. */
  secret?: boolean;
}

export interface Connection {
  /** Base URL without `/api_v3`, e.g. `http://localhost:3000` or `https://www.kaltura.com`. */
  serviceUrl: string;
  partnerId?: number;
  /** Admin secret: only for setup code and session.start; never logged. */
  secret?: string;
  userId?: string;
  ks?: string;
}

export interface RequestModel {
  /** 0-based step index this request belongs to (for chaining in whole-recipe programs). */
  stepIndex: number;
  /** Canonical service and action names from the API description (`uploadToken`, `upload`). */
  service: string;
  action: string;
  /** The service as the URL names it when it differs (plugin services: `metadata_metadataprofile`). */
  serviceId?: string;
  /** The client plugin that holds the service (`metadata`), for generators that need it. */
  plugin?: string;
  /** Always POST for Kaltura. */
  method: 'POST';
  serviceUrl: string;
  /** Arguments in the operation's argument order; only those that are sent. */
  params: Field[];
  /** The session sent with the call (in the query). Always a secret. */
  ks?: string;
  partnerId?: number;
  /** Always 1 (JSON). */
  format: 1;
}

/** The HTTP form of a RequestModel, derived by `toHttpRequest` (lib/request/http.ts) only. */
export interface HttpRequest {
  method: 'POST';
  /** Full URL including `?format=1` and the ks. */
  url: string;
  /** Secret query values, so callers can mask them when printing. */
  secretQueryKeys: string[];
  body:
    | { kind: 'none' }
    | { kind: 'form'; fields: Array<[string, string]> }
    | {
        kind: 'multipart';
        fields: Array<[string, string]>;
        files: Array<{ field: string; name: string; size: number; mimeType?: string | undefined; path?: string | undefined }>;
      };
}
