/**
 * appToken.startSession's `tokenHash`, the one input of the shipped recipes that a reader computes
 * rather than types or copies: the hexadecimal digest, with the token's `hashType`, of the KS the
 * call is made with immediately followed by the application token. The headless runner
 * (lib/runner/reader-values.ts) and the generated code (lib/codegen/plan.ts) compute it from this
 * one statement of the rule.
 */

/** A digest by its common lower-case name (hashlib, openssl, Node's crypto, PHP's hash()). */
export type DigestName = 'md5' | 'sha1' | 'sha256' | 'sha512';

/** KalturaAppTokenHashType members and their digests. */
export const TOKEN_HASH_DIGESTS: Readonly<Record<string, DigestName>> = { MD5: 'md5', SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' };

/** What a token is hashed with when nothing says otherwise (the sandbox's default, and the recipe's choice). */
export const DEFAULT_TOKEN_HASH_TYPE = 'SHA256';

/** The argument that holds the hash, and the one that names the token. */
export const TOKEN_HASH_ARG = 'tokenHash';
export const TOKEN_ID_ARG = 'id';

/** Whether `service.action`'s input `name` is the token hash (appToken.startSession's tokenHash). */
export function isTokenHash(service: string, action: string, name: string): boolean {
  return service.toLowerCase() === 'apptoken' && action.toLowerCase() === 'startsession' && name === TOKEN_HASH_ARG;
}

/** The digest of a KalturaAppTokenHashType value (`SHA256`), undefined for an unknown one. */
export function tokenDigest(hashType: unknown): DigestName | undefined {
  return TOKEN_HASH_DIGESTS[String(hashType ?? DEFAULT_TOKEN_HASH_TYPE).toUpperCase()];
}

/** `sha256` -> `SHA-256` (the name readers and Web Crypto use). */
export function digestLabel(d: DigestName): string {
  return d === 'md5' ? 'MD5' : `SHA-${d.slice(3)}`;
}
