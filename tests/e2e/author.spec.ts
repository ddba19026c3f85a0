/**
 * /author: write a recipe in the browser with live diagnostics, run it in the preview against the
 * sandbox, download it; and Monaco stays out of the recipe pages' JavaScript.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from './fixtures';
import { DIST_DIR, ROOT } from '../helpers/build';
import { scriptUrls } from '../helpers/page-js';

const FENCE = '```';

/** Two steps: uploadToken.add, then uploadToken.get of the token step 1 (fromStep 0) created. */
function twoStepRecipe(fromStep: number): string {
  return [
    '<!--METADATA',
    '{ "summary": "Create an upload token and read it back.", "tags": ["uploadToken"], "sortOrder": 5000 }',
    '-->',
    '',
    '# Upload token round trip',
    'Creates a token, then reads it back by its id.',
    '',
    '## Create a token',
    'An empty token.',
    '',
    '### API Call',
    `${FENCE}json`,
    '{',
    '  "method": "post",',
    '  "path": "/service/uploadtoken/action/add",',
    '  "parameters": []',
    '}',
    FENCE,
    '',
    '## Read the token back',
    'The id comes from step 1.',
    '',
    '### API Call',
    `${FENCE}json`,
    '{',
    '  "method": "post",',
    '  "path": "/service/uploadtoken/action/get",',
    '  "parameters": [',
    '    {',
    '      "name": "uploadTokenId",',
    '      "dynamicValue": {',
    `        "fromStep": ${fromStep},`,
    '        "value": "id"',
    '      }',
    '    }',
    '  ]',
    '}',
    FENCE,
    '',
  ].join('\n');
}

interface Marker {
  severity: number;
  message: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  code?: string;
}

async function openEditor(page: Page, path = '/author'): Promise<void> {
  await page.goto(path);
  await page.waitForFunction(() => !!window.__recipeEditor && !!window.__monaco, null, { timeout: 60_000 });
}

/** Sets the editor's text and waits until the linter has answered for exactly that text. */
async function setSource(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => window.__recipeEditor!.setValue(t), text);
  await page.waitForFunction((t) => window.__recipeLint?.source === t, text);
}

async function markers(page: Page): Promise<Marker[]> {
  return page.evaluate(() => {
    const m = window.__monaco!;
    const model = window.__recipeEditor!.getModel()!;
    return m.editor.getModelMarkers({ owner: 'recipe-lint', resource: model.uri }).map((x) => ({
      severity: x.severity,
      message: x.message,
      startLineNumber: x.startLineNumber,
      startColumn: x.startColumn,
      endLineNumber: x.endLineNumber,
      endColumn: x.endColumn,
      ...(typeof x.code === 'string' ? { code: x.code } : {}),
    }));
  });
}

