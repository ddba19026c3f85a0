/**
 * The recipe page against a peer docs UI serving the same API description, in one run:
 *
 *   npm run bench -- page                 (also runs page-js.ts: the name matches)
 *   BENCH_PAGE_ROUNDS=5 BENCH_LIGHTHOUSE_RUNS=5 npx tsx scripts/bench/page.ts
 *
 * Ours: `/recipes/upload-media` of a fresh production build (NEXT_DIST_DIR, default .next-bench).
 * Peer: Swagger UI (swagger-ui-dist, a dev dependency of this benchmark) served gzipped by a small
 * static server of this script, reading the sandbox's own description (GET /api_v3/openapi.json),
 * its "Try it out" authorised with a sandbox KS beforehand (a head start ours does not get).
 *
 * Rounds alternate ours and the peer (the machine is shared; load averages are printed with
 * every figure):
 *  1. JS loaded with no user action: every script response until the network is idle and 3 s
 *     more, each gzipped at level 9 (as tests/helpers/page-js.ts does);
 *  2. main-thread blocking at 4x CPU (CDP CPU throttling): the sum over long tasks after first
 *     paint of their time beyond 50 ms, and the main thread's task time (CDP TaskDuration);
 *  3. navigation -> first live call at 4x CPU: ours runs step 1 (uploadToken.add) as soon as its
 *     button is enabled; Swagger UI opens uploadToken.add, "Try it out", "Execute"; until the
 *     response shows;
 *  4. Lighthouse mobile (simulated throttling, performance only), BENCH_LIGHTHOUSE_RUNS each
 *     (default 5), interleaved; medians.
 * Goals (issue 13): JS <= 200 KB gzip, blocking <= 300 ms at 4x (median of 3), Lighthouse >= 90
 * (median of 5), first live call <= 0.5x Swagger UI's.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';

process.env.NEXT_DIST_DIR ||= '.next-bench';
const { startServer } = await import('../../tests/helpers/server');
const { ROOT } = await import('../../tests/helpers/build');
const { chromium } = await import('playwright-core');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const ROUNDS = Number(process.env.BENCH_PAGE_ROUNDS ?? 3);
const LH_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
/** Median of the finite samples (the mean of the middle two of an even count); NaN when none. */
const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const upper = s[s.length >> 1];
  const lower = s[(s.length - 1) >> 1];
  if (upper === undefined || lower === undefined) return NaN;
  return s.length % 2 ? upper : (lower + upper) / 2;
};
const kb = (b: number) => (b / 1024).toFixed(1);

// ---------------------------------------------------------------- the peer: Swagger UI, gzipped

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.png': 'image/png',
  '.json': 'application/json',
};

function servePeer(files: Record<string, () => Buffer>): Promise<{ server: Server; url: string }> {
  const cache = new Map<string, { body: Buffer; gz: Buffer }>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const make = files[path === '/' ? '/index.html' : path];
    if (!make) {
      res.writeHead(404).end();
      return;
    }
    let hit = cache.get(path);
    if (!hit) {
      const body = make();
      hit = { body, gz: gzipSync(body, { level: 6 }) };
      cache.set(path, hit);
    }
    const gz = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      'content-type': TYPES[extname(path === '/' ? '/index.html' : path)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      ...(gz ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(gz ? hit.gz : hit.body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })),
  );
}

function swaggerFiles(specUrl: string, ks: string): Record<string, () => Buffer> {
  const dist = join(ROOT, 'node_modules/swagger-ui-dist');
  const file = (name: string) => () => readFileSync(join(dist, name));
  const init = `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(specUrl)},
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout',
    onComplete: function () { window.ui.preauthorizeApiKey('ks', ${JSON.stringify(ks)}); },
  });
};
`;
  return {
    '/index.html': file('index.html'),
    '/swagger-ui.css': file('swagger-ui.css'),
    '/index.css': file('index.css'),
    '/swagger-ui-bundle.js': file('swagger-ui-bundle.js'),
    '/swagger-ui-standalone-preset.js': file('swagger-ui-standalone-preset.js'),
    '/swagger-initializer.js': () => Buffer.from(init),
    '/favicon-32x32.png': file('favicon-32x32.png'),
    '/favicon-16x16.png': file('favicon-16x16.png'),
  };
}

// ---------------------------------------------------------------- measurements in Chromium

interface Target {
  name: string;
  url: string;
  /** Makes the first live call on a loaded page; resolves when its response shows. */
  firstCall(page: Page): Promise<void>;
}

