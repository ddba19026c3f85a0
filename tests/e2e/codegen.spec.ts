/**
 * Code samples in the real recipe page (real `next start`, real sandbox): they follow the form,
 * the chosen language is remembered across steps and visits, the copy button copies exactly what
 * is shown, and masked secrets are not in the copied text unless shown.
 */
import { test, expect } from './fixtures';
import { stepRunner, waitConnected } from './runner-helpers';

test('code samples follow the form, copy what is shown, and keep secrets masked', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/recipes/upload-media');
  await waitConnected(page);

  const s3 = stepRunner(page, 3);
  const samples = s3.locator('.code-samples');
  await samples.getByRole('tab', { name: 'Python' }).click();
  await expect(samples.getByRole('tab', { name: 'Python' })).toHaveAttribute('aria-selected', 'true');
  const code = samples.locator('pre.code-sample');

  // Typing in the form changes the sample.
  await s3.getByLabel('name').fill('First name');
  await expect(code).toContainText('entry.name = "First name"');
  await s3.getByLabel('name').fill('Second "quoted" name');
  await expect(code).toContainText('entry.name = "Second \\"quoted\\" name"');
  await expect(code).not.toContainText('First name');
  // Highlighted once the grammar has loaded (lazily), with the same text.
  await expect(code).toHaveAttribute('data-highlighted', 'true');
  await expect(code).toContainText('entry.name = "Second \\"quoted\\" name"');

  // The copy button copies exactly what is shown.
  await samples.getByRole('button', { name: 'Copy' }).click();
  await expect(samples.getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await code.textContent());
  expect(copied).toContain('client.media.add(entry)');

  // The language is remembered in every step, and after a reload.
  await expect(stepRunner(page, 1).locator('.code-samples [role="tab"][aria-selected="true"]')).toHaveText('Python');
  await page.reload();
  await waitConnected(page);
  await expect(stepRunner(page, 3).locator('.code-samples [role="tab"][aria-selected="true"]')).toHaveText('Python');

  // Arrow keys move between tabs (roving tabindex).
  const tabs = stepRunner(page, 3).locator('.code-samples [role="tablist"]');
  await tabs.getByRole('tab', { name: 'Python' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: 'Ruby' })).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.getByRole('tab', { name: 'Ruby' })).toBeFocused();
  await expect(tabs.getByRole('tab', { name: 'Ruby' })).toHaveAttribute('tabindex', '0');
  await expect(tabs.getByRole('tab', { name: 'Python' })).toHaveAttribute('tabindex', '-1');

  // curl carries the KS: masked by default, in the copy too, until "Show secrets".
  const s1 = stepRunner(page, 1).locator('.code-samples');
  await s1.getByRole('tab', { name: 'curl' }).click();
  const curl = s1.locator('pre.code-sample');
  await expect(curl).toContainText('KS=YOUR_KS');
  await s1.getByRole('button', { name: 'Copy' }).click();
  await expect(s1.getByRole('button', { name: 'Copied' })).toBeVisible();
  const masked = await page.evaluate(() => navigator.clipboard.readText());
  expect(masked).toContain('KS=YOUR_KS');

  await s1.getByLabel('Show secrets').check();
  await expect(curl).not.toContainText('YOUR_KS');
  const shownText = (await curl.textContent()) ?? '';
  const ks = /KS=(\S+)/.exec(shownText)?.[1] ?? '';
  expect(ks.length).toBeGreaterThan(20);
  expect(masked).not.toContain(ks);
  await s1.getByRole('button', { name: 'Copy' }).click();
  await expect(s1.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(ks);

  // "Include setup code" adds the client set-up and the session; the secret stays a placeholder.
  await s1.getByLabel('Show secrets').uncheck();
  await s1.getByLabel('Include setup code').check();
  await expect(curl).toContainText('session/action/start');
  await expect(curl).toContainText('secret=YOUR_ADMIN_SECRET');
  await expect(curl).not.toContainText(ks);
});

test('the whole recipe: one program that chains the steps, follows the form, and downloads as shown', async ({ page }) => {
  await page.goto('/recipes/upload-media');
  await waitConnected(page);
  const whole = page.locator('.whole-recipe-code');
  await whole.getByRole('tab', { name: 'Python' }).click();
  const code = whole.locator('pre.code-sample');
  await expect(code).toContainText('client.session.start(secret, user_id, type, partner_id, expiry)');
  await expect(code).toContainText('secret = "YOUR_ADMIN_SECRET"');
  // Step 2 uses step 1's result variable, step 4 those of steps 3 and 1.
  await expect(code).toContainText('upload_token_id = upload_token.id');
  await expect(code).toContainText('entry_id = media_entry.id');
  await expect(code).toContainText('resource.token = upload_token.id');

  await stepRunner(page, 3).getByLabel('name').fill('Whole program name');
  await expect(code).toContainText('entry.name = "Whole program name"');

  const [download] = await Promise.all([page.waitForEvent('download'), whole.getByRole('button', { name: /^Download / }).click()]);
  expect(download.suggestedFilename()).toBe('uploading-media-files.py');
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(path, 'utf8')).toBe(await code.textContent());

  await whole.getByRole('tab', { name: 'curl' }).click();
  await expect(whole.getByRole('button', { name: /^Download / })).toHaveText('Download uploading-media-files.sh');
  await expect(code).toContainText('STEP1_ID=$(printf');
});
