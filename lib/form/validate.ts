/**
 * ajv validation of a step's effective values against the JSON Schema of its merged form, with
 * each error mapped to its field path and a sentence that says what to enter.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { walkFields } from './build';
import { formJsonSchema } from './schema';
import { isEmpty } from './values';
import type { FieldError, FormField, FormModel, FormValues } from './types';

let ajv: Ajv | undefined;
const cache = new Map<string, ValidateFunction>();

function compile(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let fn = cache.get(key);
  if (!fn) {
    ajv ??= new Ajv({ allErrors: true, strict: false });
    fn = ajv.compile(schema);
    if (cache.size > 200) cache.clear();
    cache.set(key, fn);
  }
  return fn;
}

/** Drops empty strings, undefined and null (they count as "not given") before checking. */
export function pruneEmpty(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pruneEmpty);
  if (v && typeof v === 'object') {
    if ((v as { kind?: unknown }).kind === 'file') return v;
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (isEmpty(x)) continue;
      o[k] = pruneEmpty(x);
    }
    return o;
  }
  return v;
}

function pointerToPath(p: string): string {
  return p
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function message(e: ErrorObject, field: FormField | undefined): string {
  const label = field?.label ?? 'This field';
  switch (e.keyword) {
    case 'required':
      return field?.kind === 'file' ? `${label} is required: choose a file.` : `${label} is required.`;
    case 'type': {
      const t = (e.params as { type?: string }).type;
      if (t === 'integer') return `${label} must be a whole number, e.g. 10.`;
      if (t === 'number') return `${label} must be a number, e.g. 1.5.`;
      if (t === 'boolean') return `${label} must be true or false.`;
      if (t === 'string') return `${label} must be text.`;
      return `${label} ${e.message ?? 'has the wrong type'}.`;
    }
    case 'enum':
      return `${label} must be one of the listed values.`;
    default:
      return `${label} ${e.message ?? 'is not valid'}.`;
  }
}

/**
 * Checks `values` (the effective values: see resolveValues) against the form. Returns one error
 * per field at most, in form order; [] when the form may be sent.
 */
export function validateValues(form: FormModel, values: FormValues): FieldError[] {
  const byPath = new Map<string, FormField>();
  walkFields(form.fields, (f) => byPath.set(f.path, f));
  const schema = formJsonSchema(form, values);
  const fn = compile(schema);
  const data = pruneEmpty(values);
  if (fn(data)) return [];
  const out = new Map<string, FieldError>();
  for (const e of fn.errors ?? []) {
    let path = pointerToPath(e.instancePath);
    if (e.keyword === 'required') {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      path = path ? `${path}.${missing}` : missing;
    }
    // array items: map `tags.0` to the item template `tags.#` for the label
    const templ = path.replace(/\.\d+(?=\.|$)/g, '.#');
    const field = byPath.get(path) ?? byPath.get(templ);
    if (!out.has(path)) out.set(path, { path, message: message(e, field) });
  }
  const order = [...byPath.keys()];
  return [...out.values()].sort((a, b) => order.indexOf(a.path) - order.indexOf(b.path));
}
