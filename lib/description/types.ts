/**
 * The API description as the rest of the project sees it. It is always built from an OpenAPI
 * document (the project's own Kaltura description, or one loaded from a URL), so forms, the
 * sandbox and code samples share one source of truth.
 */

export type TypeRef =
  | { kind: 'string' }
  | { kind: 'int' }
  | { kind: 'float' }
  | { kind: 'bool' }
  | { kind: 'file' }
  /** An enum class, e.g. KalturaMediaType (base int) or KalturaEntryStatus (base string). */
  | { kind: 'enum'; name: string }
  /** A Kaltura object class, e.g. KalturaMediaEntry (may be abstract: KalturaResource). */
  | { kind: 'object'; className: string }
  /**
   * Arrays and maps name their item class; for items that are not objects (an array of strings
   * in a foreign document, KalturaAPIException.args) `itemClass` is the scalar kind instead:
   * `string`, `int`, `float` or `bool`.
   */
  | { kind: 'array'; itemClass: string }
  | { kind: 'map'; itemClass: string };

export interface OperationParam {
  name: string;
  type: TypeRef;
  required: boolean;
  default?: unknown;
  description?: string;
  /** Input widget hint from the description (`x-inputType`: `password`, `datetime`, ...). */
  inputType?: string;
  /** Properties an object argument must have (its schema's `required` list). */
  requiredProperties?: string[];
}

/** An error an operation documents (`x-errors` / Swagger `x-Errors`): its code and message template. */
export interface ApiError {
  /** `CAPTION_ASSET_ID_NOT_FOUND` */
  code: string;
  /** The message with `@ARG@` placeholders: `Caption asset id "@ASSET_ID@" not found`. */
  message: string;
}

export interface Operation {
  /** `/service/{service}/action/{action}` with the canonical casing of the description. */
  path: string;
  /** Canonical service id as the client libraries name it: `uploadToken`, `media`, `session`, `metadataProfile`. */
  service: string;
  action: string;
  /**
   * The service as the URL names it, when it differs from `service` other than by case: plugin
   * services are `{plugin}_{service}` in the path (`metadata_metadataprofile`). Requests go to
   * `/service/{serviceId ?? service}/action/{action}`.
   */
  serviceId?: string;
  /** The client plugin that holds the service (`metadata`, `caption`), from the description's tag `x-plugin`. */
  plugin?: string;
  summary?: string;
  description?: string;
  /** In argument order (the order of the client libraries' method signatures). */
  params: OperationParam[];
  /** Result type; absent for void actions. */
  result?: TypeRef;
  /** Whether the action needs a KS (session.start does not). */
  requiresKs: boolean;
  /** The multirequest operation (`/service/multirequest`): sub-requests instead of fixed params. */
  multirequest?: boolean;
  /** Whether the description sends it as multipart/form-data (an action with a file argument). */
  multipart?: boolean;
  /** The HTTP method when it is not POST (foreign documents only; Kaltura actions are POST). */
  method?: string;
  /** The errors the description documents for this operation, in its order. */
  errors?: ApiError[];
}

export interface PropertyDef {
  name: string;
  type: TypeRef;
  description?: string;
  readOnly?: boolean;
  insertOnly?: boolean;
  /** Input widget hint from the description (`x-inputType`: `datetime`, ...). */
  inputType?: string;
}

export interface ClassDef {
  name: string;
  base?: string;
  abstract: boolean;
  description?: string;
  /** Own properties only; use `allProperties` for inherited ones. */
  properties: PropertyDef[];
  /** The client plugin that holds it, when the description says (`null`: the core); else inferred. */
  plugin?: string | null;
}

export interface EnumValue {
  /** Constant name as the client libraries spell it: VIDEO, FULL_UPLOAD. */
  name: string;
  value: number | string;
  /** Human label for dropdowns (defaults to name). */
  label?: string;
}

export interface EnumDef {
  name: string;
  base: 'int' | 'string';
  /** As ClassDef.plugin. */
  plugin?: string | null;
  values: EnumValue[];
}

export interface ApiDescription {
  /** The OpenAPI document this was built from (served at /api_v3/openapi.json for ours). */
  readonly document: unknown;
  /**
   * Case-insensitive lookup: `/service/uploadtoken/action/add` finds uploadToken.add (also with
   * `/api_v3`, a full URL or a query string). `method` picks another HTTP method than POST in a
   * foreign document; without it the POST operation of the path comes first.
   */
  operation(path: string, method?: string): Operation | undefined;
  operationByName(service: string, action: string): Operation | undefined;
  operations(): Operation[];
  getClass(name: string): ClassDef | undefined;
  getEnum(name: string): EnumDef | undefined;
  /** Own and inherited properties, base class first. */
  allProperties(className: string): PropertyDef[];
  /** Concrete classes that are `className` or derive from it (includes itself if concrete). */
  concreteSubclasses(className: string): string[];
  /** True when `className` is `base` or derives from it (case-insensitive). */
  isSubclassOf(className: string, base: string): boolean;
  /**
   * The client plugin that holds a class or enum (`metadata` for KalturaMetadataProfile), undefined
   * for the core. Inferred where the document does not say (see lib/description/plugins.ts).
   */
  pluginOf?(name: string): string | undefined;
  /** Every class, in document order. */
  classes?(): ClassDef[];
  /** Every enum, in document order. */
  enums?(): EnumDef[];
  /**
   * Every error the document catalogues (its root `x-errors`), by code; empty when it has none.
   * Operations list their own in `Operation.errors`.
   */
  errorCatalog?(): ApiError[];
  /**
   * What could not be read from the document (a broken $ref, a malformed path, ...). Empty
   * when the document was read whole. A description is still built from the rest.
   */
  problems?: string[] | undefined;
}
