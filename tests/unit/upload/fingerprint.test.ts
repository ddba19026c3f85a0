import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  EDGE_BYTES,
  fingerprintDifferences,
  fingerprintFile,
  LocalStorageFingerprintStore,
  MemoryFingerprintStore,
  STORAGE_PREFIX,
} from '@/lib/upload/fingerprint';

function bytes(n: number, seed = 1): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

describe('fingerprintFile', () => {
  it('hashes the first and last 64 KiB of a large file', async () => {
    const data = bytes(3 * EDGE_BYTES + 17);
    const f = new File([data], 'a.mp4', { lastModified: 1234 });
    const fp = await fingerprintFile(f);
    const expected = createHash('sha256')
      .update(data.subarray(0, EDGE_BYTES))
      .update(data.subarray(data.length - EDGE_BYTES))
      .digest('hex');
    expect(fp).toEqual({ name: 'a.mp4', size: data.length, lastModified: 1234, edgesSha256: expected });
  });
  it('hashes a small file whole', async () => {
    const data = bytes(1000);
    const fp = await fingerprintFile(new File([data], 'x', { lastModified: 5 }));
    expect(fp.edgesSha256).toBe(createHash('sha256').update(data).digest('hex'));
    expect((await fingerprintFile(new File([], 'empty'))).edgesSha256).toBe(createHash('sha256').digest('hex'));
  });
  it('tells a file whose middle changed from one whose edges changed', async () => {
    const a = bytes(4 * EDGE_BYTES);
    const middle = a.slice();
    middle[2 * EDGE_BYTES]! ^= 1;
    const tail = a.slice();
    tail[tail.length - 1]! ^= 1;
    const fa = await fingerprintFile(new File([a], 'f', { lastModified: 1 }));
    // The middle is not read (that is the point: no full read); name, size and date still catch edits.
    expect(fingerprintDifferences(fa, await fingerprintFile(new File([middle], 'f', { lastModified: 1 })))).toEqual([]);
    expect(fingerprintDifferences(fa, await fingerprintFile(new File([tail], 'f', { lastModified: 1 })))).toEqual(['content']);
    expect(fingerprintDifferences(fa, await fingerprintFile(new File([a], 'g', { lastModified: 2 })))).toEqual(['name', 'lastModified']);
  });
});

describe('stores', () => {
  const fp = { name: 'a', size: 1, lastModified: 2, edgesSha256: 'ab' };
  it('memory store round-trips and serialises', () => {
    const s = new MemoryFingerprintStore();
    s.set('0_t', fp);
    expect(s.get('0_t')).toEqual(fp);
    expect(new MemoryFingerprintStore(JSON.parse(JSON.stringify(s))).get('0_t')).toEqual(fp);
    s.delete('0_t');
    expect(s.get('0_t')).toBeUndefined();
  });
  it('localStorage store keys by token, ignores junk and storage failures', () => {
    const m = new Map<string, string>();
    const storage = {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
      removeItem: (k: string) => void m.delete(k),
    };
    const s = new LocalStorageFingerprintStore(storage);
    s.set('0_t', fp);
    expect(JSON.parse(m.get(STORAGE_PREFIX + '0_t')!)).toEqual(fp);
    expect(s.get('0_t')).toEqual(fp);
    m.set(STORAGE_PREFIX + '0_bad', '{"name":1}');
    expect(s.get('0_bad')).toBeUndefined();
    m.set(STORAGE_PREFIX + '0_bad', 'not json');
    expect(s.get('0_bad')).toBeUndefined();
    const full = new LocalStorageFingerprintStore({
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceeded');
      },
      removeItem: () => undefined,
    });
    expect(() => full.set('0_t', fp)).not.toThrow();
  });
});
