/**
 * The small vocabulary the Kaltura description is written in (classes.ts, services.ts) and
 * that openapi.ts turns into an OpenAPI 3.0 document.
 */
import type { TypeRef } from '../types';

export const t = {
  string: { kind: 'string' } as TypeRef,
  int: { kind: 'int' } as TypeRef,
  float: { kind: 'float' } as TypeRef,
  bool: { kind: 'bool' } as TypeRef,
  file: { kind: 'file' } as TypeRef,
  enum: (name: string): TypeRef => ({ kind: 'enum', name }),
  object: (className: string): TypeRef => ({ kind: 'object', className }),
  array: (itemClass: string): TypeRef => ({ kind: 'array', itemClass }),
  map: (itemClass: string): TypeRef => ({ kind: 'map', itemClass }),
};

export interface PropSpec {
  type: TypeRef;
  description?: string | undefined;
  readOnly?: boolean | undefined;
  insertOnly?: boolean | undefined;
  /** Input widget hint copied into the schema as `x-inputType` (e.g. `datetime`). */
  inputType?: string | undefined;
}

export interface ClassSpec {
  /** Base class; classes without one derive from KalturaObjectBase. */
  base?: string;
  abstract?: boolean;
  description?: string;
  /** Own properties in the order of the client libraries. */
  properties: Record<string, PropSpec>;
  /**
   * The client plugin that holds the class when it is not what its name and its users suggest:
   * `null` for a core class that only plugin services use here (see lib/description/plugins.ts).
   */
  plugin?: string | null;
}

export interface ParamSpec {
  name: string;
  type: TypeRef;
  /** Defaults to true when there is no default. */
  required?: boolean;
  default?: unknown;
  description?: string;
  inputType?: string;
  /** Properties of an object argument the action requires (`media.add`: the entry's mediaType). */
  requiredProperties?: string[];
}

export interface ActionSpec {
  description: string;
  params: ParamSpec[];
  result?: TypeRef;
  /** Defaults to true. */
  requiresKs?: boolean;
  /** Sent as multipart/form-data (an action with a file argument). */
  multipart?: boolean;
  /** Error codes the action documents (templates in ./errors.ts), in the order Kaltura lists them. */
  errors?: string[];
}

export interface ServiceSpec {
  /** Canonical id as the client libraries name it (`uploadToken`); paths use it lower-cased. */
  id: string;
  /**
   * The client plugin that holds the service (`caption`, `metadata`, `elasticSearch`), for
   * plugin services. Their URL name is `{plugin}_{service}` lower-cased
   * (`/service/caption_captionasset/action/add`); the client name stays `id`.
   */
  plugin?: string;
  description: string;
  actions: Record<string, ActionSpec>;
}

/** The service as the URL names it: `uploadtoken`, or `{plugin}_{service}` for a plugin service. */
export function serviceUrlId(service: ServiceSpec): string {
  return (service.plugin ? `${service.plugin}_${service.id}` : service.id).toLowerCase();
}

/** A property: `p(t.string, 'Entry name')`, flags as a third argument. */
export function p(
  type: TypeRef,
  description?: string,
  flags: { readOnly?: boolean; insertOnly?: boolean; inputType?: string } = {},
): PropSpec {
  return { type, description, ...flags };
}

/** A read-only property. */
export function ro(type: TypeRef, description?: string): PropSpec {
  return { type, description, readOnly: true };
}

/** An insert-only property (set on add, ignored on update). */
export function io(type: TypeRef, description?: string): PropSpec {
  return { type, description, insertOnly: true };
}

export type EnumValueSpec = readonly [name: string, value: number | string, label?: string];

export interface EnumSpec {
  base: 'int' | 'string';
  /** As ClassSpec.plugin: `null` for a core enum that only plugin services use here. */
  plugin?: string | null;
  description?: string;
  values: readonly EnumValueSpec[];
  /**
   * The values are a selection of a long enum (KalturaLanguage has hundreds): the common ones,
   * each exactly as Kaltura defines it. The OpenAPI output says so (`x-enumPartial`), and the
   * reference cross-check asks for a subset instead of the whole list.
   */
  partial?: boolean;
}

/** The fields every entry list sorts by (KalturaBaseEntryOrderBy; its subclasses' orders add to them). */
export const ORDER_BY_BASE_ENTRY = [
  'createdAt',
  'endDate',
  'moderationCount',
  'name',
  'partnerSortValue',
  'rank',
  'recent',
  'startDate',
  'totalRank',
  'updatedAt',
  'weight',
] as const;

/** `+field` -> FIELD_ASC, `-field` -> FIELD_DESC, as the Kaltura order-by enums name them. */
export function orderBy(fields: readonly string[]): EnumValueSpec[] {
  const constant = (f: string) => f.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
  const sorted = [...fields].sort();
  return [
    ...sorted.map((f): EnumValueSpec => [`${constant(f)}_ASC`, `+${f}`]),
    ...sorted.map((f): EnumValueSpec => [`${constant(f)}_DESC`, `-${f}`]),
  ];
}

/** Everything one area of the API (a plugin, a feature) adds to the description. */
export interface AreaSpec {
  services?: ServiceSpec[];
  classes?: Record<string, ClassSpec>;
  enums?: Record<string, EnumSpec>;
}

/** Merges name -> spec tables; a name defined twice is a mistake in the description. */
export function mergeSpecs<T>(what: string, ...tables: Record<string, T>[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const table of tables) {
    for (const [name, spec] of Object.entries(table)) {
      if (Object.prototype.hasOwnProperty.call(out, name)) throw new Error(`Kaltura description: ${what} ${name} is defined twice`);
      out[name] = spec;
    }
  }
  return out;
}
