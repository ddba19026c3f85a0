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
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    // characters XML 1.0 cannot carry
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
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
      .map(([name, value]) => `<item><objectType>KalturaApiExceptionArg</objectType><name>${esc(name)}</name><value>${esc(value)}</value></item>`)
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
