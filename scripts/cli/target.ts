/**
 * Where the recipe CLIs send calls: the flags `--service-url URL`, `--partner-id ID`,
 * `--secret SECRET` and `--ks KS`, shared by recipes:code (printed into the code) and
 * recipes:test (used to run the recipe), with the same checks and messages.
 */
import type { Connection } from '../../lib/request/types';

export const TARGET_FLAGS = ['--service-url', '--partner-id', '--secret', '--ks'] as const;

export const TARGET_USAGE = `  --service-url   a Kaltura endpoint (the server address, without /api_v3)
  --partner-id    the partner ID
  --secret        the partner's admin secret
  --ks            a KS (session) to use instead of a partner ID and secret`;

export interface TargetFlags {
  /** Base URL without a trailing slash or /api_v3; undefined when not given. */
  serviceUrl?: string;
  partnerId?: number;
  secret?: string;
  ks?: string;
}

/** Reads and checks the target flags (nothing is required here: each CLI says what it needs). */
export function readTarget(opts: Record<string, string>, fail: (message: string) => never): TargetFlags {
  const t: TargetFlags = {};
  if (opts['--partner-id'] !== undefined) {
    const n = Number(opts['--partner-id']);
    if (!/^\s*\d+\s*$/.test(opts['--partner-id']) || !Number.isSafeInteger(n))
      fail(`--partner-id must be a whole number (got "${opts['--partner-id']}").`);
    t.partnerId = n;
  }
  const url = opts['--service-url'];
  if (url !== undefined) {
    try {
      const u = new URL(url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http');
    } catch {
      fail(`--service-url must be an http(s) URL (got "${url}").`);
    }
    t.serviceUrl = normaliseServiceUrl(url);
  }
  if (opts['--secret'] !== undefined) {
    if (opts['--secret'].trim() === '') fail('--secret is empty.');
    t.secret = opts['--secret'];
  }
  if (opts['--ks'] !== undefined) {
    if (opts['--ks'].trim() === '') fail('--ks is empty.');
    t.ks = opts['--ks'].trim();
  }
  return t;
}

/** `https://x/api_v3/` -> `https://x`. */
export function normaliseServiceUrl(url: string): string {
  return url
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/api_v3$/i, '');
}

export function toConnection(t: TargetFlags, fallbackUrl: string): Connection {
  const c: Connection = { serviceUrl: t.serviceUrl ?? fallbackUrl };
  if (t.partnerId !== undefined) c.partnerId = t.partnerId;
  if (t.secret !== undefined) c.secret = t.secret;
  if (t.ks !== undefined) c.ks = t.ks;
  return c;
}
