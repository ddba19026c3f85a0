/**
 * Values a reader computes by hand between two steps, which the headless runner computes the same
 * way (it never runs a recipe's samples). One today: appToken.startSession's `tokenHash`, the
 * hexadecimal hash of the KS the call is made with followed by the application token, with the
 * token's hashType (the start-a-session-with-an-app-token recipe has the reader run a sample for
 * it). The token is the `token` of the latest step answer that is a KalturaAppToken with the id
 * the step sends. The rule is lib/description/kaltura/app-token-hash.ts (generated code follows it too).
 * Web Crypto, so it runs in the browser and in Node; MD5 tokens are left to the reader.
 */
import { digestLabel, isTokenHash, tokenDigest } from '@/lib/description/kaltura/app-token-hash';
import type { StepResults } from '@/lib/form/types';

interface AppToken {
  objectType: 'KalturaAppToken';
  id: string;
  token: string;
  hashType?: string;
}

function isAppToken(v: unknown): v is AppToken {
  const o = v as AppToken | null;
  return !!o && typeof o === 'object' && o.objectType === 'KalturaAppToken' && typeof o.id === 'string' && typeof o.token === 'string';
}

/**
 * The value of a required input the reader computes, or undefined: `operation` is `service.action`,
 * `values` the step's other inputs (resolved), `ks` the session the call is made with.
 */
export async function readerValue(
  operation: string,
  path: string,
  values: Record<string, unknown>,
  results: StepResults,
  ks: string | undefined,
): Promise<string | undefined> {
  const [service = '', action = ''] = operation.split('.');
  if (!isTokenHash(service, action, path) || !ks) return undefined;
  const id = values.id;
  const outcomes = Object.entries(results).sort(([a], [b]) => Number(b) - Number(a));
  const token = outcomes.map(([, o]) => o?.response).find((r): r is AppToken => isAppToken(r) && (id === undefined || r.id === id));
  const digest = tokenDigest(token?.hashType);
  if (!token || !digest || digest === 'md5' || !globalThis.crypto?.subtle) return undefined;
  const algorithm = digestLabel(digest);
  const hash = await globalThis.crypto.subtle.digest(algorithm, new TextEncoder().encode(ks + token.token));
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
