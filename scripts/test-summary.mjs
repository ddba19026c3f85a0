// The closing figures of `npm test`, read from the JSON reports of vitest and Playwright: how many
// passed, failed and skipped, and what failed, named again at the very end (a CI log is often read
// from its tail, where the suites' own reports of a failure have scrolled away).
import { readFileSync } from 'node:fs';

const firstLine = (text) =>
  (
    String(text ?? '')
      .replace(/\x1b\[[0-9;]*m/g, '')
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? ''
  ).slice(0, 300);

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

/**
 * @param {{ vitestJson: string, playwrightJson: string, root: string }} files
 * @returns {{ passed: number, failed: number, skipped: number, failures: string[], vitestRead: boolean, playwrightRead: boolean }}
 */
export function summarize({ vitestJson, playwrightJson, root }) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failures = [];
  const relative = (file) => (file?.startsWith(`${root}/`) ? file.slice(root.length + 1) : file);

  const v = readJson(vitestJson);
  if (v) {
    passed += v.numPassedTests ?? 0;
    failed += v.numFailedTests ?? 0;
    skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
    for (const file of v.testResults ?? []) {
      const failedTests = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
      for (const a of failedTests) failures.push(`vitest ${relative(file.name)} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
      // A file that failed outside its tests (an import error, a failing beforeAll) has no failed test.
      if (file.status === 'failed' && failedTests.length === 0) {
        failed += 1;
        failures.push(`vitest ${relative(file.name)}: ${firstLine(file.message)}`);
      }
    }
  }

  const p = readJson(playwrightJson);
  if (p) {
    passed += p.stats?.expected ?? 0;
    failed += (p.stats?.unexpected ?? 0) + (p.stats?.flaky ?? 0);
    skipped += p.stats?.skipped ?? 0;
    const walk = (suite) => {
      for (const spec of suite.specs ?? [])
        for (const t of spec.tests ?? [])
          if (t.status === 'unexpected' || t.status === 'flaky') {
            const error = t.results?.find((r) => r.status !== 'passed' && r.status !== 'skipped')?.errors?.[0]?.message;
            failures.push(`playwright ${spec.file}:${spec.line} › ${spec.title} (${t.status}): ${firstLine(error)}`);
          }
      for (const child of suite.suites ?? []) walk(child);
    };
    for (const suite of p.suites ?? []) walk(suite);
    for (const e of p.errors ?? []) {
      failed += 1;
      failures.push(`playwright: ${firstLine(e.message)}`);
    }
  }
  return { passed, failed, skipped, failures, vitestRead: Boolean(v), playwrightRead: Boolean(p) };
}
