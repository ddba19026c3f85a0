/**
 * The request's parameters as one tree, whatever their source: flat keys from the query string,
 * form or multipart fields (`entry[name]`, `entry:name`, `1:service`, `x__null`) and JSON bodies.
 * Later sources override earlier ones (the caller applies the query last: query values win).
 */
import type { Readable } from 'node:stream';
import { KalturaApiError } from './errors';

/** A file part of a multipart request: streamed (consumed once) or spooled to a temp file. */
export class FileArg {
  private opened?: Readable;
  constructor(
    readonly fileName: string,
    readonly mimeType: string,
    /** The bytes: a stream to consume once, or a function opening one (spooled files). */
    private readonly source: Readable | (() => Readable),
  ) {}
  /** The bytes, as a stream to consume once. */
  get stream(): Readable {
    this.opened ??= typeof this.source === 'function' ? this.source() : this.source;
    return this.opened;
  }
  /** Whether `stream` was asked for. */
  get used(): boolean {
    return this.opened !== undefined;
  }
}

/** A parameter's text: a string as given, a number as written, anything else empty (service, action, ks, ids). */
export function paramText(v: RawValue | undefined): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

export function isFileArg(v: unknown): v is FileArg {
  return v instanceof FileArg;
}

export type RawValue = string | number | boolean | null | FileArg | RawValue[] | { [key: string]: RawValue };
export type ParamTree = { [key: string]: RawValue };

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 16;

/** `entry[name]`, `entry:name`, `entry[mediaType]` -> ['entry', 'name']. */
export function splitKey(key: string): string[] {
  return key
    .replace(/\]/g, '')
    .split(/[[:]/)
    .filter((s) => s !== '');
}

function isTree(v: unknown): v is ParamTree {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof FileArg);
}

/** Sets `value` at the flat `key` (a `__null` suffix sets null). Ignores unusable keys. */
export function setFlat(tree: ParamTree, key: string, value: RawValue): void {
  if (key.length > 1000) return;
  const parts = splitKey(key);
  if (!parts.length || parts.length > MAX_DEPTH) return;
  let last = parts[parts.length - 1]!;
  if (last.endsWith('__null')) {
    last = last.slice(0, -'__null'.length);
    if (!last) return;
    parts[parts.length - 1] = last;
    value = null;
  }
  if (parts.some((p) => FORBIDDEN.has(p))) return;
  let node = tree;
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i]!;
    const next = node[p];
    if (isTree(next)) node = next;
    else {
      const fresh: ParamTree = {};
      node[p] = fresh;
      node = fresh;
    }
  }
  node[last] = value;
}

/** Converts a parsed JSON value into a tree value (drops unsafe keys, bounds depth, applies `__null`). */
export function fromJson(v: unknown, depth = 0): RawValue {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(v)) return v.map((x) => fromJson(x, depth + 1));
  if (typeof v === 'object') {
    const out: ParamTree = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (FORBIDDEN.has(k)) continue;
      if (k.endsWith('__null') && k.length > 6) out[k.slice(0, -6)] = null;
      else out[k] = fromJson(x, depth + 1);
    }
    return out;
  }
  return null;
}

/** Deep-merges `src` into `dst` (src wins). */
export function mergeTree(dst: ParamTree, src: ParamTree): ParamTree {
  for (const [k, v] of Object.entries(src)) {
    if (FORBIDDEN.has(k)) continue;
    const cur = dst[k];
    if (isTree(cur) && isTree(v)) mergeTree(cur, v);
    else dst[k] = v;
  }
  return dst;
}

export function treeFromPairs(pairs: Iterable<[string, string]>): ParamTree {
  const t: ParamTree = {};
  for (const [k, v] of pairs) setFlat(t, k, v);
  return t;
}

export function asTree(v: unknown): ParamTree | undefined {
  return isTree(v) ? v : undefined;
}

/** The text of a small file part (at most `max` bytes; more is INVALID_FIELD_VALUE). */
export async function fileText(file: FileArg | null | undefined, name: string, max = 2 * 1024 * 1024): Promise<string | undefined> {
  if (!file) return undefined;
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of file.stream) {
    n += (c as Buffer).length;
    if (n > max) {
      file.stream.resume();
      throw new KalturaApiError('INVALID_FIELD_VALUE', { FIELD_NAME: `${name} (more than ${max} bytes)` });
    }
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
