/** Summaries of the benchmarks' timings, and the machine's load while they ran. */
import { loadavg } from 'node:os';

/** Sorted copy of samples; throws when there are none (a benchmark that measured nothing). */
function sortedSamples(xs: readonly number[], what: string): number[] {
  if (xs.length === 0) throw new Error(`${what} of no samples: the benchmark measured nothing.`);
  return [...xs].sort((a, b) => a - b);
}

/** The median sample (the upper middle one of an even count). */
export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5, 'median');
}

/** The sample at fraction `q` (0 ≤ q < 1) of the sorted samples, e.g. 0.95 for p95. */
export function quantile(xs: readonly number[], q: number, what = `p${Math.round(q * 100)}`): number {
  const s = sortedSamples(xs, what);
  const i = Math.min(Math.max(Math.floor(s.length * q), 0), s.length - 1);
  return s[i]!; // s is not empty and i is clamped into it
}

/** The machine's 1-minute load average (os.loadavg() gives the 1, 5 and 15-minute ones; 0 on Windows). */
export function loadAverage1(): number {
  const [oneMinute = 0] = loadavg();
  return oneMinute;
}
