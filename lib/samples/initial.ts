/**
 * Code samples the server renders for the initial values (lib/server/initial-code.ts) and how the
 * browser knows it may keep showing them: the language choice both sides make, and a key of
 * everything a generated sample is made from (request model, connection, options), computed
 * without the generator. While the browser's key equals the server's, it shows the server's
 * highlighted text and loads no generator and no highlighter. Framework-free; runs on both sides.
 */
import { languageInfo } from '@/lib/codegen/registry';
import type { Connection, RequestModel, Value } from '@/lib/request/types';
import type { SampleTab } from './tabs';
import type { CompactTokens } from './tokens';

/** The language shown until the user picks one: a generated sample that follows the form. */
export const DEFAULT_LANGUAGE = 'curl';
/** Cookie mirroring the stored choice, so the server renders the chosen language. */
export const LANGUAGE_COOKIE = 'rc-code-lang';

export interface InitialSample {
  /** The tab shown (`curl`, `python`, or a hand-written sample's language). */
  lang: string;
  /** codeKey() of what the text was made from; '' for a hand-written sample (compare its text). */
  key: string;
  text: string;
  tokens: CompactTokens | null;
}

export interface InitialCode {
  /** The language choice the server rendered with (the cookie's, else DEFAULT_LANGUAGE). */
  lang: string;
  /** By step index. */
  steps: Record<number, InitialSample>;
  /** The whole-recipe program. */
  program?: InitialSample;
}

/** The tab a step shows for a stored choice: that language if the step offers it, else the default. */
export function pickTab(tabs: SampleTab[], stored: string | null | undefined): SampleTab | undefined {
  return (
    (stored ? tabs.find((t) => t.id === stored) : undefined) ??
    tabs.find((t) => t.id === DEFAULT_LANGUAGE && t.sample.auto) ??
    tabs.find((t) => t.sample.auto && !!languageInfo(t.id)) ??
    tabs[0]
  );
}

/** A language id as it may come from a cookie: one of ours, else undefined. */
export function cleanLanguage(v: string | undefined | null): string | undefined {
  return v && /^[a-z0-9]{1,16}$/.test(v) ? v : undefined;
}

const MASK = '\u2022';

function maskValue(v: Value, shown: boolean): unknown {
  return shown ? v : MASK;
}

function modelPart(m: RequestModel | null, shown: boolean): unknown {
  if (!m) return null;
  return {
    ...m,
    ks: m.ks === undefined ? undefined : shown ? m.ks : MASK,
    params: m.params.map((f) => (f.secret ? { ...f, value: maskValue(f.value, shown) } : f)),
  };
}

function connectionPart(c: Connection, shown: boolean): unknown {
  return {
    u: c.serviceUrl,
    p: c.partnerId,
    i: c.userId,
    s: c.secret === undefined ? undefined : shown ? c.secret : MASK,
    k: c.ks === undefined ? undefined : shown ? c.ks : MASK,
  };
}

/** 53-bit FNV-1a-style hash of a string, base 36. */
function hash(s: string): string {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x01000193 | 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return ((h2 >>> 0) & 0x1fffff).toString(36) + (h1 >>> 0).toString(36);
}

/**
 * The key of a generated sample: equal keys give equal code. Secrets that are masked count only
 * as "there is one" (the code shows a placeholder either way).
 */
export function codeKey(x: {
  lang: string;
  requests: Array<RequestModel | null>;
  connection: Connection;
  setup: boolean;
  secrets: 'masked' | 'shown';
  /** Which description the forms use ('builtin' unless another OpenAPI document is loaded). */
  api: string;
}): string {
  const shown = x.secrets === 'shown';
  return hash(
    JSON.stringify([1, x.lang, x.setup, x.secrets, x.api, connectionPart(x.connection, shown), x.requests.map((m) => modelPart(m, shown))]),
  );
}
