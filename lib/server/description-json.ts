/** The server's API description as JSON parts (see app/api/description), serialized once per description. */
import { createHash } from 'node:crypto';
import type { ApiDescription } from '@/lib/description/types';
import type { DescriptionParts } from '@/lib/description';

export interface DescriptionPartsPayload {
  label: string;
  parts: DescriptionParts;
}

const cache = new WeakMap<ApiDescription, { body: string; etag: string }>();

export function descriptionPartsJson(api: ApiDescription, label: string): { body: string; etag: string } {
  const hit = cache.get(api);
  if (hit) return hit;
  const payload: DescriptionPartsPayload = {
    label,
    parts: { operations: api.operations(), classes: api.classes?.() ?? [], enums: api.enums?.() ?? [] },
  };
  const body = JSON.stringify(payload);
  const out = { body, etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"` };
  cache.set(api, out);
  return out;
}
