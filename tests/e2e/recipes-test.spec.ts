/**
 * The page and `npm run recipes:test` send the same requests: a recipe is walked through in the
 * browser (Playwright records each step's request as it leaves), then run by the CLI against the
 * same server (`--service-url` + `--ks`, `--reporter json` reports each step's request), and the
 * two are compared field by field, in order. Only what differs by nature is set aside: the KS,
 * the admin secret, and ids the server made in each run (replaced by "<id of step N>").
 * Also: a step's `expect` is shown after a run, met or not, next to the response.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { ROOT } from '../helpers/build';
import { startServer, TEST_ADMIN_SECRET, TEST_PARTNER_ID, type TestServer } from '../helpers/server';
import { test as base, expect } from './fixtures';
import { makePng, runButton, stepRunner, stepStatus, waitConnected } from './runner-helpers';

const test = base.extend<object, { server: TestServer }>({
  server: [
    async ({}, use) => {
      const server = await startServer({
        env: { RECIPES_EXTRA_DIR: join(ROOT, 'tests/fixtures/recipes-test'), SANDBOX_PROCESSING_MS: '300' },
      });
      await use(server);
      await server.dispose();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

type Json = any;
type Fields = Array<[string, string]>;
interface Sent {
  path: string;
  query: Fields;
  fields: Fields;
  files: Array<{ field: string; name: string; size: number }>;
}

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parity-'));
});
test.afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The HTTP form of a dynamicEnum's choices request (lib code runs in a tsx child: Playwright's
 * loader cannot import the parser's JSON Schemas, see tests/helpers/parse-recipe.ts).
 */
function choicesRequest(file: string, step: number, serviceUrl: string): Sent {
  const code =
    `import { readFileSync } from 'node:fs'; import { getKalturaDescription } from './lib/description/index.ts'; import { parseRecipe } from './lib/recipe/index.ts';` +
    `import { buildDynamicEnumRequest } from './lib/request/build.ts'; import { toHttpRequest } from './lib/request/http.ts';` +
    `const api = getKalturaDescription(); const r = parseRecipe(readFileSync(${JSON.stringify(join(ROOT, file))}, 'utf8'));` +
    `const de = r.steps[${step}].apiCall.parameters.find((p) => p.dynamicEnum).dynamicEnum;` +
    `process.stdout.write(JSON.stringify(toHttpRequest(buildDynamicEnumRequest(de, api, { serviceUrl: ${JSON.stringify(serviceUrl)} }))));`;
  const http = JSON.parse(execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['-e', code], { cwd: ROOT, encoding: 'utf8' }));
  return { path: new URL(http.url).pathname, query: [], fields: http.body.kind === 'form' ? http.body.fields : [], files: [] };
}

/**
 * The browser does not hand Playwright the body of a request that carries a file (the upload
 * goes by XMLHttpRequest with a File in a FormData), so the page records what it gives
 * XMLHttpRequest.send, by URL, in the order sent.
 */
const RECORD_XHR = () => {
  const w = window as unknown as {
    __xhrBodies: Array<{ url: string; fields: Array<[string, string]>; files: Array<{ field: string; name: string; size: number }> }>;
  };
  if (w.__xhrBodies) return;
  w.__xhrBodies = [];
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest & { __url?: string }, ...a: unknown[]) {
    this.__url = String(a[1]);
    return (open as (...x: unknown[]) => void).apply(this, a);
  } as typeof open;
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest & { __url?: string }, body?: Document | XMLHttpRequestBodyInit | null) {
    if (body instanceof FormData) {
      const fields: Array<[string, string]> = [];
      const files: Array<{ field: string; name: string; size: number }> = [];
      for (const [k, v] of body) {
        if (typeof v === 'string') fields.push([k, v]);
        else files.push({ field: k, name: v.name, size: v.size });
      }
      w.__xhrBodies.push({ url: new URL(this.__url ?? '', location.href).toString(), fields, files });
    }
    return send.call(this, body);
  };
};

