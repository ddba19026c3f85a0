/**
 * Reading an OpenAPI / Swagger document, part 1: the document's shape, `$ref` pointers, schemas
 * (classes with their properties, enums from `enum`/`x-enums`/Swagger's enum types) and the type of
 * any schema (TypeRef). Operations are read on top of this by read-operations.ts.
 */
import type { ApiError, ClassDef, EnumDef, EnumValue, Operation, PropertyDef, TypeRef } from './types';
import { arr, cleanDescription, ERROR_CLASS, isObject, type Json, pluginOfSchema, str } from './read-json';

export class SchemaReader {
  readonly problems: string[] = [];
  protected readonly root: Json;
  protected readonly swagger: boolean;
  /** Schema containers by their $ref prefix. */
  protected readonly schemaPrefix: string;
  protected readonly schemas: Json;
  protected readonly classes = new Map<string, ClassDef>();
  protected readonly enums = new Map<string, EnumDef>();
  /** Lower-case schema name -> canonical name, for every schema that is a class or an enum. */
  protected readonly classKeys = new Map<string, string>();
  protected readonly enumKeys = new Map<string, string>();
  protected readonly operations: Operation[] = [];

  constructor(protected readonly doc: unknown) {
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

  /** The root `x-errors`: `{code, message}` items (Kaltura's published document adds `name`). */
  protected catalog(): ApiError[] {
    const out: ApiError[] = [];
    for (const e of arr(this.root['x-errors'])) {
      if (isObject(e) && typeof e.code === 'string' && e.code) out.push({ code: e.code, message: str(e.message) ?? e.code });
    }
    return out;
  }

  // ------------------------------------------------------------------ $ref

  /** Resolves a local JSON pointer (`#/components/schemas/X`); undefined (and a problem) when broken. */
  protected resolvePointer(ref: string, where: string): unknown {
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
  protected schemaName(ref: string): string | undefined {
    if (ref.startsWith(this.schemaPrefix)) return decodeURIComponent(ref.slice(this.schemaPrefix.length));
    // A document may mix both spellings.
    for (const prefix of ['#/components/schemas/', '#/definitions/']) {
      if (ref.startsWith(prefix)) return decodeURIComponent(ref.slice(prefix.length));
    }
    return undefined;
  }

  // ------------------------------------------------------------------ classes and enums

  protected isEnumSchema(s: Json): boolean {
    if (s['x-kaltura-enum'] !== undefined) return true;
    if (!Array.isArray(s.enum)) return false;
    return s.type !== 'object' && !isObject(s.properties);
  }

  protected readSchemas(): void {
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

  protected readEnumSchema(name: string, s: Json): void {
    const values = arr(s.enum);
    const names = arr(s['x-enumNames']);
    const labels = arr(s['x-enumLabels']);
    const def = this.addEnum(name, s.type, values, names.length ? names : labels, labels);
    const plugin = pluginOfSchema(s);
    if (def && plugin !== undefined) def.plugin = plugin;
  }

  /** Registers an enum from its values and (optional) constant names and labels. */
  protected addEnum(name: string, type: unknown, values: unknown[], names: unknown[], labels: unknown[]): EnumDef | undefined {
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
  protected readSwaggerEnums(): void {
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

  protected readClass(name: string, s: Json): void {
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

  protected property(where: string, name: string, raw: unknown): PropertyDef {
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
  protected flags(s: Json): { readOnly: boolean; insertOnly: boolean; description?: string | undefined; inputType?: string | undefined } {
    const rawDescription = str(s.description) ?? '';
    return {
      readOnly: s.readOnly === true || /`readOnly`/.test(rawDescription),
      insertOnly: s['x-insertOnly'] === true || /`insertOnly`/.test(rawDescription),
      description: cleanDescription(rawDescription),
      inputType: str(s['x-inputType']),
    };
  }

  /** The TypeRef of a schema; `where` names it for problems and for anonymous enums/classes. */
  protected typeOf(raw: unknown, where: string, depth = 0): TypeRef {
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

  protected swaggerEnumExists(name: string): boolean {
    const xEnums = this.root['x-enums'];
    return isObject(xEnums) && isObject(xEnums[name]);
  }

  /** The class (or scalar kind) an array or map holds. */
  protected itemName(item: TypeRef, where: string): string {
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

  protected refType(ref: string, where: string): TypeRef {
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
  protected inlineClass(s: Json, where: string): { kind: 'object'; className: string } {
    if (!this.classes.has(where.toLowerCase())) {
      this.classKeys.set(where.toLowerCase(), where);
      this.readClass(where, s);
    }
    return { kind: 'object', className: this.classes.get(where.toLowerCase())?.name ?? where };
  }

  // ------------------------------------------------------------------ operations
}
