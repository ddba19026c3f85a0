/**
 * `typed` (lib/codegen/plan.ts): a value as the client expects it for the parameter's declared
 * type, whatever the form or JSON held. Each conversion of a scalar kind into a declared kind.
 */
import { describe, expect, it } from 'vitest';
import { typed } from '@/lib/codegen/plan';

describe('typed: scalars into the declared type', () => {
  it('a boolean for an int parameter is 1 or 0 (a checkbox bound to an int)', () => {
    expect(typed({ kind: 'bool', value: true }, { kind: 'int' }, undefined)).toEqual({ kind: 'int', value: 1 });
    expect(typed({ kind: 'bool', value: false }, { kind: 'int' }, undefined)).toEqual({ kind: 'int', value: 0 });
  });
  it('a boolean for a bool or string parameter stays what it is', () => {
    expect(typed({ kind: 'bool', value: true }, { kind: 'bool' }, undefined)).toEqual({ kind: 'bool', value: true });
    expect(typed({ kind: 'bool', value: false }, { kind: 'string' }, undefined)).toEqual({ kind: 'bool', value: false });
  });
  it('0 and 1 for a bool parameter are booleans; other numbers are left as they are', () => {
    expect(typed({ kind: 'int', value: 1 }, { kind: 'bool' }, undefined)).toEqual({ kind: 'bool', value: true });
    expect(typed({ kind: 'int', value: 0 }, { kind: 'bool' }, undefined)).toEqual({ kind: 'bool', value: false });
    expect(typed({ kind: 'int', value: 2 }, { kind: 'bool' }, undefined)).toEqual({ kind: 'int', value: 2 });
  });
  it('a number for a string parameter is its text; an int for a float parameter is a float', () => {
    expect(typed({ kind: 'int', value: 7 }, { kind: 'string' }, undefined)).toEqual({ kind: 'string', value: '7' });
    expect(typed({ kind: 'int', value: 7 }, { kind: 'float' }, undefined)).toEqual({ kind: 'float', value: 7 });
  });
});
