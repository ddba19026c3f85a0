/**
 * Sandbox body limits (issue 11, finding 4), two servers started side by side (tests/helpers/
 * server.ts, i.e. `npm start` on the test build): one as shipped, one with SANDBOX_BODY_LIMITS=off
 * (bodies parsed without the bounds, as before them).
 *
 * - Latency of a concurrent `system.ping` (one keep-alive connection, a ping every 5 ms) while
 *   one client sends "maximal rejected bodies" back to back: bodies that make the server do the
 *   most work it does before refusing (all of the allowed text scanned, the bound passed at the
 *   very end). Goal: p99 <= 50 ms. Also the same for the 250k-key JSON of the finding, with the
 *   limits and without them ("before").
 * - The longest synchronous step of the parsing of each such body, in this process (the same code
 *   the server runs, fed 64 KiB chunks as a socket delivers them): what one request can hold the
 *   event loop for, whatever the machine's load. Goal: under 50 ms.
 * - Throughput of ordinary requests (16 keep-alive clients, 4 s each, 3 rounds in alternating
 *   order, best of each) with and without the limits, measured first, on fresh servers; and the
 *   same requests handled in this process by the sandbox alone (no HTTP, no Next: the part the
 *   limits can change), 3000 each, 5 rounds alternating, least time per request. Goal: within 5%.
 *
 *   npm run bench -- sandbox            (this and sandbox.ts)
 *   npx tsx scripts/bench/sandbox-limits.ts
 */
import busboy from 'busboy';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SandboxCore, SandboxHttp, readSettings } from '../../lib/sandbox';
import { Agent, request as httpRequest } from 'node:http';
import { DEFAULT_LIMITS, FormScanner, JsonScanner } from '../../lib/sandbox/limits';
import { fromJson, mergeTree, setFlat, type ParamTree } from '../../lib/sandbox/params';
import { startServer, TEST_ADMIN_SECRET, TEST_PARTNER_ID, type TestServer } from '../../tests/helpers/server';
import { median } from './stats';

const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const RPS_SECONDS = Number(process.env.BENCH_RPS_SECONDS || 4);
const MiB = 1024 * 1024;

interface Body {
  name: string;
  path: string;
  type?: string;
  body: Buffer;
}

function send(server: TestServer, agent: Agent, b: Pick<Body, 'path' | 'type' | 'body'>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'Content-Length': b.body.length };
    if (b.type) headers['Content-Type'] = b.type;
    const req = httpRequest(`${server.url}/api_v3${b.path}`, { method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(b.body);
  });
}

function cpuSeconds(pid: number | undefined): number {
  if (!pid) return NaN;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

/** The p-th percentile (0 < p <= 100; 100 is the largest) of sorted samples; NaN when there are none. */
function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** The same request kinds made for the two servers (limits on, limits off), side by side. */
function sideBySide<T>(on: readonly T[], off: readonly T[]): Array<[T, T]> {
  const pairs = on.flatMap((x, i): Array<[T, T]> => {
    const y = off[i];
    return y === undefined ? [] : [[x, y]];
  });
  if (pairs.length !== on.length || on.length !== off.length)
    throw new Error(`limits on and off were given different request kinds (${on.length} and ${off.length})`);
  return pairs;
}

/** Pings every 5 ms on its own connection while `load` runs; latencies in ms, sorted. */
async function pingsDuring(
  server: TestServer,
  load: (until: number) => Promise<number>,
  seconds = SECONDS,
): Promise<{ lat: number[]; sent: number }> {
  const pingAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  const lat: number[] = [];
  const until = performance.now() + seconds * 1000;
  const pinger = (async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      const r = await send(server, pingAgent, { path: '/service/system/action/ping?format=1', body: Buffer.alloc(0) });
      if (r.text !== 'true') throw new Error('ping answered ' + r.text.slice(0, 200));
      lat.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const sent = await load(until);
  await pinger;
  pingAgent.destroy();
  return { lat: lat.sort((a, b) => a - b), sent };
}

/** Sends `b` back to back until `until`; checks every answer is the refusal. */
function rejectLoop(server: TestServer, b: Body, expect: RegExp) {
  return async (until: number) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    let n = 0;
    while (performance.now() < until) {
      const r = await send(server, agent, b);
      if (!expect.test(r.text)) throw new Error(`${b.name}: unexpected answer ${r.text.slice(0, 300)}`);
      n++;
    }
    agent.destroy();
    return n;
  };
}

function multipart(fields: Array<[string, string]>): { type: string; body: Buffer } {
  const boundary = '----bench' + Math.random().toString(16).slice(2);
  const parts = fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.from(parts.join('') + `--${boundary}--\r\n`) };
}

