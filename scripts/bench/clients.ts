/**
 * The official-client execution suite's time (tests/integration/codegen/clients: every shipped
 * recipe in every language, run with Kaltura's client against a fresh sandbox each), as CI runs it:
 * languages in parallel (one vitest worker per language file, BENCH_CLIENTS_WORKERS at once,
 * default 4), the clients extracted and compiled from ../shared/clients first (cold: the cache in
 * .tmp/clients is moved aside for the run and put back after; BENCH_CLIENTS_WARM=1 keeps it).
 * The test build is made before the clock starts (CI builds once for all tests).
 *
 * Prints the wall time of the whole suite, each language file's time, the tests passed/failed,
 * and the machine's load average during the run (sampled every 5 s: the machine is shared).
 *
 *   npm run bench -- clients
 *   BENCH_CLIENTS_WORKERS=2 npx tsx scripts/bench/clients.ts
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ensureBuild, ROOT } from '../../tests/helpers/build';
import { loadAverage1 } from './stats';

const workers = Number(process.env.BENCH_CLIENTS_WORKERS || 4);
const warm = process.env.BENCH_CLIENTS_WARM === '1';
const cache = join(ROOT, '.tmp/clients');
const aside = join(ROOT, `.tmp/clients-aside-${process.pid}`);
const out = join(ROOT, '.tmp/bench-codegen-clients.json');

interface FileResult {
  name: string;
  startTime: number;
  endTime: number;
  assertionResults: Array<{ status: string; fullName: string }>;
}

async function main(): Promise<void> {
  console.log(
    `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}; ${workers} workers; ${warm ? 'warm' : 'cold'} client cache`,
  );
  const t0 = Date.now();
  ensureBuild();
  console.log(`test build: ${((Date.now() - t0) / 1000).toFixed(0)} s (0 when it was fresh; not counted below)`);

  if (!warm && existsSync(cache)) renameSync(cache, aside);
  const loads: number[] = [];
  const sampler = setInterval(() => loads.push(loadAverage1()), 5000);
  loads.push(loadAverage1());
  const start = Date.now();
  let code: number | null = null;
  try {
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    code = await new Promise<number | null>((resolve) => {
      const child = spawn(
        join(ROOT, 'node_modules/.bin/vitest'),
        ['run', 'tests/integration/codegen/clients', `--maxWorkers=${workers}`, '--reporter=json', `--outputFile=${out}`],
        { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, SKIP_BUILD: '1', NEXT_TELEMETRY_DISABLED: '1' } },
      );
      child.on('exit', (c) => resolve(c));
    });
  } finally {
    clearInterval(sampler);
    if (!warm && existsSync(aside)) {
      // The run's own cache goes; the one moved aside comes back.
      rmSync(cache, { recursive: true, force: true });
      renameSync(aside, cache);
    }
  }
  const wall = (Date.now() - start) / 1000;
  loads.push(loadAverage1());
  const r = JSON.parse(readFileSync(out, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    testResults: FileResult[];
  };
  console.log(
    `\nwhole suite: ${wall.toFixed(0)} s wall (${(wall / 60).toFixed(1)} min), vitest exit ${code}; tests ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`,
  );
  console.log('per language (file start → end, relative to the suite start):');
  for (const f of [...r.testResults].sort((a, b) => a.endTime - a.startTime - (b.endTime - b.startTime))) {
    const lang = f.name.replace(/^.*\//, '').replace(/\.test\.ts$/, '');
    const failed = f.assertionResults.filter((a) => a.status === 'failed').length;
    console.log(
      `  ${lang.padEnd(8)} ${((f.endTime - f.startTime) / 1000).toFixed(0).padStart(5)} s   (${((f.startTime - start) / 1000).toFixed(0)} → ${((f.endTime - start) / 1000).toFixed(0)} s)  ${f.assertionResults.length} tests${failed ? `, ${failed} FAILED` : ''}`,
    );
  }
  const mean = loads.reduce((s, x) => s + x, 0) / loads.length;
  console.log(
    `load average (1 min) during the run: min ${Math.min(...loads).toFixed(1)}, mean ${mean.toFixed(1)}, max ${Math.max(...loads).toFixed(1)} (${loads.length} samples)`,
  );
  if (code !== 0) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
