/** The variable name of a call answering a list: the item class's name in the plural, as English spells it. */
import { describe, expect, it } from 'vitest';
import { plural } from '@/lib/codegen/plan';

describe('plural', () => {
  it.each([
    ['baseEntry', 'baseEntries'],
    ['categoryEntry', 'categoryEntries'],
    ['cuePoint', 'cuePoints'],
    ['key', 'keys'],
    ['day', 'days'],
    ['class', 'classes'],
    ['box', 'boxes'],
    ['match', 'matches'],
    ['string', 'strings'],
  ])('%s -> %s', (one, many) => {
    expect(plural(one)).toBe(many);
  });
});
