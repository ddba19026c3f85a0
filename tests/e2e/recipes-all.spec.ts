/**
 * Every recipe in recipes/ renders, each step with an API call shows its form and Run button,
 * and nothing logs a console error (the fixture fails the test on any): with the built-in API
 * description, and with Kaltura's published one (RECIPES_API) when ../shared has it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page } from './fixtures';
import { parseRecipeFile } from '../helpers/parse-recipe';
import { startServer, type TestServer } from '../helpers/server';
import { REFERENCE_REL, sharedFile } from '../helpers/shared';
import { waitConnected } from './runner-helpers';

const dir = join(process.cwd(), 'recipes');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .sort();
const reference = sharedFile(REFERENCE_REL, "recipe pages rendered with Kaltura's published description");

async function rendersWithForms(page: Page, file: string): Promise<void> {
  const slug = file.replace(/\.md$/, '');
  const recipe = parseRecipeFile(join('recipes', file));
  expect(recipe.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  await page.goto(`/recipes/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(recipe.title);
  await expect(page.getByTestId('api-error')).toHaveCount(0);
  await waitConnected(page);
  for (const step of recipe.steps) {
    const n = step.index + 1;
    if (!step.apiCall?.path) continue;
    const runner = page.getByTestId(`step-${n}-runner`);
    await expect(runner).toBeVisible();
    await expect(runner.getByRole('form', { name: `Parameters of step ${n}` })).toBeVisible();
    await expect(page.getByTestId(`run-step-${n}`)).toBeVisible();
    // No note that the description lacks the operation or a parameter.
    await expect(runner.locator('.form-notes')).toHaveCount(0);
    // every visible input has an accessible name
    const unnamed = await runner
      .locator('input:not([type=hidden]), select, textarea')
      .evaluateAll((els) =>
        els.filter((e) => !(e as HTMLInputElement).labels?.length && !e.getAttribute('aria-label')).map((e) => e.outerHTML),
      );
    expect(unnamed).toEqual([]);
  }
}

base('there are at least thirteen recipes', () => {
  expect(files.length).toBeGreaterThanOrEqual(13);
});

for (const file of files) {
  base(`recipe ${file.replace(/\.md$/, '')} renders with its forms`, async ({ page }) => rendersWithForms(page, file));
}

const published = base.extend<object, { server: TestServer }>({
  server: [
    async ({}, use) => {
      const server = await startServer({ env: { RECIPES_API: reference.path } });
      await use(server);
      await server.dispose();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

published.describe('with RECIPES_API set to the published description', () => {
  published.skip(!reference.present, 'the published description is absent');
  for (const file of files) {
    published(`recipe ${file.replace(/\.md$/, '')} renders with its forms`, async ({ page }) => rendersWithForms(page, file));
  }
});
