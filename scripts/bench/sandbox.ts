/**
 * Sandbox benchmark (starts its own `next start` via tests/helpers/server.ts):
 * - upload of a BENCH_UPLOAD_MB file (default 1024 = 1 GiB): one request, then 4 and 8 parallel
 *   chunk streams, in MB/s, next to the raw disk write speed of the same machine (fs, same run,
 *   same file system), with the server's peak RSS sampled from /proc during each upload;
 * - requests/s of uploadToken.get with a valid KS vs system.ping (the empty route), same server.
 *
 *   npm run bench -- sandbox
 *   BENCH_UPLOAD_MB=64 NEXT_DIST_DIR=.next-sandbox npx tsx scripts/bench/sandbox.ts
 */
import { createWriteStream, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { request as httpRequest, Agent } from 'node:http';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { startServer, TEST_ADMIN_SECRET, TEST_PARTNER_ID, type TestServer } from '../../tests/helpers/server';

const MB = 1024 * 1024;
const TOTAL_MB = Number(process.env.BENCH_UPLOAD_MB || 1024);
const TOTAL = TOTAL_MB * MB;
const CHUNK = Number(process.env.BENCH_CHUNK_MB || 32) * MB;
const RPS_SECONDS = Number(process.env.BENCH_RPS_SECONDS || 4);
const BLOCK = randomBytes(MB); // the file's content: one random MiB repeated

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** POSTs to the sandbox with node:http; `body` streams `size` bytes as a multipart file part. */
function post(server: TestServer, path: string, fields: Record<string, string>, file?: { size: number }): Promise<any> {
  return new Promise((resolve, reject) => {
    const boundary = '----bench' + Math.random().toString(16).slice(2);
    let head = '';
    for (const [k, v] of Object.entries(fields)) head += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
    if (file)
      head += `--${boundary}\r\nContent-Disposition: form-data; name="fileData"; filename="bench.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    const tail = file ? `\r\n--${boundary}--\r\n` : `--${boundary}--\r\n`;
    const length = Buffer.byteLength(head) + (file?.size ?? 0) + Buffer.byteLength(tail);
    const req = httpRequest(
      `${server.url}/api_v3${path}`,
      { method: 'POST', agent, headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString()));
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on('error', reject);
    (async () => {
      req.write(head);
      let left = file?.size ?? 0;
      while (left > 0) {
        const n = Math.min(left, BLOCK.length);
        if (!req.write(n === BLOCK.length ? BLOCK : BLOCK.subarray(0, n))) await once(req, 'drain');
        left -= n;
      }
      req.end(tail);
    })().catch(reject);
  });
}

function call(server: TestServer, service: string, action: string, fields: Record<string, string>, file?: { size: number }) {
  return post(server, `/service/${service}/action/${action}?format=1`, fields, file);
}

/** PIDs of the server: the process listening on `port` (Next renames itself `next-server`), plus its children. */
function serverPids(port: number): number[] {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const f of ['/proc/net/tcp', '/proc/net/tcp6']) {
    try {
      for (const line of readFileSync(f, 'utf8').split('\n').slice(1)) {
        // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
        const [, local, , state, , , , , , inode] = line.trim().split(/\s+/);
        if (inode !== undefined && local?.endsWith(':' + hex) && state === '0A') inodes.add(inode);
      }
    } catch {
      /* no such table */
    }
  }
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
  const roots = new Set<number>();
  const parent = new Map<number, number>();
  for (const pid of all) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        if (inode !== undefined && inodes.has(inode)) roots.add(pid);
      }
    } catch {
      /* gone or not ours */
    }
  }
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, pp] of parent) if (roots.has(pp) && !roots.has(pid)) roots.add(pid), (grew = true);
  }
  return [...roots];
}

function rssOf(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      /* gone */
    }
  }
  return kb * 1024;
}

/** CPU seconds (user + system) used so far by the processes: a load-independent cost. */
function cpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      /* gone */
    }
  }
  return ticks / 100; // USER_HZ
}

async function sampled<T>(
  pids: number[],
  fn: () => Promise<T>,
): Promise<{ result: T; seconds: number; peak: number; before: number; cpu: number }> {
  const before = rssOf(pids);
  const cpu0 = cpuSeconds(pids);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pids))), 50);
  const t0 = performance.now();
  try {
    const result = await fn();
    return { result, seconds: (performance.now() - t0) / 1000, peak: Math.max(peak, rssOf(pids)), before, cpu: cpuSeconds(pids) - cpu0 };
  } finally {
    clearInterval(timer);
  }
}

async function rawDiskWrite(dir: string): Promise<number> {
  const path = join(dir, 'raw-write.bin');
  const t0 = performance.now();
  const ws = createWriteStream(path, { highWaterMark: MB });
  for (let left = TOTAL; left > 0; left -= MB) if (!ws.write(BLOCK)) await once(ws, 'drain');
  ws.end();
  await once(ws, 'finish');
  const s = (performance.now() - t0) / 1000;
  rmSync(path, { force: true });
  return TOTAL / MB / s;
}

async function uploadParallel(server: TestServer, ks: string, streams: number): Promise<any> {
  const t = await call(server, 'uploadToken', 'add', { ks });
  const first = Math.min(CHUNK, TOTAL);
  await call(server, 'uploadToken', 'upload', { ks, uploadTokenId: t.id, resume: 'false', finalChunk: 'false' }, { size: first });
  let next = first;
  await Promise.all(
    Array.from({ length: streams }, async () => {
      while (next < TOTAL) {
        const off = next;
        const size = Math.min(CHUNK, TOTAL - off);
        next += size;
        const r = await call(
          server,
          'uploadToken',
          'upload',
          { ks, uploadTokenId: t.id, resume: 'true', finalChunk: 'false', resumeAt: String(off) },
          { size },
        );
        if (r.objectType !== 'KalturaUploadToken') throw new Error(JSON.stringify(r));
      }
    }),
  );
  return call(
    server,
    'uploadToken',
    'upload',
    { ks, uploadTokenId: t.id, resume: 'true', finalChunk: 'true', resumeAt: String(TOTAL) },
    { size: 0 },
  );
}

async function rps(
  server: TestServer,
  pids: number[],
  path: string,
  fields: Record<string, string>,
  seconds: number,
  concurrency = 16,
): Promise<{ rps: number; cpuUs: number }> {
  const body = new URLSearchParams(fields).toString();
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const req = httpRequest(
        `${server.url}/api_v3${path}`,
        {
          method: 'POST',
          agent,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  for (let i = 0; i < 200; i++) await one(); // warm up
  const cpu0 = cpuSeconds(pids);
  let n = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await one();
        n++;
      }
    }),
  );
  return { rps: n / seconds, cpuUs: n ? ((cpuSeconds(pids) - cpu0) * 1e6) / n : NaN };
}

const fmt = (n: number, d = 1) => n.toFixed(d);
const mib = (b: number) => `${fmt(b / MB, 0)} MiB`;

async function main() {
  console.log(`load average before: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  console.log(`sandbox bench: upload ${TOTAL_MB} MiB (chunks of ${CHUNK / MB} MiB for parallel streams), node ${process.version}`);
  const server = await startServer();
  try {
    const pids = serverPids(server.port);
    console.log(`server processes: ${pids.join(', ') || 'none found'}`);
    if (!pids.length) console.log('(could not find the server process: memory figures are missing)');
    const ks = await call(server, 'session', 'start', { secret: TEST_ADMIN_SECRET, partnerId: String(TEST_PARTNER_ID), type: '2' });
    const raw = await rawDiskWrite(server.dataDir);
    console.log(`raw disk write (fs, same file system):      ${fmt(raw)} MB/s`);

    const single = await sampled(pids, async () => {
      const t = await call(server, 'uploadToken', 'add', { ks });
      return call(server, 'uploadToken', 'upload', { ks, uploadTokenId: t.id }, { size: TOTAL });
    });
    if (single.result.uploadedFileSize !== TOTAL || single.result.status !== 2)
      throw new Error('single upload failed: ' + JSON.stringify(single.result));
    console.log(
      `upload, one request:                        ${fmt(TOTAL / MB / single.seconds)} MB/s (${fmt((TOTAL / MB / single.seconds / raw) * 100, 0)}% of raw)  server RSS ${mib(single.before)} -> peak ${mib(single.peak)}, server CPU ${fmt(single.cpu / (TOTAL / 1024 / MB), 2)} s/GiB`,
    );
    for (const n of [4, 8]) {
      const r = await sampled(pids, () => uploadParallel(server, ks, n));
      if (r.result.uploadedFileSize !== TOTAL || r.result.status !== 2) throw new Error(`${n} streams failed: ` + JSON.stringify(r.result));
      console.log(
        `upload, ${n} parallel chunk streams:           ${fmt(TOTAL / MB / r.seconds)} MB/s (${fmt((TOTAL / MB / r.seconds / raw) * 100, 0)}% of raw)  server RSS ${mib(r.before)} -> peak ${mib(r.peak)}, server CPU ${fmt(r.cpu / (TOTAL / 1024 / MB), 2)} s/GiB`,
      );
    }

    const token = await call(server, 'uploadToken', 'add', { ks });
    // alternated twice, best of each (the machine is shared: this keeps the ratio fair)
    let ping = { rps: 0, cpuUs: Infinity };
    let get = { rps: 0, cpuUs: Infinity };
    const best = (a: typeof ping, b: typeof ping) => ({ rps: Math.max(a.rps, b.rps), cpuUs: Math.min(a.cpuUs, b.cpuUs) });
    for (let i = 0; i < 2; i++) {
      ping = best(ping, await rps(server, pids, '/service/system/action/ping?format=1', {}, RPS_SECONDS));
      get = best(get, await rps(server, pids, '/service/uploadtoken/action/get?format=1', { ks, uploadTokenId: token.id }, RPS_SECONDS));
    }
    console.log(`system.ping (empty route):                  ${fmt(ping.rps, 0)} req/s, server CPU ${fmt(ping.cpuUs, 0)} us/request`);
    console.log(
      `uploadToken.get with a valid KS:            ${fmt(get.rps, 0)} req/s, server CPU ${fmt(get.cpuUs, 0)} us/request  (ratio ${fmt(get.rps / ping.rps, 2)} by req/s, ${fmt(ping.cpuUs / get.cpuUs, 2)} by server CPU)`,
    );
  } finally {
    await server.dispose();
    agent.destroy();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
