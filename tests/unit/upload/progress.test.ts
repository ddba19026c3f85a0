import { describe, expect, it } from 'vitest';
import { formatBytes } from '@/lib/format/bytes';
import { etaSeconds, formatDuration, percentOf, SpeedMeter } from '@/lib/upload/progress';

describe('SpeedMeter', () => {
  it('measures bytes per second over the window', () => {
    const m = new SpeedMeter(5000);
    expect(m.speed()).toBe(0);
    m.add(0, 0);
    m.add(1000, 1_000_000);
    expect(m.speed()).toBe(1_000_000);
    m.add(2000, 3_000_000);
    expect(m.speed()).toBe(1_500_000);
  });
  it('forgets samples older than the window', () => {
    const m = new SpeedMeter(2000);
    m.add(0, 0);
    m.add(1000, 10_000_000); // a burst long ago
    for (let t = 2000; t <= 10_000; t += 1000) m.add(t, 10_000_000 + (t - 1000) * 100);
    expect(m.speed()).toBeCloseTo(100_000, -2);
  });
  it('slows down when no bytes arrive (now after the last sample)', () => {
    const m = new SpeedMeter(5000);
    m.add(0, 0);
    m.add(1000, 1000);
    expect(m.speed(2000)).toBe(500);
  });
});

describe('progress math', () => {
  it('percent is clamped; an empty file is 100 % once done', () => {
    expect(percentOf(50, 200)).toBe(25);
    expect(percentOf(300, 200)).toBe(100);
    expect(percentOf(0, 0)).toBe(100);
  });
  it('eta is remaining / speed, unknown without speed', () => {
    expect(etaSeconds(1000, 100)).toBe(10);
    expect(etaSeconds(1000, 0)).toBeUndefined();
    expect(etaSeconds(0, 0)).toBe(0);
  });
  it('formats bytes and durations for people', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(12_345)).toBe('12 KB');
    expect(formatBytes(64 * 1024 * 1024)).toBe('64 MB');
    expect(formatBytes(1024 ** 3)).toBe('1.0 GB');
    expect(formatBytes(5 * 1024 ** 5)).toBe('5120 TB');
    expect([formatBytes(-1), formatBytes(Number.NaN)]).toEqual(['–', '–']);
    expect(formatDuration(5)).toBe('5 s');
    expect(formatDuration(75)).toBe('1 min 15 s');
    expect(formatDuration(3700)).toBe('1 h 1 min');
    expect(formatDuration(undefined)).toBe('–');
  });
});
