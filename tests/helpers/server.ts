/**
 * Starts the server users run (`npm start`, i.e. scripts/start.mjs: Next.js behind the console's
 * own HTTP edge) on the test build (see build.ts) and a free port, with its own sandbox data folder
 * and known sandbox credentials. Tests that need a server call this.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST_DIR, ROOT, ensureBuild } from './build';
import { freePort } from './ports';

export { freePort };

export const TEST_PARTNER_ID = 1000042;
export const TEST_ADMIN_SECRET = 'test-admin-secret-0123456789abcdef';

export interface TestServer {
  url: string;
  port: number;
  dataDir: string;
  env: Record<string, string>;
  /** Stops the server (the data folder stays until `dispose`). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data folder (for restart tests). */
  restart(): Promise<void>;
  /** Stops it and removes the data folder. */
  dispose(): Promise<void>;
  /** Everything the server printed so far. */
  output(): string;
  /** The server process (its memory is the server's: Next runs inside it), while it runs. */
  pid(): number | undefined;
  /** Resolves when the server process has exited (e.g. killed itself at a test crash point). */
  exited(): Promise<void>;
}

/** SANDBOX_TEST_STORAGE=postgres: the settings of a new database on this process's test PostgreSQL server. */
export async function postgresEnv(given?: Record<string, string>): Promise<Record<string, string>> {
  if (process.env.SANDBOX_TEST_STORAGE !== 'postgres' || given?.SANDBOX_DATABASE_URL || given?.SANDBOX_STORAGE) return {};
  const { sharedPostgres } = await import('./postgres');
  const url = await (await sharedPostgres()).createDatabase();
  return { SANDBOX_STORAGE: 'postgres', SANDBOX_DATABASE_URL: url };
}

/** How the server under test is started: `next start` of the test build by default. */
export interface ServerProgram {
  /** For error messages. */
  name: string;
  command: string;
  args: string[];
  /** Set over the test's settings (PORT, HOST and the sandbox's): what the program needs to run as tested. */
  env: Record<string, string>;
  /** Whether it serves the test build (made first if stale). */
  build: boolean;
}

const NEXT_START: ServerProgram = {
  name: 'scripts/start.mjs',
  command: process.execPath,
  args: [join(ROOT, 'scripts/start.mjs')],
  env: { NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  build: true,
};

export async function startServer(
  opts: { env?: Record<string, string>; dataDir?: string; port?: number; program?: ServerProgram } = {},
): Promise<TestServer> {
  const program = opts.program ?? NEXT_START;
  if (program.build) ensureBuild();
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'recipe-console-sandbox-'));
  const env: Record<string, string> = {
    SANDBOX_PARTNER_ID: String(TEST_PARTNER_ID),
    SANDBOX_ADMIN_SECRET: TEST_ADMIN_SECRET,
    SANDBOX_DATA_DIR: dataDir,
    // the sandbox suite's second run (vitest project sandbox-postgres): a database of its own on a test server
    ...(await postgresEnv(opts.env)),
    ...(opts.env ?? {}),
  };
  let child: ChildProcess | undefined;
  let out = '';
  const url = `http://127.0.0.1:${port}`;

  async function start(): Promise<void> {
    child = spawn(program.command, program.args, {
      cwd: ROOT,
      // loopback unless a test says otherwise (HOST=0.0.0.0 for the other-machine tests)
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env, ...program.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the server (${program.name}) exited early (${child.exitCode}):\n${out}`);
      try {
        const r = await fetch(`${url}/api_v3/service/system/action/ping?format=1`);
        if (r.status < 500) return;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`the server (${program.name}) did not answer within 60 s:\n${out}`);
  }

  async function stop(): Promise<void> {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
      setTimeout(() => c.kill('SIGKILL'), 5000).unref();
    });
  }

  await start();
  return {
    url,
    port,
    dataDir,
    env,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
    dispose: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    output: () => out,
    pid: () => (child && child.exitCode === null && child.signalCode === null ? child.pid : undefined),
    exited: () =>
      new Promise<void>((resolve) => {
        const c = child;
        if (!c || c.exitCode !== null || c.signalCode !== null) resolve();
        else c.once('exit', () => resolve());
      }),
  };
}
