/**
 * Chunk bookkeeping of an upload token: the contiguous size held from offset 0 and the ranges
 * written past it (kept aside until the data reaches them). Pure functions, unit-tested.
 */

export type Range = [start: number, end: number];

export interface Assembly {
  /** Bytes held contiguously from 0. */
  size: number;
  /** Sorted, disjoint ranges starting past `size`. */
  pending: Range[];
}

/**
 * Adds a written range [start, end). A range reaching into the data (start <= size) extends it;
 * a range wholly inside it changes nothing; one past the end is kept aside until the data
 * reaches it, and then appended.
 */
export function addRange(a: Assembly, start: number, end: number): Assembly {
  if (end <= start) return a;
  const all: Range[] = [...a.pending, [start, end] as Range].sort((x, y) => x[0] - y[0]);
  const merged: Range[] = [];
  for (const r of all) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  let size = a.size;
  const pending: Range[] = [];
  for (const r of merged) {
    if (r[0] <= size) size = Math.max(size, r[1]);
    else pending.push(r);
  }
  return { size, pending };
}

export function parsePending(text: string | null | undefined): Range[] {
  if (!text) return [];
  try {
    const v = JSON.parse(text) as unknown;
    if (!Array.isArray(v)) return [];
    return v.filter((r): r is Range => Array.isArray(r) && r.length === 2 && Number.isFinite(r[0]) && Number.isFinite(r[1]));
  } catch {
    return [];
  }
}
