/**
 * `createDescription(doc)`: an ApiDescription read from an OpenAPI document.
 *
 * It reads three shapes, as far as each carries the information:
 * - the project's own OpenAPI 3.0 document (lib/api/openapi.ts) with its `x-` Kaltura facts;
 * - a Swagger 2.0 document shaped like Kaltura's published one (`definitions`, `x-enums`,
 *   formData/query/body parameters, `x-kaltura-parameters`, `x-enumType`, `x-abstract`);
 * - a plain OpenAPI 3 document from elsewhere (paths, requestBody, components.schemas).
 *
 * It never throws: what cannot be read is listed in `problems` and left out or given a graceful
 * default (an unknown type becomes `string`). Every index is built once, here.
 */
import { normalizePath, parseOperationPath } from './operation-path';
import { pluginIndex } from './plugins';
import type { ApiDescription, ApiError, ClassDef, EnumDef, EnumValue, Operation, OperationParam, PropertyDef, TypeRef } from './types';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Parameters every Kaltura call accepts; they are not arguments of an action. */
const COMMON_PARAMS = new Set(['ks', 'format', 'clientTag', 'language', 'responseProfile']);
const HTTP_METHODS = ['post', 'get', 'put', 'patch', 'delete', 'head', 'options'];
const BODY_TYPES = ['application/json', 'multipart/form-data', 'application/x-www-form-urlencoded'];
const ERROR_CLASS = 'kalturaapiexception';