/** A request as it left the browser. */
async function fromBrowser(r: Request): Promise<Sent> {
  const url = new URL(r.url());
  const ct = (await r.headerValue('content-type')) ?? '';
  const buf = r.postDataBuffer();
  const fields: Fields = [];
  const files: Sent['files'] = [];
  if (!buf && ct.startsWith('multipart/form-data')) {
    const recorded = await r
      .frame()
      .page()
      .evaluate(
        (u) =>
          (window as unknown as { __xhrBodies: Array<{ url: string; fields: Fields; files: Sent['files'] }> }).__xhrBodies.filter(
            (b) => b.url === u,
          ),
        r.url(),
      );
    const last = recorded[recorded.length - 1];
    expect(last, `the page recorded the body it sent to ${url.pathname}`).toBeDefined();
    return { path: url.pathname, query: [...url.searchParams].filter(([k]) => k !== 'ks'), fields: last!.fields, files: last!.files };
  }
  if (buf && ct.startsWith('multipart/form-data')) {
    const fd = await new Response(new Uint8Array(buf), { headers: { 'content-type': ct } }).formData();
    for (const [k, v] of fd) {
      if (typeof v === 'string') fields.push([k, v]);
      else files.push({ field: k, name: v.name, size: v.size });
    }
  } else if (buf) for (const [k, v] of new URLSearchParams(buf.toString('utf8'))) fields.push([k, v]);
  return { path: url.pathname, query: [...url.searchParams].filter(([k]) => k !== 'ks'), fields, files };
}

/** A step's request as the CLI's JSON report gives it. */
function fromCli(req: Json): Sent {
  const url = new URL(req.url);
  const b = req.body;
  return {
    path: url.pathname,
    query: [...url.searchParams].filter(([k]) => k !== 'ks') as Fields,
    fields: b.kind === 'none' ? [] : b.fields,
    files: b.kind === 'multipart' ? b.files.map((f: Json) => ({ field: f.field, name: f.name, size: f.size })) : [],
  };
}

/** Values that differ by nature between two runs: ids the server made, and secrets. */
function normalise(sent: Sent, responses: unknown[], secrets: string[]): Sent {
  const ids = new Map<string, string>();
  const collect = (v: unknown, step: number) => {
    if (Array.isArray(v)) for (const x of v) collect(x, step);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'id' && typeof x === 'string' && !ids.has(x)) ids.set(x, `<id of step ${step + 1}>`);
        else collect(x, step);
      }
    }
  };
  responses.forEach((r, i) => {
    if (typeof r === 'string' && r.length > 20) secrets.push(r); // a KS a step started
    collect(r, i);
  });
  const fix = ([k, v]: [string, string]): [string, string] => [k, secrets.includes(v) ? '***' : (ids.get(v) ?? v)];
  return { ...sent, fields: sent.fields.map(fix) };
}

function cliRun(args: string[]): Promise<{ code: number | null; doc: Json; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/recipes-test.ts'), ...args, '--reporter', 'json'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      let doc: Json;
      try {
        doc = JSON.parse(out);
      } catch {
        doc = { error: out };
      }
      resolve({ code, doc, err });
    });
  });
}

/** Records the page's API requests; `during(n, fn)` returns those sent while step n ran. */
async function recorder(page: Page) {
  await page.addInitScript(RECORD_XHR);
  const log: Request[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.includes('/api_v3/service/')) log.push(r);
  });
  return async (n: number, before?: () => Promise<void>): Promise<Request[]> => {
    await before?.();
    const from = log.length;
    await runButton(page, n).click();
    await expect(stepStatus(page, n)).toHaveText('✓ Done');
    return log.slice(from);
  };
}

/** The page's request of one step: the last one to the step's operation that is not a dropdown's choices. */
async function stepRequest(reqs: Request[], path: string, exclude: Sent[]): Promise<Sent> {
  const sent = await Promise.all(reqs.map(fromBrowser));
  const same = (a: Sent, b: Sent) => JSON.stringify([a.path, a.fields]) === JSON.stringify([b.path, b.fields]);
  const to = sent.filter((s) => s.path.toLowerCase() === path.toLowerCase());
  expect(to.length, `a request to ${path}`).toBeGreaterThan(0);
  // When the step's own request is the same as the dropdown's, either one will do.
  const mine = to.filter((s) => !exclude.some((x) => same(x, s)));
  return (mine.length ? mine : to)[(mine.length ? mine : to).length - 1]!;
}

