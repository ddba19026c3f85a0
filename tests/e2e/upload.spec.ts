/**
 * Chunked uploads in the browser, through the recipe runner's upload step, against a sandbox with
 * fault injection (about 10% of chunk calls fail, random delays): a 64 MB file ends FULL_UPLOAD, the
 * entry READY and its download equal to the file; pause and resume mid-way; a reload continues
 * where the token stopped, and another file is refused.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Route } from '@playwright/test';
import { startServer, type TestServer } from '../helpers/server';
import { test as base, expect, type Page } from './fixtures';
import { runButton, stepRunner, stepStatus, waitConnected } from './runner-helpers';

const FAULTS = { uploadFailBefore: 0.05, uploadFailAfter: 0.05, uploadDelayMs: [0, 150] };

// This file's own server: the same fixture, with fault injection switched on.
const test = base.extend<object, { server: TestServer }>({
  server: [
    async ({}, use) => {
      const server = await startServer({ env: { SANDBOX_FAULTS: JSON.stringify(FAULTS) } });
      await use(server);
      await server.dispose();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'upload-e2e-'));
});
test.afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function makeFile(name: string, mb: number): { path: string; sha: string } {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  for (let k = 0; k < mb; k++) writeSync(fd, randomBytes(1024 * 1024));
  closeSync(fd);
  return { path, sha: createHash('sha256').update(readFileSync(path)).digest('hex') };
}

async function runStep1(page: Page): Promise<string> {
  await runButton(page, 1).click();
  await expect(stepStatus(page, 1)).toHaveText('✓ Done');
  return page.evaluate(
    () => JSON.parse(sessionStorage.getItem('recipe-console:runner:upload-media')!).steps[0].outcome.response.id as string,
  );
}

const progressbar = (page: Page) => stepRunner(page, 2).getByRole('progressbar', { name: 'Upload progress' });
const percent = async (page: Page) => Number(await progressbar(page).getAttribute('aria-valuenow'));

/** The offset (resumeAt) an uploadToken.upload request sends, from its multipart body. */
function resumeAtOf(body: Buffer | null): number | undefined {
  const m = /name="resumeAt"\r\n\r\n(\d+)/.exec(body?.toString('latin1') ?? '');
  return m ? Number(m[1]) : undefined;
}

/**
 * Holds (leaves unanswered, as a slow network would) every chunk call from `from` bytes on, so an
 * upload stops at a known point: the server holds exactly [0, from) once the chunks before it are
 * done. `release` lets later calls through and drops the held ones.
 */
async function holdChunksFrom(page: Page, from: number) {
  let holding = true;
  const held: Route[] = [];
  const isUpload = (url: URL) => url.pathname.includes('/service/uploadToken/action/upload');
  await page.route(isUpload, async (route) => {
    const at = resumeAtOf(route.request().postDataBuffer());
    if (holding && at !== undefined && at >= from) held.push(route);
    else await route.fallback();
  });
  return {
    async release() {
      holding = false;
      await page.unroute(isUpload);
      for (const r of held) await r.abort().catch(() => {}); // their page is gone
    },
  };
}

/** Upload requests the page sends (chunk calls), counted as they leave. */
function countUploads(page: Page) {
  const c = { upload: 0, get: 0 };
  page.on('request', (r) => {
    if (r.url().includes('/service/uploadToken/action/upload')) c.upload++;
    if (r.url().includes('/service/uploadToken/action/get')) c.get++;
  });
  return c;
}

