/**
 * Browser JavaScript (ajax) samples with Kaltura's official AJAX client (KalturaFullClient.js from
 * ../shared/clients/AJAX.tar.gz, extracted at test time) and jQuery 3 (npm dev dependency: the
 * client uses `$.ajax`, `$.extend` and `$.isArray`, which jQuery 4 removed), in headless Chromium
 * (the system one, CHROMIUM_PATH or /usr/bin/chromium).
 *
 * A local static server on its own port serves a page with an `<input type="file">`, jQuery and
 * the client, so every call to the sandbox is cross-origin, as from any browser application (the
 * sandbox answers CORS). Per sample: a fresh page, the reader's file chosen in the input with
 * Playwright's setInputFiles, the sample added as a script. It has finished when no request is in
 * flight and nothing happened for a moment; what it printed with console.log is its output (each
 * argument as JSON), and a console.error, an uncaught error or an unhandled rejection is the
 * browser's "exit 1".
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { ROOT } from '../../../unit/codegen/fixtures';
import { clientDir, describeClient } from './harness';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Records the page's output and errors, and when it last did anything (a request sent or answered, a line printed). */
const CAPTURE = `
window.__out = []; window.__errors = []; window.__sent = 0; window.__last = Date.now();
(function () {
  function text(args) {
    return Array.prototype.map.call(args, function (a) {
      if (a instanceof Error) return a.name + ': ' + a.message;
      try { return JSON.stringify(a); } catch (e) { return String(a); }
    }).join(' ');
  }
  var log = console.log, error = console.error;
  console.log = function () { window.__out.push(text(arguments)); window.__last = Date.now(); log.apply(console, arguments); };
  console.error = function () { window.__errors.push('console.error: ' + text(arguments)); error.apply(console, arguments); };
  window.addEventListener('error', function (e) { window.__errors.push('uncaught: ' + e.message); });
  window.addEventListener('unhandledrejection', function (e) { window.__errors.push('unhandled rejection: ' + text([e.reason])); });
  jQuery(document).on('ajaxSend', function () { window.__sent++; window.__last = Date.now(); });
  jQuery(document).on('ajaxComplete', function () { window.__last = Date.now(); });
})();
`;

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>Kaltura AJAX client sample</title>
<script src="/jquery.js"></script>
<script src="/KalturaFullClient.js"></script>
<script>${CAPTURE}</script>
</head><body><input type="file"></body></html>`;

let browser: Browser | undefined;
let server: Server | undefined;
let origin = '';

describeClient({
  lang: 'ajax',
  async setup() {
    const client = readFileSync(join(clientDir('AJAX'), 'KalturaFullClient.js'));
    const jquery = readFileSync(join(ROOT, 'node_modules/jquery/dist/jquery.min.js'));
    const files: Record<string, [string, Buffer | string]> = {
      '/': ['text/html; charset=utf-8', PAGE],
      '/jquery.js': ['text/javascript', jquery],
      '/KalturaFullClient.js': ['text/javascript', client],
    };
    server = createServer((req, res) => {
      const f = files[new URL(req.url ?? '/', 'http://x').pathname];
      if (!f) return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': f[0] }).end(f[1]);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { chromium } = await import('@playwright/test');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
    });
  },
  async teardown() {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  },
  async exec(code, _dir, name, file) {
    const context = await browser!.newContext();
    const page = await context.newPage();
    const fail = (why: string, out: string[]) =>
      new Error(
        `ajax sample ${name} exited with 1 (the page reported an error, the browser's exit 1):\n${why}\n${out.join('\n')}\n--- sample:\n${code}`,
      );
    try {
      await page.goto(`${origin}/`);
      await page.locator('input[type=file]').setInputFiles(file);
      try {
        await page.addScriptTag({ content: code });
      } catch (e) {
        throw fail(`the script did not load: ${(e as Error).message}`, []);
      }
      try {
        await page.waitForFunction(
          () => {
            const w = window as unknown as { __errors: string[]; __sent: number; __last: number; jQuery: { active: number } };
            return w.__errors.length > 0 || (w.__sent > 0 && w.jQuery.active === 0 && Date.now() - w.__last > 300);
          },
          undefined,
          { polling: 100, timeout: 90_000 },
        );
      } catch {
        /* reported below with what the page printed */
      }
      const state = await page.evaluate(() => {
        const w = window as unknown as { __out: string[]; __errors: string[]; __sent: number; jQuery: { active: number } };
        return { out: w.__out, errors: w.__errors, sent: w.__sent, active: w.jQuery.active };
      });
      if (state.errors.length) throw fail(state.errors.join('\n'), state.out);
      if (state.sent === 0 || state.active > 0)
        throw fail(`did not finish within 90 s (${state.sent} requests sent, ${state.active} in flight)`, state.out);
      return state.out.join('\n');
    } finally {
      await context.close();
    }
  },
});
