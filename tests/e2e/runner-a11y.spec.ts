/**
 * The runner's states have no axe violations in either color scheme: responses (success and
 * Kaltura error), field errors, the open connection panel.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from './fixtures';
import { runButton, stepStatus, waitConnected } from './runner-helpers';

async function expectNoViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(' '))
        .join('\n  ')}`,
  );
  expect(summary, `axe violations: ${label}`).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`runner states are accessible (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/recipes/upload-media');
    await waitConnected(page);
    await runButton(page, 1).click();
    await expect(stepStatus(page, 1)).toHaveText('✓ Done');
    await runButton(page, 2).click(); // no file: a field error
    await expect(page.getByText('fileData is required: choose a file.')).toBeVisible();
    await expectNoViolations(page, `after runs and a field error (${colorScheme})`);
    await page.getByTestId('connection-summary').click();
    await expectNoViolations(page, `connection panel open (${colorScheme})`);
  });
}