/** The most work the server does before refusing: the allowed text scanned, the bound passed at its very end. */
function maximalBodies(): Body[] {
  const maxBytes = 2 * MiB;
  const value = 'v'.repeat(186);
  const entries: string[] = [];
  for (let i = 0; i < 10_001; i++) entries.push(`"k${String(i).padStart(5, '0')}":"${value}"`);
  const json10001 = '{' + entries.join(',') + '}';
  const overBytes = '{"a":"' + 'x'.repeat(maxBytes - 7) + '"}';
  const form = Array.from({ length: 9_999 }, (_, i) => `k${i}=${'y'.repeat(195)}`).join('&');
  const formOver = form + '&z=' + 'z'.repeat(maxBytes - form.length - 2);
  const mp10001 = multipart(Array.from({ length: 10_001 }, (_, i) => [`f${i}`, 'w'.repeat(150)]));
  const mpJson = multipart([['json', '{"a":"' + 'j'.repeat(maxBytes) + '"}']]);
  const bodies: Body[] = [
    {
      name: `JSON, ${(json10001.length / MiB).toFixed(2)} MiB, the 10,001st entry last`,
      path: '/service/media/action/list?format=1',
      type: 'application/json',
      body: Buffer.from(json10001),
    },
    {
      name: 'JSON, 2 MiB + 1 byte (one long value)',
      path: '/service/media/action/list?format=1',
      type: 'application/json',
      body: Buffer.from(overBytes),
    },
    {
      name: `form, 2 MiB + 1 byte, 10,000 fields`,
      path: '/service/media/action/list?format=1',
      type: 'application/x-www-form-urlencoded',
      body: Buffer.from(formOver),
    },
    {
      name: `multipart, 10,001 fields (${(mp10001.body.length / MiB).toFixed(2)} MiB)`,
      path: '/service/media/action/list?format=1',
      ...mp10001,
    },
    { name: 'multipart, a json field of 2 MiB + 9 bytes', path: '/service/media/action/list?format=1', ...mpJson },
  ];
  for (const b of bodies)
    if (b.body.length > maxBytes + 4 * 1024 && !b.name.startsWith('multipart')) throw new Error(`${b.name} is ${b.body.length} bytes`);
  return bodies;
}

/** 10,000 entries in 1.9 MiB of JSON to media.list: every bound reached, none passed (unknown keys are ignored). */
function maximalAccepted(ks: string): Body {
  const entries: string[] = [];
  for (let i = 0; i < 9_998; i++) entries.push(`"k${String(i).padStart(5, '0')}":"${'v'.repeat(186)}"`);
  const json = `{"pager":{"pageSize":1},${entries.join(',')}}`;
  return {
    name: `(accepted) JSON, ${(json.length / MiB).toFixed(2)} MiB, 10,000 entries`,
    path: `/service/media/action/list?format=1&ks=${encodeURIComponent(ks)}`,
    type: 'application/json',
    body: Buffer.from(json),
  };
}

function finding4Body(): Body {
  const json = JSON.stringify(Object.fromEntries(Array.from({ length: 250_000 }, (_, i) => [`k${i}`, i])));
  return {
    name: `the finding's JSON: 250k keys, ${(json.length / MiB).toFixed(1)} MiB, to system.ping`,
    path: '/service/system/action/ping?format=1',
    type: 'application/json',
    body: Buffer.from(json),
  };
}

