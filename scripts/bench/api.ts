/**
 * The console at the scale of Kaltura's whole published API: `npm run bench -- api`.
 *
 *  1. load + index of the published description (read, JSON.parse, createDescription): the first
 *     time in this process (what a server or CLI pays once), then the median of 5 more;
 *  2. lint of 30 recipes against it (the shipped recipes, repeated to 30), after the load;
 *  3. the slice a recipe page receives (lib/server/slice.ts), per shipped recipe;
 *  4. recipe page JS (gzip) with RECIPES_API set to the published description vs the built-in one,
 *     each from a real `next start` of the same production build.
 *
 * Needs ../shared/reference/kaltura.19_4_0.openapi.json (stops with a message when absent).
 * Goals (issue "the whole Kaltura API"): 1 ≤ 300 ms, 2 ≤ 100 ms, 3 ≤ 5 ms, 4 equal within 2 KB.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { median } from './stats';

process.env.NEXT_DIST_DIR ||= '.next-bench';
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const REFERENCE = join(root, '../shared/reference/kaltura.19_4_0.openapi.json');
if (!existsSync(REFERENCE)) {
  console.error(`The API benchmark needs Kaltura's published description at ${REFERENCE}; it is absent.`);
  process.exit(1);
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

// 1. load + index (the first import of lib/description is part of what a process pays once)
const t0 = performance.now();
const { createDescription } = await import('../../lib/description');
const load = () => createDescription(JSON.parse(readFileSync(REFERENCE, 'utf8')));
const api = load();
const first = performance.now() - t0;
console.log(
  `machine: node ${process.version}, ${(await import('node:os')).cpus().length} cores, load average ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);

// 2. lint of 30 recipes
const { parseRecipe, clearBlockCache } = await import('../../lib/recipe');
const shipped = readdirSync(join(root, 'recipes'))
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((file) => ({ file, source: readFileSync(join(root, 'recipes', file), 'utf8') }));
if (shipped.length === 0) {
  console.error(`The API benchmark lints the shipped recipes; there are none in ${join(root, 'recipes')}.`);
  process.exit(1);
}
const thirty: string[] = [];
while (thirty.length < 30) thirty.push(...shipped.slice(0, 30 - thirty.length).map((r) => r.source));
const lintAll = () => {
  clearBlockCache();
  let errors = 0;
  for (const s of thirty) errors += parseRecipe(s, { api }).diagnostics.filter((d) => d.severity === 'error').length;
  return errors;
};
let t = performance.now();
const errors = lintAll();
const lintFirst = performance.now() - t;
const lintRuns: number[] = [];
const lintCpu: number[] = [];
for (let i = 0; i < 10; i++) {
  t = performance.now();
  const c0 = process.cpuUsage();
  lintAll();
  const c = process.cpuUsage(c0);
  lintRuns.push(performance.now() - t);
  lintCpu.push((c.user + c.system) / 1000);
}
console.log(
  `2. lint of 30 recipes (${shipped.length} shipped, repeated) against it: first ${ms(lintFirst)}, then median ${ms(median(lintRuns))} wall, ${ms(median(lintCpu))} CPU; ${errors} errors  (goal ≤ 100 ms)`,
);

// 1 (again). Loading it again, after the rest (so its garbage does not weigh on the timings above).
const againLater = () => {
  const again: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    load();
    again.push(performance.now() - t);
  }
  return median(again);
};

// 3. slices
const { recipeSlice } = await import('../../lib/server/slice');
console.log('3. the slice a recipe page receives (median of 20, after one warm-up):');
const sliceTimes: number[] = [];
for (const { file, source } of shipped) {
  const recipe = parseRecipe(source, { api });
  recipeSlice(recipe, api);
  const runs: number[] = [];
  let slice = recipeSlice(recipe, api);
  for (let k = 0; k < 20; k++) {
    t = performance.now();
    slice = recipeSlice(recipe, api);
    runs.push(performance.now() - t);
  }
  const json = JSON.stringify(slice);
  sliceTimes.push(median(runs));
  console.log(
    `   ${file.padEnd(34)} ${ms(median(runs)).padStart(9)}  ${slice.operations.length} ops, ${slice.classes.length} classes, ${slice.enums.length} enums, ${(json.length / 1024).toFixed(1)} KB (${(gzipSync(json).length / 1024).toFixed(1)} KB gzip)`,
  );
}
console.log(`   worst ${ms(Math.max(...sliceTimes))}  (goal ≤ 5 ms)`);

console.log(
  `1. load + index of the published description (${api.operations().length} operations, ${api.classes!().length} classes, ${api.enums!().length} enums): first ${ms(first)}, then median ${ms(againLater())}  (goal ≤ 300 ms)`,
);

// 4. page JS, built-in vs published, same build
const { startServer } = await import('../../tests/helpers/server');
const { measurePageJs, measurePageJsInBrowser, kb } = await import('../../tests/helpers/page-js');
const builtIn = await startServer();
const published = await startServer({ env: { RECIPES_API: REFERENCE } });
try {
  console.log('4. recipe page JS, /recipes/upload-media (gzip; HTML scripts / everything Chromium loads until idle):');
  /** Prints one server's row; returns what Chromium loads (gzip bytes). */
  const pageJs = async (label: string, server: typeof builtIn) => {
    const r = await measurePageJs(server.url, '/recipes/upload-media');
    const b = await measurePageJsInBrowser(server.url, '/recipes/upload-media');
    const html = await (await fetch(`${server.url}/recipes/upload-media`)).text();
    console.log(
      `   ${label.padEnd(10)} ${kb(r.totalGzipBytes).padStart(7)} KB / ${kb(b.totalGzipBytes).padStart(7)} KB   (HTML with its data: ${kb(gzipSync(html).length)} KB gzip)`,
    );
    return b.totalGzipBytes;
  };
  const builtInBytes = await pageJs('built-in', builtIn);
  const publishedBytes = await pageJs('published', published);
  const diff = Math.abs(publishedBytes - builtInBytes) / 1024;
  console.log(`   difference ${diff.toFixed(1)} KB  (goal: equal within 2 KB)`);
} finally {
  await builtIn.dispose();
  await published.dispose();
}
