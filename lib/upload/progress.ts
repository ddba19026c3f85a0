/** Progress math: speed over a moving window, time left, percent. */

export interface Sample {
  t: number;
  bytes: number;
}

/**
 * Speed over a moving window: feed it the cumulative bytes transferred with a timestamp (ms);
 * `speed()` is bytes per second over the last `windowMs` (0 until two samples span some time).
 */
export class SpeedMeter {
  private samples: Sample[] = [];
  constructor(private readonly windowMs = 5000) {}

  add(t: number, cumulativeBytes: number): void {
    const last = this.samples[this.samples.length - 1];
    if (last && last.t === t) last.bytes = cumulativeBytes;
    else this.samples.push({ t, bytes: cumulativeBytes });
    const cutoff = t - this.windowMs;
    // Keep one sample at or before the cutoff so the window stays full.
    while (this.samples.length > 2 && this.samples[1]!.t <= cutoff) this.samples.shift();
  }

  speed(now?: number): number {
    if (this.samples.length < 2) return 0;
    const first = this.samples[0]!;
    const last = this.samples[this.samples.length - 1]!;
    const end = Math.max(last.t, now ?? last.t);
    const dt = end - first.t;
    if (dt <= 0) return 0;
    return ((last.bytes - first.bytes) * 1000) / dt;
  }

  reset(): void {
    this.samples = [];
  }
}

export function percentOf(done: number, total: number): number {
  if (total <= 0) return done >= total ? 100 : 0;
  return Math.max(0, Math.min(100, (done / total) * 100));
}

/** Seconds left, or undefined when the speed is unknown. */
export function etaSeconds(remainingBytes: number, bytesPerSecond: number): number | undefined {
  if (remainingBytes <= 0) return 0;
  if (!(bytesPerSecond > 0)) return undefined;
  return remainingBytes / bytesPerSecond;
}

/** 75 -> "1 min 15 s"; undefined -> "–". */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