async function rps(
  server: TestServer,
  b: Pick<Body, 'path' | 'type' | 'body'>,
  seconds: number,
  concurrency = 16,
): Promise<{ rps: number; cpuUs: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  for (let i = 0; i < 100; i++) await send(server, agent, b);
  const pid = server.pid();
  const cpu0 = cpuSeconds(pid);
  let n = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const r = await send(server, agent, b);
        if (r.status !== 200 || r.text.includes('KalturaAPIException')) throw new Error(`${b.path}: ${r.text.slice(0, 300)}`);
        n++;
      }
    }),
  );
  agent.destroy();
  return { rps: n / seconds, cpuUs: n ? ((cpuSeconds(pid) - cpu0) * 1e6) / n : NaN };
}

const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));

/** Runs `steps` (each one synchronous step) 5 times; the median of the longest step, and of the total. */
function longestStep(steps: () => Array<() => void>): { longest: number; total: number } {
  const runs: Array<{ longest: number; total: number }> = [];
  for (let r = 0; r < 5; r++) {
    let longest = 0;
    let total = 0;
    for (const step of steps()) {
      const t0 = performance.now();
      try {
        step();
      } catch {
        /* the refusal: the step that throws it counts */
      }
      const d = performance.now() - t0;
      longest = Math.max(longest, d);
      total += d;
    }
    runs.push({ longest, total });
  }
  const med = (k: 'longest' | 'total') => median(runs.map((x) => x[k]));
  return { longest: med('longest'), total: med('total') };
}

function chunks(b: Buffer, size = 64 * 1024): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < b.length; i += size) out.push(b.subarray(i, i + size));
  return out;
}

/** The sandbox alone, in this process, limits on and off: microseconds per request of each kind. */
async function inProcessThroughput(kinds: (k: string, t: string) => Array<[string, Pick<Body, 'path' | 'type' | 'body'>]>) {
  const dirs: string[] = [];
  const make = async (off: boolean) => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-limits-'));
    dirs.push(dir);
    const env = {
      SANDBOX_DATA_DIR: dir,
      SANDBOX_PARTNER_ID: String(TEST_PARTNER_ID),
      SANDBOX_ADMIN_SECRET: TEST_ADMIN_SECRET,
      ...(off ? { SANDBOX_BODY_LIMITS: 'off' } : {}),
    };
    const http = new SandboxHttp(await SandboxCore.create(readSettings(env as unknown as NodeJS.ProcessEnv)));
    const call = async (b: Pick<Body, 'path' | 'type' | 'body'>) => {
      const headers: Record<string, string> = { host: 'localhost' };
      if (b.type) headers['content-type'] = b.type;
      const r = await http.handle(
        new Request(`http://localhost/api_v3${b.path}`, { method: 'POST', headers, body: new Uint8Array(b.body) }),
      );
      return r.text();
    };
    const ks = JSON.parse(
      await call({
        path: '/service/session/action/start?format=1',
        type: 'application/x-www-form-urlencoded',
        body: Buffer.from(`secret=${TEST_ADMIN_SECRET}&partnerId=${TEST_PARTNER_ID}&type=2`),
      }),
    );
    const token = JSON.parse(
      await call({
        path: '/service/uploadToken/action/add?format=1',
        type: 'application/x-www-form-urlencoded',
        body: Buffer.from(`ks=${ks}`),
      }),
    ).id;
    return { call, list: kinds(ks, token) };
  };
  const on = await make(false);
  const off = await make(true);
  const N = Number(process.env.BENCH_INPROC_N || 3000);
  const time = async (c: typeof on, b: Pick<Body, 'path' | 'type' | 'body'>) => {
    for (let k = 0; k < 200; k++) await c.call(b);
    // CPU time of this process (the machine is shared: wall time waits for other work too)
    const c0 = process.cpuUsage();
    for (let k = 0; k < N; k++) {
      const text = await c.call(b);
      if (text.includes('KalturaAPIException')) throw new Error(text.slice(0, 300));
    }
    const d = process.cpuUsage(c0);
    return (d.user + d.system) / N;
  };
  console.log(
    `\nthe sandbox alone, in this process (no HTTP, no Next), limits on vs off: ${N} requests each, 7 rounds alternating, least CPU us per request:`,
  );
  for (const [[label, bodyOn], [, bodyOff]] of sideBySide(on.list, off.list)) {
    let a = Infinity;
    let b = Infinity;
    for (let r = 0; r < 7; r++) {
      if (r % 2) {
        b = Math.min(b, await time(off, bodyOff));
        a = Math.min(a, await time(on, bodyOn));
      } else {
        a = Math.min(a, await time(on, bodyOn));
        b = Math.min(b, await time(off, bodyOff));
      }
    }
    console.log(
      `  ${label.padEnd(34)} on ${a.toFixed(1).padStart(6)} us, off ${b.toFixed(1).padStart(6)} us: ratio ${(b / a).toFixed(3)} (throughput on/off)`,
    );
  }
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}

