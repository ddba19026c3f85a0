/** `npm test`'s closing lines (scripts/test-summary.mjs): the counts, and every failure named at the end. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the scripts, without types
import { summarize } from '@/scripts/test-summary.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function files(vitest: unknown, playwright: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'summary-'));
  dirs.push(dir);
  const vitestJson = join(dir, 'vitest.json');
  const playwrightJson = join(dir, 'playwright.json');
  if (vitest !== undefined) writeFileSync(vitestJson, typeof vitest === 'string' ? vitest : JSON.stringify(vitest));
  if (playwright !== undefined) writeFileSync(playwrightJson, JSON.stringify(playwright));
  return { vitestJson, playwrightJson, root: '/repo' };
}

const vitestReport = {
  numPassedTests: 5,
  numFailedTests: 1,
  numPendingTests: 2,
  numTodoTests: 1,
  testResults: [
    {
      name: '/repo/tests/unit/a.test.ts',
      status: 'failed',
      message: '',
      assertionResults: [
        { status: 'passed', fullName: 'a works', failureMessages: [] },
        {
          status: 'failed',
          fullName: 'a › sorts',
          failureMessages: ['\u001b[31mAssertionError: expected [ 1, 2 ] to deeply equal [ 2, 1 ]\u001b[39m\n    at a.test.ts:3:1'],
        },
      ],
    },
    { name: '/repo/tests/unit/b.test.ts', status: 'failed', message: 'Error: Cannot find module x\nstack', assertionResults: [] },
    { name: '/repo/tests/unit/c.test.ts', status: 'passed', message: '', assertionResults: [{ status: 'passed', fullName: 'c' }] },
  ],
};

const playwrightReport = {
  stats: { expected: 3, unexpected: 1, flaky: 1, skipped: 1 },
  errors: [],
  suites: [
    {
      title: 'x.spec.ts',
      specs: [],
      suites: [
        {
          title: 'group',
          specs: [
            {
              title: 'uploads',
              file: 'x.spec.ts',
              line: 12,
              tests: [{ status: 'unexpected', results: [{ status: 'failed', errors: [{ message: 'Timeout 5000ms exceeded.\nmore' }] }] }],
            },
            {
              title: 'retries',
              file: 'x.spec.ts',
              line: 30,
              tests: [
                {
                  status: 'flaky',
                  results: [
                    { status: 'timedOut', errors: [{ message: 'page closed' }] },
                    { status: 'passed', errors: [] },
                  ],
                },
              ],
            },
            { title: 'fine', file: 'x.spec.ts', line: 40, tests: [{ status: 'expected', results: [{ status: 'passed' }] }] },
          ],
        },
      ],
    },
  ],
};

describe('npm test summary', () => {
  it('counts both suites and names each failure with its first line, without colour codes', () => {
    const r = summarize(files(vitestReport, playwrightReport));
    expect([r.passed, r.failed, r.skipped]).toEqual([8, 1 + 1 + 2, 3 + 1]);
    expect(r.failures).toEqual([
      'vitest tests/unit/a.test.ts › a › sorts: AssertionError: expected [ 1, 2 ] to deeply equal [ 2, 1 ]',
      'vitest tests/unit/b.test.ts: Error: Cannot find module x',
      'playwright x.spec.ts:12 › uploads (unexpected): Timeout 5000ms exceeded.',
      'playwright x.spec.ts:30 › retries (flaky): page closed',
    ]);
    expect([r.vitestRead, r.playwrightRead]).toEqual([true, true]);
  });

  it('a missing or unreadable report is said, not counted as passed', () => {
    const r = summarize(files('{ not json', undefined));
    expect(r).toMatchObject({ passed: 0, failed: 0, failures: [], vitestRead: false, playwrightRead: false });
  });

  it('a global Playwright error (a failing web server) is a failure too', () => {
    const r = summarize(
      files(
        { numPassedTests: 1, testResults: [] },
        { stats: { expected: 0 }, suites: [], errors: [{ message: 'Process from config.webServer exited early.' }] },
      ),
    );
    expect(r.failed).toBe(1);
    expect(r.failures).toEqual(['playwright: Process from config.webServer exited early.']);
  });
});
