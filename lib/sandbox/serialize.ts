/**
 * Responses as Kaltura writes them. JSON (format 1): the bare result, null fields omitted. XML
 * (format 2, the default): `<xml><result>...</result><executionTime>0.01</executionTime></xml>`,
 * objects as child elements, arrays as `<item>`s, booleans as 1/0, errors as `<error>`.
 */
import { isApiErrorObject } from './errors';

export const FORMAT_JSON = 1;
export const FORMAT_XML = 2;

export function toJson(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value, (_k, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (x !== null && x !== undefined) out[k] = x;
      return out;
    }
    return v;
  });
}

function esc(s: string): string {
  return (
    s
      .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
      // characters XML 1.0 cannot carry
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
  );
}

function safeName(k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(k) ? k : 'item';
}

function xmlValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'number' || typeof v === 'string') return esc(String(v));
  if (Array.isArray(v)) return v.map((x) => `<item>${xmlValue(x)}</item>`).join('');
  if (isApiErrorObject(v)) {
    const args = Object.entries(v.args)
      .map(
        ([name, value]) =>
          `<item><objectType>KalturaApiExceptionArg</objectType><name>${esc(name)}</name><value>${esc(value)}</value></item>`,
      )
      .join('');
    return `<error><objectType>KalturaAPIException</objectType><code>${esc(v.code)}</code><message>${esc(v.message)}</message><args>${args}</args></error>`;
  }
  if (typeof v === 'object') {
    let out = '';
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x === null || x === undefined) continue;
      const n = safeName(k);
      out += `<${n}>${xmlValue(x)}</${n}>`;
    }
    return out;
  }
  return '';
}

export function toXml(value: unknown, executionSeconds: number): string {
  return `<?xml version="1.0" encoding="utf-8"?><xml><result>${xmlValue(value)}</result><executionTime>${executionSeconds.toFixed(6)}</executionTime></xml>`;
}

export const FORMAT_PHP = 3;

/**
 * PHP `serialize()` form (format 3, the official PHP client's default), as Kaltura answers it:
 * objects as `O:len:"KalturaMediaEntry":n:{...}` (the class is the `objectType`; null fields left
 * out), lists as `a:n:{i:0;...}`, plain maps as string-keyed arrays, and an error as the array
 * the PHP client checks (`isError`: `code` and `message` set), with `args` as name => value.
 * String lengths are in UTF-8 bytes, as PHP counts them.
 */
export function toPhpSerialized(value: unknown): string {
  return phpValue(value);
}

function phpString(s: string): string {
  return `s:${Buffer.byteLength(s, 'utf8')}:"${s}";`;
}

function phpKey(k: string | number): string {
  return typeof k === 'number' || /^(0|-?[1-9][0-9]{0,17})$/.test(k) ? `i:${k};` : phpString(k);
}

function phpArray(entries: Array<[string | number, unknown]>): string {
  const kept = entries.filter(([, v]) => v !== null && v !== undefined);
  return `a:${kept.length}:{${kept.map(([k, v]) => phpKey(k) + phpValue(v)).join('')}}`;
}

function phpValue(v: unknown): string {
  if (v === null || v === undefined) return 'N;';
  if (isApiErrorObject(v)) {
    return phpArray([
      ['code', v.code],
      ['message', v.message],
      ['objectType', 'KalturaAPIException'],
      ['args', v.args],
    ]);
  }
  if (typeof v === 'boolean') return `b:${v ? 1 : 0};`;
  if (typeof v === 'number') {
    if (Number.isInteger(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER) return `i:${v};`;
    return Number.isFinite(v) ? `d:${v};` : 'N;';
  }
  if (typeof v === 'string') return phpString(v);
  if (Array.isArray(v)) return phpArray(v.map((x, i) => [i, x] as [number, unknown]));
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const entries = Object.entries(o).filter(([k, x]) => k !== 'objectType' && x !== null && x !== undefined);
    if (typeof o.objectType === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(o.objectType)) {
      const cls = o.objectType;
      return `O:${cls.length}:"${cls}":${entries.length}:{${entries.map(([k, x]) => phpString(k) + phpValue(x)).join('')}}`;
    }
    return phpArray(entries);
  }
  return 'N;';
}