/** In this process, the server's own parsing code on each body, chunk by chunk. */
function inProcessSteps(bodies: Body[], accepted: Body) {
  console.log('\nlongest synchronous step of parsing one body (this process, 64 KiB chunks, median of 5):');
  const show = (name: string, r: { longest: number; total: number }) =>
    console.log(`  ${name.padEnd(56)} longest step ${ms(r.longest).padStart(5)} ms, all steps ${ms(r.total).padStart(5)} ms`);
  for (const b of bodies) {
    if (b.type === 'application/json' || b.type === 'application/x-www-form-urlencoded') {
      show(
        b.name,
        longestStep(() => {
          const sc = b.type === 'application/json' ? new JsonScanner(DEFAULT_LIMITS) : new FormScanner(DEFAULT_LIMITS);
          return chunks(b.body).map((c) => () => sc.push(c));
        }),
      );
    } else if (b.type?.startsWith('multipart/')) {
      show(
        b.name,
        longestStep(() => {
          const bb = busboy({
            headers: { 'content-type': b.type! },
            defParamCharset: 'utf8',
            limits: { fieldSize: DEFAULT_LIMITS.maxBytes, fields: DEFAULT_LIMITS.maxEntries, parts: DEFAULT_LIMITS.maxEntries + 50 },
          });
          const tree: ParamTree = {};
          let stop = false;
          bb.on('field', (name, value) => (stop ? undefined : setFlat(tree, name, value)));
          bb.on('fieldsLimit', () => (stop = true));
          bb.on('error', () => undefined);
          return chunks(b.body).map((c) => () => {
            if (!stop) bb.write(c);
          });
        }),
      );
    }
  }
  // the accepted maximal body: scanned, then JSON.parse + fromJson + merge in one step (as the server does)
  show(
    accepted.name,
    longestStep(() => {
      const sc = new JsonScanner(DEFAULT_LIMITS);
      const parts = chunks(accepted.body);
      return [
        ...parts.map((c) => () => sc.push(c)),
        () => {
          const t = fromJson(JSON.parse(Buffer.concat(parts).toString('utf8'))) as ParamTree;
          const into: ParamTree = {};
          mergeTree(into, t);
          mergeTree({}, into);
        },
      ];
    }),
  );
  const form = Buffer.from(Array.from({ length: 10_000 }, (_, i) => `k${i}=${'y'.repeat(195)}`).join('&'));
  show(
    `(accepted) form, ${(form.length / MiB).toFixed(2)} MiB, 10,000 fields`,
    longestStep(() => {
      const sc = new FormScanner(DEFAULT_LIMITS);
      const parts = chunks(form);
      return [
        ...parts.map((c) => () => sc.push(c)),
        () => {
          const t: ParamTree = {};
          for (const [k, v] of new URLSearchParams(Buffer.concat(parts).toString('utf8'))) setFlat(t, k, v);
        },
      ];
    }),
  );
}

