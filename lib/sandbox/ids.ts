import { randomBytes } from 'node:crypto';

/** `0_` + 32 hex digits, like a Kaltura upload token id. */
export function newTokenId(): string {
  return '0_' + randomBytes(16).toString('hex');
}

const B36 = '0123456789abcdefghijklmnopqrstuvwxyz';
/** `0_` + 8 base-36 characters, like a Kaltura entry id. */
export function newEntryId(): string {
  const bytes = randomBytes(8);
  let s = '';
  for (const b of bytes) s += B36[b % 36];
  return '0_' + s;
}

export function nowSec(): number {
  return Math.floor(Date.now() / 1000);
}
