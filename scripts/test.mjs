#!/usr/bin/env node
// `npm test`: unit + integration tests (vitest), then browser tests (Playwright, system Chromium).
// Both suites always run; the closing line sums them up as "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarize } from './test-summary.mjs';

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

const results = summarize({ vitestJson, playwrightJson: pwJson, root });
let { passed, failed, skipped } = results;
const { failures } = results;
if (!results.vitestRead) {
  console.error('vitest wrote no results');
  failed += unit.status === 0 ? 0 : 1;
}
if (!results.playwrightRead) {
  console.error('playwright wrote no results');
  failed += e2e.status === 0 ? 0 : 1;
}
if (types.status !== 0) failed += 1;
if (lint.status !== 0) failed += 1;
const ok = types.status === 0 && lint.status === 0 && unit.status === 0 && e2e.status === 0 && failed === 0;
console.log(`\ntypecheck exit ${types.status}, lint exit ${lint.status}, unit exit ${unit.status}, browser exit ${e2e.status}`);
if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok ? 0 : 1);
