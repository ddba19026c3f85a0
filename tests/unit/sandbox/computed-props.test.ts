/**
 * Properties the sandbox computes when it answers (a category's entry counts, an entry's categories)
 * cannot be compared by a list: a filter or an order on them is refused, not answered in the wrong
 * order or with objects that do not match. A cue point's duration follows its times and is kept, so
 * lists filter on it (Kaltura's durationGreaterThanOrEqual).
 */
import { describe, expect, it } from 'vitest';
import { isError, ok, publishedSandbox } from './published-sandbox';

type Json = any;

const sb = publishedSandbox('computed properties in list filters and orders, over the published description', 4332);
const { present, call } = sb;
const code = (v: Json): string => {
  expect(isError(v), JSON.stringify(v)).toBe(true);
  return v.code as string;
};

describe.skipIf(!present)('computed properties in lists', () => {
  it('a category list refuses to sort by an entry count, and sorts by a stored property', async () => {
    for (const name of ['b-cat', 'a-cat']) ok(await call('category', 'add', { category: { objectType: 'KalturaCategory', name } }), name);
    const list = (orderBy: string) => call('category', 'list', { filter: { objectType: 'KalturaCategoryFilter', orderBy } });
    for (const orderBy of ['+entriesCount', '-directEntriesCount', '+directSubCategoriesCount']) {
      const r = await list(orderBy);
      expect([code(r), r.message], orderBy).toEqual(['SANDBOX_FILTER_NOT_SIMULATED', expect.stringContaining(`"orderBy ${orderBy}"`)]);
    }
    expect(ok(await list('+name'), '+name').objects.map((c: Json) => c.name)).toEqual(['a-cat', 'b-cat']);
  });

  it("an entry list refuses category fields no hook applies (the entry's categories are computed)", async () => {
    ok(await call('playlist', 'add', { playlist: { objectType: 'KalturaPlaylist', name: 'pl', playlistType: 3 } }), 'playlist');
    for (const field of ['categoriesIdsEmpty', 'categoriesIdsNotContains', 'categoriesNotContains']) {
      const r = await call('baseEntry', 'list', {
        filter: { objectType: 'KalturaBaseEntryFilter', [field]: field.endsWith('Empty') ? 1 : '5' },
      });
      expect([code(r), r.message], field).toEqual(['SANDBOX_FILTER_NOT_SIMULATED', expect.stringContaining(`"${field}"`)]);
    }
  });

  it("a cue point's duration follows its times, and lists filter on it", async () => {
    const entry = ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: 'cues', mediaType: 1 } }), 'entry');
    const add = async (startTime: number, endTime?: number) =>
      ok(
        await call('cuePoint', 'add', {
          cuePoint: {
            objectType: 'KalturaAnnotation',
            entryId: entry.id,
            startTime,
            ...(endTime !== undefined ? { endTime } : {}),
            text: 'x',
          },
        }),
        `cue ${startTime}`,
      );
    const long = await add(1000, 9000);
    const short = await add(2000, 3000);
    const momentary = await add(5000);
    expect([long.duration, long.isMomentary, short.duration, momentary.isMomentary, momentary.duration]).toEqual([
      8000,
      false,
      1000,
      true,
      undefined,
    ]);
    const atLeast = async (ms: number) =>
      ok(
        await call('cuePoint', 'list', {
          filter: { objectType: 'KalturaAnnotationFilter', entryIdEqual: entry.id, durationGreaterThanOrEqual: ms, orderBy: '+startTime' },
        }),
        `duration >= ${ms}`,
      ).objects.map((c: Json) => c.id);
    expect(await atLeast(500)).toEqual([long.id, short.id]);
    expect(await atLeast(5000)).toEqual([long.id]);
    // an update of the times moves the duration
    const updated = ok(
      await call('cuePoint', 'update', { id: short.id, cuePoint: { objectType: 'KalturaAnnotation', endTime: 12000 } }),
      'update',
    );
    expect(updated.duration).toBe(10000);
    expect(await atLeast(9000)).toEqual([short.id]);
    const byDuration = ok(
      await call('cuePoint', 'list', { filter: { objectType: 'KalturaAnnotationFilter', entryIdEqual: entry.id, orderBy: '-duration' } }),
      '-duration',
    );
    expect(byDuration.objects.map((c: Json) => c.id).slice(0, 2)).toEqual([short.id, long.id]);
  });
});
