/**
 * Kaltura sessions (KS v2), made and read exactly as the real server does, so a KS made by an
 * official client library's own session helper works here and ours work with their parsers:
 *
 *   fields    = URL-encoded `privilege=value&...&_e=expiry&_t=type&_u=userId`
 *   plaintext = sha1(random16 + fields) (20 raw bytes) + random16 + fields
 *   cipher    = AES-128-CBC(plaintext zero-padded to 16), key = sha1(adminSecret)[0..16], IV = 0
 *   KS        = base64url("v2|{partnerId}|" + cipher)
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_USER = 0;
export const SESSION_ADMIN = 2;

export interface KsData {
  partnerId: number;
  /** Session type: 0 USER, 2 ADMIN. */
  type: number;
  userId: string;
  /** Unix seconds. */
  expiry: number;
  /** Privileges as `name -> value` (from `name:value,...`; `*` is `all -> *`). */
  privileges: Map<string, string>;
}

/** `name:value,name2:value2` (and `*`) into the map the KS carries. */
export function parsePrivileges(text: string | undefined | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!text) return out;
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (!item) continue;
    if (item === '*') {
      out.set('all', '*');
      continue;
    }
    const i = item.indexOf(':');
    if (i < 0) out.set(item, '');
    else out.set(item.slice(0, i), item.slice(i + 1));
  }
  return out;
}

/** The map back to Kaltura's text form (`all:*` shown as `*`). */
export function formatPrivileges(privileges: Map<string, string>): string {
  return [...privileges].map(([k, v]) => (k === 'all' && v === '*' ? '*' : v === '' ? k : `${k}:${v}`)).join(',');
}

function aesKey(secret: string): Buffer {
  return createHash('sha1').update(secret, 'utf8').digest().subarray(0, 16);
}

const ZERO_IV = Buffer.alloc(16);

function encrypt(secret: string, plain: Buffer): Buffer {
  const padLen = (16 - (plain.length % 16)) % 16;
  const padded = padLen ? Buffer.concat([plain, Buffer.alloc(padLen)]) : plain;
  const c = createCipheriv('aes-128-cbc', aesKey(secret), ZERO_IV);
  c.setAutoPadding(false);
  return Buffer.concat([c.update(padded), c.final()]);
}

function decrypt(secret: string, cipher: Buffer): Buffer {
  const d = createDecipheriv('aes-128-cbc', aesKey(secret), ZERO_IV);
  d.setAutoPadding(false);
  return Buffer.concat([d.update(cipher), d.final()]);
}

