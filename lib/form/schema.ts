/**
 * JSON Schema of a form (for ajv): generated from the merged form model. Objects use the class
 * currently chosen in the values, so each class's fields are checked.
 */
import { objectFields } from './build';
import { getPath } from './paths';
import type { FormField, FormModel, FormValues } from './types';

export type JsonSchema = Record<string, unknown>;

function fieldSchema(f: FormField, values: FormValues): JsonSchema {
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
      const value = getPath(values, f.path);
      const s = nest(objectFields(f, value), values, f.path);
      const props = s.properties as Record<string, JsonSchema>;
      if (f.subclasses && f.subclasses.length > 0) props.objectType = { enum: f.presetClass ? [f.presetClass] : f.subclasses };
      return s;
    }
    case 'array':
      return { type: 'array', items: f.item ? fieldSchema(f.item, values) : {} };
    default:
      return {};
  }
}

/** An object schema for fields whose paths are under `prefix` (nested path segments become objects). */
function nest(fields: FormField[], values: FormValues, prefix: string): JsonSchema {
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
    const last = segs[segs.length - 1];
    (node.properties as Record<string, JsonSchema>)[last] = fieldSchema(f, values);
    if (f.required) (node.required as string[]).push(last);
  }
  return root;
}

export function formJsonSchema(form: FormModel, values: FormValues = {}): JsonSchema {
  return nest(form.fields, values, '');
}
