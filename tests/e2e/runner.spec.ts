/**
 * The step runner in a real browser against the real sandbox, with no configuration.
 */
import { test, expect } from './fixtures';
import { makePng, runButton, stepRunner, stepStatus, waitConnected } from './runner-helpers';

test('the whole upload recipe: token, upload, entry, attach, READY, download equals the file', async ({ page }) => {
  const png = makePng(48, 32, 7);
  await page.goto('/recipes/upload-media');
  await waitConnected(page);

  // Step 2 waits for step 1.
  await expect(runButton(page, 2)).toBeDisabled();
  await expect(runButton(page, 2)).toHaveText('Run step 1 first');

  // Step 1: uploadToken.add
  await runButton(page, 1).click();
  await expect(stepStatus(page, 1)).toHaveText('✓ Done');
  await expect(page.getByTestId('step-1-response').getByTestId('http-status')).toHaveText('HTTP 200');
  await expect(page.locator('.toc-step[data-step-index="0"]')).toHaveAttribute('data-step-state', 'done');
  const token = await page.evaluate(() => {
    const raw = sessionStorage.getItem('recipe-console:runner:upload-media');
    return raw ? JSON.parse(raw).steps[0].outcome.response.id : null;
  });
  expect(token).toMatch(/^0_[0-9a-f]{32}$/);

  // Step 2: the token follows from step 1; upload the file.
  const s2 = stepRunner(page, 2);
  await expect(s2.getByLabel('uploadTokenId')).toHaveValue(token);
  await expect(s2.getByText('from step 1: id')).toBeVisible();
  await s2.getByLabel('fileData').setInputFiles({ name: 'pixels.png', mimeType: 'image/png', buffer: png });
  await runButton(page, 2).click();
  await expect(stepStatus(page, 2)).toHaveText('✓ Done', { timeout: 30_000 });
  await expect(page.getByTestId('step-2-response')).toContainText('"uploadedFileSize"');

  // Step 3: mediaType is a dropdown of labelled constants.
  const s3 = stepRunner(page, 3);
  const mediaType = s3.getByLabel('mediaType');
  await expect(mediaType.locator('option')).toContainText(['VIDEO [1]', 'IMAGE [2]', 'AUDIO [5]']);
  await mediaType.selectOption({ label: 'IMAGE [2]' });
  await s3.getByLabel('name').fill('Generated pixels');
  await runButton(page, 3).click();
  await expect(stepStatus(page, 3)).toHaveText('✓ Done');
  await expect(page.getByTestId('step-3-entry-status')).toContainText('NO_CONTENT');

  // Step 4: entryId and token come from steps 3 and 1; the resource class is preset.
  const s4 = stepRunner(page, 4);
  await expect(s4.getByLabel('objectType')).toHaveValue('KalturaUploadedFileTokenResource');
  await expect(s4.getByText('from step 3: id')).toBeVisible();
  await page.keyboard.press('Control+Enter'); // no focus in the step: nothing happens
  await s4.getByLabel('entryId').focus();
  await page.keyboard.press('Control+Enter');
  await expect(stepStatus(page, 4)).toHaveText('✓ Done');

  // The entry is READY (media.get) and its download equals the file.
  const status = page.getByTestId('step-4-entry-status');
  await status.getByRole('button', { name: /Check status/ }).click();
  await expect(status.getByTestId('entry-status-value')).toHaveText('READY [2]');
  const href = await status.getByTestId('entry-download').getAttribute('href');
  expect(href).toBeTruthy();
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(Buffer.compare(await res.body(), png)).toBe(0);
  for (const i of [0, 1, 2, 3]) await expect(page.locator(`.toc-step[data-step-index="${i}"]`)).toHaveAttribute('data-step-state', 'done');
});

test('a page reload keeps the session and the finished steps', async ({ page }) => {
  await page.goto('/recipes/upload-media');
  await waitConnected(page);
  const ks1 = await page.evaluate(() => JSON.parse(sessionStorage.getItem('recipe-console:connection') ?? '{}').ks);
  expect(ks1).toBeTruthy();
  await runButton(page, 1).click();
  await expect(stepStatus(page, 1)).toHaveText('✓ Done');
  await page.reload();
  await waitConnected(page);
  const ks2 = await page.evaluate(() => JSON.parse(sessionStorage.getItem('recipe-console:connection') ?? '{}').ks);
  expect(ks2).toBe(ks1);
  await expect(stepStatus(page, 1)).toHaveText('✓ Done');
  await expect(runButton(page, 2)).toHaveText('Run step 2');
  // The admin secret is never stored.
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain('test-admin-secret');
});

