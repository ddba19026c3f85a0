/**
 * Form values: initial values (credential, then consoleDefault, then default), and the effective
 * values of a step (dynamic values resolved from earlier steps, global values applied).
 */
import type { Connection } from '@/lib/request/types';
import { currentClass, objectFields } from './build';
import { describeSource, resolveDynamic } from './dynamic';
import { getPath, setPath } from './paths';
import type { DynamicResolution, FieldError, FileValue, FormField, FormModel, FormValues, StepResults } from './types';

function credential(field: FormField, connection: Connection): unknown {
  if (!field.fromSecrets) return undefined;
  const v = connection[field.fromSecrets];
  return v === '' ? undefined : v;
}

/** The initial value of one scalar field (dynamic fields start empty: they follow their source). */
export function initialScalar(field: FormField, connection: Connection): unknown {
  if (field.dynamicValue) return undefined;
  const c = credential(field, connection);
  if (c !== undefined) return field.kind === 'int' && typeof c === 'string' && /^-?\d+$/.test(c) ? Number(c) : c;
  if (field.consoleDefault !== undefined) return field.consoleDefault;
  if (field.default !== undefined) return field.default;
  return undefined;
}

export function initialValues(form: FormModel, connection: Connection): FormValues {
  let values: FormValues = {};
  const fill = (fields: FormField[]) => {
    for (const f of fields) {
      if (f.kind === 'object') {
        const cls = currentClass(f, undefined);
        const preset = initialScalar(f, connection);
        if (preset && typeof preset === 'object' && !Array.isArray(preset)) {
          values = setPath(values, f.path, preset);
          continue;
        }
        if (cls) values = setPath(values, f.path, { objectType: cls });
        fill(objectFields(f, cls ? { objectType: cls } : undefined));
        continue;
      }
      const v = initialScalar(f, connection);
      if (v !== undefined) values = setPath(values, f.path, v);
    }
  };
  fill(form.fields);
  return values;
}

export function isFileValue(v: unknown): v is FileValue {
  return !!v && typeof v === 'object' && (v as { kind?: unknown }).kind === 'file';
}

/** Whether a value counts as "not given" (undefined, null, '' ). */
export function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

export interface DynamicState {
  field: FormField;
  /** "from step 1: id" */
  source: string;
  resolution: DynamicResolution;
  /** True when the user typed over the dynamic value (it no longer follows its source). */
  overridden: boolean;
}

export interface ResolvedValues {
  /** The values as they will be submitted: dynamic values resolved, globals applied. */
  values: FormValues;
  /** Steps (0-based) that must succeed before this one can run. */
  blockedBy: number[];
  /** One entry per dynamic field, by path. */
  dynamic: Record<string, DynamicState>;
  /** "Run step N first" and "response has no ..." messages, by field path. */
  errors: FieldError[];
}

/** Converts a resolved dynamic value to the field's kind where that is lossless. */
export function coerceToKind(field: FormField, v: unknown): unknown {
  if (typeof v === 'string' && (field.kind === 'int' || field.kind === 'float') && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (typeof v === 'string' && field.kind === 'enum' && field.options?.some((o) => typeof o.value === 'number') && /^-?\d+$/.test(v))
    return Number(v);
  if (typeof v === 'number' && field.kind === 'string') return String(v);
  return v;
}

/**
 * The effective values of a step. `values` holds what the user entered; a dynamic field whose
 * value is undefined follows its source step. `globals` (by parameter name) fill `global` fields
 * the user has not set.
 */
export function resolveValues(
  form: FormModel,
  values: FormValues,
  results: StepResults,
  globals: Record<string, unknown> = {},
): ResolvedValues {
  let out: FormValues = values;
  const blocked = new Set<number>();
  const dynamic: Record<string, DynamicState> = {};
  const errors: FieldError[] = [];
  const visit = (fields: FormField[]) => {
    for (const f of fields) {
      let v = getPath(out, f.path);
      if (f.global && isEmpty(v) && globals[f.name] !== undefined) {
        v = globals[f.name];
        out = setPath(out, f.path, v);
      }
      if (f.dynamicValue) {
        const resolution = resolveDynamic(f.dynamicValue, results);
        const overridden = !isEmpty(v);
        dynamic[f.path] = { field: f, source: describeSource(f.dynamicValue), resolution, overridden };
        if (!overridden) {
          if (resolution.status === 'ok') out = setPath(out, f.path, coerceToKind(f, resolution.value));
          else {
            if (resolution.status === 'blocked') {
              blocked.add(resolution.fromStep);
              errors.push({ path: f.path, message: resolution.message, blockedBy: resolution.fromStep });
            } else errors.push({ path: f.path, message: resolution.message });
          }
        }
      }
      if (f.kind === 'object') visit(objectFields(f, getPath(out, f.path)));
    }
  };
  visit(form.fields);
  return { values: out, blockedBy: [...blocked].sort((a, b) => a - b), dynamic, errors };
}

/** The submitted inputs as later steps and hand-written samples see them (files as their name). */
export function toAnswers(values: FormValues): Record<string, unknown> {
  const conv = (v: unknown): unknown => {
    if (isFileValue(v)) return v.name;
    if (Array.isArray(v)) return v.map(conv);
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) o[k] = conv(x);
      return o;
    }
    return v;
  };
  return conv(values) as Record<string, unknown>;
}
