/**
 * `expect` in an API Call block: what the step's response must hold for the step to pass (used by
 * `npm run recipes:test`, shown on the page after a run, exported as Arazzo successCriteria).
 *
 *   "expect": { "status": 2, "objects.0.id": { "exists": true }, "$.totalCount": { "min": 1 } }
 *
 * Each key is a path into the response: dotted as in dynamicValue (`objects.0.id`), or a plain
 * JSONPath (`$.objects[0].id`; `$` alone is the whole response). A scalar or a list is the value
 * expected there; an object holds checks that must all hold: `equals`, `notEquals`, `oneOf`,
 * `exists`, `matches` (a regular expression), `min`, `max`.
 *
 * This file reads the block into the model (with located problems: the rules expect-path and
 * expect-check); the rules expect-no-call and expect-unknown-property lint it (./rules), and the
 * checks run in lib/runner/expect.ts.
 */
import type { JsonNode } from './json';
import { value, type Normalizer } from './normalize';
import { expectCheck } from './rules/expect-check';
import { expectPath } from './rules/expect-path';
import { nearest } from './suggest';
import type { ExpectCheck, Expectation } from './types';
import type { Problem } from './validate';

export const EXPECT_OPERATORS = ['equals', 'notEquals', 'oneOf', 'exists', 'matches', 'min', 'max'] as const;
const OPERATOR_SET = new Set<string>(EXPECT_OPERATORS);
/** A group holding a quantifier that is itself quantified: "(a+)+", "(\\w*)*", "(x+){2,}". */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,)/;

/**
 * Splits an expect key into path segments: `objects.0.id`, `$.objects[0].id`, `$['a.b']`, `$`.
 * Returns an error sentence for what it cannot read (wildcards, filters, slices, `..`).
 */
