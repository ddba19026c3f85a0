/**
 * Every recipe in recipes/ renders, each step with an API call shows its form and Run button,
 * and nothing logs a console error (the fixture fails the test on any).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { parseRecipeFile } from '../helpers/parse-recipe';
import { waitConnected } from './runner-helpers';

const dir = join(process.cwd(), 'recipes');
const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();

test('there are at least thirteen recipes', () => {
  expect(files.length).toBeGreaterThanOrEqual(13);
});

for (const file of files) {
  const slug = file.replace(/\.md$/, '');
  test(`recipe ${slug} renders with its forms`, async ({ page }) => {
    const recipe = parseRecipeFile(join('recipes', file));
    expect(recipe.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    await page.goto(`/recipes/${slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(recipe.title);
    await waitConnected(page);
    for (const step of recipe.steps) {
      const n = step.index + 1;
      if (!step.apiCall?.path) continue;
      const runner = page.getByTestId(`step-${n}-runner`);
      await expect(runner).toBeVisible();
      await expect(runner.getByRole('form', { name: `Parameters of step ${n}` })).toBeVisible();
      await expect(page.getByTestId(`run-step-${n}`)).toBeVisible();
      // every visible input has an accessible name
      const unnamed = await runner.locator('input:not([type=hidden]), select, textarea').evaluateAll((els) =>
        els.filter((e) => !(e as HTMLInputElement).labels?.length && !e.getAttribute('aria-label')).map((e) => e.outerHTML),
      );
      expect(unnamed).toEqual([]);
    }
  });
}
