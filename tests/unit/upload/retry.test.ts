import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_RETRY, isRetryableKalturaCode, isRetryableStatus } from '@/lib/upload/retry';

describe('backoffDelay', () => {
  const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, factor: 2, maxDelayMs: 1000 };
  it('doubles the ceiling per attempt, with half of it random', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(50);
    expect(backoffDelay(1, policy, () => 1)).toBe(100);
    expect(backoffDelay(2, policy, () => 0)).toBe(100);
    expect(backoffDelay(3, policy, () => 1)).toBe(400);
  });
  it('is capped', () => {
    expect(backoffDelay(20, policy, () => 1)).toBe(1000);
    expect(backoffDelay(20, policy, () => 0)).toBe(500);
  });
  it('spreads retries of streams that failed together', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 50; i++) seen.add(backoffDelay(3, policy));
    expect(seen.size).toBeGreaterThan(10);
    for (const d of seen) {
      expect(d).toBeGreaterThanOrEqual(200);
      expect(d).toBeLessThanOrEqual(400);
    }
  });
});

describe('what is retried', () => {
  it('retries server errors and transient upload errors, not client mistakes', () => {
    expect(isRetryableKalturaCode('UPLOAD_ERROR')).toBe(true);
    expect(isRetryableKalturaCode('UPLOAD_TOKEN_CANNOT_MATCH_EXPECTED_SIZE')).toBe(true);
    expect(isRetryableKalturaCode('INVALID_KS')).toBe(false);
    expect(isRetryableKalturaCode('UPLOAD_TOKEN_INVALID_STATUS_FOR_UPLOAD')).toBe(false);
    expect(isRetryableStatus(503)).toBe(true);
    expect(isRetryableStatus(429)).toBe(true);
    expect(isRetryableStatus(404)).toBe(false);
    expect(isRetryableStatus(400)).toBe(false);
  });
});
