/** Small readers of untyped JSON shared by the description readers (read-schemas.ts, read-operations.ts). */
export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Parameters every Kaltura call accepts; they are not arguments of an action. */
export const COMMON_PARAMS = new Set(['ks', 'format', 'clientTag', 'language', 'responseProfile']);
export const HTTP_METHODS = ['post', 'get', 'put', 'patch', 'delete', 'head', 'options'];
export const BODY_TYPES = ['application/json', 'multipart/form-data', 'application/x-www-form-urlencoded'];
export const ERROR_CLASS = 'kalturaapiexception';

/** Strips the Kaltura description's markers (`readOnly`, `Enum Type: ...`) from a text. */
export function cleanDescription(text: unknown): string | undefined {
  const s = str(text);
  if (!s) return undefined;
  const cleaned = s
    .replace(/`(readOnly|insertOnly|abstract)`\s*/g, '')
    .replace(/Enum Type: `[^`]*`\s*/g, '')
    .trim();
  return cleaned || undefined;
}

/** A schema's `x-kaltura-plugin`: the plugin, null for the core (''), undefined when not said. */
export function pluginOfSchema(s: Json): string | null | undefined {
  const p = s['x-kaltura-plugin'];
  return typeof p === 'string' ? p || null : undefined;
}
