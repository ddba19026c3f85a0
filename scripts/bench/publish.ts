/**
 * Publishing: `npm run bench -- publish` (BENCH_PUBLISH_MB=64, BENCH_PUBLISH_ROUNDS=3).
 *
 * In one run, on this machine, with `npm start` servers on the test build:
 *  1. storage: one instance on SQLite + files vs one on PostgreSQL (a test server started here,
 *     tests/helpers/postgres.ts): chunked upload throughput (a BENCH_PUBLISH_MB file in 4 MiB
 *     chunks, 4 in parallel at explicit offsets, then checked by sha256) and request throughput
 *     (media.add / media.get / media.list / category.add / category.list, 8 in flight);
 *  2. scale out: two instances on one PostgreSQL database, requests alternating between them, vs
 *     one instance on it: the same two figures;
 *  3. the authoring loop: the time from saving a recipe file to the open page (headless Chromium)
 *     showing the change (live reload over server-sent events; goal <= 1 s), 10 saves.
 * Rounds alternate the configurations (the machine is shared); medians and ratios are printed,
 * with the load average before and after.
 */
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import config, { CHROMIUM_PATH } from '../../playwright.config';
import { startServer, type TestServer } from '../../tests/helpers/server';
import { findPostgres, NO_POSTGRES, startPostgres } from '../../tests/helpers/postgres';
import { ROOT } from '../../tests/helpers/build';
import { median } from './stats';

const MB = Number(process.env.BENCH_PUBLISH_MB ?? 64);
const ROUNDS = Number(process.env.BENCH_PUBLISH_ROUNDS ?? 3);
const CHUNK = 4 * 1024 * 1024;
const REQUESTS = Number(process.env.BENCH_PUBLISH_REQUESTS ?? 400);
const SECRET = 'test-admin-secret-0123456789abcdef';
const PID = 1000042;

type Json = any;

async function call(base: string, service: string, action: string, params: Record<string, unknown>, file?: Uint8Array): Promise<Json> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) fd.append(k, String(v));
  if (file) fd.append('fileData', new Blob([file as Uint8Array<ArrayBuffer>]), 'chunk.bin');
  const r = await fetch(`${base}/api_v3/service/${service}/action/${action}?format=1`, { method: 'POST', body: fd });
  return r.json();
}

function check<T>(v: Json, what: string): T {
  if (!v || v.objectType === 'KalturaAPIException') throw new Error(`${what} failed: ${JSON.stringify(v).slice(0, 300)}`);
  return v as T;
}

const fmt = (n: number, d = 1) => n.toFixed(d);

/** A chunked upload of `data` through `bases` (chunk i to bases[i % n]), 4 chunks in flight; MB/s. */
async function upload(bases: string[], ks: string, data: Buffer): Promise<number> {
  const n = Math.ceil(data.length / CHUNK);
  const t0 = performance.now();
  const t = check<{ id: string }>(
    await call(bases[0]!, 'uploadToken', 'add', {
      ks,
      'uploadToken[objectType]': 'KalturaUploadToken',
      'uploadToken[fileSize]': data.length,
      'uploadToken[autoFinalize]': 1,
    }),
    'uploadToken.add',
  );
  check(
    await call(
      bases[0]!,
      'uploadToken',
      'upload',
      { ks, uploadTokenId: t.id, resume: false, resumeAt: 0, finalChunk: false },
      data.subarray(0, CHUNK),
    ),
    'first chunk',
  );
  const queue = Array.from({ length: n - 1 }, (_, k) => k + 1);
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        check(
          await call(
            bases[i % bases.length]!,
            'uploadToken',
            'upload',
            { ks, uploadTokenId: t.id, resume: true, resumeAt: i * CHUNK, finalChunk: false },
            data.subarray(i * CHUNK, (i + 1) * CHUNK),
          ),
          `chunk ${i}`,
        );
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  const done = check<{ status: number; uploadedFileSize: number }>(
    await call(bases.at(-1)!, 'uploadToken', 'get', { ks, uploadTokenId: t.id }),
    'uploadToken.get',
  );
  if (done.status !== 2 || done.uploadedFileSize !== data.length) throw new Error(`upload not complete: ${JSON.stringify(done)}`);
  // checked: attached to an entry and downloaded from the other instance
  const e = check<{ id: string }>(
    await call(bases[0]!, 'media', 'add', { ks, 'entry[objectType]': 'KalturaMediaEntry', 'entry[mediaType]': 2, 'entry[name]': 'bench' }),
    'media.add',
  );
  check(
    await call(bases[0]!, 'media', 'addContent', {
      ks,
      entryId: e.id,
      'resource[objectType]': 'KalturaUploadedFileTokenResource',
      'resource[token]': t.id,
    }),
    'addContent',
  );
  const got = Buffer.from(await (await fetch(`${bases.at(-1)}/api_v3/sandbox/content/${e.id}`)).arrayBuffer());
  if (createHash('sha256').update(got).digest('hex') !== createHash('sha256').update(data).digest('hex'))
    throw new Error('downloaded bytes differ');
  await call(bases[0]!, 'media', 'delete', { ks, entryId: e.id });
  return data.length / (1024 * 1024) / secs;
}

