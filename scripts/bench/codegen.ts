/**
 * Codegen benchmark: generating every language for every step of the upload recipe (goal: all of
 * it under 10 ms), plus the whole-recipe programs, and the weight the generators add to the
 * browser bundle (lib/codegen bundled alone with esbuild, minified, gzip level 9).
 *
 *   npm run bench -- codegen
 *   npx tsx scripts/bench/codegen.ts
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { GENERATORS, LANGUAGE_IDS } from '../../lib/codegen';
import type { RequestModel } from '../../lib/request/types';
import { buildModels, ctxOf, loadRecipe, ROOT, uploadEdit, uploadResults } from '../../tests/unit/codegen/fixtures';
import { median, quantile } from './stats';

const recipe = loadRecipe('recipes/upload-media.md');
const models = buildModels(recipe, { edit: uploadEdit, results: uploadResults, filePath: '/tmp/video.mp4' }).filter(
  (m): m is RequestModel => m !== null,
);
const ctx = ctxOf({ setup: false });
const ctxSetup = ctxOf({ setup: true });

function measure(label: string, fn: () => number, runs = 200, warmup = 50): void {
  let chars = 0;
  for (let i = 0; i < warmup; i++) chars = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  console.log(
    `${label.padEnd(58)} median ${median(times).toFixed(3).padStart(7)} ms  p95 ${quantile(times, 0.95).toFixed(3).padStart(7)} ms  (${chars} chars)`,
  );
}

console.log(`node ${process.version}; ${LANGUAGE_IDS.length} languages x ${models.length} steps; 50 warm-up runs, 200 timed runs`);
measure(`every language x every step (${LANGUAGE_IDS.length * models.length} samples)`, () => {
  let n = 0;
  for (const id of LANGUAGE_IDS) for (const m of models) n += GENERATORS[id].step(m, ctx).length;
  return n;
});
measure('every language x every step, with setup code', () => {
  let n = 0;
  for (const id of LANGUAGE_IDS) for (const m of models) n += GENERATORS[id].step(m, ctxSetup).length;
  return n;
});
measure('every language: the whole-recipe program', () => {
  let n = 0;
  for (const id of LANGUAGE_IDS) n += GENERATORS[id].program(models, ctx).length;
  return n;
});
const step2 = models[1];
if (!step2) throw new Error('recipes/upload-media.md has no second API call to time one sample with.');
measure('one sample (python, step 2) - what a keystroke costs', () => GENERATORS.python.step(step2, ctx).length, 1000, 200);

const out = await build({
  entryPoints: [join(ROOT, 'lib/codegen/index.ts')],
  bundle: true,
  minify: true,
  write: false,
  format: 'esm',
  platform: 'browser',
  logLevel: 'silent',
});
const [bundle] = out.outputFiles;
if (!bundle) throw new Error('esbuild returned no bundle of lib/codegen.');
const code = bundle.contents;
console.log(
  `lib/codegen bundle (all 11 generators + toHttpRequest): ${(code.length / 1024).toFixed(1)} KB min, ${(gzipSync(code, { level: 9 }).length / 1024).toFixed(1)} KB gzip`,
);
