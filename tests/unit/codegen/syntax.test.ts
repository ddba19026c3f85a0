/**
 * Every sample in every language, for every step of every recipe in recipes/, with and without
 * setup, with secrets masked and shown, and with awkward values, parses with zero ERROR/MISSING
 * nodes under a real tree-sitter grammar of its language.
 */
import { describe, expect, it } from 'vitest';
import { GENERATORS, LANGUAGE_IDS } from '@/lib/codegen';
import type { RequestModel } from '@/lib/request/types';
import { buildModels, connection, ctxOf, loadRecipe, recipeFiles, uploadEdit, uploadResults } from './fixtures';
import { syntaxProblems } from './syntax';

const AWKWARD = [
  'it\'s "quoted"',
  'back\\slash \\n \\u0041 \\(x) \\',
  'two\nlines\r\nand\ttab',
  'unicode: héllo 日本語 🎬 \u2028 \u0000 \u007f',
  '',
  '$HOME ${x} `id` #{x} #$x #@x %s {0} <?php ?> */ /* -->',
];

function awkwardEdit(text: string, big: number) {
  return (values: Record<string, unknown>, i: number) => {
    const v = uploadEdit(values, i);
    if (i === 1) return { ...v, resumeAt: big };
    if (i === 2) return { ...v, body: { entry: { objectType: 'KalturaMediaEntry', mediaType: 1, name: text, description: text } } };
    return v;
  };
}

async function check(lang: string, code: string, what: string): Promise<void> {
  const g = GENERATORS[lang as keyof typeof GENERATORS];
  const problems = await syntaxProblems(code, g.grammar);
  expect(problems, `${lang} ${what}:\n${code}`).toEqual([]);
}

/** Results that resolve the kitchen-sink recipe's refs (arrays, answers). */
const sinkResults = {
  0: { ok: true, response: 'djJ8a3M', answers: {} },
  1: { ok: true, response: { objectType: 'KalturaMediaListResponse', objects: [], totalCount: 0 }, answers: {} },
  2: { ok: true, response: { objectType: 'KalturaMediaListResponse', objects: [{ id: '0_first' }], totalCount: 1 }, answers: {} },
  4: { ok: true, response: { objectType: 'KalturaMediaEntry', id: '0_first' }, answers: { entryId: '0_first', version: 0 } },
  5: { ok: true, response: { objectType: 'KalturaMediaEntry', id: '0_first' }, answers: { entryId: '0_first' } },
};

describe('generated code parses in its language', () => {
  for (const file of [...recipeFiles(), 'tests/unit/codegen/recipes/kitchen-sink.md']) {
    const recipe = loadRecipe(file);
    const variants: Array<[string, Array<RequestModel | null>]> = [
      [
        'live results',
        buildModels(recipe, {
          edit: uploadEdit,
          results: file.includes('kitchen') ? sinkResults : uploadResults,
          filePath: '/tmp/video.mp4',
        }),
      ],
      ['not yet run', buildModels(recipe, { edit: uploadEdit })],
    ];
    for (const lang of LANGUAGE_IDS) {
      it(`${file}: ${lang}, every step with and without setup, and the whole recipe`, async () => {
        const g = GENERATORS[lang];
        let n = 0;
        for (const [name, models] of variants) {
          for (const m of models) {
            if (!m) continue;
            for (const setup of [false, true]) {
              for (const secrets of ['masked', 'shown'] as const) {
                await check(lang, g.step(m, ctxOf({ setup, secrets })), `step ${m.stepIndex + 1} (${name}, setup ${setup}, ${secrets})`);
                n++;
              }
            }
          }
          await check(
            lang,
            g.program(
              models.filter((m): m is RequestModel => m !== null),
              ctxOf(),
            ),
            `program (${name})`,
          );
        }
        expect(n).toBeGreaterThan(0);
      });
    }
  }

  const recipe = loadRecipe('recipes/upload-media.md');
  for (const lang of LANGUAGE_IDS) {
    it(`awkward values: ${lang}`, async () => {
      const g = GENERATORS[lang];
      for (const [i, text] of AWKWARD.entries()) {
        const big = [12345678901234, -2147483649, 1e21, 0.000001, 1.5, -0][i % 6];
        const models = buildModels(recipe, {
          edit: awkwardEdit(text, big!),
          results: uploadResults,
          filePath: `/tmp/my "odd" file's, name; ${text.slice(0, 8)}.mp4`,
          conn: { ...connection, serviceUrl: `https://example.com/k"${text.slice(0, 4)}`, secret: `s'"\\$${i}` },
        });
        for (const m of models) {
          if (!m) continue;
          for (const setup of [false, true])
            await check(lang, g.step(m, ctxOf({ setup, secrets: 'shown' })), `awkward ${i} step ${m.stepIndex + 1}`);
        }
        await check(
          lang,
          g.program(
            models.filter((m): m is RequestModel => m !== null),
            ctxOf({ secrets: 'shown' }),
          ),
          `awkward ${i} program`,
        );
      }
    });
  }
});
