/**
 * The console over Kaltura's whole published description (../shared/reference, Swagger 2.0:
 * 916 operations, 1,552 classes, 673 enums): every operation yields a form model and a request
 * model without throwing; every polymorphic parameter offers its subclasses; and a seeded sample
 * of operations round-trips random valid form values through validation, the one request model,
 * its HTTP encoding and the sandbox's parameter parser back to the same typed values.
 */
import { readFileSync } from 'node:fs';
import { REFERENCE_REL, sharedFile } from '../../helpers/shared';
import { prng, type Rng } from '../../helpers/prng';
import { describe, expect, it } from 'vitest';
import { createDescription, type ApiDescription, type Operation } from '@/lib/description';
import { buildForm, currentClass, initialValues, objectFields, validateValues, walkFields } from '@/lib/form';
import type { FormField, FormValues } from '@/lib/form/types';
import { parseRecipe } from '@/lib/recipe';
import { buildRequestModel } from '@/lib/request/build';
import { toHttpRequest } from '@/lib/request/http';
import type { Connection } from '@/lib/request/types';
import { coerceArgs } from '@/lib/sandbox/coerce';
import { setFlat, type ParamTree } from '@/lib/sandbox/params';

const { path: REFERENCE, present } = sharedFile(REFERENCE_REL, "the whole-API tests over Kaltura's published description");

const connection: Connection = { serviceUrl: 'https://k.example', partnerId: 1, ks: 'ks' };

/** A one-step recipe whose API Call lists every parameter of `op` (the form then shows them all). */
function stepFor(op: Operation) {
  const call = { method: 'post', path: op.path, parameters: op.params.map((p) => ({ name: p.name })) };
  const src = `# T\n## S\n### API Call\n\`\`\`json\n${JSON.stringify(call)}\n\`\`\`\n`;
  return parseRecipe(src).steps[0];
}

/** A random valid value for a scalar field, and what the sandbox must read back from it. */
function scalar(f: FormField, r: Rng): { value: unknown; expect: unknown } | undefined {
  if (f.options?.length) {
    const o = r.pick(f.options)!;
    return { value: o.value, expect: f.kind === 'bool' ? o.value === true || o.value === 'true' : o.value };
  }
  switch (f.kind) {
    case 'string': {
      const s = r.pick(['hello', 'a b&c=d', 'é ü 😀', '[x]', '0', 'line\nbreak']);
      return { value: s, expect: s };
    }
    case 'int': {
      const n = r.int(2000) - 1000;
      return { value: n, expect: n };
    }
    case 'float': {
      const n = Math.round((r.next() * 1000 - 500) * 100) / 100;
      return { value: n, expect: n };
    }
    case 'bool': {
      const b = r.next() < 0.5;
      return { value: b, expect: b };
    }
    default:
      return undefined;
  }
}

/** Fills some fields of `fields` at random; returns the values and the typed arguments expected back. */
function fill(
  fields: FormField[],
  r: Rng,
  values: Record<string, unknown>,
  expected: Record<string, unknown>,
  api: ApiDescription,
  depth = 0,
): void {
  for (const f of fields) {
    if (f.hidden || f.readOnly || f.custom || f.dynamicValue || f.dynamicEnum || (!f.required && r.next() < 0.4)) continue;
    if (f.kind === 'object' && depth < 2) {
      const classes = f.subclasses?.length ? f.subclasses : [];
      if (!classes.length) continue;
      const cls = r.pick(classes);
      const v: Record<string, unknown> = { objectType: cls };
      const e: Record<string, unknown> = { objectType: cls };
      fill(objectFields(f, v), r, v, e, api, depth + 1);
      values[f.name] = v;
      // An object left with only its class is not sent (the form starts every object that way).
      if (Object.keys(e).length > 1 || f.required) expected[f.name] = e;
      continue;
    }
    const s = scalar(f, r);
    if (!s) continue;
    values[f.name] = s.value;
    expected[f.name] = s.expect;
  }
}

