#!/usr/bin/env node
// `npm test`: unit + integration tests (vitest), then browser tests (Playwright, system Chromium).
// Both suites always run; the closing line sums them up as "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.tmp/test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

const chromium = env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `No Chromium at ${chromium}: the browser tests need one. Install it with\n  sudo apt-get install -y chromium\n` +
      `or set CHROMIUM_PATH to a Chromium/Chrome binary, then run npm test again.`,
  );
  process.exit(1);
}

const bin = (name) => join(root, 'node_modules/.bin', name);
console.log('Type-checking (npm run typecheck: tsc --noEmit, every folder under the strictest flags)...');
const types = spawnSync(process.execPath, [join(root, 'scripts/typecheck.mjs')], { cwd: root, stdio: 'inherit', env });
if (types.status !== 0) console.error('Type errors: see above (npm run typecheck).');
console.log('Lint and format check (npm run lint: Biome)...');
const lint = spawnSync(bin('biome'), ['check', '--error-on-warnings'], { cwd: root, stdio: 'inherit', env });
if (lint.status !== 0)
  console.error('Lint or format problems: see above. `npm run format` fixes the formatting; lint findings say what to change.');
const vitestJson = join(out, 'vitest.json');
const unit = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], {
  cwd: root,
  stdio: 'inherit',
  env,
});
const pwJson = join(out, 'playwright.json');
const e2e = spawnSync(bin('playwright'), ['test', '--reporter=list,json'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson },
});

let passed = 0,
  failed = 0,
  skipped = 0;
try {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
} catch {
  console.error('vitest wrote no results');
  failed += unit.status === 0 ? 0 : 1;
}
try {
  const p = JSON.parse(readFileSync(pwJson, 'utf8'));
  passed += p.stats?.expected ?? 0;
  failed += (p.stats?.unexpected ?? 0) + (p.stats?.flaky ?? 0);
  skipped += p.stats?.skipped ?? 0;
} catch {
  console.error('playwright wrote no results');
  failed += e2e.status === 0 ? 0 : 1;
}
if (types.status !== 0) failed += 1;
if (lint.status !== 0) failed += 1;
const ok = types.status === 0 && lint.status === 0 && unit.status === 0 && e2e.status === 0 && failed === 0;
console.log(`\ntypecheck exit ${types.status}, lint exit ${lint.status}, unit exit ${unit.status}, browser exit ${e2e.status}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok ? 0 : 1);
