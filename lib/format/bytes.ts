/** Sizes as people read them, the same everywhere the console shows one (files, uploads, responses). */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** 1536 -> "1.5 KB", 64 MiB -> "64 MB" (binary multiples, short units as file managers show them); "–" for no size. */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '–';
  let i = 0;
  let v = n;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} B` : `${v < 10 ? v.toFixed(1) : Math.round(v)} ${UNITS[i]}`;
}
