/**
 * A real PostgreSQL server for tests and benchmarks: Debian's binaries (/usr/lib/postgresql/N/bin,
 * or PG_BIN, or pg_ctl on the PATH), a new data directory in a temporary folder, a free port on
 * 127.0.0.1, trust authentication for its one user `sandbox`; stopped (and its folder removed) by
 * `stop()` or when the process exits. A test worker that is killed never runs its exit handlers, so
 * each server's folder names its owner (`owner.pid`), and `sweepStalePostgres()` stops the servers
 * of owners that are gone: at every start, and in the test run's global teardown
 * (tests/helpers/global-teardown.ts). As root (initdb refuses root) it runs as the `postgres`
 * user, else `nobody`, with `runuser`.
 *
 * `findPostgres()` is undefined when no PostgreSQL can be found: tests then skip and say why
 * (`.ci/run` installs it, so CI never skips).
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, chmodSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './ports.ts'; // with its extension: vitest's config loads this file (global teardown)

export interface PostgresServer {
  /** postgres://sandbox@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** A new, empty database on this server; its URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): void;
}

/** The folder of pg_ctl, initdb and postgres, or undefined. */
export function findPostgres(): string | undefined {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    for (const v of readdirSync(base).sort((a, b) => Number(b) - Number(a))) candidates.push(join(base, v, 'bin'));
  }
  const which = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) candidates.push(join(which.stdout.trim(), '..'));
  return candidates.find((d) => existsSync(join(d, 'pg_ctl')) && existsSync(join(d, 'initdb')));
}

/** The reason tests skip when there is no PostgreSQL (printed by them). */
export const NO_POSTGRES =
  'PostgreSQL not found (no /usr/lib/postgresql/*/bin, PG_BIN or pg_ctl on the PATH): the PostgreSQL tests are SKIPPED. Install it with: apt-get install -y postgresql';

function runAs(): string[] {
  if (process.getuid?.() !== 0) return [];
  for (const user of ['postgres', 'nobody']) {
    if (spawnSync('id', ['-u', user]).status === 0) return ['runuser', '-u', user, '--'];
  }
  throw new Error('running as root, and neither a postgres nor a nobody user exists to run PostgreSQL as');
}

const PREFIX = 'recipe-console-pg-';

/** Runs a PostgreSQL tool as the user the servers run as. */
function runTool(bin: string, dir: string, cmd: string, args: string[]) {
  const prefix = runAs();
  const [exe, ...rest] = prefix.length ? [...prefix, join(bin, cmd), ...args] : [join(bin, cmd), ...args];
  const r = spawnSync(exe!, rest, { encoding: 'utf8', cwd: dir });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout}`);
  return r;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Stops and removes the test servers whose owning process is gone (a killed test worker, an
 * interrupted run). A folder without an owner file is a server of an older version of this helper:
 * stale once it is an hour old. Answers how many were stopped.
 */
export function sweepStalePostgres(): number {
  const bin = findPostgres();
  let n = 0;
  let names: string[] = [];
  try {
    names = readdirSync(tmpdir()).filter((d) => d.startsWith(PREFIX));
  } catch {
    return 0;
  }
  for (const name of names) {
    const dir = join(tmpdir(), name);
    let stale: boolean;
    try {
      const owner = Number(readFileSync(join(dir, 'owner.pid'), 'utf8'));
      stale = !Number.isInteger(owner) || owner <= 0 || !alive(owner);
    } catch {
      try {
        stale = Date.now() - statSync(dir).mtimeMs > 3600_000;
      } catch {
        continue;
      }
    }
    if (!stale) continue;
    if (bin && existsSync(join(dir, 'data', 'postmaster.pid'))) {
      try {
        runTool(bin, dir, 'pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
      } catch {
        /* not running */
      }
    }
    rmSync(dir, { recursive: true, force: true });
    n++;
  }
  return n;
}

const started: Array<() => void> = [];
process.on('exit', () => {
  for (const stop of started.splice(0)) stop();
});

export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPostgres();
  if (!bin) throw new Error(NO_POSTGRES);
  sweepStalePostgres();
  const dir = mkdtempSync(join(tmpdir(), PREFIX));
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  const prefix = runAs();
  if (prefix.length) {
    const user = prefix[2]!;
    const uid = Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const data = join(dir, 'data');
  const run = (cmd: string, args: string[]) => runTool(bin, dir, cmd, args);
  run('initdb', ['-D', data, '-U', 'sandbox', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const port = await freePort();
  // durability settings off: a test server's data is thrown away anyway
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  run('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      /* already gone */
    }
    rmSync(dir, { recursive: true, force: true });
  };
  started.push(stop);
  const url = `postgres://sandbox@127.0.0.1:${port}/postgres`;
  let n = 0;
  return {
    url,
    port,
    async createDatabase(name?: string) {
      const db = name ?? `sandbox_${process.pid}_${++n}_${Date.now() % 100000}`;
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${db}`);
      } finally {
        await c.end();
      }
      return `postgres://sandbox@127.0.0.1:${port}/${db}`;
    },
    stop,
  };
}

let shared: Promise<PostgresServer> | undefined;
/** One server for the whole test process (each caller makes its own database on it). */
export function sharedPostgres(): Promise<PostgresServer> {
  shared ??= startPostgres();
  return shared;
}
