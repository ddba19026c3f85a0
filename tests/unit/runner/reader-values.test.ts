/** The values the headless runner computes where a reader computes them by hand (an app token's hash). */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readerValue } from '@/lib/runner/reader-values';

const token = { objectType: 'KalturaAppToken', id: '0_abc', token: 'f00d', hashType: 'SHA256' };

describe('readerValue', () => {
  it("tokenHash of appToken.startSession: hex hash of KS + token with the token's hashType", async () => {
    const results = {
      0: { ok: true, response: token },
      1: { ok: true, response: { objectType: 'KalturaAppToken', id: '0_other', token: 'beef' } },
    };
    expect(await readerValue('appToken.startSession', 'tokenHash', { id: '0_abc' }, results, 'KS1')).toBe(
      createHash('sha256').update('KS1f00d').digest('hex'),
    );
    const sha1 = { 0: { ok: true, response: { ...token, hashType: 'SHA1' } } };
    expect(await readerValue('appToken.startSession', 'tokenHash', { id: '0_abc' }, sha1, 'KS1')).toBe(
      createHash('sha1').update('KS1f00d').digest('hex'),
    );
  });

  it('nothing for another input, another action, no KS, an unknown token, or MD5', async () => {
    const results = { 0: { ok: true, response: token } };
    expect(await readerValue('appToken.startSession', 'userId', { id: '0_abc' }, results, 'KS')).toBeUndefined();
    expect(await readerValue('session.start', 'tokenHash', {}, results, 'KS')).toBeUndefined();
    expect(await readerValue('appToken.startSession', 'tokenHash', { id: '0_abc' }, results, undefined)).toBeUndefined();
    expect(await readerValue('appToken.startSession', 'tokenHash', { id: '0_zzz' }, results, 'KS')).toBeUndefined();
    expect(
      await readerValue(
        'appToken.startSession',
        'tokenHash',
        { id: '0_abc' },
        { 0: { ok: true, response: { ...token, hashType: 'MD5' } } },
        'KS',
      ),
    ).toBeUndefined();
  });
});