/** REQUESTS small API calls, 8 in flight, alternating over `bases`; calls/s. */
async function requests(bases: string[], ks: string): Promise<number> {
  const entry = check<{ id: string }>(
    await call(bases[0]!, 'media', 'add', { ks, 'entry[objectType]': 'KalturaMediaEntry', 'entry[mediaType]': 1, 'entry[name]': 'fixed' }),
    'media.add',
  );
  const kinds: Array<(b: string, i: number) => Promise<Json>> = [
    (b, i) => call(b, 'media', 'add', { ks, 'entry[objectType]': 'KalturaMediaEntry', 'entry[mediaType]': 1, 'entry[name]': `e${i}` }),
    (b) => call(b, 'media', 'get', { ks, entryId: entry.id }),
    (b) => call(b, 'media', 'list', { ks, 'pager[pageSize]': 10 }),
    (b, i) =>
      call(b, 'category', 'add', {
        ks,
        'category[objectType]': 'KalturaCategory',
        'category[name]': `c${i}-${randomBytes(4).toString('hex')}`,
      }),
    (b) =>
      call(b, 'category', 'list', { ks, 'filter[objectType]': 'KalturaCategoryFilter', 'filter[depthEqual]': 0, 'pager[pageSize]': 10 }),
  ];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < REQUESTS; i = next++) check(await kinds[i % kinds.length]!(bases[i % bases.length]!, i), `request ${i}`);
    }),
  );
  return REQUESTS / ((performance.now() - t0) / 1000);
}

async function adminKs(base: string): Promise<string> {
  return check<string>(await call(base, 'session', 'start', { secret: SECRET, partnerId: PID, type: 2 }), 'session.start');
}

