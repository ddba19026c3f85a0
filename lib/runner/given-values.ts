/**
 * Values given as text outside a form (`--value STEP.PATH=VALUE` on the command line): which
 * field a path names (`entry.mediaType` finds `body.entry.mediaType`), how its text becomes the
 * field's value (numbers, booleans, enum values or constants, JSON for objects and lists), and
 * how to name the flag that would fill a field.
 */
import { walkFields } from '@/lib/form/build';
import type { FormField, FormModel } from '@/lib/form/types';

/** `entry.mediaType` for `body.entry.mediaType`: a path as users write it. */
export function userPath(path: string): string {
  return path.startsWith('body.') ? path.slice(5) : path;
}

/** `--value 3.entry.mediaType=VALUE` (steps 1-based, as on the page). */
export function valueFlag(stepIndex: number, path: string, value = 'VALUE'): string {
  return `--value ${stepIndex + 1}.${userPath(path)}=${value}`;
}

/** Every field of the form by path (object fields of every class, array items left out). */
export function fieldsByPath(form: FormModel): Map<string, FormField> {
  const m = new Map<string, FormField>();
  walkFields(form.fields, (f) => {
    if (!f.path.includes('#') && !m.has(f.path)) m.set(f.path, f);
  });
  return m;
}

/** The field a user path names (`body.` may be left out), or undefined. */
export function findField(form: FormModel, path: string): FormField | undefined {
  const by = fieldsByPath(form);
  return by.get(path) ?? by.get(`body.${path}`);
}

/** Converts the text of a value to what the field holds; an error sentence when it cannot. */
export function valueFromText(field: FormField, text: string): { value: unknown } | { error: string } {
  const t = text.trim();
  switch (field.kind) {
    case 'int':
    case 'float': {
      const n = Number(t);
      if (t === '' || !Number.isFinite(n)) return { error: `${field.label} takes a number (got "${text}").` };
      if (field.kind === 'int' && !Number.isInteger(n)) return { error: `${field.label} takes a whole number (got "${text}").` };
      return { value: n };
    }
    case 'bool': {
      const opt = field.options?.find((o) => String(o.value) === t || o.label === t);
      if (opt) return { value: opt.value };
      if (/^(true|1|yes)$/i.test(t)) return { value: true };
      if (/^(false|0|no)$/i.test(t)) return { value: false };
      return { error: `${field.label} takes true or false (got "${text}").` };
    }
    case 'enum': {
      const opts = field.options ?? [];
      const opt =
        opts.find((o) => String(o.value) === t) ??
        opts.find((o) => o.constant !== undefined && o.constant.toLowerCase() === t.toLowerCase()) ??
        opts.find((o) => o.label.toLowerCase() === t.toLowerCase());
      if (opt) return { value: opt.value };
      if (opts.length === 0) return { value: /^-?\d+$/.test(t) ? Number(t) : text };
      const list = opts
        .slice(0, 12)
        .map((o) => (o.constant && o.constant !== String(o.value) ? `${o.value} (${o.constant})` : String(o.value)));
      return { error: `${field.label} is one of ${list.join(', ')}${opts.length > 12 ? ', ...' : ''} (got "${text}").` };
    }
    case 'object':
    case 'array':
    case 'json': {
      try {
        return { value: JSON.parse(text) };
      } catch {
        if (field.kind === 'json') return { value: text };
        return {
          error: `${field.label} takes JSON (an ${field.kind === 'object' ? 'object, e.g. {"name": "x"}' : 'array, e.g. [1, 2]'}); "${text}" is not valid JSON.`,
        };
      }
    }
    case 'file':
      return { error: `${field.label} is a file: pass it with --file PATH.` };
    default:
      return { value: text };
  }
}

export interface GivenValue {
  /** The form path (`body.entry.mediaType`). */
  path: string;
  value: unknown;
  field: FormField;
}

/** Resolves `PATH=VALUE` for a step's form: the field and its converted value, or what is wrong. */
export function givenValue(form: FormModel, path: string, text: string): GivenValue | { error: string } {
  const field = findField(form, path);
  if (!field) {
    const names = [...fieldsByPath(form).keys()].map(userPath);
    return {
      error: names.length
        ? `step ${form.stepIndex + 1} has no input "${path}"; its inputs are ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', ...' : ''}.`
        : `step ${form.stepIndex + 1} has no inputs.`,
    };
  }
  const v = valueFromText(field, text);
  if ('error' in v) return { error: `step ${form.stepIndex + 1}: ${v.error}` };
  return { path: field.path, value: v.value, field };
}