export function parseExpectPath(key: string): { segments: string[] } | { error: string } {
  if (key === '') return { error: 'an empty path: write "$" for the whole response, or a property such as "id".' };
  if (!key.startsWith('$')) {
    const segs = key.split('.');
    if (segs.some((s) => s === ''))
      return { error: `"${key}" has an empty segment: write it as "a.b.0.c" (or as a JSONPath, "$.a.b[0].c").` };
    return { segments: segs };
  }
  const segments: string[] = [];
  let i = 1;
  const unsupported = (what: string) => ({
    error: `"${key}" uses ${what}, which expect does not support: name one value, e.g. "$.objects[0].id".`,
  });
  while (i < key.length) {
    const c = key[i];
    if (c === '.') {
      if (key[i + 1] === '.') return unsupported('".." (descendants)');
      const m = /^[A-Za-z_$][\w$-]*/.exec(key.slice(i + 1));
      if (!m)
        return key[i + 1] === '*'
          ? unsupported('"*" (a wildcard)')
          : { error: `"${key}": a property name must follow "." at character ${i + 2}.` };
      segments.push(m[0]);
      i += 1 + m[0].length;
    } else if (c === '[') {
      const rest = key.slice(i);
      const idx = /^\[(\d+)\]/.exec(rest);
      const quoted = /^\[(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\]/.exec(rest);
      if (idx) {
        segments.push(idx[0].slice(1, -1));
        i += idx[0].length;
      } else if (quoted) {
        segments.push((quoted[1] ?? quoted[2] ?? '').replace(/\\(.)/g, '$1'));
        i += quoted[0].length;
      } else if (/^\[\s*\?/.test(rest)) return unsupported('a filter ("[?...]")');
      else if (/^\[\s*\*/.test(rest)) return unsupported('"[*]" (a wildcard)');
      else if (/^\[\s*-?\d*\s*:/.test(rest)) return unsupported('a slice ("[a:b]")');
      else if (/^\[\s*-\d/.test(rest)) return unsupported('a negative index');
      else return { error: `"${key}": cannot read "${rest.slice(0, 12)}" at character ${i + 1}; write [N] or ['name'].` };
    } else {
      return { error: `"${key}": expected "." or "[" at character ${i + 1} (found "${c}").` };
    }
  }
  return { segments };
}

/** How a path reads in messages: `objects.0.id` (the key as written is kept in Expectation.path). */
export function segmentsText(segments: string[]): string {
  return segments.length === 0 ? '$' : segments.join('.');
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads the `expect` object of an API Call block. Problems have offsets into the block's JSON. */
export function readExpect(node: JsonNode, norm: Normalizer): { expectations: Expectation[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const expectations: Expectation[] = [];
  const at = (n: JsonNode, len?: number) => ({ offset: n.offset, length: len ?? n.length });
  if (node.type !== 'object') {
    // The schema reports the type; nothing to read.
    return { expectations, problems };
  }
  for (const [key, e] of norm.entries(node)) {
    const vn = e.value;
    if (!vn) continue;
    const parsed = parseExpectPath(key);
    if ('error' in parsed) {
      problems.push({ rule: expectPath, message: `In "expect": ${parsed.error}`, ...at(e.key) });
      continue;
    }
    const v = value(vn);
    const checks: ExpectCheck[] = [];
    if (!isObj(v)) {
      checks.push({ op: 'equals', value: v });
    } else {
      const ops = norm.entries(vn);
      if (ops.size === 0) {
        problems.push({
          rule: expectCheck,
          ...at(vn),
          message: `"expect" of "${key}" is an empty object: give the expected value, or checks such as {"exists": true} (${EXPECT_OPERATORS.join(', ')}). To expect an empty object, write {"equals": {}}.`,
        });
        continue;
      }
      for (const [op, oe] of ops) {
        const on = oe.value;
        if (!on) continue;
        const ov = value(on);
        const bad = (msg: string) => problems.push({ rule: expectCheck, message: `"expect" of "${key}": ${msg}`, ...at(on) });
        if (!OPERATOR_SET.has(op)) {
          const sug = nearest(op, EXPECT_OPERATORS);
          problems.push({
            rule: expectCheck,
            ...at(oe.key),
            message: `"expect" of "${key}" has an unknown check "${op}"${sug ? `: did you mean "${sug}"?` : `; the checks are ${EXPECT_OPERATORS.join(', ')}.`} To expect an object, write {"equals": {...}}.`,
          });
          continue;
        }
        switch (op) {
          case 'equals':
          case 'notEquals':
            checks.push({ op, value: ov });
            break;
          case 'oneOf':
            if (!Array.isArray(ov) || ov.length === 0) bad('"oneOf" takes a non-empty list of values, e.g. [1, 2].');
            else checks.push({ op, values: ov });
            break;
          case 'exists':
            if (typeof ov !== 'boolean') bad('"exists" takes true or false.');
            else checks.push({ op, value: ov });
            break;
          case 'matches':
            if (typeof ov !== 'string') bad('"matches" takes a regular expression as a string, e.g. "^0_".');
            else if (NESTED_QUANTIFIER.test(ov) || ov.length > 500) {
              // A hostile or careless pattern could take minutes on a long value (and freeze the page).
              bad(
                '"matches" has a repeated group that itself repeats (like "(a+)+"), or is over 500 characters: such a pattern can take very long; write it without nested repetition.',
              );
            } else {
              try {
                new RegExp(ov, 'u');
                checks.push({ op, pattern: ov });
              } catch (err) {
                bad(
                  `"matches" is not a valid regular expression (${(err as Error).message.replace(/^Invalid regular expression: /, '')}).`,
                );
              }
            }
            break;
          case 'min':
          case 'max':
            if (typeof ov !== 'number' || !Number.isFinite(ov)) bad(`"${op}" takes a number.`);
            else checks.push({ op, value: ov });
            break;
        }
      }
      if (checks.length === 0) continue;
    }
    expectations.push({ path: key, segments: parsed.segments, checks, range: norm.range(e.key), valueRange: norm.range(vn) });
  }
  return { expectations, problems };
}
