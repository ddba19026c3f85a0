import AxeBuilder from '@axe-core/playwright';
import { join, resolve } from 'node:path';
import { test, expect, type Page } from './fixtures';
import { startServer, type TestServer } from '../helpers/server';

async function expectNoViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(' '))
        .join('\n  ')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility (${colorScheme})`, () => {
    test.use({ colorScheme });

    test('index page has no axe violations', async ({ page }) => {
      await page.goto('/');
      await expect(page.locator('.recipe-grid-item').first()).toBeVisible();
      await expectNoViolations(page, `/ (${colorScheme})`);
      // Also with the search showing no results.
      await page.getByRole('searchbox', { name: 'Search recipes' }).fill('zebracorn');
      await expect(page.getByText(/No recipe matches/)).toBeVisible();
      await expectNoViolations(page, `/?q=zebracorn (${colorScheme})`);
    });

    test('recipe page has no axe violations', async ({ page }) => {
      await page.goto('/recipes/upload-media');
      await expect(page.locator('section.step')).toHaveCount(4);
      await expectNoViolations(page, `/recipes/upload-media (${colorScheme})`);
    });

    test('recipe page at phone width has no axe violations', async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto('/recipes/upload-media');
      await expectNoViolations(page, `/recipes/upload-media 375px (${colorScheme})`);
    });

    test('404 page has no axe violations', async ({ page, watch }) => {
      await page.goto('/recipes/no-such-recipe');
      await expectNoViolations(page, `404 (${colorScheme})`);
      expect(watch.consoleErrors).toEqual([expect.stringContaining('status of 404')]); // the page's own status
      watch.consoleErrors.length = 0;
      // Chromium asks for /favicon.ico on its own from this page: it must not be a second 404.
      const icon = await page.request.get('/favicon.ico');
      expect(icon.status()).toBe(200);
      expect(icon.headers()['content-type']).toBe('image/svg+xml');
    });
  });
}

const FIXTURES = join(resolve(import.meta.dirname, '../..'), 'tests/fixtures/recipes');
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

for (const colorScheme of ['light', 'dark'] as const) {
  brokenTest(`broken recipe page has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/recipes/extra/broken-recipe');
    await expect(page.getByTestId('problems-panel')).toBeVisible();
    await expectNoViolations(page, `/recipes/broken-recipe (${colorScheme})`);
  });
}