/** Strips the Kaltura description's markers (`readOnly`, `Enum Type: ...`) from a text. */
function cleanDescription(text: unknown): string | undefined {
  const s = str(text);
  if (!s) return undefined;
  const cleaned = s
    .replace(/`(readOnly|insertOnly|abstract)`\s*/g, '')
    .replace(/Enum Type: `[^`]*`\s*/g, '')
    .trim();
  return cleaned || undefined;
}

/** A schema's `x-kaltura-plugin`: the plugin, null for the core (''), undefined when not said. */
function pluginOfSchema(s: Json): string | null | undefined {
  const p = s['x-kaltura-plugin'];
  return typeof p === 'string' ? p || null : undefined;
}

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

class Reader {
  readonly problems: string[] = [];
  private readonly root: Json;
  private readonly swagger: boolean;
  /** Schema containers by their $ref prefix. */
  private readonly schemaPrefix: string;
  private readonly schemas: Json;
  private readonly classes = new Map<string, ClassDef>();
  private readonly enums = new Map<string, EnumDef>();
  /** Lower-case schema name -> canonical name, for every schema that is a class or an enum. */
  private readonly classKeys = new Map<string, string>();
  private readonly enumKeys = new Map<string, string>();
  private readonly operations: Operation[] = [];

  constructor(private readonly doc: unknown) {
    if (!isObject(doc)) {
      this.problems.push(
        `The API description is not a JSON object (got ${doc === null ? 'null' : Array.isArray(doc) ? 'an array' : typeof doc}); expected an OpenAPI 3 or Swagger 2.0 document.`,
      );
      this.root = {};
    } else {
      this.root = doc;
    }
    this.swagger = str(this.root.swagger)?.startsWith('2') ?? false;
    if (!this.swagger && isObject(doc) && !str(this.root.openapi)) {
      this.problems.push('The document has neither an "openapi" nor a "swagger" version; it is read as OpenAPI 3.');
    }
    if (this.root.components !== undefined && !isObject(this.root.components)) {
      this.problems.push('"components" is not an object: its schemas were not read.');
    }
    if (this.root.definitions !== undefined && !isObject(this.root.definitions)) {
      this.problems.push('"definitions" is not an object: its schemas were not read.');
    }
    const components = isObject(this.root.components) ? this.root.components : {};
    if (this.swagger) {
      this.schemaPrefix = '#/definitions/';
      this.schemas = isObject(this.root.definitions) ? this.root.definitions : {};
    } else {
      this.schemaPrefix = '#/components/schemas/';
      this.schemas = isObject(components.schemas) ? components.schemas : {};
    }
  }

  build(): ApiDescription {
    this.readSwaggerEnums();
    this.readSchemas();
    this.readPaths();
    return new Description(this.doc, this.operations, this.classes, this.enums, this.problems, undefined, false, undefined, this.catalog());
  }

  /** The root `x-errors`: `{code, message}` items (Kaltura's published document adds `name`). */
  private catalog(): ApiError[] {
    const out: ApiError[] = [];
    for (const e of arr(this.root['x-errors'])) {
      if (isObject(e) && typeof e.code === 'string' && e.code) out.push({ code: e.code, message: str(e.message) ?? e.code });
    }
    return out;
  }

  // ------------------------------------------------------------------ $ref

  /** Resolves a local JSON pointer (`#/components/schemas/X`); undefined (and a problem) when broken. */
  private resolvePointer(ref: string, where: string): unknown {
    if (!ref.startsWith('#/')) {
      this.problems.push(`${where}: $ref "${ref}" points outside this document; it is ignored.`);
      return undefined;
    }
    let node: unknown = this.root;
    for (const raw of ref.slice(2).split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (!isObject(node) && !Array.isArray(node)) {
        node = undefined;
        break;
      }
      node = (node as Json)[key];
    }
    if (node === undefined) this.problems.push(`${where}: $ref "${ref}" does not resolve.`);
    return node;
  }

  /** The schema name of a `$ref` into the schema container, if it is one. */
  private schemaName(ref: string): string | undefined {
    if (ref.startsWith(this.schemaPrefix)) return decodeURIComponent(ref.slice(this.schemaPrefix.length));
    // A document may mix both spellings.
    for (const prefix of ['#/components/schemas/', '#/definitions/']) {
      if (ref.startsWith(prefix)) return decodeURIComponent(ref.slice(prefix.length));
    }
    return undefined;
  }

  // ------------------------------------------------------------------ classes and enums

  private isEnumSchema(s: Json): boolean {
    if (s['x-kaltura-enum'] !== undefined) return true;
    if (!Array.isArray(s.enum)) return false;
    return s.type !== 'object' && !isObject(s.properties);
  }

  private readSchemas(): void {
    // Names first, so that properties may refer to classes defined later.
    for (const [name, schema] of Object.entries(this.schemas)) {
      if (!isObject(schema)) {
        this.problems.push(`Schema "${name}" is not an object; it is ignored.`);
        continue;
      }
      if (this.isEnumSchema(schema)) this.enumKeys.set(name.toLowerCase(), name);
      else this.classKeys.set(name.toLowerCase(), name);
    }
    for (const [name, schema] of Object.entries(this.schemas)) {
      if (isObject(schema) && this.isEnumSchema(schema)) this.readEnumSchema(name, schema);
    }
    for (const [name, schema] of Object.entries(this.schemas)) {
      if (isObject(schema) && !this.isEnumSchema(schema)) this.readClass(name, schema);
    }
  }

  private readEnumSchema(name: string, s: Json): void {
    const values = arr(s.enum);
    const names = arr(s['x-enumNames']);
    const labels = arr(s['x-enumLabels']);
    const def = this.addEnum(name, s.type, values, names.length ? names : labels, labels);
    const plugin = pluginOfSchema(s);
    if (def && plugin !== undefined) def.plugin = plugin;
  }

  /** Registers an enum from its values and (optional) constant names and labels. */
  private addEnum(name: string, type: unknown, values: unknown[], names: unknown[], labels: unknown[]): EnumDef | undefined {
    const existing = this.enums.get(name.toLowerCase());
    if (existing) return existing;
    const out: EnumValue[] = [];
    values.forEach((value, i) => {
      if (typeof value !== 'number' && typeof value !== 'string') {
        if (typeof value === 'boolean') out.push({ name: String(value), value: String(value) });
        return;
      }
      const constant = str(names[i]) ?? String(value);
      const label = str(labels[i]);
      out.push(label && label !== constant ? { name: constant, value, label } : { name: constant, value });
    });
    const base: EnumDef['base'] =
      type === 'integer' || type === 'number' || (type === undefined && out.length > 0 && out.every((v) => typeof v.value === 'number'))
        ? 'int'
        : 'string';
    const def: EnumDef = { name, base, values: out };
    this.enums.set(name.toLowerCase(), def);
    this.enumKeys.set(name.toLowerCase(), name);
    return def;
  }

  /** Swagger 2.0 documents like Kaltura's keep enums in `x-enums` as `oneOf: [{enum:[v], title}]`. */
  private readSwaggerEnums(): void {
    const xEnums = this.root['x-enums'];
    if (!isObject(xEnums)) return;
    for (const [name, e] of Object.entries(xEnums)) {
      if (this.enums.has(name.toLowerCase())) continue;
      if (!isObject(e)) continue;
      const members = arr(e.oneOf).filter(isObject);
      const values = members.map((m) => arr(m.enum)[0]);
      const names = members.map((m) => m.title);
      // An enum used before its x-enums entry was read gets the full list now.
      this.addEnum(name, e.type, values, names, []);
    }
  }

  private readClass(name: string, s: Json): void {
    let base: string | undefined;
    const own: Json[] = [s];
    for (const member of arr(s.allOf)) {
      if (!isObject(member)) continue;
      const ref = str(member.$ref);
      if (ref) {
        const target = this.schemaName(ref);
        if (target !== undefined && base === undefined) {
          if (!isObject(this.schemas[target])) {
            this.problems.push(`Class "${name}": base $ref "${ref}" does not resolve.`);
          } else {
            base = target;
          }
        } else if (target === undefined) {
          const resolved = this.resolvePointer(ref, `Class "${name}"`);
          if (isObject(resolved)) own.push(resolved);
        }
      } else {
        own.push(member);
      }
    }
    const properties: PropertyDef[] = [];
    const seen = new Set<string>();
    for (const part of own) {
      if (!isObject(part.properties)) continue;
      for (const [prop, ps] of Object.entries(part.properties)) {
        if (seen.has(prop)) continue;
        seen.add(prop);
        properties.push(this.property(`${name}.${prop}`, prop, ps));
      }
    }
    const def: ClassDef = {
      name,
      abstract: s['x-abstract'] === true,
      properties,
    };
    const plugin = pluginOfSchema(s);
    if (plugin !== undefined) def.plugin = plugin;
    if (base) def.base = base;
    const description = cleanDescription(s.description);
    if (description) def.description = description;
    this.classes.set(name.toLowerCase(), def);
  }

  private property(where: string, name: string, raw: unknown): PropertyDef {
    const s = isObject(raw) ? raw : {};
    const flags = this.flags(s);
    const type: TypeRef =
      name === 'objectType' && (Array.isArray(s.enum) || s.type === 'string' || s.type === undefined) && !s['x-enumType']
        ? { kind: 'string' }
        : this.typeOf(s, where);
    const def: PropertyDef = { name, type };
    const description = flags.description;
    if (description) def.description = description;
    if (flags.readOnly) def.readOnly = true;
    if (flags.insertOnly) def.insertOnly = true;
    if (flags.inputType) def.inputType = flags.inputType;
    return def;
  }

  /** readOnly, insertOnly, description and x-inputType, also through an `allOf: [$ref]` wrapper. */
  private flags(s: Json): { readOnly: boolean; insertOnly: boolean; description?: string; inputType?: string } {
    const rawDescription = str(s.description) ?? '';
    return {
      readOnly: s.readOnly === true || /`readOnly`/.test(rawDescription),
      insertOnly: s['x-insertOnly'] === true || /`insertOnly`/.test(rawDescription),
      description: cleanDescription(rawDescription),
      inputType: str(s['x-inputType']),
    };
  }

  /** The TypeRef of a schema; `where` names it for problems and for anonymous enums/classes. */
  private typeOf(raw: unknown, where: string, depth = 0): TypeRef {
    if (!isObject(raw) || depth > 20) return { kind: 'string' };
    const s = raw;
    const enumType = str(s['x-enumType']);
    if (enumType) {
      const known = this.enumKeys.get(enumType.toLowerCase());
      if (known && this.enums.has(known.toLowerCase())) return { kind: 'enum', name: known };
      // Declared inline only (or declared later in x-enums): register from the inline values.
      const names = arr(s['x-enumNames']);
      const labels = arr(s['x-enumLabels']);
      const values = arr(s.enum);
      if (values.length) {
        const def = this.addEnum(enumType, s.type, values, names.length ? names : labels, names.length ? labels : []);
        return { kind: 'enum', name: def?.name ?? enumType };
      }
      if (this.swaggerEnumExists(enumType)) return { kind: 'enum', name: enumType };
    }
    const ref = str(s.$ref);
    if (ref) return this.refType(ref, where);
    for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
      const members = arr(s[key]).filter(isObject);
      if (!members.length) continue;
      const chosen =
        members.find((m) => {
          const r = str(m.$ref);
          return !(r && this.schemaName(r)?.toLowerCase() === ERROR_CLASS) && m.type !== 'null';
        }) ?? members[0];
      return this.typeOf(chosen, where, depth + 1);
    }
    if (Array.isArray(s.enum) && s.enum.length && s.type !== 'object' && s.type !== 'array') {
      const def = this.addEnum(
        where,
        s.type,
        s.enum,
        arr(s['x-enumNames']).length ? arr(s['x-enumNames']) : arr(s['x-enumLabels']),
        arr(s['x-enumNames']).length ? arr(s['x-enumLabels']) : [],
      );
      return def ? { kind: 'enum', name: def.name } : { kind: 'string' };
    }
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
    switch (type) {
      case 'integer':
        return { kind: 'int' };
      case 'number':
        return { kind: 'float' };
      case 'boolean':
        return { kind: 'bool' };
      case 'file':
        return { kind: 'file' };
      case 'string':
        return s.format === 'binary' ? { kind: 'file' } : { kind: 'string' };
      case 'array': {
        const item = this.typeOf(s.items, `${where}[]`, depth + 1);
        return { kind: 'array', itemClass: this.itemName(item, `${where}[]`) };
      }
      case 'object':
      case undefined: {
        if (isObject(s.properties) || isObject(s.allOf)) return this.inlineClass(s, where);
        const ap = s.additionalProperties;
        if (isObject(ap)) {
          const item = this.typeOf(ap, `${where}{}`, depth + 1);
          return { kind: 'map', itemClass: this.itemName(item, `${where}{}`) };
        }
        return { kind: 'string' };
      }
      default:
        return { kind: 'string' };
    }
  }

  private swaggerEnumExists(name: string): boolean {
    const xEnums = this.root['x-enums'];
    return isObject(xEnums) && isObject(xEnums[name]);
  }

  /** The class (or scalar kind) an array or map holds. */
  private itemName(item: TypeRef, where: string): string {
    switch (item.kind) {
      case 'object':
        return item.className;
      case 'enum':
        return item.name;
      case 'array':
      case 'map':
        return this.inlineClass({ type: 'object', properties: {} }, where).className;
      case 'file':
        return 'string';
      default:
        return item.kind;
    }
  }

  private refType(ref: string, where: string): TypeRef {
    const name = this.schemaName(ref);
    if (name !== undefined) {
      const key = name.toLowerCase();
      const enumName = this.enumKeys.get(key);
      if (enumName && isObject(this.schemas[name])) return { kind: 'enum', name: enumName };
      const className = this.classKeys.get(key);
      if (className && isObject(this.schemas[name])) return { kind: 'object', className };
      this.problems.push(`${where}: $ref "${ref}" does not resolve; read as a string.`);
      return { kind: 'string' };
    }
    const resolved = this.resolvePointer(ref, where);
    return isObject(resolved) ? this.typeOf(resolved, where, 1) : { kind: 'string' };
  }

  /** An anonymous object schema becomes a class named after where it appears. */
  private inlineClass(s: Json, where: string): { kind: 'object'; className: string } {
    if (!this.classes.has(where.toLowerCase())) {
      this.classKeys.set(where.toLowerCase(), where);
      this.readClass(where, s);
    }
    return { kind: 'object', className: this.classes.get(where.toLowerCase())?.name ?? where };
  }

  // ------------------------------------------------------------------ operations

  private readPaths(): void {
    const paths = this.root.paths;
    if (paths === undefined) {
      if (isObject(this.doc)) this.problems.push('The document has no "paths": it describes no operations.');
      return;
    }
    if (!isObject(paths)) {
      this.problems.push('"paths" is not an object: no operations were read.');
      return;
    }
    const docSecurity = Array.isArray(this.root.security) && this.root.security.length > 0;
    for (const [path, item] of Object.entries(paths)) {
      if (!isObject(item)) {
        this.problems.push(`Path "${path}" is not an object; it is ignored.`);
        continue;
      }
      const methods = HTTP_METHODS.filter((m) => isObject(item[m]));
      if (!methods.length) {
        this.problems.push(`Path "${path}" has no operation; it is ignored.`);
        continue;
      }
      for (const method of methods) {
        try {
          this.operations.push(this.readOperation(path, method, item, item[method] as Json, docSecurity));
        } catch (e) {
          // Defensive: a document shape nobody foresaw must not break the rest.
          this.problems.push(`${method.toUpperCase()} ${path} could not be read: ${(e as Error)?.message ?? String(e)}`);
        }
      }
    }
  }

  private readOperation(path: string, method: string, item: Json, op: Json, docSecurity: boolean): Operation {
    const where = `Operation ${method.toUpperCase()} ${path}`;
    const { service, action } = this.names(path, method, op);

    // Candidates in natural order: parameters (path-item then operation), then body properties.
    const candidates = new Map<string, OperationParam & { order: number }>();
    let multipart = false;
    const add = (param: OperationParam) => {
      if (!candidates.has(param.name)) candidates.set(param.name, { ...param, order: candidates.size });
    };
    const order = arr(op['x-kaltura-parameters']).filter((n): n is string => typeof n === 'string');
    const listed = new Set(order);
    /** Common parameters (ks, format, x-global ones): only kept when the action lists them. */
    const globals: OperationParam[] = [];

    for (const rawParam of [...arr(item.parameters), ...arr(op.parameters)]) {
      let param = rawParam;
      let viaRef = false;
      if (isObject(param) && typeof param.$ref === 'string') {
        viaRef = true;
        param = this.resolvePointer(param.$ref, where);
      }
      if (!isObject(param)) continue;
      const name = str(param.name);
      if (!name) continue;
      const location = str(param.in);
      if (location === 'header' || location === 'cookie') continue;
      if (location === 'body') {
        if (param['x-global'] === true) continue; // responseProfile and the like
        this.bodyParams(param.schema, `${service}.${action}`, where, add, param.required === true);
        continue;
      }
      if (location === 'formData' && param.type === 'file') multipart = true;
      const isGlobal = param['x-global'] === true || (viaRef && COMMON_PARAMS.has(name)) || name === 'ks';
      if (isGlobal && !listed.has(name)) continue;
      const schema = isObject(param.schema) ? { ...param, ...param.schema } : param;
      const read = this.param(name, schema, param.required === true, `${service}.${action}.${name}`);
      if (isGlobal) globals.push(read);
      else add(read);
    }

    const body = op.requestBody;
    if (body !== undefined) {
      const resolved = isObject(body) && typeof body.$ref === 'string' ? this.resolvePointer(body.$ref, where) : body;
      if (isObject(resolved) && isObject(resolved.content)) {
        const content = resolved.content;
        const type = BODY_TYPES.find((t) => isObject(content[t])) ?? Object.keys(content).find((t) => isObject(content[t]));
        if (type) {
          if (type === 'multipart/form-data') multipart = true;
          this.bodyParams((content[type] as Json).schema, `${service}.${action}`, where, add, resolved.required === true);
        }
      } else {
        this.problems.push(`${where}: requestBody has no content; its parameters are unknown.`);
      }
    }

    for (const g of globals) add(g);
    const ranked = [...candidates.values()];
    if (listed.size) {
      const rank = (n: string) => {
        const i = order.indexOf(n);
        return i < 0 ? order.length : i;
      };
      ranked.sort((a, b) => rank(a.name) - rank(b.name) || a.order - b.order);
    }
    const params: OperationParam[] = ranked.map(({ order: _order, ...p }) => p);

    const xRequires = op['x-requires-ks'];
    const requiresKs = typeof xRequires === 'boolean' ? xRequires : Array.isArray(op.security) ? op.security.length > 0 : docSecurity;

    const operation: Operation = {
      path,
      service,
      action,
      params,
      requiresKs,
    };
    const serviceId = parseOperationPath(path)?.service;
    if (serviceId && serviceId.toLowerCase() !== service.toLowerCase()) operation.serviceId = serviceId;
    const plugin = this.pluginOf(op, service, serviceId);
    if (plugin) operation.plugin = plugin;
    if (method !== 'post') operation.method = method;
    const summary = str(op.summary);
    if (summary) operation.summary = summary;
    const description = str(op.description);
    if (description) operation.description = description;
    const result = this.result(op, `${service}.${action}.result`, where);
    if (result) operation.result = result;
    const errors = this.errors(op);
    if (errors.length) operation.errors = errors;
    if (op['x-kaltura-multirequest'] === true || service.toLowerCase() === 'multirequest') operation.multirequest = true;
    if (multipart || params.some((p) => p.type.kind === 'file')) operation.multipart = true;
    return operation;
  }

  /**
   * The errors an operation documents: `x-errors` (a list of `{code, message}`, the project's own
   * documents) or Swagger `responses.x-Errors.description` (Kaltura's published document: a markdown
   * list of `` * `CODE`: message `` lines).
   */
  private errors(op: Json): ApiError[] {
    const out: ApiError[] = [];
    for (const e of arr(op['x-errors'])) {
      if (isObject(e) && typeof e.code === 'string' && e.code) out.push({ code: e.code, message: str(e.message) ?? e.code });
    }
    const responses = isObject(op.responses) ? op.responses : {};
    const listed = isObject(responses['x-Errors']) ? str(responses['x-Errors'].description) : undefined;
    if (listed) {
      // One error per `* `CODE`: message` item; a message may run over several lines.
      for (const m of listed.matchAll(/^\* `([A-Za-z0-9_]+)`:[ \t]*([\s\S]*?)(?=^\* `|(?![\s\S]))/gm)) {
        out.push({ code: m[1]!, message: m[2]!.trim() || m[1]! });
      }
    }
    return out;
  }

  /** Tag name (lower case) -> its `x-plugin`, read once. */
  private pluginTags?: Map<string, string>;

  /** The client plugin of an operation: `x-kaltura-plugin`, else its tag's `x-plugin`. */
  private pluginOf(op: Json, service: string, serviceId: string | undefined): string | undefined {
    const own = str(op['x-kaltura-plugin']);
    if (own) return own;
    if (!this.pluginTags) {
      this.pluginTags = new Map();
      for (const t of arr(this.root.tags)) {
        if (isObject(t) && typeof t.name === 'string' && typeof t['x-plugin'] === 'string')
          this.pluginTags.set(t.name.toLowerCase(), t['x-plugin']);
      }
    }
    for (const tag of [...arr(op.tags), service]) {
      const plugin = typeof tag === 'string' ? this.pluginTags.get(tag.toLowerCase()) : undefined;
      if (plugin) return plugin;
    }
    // Without tags, a plugin service is still recognisable by its path: `{plugin}_{service}`.
    const m = serviceId ? /^([a-z0-9]+)_([a-z0-9]+)$/i.exec(serviceId) : null;
    return m && m[2]!.toLowerCase() === service.toLowerCase() ? m[1] : undefined;
  }

  /** Canonical service and action names: x-kaltura-*, then operationId, then the path. */
  private names(path: string, method: string, op: Json): { service: string; action: string } {
    const match = parseOperationPath(path);
    const opId = str(op.operationId);
    const dot = opId ? opId.indexOf('.') : -1;
    let service = str(op['x-kaltura-service']);
    let action = str(op['x-kaltura-action']);
    if (service === undefined) {
      if (opId && dot > 0) service = opId.slice(0, dot);
      else if (match) service = match.service;
      else service = str(arr(op.tags)[0]) ?? path.split('/').filter(Boolean)[0] ?? '';
    }
    if (action === undefined) {
      if (opId && dot > 0) action = opId.slice(dot + 1);
      else if (match) action = match.action ?? '';
      else action = opId ?? method;
    }
    return { service: service!, action: action! };
  }

  /** Body properties as parameters; a body that is a class as a whole is one parameter `body`. */
  private bodyParams(raw: unknown, context: string, where: string, add: (p: OperationParam) => void, bodyRequired = false): void {
    const schema = raw;
    if (isObject(schema) && typeof schema.$ref === 'string') {
      const type = this.refType(schema.$ref, where);
      add({ name: 'body', type, required: bodyRequired });
      return;
    }
    if (!isObject(schema)) return;
    if (!isObject(schema.properties)) {
      if (isObject(schema.additionalProperties) || schema.additionalProperties === true) return; // free-form
      if (schema.type && schema.type !== 'object')
        add({ name: 'body', type: this.typeOf(schema, `${context}.body`), required: bodyRequired });
      return;
    }
    const required = new Set(arr(schema.required).filter((n): n is string => typeof n === 'string'));
    for (const [name, ps] of Object.entries(schema.properties)) {
      add(this.param(name, isObject(ps) ? ps : {}, required.has(name), `${context}.${name}`));
    }
  }

  private param(name: string, s: Json, required: boolean, context: string): OperationParam {
    const type = s.type === 'file' ? ({ kind: 'file' } as TypeRef) : this.typeOf(s, context);
    const param: OperationParam = { name, type, required };
    if (s.default !== undefined) param.default = s.default;
    const description = cleanDescription(s.description);
    if (description) param.description = description;
    const inputType = str(s['x-inputType']);
    if (inputType) param.inputType = inputType;
    const props = arr(s.required).filter((n): n is string => typeof n === 'string');
    if (props.length && (param.type.kind === 'object' || param.type.kind === 'map')) param.requiredProperties = props;
    return param;
  }

  private result(op: Json, context: string, where: string): TypeRef | undefined {
    const responses = op.responses;
    if (!isObject(responses)) return undefined;
    const code =
      ['200', '201', '2XX', 'default'].find((c) => responses[c] !== undefined) ?? Object.keys(responses).find((c) => /^2/.test(c));
    if (!code) return undefined;
    let response = responses[code];
    if (isObject(response) && typeof response.$ref === 'string') response = this.resolvePointer(response.$ref, where);
    if (!isObject(response)) return undefined;
    let schema: unknown = response.schema; // Swagger 2.0
    if (isObject(response.content)) {
      const content = response.content;
      const type = isObject(content['application/json']) ? 'application/json' : Object.keys(content).find((t) => isObject(content[t]));
      schema = type ? (content[type] as Json).schema : undefined;
    }
    if (!isObject(schema)) return undefined;
    return this.typeOf(schema, context);
  }
}

class Description implements ApiDescription {
  private readonly byPath = new Map<string, Operation>();
  private readonly byName = new Map<string, Operation>();
  private readonly children = new Map<string, string[]>();
  private readonly propsCache = new Map<string, PropertyDef[]>();

  constructor(
    readonly document: unknown,
    private readonly ops: Operation[],
    private readonly classMap: Map<string, ClassDef>,
    private readonly enumMap: Map<string, EnumDef>,
    readonly problems: string[],
    private readonly subclassMemo?: Record<string, string[]>,
    /** Parts from elsewhere (a slice, a merge): a base that is not here is not a problem of theirs. */
    partial = false,
    private readonly pluginMemo?: Record<string, string | null>,
    private readonly errorList: ApiError[] = [],
  ) {
    // POST operations first: a Kaltura path is a POST; other methods only fill in paths without one.
    for (const op of [...ops.filter((o) => !o.method), ...ops.filter((o) => o.method)]) {
      const pathKey = normalizePath(op.path);
      if (!this.byPath.has(pathKey)) this.byPath.set(pathKey, op);
      const nameKey = `${op.service}.${op.action}`.toLowerCase();
      if (!this.byName.has(nameKey)) this.byName.set(nameKey, op);
    }
    for (const cls of classMap.values()) {
      if (!cls.base) continue;
      const key = cls.base.toLowerCase();
      if (!classMap.has(key)) {
        if (!partial) problems.push(`Class "${cls.name}" derives from "${cls.base}", which is not described.`);
        continue;
      }
      const list = this.children.get(key) ?? [];
      list.push(cls.name);
      this.children.set(key, list);
    }
  }

  operation(path: string, method?: string): Operation | undefined {
    if (typeof path !== 'string') return undefined;
    const key = normalizePath(path);
    if (typeof method === 'string' && method.toLowerCase() !== 'post') {
      const m = method.toLowerCase();
      return this.ops.find((op) => op.method === m && normalizePath(op.path) === key);
    }
    const op = this.byPath.get(key);
    if (op) return op;
    // `/service/multirequest/action/null` and similar spellings, and the query form `/api_v3/?service=media&action=add`.
    const named = parseOperationPath(path);
    return named ? this.operationByName(named.service, named.action ?? '') : undefined;
  }

  operationByName(service: string, action: string): Operation | undefined {
    if (typeof service !== 'string') return undefined;
    const a = typeof action === 'string' ? action : '';
    const op = this.byName.get(`${service}.${a}`.toLowerCase());
    if (op) return op;
    if (a === '' || a.toLowerCase() === 'null') return this.byName.get(`${service}.`.toLowerCase());
    return undefined;
  }

  operations(): Operation[] {
    return [...this.ops];
  }

  getClass(name: string): ClassDef | undefined {
    return typeof name === 'string' ? this.classMap.get(name.toLowerCase()) : undefined;
  }

  getEnum(name: string): EnumDef | undefined {
    return typeof name === 'string' ? this.enumMap.get(name.toLowerCase()) : undefined;
  }

  classes(): ClassDef[] {
    return [...this.classMap.values()];
  }

  errorCatalog(): ApiError[] {
    return [...this.errorList];
  }

  enums(): EnumDef[] {
    return [...this.enumMap.values()];
  }

  /** The class chain from the root down to `className` (cycles cut). */
  private chain(className: string): ClassDef[] {
    const chain: ClassDef[] = [];
    const seen = new Set<string>();
    let cls = this.getClass(className);
    while (cls && !seen.has(cls.name.toLowerCase())) {
      seen.add(cls.name.toLowerCase());
      chain.unshift(cls);
      cls = cls.base ? this.getClass(cls.base) : undefined;
    }
    return chain;
  }

  allProperties(className: string): PropertyDef[] {
    if (typeof className !== 'string') return [];
    const key = className.toLowerCase();
    const cached = this.propsCache.get(key);
    if (cached) return [...cached];
    const byName = new Map<string, PropertyDef>();
    // A redefined property (orderBy in a subclass) keeps its place and takes the subclass' type.
    for (const cls of this.chain(className)) for (const p of cls.properties) byName.set(p.name, p);
    const props = [...byName.values()];
    this.propsCache.set(key, props);
    return [...props];
  }

  pluginOf(name: string): string | undefined {
    if (typeof name !== 'string') return undefined;
    if (this.pluginMemo && Object.prototype.hasOwnProperty.call(this.pluginMemo, name)) return this.pluginMemo[name] ?? undefined;
    return pluginIndex(this).of(name);
  }

  concreteSubclasses(className: string): string[] {
    const memo = typeof className === 'string' ? this.subclassMemo?.[className.toLowerCase()] : undefined;
    if (memo) return [...memo];
    const start = this.getClass(className);
    if (!start) return [];
    const out: string[] = [];
    const seen = new Set<string>();
    const visit = (cls: ClassDef) => {
      const key = cls.name.toLowerCase();
      if (seen.has(key)) return;
      seen.add(key);
      if (!cls.abstract) out.push(cls.name);
      for (const child of this.children.get(key) ?? []) {
        const c = this.getClass(child);
        if (c) visit(c);
      }
    };
    visit(start);
    return out;
  }

  isSubclassOf(className: string, base: string): boolean {
    if (typeof base !== 'string') return false;
    const target = base.toLowerCase();
    return this.chain(className).some((c) => c.name.toLowerCase() === target);
  }
}
