/**
 * Generic services benchmark (issue 14): the generic behaviour against the hand-written media
 * service, in the same run, on the same sandbox:
 * - add / get / list throughput of cue points (generic: cuePoint.add, get, list with entryIdEqual
 *   and a pager) vs entries (hand-written: media.add, get, list with a filter and a pager), in the
 *   sandbox core alone (SandboxCore.call, in process: the part the generic engine changes) and
 *   through HTTP (lib/sandbox/node-server.ts, JSON bodies, 8 keep-alive clients); rounds alternate,
 *   best of each; the figure is generic/hand-written;
 * - a list over 10,000 cue points of one entry with filters (entryIdEqual,
 *   startTimeGreaterThanOrEqual, cuePointTypeEqual), orderBy +startTime and a pager (page 5 of 30),
 *   timed in process and through HTTP (p50, p95, max of 60 calls).
 *
 *   npm run bench -- sandbox-generic
 *   BENCH_N=500 npx tsx scripts/bench/sandbox-generic.ts
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request as httpRequest } from 'node:http';
import { readSettings } from '../../lib/sandbox/config';
import type { SandboxCore } from '../../lib/sandbox/core';
import { buildKs, SESSION_ADMIN } from '../../lib/sandbox/ks';
import { startSandboxServer } from '../../lib/sandbox/node-server';
import type { ParamTree } from '../../lib/sandbox/params';

const N = Number(process.env.BENCH_N || 2000);
const ROUNDS = 3;
const BIG = 10_000;
const SECRET = 'bench-generic-secret';
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const fmt = (n: number, d = 0) => n.toFixed(d);

type Json = any;
type Caller = (service: string, action: string, params: Json) => Promise<Json>;

function inProcess(core: SandboxCore, ks: string): Caller {
  return async (service, action, params) => core.call({ service, action, params: { ...params, ks } as ParamTree, baseUrl: 'http://bench' });
}

function overHttp(url: string, ks: string, agent: Agent): Caller {
  return (service, action, params) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ ...params, ks });
      const req = httpRequest(
        `${url}/api_v3/service/${service}/action/${action}?format=1`,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString())));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

const check = (v: Json, what: string) => {
  if (v && v.objectType === 'KalturaAPIException') throw new Error(`${what}: ${v.code} ${v.message}`);
  return v;
};

/** Calls per second of `n` calls made by `clients` concurrent callers. */
async function rate(n: number, clients: number, one: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < n) await one(next++);
    }),
  );
  return (n / (performance.now() - t0)) * 1000;
}

interface Figures {
  add: number;
  get: number;
  list: number;
}

async function throughput(call: Caller, entryId: string, clients: number): Promise<{ generic: Figures; media: Figures }> {
  const best = (a: Figures, b: Figures): Figures => ({
    add: Math.max(a.add, b.add),
    get: Math.max(a.get, b.get),
    list: Math.max(a.list, b.list),
  });
  let generic: Figures = { add: 0, get: 0, list: 0 };
  let media: Figures = { add: 0, get: 0, list: 0 };
  for (let r = 0; r < ROUNDS; r++) {
    const cueIds: string[] = [];
    const entryIds: string[] = [];
    const g: Figures = { add: 0, get: 0, list: 0 };
    const m: Figures = { add: 0, get: 0, list: 0 };
    m.add = await rate(N, clients, async (i) =>
      entryIds.push(
        check(
          await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', mediaType: 1, name: `bench ${r} ${i}`, tags: 'bench' } }),
          'media.add',
        ).id,
      ),
    );
    g.add = await rate(N, clients, async (i) =>
      cueIds.push(
        check(
          await call('cuePoint', 'add', {
            cuePoint: { objectType: 'KalturaCodeCuePoint', entryId, startTime: i * 1000, code: `c${i}`, tags: 'bench' },
          }),
          'cuePoint.add',
        ).id,
      ),
    );
    m.get = await rate(N, clients, async (i) => check(await call('media', 'get', { entryId: entryIds[i % entryIds.length] }), 'media.get'));
    g.get = await rate(N, clients, async (i) => check(await call('cuePoint', 'get', { id: cueIds[i % cueIds.length] }), 'cuePoint.get'));
    const lists = Math.max(50, Math.floor(N / 10));
    m.list = await rate(lists, clients, async (i) =>
      check(
        await call('media', 'list', {
          filter: { objectType: 'KalturaMediaEntryFilter', mediaTypeEqual: 1, orderBy: '-createdAt' },
          pager: { pageSize: 30, pageIndex: 1 + (i % 3) },
        }),
        'media.list',
      ),
    );
    g.list = await rate(lists, clients, async (i) =>
      check(
        await call('cuePoint', 'list', {
          filter: { objectType: 'KalturaCuePointFilter', entryIdEqual: entryId, orderBy: '+startTime' },
          pager: { pageSize: 30, pageIndex: 1 + (i % 3) },
        }),
        'cuePoint.list',
      ),
    );
    generic = best(generic, g);
    media = best(media, m);
  }
  return { generic, media };
}

