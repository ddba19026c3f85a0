import { createDecipheriv, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildKs, formatPrivileges, KsError, parseKs, parsePrivileges, peekKsPartner } from '../../../lib/sandbox/ks';

const secret = 'abcdef0123456789abcdef0123456789';
const now = 1_800_000_000;

describe('KS v1 (older client helpers)', () => {
  const v1 = (key: string, info: string) =>
    Buffer.from(
      createHash('sha1')
        .update(key + info)
        .digest('hex') +
        '|' +
        info,
    ).toString('base64');

  it('is read when signed with the admin secret, or with the user secret for a USER session', () => {
    const info = `42;42;${now + 100};2;1234;admin@x;edit:*,sview:0_a`;
    expect(peekKsPartner(v1(secret, info))).toBe(42);
    const d = parseKs(v1(secret, info), secret, now, 'user-secret');
    expect(d).toMatchObject({ partnerId: 42, type: 2, userId: 'admin@x', expiry: now + 100 });
    expect(formatPrivileges(d.privileges)).toBe('edit:*,sview:0_a');
    const userInfo = `42;42;${now + 100};0;99;u;`;
    expect(parseKs(v1('user-secret', userInfo), secret, now, 'user-secret').type).toBe(0);
    expect(() => parseKs(v1('user-secret', info), secret, now, 'user-secret')).toThrow(KsError);
    expect(() => parseKs(v1('nope', info), secret, now, 'user-secret')).toThrow(KsError);
    expect(() => parseKs(v1(secret, `42;42;${now - 1};2;1;u;`), secret, now)).toThrow('EXPIRED');
  });
});

describe('KS v2', () => {
  it('has the layout of the real server: base64url("v2|pid|" + AES-128-CBC(sha1 + random16 + fields))', () => {
    const random = Buffer.alloc(16, 7);
    const ks = buildKs(
      secret,
      { partnerId: 123, type: 2, userId: 'a b', expiry: now + 60, privileges: parsePrivileges('edit:*,sview:0_x') },
      random,
    );
    const raw = Buffer.from(ks, 'base64url');
    expect(raw.subarray(0, 7).toString()).toBe('v2|123|');
    const key = createHash('sha1').update(secret).digest().subarray(0, 16);
    const d = createDecipheriv('aes-128-cbc', key, Buffer.alloc(16));
    d.setAutoPadding(false);
    const plain = Buffer.concat([d.update(raw.subarray(7)), d.final()]);
    const body = plain.subarray(20);
    const fields = body.subarray(16).toString().replace(/\0+$/, '');
    // PHP's http_build_query encoding: `*` is %2A, a space is +
    expect(fields).toBe(`edit=%2A&sview=0_x&_e=${now + 60}&_t=2&_u=a+b`);
    expect(body.subarray(0, 16).equals(random)).toBe(true);
    const unpadded = Buffer.concat([random, Buffer.from(fields)]);
    expect(plain.subarray(0, 20).equals(createHash('sha1').update(unpadded).digest())).toBe(true);
  });

  it('round-trips and reports its partner', () => {
    const ks = buildKs(secret, { partnerId: 42, type: 0, userId: 'user@x', expiry: now + 10, privileges: parsePrivileges('*') });
    expect(peekKsPartner(ks)).toBe(42);
    const d = parseKs(ks, secret, now);
    expect(d).toMatchObject({ partnerId: 42, type: 0, userId: 'user@x', expiry: now + 10 });
    expect(formatPrivileges(d.privileges)).toBe('*');
  });

  it('rejects a wrong secret, tampering, expiry and garbage', () => {
    const ks = buildKs(secret, { partnerId: 42, type: 2, userId: '', expiry: now + 10, privileges: new Map() });
    const reason = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as KsError).reason;
      }
      return 'accepted';
    };
    expect(reason(() => parseKs(ks, 'other', now))).toBe('INVALID_STR');
    const flipped = ks.slice(0, 20) + (ks[20] === 'A' ? 'B' : 'A') + ks.slice(21);
    expect(reason(() => parseKs(flipped, secret, now))).toBe('INVALID_STR');
    expect(reason(() => parseKs(ks + 'A', secret, now))).toBe('INVALID_STR');
    expect(reason(() => parseKs(ks, secret, now + 11))).toBe('EXPIRED');
    expect(reason(() => parseKs('djF8MTIzfA', secret, now))).toBe('INVALID_STR');
    expect(reason(() => parseKs('', secret, now))).toBe('INVALID_STR');
    expect(reason(() => parseKs(ks, secret, now))).toBe('accepted');
  });
});

describe('one session, one fingerprint (session.end cannot be dodged by re-encoding)', () => {
  it('padding and +/ for -_ give the canonical text and the same fingerprint; another session differs', async () => {
    const { canonicalKs, ksFingerprint } = await import('../../../lib/sandbox/ks');
    const data = { partnerId: 9, type: 2, userId: 'u', expiry: now + 60, privileges: new Map<string, string>() };
    // a KS whose text has - and _ (so that the +/ spelling differs from it)
    let ks = '';
    for (let i = 0; i < 200 && !/[-_]/.test(ks); i++) ks = buildKs(secret, data, Buffer.alloc(16, i));
    expect(ks).toMatch(/[-_]/);
    const padded = ks + '='.repeat((4 - (ks.length % 4)) % 4);
    const classic = padded.replace(/-/g, '+').replace(/_/g, '/');
    for (const variant of [padded, classic, ` ${ks} `]) {
      expect(canonicalKs(variant)).toBe(ks);
      expect(ksFingerprint(variant)).toBe(ksFingerprint(ks));
      expect(parseKs(variant.trim(), secret, now)).toMatchObject({ partnerId: 9, userId: 'u' });
    }
    // the fingerprint of a KS as issued is the one kept before this change (sha256 of its text)
    expect(ksFingerprint(ks)).toBe(createHash('sha256').update(ks).digest('hex'));
    expect(ksFingerprint(buildKs(secret, data, Buffer.alloc(16, 250)))).not.toBe(ksFingerprint(ks));
    expect(canonicalKs('not a ks!')).toBeUndefined();
  });
});