async function newPage(browser: Browser, throttle: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await cdp.send('Performance.enable');
  (page as Page & { cdp?: typeof cdp }).cdp = cdp;
  await page.addInitScript(() => {
    const w = window as unknown as { __long: Array<[number, number]>; __fcp: number };
    w.__long = [];
    w.__fcp = 0;
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__long.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') w.__fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  });
  return page;
}

async function taskSeconds(page: Page): Promise<number> {
  const cdp = (page as Page & { cdp?: { send(m: string): Promise<{ metrics: Array<{ name: string; value: number }> }> } }).cdp!;
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
}

/** JS with no user action: every script until the network is idle, plus 3 s; gzip level 9. */
async function scriptBytes(browser: Browser, url: string): Promise<{ count: number; gzip: number }> {
  const page = await newPage(browser, 1);
  const bodies = new Map<string, Promise<Buffer | undefined>>();
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script' && !bodies.has(r.url()))
      bodies.set(
        r.url(),
        r.body().catch(() => undefined),
      );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(3000);
  await page.waitForLoadState('networkidle');
  let gzip = 0;
  for (const b of await Promise.all(bodies.values())) if (b) gzip += gzipSync(b, { level: constants.Z_BEST_COMPRESSION }).length;
  await page.context().close();
  return { count: bodies.size, gzip };
}

/** Blocking time after first paint at 4x CPU, and the main thread's task seconds. */
async function blocking(browser: Browser, url: string): Promise<{ tbt: number; task: number }> {
  const page = await newPage(browser, 4);
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(3000);
  await page.waitForLoadState('networkidle');
  const tbt = await page.evaluate(() => {
    const w = window as unknown as { __long: Array<[number, number]>; __fcp: number };
    return w.__long.filter(([s]) => s >= w.__fcp).reduce((n, [, d]) => n + Math.max(0, d - 50), 0);
  });
  const task = await taskSeconds(page);
  await page.context().close();
  return { tbt, task };
}

/** Navigation to the first live call's response, at 4x CPU (ms). */
async function firstCall(browser: Browser, t: Target): Promise<number> {
  const page = await newPage(browser, 4);
  const t0 = Date.now();
  await page.goto(t.url, { waitUntil: 'commit' });
  await t.firstCall(page);
  const ms = Date.now() - t0;
  await page.context().close();
  return ms;
}

/** Lighthouse mobile (its defaults: simulated throttling), performance only. */
function lighthouse(url: string): Promise<{ score: number; tbt: number; lcp: number; fcp: number }> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      join(ROOT, 'node_modules/.bin/lighthouse'),
      [
        url,
        '--only-categories=performance',
        '--output=json',
        '--output-path=stdout',
        '--quiet',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => {
      try {
        const j = JSON.parse(out) as { categories: { performance: { score: number } }; audits: Record<string, { numericValue: number }> };
        const audit = (id: string) => {
          const a = j.audits[id];
          if (!a) throw new Error(`no ${id} audit`);
          return a.numericValue;
        };
        resolve({
          score: Math.round(j.categories.performance.score * 100),
          tbt: audit('total-blocking-time'),
          lcp: audit('largest-contentful-paint'),
          fcp: audit('first-contentful-paint'),
        });
      } catch {
        reject(new Error(`lighthouse failed (${code}): ${err.slice(-500)}`));
      }
    });
  });
}

// ---------------------------------------------------------------- the run