async function timeBigList(call: Caller, entryId: string): Promise<{ p50: number; p95: number; max: number; total: number }> {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    const r = check(
      await call('cuePoint', 'list', {
        filter: {
          objectType: 'KalturaCuePointFilter',
          entryIdEqual: entryId,
          startTimeGreaterThanOrEqual: 1000 * (i % 7),
          cuePointTypeEqual: 'codeCuePoint.Code',
          orderBy: '+startTime',
        },
        pager: { pageSize: 30, pageIndex: 5 },
      }),
      'big list',
    );
    times.push(performance.now() - t0);
    total = r.totalCount;
    if (r.objects.length !== 30) throw new Error('big list: a short page');
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]!, max: times[times.length - 1]!, total };
}

async function main(): Promise<void> {
  console.log(`load average before: ${load()}`);
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}; N=${N} calls per figure, ${ROUNDS} rounds, best of each`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'bench-generic-'));
  const settings = readSettings({ NODE_ENV: 'production', SANDBOX_DATA_DIR: dir, SANDBOX_ADMIN_SECRET: SECRET, SANDBOX_PARTNER_ID: '777' });
  const server = await startSandboxServer({ settings, quiet: true });
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  try {
    const core = server.core;
    const ks = buildKs(SECRET, {
      partnerId: 777,
      type: SESSION_ADMIN,
      userId: 'bench',
      expiry: Math.floor(Date.now() / 1000) + 86400,
      privileges: new Map(),
    });
    const local = inProcess(core, ks);
    const remote = overHttp(server.url, ks, agent);
    const parent = check(
      await local('media', 'add', { entry: { objectType: 'KalturaMediaEntry', mediaType: 1, name: 'parent' } }),
      'media.add',
    );
    const show = (where: string, f: { generic: Figures; media: Figures }) => {
      for (const k of ['add', 'get', 'list'] as const) {
        console.log(
          `${where} ${k.padEnd(4)}  generic ${fmt(f.generic[k]).padStart(6)} calls/s   hand-written ${fmt(f.media[k]).padStart(6)} calls/s   ratio ${fmt(f.generic[k] / f.media[k], 2)}`,
        );
      }
    };
    show('in process', await throughput(local, parent.id, 1));
    show('over HTTP ', await throughput(remote, parent.id, 8));

    // 10,000 cue points of one entry (and others elsewhere), then the filtered, paged list
    const big = check(await local('media', 'add', { entry: { objectType: 'KalturaMediaEntry', mediaType: 1, name: 'big' } }), 'media.add');
    const t0 = performance.now();
    for (let i = 0; i < BIG; i++) {
      check(
        await local('cuePoint', 'add', {
          cuePoint: {
            objectType: i % 10 === 9 ? 'KalturaAnnotation' : 'KalturaCodeCuePoint',
            entryId: big.id,
            startTime: i * 100,
            code: `c${i}`,
            text: 't',
          },
        }),
        'cuePoint.add',
      );
    }
    console.log(`${BIG} cue points added in ${fmt((performance.now() - t0) / 1000, 1)} s`);
    const a = await timeBigList(local, big.id);
    const b = await timeBigList(remote, big.id);
    console.log(
      `list of ${BIG} (filtered to ${a.total}), page 5 of 30, in process: p50 ${fmt(a.p50, 2)} ms, p95 ${fmt(a.p95, 2)} ms, max ${fmt(a.max, 2)} ms`,
    );
    console.log(
      `the same over HTTP:                                    p50 ${fmt(b.p50, 2)} ms, p95 ${fmt(b.p95, 2)} ms, max ${fmt(b.max, 2)} ms`,
    );
    console.log(`load average after: ${load()}`);
  } finally {
    agent.destroy();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
