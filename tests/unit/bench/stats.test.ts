/** The benchmarks' shared summaries (scripts/bench/stats.ts): the formulas each benchmark used before. */
import { describe, expect, it } from 'vitest';
import { loadAverage1, median, quantile } from '@/scripts/bench/stats';

describe('bench stats', () => {
  it('median is the middle sample (the upper middle of an even count), whatever the order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(3);
    expect(median([7])).toBe(7);
  });

  it('quantile takes the sample at floor(n * q), kept inside the samples', () => {
    const xs = Array.from({ length: 200 }, (_, i) => 199 - i);
    expect(quantile(xs, 0.95)).toBe(190);
    expect(
      quantile(
        Array.from({ length: 30 }, (_, i) => i),
        0.9,
      ),
    ).toBe(27);
    expect(quantile([5, 6], 0.99)).toBe(6);
    expect(quantile([5, 6], 1)).toBe(6);
  });

  it('no samples is an error that says so, not a silent undefined', () => {
    expect(() => median([])).toThrow(/median of no samples/);
    expect(() => quantile([], 0.95)).toThrow(/p95 of no samples/);
  });

  it('the 1-minute load average is a number', () => {
    expect(Number.isFinite(loadAverage1())).toBe(true);
  });
});
