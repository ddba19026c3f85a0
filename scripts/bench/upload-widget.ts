import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import busboy from 'busboy';
import { chromium } from 'playwright-core';
import { autoSettings } from '../../lib/upload/plan';
import config, { CHROMIUM_PATH } from '../../playwright.config';
import { ROOT } from '../../tests/helpers/build';
import { startServer } from '../../tests/helpers/server';
import { chromiumCpu, serverCpuOf, serverPid, uploaderPage, writeRandomFile } from './upload-common';
import { loadAverage1, median } from './stats';
import { addToken, adminKs, call, getToken, model, uploadStepModel } from '../../tests/integration/upload/api';

const PEER = join(ROOT, '../shared/peers/chunked-file-upload-jquery/js');
if (!existsSync(PEER)) {
  console.warn(`upload-widget: ${PEER} is absent: the widget comparison is skipped.`);
  process.exit(0);
}
const MB = Number(process.env.BENCH_UPLOAD_MB ?? 512);
const size = MB * 1024 * 1024;
const ROUNDS = Number(process.env.BENCH_UPLOAD_ROUNDS ?? 2);
const mbps = (ms: number) => size / 1024 / 1024 / (ms / 1000);

const HARNESS = () => `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>widget bench</title>
<script src="/js/jquery.js"></script>
<script src="/js/jquery.ui.widget.js"></script>
<script src="/js/jquery.iframe-transport.js"></script>
<script src="/js/webtoolkit.md5.js"></script>
<script src="/js/jquery.fileupload.js"></script>
<script src="/js/jquery.fileupload-process.js"></script>
<script src="/js/jquery.fileupload-validate.js"></script>
<script src="/js/jquery.fileupload-kaltura.js"></script>
<script src="/js/jquery.fileupload-kaltura-base.js"></script>
</head><body>
<div id="uploadHook"></div>
<div id="uploadbox1"><form id="fileupload"><input id="fileinput" class="fileinput" data-uploadboxid="1" type="file" name="fileData"></form>
<span id="upload-file-info"></span><button class="cancelBtn hidden" id="cancelBtn">Cancel</button>
<div id="progress" class="hidden"><div id="progressBar"></div><div class="anchor"><div class="message"></div></div></div>
<div id="successmsg" class="hidden"></div><div id="entry_details" class="hidden"></div></div>
<script src="/init.js"></script>
</body></html>`;