test('a bad KS shows the Kaltura error and the log-in prompt; logging in again works', async ({ page, server }) => {
  await page.goto('/recipes/upload-media');
  await waitConnected(page);
  await page.getByTestId('connection-summary').click();
  const panel = page.getByTestId('connection-panel');
  await panel.getByLabel('Kaltura endpoint: paste a KS').check();
  await panel.getByLabel('Service URL').fill(server.url);
  await panel.getByLabel('KS', { exact: true }).fill('djJ8MTAwMDA0Mnxub3QtYS1yZWFsLWtz');
  await panel.getByRole('button', { name: 'Use this KS' }).click();
  await expect(page.getByTestId('connection-who')).toContainText('partner 1000042');
  await expect(page.getByTestId('connection-state')).toHaveText('log in again');
  await page.getByTestId('connection-summary').click();

  await runButton(page, 1).click();
  const response = page.getByTestId('step-1-response');
  await expect(response.getByTestId('error-code')).toHaveText('INVALID_KS');
  await expect(stepStatus(page, 1)).toHaveText('Failed');
  await expect(page.locator('.toc-step[data-step-index="0"]')).toHaveAttribute('data-step-state', 'failed');
  const prompt = response.getByTestId('login-prompt');
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Open the connection panel' }).click();
  await panel.getByLabel('Built-in sandbox (no setup)').check();
  await panel.getByRole('button', { name: 'Start a new sandbox session' }).click();
  await waitConnected(page);
  await runButton(page, 1).click();
  await expect(stepStatus(page, 1)).toHaveText('✓ Done');
});

test('an admin secret logs in from the browser straight to the endpoint', async ({ page, server }) => {
  await page.goto('/recipes/upload-media');
  await waitConnected(page);
  await page.getByTestId('connection-summary').click();
  const panel = page.getByTestId('connection-panel');
  await panel.getByLabel('Kaltura endpoint: partner ID + admin secret').check();
  await panel.getByLabel('Service URL').fill(server.url);
  await panel.getByLabel('Partner ID', { exact: true }).fill(String(server.env.SANDBOX_PARTNER_ID));
  await panel.getByLabel('Admin secret', { exact: true }).fill('wrong-secret');
  const starts: string[] = [];
  page.on('request', (r) => r.url().includes('/service/session/action/start') && starts.push(r.url()));
  await panel.getByRole('button', { name: 'Start session' }).click();
  await expect(panel.getByRole('alert').first()).toContainText('START_SESSION_ERROR');
  await panel.getByLabel('Admin secret', { exact: true }).fill(server.env.SANDBOX_ADMIN_SECRET!);
  await panel.getByRole('button', { name: 'Start session' }).click();
  await expect(page.getByTestId('connection-state')).toHaveText(/expires in/);
  expect(starts.length).toBe(2);
  // Not remembered: nothing with the secret in storage.
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain(server.env.SANDBOX_ADMIN_SECRET);
});

test('a missing required value blocks the call and shows the message at the field', async ({ page }) => {
  await page.goto('/recipes/upload-media');
  await waitConnected(page);
  await runButton(page, 1).click();
  await expect(stepStatus(page, 1)).toHaveText('✓ Done');
  const uploads: string[] = [];
  page.on('request', (r) => r.url().includes('/action/upload') && uploads.push(r.url()));
  await runButton(page, 2).click();
  const s2 = stepRunner(page, 2);
  const input = s2.getByLabel('fileData');
  const message = s2.getByText('fileData is required: choose a file.');
  await expect(message).toBeVisible();
  const describedBy = await input.getAttribute('aria-describedby');
  const messageId = await message.getAttribute('id');
  expect(describedBy?.split(' ')).toContain(messageId);
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toBeFocused();
  await expect(s2.getByText('nothing was sent')).toBeVisible();
  expect(uploads).toEqual([]);
  await expect(stepStatus(page, 2)).toHaveText('');
});

test('a response of a few MB displays as a collapsible tree and as raw text', async ({ page }) => {
  const objects = Array.from({ length: 6000 }, (_, i) => ({
    objectType: 'KalturaMediaEntry',
    id: `0_${i.toString(36).padStart(8, '0')}`,
    name: `Entry number ${i}`,
    description: 'x'.repeat(600),
    tags: 'a, b, c',
    status: 2,
  }));
  const body = JSON.stringify({ objectType: 'KalturaMediaListResponse', objects, totalCount: objects.length });
  expect(body.length).toBeGreaterThan(4_000_000);
  await page.route('**/api_v3/service/media/action/list*', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
  await page.goto('/recipes/list-and-filter-media');
  await waitConnected(page);
  // Typing over the value from step 1 unblocks the step.
  await stepRunner(page, 2).getByLabel('nameLike').fill('Entry');
  await runButton(page, 2).click();
  const response = page.getByTestId('step-2-response');
  await expect(response.getByTestId('http-status')).toHaveText('HTTP 200');
  await expect(response).toContainText('[6000 items]');
  // Only what is open is rendered: no entry names yet.
  await expect(response.getByText('Entry number 0', { exact: true })).toHaveCount(0);
  await response.getByRole('button', { name: 'Expand objects' }).click();
  await expect(response.getByRole('button', { name: /Show more \(5900 left\)/ })).toBeVisible();
  await response.getByRole('button', { name: 'Raw' }).click();
  await expect(response.locator('.response-raw')).toContainText('"totalCount":6000');
});
