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
  description?: string;
  readOnly?: boolean;
  insertOnly?: boolean;
  /** Input widget hint copied into the schema as `x-inputType` (e.g. `datetime`). */
  inputType?: string;
}

export interface ClassSpec {
  /** Base class; classes without one derive from KalturaObjectBase. */
  base?: string;
  abstract?: boolean;
  description?: string;
  /** Own properties in the order of the client libraries. */
  properties: Record<string, PropSpec>;
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
}

export interface ServiceSpec {
  /** Canonical id as the client libraries name it (`uploadToken`); paths use it lower-cased. */
  id: string;
  description: string;
  actions: Record<string, ActionSpec>;
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
