/** Dotted paths with numeric array indexes (`objects.0.id`), for values, responses and answers. */

export function splitPath(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

/** The value at `path` inside `root`, or undefined. A numeric segment indexes an array. */
export function getPath(root: unknown, path: string | string[]): unknown {
  const segs = Array.isArray(path) ? path : splitPath(path);
  let cur: unknown = root;
  for (const s of segs) {
    if (cur === null || cur === undefined) return undefined;
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(s)) return undefined;
      cur = cur[Number(s)];
    } else if (typeof cur === 'object') {
      if (!Object.prototype.hasOwnProperty.call(cur, s)) return undefined;
      cur = (cur as Record<string, unknown>)[s];
    } else {
      return undefined;
    }
  }
  return cur;
}

/** Whether `path` exists in `root` (a present `null` counts). */
export function hasPath(root: unknown, path: string): boolean {
  const segs = splitPath(path);
  if (segs.length === 0) return root !== undefined;
  const parent = getPath(root, segs.slice(0, -1));
  const last = segs[segs.length - 1]!;
  if (Array.isArray(parent)) return /^\d+$/.test(last) && Number(last) < parent.length;
  return parent !== null && typeof parent === 'object' && Object.prototype.hasOwnProperty.call(parent, last);
}

/** A copy of `root` with `value` at `path` (objects created on the way; undefined deletes). */
export function setPath<T extends Record<string, unknown>>(root: T, path: string, value: unknown): T {
  const segs = splitPath(path);
  if (segs.length === 0) return root;
  const copy = (v: unknown): Record<string, unknown> | unknown[] =>
    Array.isArray(v) ? [...v] : v && typeof v === 'object' ? { ...(v as Record<string, unknown>) } : {};
  const out = copy(root) as Record<string, unknown>;
  let cur: Record<string, unknown> | unknown[] = out;
  for (let i = 0; i < segs.length - 1; i++) {
    const s = segs[i]!;
    const next = copy((cur as Record<string, unknown>)[s]);
    (cur as Record<string, unknown>)[s] = next;
    cur = next;
  }
  const last = segs[segs.length - 1]!;
  if (value === undefined && !Array.isArray(cur)) delete (cur as Record<string, unknown>)[last];
  else (cur as Record<string, unknown>)[last] = value;
  return out as T;
}