// As the widget's index.php sets it up (its own chunk settings), with this sandbox's URLs and a KS.
const INIT = (apiURL: string, uploadUrl: string, ks: string) => `
window.__bench = {};
$(function () {
  var widget = $('#uploadHook').fileupload({
    maxChunkSize: 3000000,
    dynamicChunkSizeInitialChunkSize: 1000000,
    dynamicChunkSizeThreshold: 50000000,
    dynamixChunkSizeMaxTime: 30,
    host: ${JSON.stringify(new URL(apiURL).origin)},
    apiURL: ${JSON.stringify(apiURL)},
    url: ${JSON.stringify(uploadUrl)},
    ks: ${JSON.stringify(ks)},
    fileTypes: '*.bin;*.mp4',
    context: '',
    categoryId: -1,
    messages: { acceptFileTypes: 'File type not allowed', maxFileSize: 'File is too large', minFileSize: 'File is too small' },
    android: '',
    singleUpload: ''
  })
  .bind('fileuploadadd', function (e, data) {
    data.uploadBoxId = widget.fileupload('getUploadBoxId', e, data);
  })
  .bind('fileuploaddone', function (e, data) {
    window.__bench.done = { token: data.uploadTokenId, t: performance.now() };
  })
  .bind('fileuploaderror fileuploadfail', function (e, data) {
    window.__bench.error = String((data && (data.error || data.errorThrown || data.textStatus)) || 'error');
  });
  $('#uploadbox1 #fileinput').bind('change', function () {
    window.__bench.t0 = performance.now();
    $('#uploadHook').fileupload('add', { fileInput: $(this), uploadBoxId: 1 });
  });
  window.__bench.ready = true;
});
`;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-widget-'));
  const path = join(dir, 'bench.bin');
  writeRandomFile(path, size);
  const server = await startServer({ env: { SANDBOX_PROCESSING_MS: '0' } });
  const peer = createServer(async (req, res) => {
    try {
      const u = new URL(req.url ?? '/', 'http://x');
      if (u.pathname === '/api_v3/' && u.searchParams.get('callback')) {
        // JSONP adapter: the widget's token calls, answered by the sandbox with format=1.
        const cb = u.searchParams.get('callback')!;
        if (!/^[A-Za-z_$][\w$.]*$/.test(cb)) throw new Error('bad callback');
        const form = new URLSearchParams();
        for (const [k, v] of u.searchParams) if (!['callback', 'format', 'service', 'action', '_', 'kalsig'].includes(k)) form.append(k, v);
        const r = await fetch(
          `${server.url}/api_v3/service/${u.searchParams.get('service')}/action/${u.searchParams.get('action')}?format=1`,
          { method: 'POST', body: form },
        );
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(`${cb}(${await r.text()});`);
        return;
      }
      if (u.pathname === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(HARNESS());
      if (u.pathname === '/init.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(INIT(apiURL, uploadUrl, ks));
      if (u.pathname === '/js/jquery.js')
        return void res
          .writeHead(200, { 'content-type': 'text/javascript' })
          .end(readFileSync(join(ROOT, 'node_modules/jquery/dist/jquery.min.js')));
      const script = /^\/js\/([\w.-]+\.js)$/.exec(u.pathname)?.[1];
      if (script && existsSync(join(PEER, script)))
        return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(PEER, script)));
      res.writeHead(404).end();
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise<void>((r) => peer.listen(0, '127.0.0.1', () => r()));
  const peerUrl = `http://127.0.0.1:${(peer.address() as { port: number }).port}`;
  const ks = await adminKs(server.url);
  const apiURL = `${peerUrl}/api_v3/`;
  const uploadUrl = `${server.url}/api_v3/?service=uploadToken&action=upload&format=1`;
  // The bare server of the ceiling rows (see the header): in this process, so its CPU is ours.
  let bareFiles = 0;
  const bare = createServer((req, res) => {
    const done = () => res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end('{}');
    if (req.method !== 'POST') return void res.writeHead(404).end();
    if (req.url === '/drop') {
      req.on('data', () => undefined);
      req.on('end', done);
      return;
    }
    const bb = busboy({ headers: req.headers });
    bb.on('file', (_name, file) => file.pipe(createWriteStream(join(dir, `bare-${bareFiles++ % 8}`), { highWaterMark: 1 << 20 })));
    bb.on('close', done);
    req.pipe(bb);
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', () => r()));
  const bareUrl = `http://127.0.0.1:${(bare.address() as { port: number }).port}`;
  const ownCpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const pid = serverPid(server.port);
  const serverCpu = serverCpuOf(pid);
  const dropToken = (id: string) =>
    call(model(server.url, ks, 'uploadToken', 'delete', [{ name: 'uploadTokenId', value: { kind: 'string', value: id } }]));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: config.use?.launchOptions?.args ?? [] });
  const consolePage = await uploaderPage(browser, server.url, path);

  const res: Record<string, { ms: number[]; chromium: number[]; server: number[] }> = {};
  const note = (k: string, ms: number, c: number, s: number) => {
    res[k] ??= { ms: [], chromium: [], server: [] };
    res[k].ms.push(ms);
    res[k].chromium.push(c);
    res[k].server.push(s);
  };
  const runWidget = async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(peerUrl);
    await page.waitForFunction(() => (window as unknown as { __bench: { ready?: boolean } }).__bench?.ready === true);
    const c0 = chromiumCpu();
    const s0 = serverCpu();
    const t0 = Date.now();
    await page.setInputFiles('#fileinput', path);
    await page.waitForFunction(
      () => {
        const b = (window as unknown as { __bench: { done?: unknown; error?: string } }).__bench;
        return !!b.done || !!b.error;
      },
      undefined,
      { timeout: 30 * 60_000, polling: 200 },
    );
    const ms = Date.now() - t0;
    const out = await page.evaluate(() => (window as unknown as { __bench: { done?: { token: string }; error?: string } }).__bench);
    if (!out.done) throw new Error(`widget upload failed: ${out.error} ${errors.join(' ')}`);
    note('widget', ms, chromiumCpu() - c0, serverCpu() - s0);
    const token = await getToken(server.url, ks, out.done.token);
    if (token.status !== 2 || token.uploadedFileSize !== size) throw new Error(`widget token not complete: ${JSON.stringify(token)}`);
    await page.close();
    await dropToken(out.done.token);
  };
  const runConsole = async (single: boolean) => {
    const token = await addToken(server.url, ks);
    const m = uploadStepModel(server.url, ks, token, 'bench.bin', size);
    const c0 = chromiumCpu();
    const s0 = serverCpu();
    const r = await consolePage.evaluate(
      async ({ m, single }) => {
        const U = (globalThis as unknown as { ConsoleUploader: typeof import('../../lib/upload/index') }).ConsoleUploader;
        const file = (document.getElementById('bench-file') as HTMLInputElement).files?.[0];
        if (!file) throw new Error('no file in #bench-file');
        const u = new U.Upload({ model: m, file, store: new U.MemoryFingerprintStore(), ...(single ? { mode: 'single' as const } : {}) });
        const t0 = performance.now();
        const tok = await u.start();
        return { ms: performance.now() - t0, tok };
      },
      { m, single },
    );
    note(single ? 'chromium one request' : 'console uploader', r.ms, chromiumCpu() - c0, serverCpu() - s0);
    if (r.tok.status !== 2 || r.tok.uploadedFileSize !== size) throw new Error(`console upload not complete: ${JSON.stringify(r.tok)}`);
    await dropToken(token);
  };

  const plan = autoSettings(size);
  const runBare = async (how: 'drop' | 'busboy') => {
    const c0 = chromiumCpu();
    const s0 = ownCpu();
    const ms = await consolePage.evaluate(
      async ({ url, chunk, streams }) => {
        const file = (document.getElementById('bench-file') as HTMLInputElement).files![0]!;
        const count = Math.ceil(file.size / chunk);
        let next = 0;
        const send = (i: number) =>
          new Promise<void>((resolve, reject) => {
            const form = new FormData();
            form.append('resumeAt', String(i * chunk));
            form.append('fileData', file.slice(i * chunk, Math.min(file.size, (i + 1) * chunk)), 'bench.bin');
            const x = new XMLHttpRequest();
            x.open('POST', url);
            x.onload = () => (x.status === 200 ? resolve() : reject(new Error(`HTTP ${x.status}`)));
            x.onerror = () => reject(new Error('network error'));
            x.send(form);
          });
        const t0 = performance.now();
        await Promise.all(
          Array.from({ length: streams }, async () => {
            while (next < count) await send(next++);
          }),
        );
        return performance.now() - t0;
      },
      { url: `${bareUrl}/${how}`, chunk: plan.chunkSize, streams: plan.parallel },
    );
    note(how === 'drop' ? 'bare server, dropped' : 'bare server, busboy', ms, chromiumCpu() - c0, ownCpu() - s0);
    for (let i = 0; i < 8; i++) rmSync(join(dir, `bare-${i}`), { force: true });
  };

  try {
    console.log(
      `file ${MB} MiB; ${ROUNDS} rounds; load average at start ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    for (let r = 0; r < ROUNDS; r++) {
      const order =
        r % 2
          ? [() => runConsole(false), () => runWidget(), () => runConsole(true), () => runBare('busboy'), () => runBare('drop')]
          : [() => runWidget(), () => runConsole(false), () => runConsole(true), () => runBare('drop'), () => runBare('busboy')];
      for (const f of order) await f();
      console.log(
        `round ${r + 1}: ` +
          Object.entries(res)
            .map(([k, v]) => `${k} ${mbps(v.ms.at(-1)!).toFixed(1)} MB/s`)
            .join(', ') +
          `; load ${loadAverage1().toFixed(1)}`,
      );
    }
    const gib = size / 1024 ** 3;
    console.log(`\n${'upload'.padEnd(22)} ${'MB/s'.padStart(7)}  ${'Chromium CPU-s/GiB'.padStart(18)}  ${'server CPU-s/GiB'.padStart(16)}`);
    for (const [k, v] of Object.entries(res)) {
      console.log(
        `${k.padEnd(22)} ${mbps(median(v.ms)).toFixed(1).padStart(7)}  ${(median(v.chromium) / gib).toFixed(2).padStart(18)}  ${(median(v.server) / gib).toFixed(2).padStart(16)}`,
      );
    }
    /** Median rate of one kind of upload (each ran every round). */
    const rate = (k: string) => {
      const r = res[k];
      if (!r) throw new Error(`no "${k}" upload was timed`);
      return mbps(median(r.ms));
    };
    const w = rate('widget');
    const c = rate('console uploader');
    const o = rate('chromium one request');
    const ceiling = Math.max(rate('bare server, dropped'), rate('bare server, busboy'));
    console.log(
      `console uploader / widget: ${(c / w).toFixed(2)} (goal >= 2); console uploader / Chromium one request: ${(c / o).toFixed(2)} (goal >= 1.3)`,
    );
    console.log(
      `Chromium's ceiling here (the faster bare server) / widget: ${(ceiling / w).toFixed(2)}; console uploader / that ceiling: ${(c / ceiling).toFixed(2)}`,
    );
    console.log(
      `load average at the end ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await browser.close();
    peer.close();
    bare.close();
    await server.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
