#!/usr/bin/env node
// `npm run typecheck`: the whole project with tsconfig.json, then the production code (lib/,
// components/, app/, scripts/) is held to the two strictest flags (noUncheckedIndexedAccess,
// exactOptionalPropertyTypes; tsconfig.strict.json, whose `include` leaves tests/ out). TypeScript
// cannot set flags per folder, so the strict program reports the errors of every file it reaches
// (tests' helpers that scripts import too) and this script fails only on those in STRICT_FOLDERS.
// New code in these folders must pass them; to hold another folder to them, add it to the strict
// config's `include`, run `npx tsc --noEmit -p tsconfig.strict.json | grep ^NAME/`, fix what it
// lists and add it below.
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STRICT_FOLDERS = [
  'lib/sandbox/',
  'lib/upload/',
  'lib/description/',
  'lib/request/',
  'lib/markdown/',
  'lib/server/',
  'lib/samples/',
  'lib/form/',
  'lib/connection/',
  'lib/arazzo/',
  'lib/format/',
  'lib/time/',
  'lib/codegen/',
  'lib/runner/',
  'lib/recipe/',
  'lib/author/',
  'components/',
  'app/',
  'scripts/',
];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules/.bin/tsc');

const whole = spawnSync(tsc, ['--noEmit', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
const strict = spawnSync(tsc, ['--noEmit', '-p', 'tsconfig.strict.json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (strict.error) {
  console.error(`Could not run tsc: ${strict.error.message}`);
  process.exit(1);
}
const lines = `${strict.stdout}${strict.stderr}`.split('\n');
const held = lines.filter((l) => STRICT_FOLDERS.some((f) => l.startsWith(f)) && / error TS\d+/.test(l));
const global = lines.filter((l) => /^error TS\d+/.test(l));
for (const l of [...global, ...held]) console.error(l);
if (held.length || global.length) {
  console.error(
    `\n${held.length + global.length} error(s) under the strict flags in ${STRICT_FOLDERS.join(', ')} (tsconfig.strict.json): fix them, these folders are held to noUncheckedIndexedAccess and exactOptionalPropertyTypes.`,
  );
}
process.exit(whole.status !== 0 || held.length || global.length ? 1 : 0);
