import { join, resolve } from 'node:path';
import { test, expect, type PageWatch } from './fixtures';
import { startServer, type TestServer } from '../helpers/server';
import { parseRecipeFile } from '../helpers/parse-recipe';

/** Chromium logs the 404 status of the page itself as a console error: expected here, and only that. */
function expectOnly404s(watch: PageWatch, count: number): void {
  const is404 = (m: string) => m.includes('status of 404');
  expect(watch.consoleErrors.filter(is404)).toHaveLength(count);
  watch.consoleErrors.splice(0, watch.consoleErrors.length, ...watch.consoleErrors.filter((m) => !is404(m)));
}

const ROOT = resolve(import.meta.dirname, '../..');
const seed = parseRecipeFile('recipes/upload-media.md');

test.describe('recipe page', () => {
  test('shows the header, the intro, the TOC and the 4 steps with prose, operation and languages', async ({ page }) => {
    await page.goto('/recipes/upload-media');
    await expect(page).toHaveTitle(/Uploading Media Files/);
    await expect(page.getByRole('heading', { level: 1, name: 'Uploading Media Files' })).toBeVisible();
    await expect(page.locator('.recipe-header .tag')).toHaveText(['uploadToken', 'media']);
    await expect(page.locator('#intro')).toContainText('This recipe will walk you through the process of uploading new videos');

    expect(seed.steps).toHaveLength(4);
    const sections = page.locator('section.step');
    await expect(sections).toHaveCount(4);

    const toc = page.getByRole('navigation', { name: 'Table of contents' });
    const tocSteps = toc.locator('li.toc-step');
    await expect(tocSteps).toHaveCount(4);

    for (const step of seed.steps) {
      const n = step.index + 1;
      const section = page.locator(`section#step-${n}`);
      await expect(section).toHaveAttribute('aria-labelledby', `step-${n}-title`);
      await expect(section.getByRole('heading', { level: 2 })).toHaveText(`Step ${n}: ${step.title}`);
      await expect(page.getByRole('region', { name: step.title })).toHaveCount(1);
      // TOC item: link to the anchor, hook for the runner.
      const item = tocSteps.nth(step.index);
      await expect(item).toHaveAttribute('data-step-index', String(step.index));
      await expect(item.getByRole('link')).toHaveAttribute('href', `#step-${n}`);
      await expect(item.getByRole('link')).toContainText(step.title);
      // Operation (method and path) and languages.
      const method = (step.apiCall?.method ?? '').toUpperCase();
      await expect(section).toContainText(`${method} ${step.apiCall?.path}`);
      // The languages are the code pane's tabs (one compact control; no separate chip row).
      const tabs = section.locator('.code-samples [role="tab"]');
      expect(await tabs.evaluateAll((els) => els.map((e) => e.getAttribute('data-lang')))).toEqual(step.languages.map((l) => l.language));
    }

    // Prose rendered from markdown.
    const step1 = page.locator('#step-1');
    await expect(step1).toContainText("First you'll need to use uploadToken.add to create a new upload token.");
    await expect(step1.locator('.step-prose code').first()).toHaveText('uploadToken.add');
    // Steps 1 and 2 offer 11 languages (ajax hand-written, marked in its tab).
    await expect(step1.locator('.code-samples [role="tab"]')).toHaveCount(11);
    await expect(step1.getByRole('tab', { name: /\(hand-written\)/ })).toHaveText(['JavaScript (browser) ✎ (hand-written)']);
  });

  test('markdown is rendered safely: <br> is a line break, external links are noopener', async ({ page }) => {
    await page.goto('/recipes/upload-media');
    const prose2 = page.locator('#step-2 .step-prose');
    await expect(prose2.locator('br')).toHaveCount(1);
    await expect(prose2).not.toContainText('<br>');
    const ext = page.locator('#intro a[href^="https://github.com/kaltura/"]').first();
    await expect(ext).toHaveAttribute('rel', 'noopener noreferrer');
    // No raw HTML or script from the recipe reached the page.
    expect(await page.locator('article.recipe script').count()).toBe(0);
  });

  test('#step-3 deep-links to step 3, and TOC links move there too', async ({ page }) => {
    await page.goto('/recipes/upload-media#step-3');
    await expect(page.locator('#step-3')).toBeInViewport();
    await expect(page.locator('#step-3 h2')).toBeInViewport();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);

    // The TOC marks the section being read.
    const toc = page.getByRole('navigation', { name: 'Table of contents' });
    await expect(toc.locator('a[aria-current="location"]')).toHaveAttribute('href', '#step-3');

    await toc.getByRole('link', { name: /Step 4:/ }).click();
    await expect(page).toHaveURL(/#step-4$/);
    await expect(page.locator('#step-4 h2')).toBeInViewport();
    await expect(toc.locator('a[aria-current="location"]')).toHaveAttribute('href', '#step-4');
  });

  test('phone width (375 px): no horizontal scroll, TOC above the steps', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    for (const url of ['/', '/recipes/upload-media']) {
      await page.goto(url);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth, `${url} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
    }
    const tocBox = await page.locator('nav.toc').boundingBox();
    const step1Box = await page.locator('#step-1').boundingBox();
    expect(tocBox && step1Box && tocBox.y < step1Box.y).toBe(true);
    expect(tocBox!.width).toBeLessThanOrEqual(375);
  });

  test('an unknown or invalid slug is a 404', async ({ page, watch }) => {
    // The last one: fixture recipes exist only on servers started with RECIPES_EXTRA_DIR.
    // `%E0%A4%A` does not decode: without proxy.ts Next's router answers a bare 500.
    const urls = [
      '/recipes/no-such-recipe',
      '/recipes/Upload-Media',
      '/recipes/..%2Fpackage',
      '/recipes/extra/broken-recipe',
      '/recipes/%E0%A4%A',
      '/%',
    ];
    for (const url of urls) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(404);
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    }
    expectOnly404s(watch, urls.length);
  });

  test('a trailing slash redirects to the page without it', async ({ page }) => {
    const res = await page.request.get('/recipes/upload-media/', { maxRedirects: 0 });
    expect(res.status()).toBe(308);
    expect(res.headers()['location']).toBe('/recipes/upload-media');
    await page.goto('/recipes/upload-media/#step-2');
    expect(new URL(page.url()).pathname).toBe('/recipes/upload-media');
    await expect(page.locator('section.step')).toHaveCount(4);
  });
});

// A broken recipe is served from tests/fixtures/recipes through RECIPES_EXTRA_DIR: this group runs
// on its own server (a worker-scoped override of the `server` fixture).
const FIXTURES = join(ROOT, 'tests/fixtures/recipes');
const brokenTest = test.extend<object, { server: TestServer }>({
  server: [
    async ({}, use) => {
      const server = await startServer({ env: { RECIPES_EXTRA_DIR: FIXTURES } });
      await use(server);
      await server.dispose();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

brokenTest.describe('broken recipe page', () => {
  const broken = parseRecipeFile(join(FIXTURES, 'broken-recipe.md'));

  brokenTest('shows the steps that parse and every problem where it is, with line:col', async ({ page }) => {
    // The fixture really is broken: an error in step 2 (the JSON syntax error is on line 30),
    // one in step 3, and a warning for the metadata key that belongs to no step.
    const errors = broken.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.some((d) => d.stepIndex === 1 && d.line === 30)).toBe(true);
    expect(errors.some((d) => d.stepIndex === 2)).toBe(true);
    expect(broken.diagnostics.some((d) => d.stepIndex === undefined && d.line === 6)).toBe(true);

    const res = await page.goto('/recipes/extra/broken-recipe');
    expect(res?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'A Broken Recipe' })).toBeVisible();

    // Summary count.
    const nErr = errors.length;
    const nWarn = broken.diagnostics.length - nErr;
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    await expect(page.getByTestId('problems-summary')).toHaveText(`${plural(nErr, 'error')}, ${plural(nWarn, 'warning')}`);

    // Every step that parsed is shown.
    await expect(page.locator('section.step')).toHaveCount(broken.steps.length);
    await expect(page.locator('#step-1')).toContainText('Prose of the first step');
    await expect(page.locator('#step-1')).toContainText('POST /service/uploadtoken/action/add');
    await expect(page.locator('#finish')).toContainText('You reached the end of the broken recipe.');

    // Each diagnostic is shown in its step, or in the top panel when it has no step.
    for (const d of broken.diagnostics) {
      const where = d.stepIndex === undefined ? page.getByTestId('problems-panel') : page.getByTestId(`step-${d.stepIndex + 1}-problems`);
      const entry = where.locator('.diagnostic').filter({ hasText: d.message });
      await expect(entry.first()).toBeVisible();
      await expect(entry.first().locator('.diagnostic-pos')).toHaveText(`${d.line}:${d.column}`);
      await expect(entry.first().locator('.badge')).toHaveText(d.severity);
    }
    // The step without problems has no problem box; the TOC flags the steps with errors.
    await expect(page.getByTestId('step-1-problems')).toHaveCount(0);
    await expect(page.locator('li.toc-step[data-step-index="1"] .toc-problem')).toHaveCount(1);
    await expect(page.locator('li.toc-step[data-step-index="0"] .toc-problem')).toHaveCount(0);
  });

  brokenTest('the broken recipe is not listed on the index', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.recipe-grid-item[data-slug="upload-media"]')).toBeVisible();
    await expect(page.locator('.recipe-grid-item[data-slug="broken-recipe"]')).toHaveCount(0);
  });
});
