import { describe, expect, it } from 'vitest';
import { addRange, parsePending, type Assembly } from '../../../lib/sandbox/ranges';

const empty: Assembly = { size: 0, pending: [] };

describe('chunk assembly', () => {
  it('appends in order', () => {
    let a = addRange(empty, 0, 10);
    a = addRange(a, 10, 25);
    expect(a).toEqual({ size: 25, pending: [] });
  });

  it('keeps chunks past the end aside until the data reaches them', () => {
    let a = addRange(empty, 0, 10);
    a = addRange(a, 30, 40);
    a = addRange(a, 20, 30);
    expect(a).toEqual({ size: 10, pending: [[20, 40]] });
    a = addRange(a, 10, 20);
    expect(a).toEqual({ size: 40, pending: [] });
  });

  it('overlaps extend, chunks inside the data change nothing, duplicates are harmless', () => {
    let a = addRange(empty, 0, 100);
    a = addRange(a, 50, 150);
    expect(a.size).toBe(150);
    a = addRange(a, 10, 20);
    expect(a.size).toBe(150);
    a = addRange(a, 200, 300);
    a = addRange(a, 200, 300);
    a = addRange(a, 250, 320);
    expect(a).toEqual({ size: 150, pending: [[200, 320]] });
    a = addRange(a, 140, 210);
    expect(a).toEqual({ size: 320, pending: [] });
  });

  it('empty ranges are ignored; pending text is read defensively', () => {
    expect(addRange(empty, 5, 5)).toBe(empty);
    expect(parsePending('[[1,2],[3,"x"],5]')).toEqual([[1, 2]]);
    expect(parsePending('nonsense')).toEqual([]);
  });
});
