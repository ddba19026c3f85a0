import { describe, expect, it } from 'vitest';
import { applyHeld, autoSettings, chunkedByDefault, doneBytes, MiB, planChunks } from '@/lib/upload/plan';
import { fuzzSeed, prng } from '../../helpers/prng';

describe('autoSettings', () => {
  it('uses about 32 chunks of 8 to 32 MiB and 4 streams for large files', () => {
    expect(autoSettings(1024 * MiB)).toEqual({ chunkSize: 32 * MiB, parallel: 4 });
    expect(autoSettings(512 * MiB)).toEqual({ chunkSize: 16 * MiB, parallel: 4 });
    expect(autoSettings(129 * MiB)).toEqual({ chunkSize: 8 * MiB, parallel: 4 });
    expect(autoSettings(128 * MiB)).toEqual({ chunkSize: 8 * MiB, parallel: 4 });
    expect(autoSettings(4096 * MiB).chunkSize).toBe(32 * MiB);
  });
  it('uses smaller chunks (at least 1 MiB, a power of two) for mid-size files', () => {
    expect(autoSettings(64 * MiB)).toEqual({ chunkSize: 4 * MiB, parallel: 4 });
    expect(autoSettings(9 * MiB)).toEqual({ chunkSize: 1 * MiB, parallel: 4 });
    expect(autoSettings(3 * MiB).chunkSize).toBe(1 * MiB);
  });
  it('grows chunks for very large files so there are about 1024 at most', () => {
    const s = autoSettings(40 * 1024 * MiB);
    expect(s.chunkSize).toBe(40 * MiB);
    expect(Math.ceil((40 * 1024 * MiB) / s.chunkSize)).toBeLessThanOrEqual(1024);
  });
  it('has fewer streams than chunks after the first', () => {
    expect(autoSettings(2 * MiB, { chunkSize: 1 * MiB }).parallel).toBe(1);
    expect(autoSettings(3 * MiB, { chunkSize: 1 * MiB }).parallel).toBe(2);
  });
  it('takes overrides and rejects nonsense', () => {
    expect(autoSettings(100 * MiB, { chunkSize: 65536, parallel: 7 })).toEqual({ chunkSize: 65536, parallel: 7 });
    expect(() => autoSettings(10, { chunkSize: 0 })).toThrow(/positive/);
    expect(() => autoSettings(10, { parallel: 0 })).toThrow(/between 1 and 32/);
    expect(() => autoSettings(10, { parallel: Number.NaN })).toThrow();
  });
});

describe('chunkedByDefault', () => {
  it('chunks files above the chunk size only', () => {
    expect(chunkedByDefault(8 * MiB)).toBe(false);
    expect(chunkedByDefault(8 * MiB + 1)).toBe(true);
    expect(chunkedByDefault(65537, 65536)).toBe(true);
    expect(chunkedByDefault(65536, 65536)).toBe(false);
  });
});

describe('planChunks', () => {
  it('covers the file exactly, the last chunk shorter', () => {
    const r = planChunks(10, 4);
    expect(r.map((x) => [x.offset, x.size])).toEqual([
      [0, 4],
      [4, 4],
      [8, 2],
    ]);
  });
  it('plans nothing for 0 bytes, one chunk for exactly a chunk, two for one byte more', () => {
    expect(planChunks(0, 4)).toEqual([]);
    expect(planChunks(4, 4)).toHaveLength(1);
    expect(planChunks(5, 4).map((x) => x.size)).toEqual([4, 1]);
  });
  const seed = fuzzSeed(4242);
  it(`is a disjoint cover for random sizes (seed ${seed}; FUZZ_SEED replays)`, () => {
    const rng = prng(seed);
    for (let i = 0; i < 200; i++) {
      const total = rng.int(100000);
      const cs = 1 + rng.int(5000);
      const r = planChunks(total, cs);
      let at = 0;
      for (const c of r) {
        expect(c.offset).toBe(at);
        expect(c.size).toBeGreaterThan(0);
        expect(c.size).toBeLessThanOrEqual(cs);
        at += c.size;
      }
      expect(at).toBe(total);
    }
  });
});

describe('applyHeld', () => {
  it('marks held ranges done and splits the one that straddles', () => {
    const r = applyHeld(planChunks(10, 4), 6);
    expect(r.map((x) => [x.offset, x.size, x.state])).toEqual([
      [0, 4, 'done'],
      [4, 2, 'done'],
      [6, 2, 'pending'],
      [8, 2, 'pending'],
    ]);
    expect(doneBytes(r)).toBe(6);
  });
  it('leaves ranges in flight alone and changes nothing at 0', () => {
    const p = planChunks(10, 4);
    p[0]!.state = 'inflight';
    const r = applyHeld(p, 5);
    expect(r.map((x) => [x.offset, x.size, x.state])).toEqual([
      [0, 4, 'inflight'],
      [4, 1, 'done'],
      [5, 3, 'pending'],
      [8, 2, 'pending'],
    ]);
    expect(p[1]!.state).toBe('pending'); // the input is not changed
    expect(applyHeld(planChunks(10, 4), 0).every((x) => x.state === 'pending')).toBe(true);
    expect(doneBytes(applyHeld(planChunks(10, 4), 10))).toBe(10);
  });
});
