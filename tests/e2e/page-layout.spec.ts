/**
 * The recipe page as a docs playground (issue 13), in a real browser against the real sandbox:
 * two panes with sticky code and response at 1280 px, one column without horizontal scroll at
 * 375 px, one compact language control remembered across steps (a generated sample by default,
 * hand-written samples in their tab), the whole-recipe program as its own section, the named
 * placeholder path for upload code (and that the code runs once it is filled in), required
 * markers, the entry status live region, the connection button and "Step N: ..." headings.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from './fixtures';
import { makePng, runButton, stepRunner, stepStatus, waitConnected } from './runner-helpers';

type Box = { x: number; y: number; width: number; height: number };

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not visible`);
  return b;
}

test.describe('at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('each step is two panes: prose and form left, code and response right, sticky while the left scrolls', async ({ page }) => {
    await page.goto('/recipes/upload-media');
    await waitConnected(page);
    for (const n of [1, 2, 3, 4]) {
      const main = await box(page, `[data-testid="step-${n}-runner"] > .step-main`);
      const side = await box(page, `[data-testid="step-${n}-runner"] > .step-side`);
      expect(side.x, `step ${n}: the code pane is right of the form`).toBeGreaterThanOrEqual(main.x + main.width);
      expect(Math.abs(side.y - main.y), `step ${n}: the panes start together`).toBeLessThan(4);
      expect(main.width).toBeGreaterThan(380);
      expect(side.width).toBeGreaterThan(380);
      // The left pane holds the heading, prose and form; the right one the code samples.
      await expect(page.locator(`[data-testid="step-${n}-runner"] > .step-main`).getByRole('heading', { level: 2 })).toHaveText(
        /^Step \d+: /,
      );
      await expect(page.locator(`[data-testid="step-${n}-runner"] > .step-main form`)).toHaveCount(1);
      await expect(page.locator(`[data-testid="step-${n}-runner"] > .step-side .code-samples`)).toHaveCount(1);
    }
    // The response appears in the right pane.
    await runButton(page, 1).click();
    await expect(stepStatus(page, 1)).toHaveText('✓ Done');
    await expect(page.locator('[data-testid="step-1-runner"] > .step-side [data-testid="step-1-response"]')).toBeVisible();

    // Sticky: scroll the step whose left pane is the tallest past the top; the right pane stays.
    const heights = await page.evaluate(() =>
      [1, 2, 3, 4].map((n) => {
        const root = document.querySelector(`[data-testid="step-${n}-runner"]`)!;
        return (
          root.querySelector('.step-main')!.getBoundingClientRect().height -
          root.querySelector('.step-side')!.getBoundingClientRect().height
        );
      }),
    );
    const n = heights.indexOf(Math.max(...heights)) + 1;
    expect(heights[n - 1], 'some step has a left pane taller than its right one').toBeGreaterThan(150);
    const sel = `[data-testid="step-${n}-runner"]`;
    expect(await page.locator(`${sel} > .step-side`).evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
    const mainTop = await page.locator(`${sel} > .step-main`).evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    await page.evaluate((y) => window.scrollTo(0, y), mainTop + heights[n - 1]! / 2);
    await expect
      .poll(async () => page.locator(`${sel} > .step-side`).evaluate((el) => Math.round(el.getBoundingClientRect().top)))
      .toBe(16);
    expect(await page.locator(`${sel} > .step-main`).evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(0);
  });
});

test.describe('at 375 px', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('one column, no horizontal scroll; the language control scrolls on one line', async ({ page }) => {
    await page.goto('/recipes/upload-media');
    await waitConnected(page);
    const noSideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await noSideways()).toBe(0);
    for (const n of [1, 2, 3, 4]) {
      const main = await box(page, `[data-testid="step-${n}-runner"] > .step-main`);
      const side = await box(page, `[data-testid="step-${n}-runner"] > .step-side`);
      expect(side.y, `step ${n}: the code comes below the form`).toBeGreaterThanOrEqual(main.y + main.height);
    }
    const tabs = stepRunner(page, 2).getByRole('tablist', { name: 'Sample language' });
    const geometry = await tabs.evaluate((el) => ({
      tops: [...el.querySelectorAll('[role="tab"]')].map((t) => (t as HTMLElement).offsetTop),
      scrolls: el.scrollWidth > el.clientWidth,
    }));
    expect(new Set(geometry.tops).size, 'every tab on one line').toBe(1);
    expect(geometry.scrolls).toBe(true);
    // Choosing a tab out of view scrolls the list, not the page.
    await tabs.getByRole('tab', { name: 'Swift' }).click();
    await expect(tabs.getByRole('tab', { name: 'Swift' })).toBeInViewport();
    await runButton(page, 1).click();
    await expect(stepStatus(page, 1)).toHaveText('✓ Done');
    await page.getByTestId('connection-summary').click();
    expect(await noSideways()).toBe(0);
  });
});

test('one language control, generated by default, remembered across steps and visits; no chip row', async ({ page }) => {
  const chunks: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && chunks.push(r.url()));
  await page.goto('/recipes/upload-media');
  await waitConnected(page);
  await expect(page.getByText('Sample code', { exact: true })).toHaveCount(0);
  await expect(page.locator('.step-languages')).toHaveCount(0);
  // Default: the generated curl sample in every step (step 1 has a hand-written jQuery one).
  for (const n of [1, 2, 3, 4]) {
    await expect(stepRunner(page, n).locator('.code-samples [role="tab"][aria-selected="true"]')).toHaveText('curl');
  }
  const s1 = stepRunner(page, 1).locator('.code-samples');
  await expect(s1.locator('pre.code-sample')).toContainText('uploadToken/action/add');
  // The server made and highlighted them: still its text once connected, no generator loaded.
  await expect(s1.locator('[role="tabpanel"]')).toHaveAttribute('data-source', 'server');
  await expect(s1.locator('pre.code-sample')).toHaveAttribute('data-highlighted', 'true');
  const ajax = s1.getByRole('tab', { name: 'JavaScript (browser) (hand-written)' });
  await expect(ajax).toHaveCount(1);
  await ajax.click();
  await expect(s1.locator('pre.code-sample')).toContainText('fileupload({');
  // The choice applies to every step...
  await stepRunner(page, 3).locator('.code-samples').getByRole('tab', { name: 'Python' }).click();
  for (const n of [1, 2, 3, 4]) {
    await expect(stepRunner(page, n).locator('.code-samples [role="tab"][aria-selected="true"]')).toHaveText('Python');
  }
  await expect(page.locator('#whole-program [role="tab"][aria-selected="true"]')).toHaveText('Python');
  // ...and the next visit starts there, rendered by the server.
  await page.reload();
  await waitConnected(page);
  const s3 = stepRunner(page, 3).locator('.code-samples');
  await expect(s3.locator('[role="tab"][aria-selected="true"]')).toHaveText('Python');
  await expect(s3.locator('[role="tabpanel"]')).toHaveAttribute('data-source', 'server');
  await expect(s3.locator('pre.code-sample')).toContainText('client.media.add(entry)');
});

test('no generator or highlighter loads until a value changes; then only the visible sample is highlighted', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('/recipes/upload-media');
  await waitConnected(page);
  await page.waitForLoadState('networkidle');
  const before = scripts.length;
  expect(workers).toEqual([]);
  for (const n of [1, 2, 3, 4]) await expect(stepRunner(page, n).locator('[role="tabpanel"]')).toHaveAttribute('data-source', 'server');
  // A change: step 3's sample follows the form, highlighted off the main thread.
  const s3 = stepRunner(page, 3);
  await s3.getByLabel('name').fill('Typed name');
  const code = s3.locator('pre.code-sample');
  await expect(code).toContainText("'entry[name]=Typed name'");
  await expect(code).toHaveAttribute('data-highlighted', 'true');
  expect(workers.length).toBe(1);
  expect(scripts.length).toBeGreaterThan(before);
});

test('the whole-recipe program is its own section after the last step, with its language choice, Copy and Download', async ({ page }) => {
  await page.goto('/recipes/upload-media');
  await waitConnected(page);
  const section = page.locator('section#whole-program');
  await expect(section.getByRole('heading', { level: 2, name: 'The whole recipe as one program' })).toBeVisible();
  const after = await page.evaluate(() => {
    const last = document.getElementById('step-4')!;
    const sec = document.getElementById('whole-program')!;
    return !!(last.compareDocumentPosition(sec) & Node.DOCUMENT_POSITION_FOLLOWING) && !last.contains(sec);
  });
  expect(after).toBe(true);
  await expect(section.getByRole('tablist', { name: 'Program language' })).toBeVisible();
  await expect(section.getByRole('button', { name: 'Copy' })).toBeVisible();
  await expect(section.getByRole('button', { name: 'Download uploading-media-files.sh' })).toBeVisible();
  await expect(section.locator('pre.code-sample')).toContainText('FILE_DATA=/path/to/video.mp4');
  await expect(page.getByRole('navigation', { name: 'Table of contents' }).getByRole('link', { name: 'Whole program' })).toHaveAttribute(
    'href',
    '#whole-program',
  );
});

test('before a file is chosen, upload code names /path/to/video.mp4; filled in, the code runs; after the pick it shows the name', async ({
  page,
}) => {
  await page.goto('/recipes/upload-media');
  await waitConnected(page);
  await runButton(page, 1).click();
  await expect(stepStatus(page, 1)).toHaveText('✓ Done');
  const s2 = stepRunner(page, 2).locator('.code-samples');
  const code = s2.locator('pre.code-sample');
  await expect(code).toContainText('FILE_DATA=/path/to/video.mp4');
  await expect(code).toContainText('-F "fileData=@${FILE_DATA}"');
  await expect(code).not.toContainText('null');
  await s2.getByLabel('Show secrets').check();
  await expect(code).not.toContainText('YOUR_KS');
  const script = (await code.textContent()) ?? '';

  const dir = mkdtempSync(join(tmpdir(), 'placeholder-run-'));
  try {
    const png = makePng(20, 10, 3);
    const file = join(dir, 'clip.png');
    writeFileSync(file, png);
    // The reader's one edit: the path in the variable at the top.
    const filled = script.replace('FILE_DATA=/path/to/video.mp4', `FILE_DATA='${file}'`);
    expect(filled).not.toContain('/path/to/video.mp4');
    const out = execFileSync('bash', ['-euo', 'pipefail', '-c', `${filled}\n`], { encoding: 'utf8', timeout: 30_000 });
    const answer = JSON.parse(out) as { objectType: string; fileSize?: number; uploadedFileSize?: number };
    expect(answer.objectType).toBe('KalturaUploadToken');
    expect(answer.uploadedFileSize ?? answer.fileSize).toBe(png.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  await stepRunner(page, 2)
    .getByLabel('fileData')
    .setInputFiles({ name: 'holiday.png', mimeType: 'image/png', buffer: makePng(4, 4, 1) });
  await expect(code).toContainText('fileData=@/path/to/holiday.png');
  await expect(code).not.toContainText('FILE_DATA');
});

test('required fields are marked: entry.mediaType in the upload recipe', async ({ page }) => {
  await page.goto('/recipes/upload-media');
  await waitConnected(page);
  const s3 = stepRunner(page, 3);
  const field = s3.locator('[data-field="body.entry.mediaType"]');
  await expect(field.locator('.field-required')).toHaveText('*');
  await expect(s3.getByRole('combobox', { name: /mediaType.*\(required\)/ })).toBeVisible();
  await expect(s3.getByLabel('mediaType').locator('option').first()).toHaveText('— choose —');
  await expect(s3.locator('[data-field="body.entry.name"] .field-required')).toHaveCount(0);
  // Not chosen: the run stops at the field, nothing is sent.
  let sent = 0;
  page.on('request', (r) => r.url().includes('/service/media/action/add') && sent++);
  await s3.getByLabel('mediaType').selectOption('');
  await runButton(page, 3).click();
  await expect(field.locator('.field-message')).toBeVisible();
  expect(sent).toBe(0);
});

const haveFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0 && spawnSync('ffprobe', ['-version']).status === 0;
if (!haveFfmpeg)
  console.warn(
    'page-layout.spec: ffmpeg/ffprobe not installed: the entry-status live region test (a video, PRECONVERT -> READY) is skipped.',
  );

test('the entry status is announced in a live region (PRECONVERT, then READY)', async ({ page }) => {
  test.skip(!haveFfmpeg, 'needs ffmpeg and ffprobe (a video is PRECONVERT until ffprobe has read it)');
  const dir = mkdtempSync(join(tmpdir(), 'live-region-'));
  let video: Buffer;
  try {
    const path = join(dir, 'clip.mp4');
    const r = spawnSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'testsrc=duration=1.5:size=160x120:rate=10',
      '-c:v',
      'mpeg4',
      path,
    ]);
    expect(r.status, String(r.stderr)).toBe(0);
    video = readFileSync(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await page.goto('/recipes/upload-media');
  await waitConnected(page);
  await runButton(page, 1).click();
  await expect(stepStatus(page, 1)).toHaveText('✓ Done');
  await stepRunner(page, 2).getByLabel('fileData').setInputFiles({ name: 'clip.mp4', mimeType: 'video/mp4', buffer: video });
  await runButton(page, 2).click();
  await expect(stepStatus(page, 2)).toHaveText('✓ Done', { timeout: 30_000 });
  await stepRunner(page, 3).getByLabel('mediaType').selectOption({ label: 'VIDEO [1]' });
  await runButton(page, 3).click();
  await expect(stepStatus(page, 3)).toHaveText('✓ Done');
  // Record what step 4's live region says, from the moment it exists.
  await page.evaluate(() => {
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="step-4-entry-live"]');
      const t = el?.textContent ?? '';
      if (t && said[said.length - 1] !== t) said.push(t);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await runButton(page, 4).click();
  await expect(stepStatus(page, 4)).toHaveText('✓ Done');
  const live = page.getByTestId('step-4-entry-live');
  await expect(live).toHaveAttribute('role', 'status');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await expect(live).toContainText('READY', { timeout: 30_000 });
  const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
  expect(said[0]).toMatch(/^Entry \S+ is (PRECONVERT|PENDING|IMPORT)/);
  expect(said[said.length - 1]).toMatch(/^Entry \S+ is READY\.$/);
});

test('the connection control is a named button; step headings read "Step N: ..."', async ({ page }) => {
  await page.goto('/recipes/upload-media');
  await waitConnected(page);
  const button = page.getByRole('button', { name: /^Connection: Sandbox · partner \d+/ });
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('group', { name: 'Connection settings' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(button).toBeFocused();
  const headings = await page.locator('section.step h2').allInnerTexts();
  expect(headings).toHaveLength(4);
  for (const [i, h] of headings.entries()) expect(h).toMatch(new RegExp(`^Step ${i + 1}: \\S`));
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1: Uploading Media Files/ })).toBeVisible();
});
