#!/usr/bin/env node
// `npm run typecheck`: tsc on the whole project (app/, components/, lib/, scripts/, tests/) with
// tsconfig.json, whose flags include the two strictest (noUncheckedIndexedAccess,
// exactOptionalPropertyTypes). In tests, a lookup that may miss takes `!` (a missing value then
// fails the test with a TypeError) or an explicit check, never `?.` or a default.
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules/.bin/tsc');

const run = spawnSync(tsc, ['--noEmit', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
if (run.error) {
  console.error(`Could not run tsc: ${run.error.message}`);
  process.exit(1);
}
if (run.status !== 0) {
  console.error(
    '\ntsc found type errors (tsconfig.json, which holds every folder to strict, noUncheckedIndexedAccess and exactOptionalPropertyTypes): fix them.',
  );
}
process.exit(run.status === 0 ? 0 : 1);
