/**
 * `npm run bench -- recipes-test`: how long `recipes:test` takes for every shipped recipe against
 * the in-process sandbox, and how much of it is spent outside the sandbox.
 *
 * In one process, like the CLI: the sandbox behind node:http (lib/sandbox/node-server.ts, which
 * measures the time it is busy: a request's arrival to the end of its answer) and the headless
 * runner (lib/runner/run-recipe.ts) with the chunked uploader. Each round runs all shipped
 * recipes in turn. Time is split into
 *  - sandbox: the server busy serving the recipes' requests;
 *  - waiting: the runner asleep between READY checks (the sandbox's simulated processing);
 *  - runner: everything else (parsing, forms, request models, fetch on the client side, checks).
 * Goal: the runner's own share at most 10% of the total. Then the CLI end to end (process start,
 * tsx, API description, sandbox start included), for scale.
 *
 * BENCH_ROUNDS (default 20) rounds; SANDBOX_PROCESSING_MS as the environment says (the CLI's
 * default 1500 ms makes waiting dominate; 0 shows the work alone: both are printed).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getKalturaDescription } from '../../lib/description';
import { startSession } from '../../lib/connection/session';
import { parseRecipe } from '../../lib/recipe';
import { runRecipe } from '../../lib/runner/run-recipe';
import { readSettings } from '../../lib/sandbox/config';
import { startSandboxServer } from '../../lib/sandbox/node-server';
import { MemoryFingerprintStore } from '../../lib/upload/fingerprint';
import { createUploadExecutor } from '../../lib/upload/step';
import { fetchTransport } from '../../lib/upload/transport';
import { median } from './stats';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const files = readdirSync(join(root, 'recipes'))
  .filter((f) => f.endsWith('.md'))
  .sort();
const sources = files.map((f) => readFileSync(join(root, 'recipes', f), 'utf8'));
const bytes = new Uint8Array(32 * 1024).map((_, i) => (i * 131) % 251);

async function inProcess(processingMs: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-recipes-test-'));
  const t0 = performance.now();
  const api = getKalturaDescription();
  const secret = 'bench-admin-secret-0123456789abcd';
  const sandbox = await startSandboxServer({
    settings: readSettings({
      NODE_ENV: 'production',
      SANDBOX_DATA_DIR: dataDir,
      SANDBOX_ADMIN_SECRET: secret,
      SANDBOX_PROCESSING_MS: String(processingMs),
    }),
    quiet: true,
  });
  const partnerId = sandbox.core.partner.id;
  const ks = await startSession({ serviceUrl: sandbox.url, partnerId, secret });
  const startMs = performance.now() - t0;
  const connection = { serviceUrl: sandbox.url, partnerId, secret, ks };
  const executor = createUploadExecutor({ transport: fetchTransport, store: new MemoryFingerprintStore() });
  const once = async () => {
    let waited = 0;
    let steps = 0;
    for (const src of sources) {
      const recipe = parseRecipe(src, { api });
      const r = await runRecipe({
        recipe,
        api,
        connection,
        values: recipe.title === 'Uploading Media Files' ? { 2: [{ path: 'body.entry.mediaType', value: 1 }] } : {},
        file: () => ({ blob: new Blob([bytes]), name: 'bench.bin' }),
        executor,
        sandbox: true,
        poll: { intervalMs: 25, maxIntervalMs: 250 }, // as the CLI
      });
      if (!r.passed) throw new Error(`${recipe.title} failed: ${JSON.stringify(r.steps.find((s) => s.status !== 'passed'))}`);
      for (const s of r.steps) {
        waited += s.entry?.waitedMs ?? 0;
        if (s.operation) steps++;
      }
    }
    return { waited, steps };
  };
  await once(); // warm-up (JIT, ajv compilations, SQLite statements)
  const busy0 = sandbox.busyMs();
  const req0 = sandbox.requests();
  const cpu0 = process.cpuUsage();
  const w0 = performance.now();
  let waited = 0;
  let steps = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const r = await once();
    waited += r.waited;
    steps += r.steps;
  }
  const total = performance.now() - w0;
  const cpu = process.cpuUsage(cpu0);
  const busy = sandbox.busyMs() - busy0;
  const requests = sandbox.requests() - req0;
  // What one request costs the client here: Node's fetch (undici) against the same server, with a trivial call.
  for (let i = 0; i < 50; i++) await (await fetch(`${sandbox.url}/api_v3/service/system/action/ping?format=1`, { method: 'POST' })).text();
  const pb = sandbox.busyMs();
  const pt = performance.now();
  const PINGS = 300;
  for (let i = 0; i < PINGS; i++)
    await (
      await fetch(`${sandbox.url}/api_v3/service/system/action/ping?format=1`, { method: 'POST', body: new URLSearchParams({ x: '1' }) })
    ).text();
  const pingTotal = (performance.now() - pt) / PINGS;
  const pingBusy = (sandbox.busyMs() - pb) / PINGS;
  await sandbox.close();
  rmSync(dataDir, { recursive: true, force: true });
  const runner = total - busy - waited;
  const pct = (x: number) => `${((100 * x) / total).toFixed(1)}%`;
  console.log(
    `\nin-process, SANDBOX_PROCESSING_MS=${processingMs}: ${ROUNDS} rounds of ${files.length} recipes (${steps / ROUNDS} steps, ${requests / ROUNDS} requests per round)`,
  );
  console.log(`  start (API description, sandbox, session): ${startMs.toFixed(0)} ms`);
  console.log(`  per round: ${(total / ROUNDS).toFixed(1)} ms wall, ${((cpu.user + cpu.system) / 1000 / ROUNDS).toFixed(1)} ms CPU`);
  console.log(
    `  sandbox busy ${(busy / ROUNDS).toFixed(1)} ms (${pct(busy)}), waiting for READY ${(waited / ROUNDS).toFixed(1)} ms (${pct(waited)}), runner ${(runner / ROUNDS).toFixed(1)} ms (${pct(runner)})`,
  );
  console.log(`  outside the sandbox: ${pct(total - busy)} of the total; the runner's own: ${pct(runner)} (goal <= 10%)`);
  const client = (pingTotal - pingBusy) * (requests / ROUNDS);
  console.log(
    `  HTTP client cost (system.ping x ${PINGS}): ${pingTotal.toFixed(2)} ms a request, ${pingBusy.toFixed(2)} ms of it in the sandbox; ${(pingTotal - pingBusy).toFixed(2)} ms x ${requests / ROUNDS} requests = ${client.toFixed(1)} ms of the runner's ${(runner / ROUNDS).toFixed(1)} ms a round`,
  );
}

function cliRuns(n: number, processingMs: number): void {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = spawnSync(
      join(root, 'node_modules/.bin/tsx'),
      [join(root, 'scripts/recipes-test.ts'), '--value', 'upload-media:3.entry.mediaType=1', '--reporter', 'json'],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, SANDBOX_PROCESSING_MS: String(processingMs) },
      },
    );
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`recipes:test failed (exit ${r.status}):\n${r.stdout.slice(0, 2000)}\n${r.stderr}`);
  }
  console.log(
    `\nCLI end to end (npm run recipes:test, all ${files.length} recipes, SANDBOX_PROCESSING_MS=${processingMs}): median ${median(times).toFixed(0)} ms of ${n} runs (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`,
  );
}

console.log(
  `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
await inProcess(0);
await inProcess(Number(process.env.SANDBOX_PROCESSING_MS ?? 1500));
cliRuns(Number(process.env.BENCH_CLI_RUNS ?? 5), 1500);