async function main() {
  console.log(`load average before: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}; node ${process.version}`);
  const on = await startServer();
  const off = await startServer({ env: { SANDBOX_BODY_LIMITS: 'off' } });
  try {
    const ks = (
      await send(on, new Agent(), {
        path: '/service/session/action/start?format=1',
        type: 'application/x-www-form-urlencoded',
        body: Buffer.from(new URLSearchParams({ secret: TEST_ADMIN_SECRET, partnerId: String(TEST_PARTNER_ID), type: '2' }).toString()),
      })
    ).text.replace(/"/g, '');
    const ksOff = (
      await send(off, new Agent(), {
        path: '/service/session/action/start?format=1',
        type: 'application/x-www-form-urlencoded',
        body: Buffer.from(new URLSearchParams({ secret: TEST_ADMIN_SECRET, partnerId: String(TEST_PARTNER_ID), type: '2' }).toString()),
      })
    ).text.replace(/"/g, '');
    const tokenOf = async (s: TestServer, k: string) =>
      JSON.parse(
        (
          await send(s, new Agent(), {
            path: '/service/uploadToken/action/add?format=1',
            type: 'application/x-www-form-urlencoded',
            body: Buffer.from(`ks=${k}`),
          })
        ).text,
      ).id as string;
    const tOn = await tokenOf(on, ks);
    const tOff = await tokenOf(off, ksOff);
    const kinds = (k: string, t: string): Array<[string, Pick<Body, 'path' | 'type' | 'body'>]> => [
      [
        'system.ping (form body)',
        { path: '/service/system/action/ping?format=1', type: 'application/x-www-form-urlencoded', body: Buffer.from('clientTag=bench') },
      ],
      [
        'uploadToken.get (form, KS)',
        {
          path: '/service/uploadToken/action/get?format=1',
          type: 'application/x-www-form-urlencoded',
          body: Buffer.from(`ks=${k}&uploadTokenId=${t}`),
        },
      ],
      [
        'media.list (JSON, filter + pager)',
        {
          path: '/service/media/action/list?format=1',
          type: 'application/json',
          body: Buffer.from(
            JSON.stringify({
              ks: k,
              filter: { objectType: 'KalturaMediaEntryFilter', statusIn: '2,7', orderBy: '-createdAt' },
              pager: { pageSize: 5 },
            }),
          ),
        },
      ],
      [
        'multirequest of 10 pings (JSON)',
        {
          path: '/service/multirequest?format=1',
          type: 'application/json',
          body: Buffer.from(
            JSON.stringify({
              ks: k,
              ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i + 1), { service: 'system', action: 'ping' }])),
            }),
          ),
        },
      ],
    ];
    console.log(
      `\nthroughput of ordinary requests, limits on vs off (16 clients, ${RPS_SECONDS} s each, 3 rounds in alternating order, best of each):`,
    );
    for (const [[label, bodyOn], [, bodyOff]] of sideBySide(kinds(ks, tOn), kinds(ksOff, tOff))) {
      let bestOn = { rps: 0, cpuUs: Infinity };
      let bestOff = { rps: 0, cpuUs: Infinity };
      for (let round = 0; round < 3; round++) {
        const first = round % 2 === 0;
        const y0 = first ? undefined : await rps(off, bodyOff, RPS_SECONDS);
        const x = await rps(on, bodyOn, RPS_SECONDS);
        const y = y0 ?? (await rps(off, bodyOff, RPS_SECONDS));
        bestOn = { rps: Math.max(bestOn.rps, x.rps), cpuUs: Math.min(bestOn.cpuUs, x.cpuUs) };
        bestOff = { rps: Math.max(bestOff.rps, y.rps), cpuUs: Math.min(bestOff.cpuUs, y.cpuUs) };
      }
      console.log(
        `  ${label.padEnd(34)} on ${bestOn.rps.toFixed(0).padStart(5)} req/s (${bestOn.cpuUs.toFixed(0)} us CPU/req), off ${bestOff.rps.toFixed(0).padStart(5)} req/s (${bestOff.cpuUs.toFixed(0)} us CPU/req): ` +
          `ratio ${(bestOn.rps / bestOff.rps).toFixed(3)} by req/s, ${(bestOff.cpuUs / bestOn.cpuUs).toFixed(3)} by server CPU`,
      );
    }
    const idle = await pingsDuring(
      on,
      async (until) => {
        while (performance.now() < until) await new Promise((r) => setTimeout(r, 50));
        return 0;
      },
      3,
    );
    console.log(
      `\nsystem.ping latency, nothing else running:   p50 ${ms(pct(idle.lat, 50))} ms, p99 ${ms(pct(idle.lat, 99))} ms, max ${ms(pct(idle.lat, 100))} ms (${idle.lat.length} pings)`,
    );

    console.log(`\nconcurrent system.ping while one client sends maximal rejected bodies back to back (${SECONDS} s each, limits on):`);
    const refused = /"code":"INVALID_FIELD_VALUE"/;
    for (const b of maximalBodies()) {
      const cpu0 = cpuSeconds(on.pid());
      const r = await pingsDuring(on, rejectLoop(on, b, refused));
      const cpu = cpuSeconds(on.pid()) - cpu0;
      console.log(
        `  ${b.name.padEnd(48)} p50 ${ms(pct(r.lat, 50)).padStart(5)} ms, p99 ${ms(pct(r.lat, 99)).padStart(5)} ms, max ${ms(pct(r.lat, 100)).padStart(5)} ms; ` +
          `${r.sent} bodies (${((r.sent * b.body.length) / MiB / SECONDS).toFixed(0)} MiB/s), server CPU ${((cpu * 1000) / Math.max(1, r.sent)).toFixed(1)} ms per body`,
      );
    }
    // for comparison: the largest body that is accepted (at every bound but none passed), parsed and answered
    const accepted = maximalAccepted(ks);
    {
      const cpu0 = cpuSeconds(on.pid());
      const r = await pingsDuring(on, rejectLoop(on, accepted, /KalturaMediaListResponse/));
      const cpu = cpuSeconds(on.pid()) - cpu0;
      console.log(
        `  ${accepted.name.padEnd(48)} p50 ${ms(pct(r.lat, 50)).padStart(5)} ms, p99 ${ms(pct(r.lat, 99)).padStart(5)} ms, max ${ms(pct(r.lat, 100)).padStart(5)} ms; ` +
          `${r.sent} bodies (${((r.sent * accepted.body.length) / MiB / SECONDS).toFixed(0)} MiB/s), server CPU ${((cpu * 1000) / Math.max(1, r.sent)).toFixed(1)} ms per body`,
      );
    }
    const f4 = finding4Body();
    for (const [label, server] of [
      ['limits on ', on],
      ['limits off', off],
    ] as const) {
      const cpu0 = cpuSeconds(server.pid());
      const r = await pingsDuring(
        server,
        rejectLoop(server, f4, label.startsWith('limits on') ? refused : /true|KalturaAPIException/),
        label.startsWith('limits on') ? SECONDS : 2 * SECONDS,
      );
      const cpu = cpuSeconds(server.pid()) - cpu0;
      console.log(
        `  ${`${f4.name}, ${label}`.padEnd(48)} p50 ${ms(pct(r.lat, 50)).padStart(5)} ms, p99 ${ms(pct(r.lat, 99)).padStart(5)} ms, max ${ms(pct(r.lat, 100)).padStart(5)} ms; ` +
          `${r.sent} bodies, server CPU ${((cpu * 1000) / Math.max(1, r.sent)).toFixed(0)} ms per body`,
      );
    }

    inProcessSteps(maximalBodies(), accepted);
    await inProcessThroughput(kinds);
  } finally {
    await on.dispose();
    await off.dispose();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
