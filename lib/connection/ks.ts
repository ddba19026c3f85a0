/**
 * Reading what a KS says about itself without its secret: a KS v2 starts with the cleartext
 * `v2|{partnerId}|` (the rest is encrypted); a KS v1 is `base64(signature|fields)` with the fields
 * `partnerId;partnerPattern;expiry;type;random;userId;privileges;...` in clear.
 */

export interface KsHeader {
  version: 1 | 2;
  partnerId?: number;
  /** v1 only (v2 keeps these encrypted: ask session.get). */
  expiry?: number;
  type?: number;
  userId?: string;
  privileges?: string;
}

function decodeBase64(text: string): string | undefined {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/').replace(/\s+/g, '');
  const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
  try {
    // atob is global in browsers and Node >= 16 (no Buffer: it would pull a polyfill into the page).
    return atob(padded);
  } catch {
    return undefined;
  }
}

export function decodeKs(ks: string): KsHeader | undefined {
  const text = decodeBase64(ks.trim());
  if (!text) return undefined;
  if (text.startsWith('v2|')) {
    const m = /^v2\|(\d+)\|/.exec(text);
    return { version: 2, ...(m ? { partnerId: Number(m[1]) } : {}) };
  }
  const bar = text.indexOf('|');
  if (bar < 0) return undefined;
  const fields = text.slice(bar + 1).split(';');
  if (fields.length < 4 || !/^\d+$/.test(fields[0] ?? '')) return undefined;
  const h: KsHeader = { version: 1, partnerId: Number(fields[0]) };
  if (/^\d+$/.test(fields[2] ?? '')) h.expiry = Number(fields[2]);
  if (/^-?\d+$/.test(fields[3] ?? '')) h.type = Number(fields[3]);
  if (fields[5]) h.userId = fields[5];
  if (fields[6]) h.privileges = fields[6];
  return h;
}