test.describe('authoring in the browser', () => {
  test('a two-step recipe: a wrong fromStep is marked at its line, fixed, run in the preview, downloaded lint-clean', async ({
    page,
  }, testInfo) => {
    await openEditor(page);
    // The template is loaded and lints clean.
    await expect(page.getByTestId('problems')).toContainText('No problems');

    // Step 1 (index 1) refers to itself: an error at the fromStep line.
    const broken = twoStepRecipe(1);
    await setSource(page, broken);
    const fromStepLine = broken.split('\n').findIndex((l) => l.includes('"fromStep": 1')) + 1;
    const ms = await markers(page);
    const errors = ms.filter((m) => m.severity === 8 /* MarkerSeverity.Error */);
    expect(errors, JSON.stringify(ms)).toHaveLength(1);
    expect(errors[0]!.startLineNumber).toBe(fromStepLine);
    expect(errors[0]!.message).toMatch(/step/i);
    // The marker's code is the rule id, as `npm run recipes:lint` prints it.
    expect(errors[0]!.code).toBe('from-step-self');
    expect(errors[0]!.endLineNumber > errors[0]!.startLineNumber || errors[0]!.endColumn > errors[0]!.startColumn).toBe(true);

    // The problems list shows it; choosing it moves the cursor there.
    const problem = page.getByTestId('problems').locator(`button[data-line="${fromStepLine}"]`);
    await expect(problem).toHaveCount(1);
    await expect(problem).toContainText(errors[0]!.message);
    await expect(problem.locator('.author-problem-rule')).toHaveText('from-step-self');
    await page.evaluate(() => window.__recipeEditor!.setPosition({ lineNumber: 1, column: 1 }));
    await problem.focus();
    await page.keyboard.press('Enter');
    const pos = await page.evaluate(() => window.__recipeEditor!.getPosition());
    expect(pos).toEqual({ lineNumber: fromStepLine, column: errors[0]!.startColumn });
    // The preview shows the broken step with its error.
    await expect(page.locator('.author-preview-pane section.step[data-step-index="1"]')).toContainText('error');

    // Fix it by editing that line in the editor, as a user would (not by replacing everything).
    await page.evaluate((line) => {
      const ed = window.__recipeEditor!;
      const model = ed.getModel()!;
      const col = model.getLineContent(line).indexOf('1,') + 1;
      ed.executeEdits('test', [{ range: new window.__monaco!.Range(line, col, line, col + 1), text: '0' }]);
    }, fromStepLine);
    const fixed = twoStepRecipe(0);
    await page.waitForFunction((t) => window.__recipeLint?.source === t, fixed);
    expect(await markers(page)).toEqual([]);
    await expect(page.getByTestId('problems')).toContainText('No problems');
    await expect(page.getByTestId('problems').locator('button')).toHaveCount(0);

    // The preview renders both steps with the runner.
    const preview = page.locator('.author-preview-pane');
    await expect(preview.getByRole('heading', { level: 1, name: 'Upload token round trip' })).toBeVisible();
    await expect(preview.locator('section.step')).toHaveCount(2);
    await expect(preview.locator('section.step').nth(1)).toContainText('Read the token back');

    // Run both steps in the preview against the sandbox, with the runner's own components.
    const run1 = preview.getByTestId('run-step-1');
    const run2 = preview.getByTestId('run-step-2');
    await expect(run2).toBeDisabled();
    await expect(run2).toContainText('Run step 1 first');
    await expect(run1).toBeEnabled({ timeout: 30_000 }); // the sandbox session starts by itself
    await run1.click();
    await expect(preview.getByTestId('step-1-status')).toContainText('Done', { timeout: 30_000 });
    await expect(preview.getByTestId('step-1-runner').getByTestId('http-status')).toContainText('200');
    await expect(run2).toBeEnabled();
    const tokenField = preview.getByTestId('step-2-runner').getByLabel(/uploadTokenId/);
    const tokenId = await tokenField.inputValue();
    expect(tokenId).toMatch(/\S/);
    await run2.click();
    await expect(preview.getByTestId('step-2-status')).toContainText('Done', { timeout: 30_000 });
    // uploadToken.get answered with the token step 1 created.
    await expect(preview.getByTestId('step-2-runner')).toContainText(tokenId);
    await expect(preview.getByTestId('step-1-runner')).toContainText(tokenId);

    // Download: the file is the editor's text and lints clean with the CLI (API description included).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .md' }).click()]);
    expect(download.suggestedFilename()).toBe('my-recipe.md');
    const file = testInfo.outputPath('downloaded.md');
    await download.saveAs(file);
    expect(readFileSync(file, 'utf8')).toBe(fixed);
    const lint = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/recipes-lint.ts', file], { cwd: ROOT, encoding: 'utf8' });
    const printed = `${lint.stdout}\n${lint.stderr}`;
    expect(lint.status, printed).toBe(0);
    expect(printed).not.toContain(`${file}:`); // no `file:line:col: ...` problem lines
    expect(printed).toMatch(/0 errors, 0 warnings/);
  });

  test('completion offers operations, parameter names and documented keys; snippets insert blocks', async ({ page }) => {
    await openEditor(page);
    const text = ['# T', '', '## S', '### API Call', `${FENCE}json`, '{ "path": "", "parameters": [ { "name": "" } ] }', FENCE, ''].join(
      '\n',
    );
    await setSource(page, text);
    const widget = page.locator('.suggest-widget');
    // Operation paths, with their summaries.
    await page.evaluate(() => {
      const ed = window.__recipeEditor!;
      ed.setPosition({ lineNumber: 6, column: '{ "path": "'.length + 1 });
      ed.focus();
      ed.trigger('test', 'editor.action.triggerSuggest', {});
    });
    await expect(widget).toBeVisible();
    await expect(widget).toContainText('/service/media/action/add');
    await page.keyboard.type('/service/uploadtoken/action/ge');
    await expect(widget.locator('.monaco-list-row.focused')).toContainText('/service/uploadtoken/action/get');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__recipeEditor!.getValue().includes('"path": "/service/uploadtoken/action/get", "parameters"'));
    // Put the cursor between the quotes of "name" and ask for suggestions.
    await page.evaluate(() => {
      const ed = window.__recipeEditor!;
      const line = 6;
      const col = ed.getModel()!.getLineContent(line).indexOf('"name": ""') + '"name": "'.length + 1;
      ed.setPosition({ lineNumber: line, column: col });
      ed.focus();
      ed.trigger('test', 'editor.action.triggerSuggest', {});
    });
    await expect(widget).toBeVisible();
    await expect(widget).toContainText('uploadTokenId');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__recipeEditor!.getValue().includes('"name": "uploadTokenId"'));

    // A documented key after the name.
    await page.evaluate(() => {
      const ed = window.__recipeEditor!;
      const line = 6;
      const col = ed.getModel()!.getLineContent(line).indexOf('"uploadTokenId"') + '"uploadTokenId"'.length + 1;
      ed.setPosition({ lineNumber: line, column: col });
    });
    await page.keyboard.type(', "hidd');
    await expect(widget).toBeVisible();
    await expect(widget.locator('.monaco-list-row.focused')).toContainText('hidden');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /"hidden": true/.test(window.__recipeEditor!.getValue()));

    // Toolbar snippet: a new step at the end.
    await page.evaluate(() => {
      const ed = window.__recipeEditor!;
      const model = ed.getModel()!;
      ed.setPosition({ lineNumber: model.getLineCount(), column: 1 });
    });
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.waitForFunction(() => (window.__recipeEditor!.getValue().match(/^## /gm) ?? []).length === 2);
    await page.waitForFunction(() => window.__recipeLint?.source === window.__recipeEditor!.getValue());
    await expect(page.locator('.author-preview-pane section.step')).toHaveCount(2);
  });

  test('loads a recipe from recipes/ by name; the save route refuses to write in production', async ({ page, request }) => {
    await openEditor(page, '/author?recipe=upload-media');
    const source = readFileSync(join(ROOT, 'recipes/upload-media.md'), 'utf8');
    expect(await page.evaluate(() => window.__recipeEditor!.getValue())).toBe(source);
    await expect(page.getByLabel('Recipe', { exact: true })).toHaveValue('upload-media');
    await page.waitForFunction(() => !!window.__recipeLint);
    expect(await page.evaluate(() => window.__recipeLint!.diagnostics.filter((d) => d.severity === 'error'))).toEqual([]);
    await expect(page.locator('.author-preview-pane section.step')).toHaveCount(4);
    // `next start` is production: no "Save to recipes/" button, and the route answers 403.
    await expect(page.getByRole('button', { name: 'Save to recipes/' })).toHaveCount(0);
    const res = await request.post('/api/recipes', { data: { name: 'x.md', content: '# X\n' } });
    expect(res.status()).toBe(403);
    expect((await res.json()).error).toMatch(/development mode/);
  });

  test('the picker opens another recipe; unsaved text survives a reload; the page passes axe', async ({ page }) => {
    await openEditor(page);
    await page.getByLabel('Recipe', { exact: true }).selectOption('upload-media');
    await page.waitForURL(/\/author\?recipe=upload-media$/);
    await page.waitForFunction(() => !!window.__recipeEditor && window.__recipeEditor.getValue().includes('# Uploading Media Files'));

    // Edit, then reload: the draft is offered back.
    const edited = readFileSync(join(ROOT, 'recipes/upload-media.md'), 'utf8').replace(
      '# Uploading Media Files',
      '# Uploading Media Files, edited',
    );
    await setSource(page, edited);
    await page.reload();
    await page.waitForFunction(() => !!window.__recipeEditor);
    expect(await page.evaluate(() => window.__recipeEditor!.getValue())).not.toContain('edited');
    await page.getByRole('button', { name: 'Restore them' }).click();
    await page.waitForFunction((t) => window.__recipeEditor!.getValue() === t && window.__recipeLint?.source === t, edited);
    await expect(page.locator('.author-preview-pane h1')).toHaveText('Uploading Media Files, edited');

    // Accessibility of /author's own UI: toolbar, problems, preview. Monaco's widget DOM and the
    // runner's step UI (covered by the recipe pages' axe test) are excluded.
    const results = await new AxeBuilder({ page }).exclude('.monaco-editor').exclude('.step-interactive').analyze();
    expect(
      results.violations.map(
        (v) =>
          `${v.id}: ${v.nodes
            .slice(0, 3)
            .map((n) => `${n.target.join(' ')} (${n.failureSummary})`)
            .join('; ')}`,
      ),
    ).toEqual([]);
  });

  test("the editor talks only to the console; Monaco is not in the recipe page's JavaScript", async ({ page, server, watch }) => {
    // Every script the recipe page loads (HTML and anything loaded later).
    const recipeScripts = new Set<string>();
    const collect = (set: Set<string>) => (r: import('@playwright/test').Response) => {
      if (r.request().resourceType() === 'script' || /\.js(\?|$)/.test(r.url())) set.add(new URL(r.url()).pathname);
    };
    const onRecipe = collect(recipeScripts);
    page.on('response', onRecipe);
    await page.goto('/recipes/upload-media');
    await page.waitForLoadState('networkidle');
    page.off('response', onRecipe);

    const authorScripts = new Set<string>();
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    page.on('response', collect(authorScripts));
    await openEditor(page);
    await page.waitForFunction(() => !!window.__recipeLint);
    await page.waitForLoadState('networkidle');

    // Monaco and the workers come from the console's own origin (the fixture also fails the test
    // on any request to another host).
    const origin = new URL(server.url).origin;
    expect(workers.length).toBeGreaterThan(0);
    for (const w of workers) expect(new URL(w).origin).toBe(origin);
    expect(watch.foreignRequests).toEqual([]);

    const read = (p: string) => readFileSync(join(ROOT, DIST_DIR, p.replace(/^\/_next\//, '')), 'utf8');
    const isMonaco = (p: string) => /monaco-editor|MonacoEnvironment/.test(read(p));
    const authorOnly = [...authorScripts].filter((s) => !recipeScripts.has(s));
    // The check can fail: /author does load Monaco, in chunks of its own.
    expect(authorOnly.filter(isMonaco).length).toBeGreaterThan(0);
    expect([...recipeScripts].filter(isMonaco)).toEqual([]);

    // Against the build's output: the recipe page's scripts are exactly the root scripts plus its
    // route entry's chunks (from the client reference manifest), and none of them is Monaco.
    const buildManifest = JSON.parse(readFileSync(join(ROOT, DIST_DIR, 'build-manifest.json'), 'utf8')) as {
      rootMainFiles: string[];
      polyfillFiles: string[];
    };
    const ctx = { globalThis: {} as Record<string, unknown> };
    vm.runInNewContext(readFileSync(join(ROOT, DIST_DIR, 'server/app/recipes/[slug]/page_client-reference-manifest.js'), 'utf8'), ctx);
    const manifest = (ctx.globalThis.__RSC_MANIFEST as Record<string, { entryJSFiles: Record<string, string[]> }>)['/recipes/[slug]/page'];
    const entry = manifest!.entryJSFiles['[project]/app/recipes/[slug]/page'];
    expect(entry?.length).toBeGreaterThan(0);
    const built = new Set([...buildManifest.rootMainFiles, ...entry!, ...buildManifest.polyfillFiles].map((f) => `/_next/${f}`));
    const html = await (await fetch(`${server.url}/recipes/upload-media`)).text();
    const fromHtml = scriptUrls(html, `${server.url}/recipes/upload-media`).map((u) => new URL(u).pathname);
    for (const s of fromHtml) expect(built.has(s) || s.includes('turbopack'), s).toBe(true);
    expect([...built].filter((s) => s.endsWith('.js') && isMonaco(s))).toEqual([]);
    // And the scripts /author needs for Monaco are none of the recipe page's.
    for (const s of authorOnly.filter(isMonaco)) expect(built.has(s), s).toBe(false);
  });
});
