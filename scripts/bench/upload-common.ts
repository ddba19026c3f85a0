/**
 * What the two upload benchmarks (upload.ts, upload-widget.ts) share: CPU and memory of processes
 * read from /proc, the file of random bytes, and a Chromium page of the sandbox's origin holding
 * the console's uploader (lib/upload bundled as it is) and a file input with the file picked.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from '../../tests/helpers/build';

const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** CPU seconds (user + system) so far of every live process that `pick` selects, by /proc/PID/stat. */
export function cpuOf(pick: (pid: number, ppid: number) => boolean): number {
  let ticks = 0;
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (pick(pid, Number(f[1]))) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks / TICKS;
}

/** The browser's CPU: every process whose executable is Chromium's (a benchmark runs one browser). */
export function chromiumCpu(): number {
  return cpuOf((pid) => {
    try {
      return /chrom/i.test(readlinkSync(`/proc/${pid}/exe`));
    } catch {
      return false;
    }
  });
}

/** The process listening on `port` (Next renames itself `next-server`). */
export function serverPid(port: number): number | undefined {
  const m = /pid=(\d+)/.exec(spawnSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' }).stdout);
  return m ? Number(m[1]) : undefined;
}

/** CPU seconds so far of the server process and its children. */
export function serverCpuOf(pid: number | undefined): () => number {
  return () => (pid ? cpuOf((p, pp) => p === pid || pp === pid) : Number.NaN);
}

export function memKiB(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : Number.NaN;
}

export function writeRandomFile(path: string, size: number): void {
  const fd = openSync(path, 'w');
  const block = randomBytes(4 * 1024 * 1024);
  for (let done = 0; done < size; done += block.length) writeSync(fd, block, 0, Math.min(block.length, size - done));
  closeSync(fd);
}

/**
 * A page of the sandbox's origin with the console's uploader as `globalThis.ConsoleUploader` and
 * `#bench-file` holding `path`. The page is the sandbox's JSON answer to a ping: the console's own
 * pages only allow their own scripts.
 */
export async function uploaderPage(browser: Browser, serverUrl: string, path: string): Promise<Page> {
  const bundle = await build({
    entryPoints: [join(ROOT, 'lib/upload/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'ConsoleUploader',
    write: false,
    minify: true,
    target: 'es2022',
  });
  const page = await browser.newPage();
  await page.goto(`${serverUrl}/api_v3/service/system/action/ping?format=1`);
  await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
  // tsx keeps function names with a `__name` helper that functions passed to evaluate() call
  await page.evaluate('globalThis.__name = (f) => f');
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-file';
    document.body.append(input);
  });
  await page.setInputFiles('#bench-file', path);
  return page;
}
