/**
 * Bounds on the parameters of one request, enforced while the body streams in and before any
 * session is checked (a request without a KS must not be able to make the server work hard):
 * the text size (per action: small for actions that take only scalars), the number of entries
 * (object keys, array items and form fields together), the nesting depth and the length of any one
 * array. JSON is scanned chunk by chunk (a few ms per MiB, in the chunks' own event-loop turns), so
 * an oversized or over-counted body is refused before JSON.parse ever sees it; form bodies count
 * their fields the same way. Refusals are INVALID_FIELD_VALUE errors that say which bound was hit.
 */
import { operationNamed } from '../description/operation-path';
import type { ApiDescription } from '../description/types';
import { KalturaApiError } from './errors';

export interface ParamLimits {
  /** Bytes of parameter text (JSON, form fields; not files). */
  maxBytes: number;
  /** Object keys + array items + form fields, in total. */
  maxEntries: number;
  /** Nesting of objects/arrays (JSON), or of `a[b][c]` / `a:b:c` keys. */
  maxDepth: number;
  /** Items of any one array. */
  maxArrayItems: number;
}

export const DEFAULT_LIMITS: ParamLimits = { maxBytes: 2 * 1024 * 1024, maxEntries: 10_000, maxDepth: 16, maxArrayItems: 2_000 };
/** Text limit of actions whose parameters are all scalars (system.ping, session.start, media.get...). */
export const SMALL_ACTION_BYTES = 64 * 1024;

export function tooLarge(what: string, limit: number, unit: string, hint = ''): KalturaApiError {
  return new KalturaApiError('INVALID_FIELD_VALUE', { FIELD_NAME: `request body (${what}: more than ${limit} ${unit}${hint})` });
}

/**
 * The limits for a call to `service.action` when the request names it before its body (path or
 * query); `undefined` names (the action comes in the body) get the general limits.
 */
export function limitsFor(desc: ApiDescription, base: ParamLimits, service?: string, action?: string): ParamLimits {
  if (!service || !action || service.toLowerCase() === 'multirequest') return base;
  // the client name (captionAsset) or the URL name (caption_captionasset)
  const op = operationNamed(desc, service, action);
  if (!op) return { ...base, maxBytes: Math.min(base.maxBytes, SMALL_ACTION_BYTES) };
  // a string parameter that carries a document (metadata.add's xmlData, an XSD, a transformation) is not small
  const document = (p: { name: string; inputType?: string }) => p.inputType === 'textarea' || /xml|xsd|xsl|Data$|Content$/i.test(p.name);
  const scalarOnly = op.params.every(
    (p) => p.type.kind !== 'object' && p.type.kind !== 'array' && p.type.kind !== 'map' && !(p.type.kind === 'string' && document(p)),
  );
  return scalarOnly ? { ...base, maxBytes: Math.min(base.maxBytes, SMALL_ACTION_BYTES) } : base;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * Counts a JSON text as it arrives, without building anything: keys (each `:` outside strings),
 * array items, depth. Exact for valid JSON (which is all JSON.parse accepts afterwards); works on
 * UTF-8 bytes (structural characters are ASCII, never part of a multi-byte character).
 */
export class JsonScanner {
  private bytes = 0;
  private entries = 0;
  private inString = false;
  private escaped = false;
  /** Per open container: -1 for an object, else the item count of the array. */
  private readonly stack: number[] = [];
  /** An array was just opened: its first non-space character decides whether it has an item. */
  private firstInArray = false;

  constructor(
    private readonly limits: ParamLimits,
    private readonly what = 'JSON',
  ) {}

  /** Entries counted so far. */
  get count(): number {
    return this.entries;
  }

  /** Throws KalturaApiError as soon as a bound is passed. */
  push(chunk: Uint8Array): void {
    const l = this.limits;
    this.bytes += chunk.length;
    if (this.bytes > l.maxBytes) throw tooLarge(`${this.what} text`, l.maxBytes, 'bytes', '; send files as multipart file parts');
    const stack = this.stack;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
        continue;
      }
      if (isSpace(c)) continue;
      if (this.firstInArray) {
        this.firstInArray = false;
        if (c !== RBRACKET) this.item();
      }
      switch (c) {
        case QUOTE:
          this.inString = true;
          break;
        case LBRACE:
        case LBRACKET:
          if (stack.length >= l.maxDepth) throw tooLarge(`${this.what} nesting`, l.maxDepth, 'levels');
          stack.push(c === LBRACE ? -1 : 0);
          if (c === LBRACKET) this.firstInArray = true;
          break;
        case RBRACE:
        case RBRACKET:
          stack.pop();
          break;
        case COLON:
          if (++this.entries > l.maxEntries) throw tooLarge(`${this.what} parameters`, l.maxEntries, 'entries');
          break;
        case COMMA:
          if (stack.length && stack[stack.length - 1]! >= 0) this.item();
          break;
      }
    }
  }

  private item(): void {
    const l = this.limits;
    const top = this.stack.length - 1;
    if (top < 0 || this.stack[top]! < 0) return;
    if ((this.stack[top] = this.stack[top]! + 1) > l.maxArrayItems) throw tooLarge(`${this.what} array`, l.maxArrayItems, 'items');
    if (++this.entries > l.maxEntries) throw tooLarge(`${this.what} parameters`, l.maxEntries, 'entries');
  }
}

const AMP = 0x26;

/** Counts the fields of a form-encoded body (`a=1&b=2`) as it arrives. */
export class FormScanner {
  private bytes = 0;
  private fields = 1;

  constructor(private readonly limits: ParamLimits) {}

  push(chunk: Uint8Array): void {
    const l = this.limits;
    this.bytes += chunk.length;
    if (this.bytes > l.maxBytes) throw tooLarge('form text', l.maxBytes, 'bytes', '; send files as multipart file parts');
    let n = 0;
    for (let i = chunk.indexOf(AMP); i >= 0; i = chunk.indexOf(AMP, i + 1)) n++;
    this.fields += n;
    if (this.fields > l.maxEntries) throw tooLarge('form fields', l.maxEntries, 'fields');
  }
}

/** Bounds a whole JSON text already in hand (a multipart `json` field); returns its entry count. */
export function checkJsonText(text: string, limits: ParamLimits): number {
  const s = new JsonScanner(limits);
  s.push(Buffer.from(text, 'utf8'));
  return s.count;
}