async function sessionKs(server: TestServer): Promise<string> {
  return ((await (await fetch(`${server.url}/api_v3/sandbox/session`)).json()) as { ks: string }).ks;
}

const pageResponses = (page: Page, slug: string) =>
  page.evaluate((key) => {
    const s = JSON.parse(sessionStorage.getItem(key)!);
    return Object.keys(s.steps)
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => s.steps[k].outcome?.response);
  }, `recipe-console:runner:${slug}`);

test('upload-media: the page and recipes:test send the same requests (uploader, dynamic values)', async ({ page, server }) => {
  test.setTimeout(180_000);
  const png = join(dir, 'parity.png');
  writeFileSync(png, makePng(60, 40, 7));
  const during = await recorder(page);
  await page.goto('/recipes/upload-media');
  await waitConnected(page);
  const byStep: Request[][] = [];
  byStep.push(await during(1));
  byStep.push(await during(2, () => stepRunner(page, 2).getByLabel('fileData').setInputFiles(png)));
  byStep.push(
    await during(3, async () => {
      await stepRunner(page, 3).getByLabel('mediaType').selectOption({ label: 'VIDEO [1]' });
      await stepRunner(page, 3).getByLabel('name').fill('Parity clip');
    }),
  );
  byStep.push(await during(4));
  await expect(page.getByTestId('step-4-entry-status').getByTestId('entry-status-value')).toHaveText('READY [2]', { timeout: 30_000 });
  const pageResp = await pageResponses(page, 'upload-media');

  const cli = await cliRun([
    'recipes/upload-media.md',
    '--service-url',
    server.url,
    '--ks',
    await sessionKs(server),
    '--file',
    png,
    '--value',
    '3.entry.mediaType=VIDEO',
    '--value',
    '3.entry.name=Parity clip',
  ]);
  expect(cli.code, cli.err).toBe(0);
  const steps = cli.doc.recipes[0].steps;
  expect(steps.map((s: Json) => s.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
  // The CLI followed the entry to READY too, where the page did.
  expect(steps[3].entry.status).toBe(2);
  const cliResp = steps.map((s: Json) => s.response);
  for (let i = 0; i < 4; i++) {
    const c = fromCli(steps[i].request);
    const p = await stepRequest(byStep[i]!, c.path, []);
    expect(normalise(p, pageResp, [TEST_ADMIN_SECRET]), `step ${i + 1}`).toEqual(normalise(c, cliResp, [TEST_ADMIN_SECRET]));
  }
  // Not vacuous: the upload went as a multipart request with the file, and ids were chained.
  const up = normalise(fromCli(steps[1].request), cliResp, []);
  expect(up.files).toEqual([{ field: 'fileData', name: 'parity.png', size: makePng(60, 40, 7).length }]);
  expect(up.fields[0]).toEqual(['uploadTokenId', '<id of step 1>']);
  expect(normalise(fromCli(steps[3].request), cliResp, []).fields).toContainEqual(['entryId', '<id of step 3>']);
});

test('manage-upload-tokens and the session recipe: dropdown choices and credentials, the same on both sides', async ({ page, server }) => {
  test.setTimeout(180_000);
  const choiceReq = choicesRequest('recipes/manage-upload-tokens.md', 2, server.url);
  // The dropdown's request differs from step 2's own list call (or the two could not be told apart).
  expect(choiceReq.path.toLowerCase()).toBe('/api_v3/service/uploadtoken/action/list');

  const during = await recorder(page);
  await page.goto('/recipes/manage-upload-tokens');
  await waitConnected(page);
  const byStep: Request[][] = [await during(1), await during(2)];
  const token = await page.evaluate(
    () => JSON.parse(sessionStorage.getItem('recipe-console:runner:manage-upload-tokens')!).steps[0].outcome.response.id as string,
  );
  byStep.push(
    await during(3, async () => {
      // The dropdown starts on the token step 1 made (its dynamicValue), marked as this walk's.
      await expect(stepRunner(page, 3).getByLabel('uploadTokenId').locator('option:checked')).toContainText(`made in step 1 [${token}]`);
    }),
  );
  byStep.push(await during(4));
  const pageResp = await pageResponses(page, 'manage-upload-tokens');
  const cli = await cliRun(['recipes/manage-upload-tokens.md', '--service-url', server.url, '--ks', await sessionKs(server)]);
  expect(cli.code, cli.err).toBe(0);
  const steps = cli.doc.recipes[0].steps;
  const cliResp = steps.map((s: Json) => s.response);
  for (let i = 0; i < 4; i++) {
    const c = fromCli(steps[i].request);
    const p = await stepRequest(byStep[i]!, c.path, [choiceReq]);
    expect(normalise(p, pageResp, []), `manage-upload-tokens step ${i + 1}`).toEqual(normalise(c, cliResp, []));
  }
  // The CLI took the first choice, which is the token its own step 1 made (the newest pending one).
  expect(normalise(fromCli(steps[2].request), cliResp, []).fields).toEqual([['uploadTokenId', '<id of step 1>']]);

  // The session recipe: the reader types the admin secret on the page, gives it with --value to the CLI.
  const during2 = await recorder(page);
  await page.goto('/recipes/start-and-inspect-session');
  await waitConnected(page);
  const s: Request[][] = [
    await during2(1),
    await during2(2, async () => {
      await stepRunner(page, 2).locator('#s2-f-secret').fill(TEST_ADMIN_SECRET);
    }),
    await during2(3),
  ];
  const pageResp2 = await pageResponses(page, 'start-and-inspect-session');
  const cli2 = await cliRun([
    'recipes/start-and-inspect-session.md',
    '--service-url',
    server.url,
    '--ks',
    await sessionKs(server),
    '--partner-id',
    String(TEST_PARTNER_ID),
    '--value',
    `2.secret=${TEST_ADMIN_SECRET}`,
  ]);
  expect(cli2.code, cli2.err).toBe(0);
  const steps2 = cli2.doc.recipes[0].steps;
  for (let i = 0; i < 3; i++) {
    const c = fromCli(steps2[i].request);
    const p = await stepRequest(s[i]!, c.path, []);
    expect(normalise(p, pageResp2, [TEST_ADMIN_SECRET]), `session step ${i + 1}`).toEqual(
      normalise(
        c,
        steps2.map((x: Json) => x.response),
        [TEST_ADMIN_SECRET],
      ),
    );
  }
  expect(normalise(fromCli(steps2[1].request), [], [TEST_ADMIN_SECRET]).fields).toContainEqual(['partnerId', String(TEST_PARTNER_ID)]);
});

test('expect is shown after a run, met or not, next to the response', async ({ page }) => {
  await page.goto('/recipes/extra/failing-expect');
  await waitConnected(page);
  await expect(page.getByTestId('step-1-expect')).toHaveCount(0);
  await runButton(page, 1).click();
  await expect(stepStatus(page, 1)).toHaveText('✓ Done');
  const e1 = page.getByTestId('step-1-expect');
  await expect(e1.getByTestId('expect-summary')).toHaveText('✓ all 1 met');
  await expect(e1.getByTestId('expect-item')).toHaveText(['✓Met: mediaType is 2, as expected']);
  await runButton(page, 2).click();
  await expect(stepStatus(page, 2)).toHaveText('✓ Done');
  const e2 = page.getByTestId('step-2-expect');
  await expect(e2.getByTestId('expect-summary')).toHaveText('✗ 1 of 3 not met');
  await expect(e2.locator('[data-testid="expect-item"][data-pass="false"]')).toHaveText([
    '✗Not met: name is "Actual name", expected "Expected name"',
  ]);
  await expect(e2.locator('[data-testid="expect-item"][data-pass="true"]')).toHaveCount(2);
  // It sits right after the step's response.
  const next = await page.getByTestId('step-2-response').evaluate((el) => (el.nextElementSibling as HTMLElement | null)?.dataset.testid);
  expect(next).toBe('step-2-expect');
  // Met and unmet checks are accessible in both colour schemes.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page })
      .include('[data-testid="step-1-expect"]')
      .include('[data-testid="step-2-expect"]')
      .analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      colorScheme,
    ).toEqual([]);
  }
});
