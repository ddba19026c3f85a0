/**
 * The authoring loop under `next start` on this machine: a recipe file edited in the recipes
 * folder shows on the open page by itself (server-sent events, no manual reload, the page's state
 * kept), a new file is listed on the next load of the index, a deleted one is a 404; and /author
 * shows what saving over an existing recipe changes before replacing it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from './fixtures';
import { startServer, type TestServer } from '../helpers/server';

const dir = mkdtempSync(join(tmpdir(), 'recipes-live-'));
cpSync(join(process.cwd(), 'recipes'), dir, { recursive: true });

const test = base.extend<object, { server: TestServer }>({
  server: [
    async ({}, use) => {
      // RECIPES_ALLOW_SAVE: /author may write into the (temporary) recipes folder, as under npm run dev.
      const server = await startServer({ env: { RECIPES_DIR: dir, RECIPES_ALLOW_SAVE: '1' } });
      await use(server);
      await server.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

test('an edited recipe file shows on the open page by itself, keeping the page', async ({ page }) => {
  const file = join(dir, 'start-and-inspect-session.md');
  const text = readFileSync(file, 'utf8');
  const title = /^# (.+)$/m.exec(text)![1];
  await page.goto('/recipes/start-and-inspect-session');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!);
  // Something only this page load has: a reload would lose it.
  await page.evaluate(() => ((window as unknown as { __sameLoad: boolean }).__sameLoad = true));
  // Let the page's event stream connect before saving.
  await page.waitForTimeout(300);
  writeFileSync(file, text.replace(`# ${title}`, `# ${title} (edited)`).replace(/^## /m, 'A new sentence in the intro.\n\n## '));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title} (edited)`, { timeout: 5000 });
  await expect(page.getByText('A new sentence in the intro.')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __sameLoad?: boolean }).__sameLoad)).toBe(true);
});

test('a new file is listed on the next load of the index; a deleted one is a 404', async ({ page, watch }) => {
  await page.goto('/');
  await expect(page.getByText('Brand new recipe')).toHaveCount(0);
  writeFileSync(
    join(dir, 'brand-new.md'),
    '<!--METADATA\n{ "summary": "Made during the test." }\n-->\n# Brand new recipe\n\nIntro.\n\n## Ping\n\n### API Call\n```json\n{ "method": "post", "path": "/service/system/action/ping", "parameters": [] }\n```\n',
  );
  await page.goto('/');
  await expect(page.getByRole('link', { name: /Brand new recipe/ })).toBeVisible();
  const res = await page.goto('/recipes/brand-new');
  expect(res?.status()).toBe(200);
  unlinkSync(join(dir, 'brand-new.md'));
  const gone = await page.goto('/recipes/brand-new');
  expect(gone?.status()).toBe(404);
  // The browser logs the 404 this test asked for; any other console error still fails the test.
  const expected = watch.consoleErrors.filter((e) => /status of 404/.test(e));
  expect(expected).toHaveLength(1);
  watch.consoleErrors.splice(watch.consoleErrors.indexOf(expected[0]!), 1);
  await page.goto('/');
  await expect(page.getByText('Brand new recipe')).toHaveCount(0);
});

test('the recipe block schemas are served for editors', async ({ request }) => {
  const a = await request.get('/schemas/api-call.schema.json');
  expect(a.status()).toBe(200);
  expect((await a.json()).title).toBe('Recipe API Call block');
  const m = await request.get('/schemas/metadata.schema.json');
  expect(m.status()).toBe(200);
  expect((await request.get('/schemas/other.json')).status()).toBe(404);
});

test('/author shows what saving over an existing recipe changes before replacing it', async ({ page, watch }) => {
  const file = join(dir, 'manage-upload-tokens.md');
  const before = readFileSync(file, 'utf8');
  await page.goto('/author?recipe=manage-upload-tokens');
  const editor = page.getByTestId('recipe-editor');
  await expect(editor.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await page.waitForFunction(() => !!(window as unknown as { __recipeEditor?: unknown }).__recipeEditor);
  await page.evaluate(() => {
    const ed = (window as unknown as { __recipeEditor: { getValue(): string; setValue(v: string): void } }).__recipeEditor;
    ed.setValue(ed.getValue().replace(/^# (.+)$/m, '# $1, revised'));
  });
  await page.getByRole('button', { name: 'Save to recipes/' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'already exists' })).toBeVisible();
  const diff = page.getByTestId('save-diff');
  await expect(diff).toBeVisible();
  await expect(diff.locator('.monaco-diff-editor')).toBeVisible();
  // The file has not changed yet; Cancel keeps it.
  expect(readFileSync(file, 'utf8')).toBe(before);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(diff).toHaveCount(0);
  await page.getByRole('button', { name: 'Save to recipes/' }).click();
  await page.getByRole('button', { name: 'Replace it' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved recipes/manage-upload-tokens.md' })).toBeVisible();
  expect(readFileSync(file, 'utf8')).toMatch(/^# .+, revised$/m);
  // The two 409 answers ("it exists") are logged by the browser as failed loads; nothing else may be.
  const conflicts = watch.consoleErrors.filter((e) => /status of 409/.test(e));
  expect(conflicts).toHaveLength(2);
  for (const c of conflicts) watch.consoleErrors.splice(watch.consoleErrors.indexOf(c), 1);
});