/** Form-encodes like PHP's http_build_query (spaces as `+`). */
function encodeComponent(s: string): string {
  return encodeURIComponent(s)
    .replace(/%20/g, '+')
    .replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

export function buildKs(secret: string, data: KsData, random: Buffer = randomBytes(16)): string {
  const pairs: Array<[string, string]> = [...data.privileges];
  pairs.push(['_e', String(data.expiry)], ['_t', String(data.type)], ['_u', data.userId]);
  const fields = Buffer.from(pairs.map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(v)}`).join('&'), 'utf8');
  const body = Buffer.concat([random, fields]);
  const hash = createHash('sha1').update(body).digest();
  const cipher = encrypt(secret, Buffer.concat([hash, body]));
  return Buffer.concat([Buffer.from(`v2|${data.partnerId}|`, 'latin1'), cipher]).toString('base64url');
}

/** Why a KS was refused, as the real server numbers them (the `ERR_CODE,ERR_DESC` of INVALID_KS). */
export const KS_ERRORS = {
  INVALID_STR: -1,
  INVALID_PARTNER: -2,
  INVALID_USER: -3,
  INVALID_TYPE: -4,
  EXPIRED: -5,
  LOGOUT: -6,
} as const;
export type KsErrorName = keyof typeof KS_ERRORS;

export class KsError extends Error {
  constructor(readonly reason: KsErrorName) {
    super(reason);
  }
}

const V1_RE = /^([0-9a-f]{40})\|(\d{1,12});([\s\S]*)$/;

/** The partner a KS claims to belong to (before any check), or undefined if it is not a KS. */
export function peekKsPartner(ks: string): number | undefined {
  const raw = decodeBase64(ks);
  if (!raw) return undefined;
  const head = raw.subarray(0, Math.min(raw.length, 64)).toString('latin1');
  const m = /^v2\|(\d{1,12})\|/.exec(head) ?? V1_RE.exec(head);
  return m ? Number(m[m.length === 2 ? 1 : 2]) : undefined;
}

/**
 * A v1 KS (older client helpers still make them): base64(sha1hex(secret + info) + "|" + info),
 * info = "partnerId;partnerId;expiry;type;random;userId;privileges". Signed with the admin
 * secret, or with the user secret for a USER session.
 */
function parseKsV1(raw: Buffer, secret: string, userSecret: string | undefined, nowSec: number): KsData {
  const m = V1_RE.exec(raw.toString('utf8'));
  if (!m) throw new KsError('INVALID_STR');
  const info = `${m[2]};${m[3]}`;
  const fields = info.split(';');
  const sig = (key: string) =>
    createHash('sha1')
      .update(key + info, 'utf8')
      .digest('hex');
  const type = Number(fields[3]);
  const byAdmin = sig(secret) === m[1];
  const byUser = !byAdmin && userSecret !== undefined && sig(userSecret) === m[1];
  if (!byAdmin && !byUser) throw new KsError('INVALID_STR');
  if (type !== SESSION_USER && type !== SESSION_ADMIN) throw new KsError('INVALID_TYPE');
  if (byUser && type !== SESSION_USER) throw new KsError('INVALID_TYPE');
  const expiry = Number(fields[2]);
  if (!Number.isFinite(expiry) || fields[0] !== fields[1]) throw new KsError('INVALID_STR');
  const data: KsData = { partnerId: Number(fields[0]), type, userId: fields[5] ?? '', expiry, privileges: parsePrivileges(fields[6]) };
  if (expiry < nowSec) throw new KsError('EXPIRED');
  return data;
}

function decodeBase64(ks: string): Buffer | undefined {
  if (typeof ks !== 'string' || ks.length < 8 || ks.length > 8192 || !/^[A-Za-z0-9_\-+/=]+$/.test(ks)) return undefined;
  const buf = Buffer.from(ks, 'base64url');
  // strict: the text must be exactly the encoding of the bytes (no stray characters)
  const canonical = ks.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  if (buf.toString('base64url') !== canonical) return undefined;
  return buf;
}

/**
 * Decrypts and checks the signature of a KS (v2; v1 too) with its partner's secrets. Throws KsError
 * (INVALID_STR for anything malformed or tampered). Expiry is checked by the caller (`now`).
 */
export function parseKs(ks: string, secret: string, nowSec: number = Math.floor(Date.now() / 1000), userSecret?: string): KsData {
  const raw = decodeBase64(ks);
  if (!raw) throw new KsError('INVALID_STR');
  const head = raw.subarray(0, Math.min(raw.length, 32)).toString('latin1');
  const m = /^v2\|(\d{1,12})\|/.exec(head);
  if (!m) return parseKsV1(raw, secret, userSecret, nowSec);
  const cipher = raw.subarray(m[0].length);
  if (cipher.length < 48 || cipher.length % 16 !== 0) throw new KsError('INVALID_STR');
  let plain = decrypt(secret, cipher);
  // strip the zero padding (fields never end with a NUL byte)
  let end = plain.length;
  while (end > 36 && plain[end - 1] === 0) end--;
  plain = plain.subarray(0, end);
  const hash = plain.subarray(0, 20);
  const body = plain.subarray(20);
  const expected = createHash('sha1').update(body).digest();
  if (!timingSafeEqual(hash, expected)) throw new KsError('INVALID_STR');
  const fields = new URLSearchParams(body.subarray(16).toString('utf8'));
  const privileges = new Map<string, string>();
  let expiry = NaN;
  let type = NaN;
  let userId = '';
  for (const [k, v] of fields) {
    if (k === '_e') expiry = Number(v);
    else if (k === '_t') type = Number(v);
    else if (k === '_u') userId = v;
    else privileges.set(k, v);
  }
  if (!Number.isFinite(expiry)) throw new KsError('INVALID_STR');
  if (type !== SESSION_USER && type !== SESSION_ADMIN) throw new KsError('INVALID_TYPE');
  const data: KsData = { partnerId: Number(m[1]), type, userId, expiry, privileges };
  if (expiry < nowSec) throw new KsError('EXPIRED');
  return data;
}

/**
 * The one text of a KS: its bytes in unpadded base64url. The same session may be written with
 * `+/` for `-_` or with `=` padding; all of them decode to the same bytes (and are accepted), so
 * everything keyed on a KS (the ended-sessions list, the validation cache) uses this form.
 * Undefined when the text is not a KS encoding at all.
 */
export function canonicalKs(ks: string): string | undefined {
  return decodeBase64(ks.trim())?.toString('base64url');
}

/**
 * Stable id of a KS for the ended-sessions list (the KS itself is never stored): a hash of its
 * canonical text, so a re-encoded KS has the same id. (The hash of the canonical text equals the
 * hash kept for a KS as the server issued it, so ended sessions kept before stay ended.)
 */
export function ksFingerprint(ks: string): string {
  return createHash('sha256')
    .update(canonicalKs(ks) ?? ks)
    .digest('hex');
}
