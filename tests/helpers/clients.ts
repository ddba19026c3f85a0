/**
 * Kaltura's official client libraries (../shared/clients/*.tar.gz, AGPL test tools): each is
 * extracted at test time into the git-ignored `.tmp/clients/<Name>-<tarball hash>/`, once, and
 * never copied into the project. Parallel test files wait for one another's extraction.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SHARED_DIR } from './shared';

export const CLIENTS = join(SHARED_DIR, 'clients');
export const HAVE_CLIENTS = existsSync(CLIENTS);
const CACHE = resolve(import.meta.dirname, '../../.tmp/clients');

/** Extracts `<name>.tar.gz` once per tarball hash; `prepare` (compiling) runs once in the same folder. */
export function clientDir(name: string, prepare?: (dir: string) => void): string {
  const tgz = join(CLIENTS, `${name}.tar.gz`);
  const hash = createHash('sha256').update(readFileSync(tgz)).digest('hex').slice(0, 12);
  const dir = join(CACHE, `${name}-${hash}`);
  if (existsSync(join(dir, '.ready'))) return dir;
  mkdirSync(CACHE, { recursive: true });
  const lock = `${dir}.lock`;
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(join(dir, '.ready'))) return dir;
      if (Date.now() - started > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
      execFileSync('sleep', ['1']);
    }
  }
  try {
    if (existsSync(join(dir, '.ready'))) return dir;
    const tmp = mkdtempSync(join(CACHE, `${name}-`));
    execFileSync('tar', ['xzf', tgz, '-C', tmp]);
    prepare?.(tmp);
    writeFileSync(join(tmp, '.ready'), new Date().toISOString());
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
    return dir;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