test('64 MB with 10% of chunk calls failing: pause, resume, FULL_UPLOAD, entry READY, download equals the file', async ({ page }) => {
  test.setTimeout(300_000);
  const file = makeFile('video-64.bin', 64);
  const calls = countUploads(page);
  await page.goto('/recipes/upload-media');
  await waitConnected(page);
  const token = await runStep1(page);

  const s2 = stepRunner(page, 2);
  await s2.getByLabel('fileData').setInputFiles(file.path);
  // The automatic choice for 64 MB is shown in the Advanced part.
  await s2.getByText('Advanced: how the file is sent').click();
  await expect(s2.getByText(/In 16 chunks of 4\.0 MB, 4 at a time/)).toBeVisible();
  // The last quarter waits (unanswered, as on a slow network) until after Pause: on a fast machine
  // the whole file could be sent between seeing 25% and the click, leaving no Pause to click.
  const hold = await holdChunksFrom(page, 48 * 1024 * 1024);
  await runButton(page, 2).click();

  // The progress bar is a progressbar with values for screen readers.
  const bar = progressbar(page);
  await expect(bar).toHaveAttribute('aria-valuemin', '0');
  await expect(bar).toHaveAttribute('aria-valuemax', '100');
  await expect.poll(() => percent(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(25);
  await expect(bar).toHaveAttribute('aria-valuetext', /MB of 64 MB \(\d+%\)/);

  // Pause: nothing more is sent until Resume.
  await s2.getByRole('button', { name: 'Pause' }).click();
  await expect(s2.getByRole('status').filter({ hasText: 'Paused' })).toBeVisible();
  const pausedAt = await percent(page);
  expect(pausedAt).toBeLessThan(100);
  const before = calls.upload;
  await page.waitForTimeout(1500);
  expect(calls.upload).toBe(before);
  expect(await percent(page)).toBeLessThanOrEqual(pausedAt);
  await hold.release();
  await s2.getByRole('button', { name: 'Resume' }).click();

  await expect(stepStatus(page, 2)).toHaveText('✓ Done', { timeout: 240_000 });
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  const chunks = await s2.getByTestId('upload-chunks').textContent();
  expect(chunks).toMatch(/^16\/16 done, \d+ failed, \d+ retried$/);
  const response = await page.evaluate(
    () => JSON.parse(sessionStorage.getItem('recipe-console:runner:upload-media')!).steps[1].outcome.response,
  );
  expect(response).toMatchObject({ id: token, status: 2, uploadedFileSize: 64 * 1024 * 1024 });
  // With 10% of chunk calls failing, 16 chunks and a final one, failures are near certain; each was retried.
  expect(calls.upload).toBeGreaterThanOrEqual(17);

  // Steps 3 and 4: an entry with the upload; READY; the download is the file.
  const s3 = stepRunner(page, 3);
  await s3.getByLabel('mediaType').selectOption({ label: 'VIDEO [1]' });
  await s3.getByLabel('name').fill('64 MB upload');
  await runButton(page, 3).click();
  await expect(stepStatus(page, 3)).toHaveText('✓ Done');
  await runButton(page, 4).click();
  await expect(stepStatus(page, 4)).toHaveText('✓ Done');
  const status = page.getByTestId('step-4-entry-status');
  await expect(async () => {
    await status.getByRole('button', { name: /Check status/ }).click();
    await expect(status.getByTestId('entry-status-value')).toHaveText('READY [2]', { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  const href = await status.getByTestId('entry-download').getAttribute('href');
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(
    createHash('sha256')
      .update(await res.body())
      .digest('hex'),
  ).toBe(file.sha);
});

test('a reload continues the upload where the token stopped; another file is refused', async ({ page }) => {
  test.setTimeout(300_000);
  const file = makeFile('movie-24.bin', 24);
  const other = makeFile('other-24.bin', 24);
  await page.goto('/recipes/upload-media');
  await waitConnected(page);
  await runStep1(page);

  const s2 = stepRunner(page, 2);
  await s2.getByLabel('fileData').setInputFiles(file.path);
  await s2.getByText('Advanced: how the file is sent').click();
  await s2.getByLabel('Chunk size').selectOption({ label: '1.0 MB' });
  await s2.getByLabel('Parallel streams').selectOption('2');
  await expect(s2.getByText(/In 24 chunks of 1\.0 MB, 2 at a time/)).toBeVisible();
  // The page goes away mid-upload, at a known point: the first 8 chunks done, the next ones in
  // flight (held). Waiting for a percentage instead raced the upload, which takes a few seconds
  // here: it could end before the reload, or leave a gap (a chunk still retrying while the other
  // stream went on) so the server held less than the percentage said.
  const held = await holdChunksFrom(page, 8 * 1024 * 1024);
  await runButton(page, 2).click();
  await expect(s2.getByTestId('upload-chunks')).toHaveText(/^8\/24 done/, { timeout: 120_000 });
  await expect(stepStatus(page, 2)).toHaveText('Running');
  await page.reload();
  await held.release();
  await waitConnected(page);

  // After the reload: the token is still step 1's, and the step says an upload did not finish.
  const note = s2.getByTestId('upload-resume-note');
  await expect(note).toContainText('An earlier upload of “movie-24.bin” (24 MB) to this upload token did not finish');

  // Another file is refused, with what to do.
  await s2.getByLabel('fileData').setInputFiles(other.path);
  await runButton(page, 2).click();
  await expect(stepStatus(page, 2)).toHaveText('Failed', { timeout: 60_000 });
  await expect(s2.getByTestId('call-error')).toContainText(
    /another file.*Pick the same file to continue that upload, or create a new upload token/,
  );

  // The same file continues: what the server held is not sent again.
  const calls = countUploads(page);
  await s2.getByLabel('fileData').setInputFiles(file.path);
  await runButton(page, 2).click();
  await expect(stepStatus(page, 2)).toHaveText('✓ Done', { timeout: 240_000 });
  await expect(s2.getByText(/Already on the server/)).toBeVisible();
  const skipped = await s2.getByText(/\(not sent again\)/).textContent();
  const skippedMb = Number(/([\d.]+) MB/.exec(skipped ?? '')?.[1]);
  // Exactly what the server held: the 8 chunks done before the reload.
  expect(skippedMb).toBe(8);
  // Fewer chunk calls than the whole file needs (24 + final), retries included.
  expect(calls.upload).toBeLessThan(25 - skippedMb + 10);
  const response = await page.evaluate(
    () => JSON.parse(sessionStorage.getItem('recipe-console:runner:upload-media')!).steps[1].outcome.response,
  );
  expect(response).toMatchObject({ status: 2, uploadedFileSize: 24 * 1024 * 1024 });
});
