/**
 * Parse + lint throughput of the seed recipe (recipes/s): `npm run bench -- recipe`.
 * Warms up, then times N parses; once without and once with the Kaltura API description.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getKalturaDescription } from '../../lib/api';
import { parseRecipe, type ParseOptions } from '../../lib/recipe';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const seed = readFileSync(join(root, 'recipes/upload-media.md'), 'utf8');
const N = Number(process.env.BENCH_N ?? 2000);

function run(label: string, options: ParseOptions): void {
  let sink = 0;
  for (let i = 0; i < 200; i++) sink += parseRecipe(seed, options).steps.length;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) sink += parseRecipe(seed, options).steps.length;
  const ms = performance.now() - t0;
  if (sink !== (N + 200) * 4) throw new Error('the seed did not parse to 4 steps');
  console.log(`${label}: ${Math.round((N * 1000) / ms)} recipes/s (${(ms / N).toFixed(3)} ms per parse+lint, N=${N}, ${seed.length} chars)`);
}

run('parse + lint, seed recipe', {});
run('parse + lint, seed recipe, with the Kaltura API description', { api: getKalturaDescription() });
