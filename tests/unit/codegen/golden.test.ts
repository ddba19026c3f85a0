/**
 * Golden files: every language, every step of the upload recipe (without and with setup) and the
 * whole recipe. Regenerate with `UPDATE_GOLDEN=1 npx vitest run tests/unit/codegen/golden.test.ts`;
 * any difference fails.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATORS, LANGUAGE_IDS } from '@/lib/codegen';
import type { RequestModel } from '@/lib/request/types';
import { buildModels, ctxOf, loadRecipe, uploadEdit, uploadResults } from './fixtures';

const GOLDEN = join(import.meta.dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

function golden(rel: string, actual: string): void {
  const file = join(GOLDEN, rel);
  if (update) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `missing golden file ${rel} (run with UPDATE_GOLDEN=1)`).toBe(true);
  expect(actual, `golden ${rel} differs (run with UPDATE_GOLDEN=1 after checking the change)`).toBe(readFileSync(file, 'utf8'));
}

const recipe = loadRecipe('recipes/upload-media.md');
// Single steps show the live results of earlier steps; the whole recipe chains variables.
const live = buildModels(recipe, { edit: uploadEdit, results: uploadResults, filePath: '/tmp/Kaltura_Logo_Animation.flv' });
const program = buildModels(recipe, { edit: uploadEdit, filePath: '/tmp/Kaltura_Logo_Animation.flv' }).filter(
  (m): m is RequestModel => m !== null,
);

const sink = buildModels(loadRecipe('tests/unit/codegen/recipes/kitchen-sink.md')).filter((m): m is RequestModel => m !== null);

describe('golden code samples of the upload recipe', () => {
  it('has four steps with calls', () => {
    expect(live.filter(Boolean)).toHaveLength(4);
  });
  for (const lang of LANGUAGE_IDS) {
    const g = GENERATORS[lang];
    it(`${lang}: each step, with and without setup`, () => {
      for (const m of live) {
        if (!m) continue;
        golden(`${lang}/step${m.stepIndex + 1}.${g.fileExtension}`, g.step(m, ctxOf({ setup: false })));
        golden(`${lang}/step${m.stepIndex + 1}-setup.${g.fileExtension}`, g.step(m, ctxOf({ setup: true })));
      }
    });
    it(`${lang}: the whole recipe`, () => {
      golden(`${lang}/whole.${g.fileExtension}`, g.program(program, ctxOf()));
      // Skipped arguments, filters, enums, refs into arrays and answers, delete/list actions.
      golden(`${lang}/kitchen-sink.${g.fileExtension}`, g.program(sink, ctxOf()));
    });
  }
});
