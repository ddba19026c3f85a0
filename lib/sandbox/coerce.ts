/**
 * Raw request parameters (strings from forms, values from JSON) into typed arguments, following
 * the API description: operation params in order, class properties with `objectType` subclass
 * selection, enums checked, booleans and numbers parsed, unknown properties ignored. Failures are
 * the Kaltura errors a real server gives (MISSING_MANDATORY_PARAMETER, INVALID_ENUM_VALUE,
 * INVALID_OBJECT_TYPE, OBJECT_TYPE_ABSTRACT, INVALID_FIELD_VALUE).
 */
import type { ApiDescription, Operation, TypeRef } from '../description/types';
import { KalturaApiError } from './errors';
import { isFileArg, type RawValue, splitKey } from './params';

export type Args = Record<string, unknown>;

/**
 * Read-only properties a request gave for an object, with their values: coerceObject leaves them
 * out of the object (the hand-written services ignore them, as before) but keeps them here, so
 * that the generic services can refuse them as Kaltura does (PROPERTY_VALIDATION_NOT_UPDATABLE).
 */
export const GIVEN_READ_ONLY = Symbol('givenReadOnly');

/** A coerced Kaltura object: its concrete class plus the properties that were given. */
export interface KObject {
  objectType: string;
  [prop: string]: unknown;
}

const INT_RE = /^[-+]?\d{1,16}$/;
const FLOAT_RE = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function isPlainObject(v: unknown): v is Record<string, RawValue> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isFileArg(v);
}

function describe(raw: unknown): string {
  if (typeof raw === 'string') return raw.length > 200 ? raw.slice(0, 200) + '...' : raw;
  try {
    const s = JSON.stringify(raw);
    return s.length > 200 ? s.slice(0, 200) + '...' : s;
  } catch {
    return String(raw);
  }
}

/** Returns `undefined` when the value counts as absent (an empty form value for a number). */
export function coerceValue(desc: ApiDescription, type: TypeRef, raw: RawValue, name: string, depth = 0): unknown {
  if (raw === null) return null;
  if (depth > 12) throw new KalturaApiError('INVALID_FIELD_VALUE', { FIELD_NAME: name });
  switch (type.kind) {
    case 'string':
      if (typeof raw === 'string') return raw;
      if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
      throw new KalturaApiError('INVALID_FIELD_VALUE', { FIELD_NAME: name });
    case 'int':
    case 'float': {
      if (typeof raw === 'boolean') return raw ? 1 : 0;
      if (typeof raw === 'number') {
        if (!Number.isFinite(raw)) throw new KalturaApiError('INVALID_FIELD_VALUE', { FIELD_NAME: name });
        return type.kind === 'int' ? Math.trunc(raw) : raw;
      }
      if (typeof raw === 'string') {
        const s = raw.trim();
        if (s === '') return undefined;
        if (type.kind === 'int' ? INT_RE.test(s) : FLOAT_RE.test(s)) {
          const n = Number(s);
          if (Number.isFinite(n)) return type.kind === 'int' ? Math.trunc(n) : n;
        }
      }
      throw new KalturaApiError('INVALID_FIELD_VALUE', { FIELD_NAME: name });
    }
    case 'bool':
      if (typeof raw === 'boolean') return raw;
      if (typeof raw === 'number') return raw !== 0;
      if (typeof raw === 'string') {
        const s = raw.trim().toLowerCase();
        return !(s === '' || s === '0' || s === 'false');
      }
      throw new KalturaApiError('INVALID_FIELD_VALUE', { FIELD_NAME: name });
    case 'enum':
      return coerceEnum(desc, type.name, raw, name);
    case 'file':
      if (isFileArg(raw)) return raw;
      throw new KalturaApiError('MISSING_MANDATORY_PARAMETER', { PARAM_NAME: name });
    case 'object':
      return coerceObject(desc, type.className, raw, name, depth);
    case 'array': {
      let items: RawValue[];
      if (Array.isArray(raw)) items = raw;
      else if (isPlainObject(raw)) {
        items = Object.keys(raw)
          .filter((k) => k !== 'objectType')
          .sort((a, b) => Number(a) - Number(b) || a.localeCompare(b))
          .map((k) => raw[k]!);
      } else if (raw === '') items = [];
      else throw new KalturaApiError('INVALID_FIELD_VALUE', { FIELD_NAME: name });
      return items.map((it, i) => coerceItem(desc, type.itemClass, it, `${name}:${i}`, depth + 1));
    }
    case 'map': {
      if (!isPlainObject(raw)) throw new KalturaApiError('INVALID_FIELD_VALUE', { FIELD_NAME: name });
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(raw)) {
        if (k === 'objectType' || k === '__proto__') continue;
        out[k] = coerceItem(desc, type.itemClass, v, `${name}:${k}`, depth + 1);
      }
      return out;
    }
  }
}

