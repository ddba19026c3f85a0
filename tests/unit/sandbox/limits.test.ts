import { describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import { KalturaApiError } from '@/lib/sandbox/errors';
import {
  DEFAULT_LIMITS,
  FormScanner,
  JsonScanner,
  SMALL_ACTION_BYTES,
  checkJsonText,
  limitsFor,
  type ParamLimits,
} from '@/lib/sandbox/limits';

const limits: ParamLimits = { maxBytes: 10_000, maxEntries: 20, maxDepth: 4, maxArrayItems: 5 };

function scan(text: string, l = limits, chunk = 3): JsonScanner {
  const s = new JsonScanner(l);
  const b = Buffer.from(text);
  for (let i = 0; i < b.length; i += chunk) s.push(b.subarray(i, i + chunk));
  return s;
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(KalturaApiError);
    expect((e as KalturaApiError).code).toBe('INVALID_FIELD_VALUE');
    return (e as KalturaApiError).message;
  }
  throw new Error('not refused');
}

describe('JsonScanner', () => {
  it('counts keys and array items exactly, whatever the chunking (strings, escapes and UTF-8 ignored)', () => {
    const text = JSON.stringify({ a: 1, 'b:,[{': 'x\\",:[]{}é', c: [1, [2, 3], {}, []], d: { e: [] } });
    for (const chunk of [1, 2, 7, 1000]) expect(scan(text, limits, chunk).count).toBe(5 + 6); // keys a b c d e; items of c (4) and of [2, 3]
    expect(scan('[]').count).toBe(0);
    expect(scan('[ ]').count).toBe(0);
    expect(scan('[[]]').count).toBe(1);
  });

  it('refuses past each bound, saying which', () => {
    expect(refusal(() => scan(JSON.stringify(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i])))))).toMatch(
      /more than 20 entries/,
    );
    expect(refusal(() => scan('[[[[[1]]]]]'))).toMatch(/nesting: more than 4 levels/);
    expect(refusal(() => scan('[1,2,3,4,5,6]'))).toMatch(/array: more than 5 items/);
    expect(refusal(() => scan(JSON.stringify({ a: 'x'.repeat(10_001) })))).toMatch(/more than 10000 bytes/);
    // at the bounds: accepted
    expect(scan('[[[[1]]]]').count).toBe(4);
    expect(scan('[1,2,3,4,5]').count).toBe(5);
  });

  it('stops at the first chunk that passes a bound (nothing after it is looked at)', () => {
    const s = new JsonScanner(limits);
    expect(() => s.push(Buffer.from('{' + Array.from({ length: 25 }, (_, i) => `"k${i}":1`).join(',')))).toThrow(KalturaApiError);
  });

  it('a multipart json field: same bounds, its count returned', () => {
    expect(checkJsonText('{"a":{"b":1}}', limits)).toBe(2);
    expect(refusal(() => checkJsonText('{"a":[1,2,3,4,5,6]}', limits))).toMatch(/array/);
  });
});

describe('FormScanner', () => {
  it('counts fields and bytes across chunks', () => {
    const s = new FormScanner(limits);
    s.push(Buffer.from('a=1&b=2&'));
    s.push(Buffer.from('c=3'));
    expect(refusal(() => new FormScanner(limits).push(Buffer.from(Array.from({ length: 21 }, (_, i) => `k${i}=1`).join('&'))))).toMatch(
      /form fields: more than 20 fields/,
    );
    expect(refusal(() => new FormScanner(limits).push(Buffer.alloc(10_001, 97)))).toMatch(/form text/);
  });
});

describe('limitsFor', () => {
  const desc = getKalturaDescription();
  it('actions that take only scalars get the small text limit; object-taking ones and unknown/multirequest the general one', () => {
    expect(limitsFor(desc, DEFAULT_LIMITS, 'system', 'ping').maxBytes).toBe(SMALL_ACTION_BYTES);
    expect(limitsFor(desc, DEFAULT_LIMITS, 'session', 'start').maxBytes).toBe(SMALL_ACTION_BYTES);
    expect(limitsFor(desc, DEFAULT_LIMITS, 'media', 'update').maxBytes).toBe(DEFAULT_LIMITS.maxBytes);
    expect(limitsFor(desc, DEFAULT_LIMITS, 'media', 'list').maxBytes).toBe(DEFAULT_LIMITS.maxBytes);
    expect(limitsFor(desc, DEFAULT_LIMITS, 'multirequest', '').maxBytes).toBe(DEFAULT_LIMITS.maxBytes);
    expect(limitsFor(desc, DEFAULT_LIMITS, undefined, undefined).maxBytes).toBe(DEFAULT_LIMITS.maxBytes);
    expect(limitsFor(desc, DEFAULT_LIMITS, 'nosuch', 'thing').maxBytes).toBe(SMALL_ACTION_BYTES);
  });
});

describe('limits by the URL name of a plugin service', () => {
  it('an action with object parameters gets the general bound by either name; a scalar-only one the small bound', () => {
    const d = getKalturaDescription();
    const base = { ...DEFAULT_LIMITS };
    expect(limitsFor(d, base, 'caption_captionasset', 'add').maxBytes).toBe(base.maxBytes);
    expect(limitsFor(d, base, 'captionAsset', 'add').maxBytes).toBe(base.maxBytes);
    expect(limitsFor(d, base, 'caption_captionasset', 'get').maxBytes).toBe(SMALL_ACTION_BYTES);
    // metadata.add takes only scalars, but its xmlData is a document
    expect(limitsFor(d, base, 'metadata_metadata', 'add').maxBytes).toBe(base.maxBytes);
    expect(limitsFor(d, base, 'session', 'start').maxBytes).toBe(SMALL_ACTION_BYTES);
  });
});
