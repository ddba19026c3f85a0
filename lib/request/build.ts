/**
 * The ONE request builder: a step's form, its values, the results of earlier steps and the
 * connection become a RequestModel. The live call and every code sample are made from it.
 *
 * - parameters in the operation's argument order; only values that are given are sent;
 * - values that come from earlier steps are `ref`s (with `resolved` when the source succeeded);
 * - enums carry their class and constant; objects their concrete class; files their metadata;
 * - `format` 1 and the connection's KS (for operations that need one).
 */
import { parseOperationPath } from '@/lib/description/operation-path';
import type { ApiDescription, TypeRef } from '@/lib/description/types';
import type { DynamicEnum, Step } from '@/lib/recipe/types';
import { currentClass, objectFields } from '@/lib/form/build';
import { getPath } from '@/lib/form/paths';
import { coerceToKind, isEmpty, isFileValue, resolveValues } from '@/lib/form/values';
import { resolveDynamic } from '@/lib/form/dynamic';
import type { FieldError, FormField, FormModel, FormValues, StepResults } from '@/lib/form/types';
import { requestModel } from './models';
import { FILE_PLACEHOLDER, type Connection, type Field, type RequestModel, type Value } from './types';

export interface BuildRequestInput {
  step: Step;
  form: FormModel;
  /** What the user entered (initialValues() for defaults); dynamic fields left empty follow their source. */
  values: FormValues;
  /** Outcomes of earlier steps, by 0-based index. */
  results: StepResults;
  connection: Connection;
  api: ApiDescription;
  /** Values of `global` parameters, by name. */
  globals?: Record<string, unknown>;
}

export interface BuildRequestResult {
  /** null when the step has no API call. */
  model: RequestModel | null;
  /** Steps (0-based) that must succeed first; the model then holds unresolved refs. */
  blockedBy: number[];
  /** Problems by field path ("Run step 1 first", values that cannot be converted). */
  errors: FieldError[];
}

export function buildRequestModel(input: BuildRequestInput): BuildRequestResult {
  const { form, values, results, connection, api, globals } = input;
  if (!form.service || !form.action) return { model: null, blockedBy: [], errors: [] };
  const resolved = resolveValues(form, values, results, globals);
  const errors: FieldError[] = [...resolved.errors];
  const ctx: Ctx = { api, results, user: values, errors };

  const sendable = form.fields.filter((f) => f.param !== undefined && !f.custom);
  const order = form.paramOrder;
  const rank = (f: FormField) => {
    const i = order.indexOf(f.param!);
    return i < 0 ? order.length + sendable.indexOf(f) : i;
  };
  const params: Field[] = [];
  for (const f of [...sendable].sort((a, b) => rank(a) - rank(b))) {
    const v = toValue(ctx, f, getPath(resolved.values, f.path), getPath(values, f.path));
    if (v === undefined) continue;
    params.push(f.secret ? { name: f.param!, value: v, secret: true } : { name: f.param!, value: v });
  }
  const { stepIndex, service, action, serviceId, plugin, requiresKs } = form;
  const model = requestModel({ stepIndex, service, action, serviceId, plugin, params, requiresKs }, connection);
  return { model, blockedBy: resolved.blockedBy, errors };
}

interface Ctx {
  api: ApiDescription;
  results: StepResults;
  user: FormValues;
  errors: FieldError[];
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (a !== undefined && b !== undefined && String(a) === String(b) && typeof a !== 'object');
}

