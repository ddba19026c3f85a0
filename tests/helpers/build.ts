/**
 * Builds the console once for tests into its own dist folder (NEXT_DIST_DIR, default `.next-test`),
 * and only when a source file is newer than the last build. Used by vitest's and Playwright's
 * global setup, so a test run never serves a stale build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST_DIR = process.env.NEXT_DIST_DIR || '.next-test';

const SOURCE_DIRS = ['app', 'components', 'lib', 'recipes', 'public'];
const SOURCE_FILES = ['next.config.mjs', 'instrumentation.ts', 'package.json', 'tsconfig.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

export function buildIsFresh(distDir = DIST_DIR): boolean {
  const buildId = join(ROOT, distDir, 'BUILD_ID');
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  const sources = Math.max(...SOURCE_DIRS.map((d) => newestMtime(join(ROOT, d))), ...SOURCE_FILES.map((f) => newestMtime(join(ROOT, f))));
  return sources <= built;
}

export function ensureBuild(distDir = DIST_DIR): void {
  if (process.env.SKIP_BUILD === '1' || buildIsFresh(distDir)) return;
  // Parallel test files may ask at once: one builds, the others wait for it.
  const lock = join(ROOT, `${distDir}.lock`);
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - started > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      spawnSync('sleep', ['0.5']);
    }
  }
  try {
    if (!buildIsFresh(distDir)) runBuild(distDir);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function runBuild(distDir: string): void {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/next'), ['build'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status}); run NEXT_DIST_DIR=${distDir} npx next build to see why`);
}
