/**
 * What leaves the console's own hands must hold no secret: a recipe's Demo (untrusted HTML), the
 * code shown, copied and downloaded (unless the user ticks "Show secrets"), and what the page keeps
 * in storage. Secrets are: values of fields that are credentials (`secret` fields: the admin
 * secret, a KS) or filled from the connection (`fromSecrets`), the connection's own secret and KS,
 * and any KS at all (a KS an earlier step answered, carried into a later step by a dynamic value).
 */
import { walkFields } from '@/lib/form/build';
import { getPath, setPath } from '@/lib/form/paths';
import type { FormModel, FormValues } from '@/lib/form/types';
import { toAnswers } from '@/lib/form/values';
import { decodeKs } from '@/lib/connection/ks';
import type { Connection } from '@/lib/request/types';

/** The connection's secret values (the admin secret, the KS), for matching text against them. */
export function connectionSecrets(connection: Partial<Pick<Connection, 'secret' | 'ks'>>): string[] {
  return [connection.secret, connection.ks].filter((s): s is string => typeof s === 'string' && s.length >= 4);
}

/** Whether a text is a KS (v2 `v2|partner|...` or v1 `signature|partner;...`, base64 or base64url). */
export function looksLikeKs(text: string): boolean {
  const t = text.trim();
  if (t.length < 40 || t.length > 8192 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(t)) return false;
  const h = decodeKs(t);
  return !!h && h.partnerId !== undefined;
}

const KS_RUN = /[A-Za-z0-9+/_-]{40,}={0,2}/g;

/** base64 of "v2|": where a v2 KS starts, also when glued to other base64 characters. */
const V2_START = 'djJ8';

/** `text` with every KS in it (alone or inside a longer text, e.g. a URL) replaced. */
export function replaceKss(text: string, replacement: string): string {
  return text.replace(KS_RUN, (m) => {
    if (looksLikeKs(m)) return replacement;
    const i = m.indexOf(V2_START);
    return i > 0 && looksLikeKs(m.slice(i)) ? m.slice(0, i) + replacement : m;
  });
}

/** Whether a text is, or contains, one of `secrets` or a KS. */
export function holdsSecret(text: string, secrets: string[]): boolean {
  if (secrets.some((s) => text.includes(s))) return true;
  return replaceKss(text, '\u0000') !== text;
}

/** Drops every string that holds a secret, anywhere in a value (objects and arrays are copied). */
function withoutSecretStrings(v: unknown, secrets: string[]): unknown {
  if (typeof v === 'string') return holdsSecret(v, secrets) ? undefined : v;
  if (Array.isArray(v)) return v.map((x) => withoutSecretStrings(x, secrets));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const y = withoutSecretStrings(x, secrets);
      if (y !== undefined) out[k] = y;
    }
    return out;
  }
  return v;
}

/**
 * A step's answers as a Demo may have them: without the fields that are credentials or filled from
 * the connection, and without any value that holds a secret.
 */
export function publicAnswers(form: FormModel, values: FormValues, secrets: string[]): Record<string, unknown> {
  let v = values;
  walkFields(form.fields, (f) => {
    if ((f.secret || f.fromSecrets) && getPath(v, f.path) !== undefined) v = setPath(v, f.path, undefined);
  });
  return (withoutSecretStrings(toAnswers(v), secrets) ?? {}) as Record<string, unknown>;
}

/** Every secret in `value` (strings anywhere in it) replaced: the connection's by name, KSs by `ksPlaceholder`. */
export function maskSecrets<T>(value: T, secrets: Array<{ value: string; placeholder: string }>, ksPlaceholder: string): T {
  const mask = (s: string): string => {
    let out = s;
    for (const { value: secret, placeholder } of secrets) if (secret.length >= 4) out = out.split(secret).join(placeholder);
    return replaceKss(out, ksPlaceholder);
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return mask(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
