/**
 * Parse + lint throughput of the seed recipe (recipes/s): `npm run bench -- recipe`.
 * Warms up, then times N parses in three situations:
 *  - cold: nothing cached (a recipe seen for the first time, e.g. every page load);
 *  - edit: each parse follows a one-character edit inside one step (the editor linting as the
 *    user types: only the edited section is tokenized again);
 *  - with the Kaltura API description (cold), which adds the unknown-path/parameter rules.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getKalturaDescription } from '../../lib/description';
import { clearBlockCache, parseRecipe, type ParseOptions } from '../../lib/recipe';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const seed = readFileSync(join(root, 'recipes/upload-media.md'), 'utf8');
const N = Number(process.env.BENCH_N ?? 1000);

// One-character edits in the prose of step 3 ("Creating a Kaltura Media Entry").
const anchor = seed.indexOf("Now we'll create a Media Entry");
const edits = Array.from({ length: 64 }, (_, i) => seed.slice(0, anchor) + String.fromCharCode(65 + (i % 26)) + i + seed.slice(anchor));

function run(label: string, options: ParseOptions, mode: 'cold' | 'edit'): void {
  let sink = 0;
  const once = (i: number) => {
    if (mode === 'cold') clearBlockCache();
    const text = mode === 'edit' ? edits[i % edits.length] + ' '.repeat(Math.floor(i / edits.length)) : seed;
    const r = parseRecipe(text, options);
    sink += r.steps.length + r.diagnostics.length;
  };
  for (let i = 0; i < 100; i++) once(i);
  sink = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < N; i++) once(i);
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const cpuMs = (c.user + c.system) / 1000;
  if (sink !== N * 4) throw new Error(`the seed did not parse to 4 steps without diagnostics (${sink})`);
  // Wall-clock rate, and the rate per second of CPU time (steadier on a shared machine).
  console.log(
    `${label}: ${Math.round((N * 1000) / ms)} recipes/s (${(ms / N).toFixed(2)} ms each; ${Math.round((N * 1000) / cpuMs)} per CPU-second; N=${N})`,
  );
}

console.log(
  `seed: recipes/upload-media.md, ${seed.length} chars, ${seed.split('\n').length} lines; load average ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
run('parse + lint, cold', {}, 'cold');
run('parse + lint, cold, with the Kaltura API description', { api: getKalturaDescription() }, 'cold');
run('parse + lint after a one-character edit (editor)', {}, 'edit');
run('parse + lint after a one-character edit, with the API description', { api: getKalturaDescription() }, 'edit');
