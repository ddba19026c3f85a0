/** What later steps read of a step's result (laterReads) and which of it a sample prints besides its usual lines (extraReads). */
import { describe, expect, it } from 'vitest';
import { extraReads, type ResultShape } from '@/lib/codegen/plan';
import { laterReads } from '@/lib/codegen/reads';
import { loadRecipe } from './fixtures';

describe('laterReads', () => {
  it("custom-metadata: metadata.list's first item's id and version, which metadata.update takes", () => {
    const steps = loadRecipe('recipes/custom-metadata.md').steps;
    expect(laterReads(steps, 3)).toEqual(['objects.0.id', 'objects.0.version']);
    expect(laterReads(steps, steps.length - 1)).toEqual([]);
  });

  it("app token: the token's id and, for the hand-written hash step, its token", () => {
    const steps = loadRecipe('recipes/start-a-session-with-an-app-token.md').steps;
    expect(laterReads(steps, 0)).toEqual(expect.arrayContaining(['id', 'token']));
    expect(laterReads(steps, 4)).toEqual(['ks']);
  });
});

describe('extraReads', () => {
  const list: ResultShape = {
    kind: 'list',
    fields: ['totalCount', 'objects'],
    itemFields: ['id', 'status'],
    itemClass: 'KalturaMetadata',
    listResponse: true,
  };

  it("a list prints an item's read field on every item's line, relative to the item; one already shown adds nothing", () => {
    expect(extraReads(list, ['objects.0.id', 'objects.0.version', 'objects.0.object.id'])).toEqual({
      top: [],
      item: [
        { path: 'version', segs: ['version'] },
        { path: 'object.id', segs: ['object', 'id'] },
      ],
    });
  });

  it('an object prints a nested read as a line of its own; a shown field, a void or scalar result add nothing', () => {
    const object: ResultShape = { kind: 'object', fields: ['id', 'name'] };
    expect(extraReads(object, ['id', 'token', 'object.id'])).toEqual({
      top: [
        { path: 'token', segs: ['token'] },
        { path: 'object.id', segs: ['object', 'id'] },
      ],
      item: [],
    });
    expect(extraReads({ kind: 'void' }, ['id'])).toEqual({ top: [], item: [] });
    expect(extraReads({ kind: 'scalar' }, ['id'])).toEqual({ top: [], item: [] });
  });
});
