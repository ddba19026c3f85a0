/**
 * Chunked upload throughput: `npm run bench -- upload` (BENCH_UPLOAD_MB=256 for a quicker run).
 *
 * One run, one `next start` with its own sandbox, one file of BENCH_UPLOAD_MB (default 1024) MiB:
 *  1. curl: the file in one uploadToken.upload request (single stream), as a baseline;
 *  2. headless Chromium: the console's uploader (lib/upload, bundled as is, XMLHttpRequest
 *     transport) with its automatic chunk size and parallelism, from a page of the same server,
 *     the file picked through an <input type=file> (a disk-backed File, as a user would);
 *  3. headless Chromium, the whole file in one request (the browser's own single-stream ceiling);
 * rounds (BENCH_UPLOAD_ROUNDS, default 3) alternate them, as the machine is shared, and it prints
 * the medians of MB/s and the ratios, the page's main-thread CPU during the upload (CDP
 * Performance.getMetrics TaskDuration), and the server's peak memory (VmHWM of the process listening on
 * the port, and the RSS right before). The upload is checked: token FULL_UPLOAD with every byte,
 * and the entry's download has the file's sha256.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../../playwright.config';
import config from '../../playwright.config';
import { startServer } from '../../tests/helpers/server';
import { addToken, adminKs, attachAndDownload, call, getToken, model, uploadStepModel } from '../../tests/integration/upload/api';
import { chromiumCpu, memKiB, serverCpuOf, serverPid, uploaderPage, writeRandomFile } from './upload-common';
import { median } from './stats';

const MB = Number(process.env.BENCH_UPLOAD_MB ?? 1024);
const size = MB * 1024 * 1024;

async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const c of createReadStream(path)) h.update(c as Buffer);
  return h.digest('hex');
}

const mbps = (bytes: number, ms: number) => bytes / 1024 / 1024 / (ms / 1000);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-upload-'));
  const path = join(dir, 'bench.bin');
  writeRandomFile(path, size);
  const fileSha = await sha256File(path);

  // BENCH_UPLOAD_DATA_DIR=/dev/shm/x puts the sandbox's data on tmpfs: the same run without the
  // disk's writeback, so that what is compared is the two clients' upload paths.
  const dataDir = process.env.BENCH_UPLOAD_DATA_DIR ? mkdtempSync(join(process.env.BENCH_UPLOAD_DATA_DIR, 'bench-sandbox-')) : undefined;
  const server = await startServer({ env: { SANDBOX_PROCESSING_MS: '0' }, ...(dataDir ? { dataDir } : {}) });
  try {
    const ks = await adminKs(server.url);
    // Each measured upload's token is deleted once checked (its bytes with it), so a run holds at most two copies.
    const dropToken = (id: string) =>
      call(model(server.url, ks, 'uploadToken', 'delete', [{ name: 'uploadTokenId', value: { kind: 'string', value: id } }]));
    const pid = serverPid(server.port);
    const serverCpu = serverCpuOf(pid);
    const curlCpu: number[] = [];
    const curlServerCpu: number[] = [];
    const pageBrowserCpu: number[] = [];
    const pageServerCpu: number[] = [];

    // 1. curl, one request.
    const runCurl = async () => {
      const t1 = await addToken(server.url, ks);
      const url = `${server.url}/api_v3/service/uploadToken/action/upload?format=1&ks=${encodeURIComponent(ks)}`;
      const s0 = serverCpu();
      const c0 = performance.now();
      // through bash, whose `times` prints curl's CPU time (the children's line)
      const curlArgs = [
        '-sS',
        '-o',
        '/dev/null',
        '-w',
        '%{http_code}',
        '-F',
        `uploadTokenId=${t1}`,
        '-F',
        'resume=0',
        '-F',
        'finalChunk=1',
        '-F',
        'resumeAt=-1',
        '-F',
        `fileData=@${path};filename=bench.bin`,
        url,
      ];
      const curl = spawnSync('bash', ['-c', 'curl "$@"; rc=$?; times >&2; exit $rc', 'bash', ...curlArgs], { encoding: 'utf8' });
      const ms = performance.now() - c0;
      const t = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(curl.stderr.trim());
      curlCpu.push(t ? Number(t[1]) * 60 + Number(t[2]) + Number(t[3]) * 60 + Number(t[4]) : NaN);
      curlServerCpu.push(serverCpu() - s0);
      const after = await getToken(server.url, ks, t1);
      if (curl.status !== 0 || after.status !== 2 || after.uploadedFileSize !== size)
        throw new Error(`curl upload failed: ${curl.stderr} ${JSON.stringify(after)}`);
      await dropToken(t1);
      return ms;
    };

    // 2. The uploader in headless Chromium.
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: config.use?.launchOptions?.args ?? [] });
    const page = await uploaderPage(browser, server.url, path);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    /** The page's main-thread task time so far (CDP Performance.getMetrics, seconds). */
    const taskDuration = async () => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
      const m = metrics.find((x) => x.name === 'TaskDuration');
      if (!m) throw new Error('Chromium reported no TaskDuration metric');
      return m.value;
    };
    const runPage = async (opts: { chunkMB?: number; parallel?: number; transport?: 'xhr' | 'fetch'; single?: boolean }) => {
      const token = await addToken(server.url, ks);
      const model = uploadStepModel(server.url, ks, token, 'bench.bin', size);
      const r = await page.evaluate(
        async ({ model, opts }) => {
          const U = (globalThis as unknown as { ConsoleUploader: typeof import('../../lib/upload/index') }).ConsoleUploader;
          const file = (document.getElementById('bench-file') as HTMLInputElement).files?.[0];
          if (!file) throw new Error('no file in #bench-file');
          const u = new U.Upload({
            model,
            file,
            store: new U.MemoryFingerprintStore(),
            ...(opts.chunkMB ? { chunkSize: opts.chunkMB * 1048576 } : {}),
            ...(opts.parallel ? { parallel: opts.parallel } : {}),
            ...(opts.transport === 'fetch' ? { transport: U.fetchTransport } : {}),
            ...(opts.single ? { mode: 'single' as const } : {}),
          });
          const t0 = performance.now();
          const token = await u.start();
          const ms = performance.now() - t0;
          const p = u.progress();
          return { ms, token, chunkSize: p.chunkSize, parallel: p.parallel, chunks: p.chunks, sends: u.sends.length };
        },
        { model, opts },
      );
      return { ...r, tokenId: token };
    };
    // Optional variants first (BENCH_UPLOAD_VARIANTS="16x4,32x2:fetch": chunk MiB x streams[:fetch]), for tuning.
    for (const v of (process.env.BENCH_UPLOAD_VARIANTS ?? '').split(',').filter(Boolean)) {
      const m = /^(\d+)x(\d+)(?::(fetch|xhr))?$/.exec(v);
      if (!m) throw new Error(`bad variant ${v}`);
      const r = await runPage({ chunkMB: Number(m[1]), parallel: Number(m[2]), transport: (m[3] as 'fetch' | 'xhr') ?? 'xhr' });
      await dropToken(r.tokenId);
      console.log(`variant ${v}: ${mbps(size, r.ms).toFixed(1)} MB/s (${(r.ms / 1000).toFixed(2)} s)`);
    }
    // Rounds alternate curl and the uploader, so both see the same machine load (it is shared);
    // the figures are the medians.
    const rounds = Number(process.env.BENCH_UPLOAD_ROUNDS ?? 3);
    const rssBefore = pid ? memKiB(pid, 'VmRSS') : NaN;
    const curlTimes: number[] = [];
    const pageTimes: number[] = [];
    const cpu: number[] = [];
    const singleTimes: number[] = [];
    let result!: Awaited<ReturnType<typeof runPage>>;
    for (let r = 0; r < rounds; r++) {
      const curlRound = await runCurl();
      curlTimes.push(curlRound);
      const task0 = await taskDuration();
      if (result) await dropToken(result.tokenId); // the previous round's (the last one is checked below)
      const b0 = chromiumCpu();
      const s0 = serverCpu();
      result = await runPage({});
      const taskRound = (await taskDuration()) - task0;
      pageBrowserCpu.push(chromiumCpu() - b0);
      pageServerCpu.push(serverCpu() - s0);
      pageTimes.push(result.ms);
      cpu.push(taskRound);
      // The browser's own ceiling for one stream: the whole file in one request from the same page.
      const single = await runPage({ single: true });
      singleTimes.push(single.ms);
      await dropToken(single.tokenId);
      console.log(
        `round ${r + 1}: curl ${mbps(size, curlRound).toFixed(1)} MB/s, uploader ${mbps(size, result.ms).toFixed(1)} MB/s (page TaskDuration ${taskRound.toFixed(2)} s), chromium one request ${mbps(size, single.ms).toFixed(1)} MB/s`,
      );
    }
    const peak = pid ? memKiB(pid, 'VmHWM') : NaN;
    await browser.close();
    if (result.token.status !== 2 || result.token.uploadedFileSize !== size)
      throw new Error(`browser upload did not complete: ${JSON.stringify(result.token)}`);
    const got = await attachAndDownload(server.url, ks, result.tokenId);
    const gotSha = createHash('sha256').update(got).digest('hex');
    if (gotSha !== fileSha) throw new Error('the downloaded entry differs from the file');

    const curlMs = median(curlTimes);
    const pageMs = median(pageTimes);
    const curlRate = mbps(size, curlMs);
    const pageRate = mbps(size, pageMs);
    console.log(
      `medians of ${rounds} rounds; file: ${MB} MiB random bytes; server: next start + sandbox on loopback (127.0.0.1), ${server.url}; sandbox data: ${dataDir ?? 'a temp folder on disk'}`,
    );
    console.log(`curl, 1 request:            ${curlRate.toFixed(1)} MB/s (${(curlMs / 1000).toFixed(2)} s)`);
    console.log(
      `chromium, console uploader: ${pageRate.toFixed(1)} MB/s (${(pageMs / 1000).toFixed(2)} s), ${result.chunks.total} chunks of ${result.chunkSize / 1048576} MiB, ${result.parallel} streams, ${result.sends} requests, ${result.chunks.retried} retried`,
    );
    const singleRate = mbps(size, median(singleTimes));
    console.log(`chromium, one request:      ${singleRate.toFixed(1)} MB/s (the whole file in one XMLHttpRequest from the same page)`);
    console.log(`ratio uploader / curl:      ${(pageRate / curlRate).toFixed(2)} (goal >= 0.8)`);
    console.log(`ratio uploader / chromium one request: ${(pageRate / singleRate).toFixed(2)}`);
    console.log(
      `page CPU (main thread, CDP TaskDuration) per upload: median ${median(cpu).toFixed(2)} s for ${(pageMs / 1000).toFixed(2)} s of upload`,
    );
    const gib = size / 1024 ** 3;
    const perGib = (xs: number[]) => (median(xs) / gib).toFixed(2);
    console.log(
      `CPU per GiB (median): curl ${perGib(curlCpu)} s + server ${perGib(curlServerCpu)} s; Chromium (all its processes) ${perGib(pageBrowserCpu)} s + server ${perGib(pageServerCpu)} s`,
    );
    console.log(
      `server memory: RSS before the browser upload ${(rssBefore / 1024).toFixed(0)} MB, peak (VmHWM, whole run incl. curl) ${(peak / 1024).toFixed(0)} MB`,
    );
    console.log(`download sha256 equals the file's: ${gotSha === fileSha}`);
  } finally {
    await server.dispose();
    rmSync(dir, { recursive: true, force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
