/**
 * Each new recipe walked through end to end in the browser against the sandbox.
 */
import { test, expect } from './fixtures';
import { runButton, stepRunner, stepStatus, waitConnected } from './runner-helpers';

async function runAndExpectDone(page: import('@playwright/test').Page, n: number) {
  await runButton(page, n).click();
  await expect(stepStatus(page, n)).toHaveText('✓ Done');
}

test('list and filter media: create, list by the name given in step 1, read the first match, demo', async ({ page }) => {
  await page.goto('/recipes/list-and-filter-media');
  await waitConnected(page);
  const name = `Sunset ${Date.now()}`;
  await stepRunner(page, 1).getByLabel('name').fill(name);
  await runAndExpectDone(page, 1);
  const s2 = stepRunner(page, 2);
  await expect(s2.getByLabel('nameLike')).toHaveValue(name);
  await expect(s2.getByText('from step 1 input: body.entry.name')).toBeVisible();
  await s2.getByLabel('mediaTypeEqual').selectOption({ label: 'VIDEO [1]' });
  await runAndExpectDone(page, 2);
  const r2 = page.getByTestId('step-2-response');
  await expect(r2).toContainText('"totalCount": 1');
  await expect(r2).toContainText(name);
  await runAndExpectDone(page, 3);
  await expect(page.getByTestId('step-3-response')).toContainText(name);
  const frame = page.getByTestId('step-3-demo');
  await expect(frame).toHaveAttribute('sandbox', 'allow-scripts');
  const inner = page.frameLocator('[data-testid="step-3-demo"]');
  await expect(inner.locator('#entry')).toHaveText(/^0_[0-9a-z]{8}$/);
  await expect(inner.locator('#len')).toHaveText('Its id has 10 characters.');
  // The demo cannot reach the console's storage (no allow-same-origin).
  const canRead = await frame.evaluate((el: HTMLIFrameElement) => {
    try {
      return !!el.contentWindow!.document;
    } catch {
      return false;
    }
  });
  expect(canRead).toBe(false);
});

test('update and delete an entry: the update shows in media.get, the list is empty after delete', async ({ page }) => {
  await page.goto('/recipes/update-and-delete-entry');
  await waitConnected(page);
  await runAndExpectDone(page, 1);
  await runAndExpectDone(page, 2);
  await expect(page.getByTestId('step-2-response')).toContainText('"Final title"');
  await runAndExpectDone(page, 3);
  const r3 = page.getByTestId('step-3-response');
  await expect(r3).toContainText('"Final title"');
  await expect(r3).toContainText('"ref-001"');
  await runAndExpectDone(page, 4);
  await runAndExpectDone(page, 5);
  await expect(page.getByTestId('step-5-response')).toContainText('"totalCount": 0');
  // Re-running step 1 makes the later steps follow the new entry.
  const first = await page.getByTestId('step-2-runner').getByLabel('entryId').inputValue();
  await runAndExpectDone(page, 1);
  await expect(page.getByTestId('step-2-runner').getByLabel('entryId')).not.toHaveValue(first);
});

test('start and inspect a session: current session, a USER session with privileges, read back', async ({ page, server }) => {
  await page.goto('/recipes/start-and-inspect-session');
  await waitConnected(page);
  await runAndExpectDone(page, 1);
  await expect(page.getByTestId('step-1-response')).toContainText('"sessionType": 2');
  const s2 = stepRunner(page, 2);
  await expect(s2.getByLabel('type')).toHaveValue(/.+/);
  await expect(s2.getByLabel('partnerId')).toHaveValue(String(server.env.SANDBOX_PARTNER_ID));
  await expect(runButton(page, 3)).toHaveText('Run step 2 first');
  await s2.locator('#s2-f-secret').fill(server.env.SANDBOX_ADMIN_SECRET!);
  await runAndExpectDone(page, 2);
  await runAndExpectDone(page, 3);
  const r3 = page.getByTestId('step-3-response');
  await expect(r3).toContainText('"userId": "alice"');
  await expect(r3).toContainText('"sessionType": 0');
  await expect(r3).toContainText('sview:*');
  // The secret typed into the form is not kept in storage.
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain(server.env.SANDBOX_ADMIN_SECRET);
});

test('manage upload tokens: create, list pending, pick one from a dropdown filled by the API, delete it', async ({ page }) => {
  await page.goto('/recipes/manage-upload-tokens');
  await waitConnected(page);
  await runAndExpectDone(page, 1);
  const token = await page.evaluate(
    () => JSON.parse(sessionStorage.getItem('recipe-console:runner:manage-upload-tokens')!).steps[0].outcome.response.id as string,
  );
  await runAndExpectDone(page, 2);
  await expect(page.getByTestId('step-2-response')).toContainText(token);
  // A second token with the same file name: the choices still read differently.
  await runAndExpectDone(page, 1);
  const pick = stepRunner(page, 3).getByLabel('uploadTokenId');
  // The dropdown is filled by uploadToken.list: "fileName · created <time> [id]"; the token this
  // walk made last (step 1's result) is chosen and marked.
  const token2 = await page.evaluate(
    () => JSON.parse(sessionStorage.getItem('recipe-console:runner:manage-upload-tokens')!).steps[0].outcome.response.id as string,
  );
  expect(token2).not.toBe(token);
  await expect(pick.locator('option', { hasText: token2 })).toHaveText(
    new RegExp(`^holiday\\.mp4 · created [0-9: -]+ · made in step 1 \\[${token2}\\]$`),
  );
  await expect(pick.locator('option', { hasText: token })).toHaveText(
    new RegExp(`^holiday\\.mp4 · created [0-9: -]+( · #\\d)? \\[${token}\\]$`),
  );
  const texts = await pick.locator('option').allTextContents();
  expect(new Set(texts).size).toBe(texts.length);
  await expect(pick).toHaveValue(/./);
  expect(await pick.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toContain(token2);
  await pick.selectOption({ label: (await pick.locator('option', { hasText: token }).textContent())! });
  await runAndExpectDone(page, 3);
  await expect(page.getByTestId('step-3-response')).toContainText('"fileName": "holiday.mp4"');
  const s4 = stepRunner(page, 4);
  await expect(s4.getByText('from step 3 input: uploadTokenId')).toBeVisible();
  await expect(s4.getByLabel('uploadTokenId')).toHaveValue(token);
  await runAndExpectDone(page, 4);
  await runAndExpectDone(page, 2);
  await expect(page.getByTestId('step-2-response')).not.toContainText(token);
  // The dropdown was refreshed after the delete (the chosen id stays shown as typed, not as a choice).
  await expect(pick.locator('option', { hasText: new RegExp(`^holiday\\.mp4 .*\\[${token}\\]$`) })).toHaveCount(0);
});