describe.skipIf(!present)("Kaltura's whole published description", () => {
  const full = present ? createDescription(JSON.parse(readFileSync(REFERENCE, 'utf8'))) : undefined;
  const api = full as ApiDescription;

  it('is read whole: 916 operations, every class and enum, no problems', () => {
    expect(api.problems).toEqual([]);
    expect(api.operations()).toHaveLength(916);
    expect(api.classes!().length).toBeGreaterThanOrEqual(1552);
    expect(api.enums!().length).toBeGreaterThanOrEqual(673);
  });

  it('every operation yields a form model, initial values and a request model without throwing', () => {
    const failures: string[] = [];
    let fields = 0;
    for (const op of api.operations()) {
      try {
        const step = stepFor(op)!;
        const form = buildForm(step, api);
        expect(form.known).toBe(true);
        walkFields(form.fields, () => fields++);
        const values = initialValues(form, connection);
        validateValues(form, values);
        const built = buildRequestModel({ step, form, values, results: {}, connection, api });
        expect(built.model?.service).toBe(op.service);
        toHttpRequest(built.model!);
      } catch (e) {
        failures.push(`${op.path}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(fields).toBeGreaterThan(10_000);
  });

  it('every polymorphic parameter offers its concrete subclasses', () => {
    let checked = 0;
    for (const op of api.operations()) {
      const form = buildForm(stepFor(op)!, api);
      for (const f of form.fields) {
        if (f.kind !== 'object' || !f.className) continue;
        const concrete = api.concreteSubclasses(f.className);
        if (concrete.length < 2 && !api.getClass(f.className)?.abstract) continue;
        checked++;
        expect(new Set(f.subclasses), `${op.path} ${f.name}`).toEqual(new Set(concrete));
        // Each choice has its own fields.
        for (const cls of concrete) expect(f.fieldsByClass?.[cls], `${op.path} ${f.name} ${cls}`).toBeDefined();
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('random valid values round-trip: validation, request model, HTTP form, sandbox parser', () => {
    const seed = Number(process.env.FUZZ_SEED ?? 424242);
    const r = prng(seed);
    const ops = api.operations().filter((o) => !o.multipart && !o.multirequest);
    let compared = 0;
    for (let i = 0; i < 200; i++) {
      const op = r.pick(ops)!;
      const step = stepFor(op)!;
      const form = buildForm(step, api);
      const values: FormValues = {};
      const expected: Record<string, unknown> = {};
      fill(form.fields, r, values, expected, api);
      for (const f of form.fields) {
        // The form starts an object from its first class; an unfilled one is sent as that class.
        if (f.kind === 'object' && values[f.name] === undefined && f.required) {
          const cls = currentClass(f, undefined);
          values[f.name] = { objectType: cls };
          expected[f.name] = { objectType: cls };
        }
      }
      const context = `seed ${seed}, case ${i}: ${op.path} ${JSON.stringify(values)}`;
      expect(validateValues(form, values), context).toEqual([]);
      const built = buildRequestModel({ step, form, values, results: {}, connection, api });
      expect(built.errors, context).toEqual([]);
      const http = toHttpRequest(built.model!);
      const tree: ParamTree = {};
      if (http.body.kind === 'form') for (const [k, v] of http.body.fields) setFlat(tree, k, v);
      let args: Record<string, unknown>;
      try {
        args = coerceArgs(api, op, tree);
      } catch (e) {
        // A required argument the random fill left out is the sandbox's MISSING_MANDATORY_PARAMETER.
        const missing = op.params.filter((p) => p.required && expected[p.name] === undefined);
        expect(missing.length, `${context}: ${(e as Error).message}`).toBeGreaterThan(0);
        continue;
      }
      for (const [name, want] of Object.entries(expected)) {
        expect(args[name], `${context} -> ${name}`).toEqual(want);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