/** The model Value of one field, or undefined when nothing is sent for it. */
function toValue(ctx: Ctx, f: FormField, eff: unknown, user: unknown): Value | undefined {
  if (f.dynamicValue) {
    const dv = f.dynamicValue;
    const source: 'value' | 'answer' = dv.answer !== undefined ? 'answer' : 'value';
    const path = (source === 'answer' ? dv.answer : dv.value) ?? '';
    // A value typed over the dynamic one is sent as typed; the same value stays a reference.
    const resolution = resolveDynamic(dv, ctx.results);
    const followed = isEmpty(user) || (resolution.status === 'ok' && sameValue(user, resolution.value));
    if (followed) {
      const ref: Value = { kind: 'ref', fromStep: dv.fromStep, source, path };
      if (resolution.status === 'ok' && !isEmpty(resolution.value)) {
        const r = f.kind === 'object' ? objectValue(ctx, f, resolution.value) : scalarValue(ctx, f, coerceToKind(f, resolution.value));
        if (r) ref.resolved = r;
      }
      return ref;
    }
  }
  if (f.kind === 'object') return objectValue(ctx, f, eff);
  // A required file not chosen yet: code samples print a named placeholder path (the live call
  // cannot send it: validation asks for the file, and executeRequest has no bytes for it).
  if (isEmpty(eff)) return f.kind === 'file' && f.required ? { ...FILE_PLACEHOLDER } : undefined;
  return scalarValue(ctx, f, eff);
}

/** `keep`: send the object even with no property set (an item the user added to a list). */
function objectValue(ctx: Ctx, f: FormField, eff: unknown, keep = false): Value | undefined {
  if (eff !== undefined && (eff === null || typeof eff !== 'object' || Array.isArray(eff))) {
    if (eff === null) return { kind: 'null' };
    ctx.errors.push({ path: f.path, message: `${f.label} must be an object.` });
    return undefined;
  }
  const obj = (eff ?? {}) as Record<string, unknown>;
  const cls = currentClass(f, obj) || (typeof obj.objectType === 'string' ? obj.objectType : '') || f.className || '';
  const fields: Field[] = [];
  const children = objectFields(f, obj);
  for (const c of children) {
    const v = toValue(ctx, c, obj[c.name], getPath(ctx.user, c.path));
    if (v !== undefined) fields.push(c.secret ? { name: c.name, value: v, secret: true } : { name: c.name, value: v });
  }
  // Keys the form does not describe (e.g. an object pasted as JSON) are kept as they are.
  for (const [k, x] of Object.entries(obj)) {
    if (k === 'objectType' || children.some((c) => c.name === k) || isEmpty(x)) continue;
    fields.push({ name: k, value: jsonToValue(x) });
  }
  if (fields.length === 0 && !f.required && !f.presetClass && !keep) return undefined;
  return { kind: 'object', className: cls, fields };
}

function scalarValue(ctx: Ctx, f: FormField, v: unknown): Value | undefined {
  switch (f.kind) {
    case 'string':
      return { kind: 'string', value: typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v) };
    case 'int':
    case 'float': {
      const n = typeof v === 'number' ? v : Number(String(v).trim());
      if (!Number.isFinite(n)) {
        ctx.errors.push({ path: f.path, message: `${f.label} must be a number.` });
        return { kind: 'string', value: String(v) };
      }
      return f.kind === 'int' && Number.isInteger(n) ? { kind: 'int', value: n } : { kind: 'float', value: n };
    }
    case 'bool':
      return { kind: 'bool', value: v === true || v === 'true' || v === 1 || v === '1' };
    case 'enum': {
      const opt = f.options?.find((o) => sameValue(o.value, v));
      const value = opt ? opt.value : v;
      if (f.enumType && (typeof value === 'number' || typeof value === 'string')) {
        const def = ctx.api.getEnum(f.enumType);
        const member = def?.values.find((m) => sameValue(m.value, value));
        const typed = def?.base === 'int' && typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
        if (member) return { kind: 'enum', enumType: f.enumType, value: member.value, constant: member.name };
        return typeof typed === 'number' ? { kind: 'int', value: typed } : { kind: 'string', value: String(typed) };
      }
      if (typeof value === 'boolean') return { kind: 'bool', value };
      if (typeof value === 'number') return Number.isInteger(value) ? { kind: 'int', value } : { kind: 'float', value };
      return { kind: 'string', value: String(value) };
    }
    case 'file':
      if (isFileValue(v)) {
        const out: Value = { kind: 'file', name: v.name, size: v.size };
        if (v.mimeType) out.mimeType = v.mimeType;
        if (v.path) out.path = v.path;
        return out;
      }
      ctx.errors.push({ path: f.path, message: `${f.label}: choose a file.` });
      return undefined;
    case 'array': {
      if (!Array.isArray(v)) return jsonToValue(v);
      const items: Value[] = [];
      for (const x of v) {
        const item = f.item ? (f.item.kind === 'object' ? objectValue(ctx, f.item, x, true) : scalarValue(ctx, f.item, x)) : jsonToValue(x);
        if (item) items.push(item);
      }
      return f.itemClass ? { kind: 'array', itemClass: f.itemClass, items } : { kind: 'array', items };
    }
    case 'object':
      return objectValue(ctx, f, v);
    default:
      return jsonToValue(v);
  }
}

