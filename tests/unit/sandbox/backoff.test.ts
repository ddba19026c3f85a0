import { describe, expect, it } from 'vitest';
import { LoginBackoff } from '@/lib/sandbox/backoff';

describe('session.start back-off', () => {
  it('five failures are free; then each failure locks the partner for a doubling time (at most 60 s)', () => {
    let now = 1_000_000;
    const b = new LoginBackoff(() => now);
    for (let i = 0; i < 5; i++) {
      expect(b.wait(7)).toBe(0);
      b.failed(7);
    }
    expect(b.wait(7)).toBe(0);
    b.failed(7); // 6th
    expect(b.wait(7)).toBe(1000);
    expect(b.wait(8)).toBe(0); // per partner
    now += 1000;
    b.failed(7); // 7th
    expect(b.wait(7)).toBe(2000);
    for (let i = 0; i < 20; i++) {
      now += b.wait(7);
      b.failed(7);
    }
    expect(b.wait(7)).toBe(60_000);
  });

  it('a success clears it; so do 15 quiet minutes', () => {
    let now = 0;
    const b = new LoginBackoff(() => now);
    for (let i = 0; i < 8; i++) b.failed(1);
    expect(b.wait(1)).toBeGreaterThan(0);
    b.succeeded(1);
    expect(b.wait(1)).toBe(0);
    for (let i = 0; i < 8; i++) b.failed(1);
    now += 16 * 60_000;
    expect(b.wait(1)).toBe(0);
    b.failed(1);
    expect(b.wait(1)).toBe(0); // counting starts again
  });
});
