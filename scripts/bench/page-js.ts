/**
 * Page JS benchmark: the gzipped size (zlib level 9) of the scripts a browser loads for the recipe
 * page and the index, from a real `next start` of a fresh production build.
 *
 *   npm run bench -- page-js             (builds into NEXT_DIST_DIR, default .next-bench, if stale)
 *   NEXT_DIST_DIR=.next-x npx tsx scripts/bench/page-js.ts
 *
 * "gzip KB" counts the module scripts the served HTML references (not `nomodule` polyfills);
 * "browser" counts every script Chromium loads until the network is idle: lazy chunks, and also
 * the chunks of pages that next/link prefetches for visible links (so it is an upper bound).
 *
 * Budget: the whole step runner's recipe page within 200 KB gzipped; an empty Next 16 page is
 * about 135 KB on its own (the 404 page below is the baseline: layout + framework only).
 */
import type { PageJs } from '../../tests/helpers/page-js';
process.env.NEXT_DIST_DIR ||= '.next-bench';

const { startServer } = await import('../../tests/helpers/server');
const { measurePageJs, measurePageJsInBrowser, kb } = await import('../../tests/helpers/page-js');

const BUDGET_KB = 200;

const server = await startServer();
try {
  console.log(`dist: ${process.env.NEXT_DIST_DIR}  node ${process.version}`);
  console.log(
    `${'page'.padEnd(22)} ${'scripts'.padStart(7)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'browser'.padStart(8)}  budget`,
  );
  const measured: Array<{ r: PageJs; b: PageJs }> = [];
  /** Measures and prints one page; returns what its HTML references. */
  const measure = async (label: string, path: string) => {
    const r = await measurePageJs(server.url, path);
    // Cross-check in Chromium: every script it loads until the network is idle.
    const b = await measurePageJsInBrowser(server.url, path);
    measured.push({ r, b });
    const budget = path.startsWith('/recipes/')
      ? `${((r.totalGzipBytes / 1024 / BUDGET_KB) * 100).toFixed(0)}% of ${BUDGET_KB} KB (runner total)`
      : '';
    console.log(
      `${label.padEnd(22)} ${String(r.scripts.length).padStart(7)} ${kb(r.totalBytes).padStart(8)} ${kb(r.totalGzipBytes).padStart(8)} ${kb(b.totalGzipBytes).padStart(8)}  ${budget}`,
    );
    return r;
  };
  const recipe = await measure('recipe page', '/recipes/upload-media');
  await measure('index', '/');
  const base = await measure('baseline (404 page)', '/no-such-page-for-bench');
  console.log(`recipe page over baseline: ${kb(recipe.totalGzipBytes - base.totalGzipBytes)} KB gzip`);
  if (process.env.VERBOSE) {
    for (const { r, b: browser } of measured) {
      console.log(`\n${r.path}`);
      for (const s of r.scripts) console.log(`  ${kb(s.gzipBytes).padStart(7)} KB  ${s.url}`);
      const extra = browser.scripts.filter((b) => !r.scripts.some((s) => s.url === b.url));
      for (const s of extra) console.log(`  ${kb(s.gzipBytes).padStart(7)} KB  ${s.url}  (loaded later: lazy chunk or link prefetch)`);
    }
  }
  if (recipe.totalGzipBytes / 1024 > BUDGET_KB) {
    console.error(`recipe page JS ${kb(recipe.totalGzipBytes)} KB is over the ${BUDGET_KB} KB budget`);
    process.exitCode = 1;
  }
} finally {
  await server.dispose();
}
