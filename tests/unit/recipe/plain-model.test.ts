/**
 * The recipe model is plain data: every object has the ordinary prototype and survives a JSON
 * round trip. React passes it from server to client components, and refuses null-prototype
 * objects (which jsonc-parser's getNodeValue makes): a recipe whose unknown or `x-` key held an
 * object once answered HTTP 500.
 */
import { readFileSync } from 'node:fs';
import { prng } from '../../helpers/prng';
import { describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import { parseRecipe } from '@/lib/recipe';

const fixture = readFileSync(new URL('../../fixtures/recipes/object-keys.md', import.meta.url), 'utf8');

/** Paths of values React's server-to-client serialisation would refuse. */
function unserialisable(v: unknown, path = '$', out: string[] = [], seen = new Set<unknown>()): string[] {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') out.push(`${path}: ${typeof v}`);
    return out;
  }
  if (seen.has(v)) return out;
  seen.add(v);
  if (Array.isArray(v)) {
    v.forEach((x, i) => {
      unserialisable(x, `${path}[${i}]`, out, seen);
    });
    return out;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype) out.push(`${path}: prototype ${String(Object.getPrototypeOf(v))}`);
  for (const k of Object.keys(v)) unserialisable((v as Record<string, unknown>)[k], `${path}.${k}`, out, seen);
  return out;
}

function randomJson(r: () => number, depth = 0): unknown {
  const k = Math.floor(r() * (depth > 3 ? 5 : 8));
  switch (k) {
    case 0:
      return null;
    case 1:
      return r() < 0.5;
    case 2:
      return Math.floor(r() * 1000) - 500;
    case 3:
      return ['x', '__proto__', 'constructor', '', '\u2028'][Math.floor(r() * 5)];
    case 4:
      return [];
    case 5:
    case 6: {
      const o: Record<string, unknown> = {};
      const n = Math.floor(r() * 4);
      for (let i = 0; i < n; i++)
        Object.defineProperty(o, ['a', '__proto__', 'constructor', 'x-y', 'toString'][Math.floor(r() * 5)]! + (i ? i : ''), {
          value: randomJson(r, depth + 1),
          enumerable: true,
        });
      return o;
    }
    default:
      return Array.from({ length: Math.floor(r() * 3) }, () => randomJson(r, depth + 1));
  }
}

describe('the recipe model is plain data', () => {
  it('object-valued unknown and x- keys anywhere (regression fixture)', () => {
    const r = parseRecipe(fixture, { api: getKalturaDescription() });
    expect(unserialisable(r)).toEqual([]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(JSON.parse(JSON.stringify(r)));
    expect(r.metadata.extra['x-note']).toEqual({ a: 1, nested: { list: [1, { b: null }] } });
    // `__proto__` stays a key of the data; nothing is polluted.
    expect(Object.prototype.hasOwnProperty.call(r.metadata.extra, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.steps[0]!.apiCall!.parameters[1]!.extra.weird).toBeTypeOf('object');
    // The one real mistake in it: an object-valued key inside schema outside "properties".
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule)).toEqual(['misplaced-key']);
  });

  it('random JSON under random keys of every block stays plain', () => {
    const seed = Number(process.env.FUZZ_SEED ?? 20261204);
    const r = prng(seed).next;
    for (let i = 0; i < 300; i++) {
      const v = JSON.stringify(randomJson(r));
      const src = [
        '<!--METADATA',
        `{ "x-a": ${v}, "zz": ${v} }`,
        '-->',
        '# T',
        '## S',
        '### API Call',
        '```json',
        `{ "path": "/service/media/action/add", "x-b": ${v}, "parameters": [{ "name": "body", "in": "body", "q": ${v}, "schema": { "x-c": ${v}, "properties": { "entry": { "weird": ${v}, "properties": { "name": { "x-d": ${v}, "consoleDefault": ${v} } } } } } }] }`,
        '```',
        '',
      ].join('\n');
      const model = parseRecipe(src, { api: getKalturaDescription() });
      const bad = unserialisable(model);
      if (bad.length) throw new Error(`seed ${seed}, case ${i}: ${bad.join('; ')}`);
    }
  });
});
