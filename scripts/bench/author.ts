/**
 * Authoring benchmark: the JavaScript /author loads (Monaco included) against the recipe page's,
 * and how long the editor's lint (parse + lint with the API description, what runs in the lint
 * worker on each pause in typing) takes for the seed recipe and for a large one.
 *
 *   npm run bench -- author              (builds into NEXT_DIST_DIR, default .next-bench, if stale)
 *   NEXT_DIST_DIR=.next-x npx tsx scripts/bench/author.ts
 *
 * "HTML gzip KB" counts the scripts the served HTML references; "browser gzip KB" every script
 * Chromium loads until the editor is up and the network is idle (lazy chunks: Monaco, its workers).
 */
import { readFileSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import { median, quantile } from './stats';
process.env.NEXT_DIST_DIR ||= '.next-bench';

const { parseRecipe } = await import('../../lib/recipe/index');
const { getKalturaDescription } = await import('../../lib/description/index');

// --- lint time -------------------------------------------------------------------------------
const api = getKalturaDescription();
const seed = readFileSync('recipes/upload-media.md', 'utf8');
const firstStep = seed.indexOf('\n## ');
const steps = seed.slice(firstStep);
const large = seed.slice(0, firstStep) + steps.repeat(10);
for (const [label, text] of [
  ['seed (4 steps)', seed],
  ['large (40 steps)', large],
] as const) {
  for (let i = 0; i < 5; i++) parseRecipe(text, { api });
  const runs = 30;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    parseRecipe(text, { api });
    times.push(performance.now() - t0);
  }
  console.log(
    `lint ${label.padEnd(18)} ${(text.length / 1024).toFixed(1).padStart(6)} KB  median ${median(times).toFixed(2)} ms  p90 ${quantile(times, 0.9).toFixed(2)} ms`,
  );
}

// --- page JS ---------------------------------------------------------------------------------
const { startServer } = await import('../../tests/helpers/server');
const { measurePageJs, kb } = await import('../../tests/helpers/page-js');
const { chromium } = await import('@playwright/test');

async function browserJs(base: string, path: string, ready?: string): Promise<{ count: number; gzip: number; raw: number }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    const urls = new Set<string>();
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script' || /\.js(\?|#|$)/.test(r.url())) urls.add(r.url().replace(/#.*$/, ''));
    });
    page.on('worker', (w) => urls.add(w.url().replace(/#.*$/, '')));
    await page.goto(new URL(path, base).href, { waitUntil: 'networkidle' });
    if (ready) {
      await page.waitForFunction(ready, null, { timeout: 60_000 });
      await page.waitForLoadState('networkidle');
    }
    let gzip = 0;
    let raw = 0;
    for (const u of urls) {
      const body = new Uint8Array(await (await fetch(u)).arrayBuffer());
      raw += body.length;
      const g = gzipSync(body, { level: constants.Z_BEST_COMPRESSION }).length;
      gzip += g;
      if (process.env.VERBOSE) console.log(`  ${kb(g).padStart(8)} KB gzip ${kb(body.length).padStart(8)} KB  ${new URL(u).pathname}`);
    }
    return { count: urls.size, gzip, raw };
  } finally {
    await browser.close();
  }
}

const server = await startServer();
try {
  console.log(`dist: ${process.env.NEXT_DIST_DIR}  node ${process.version}`);
  console.log(
    `${'page'.padEnd(24)} ${'HTML gzip KB'.padStart(12)} ${'browser scripts'.padStart(15)} ${'browser gzip KB'.padStart(15)} ${'raw KB'.padStart(8)}`,
  );
  for (const [label, path, ready] of [
    ['recipe page', '/recipes/upload-media', undefined],
    ['/author (editor ready)', '/author', '() => !!window.__recipeEditor && !!window.__recipeLint'],
  ] as const) {
    const html = await measurePageJs(server.url, path);
    const b = await browserJs(server.url, path, ready);
    console.log(
      `${label.padEnd(24)} ${kb(html.totalGzipBytes).padStart(12)} ${String(b.count).padStart(15)} ${kb(b.gzip).padStart(15)} ${kb(b.raw).padStart(8)}`,
    );
  }
} finally {
  await server.dispose();
}
