import { operationPath } from '@/lib/description/operation-path';
import type { Field, HttpRequest, RequestModel, Value } from './types';

/**
 * The single place where a RequestModel becomes HTTP. The live call (browser fetch, the uploader)
 * and the raw-HTTP code samples (curl) both use this, so they cannot drift.
 *
 * Encoding, as Kaltura's own clients and server accept it:
 * - `format=1` and the `ks` go in the query;
 * - nested objects are flattened to `entry[mediaType]=1`, with `entry[objectType]=KalturaMediaEntry`;
 * - booleans are `1`/`0`, null is `field__null=`; arrays are `field[0][...]`, an empty array is
 *   `field[-]=`;
 * - a file makes the body multipart; otherwise it is form-urlencoded; no params means no body.
 */
export function toHttpRequest(model: RequestModel): HttpRequest {
  const base = model.serviceUrl.replace(/\/+$/, '');
  const query = new URLSearchParams();
  query.set('format', String(model.format));
  const secretQueryKeys: string[] = [];
  if (model.ks) {
    query.set('ks', model.ks);
    secretQueryKeys.push('ks');
  }
  const url = `${base}/api_v3${operationPath(model.serviceId ?? model.service, model.action)}?${query.toString()}`;

  const fields: Array<[string, string]> = [];
  const files: Array<{ field: string; name: string; size: number; mimeType?: string | undefined; path?: string | undefined }> = [];
  for (const f of model.params) flatten(f.name, f.value, fields, files);

  let body: HttpRequest['body'];
  if (files.length > 0) body = { kind: 'multipart', fields, files };
  else if (fields.length > 0) body = { kind: 'form', fields };
  else body = { kind: 'none' };
  return { method: 'POST', url, secretQueryKeys, body };
}

/** Text that stands for a value an earlier step has not produced yet. */
export function unresolvedPlaceholder(fromStep: number, path: string): string {
  return `{result of step ${fromStep + 1}: ${path}}`;
}

export function flatten(
  key: string,
  value: Value,
  out: Array<[string, string]>,
  files: Array<{ field: string; name: string; size: number; mimeType?: string | undefined; path?: string | undefined }>,
): void {
  switch (value.kind) {
    case 'string':
      out.push([key, value.value]);
      return;
    case 'int':
    case 'float':
      out.push([key, String(value.value)]);
      return;
    case 'bool':
      out.push([key, value.value ? '1' : '0']);
      return;
    case 'null':
      out.push([`${key}__null`, '']);
      return;
    case 'enum':
      out.push([key, String(value.value)]);
      return;
    case 'object':
      // An object without a known class (from an OpenAPI document that is not Kaltura's) has no objectType.
      if (value.className) out.push([`${key}[objectType]`, value.className]);
      for (const f of value.fields) flatten(`${key}[${f.name}]`, f.value, out, files);
      return;
    case 'array':
      if (value.items.length === 0) {
        out.push([`${key}[-]`, '']);
        return;
      }
      value.items.forEach((item, i) => {
        flatten(`${key}[${i}]`, item, out, files);
      });
      return;
    case 'file':
      files.push({ field: key, name: value.name, size: value.size, mimeType: value.mimeType, path: value.path });
      return;
    case 'ref':
      if (value.resolved) flatten(key, value.resolved, out, files);
      else out.push([key, unresolvedPlaceholder(value.fromStep, value.path)]);
      return;
  }
}

/** Converts a model Value to plain JSON (refs resolved, files as their name), for display and `answers`. */
export function valueToJson(value: Value): unknown {
  switch (value.kind) {
    case 'string':
    case 'int':
    case 'float':
    case 'bool':
    case 'enum':
      return value.value;
    case 'null':
      return null;
    case 'object': {
      const o: Record<string, unknown> = { objectType: value.className };
      for (const f of value.fields) o[f.name] = valueToJson(f.value);
      return o;
    }
    case 'array':
      return value.items.map(valueToJson);
    case 'file':
      return value.name;
    case 'ref':
      return value.resolved ? valueToJson(value.resolved) : undefined;
  }
}

export function fieldsToJson(fields: Field[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const f of fields) o[f.name] = valueToJson(f.value);
  return o;
}