async function liveReload(): Promise<{ times: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-live-'));
  cpSync(join(ROOT, 'recipes'), dir, { recursive: true });
  const server = await startServer({ env: { RECIPES_DIR: dir } });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: config.use?.launchOptions?.args ?? [] });
  const times: number[] = [];
  try {
    const page = await browser.newPage();
    const file = join(dir, 'start-and-inspect-session.md');
    const original = readFileSync(file, 'utf8');
    await page.goto(`${server.url}/recipes/start-and-inspect-session`);
    await page.waitForLoadState('networkidle');
    for (let i = 0; i < 10; i++) {
      const marker = `Saved-${i}-${randomBytes(4).toString('hex')}`;
      await page.waitForTimeout(400); // the event stream is connected again after the last reload
      const t0 = performance.now();
      writeFileSync(file, original.replace(/^## /m, `${marker} in the intro.\n\n## `));
      await page.waitForFunction((m) => document.body.innerText.includes(m), marker, { polling: 10, timeout: 10_000 });
      times.push(performance.now() - t0);
    }
  } finally {
    await browser.close();
    await server.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
  return { times };
}

async function main() {
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}; load average before: ${loadavg()
      .map((l) => fmt(l, 2))
      .join(' ')}`,
  );
  console.log(`upload ${MB} MiB in 4 MiB chunks (4 in flight); ${REQUESTS} small requests (8 in flight); ${ROUNDS} rounds, medians`);
  const bin = findPostgres();
  if (!bin) {
    console.error(NO_POSTGRES);
    process.exit(1);
  }
  const pg = await startPostgres();
  const servers: TestServer[] = [];
  try {
    const pgUrl = await pg.createDatabase('bench_shared');
    const sqlite = await startServer({ env: { SANDBOX_STORAGE: 'sqlite', SANDBOX_PROCESSING_MS: '0' } });
    servers.push(sqlite);
    const pgEnv = { SANDBOX_STORAGE: 'postgres', SANDBOX_DATABASE_URL: pgUrl, SANDBOX_PROCESSING_MS: '0' };
    const p1 = await startServer({ env: pgEnv });
    servers.push(p1);
    const p2 = await startServer({ env: pgEnv });
    servers.push(p2);
    const configs: Array<[string, string[]]> = [
      ['SQLite, 1 instance', [sqlite.url]],
      ['PostgreSQL, 1 instance', [p1.url]],
      ['PostgreSQL, 2 instances', [p1.url, p2.url]],
    ];
    const ks = new Map<string, string>();
    for (const [name, bases] of configs) ks.set(name, await adminKs(bases[0]!));
    const data = randomBytes(MB * 1024 * 1024);
    const up = new Map<string, number[]>();
    const rq = new Map<string, number[]>();
    // a warm-up of each (first requests compile routes, open connections)
    for (const [name, bases] of configs) {
      await requests(bases, ks.get(name)!);
    }
    for (let r = 0; r < ROUNDS; r++) {
      for (const [name, bases] of r % 2 ? [...configs].reverse() : configs) {
        up.set(name, [...(up.get(name) ?? []), await upload(bases, ks.get(name)!, data)]);
        rq.set(name, [...(rq.get(name) ?? []), await requests(bases, ks.get(name)!)]);
      }
    }
    console.log('');
    console.log('| storage, instances | upload MB/s | requests/s |');
    console.log('| --- | --- | --- |');
    for (const [name] of configs) console.log(`| ${name} | ${fmt(median(up.get(name)!))} | ${fmt(median(rq.get(name)!))} |`);
    const ratio = (a: string, b: string, m: Map<string, number[]>) => fmt(median(m.get(a)!) / median(m.get(b)!), 2);
    console.log(
      `\nPostgreSQL / SQLite (1 instance each): upload ${ratio('PostgreSQL, 1 instance', 'SQLite, 1 instance', up)}, requests ${ratio('PostgreSQL, 1 instance', 'SQLite, 1 instance', rq)}`,
    );
    console.log(
      `2 instances / 1 instance (PostgreSQL): upload ${ratio('PostgreSQL, 2 instances', 'PostgreSQL, 1 instance', up)}, requests ${ratio('PostgreSQL, 2 instances', 'PostgreSQL, 1 instance', rq)}`,
    );
    console.log(
      `every round: ${JSON.stringify(Object.fromEntries([...up].map(([k, v]) => [k, { upload: v.map((x) => +fmt(x)), requests: rq.get(k)!.map((x) => +fmt(x)) }])))}`,
    );
  } finally {
    for (const s of servers) await s.dispose();
    pg.stop();
  }

  const { times } = await liveReload();
  console.log(
    `\nlive reload, save -> open page shows it (10 saves): median ${fmt(median(times), 0)} ms, max ${fmt(Math.max(...times), 0)} ms (goal <= 1000 ms); all: ${times.map((t) => fmt(t, 0)).join(', ')}`,
  );
  console.log(
    `load average after: ${loadavg()
      .map((l) => fmt(l, 2))
      .join(' ')}`,
  );
}

await main();
