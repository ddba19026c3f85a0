/**
 * dynamicEnum choices: labels that several items share are told apart (creation time, else status,
 * else their place), and the item this walk made is marked.
 */
import { describe, expect, it } from 'vitest';
import { dynamicChoices } from '@/lib/form/choices';
import { optionText } from '@/lib/form';
import type { DynamicEnum } from '@/lib/recipe/types';

const de: DynamicEnum = { path: '/service/uploadtoken/action/list', array: 'objects', value: 'id', label: 'fileName', parameters: [] };
const t0 = Date.UTC(2026, 10, 27, 12, 0, 0) / 1000;

describe('dynamicChoices', () => {
  it('distinct labels stay as they are', () => {
    expect(
      dynamicChoices(
        [
          { id: 'a', fileName: 'x.mp4' },
          { id: 'b', fileName: 'y.mp4' },
        ],
        de,
      ),
    ).toEqual([
      { value: 'a', label: 'x.mp4' },
      { value: 'b', label: 'y.mp4' },
    ]);
  });

  it("shared labels get the creation time; every choice reads differently; this walk's token is marked", () => {
    const items = [
      { id: '0_c', fileName: 'holiday.mp4', createdAt: t0 + 120 },
      { id: '0_b', fileName: 'holiday.mp4', createdAt: t0 + 60 },
      { id: '0_a', fileName: 'holiday.mp4', createdAt: t0 + 60 },
    ];
    const out = dynamicChoices(items, de, { value: '0_c', fromStep: 0 });
    const texts = out.map(optionText);
    expect(new Set(texts).size).toBe(3);
    expect(out[0]!.label).toMatch(/^holiday\.mp4 · created \d{4}-\d\d-\d\d \d\d:\d\d:\d\d · made in step 1$/);
    expect(out[1]!.label).toMatch(/^holiday\.mp4 · created .* · #1$/);
    expect(out[2]!.label).toMatch(/^holiday\.mp4 · created .* · #2$/);
    expect(texts[0]).toBe(`${out[0]!.label} [0_c]`);
  });

  it('without a creation time: the status and the place in the list; missing labels show the value', () => {
    const out = dynamicChoices([{ id: 1, fileName: 'a', status: 0 }, { id: 2, fileName: 'a', status: 0 }, { id: 3 }], de);
    expect(out).toEqual([
      { value: 1, label: 'a · status 0 · #1' },
      { value: 2, label: 'a · status 0 · #2' },
      { value: 3, label: '3' },
    ]);
    expect(dynamicChoices({ not: 'a list' }, de)).toEqual([]);
  });
});