const server = await startServer({ env: { SANDBOX_PROCESSING_MS: '0' } });
let peer: { server: Server; url: string } | undefined;
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const session = (await (await fetch(`${server.url}/api_v3/sandbox/session`)).json()) as { ks: string };
  peer = await servePeer(swaggerFiles(`${server.url}/api_v3/openapi.json`, session.ks));
  const ours: Target = {
    name: 'recipe page',
    url: `${server.url}/recipes/upload-media`,
    async firstCall(page) {
      const run = page.getByTestId('run-step-1');
      await run.waitFor();
      await page.waitForFunction(
        () => !(document.querySelector('[data-testid="run-step-1"]') as HTMLButtonElement | null)?.disabled,
        undefined,
        { timeout: 60_000 },
      );
      await run.click();
      await page.getByTestId('step-1-response').waitFor({ timeout: 60_000 });
    },
  };
  const swagger: Target = {
    name: 'Swagger UI',
    url: peer.url,
    async firstCall(page) {
      const op = page.locator('[id^="operations-uploadToken-uploadToken"][id$="add"]');
      await op.locator('.opblock-summary').first().click({ timeout: 60_000 });
      await op.getByRole('button', { name: 'Try it out' }).click({ timeout: 60_000 });
      await op.getByRole('button', { name: 'Execute' }).click({ timeout: 60_000 });
      await op.locator('.live-responses-table .response-col_status').first().waitFor({ timeout: 60_000 });
    },
  };
  const targets = [ours, swagger];
  console.log(
    `machine: ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()} cores, node ${process.version}; dist ${process.env.NEXT_DIST_DIR}; load average at start ${load()}`,
  );
  console.log(`rounds: ${ROUNDS} (alternating ${targets.map((t) => t.name).join(' / ')}); Lighthouse runs: ${LH_RUNS} each`);

  const js = new Map<string, Array<{ count: number; gzip: number }>>();
  const block = new Map<string, Array<{ tbt: number; task: number }>>();
  const call = new Map<string, number[]>();
  const lh = new Map<string, Array<{ score: number; tbt: number; lcp: number; fcp: number }>>();
  for (const t of targets) {
    js.set(t.name, []);
    block.set(t.name, []);
    call.set(t.name, []);
    lh.set(t.name, []);
  }
  const loads: string[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const t of r % 2 ? [...targets].reverse() : targets) {
      js.get(t.name)!.push(await scriptBytes(browser, t.url));
      block.get(t.name)!.push(await blocking(browser, t.url));
      call.get(t.name)!.push(await firstCall(browser, t));
    }
    loads.push(load());
    console.log(
      `round ${r + 1}: load ${load()}  ` +
        targets
          .map(
            (t) =>
              `${t.name}: ${kb(js.get(t.name)!.at(-1)!.gzip)} KB, blocking ${block.get(t.name)!.at(-1)!.tbt.toFixed(0)} ms, first call ${call.get(t.name)!.at(-1)} ms`,
          )
          .join('; '),
    );
  }
  for (let r = 0; r < LH_RUNS; r++) {
    for (const t of r % 2 ? [...targets].reverse() : targets) {
      try {
        lh.get(t.name)!.push(await lighthouse(t.url));
      } catch (e) {
        console.error(`${t.name}: ${(e as Error).message}`);
      }
    }
    console.log(
      `lighthouse ${r + 1}: load ${load()}  ` + targets.map((t) => `${t.name}: ${lh.get(t.name)!.at(-1)?.score ?? 'failed'}`).join('; '),
    );
  }

  console.log(
    `\n${'page'.padEnd(14)} ${'JS gzip KB'.padStart(10)} ${'scripts'.padStart(7)} ${'block 4x ms'.padStart(11)} ${'task 4x s'.padStart(9)} ${'1st call 4x ms'.padStart(14)} ${'LH score'.padStart(8)} ${'LH TBT ms'.padStart(9)} ${'LH LCP ms'.padStart(9)}  LH scores`,
  );
  for (const t of targets) {
    const j = js.get(t.name)!;
    const b = block.get(t.name)!;
    const l = lh.get(t.name)!;
    console.log(
      `${t.name.padEnd(14)} ${kb(median(j.map((x) => x.gzip))).padStart(10)} ${String(median(j.map((x) => x.count))).padStart(7)} ${median(
        b.map((x) => x.tbt),
      )
        .toFixed(0)
        .padStart(11)} ${median(b.map((x) => x.task))
        .toFixed(2)
        .padStart(9)} ${median(call.get(t.name)!).toFixed(0).padStart(14)} ${String(median(l.map((x) => x.score))).padStart(8)} ${median(
        l.map((x) => x.tbt),
      )
        .toFixed(0)
        .padStart(9)} ${median(l.map((x) => x.lcp))
        .toFixed(0)
        .padStart(9)}  ${l.map((x) => x.score).join(' ')}`,
    );
  }
  const ratio = median(call.get(ours.name)!) / median(call.get(swagger.name)!);
  console.log(`first live call, ours / Swagger UI: ${ratio.toFixed(2)} (goal <= 0.5)`);
  console.log(`load averages after each round: ${loads.join(' | ')}; at the end ${load()}`);
  const o = {
    js: median(js.get(ours.name)!.map((x) => x.gzip)) / 1024,
    tbt: median(block.get(ours.name)!.map((x) => x.tbt)),
    lh: median(lh.get(ours.name)!.map((x) => x.score)),
  };
  const misses = [
    o.js > 200 && `JS ${o.js.toFixed(1)} KB > 200`,
    o.tbt > 300 && `blocking ${o.tbt.toFixed(0)} ms > 300`,
    o.lh < 90 && `Lighthouse ${o.lh} < 90`,
    ratio > 0.5 && `first call ratio ${ratio.toFixed(2)} > 0.5`,
  ].filter(Boolean);
  console.log(
    misses.length
      ? `goals not met: ${misses.join('; ')}`
      : 'goals met: JS <= 200 KB, blocking <= 300 ms, Lighthouse >= 90, first call <= 0.5x Swagger UI',
  );
} finally {
  await browser.close();
  peer?.server.close();
  await server.dispose();
}
