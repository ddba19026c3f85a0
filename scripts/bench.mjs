#!/usr/bin/env node
// `npm run bench`: runs every benchmark in scripts/bench/ in turn (or only those named on the
// command line, e.g. `npm run bench -- recipe`), each printing its own figures.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'scripts/bench');
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => /\.(mjs|ts)$/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(dir, f)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0) {
    failed++;
    console.error(`${f} failed (exit ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
