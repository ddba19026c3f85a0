/**
 * JSON Schema of a form (for ajv): generated from the merged form model. Objects use the class
 * currently chosen in the values, so each class's fields are checked.
 */
import { objectFields } from './build';
import { getPath } from './paths';
import type { FormField, FormModel, FormValues } from './types';

export type JsonSchema = Record<string, unknown>;

/** The schema of one field, for its current value (an object's class, an array's items). */
function fieldSchema(f: FormField, value: unknown): JsonSchema {
  switch (f.kind) {
    case 'string':
      return { type: 'string' };
    case 'int':
      return { type: 'integer' };
    case 'float':
      return { type: 'number' };
    case 'bool':
      return { type: 'boolean' };
    case 'enum':
      if (f.dynamicEnum || !f.options || f.options.length === 0) return {};
      // An enum may name one value twice (aliases such as KalturaLanguage's): JSON Schema wants each once.
      return { enum: [...new Set(f.options.map((o) => o.value))] };
    case 'file':
      return {
        type: 'object',
        required: ['name', 'size'],
        properties: { name: { type: 'string' }, size: { type: 'number' } },
      };
    case 'object': {
      const obj = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
      const s = nest(objectFields(f, obj), (c) => obj?.[c.name], f.path);
      const props = s.properties as Record<string, JsonSchema>;
      if (f.subclasses && f.subclasses.length > 0) props.objectType = { enum: f.presetClass ? [f.presetClass] : f.subclasses };
      return s;
    }
    case 'array': {
      if (!f.item) return { type: 'array', items: {} };
      const item = f.item;
      // Each item by its own value: a list of polymorphic objects checks each item against its class.
      if (Array.isArray(value) && value.length > 0) {
        return { type: 'array', items: value.map((v) => fieldSchema(item, v)), additionalItems: fieldSchema(item, undefined) };
      }
      return { type: 'array', items: fieldSchema(item, undefined) };
    }
    default:
      return {};
  }
}

/** An object schema for fields whose paths are under `prefix` (nested path segments become objects). */
function nest(fields: FormField[], valueFor: (f: FormField) => unknown, prefix: string): JsonSchema {
  const root: JsonSchema = { type: 'object', properties: {}, required: [] };
  for (const f of fields) {
    const rel = prefix ? f.path.slice(prefix.length + 1) : f.path;
    const segs = rel.split('.');
    let node = root;
    for (const s of segs.slice(0, -1)) {
      const props = node.properties as Record<string, JsonSchema>;
      props[s] ??= { type: 'object', properties: {}, required: [] };
      node = props[s];
    }
    const last = segs[segs.length - 1]!;
    (node.properties as Record<string, JsonSchema>)[last] = fieldSchema(f, valueFor(f));
    if (f.required) (node.required as string[]).push(last);
  }
  return root;
}

export function formJsonSchema(form: FormModel, values: FormValues = {}): JsonSchema {
  return nest(form.fields, (f) => getPath(values, f.path), '');
}
