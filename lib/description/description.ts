/**
 * `createDescription(doc)`: an ApiDescription read from an OpenAPI document.
 *
 * It reads three shapes, as far as each carries the information:
 * - the project's own OpenAPI 3.0 document (lib/description/openapi.ts) with its `x-` Kaltura facts;
 * - a Swagger 2.0 document shaped like Kaltura's published one (`definitions`, `x-enums`,
 *   formData/query/body parameters, `x-kaltura-parameters`, `x-enumType`, `x-abstract`);
 * - a plain OpenAPI 3 document from elsewhere (paths, requestBody, components.schemas).
 *
 * It never throws: what cannot be read is listed in `problems` and left out or given a graceful
 * default (an unknown type becomes `string`). Split by concern: read-schemas.ts (document shape,
 * `$ref`s, classes, enums, types), read-operations.ts (paths, operations, parameters, results),
 * indexed.ts (the ApiDescription with every index built once).
 */
import { Description } from './indexed';
import { Reader } from './read-operations';
import type { ApiDescription, ApiError, ClassDef, EnumDef, Operation } from './types';

export function createDescription(doc: unknown): ApiDescription {
  return new Reader(doc).build();
}

/** The parts an ApiDescription is made of, as plain data (see `describeParts`). */
export interface DescriptionParts {
  document?: unknown;
  operations: Operation[];
  classes: ClassDef[];
  enums: EnumDef[];
  problems?: string[];
  /**
   * Known answers of `concreteSubclasses(name)` by lower-case class name, for a description that
   * holds only part of a class tree (a slice); other names are computed from the classes given.
   */
  subclasses?: Record<string, string[]>;
  /** Known answers of `pluginOf(name)` (null: the core), for a slice; others are inferred from the parts. */
  plugins?: Record<string, string | null>;
  /** The error catalogue (see ApiDescription.errorCatalog). */
  errors?: ApiError[];
}

/** An ApiDescription over parts already read (merged descriptions, a slice sent to the page). */
export function describeParts(parts: DescriptionParts): ApiDescription {
  const classes = new Map<string, ClassDef>();
  for (const c of parts.classes) if (!classes.has(c.name.toLowerCase())) classes.set(c.name.toLowerCase(), c);
  const enums = new Map<string, EnumDef>();
  for (const e of parts.enums) if (!enums.has(e.name.toLowerCase())) enums.set(e.name.toLowerCase(), e);
  return new Description(
    parts.document ?? {},
    parts.operations,
    classes,
    enums,
    [...(parts.problems ?? [])],
    parts.subclasses,
    true,
    parts.plugins,
    parts.errors ?? [],
  );
}