/** Plain JSON as a model Value (objects take their class from `objectType`). */
export function jsonToValue(x: unknown, declared?: TypeRef): Value {
  if (x === null || x === undefined) return { kind: 'null' };
  if (typeof x === 'string') return { kind: 'string', value: x };
  if (typeof x === 'boolean') return { kind: 'bool', value: x };
  if (typeof x === 'number') return Number.isInteger(x) ? { kind: 'int', value: x } : { kind: 'float', value: x };
  if (Array.isArray(x)) {
    const itemClass = declared?.kind === 'array' ? declared.itemClass : undefined;
    const items = x.map((i) => jsonToValue(i, itemClass ? { kind: 'object', className: itemClass } : undefined));
    return itemClass ? { kind: 'array', itemClass, items } : { kind: 'array', items };
  }
  const o = x as Record<string, unknown>;
  const cls = typeof o.objectType === 'string' ? o.objectType : declared?.kind === 'object' ? declared.className : '';
  const fields: Field[] = Object.entries(o)
    .filter(([k]) => k !== 'objectType')
    .map(([name, v]) => ({ name, value: jsonToValue(v) }));
  return { kind: 'object', className: cls, fields };
}

/**
 * The request that fills a `dynamicEnum` dropdown: its `path` on the same connection, with its
 * `parameters` (`{name: 'body', value: '<JSON text>'}` spreads a JSON body into arguments).
 * Returns an error sentence instead when the parameters cannot be read.
 */
export function buildDynamicEnumRequest(
  de: DynamicEnum,
  api: ApiDescription,
  connection: Connection,
  stepIndex = -1,
): RequestModel | { error: string } {
  const op = api.operation(de.path);
  const named = parseOperationPath(de.path);
  const service = op?.service ?? named?.service;
  const action = op?.action ?? named?.action;
  if (!service || !action) return { error: `The dropdown's source ${de.path} is not a /service/NAME/action/NAME path.` };
  const args: Record<string, unknown> = {};
  for (const p of de.parameters) {
    let v = p.value;
    if (p.name === 'body') {
      if (typeof v === 'string') {
        try {
          v = JSON.parse(v);
        } catch {
          return { error: `The dropdown's body parameter is not valid JSON: fix the recipe's dynamicEnum.` };
        }
      }
      if (v && typeof v === 'object' && !Array.isArray(v)) Object.assign(args, v);
    } else {
      args[p.name] = v;
    }
  }
  const order = op ? op.params.map((p) => p.name) : [];
  const names = Object.keys(args).sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? 1e6 : ia) - (ib < 0 ? 1e6 : ib);
  });
  const params: Field[] = names.map((name) => ({ name, value: jsonToValue(args[name], op?.params.find((p) => p.name === name)?.type) }));
  return requestModel(
    { stepIndex, service, action, serviceId: op?.serviceId, plugin: op?.plugin, params, requiresKs: op?.requiresKs },
    connection,
  );
}
