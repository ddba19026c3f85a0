/**
 * Checks a step's `expect` (lib/recipe/expect.ts) against its response: one outcome per entry,
 * with a sentence that says what was found. Used by the headless runner (recipes:test) and by the
 * page (pass/fail next to the response). Numbers and their text compare equal (Kaltura sends some
 * enums, e.g. an entry's status, as text).
 */
import type { ExpectCheck, Expectation } from '@/lib/recipe/types';

export interface ExpectOutcome {
  expectation: Expectation;
  pass: boolean;
  /** Whether the path leads to a value (a present null counts). */
  found: boolean;
  actual?: unknown;
  /** `status is 1, expected 2` / `objects.0.id exists` */
  message: string;
}

/** The longest text `matches` looks at. */
export const MATCH_LIMIT = 10_000;

function lookup(root: unknown, segments: string[]): { found: boolean; value?: unknown } {
  let cur: unknown = root;
  for (const s of segments) {
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(s) || Number(s) >= cur.length) return { found: false };
      cur = cur[Number(s)];
    } else if (cur !== null && typeof cur === 'object') {
      if (!Object.prototype.hasOwnProperty.call(cur, s)) return { found: false };
      cur = (cur as Record<string, unknown>)[s];
    } else return { found: false };
  }
  return { found: cur !== undefined, value: cur };
}

/** Deep equality where a number and its decimal text are equal. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((typeof a === 'number' && typeof b === 'string') || (typeof a === 'string' && typeof b === 'number')) {
    return String(a) === String(b) && String(b).trim() !== '';
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a as object);
    const kb = Object.keys(b as object);
    return (
      ka.length === kb.length &&
      ka.every(
        (k) => Object.prototype.hasOwnProperty.call(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  return false;
}

/** A value as a message shows it (long text cut). */
export function showJson(v: unknown): string {
  if (v === undefined) return 'missing';
  const t = JSON.stringify(v) ?? String(v);
  return t.length > 80 ? `${t.slice(0, 77)}...` : t;
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** What a check wants, in words: `2`, `one of [1, 2]`, `to match /^0_/`. */
export function describeCheck(c: ExpectCheck): string {
  switch (c.op) {
    case 'equals':
      return showJson(c.value);
    case 'notEquals':
      return `not ${showJson(c.value)}`;
    case 'oneOf':
      return `one of ${showJson(c.values)}`;
    case 'exists':
      return c.value ? 'to exist' : 'to be absent';
    case 'matches':
      return `to match /${c.pattern}/`;
    case 'min':
      return `at least ${c.value}`;
    case 'max':
      return `at most ${c.value}`;
  }
}

function holds(c: ExpectCheck, found: boolean, v: unknown): boolean {
  switch (c.op) {
    case 'exists':
      return c.value ? found && v !== null : !found || v === null;
    case 'equals':
      return found && sameJson(v, c.value);
    case 'notEquals':
      return !found || !sameJson(v, c.value);
    case 'oneOf':
      return found && c.values.some((x) => sameJson(v, x));
    case 'matches':
      // Long values are cut: a pattern is about an id, a name or a status, not a document.
      return found && typeof v !== 'object' && new RegExp(c.pattern, 'u').test(String(v).slice(0, MATCH_LIMIT));
    case 'min': {
      const n = num(v);
      return found && n !== undefined && n >= c.value;
    }
    case 'max': {
      const n = num(v);
      return found && n !== undefined && n <= c.value;
    }
  }
}

export function checkExpectation(x: Expectation, response: unknown): ExpectOutcome {
  const { found, value } = lookup(response, x.segments);
  const failed = x.checks.filter((c) => !holds(c, found, value));
  const where = x.path;
  const is = found ? `is ${showJson(value)}` : 'is missing';
  if (failed.length === 0) {
    const only = x.checks.length === 1 ? x.checks[0] : undefined;
    const message = only?.op === 'exists' ? `${where} ${only.value ? 'exists' : 'is absent'}` : `${where} ${is}, as expected`;
    return { expectation: x, pass: true, found, actual: value, message };
  }
  return {
    expectation: x,
    pass: false,
    found,
    actual: value,
    message: `${where} ${is}, expected ${failed.map(describeCheck).join(' and ')}`,
  };
}

export function checkExpectations(list: Expectation[] | undefined, response: unknown): ExpectOutcome[] {
  return (list ?? []).map((x) => checkExpectation(x, response));
}