function coerceItem(desc: ApiDescription, itemClass: string, raw: RawValue, name: string, depth: number): unknown {
  if (desc.getClass(itemClass)) return coerceObject(desc, itemClass, raw, name, depth + 1);
  if (desc.getEnum(itemClass)) return coerceEnum(desc, itemClass, raw, name);
  const prim: TypeRef =
    itemClass === 'int' || itemClass === 'integer'
      ? { kind: 'int' }
      : itemClass === 'float' || itemClass === 'number'
        ? { kind: 'float' }
        : itemClass === 'bool' || itemClass === 'boolean'
          ? { kind: 'bool' }
          : { kind: 'string' };
  return coerceValue(desc, prim, raw, name, depth + 1);
}

export function coerceEnum(desc: ApiDescription, enumName: string, raw: RawValue, name: string): unknown {
  const def = desc.getEnum(enumName);
  const bad = () => new KalturaApiError('INVALID_ENUM_VALUE', { ENUM_VAL: describe(raw), PARAM_NAME: name, ENUM_TYPE: enumName });
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') throw bad();
  if (typeof raw === 'string' && raw.trim() === '') return undefined;
  if (!def) return raw;
  if (def.base === 'int') {
    const n = typeof raw === 'number' ? raw : typeof raw === 'boolean' ? (raw ? 1 : 0) : INT_RE.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (!Number.isFinite(n) || !def.values.some((v) => Number(v.value) === n)) throw bad();
    return n;
  }
  const s = String(raw);
  if (!def.values.some((v) => String(v.value) === s)) throw bad();
  return s;
}

export function coerceObject(desc: ApiDescription, declared: string, raw: RawValue, name: string, depth = 0): KObject {
  if (!isPlainObject(raw)) throw new KalturaApiError('INVALID_FIELD_VALUE', { FIELD_NAME: name });
  let cls = declared;
  const given = raw.objectType;
  if (typeof given === 'string' && given !== '' && given !== declared) {
    if (!desc.getClass(given) || !desc.isSubclassOf(given, declared)) {
      throw new KalturaApiError('INVALID_OBJECT_TYPE', { INVALID_OBJ_TYPE: given });
    }
    cls = given;
  } else if (given !== undefined && given !== null && typeof given !== 'string') {
    throw new KalturaApiError('INVALID_OBJECT_TYPE', { INVALID_OBJ_TYPE: describe(given) });
  }
  const def = desc.getClass(cls);
  if (!def) return { objectType: cls };
  if (def.abstract) throw new KalturaApiError('OBJECT_TYPE_ABSTRACT', { OBJ_TYPE: cls });
  const out: KObject = { objectType: cls };
  let readOnly: Record<string, unknown> | undefined;
  for (const prop of desc.allProperties(cls)) {
    if (prop.name === 'objectType') continue;
    if (!Object.prototype.hasOwnProperty.call(raw, prop.name)) continue;
    if (prop.readOnly) {
      // kept aside (see GIVEN_READ_ONLY); a value that does not even parse is left out
      try {
        const v = raw[prop.name] === null ? undefined : coerceValue(desc, prop.type, raw[prop.name]!, prop.name, depth + 1);
        if (v !== undefined) (readOnly ??= {})[prop.name] = v;
      } catch {
        /* not the type: it would be refused anyway */
      }
      continue;
    }
    const v = coerceValue(desc, prop.type, raw[prop.name]!, prop.name, depth + 1);
    if (v !== undefined) out[prop.name] = v;
  }
  if (readOnly) Object.defineProperty(out, GIVEN_READ_ONLY, { value: readOnly, enumerable: false });
  return out;
}

/**
 * A parameter the description names by its path in an object (`bulkUploadData[fileName]`, as
 * descriptions write the fields of an object sent beside a file): its value in the tree.
 */
function nested(params: Record<string, RawValue>, name: string): RawValue | undefined {
  let node: RawValue | undefined = params;
  for (const part of splitKey(name)) {
    if (typeof node !== 'object' || node === null || Array.isArray(node) || isFileArg(node)) return undefined;
    node = Object.prototype.hasOwnProperty.call(node, part) ? (node as Record<string, RawValue>)[part] : undefined;
  }
  return node;
}

/** The arguments of `op` from the request's parameter tree (files are FileArg values in it). */
export function coerceArgs(desc: ApiDescription, op: Operation, params: Record<string, RawValue>): Args {
  const args: Args = {};
  for (const p of op.params) {
    const raw = Object.prototype.hasOwnProperty.call(params, p.name)
      ? params[p.name]
      : p.name.includes('[')
        ? nested(params, p.name)
        : undefined;
    let v: unknown = raw === undefined ? undefined : coerceValue(desc, p.type, raw, p.name);
    if (v === null && p.required) throw new KalturaApiError('MISSING_MANDATORY_PARAMETER', { PARAM_NAME: p.name });
    if (v === undefined) {
      if (p.required) throw new KalturaApiError('MISSING_MANDATORY_PARAMETER', { PARAM_NAME: p.name });
      v = p.default ?? null;
    }
    args[p.name] = v;
  }
  return args;
}
