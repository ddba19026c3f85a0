/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, so
 * `consoleDefualt` is 1 away from `consoleDefault`). Returns `max + 1` once it must exceed `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = b.length;
  let pp: number[] = new Array<number>(m + 1).fill(0);
  let prev: number[] = new Array<number>(m + 1);
  let cur: number[] = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    // The rows have m + 1 cells and j runs from 1 to m: the cells read (j - 2 to j) exist and are filled.
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const diagonal = prev[j - 1]!;
      const up = prev[j]!;
      const left = cur[j - 1]!;
      let v = diagonal + (ca === cb ? 0 : 1);
      if (up + 1 < v) v = up + 1;
      if (left + 1 < v) v = left + 1;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const transposed = pp[j - 2]! + 1;
        if (transposed < v) v = transposed;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = pp;
    pp = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!; // the last row filled (the first when a is empty): m + 1 cells
}

/**
 * The candidate closest to `word` (case-insensitive), if close enough to be a plausible typo
 * (by default within a third of its length, at least 2 edits).
 */
export function nearest(word: string, candidates: Iterable<string>, maxDistance?: number): string | undefined {
  const w = word.toLowerCase();
  const limit = maxDistance ?? Math.max(2, Math.floor(w.length / 3));
  let best: string | undefined;
  let bestD = limit + 1;
  for (const c of candidates) {
    if (c === word) continue;
    const d = editDistance(w, c.toLowerCase(), bestD - 1);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}
