/**
 * `npm run recipes:test` as CI runs it: every shipped recipe passes against the built-in sandbox
 * (started by the CLI in its own process, on a temporary data folder); broken recipes fail at the
 * right step, line and message; the reporters; a Kaltura endpoint given by flags (here a second
 * sandbox, in this test's process).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '@/lib/sandbox/config';
import { startSandboxServer, type SandboxServer } from '@/lib/sandbox/node-server';
import { REFERENCE_REL, sharedFile } from '../../helpers/shared';

const ROOT = join(import.meta.dirname, '../../..');
const FIX = 'tests/fixtures/recipes-test';

/**
 * Shipped recipes the built-in sandbox cannot run yet (it does not simulate their services): they
 * must fail only with "not simulated" steps, and leave this list once the sandbox learns them.
 */
const NOT_SIMULATED_YET: string[] = [];

/**
 * Values the shipped recipes leave to the reader, given as a reader would (upload-media asks the
 * reader to "select the correct mediaType" and presets none).
 */
const READER_VALUES = ['--value', 'upload-media:3.entry.mediaType=1'];

type Json = any;

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/recipes-test.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, SANDBOX_PROCESSING_MS: '200', NO_COLOR: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

async function json(args: string[], env?: Record<string, string>): Promise<{ run: Run; doc: Json }> {
  const run = await cli([...args, '--reporter', 'json'], env);
  let doc: Json;
  try {
    doc = JSON.parse(run.out);
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\n${run.out}\n${run.err}`);
  }
  return { run, doc };
}

const lineOf = (file: string, needle: string, nth = 0): number => {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const hits = lines.map((l, i) => (l.includes(needle) ? i + 1 : 0)).filter(Boolean);
  if (!hits[nth]) throw new Error(`"${needle}" not in ${file}`);
  return hits[nth];
};

describe('CI: every shipped recipe passes recipes:test against the sandbox', () => {
  it('runs all of recipes/*.md (no FILE given) and every step that makes a call passes', async () => {
    const shipped = readdirSync(join(ROOT, 'recipes'))
      .filter((f) => f.endsWith('.md'))
      .sort();
    const { run, doc } = await json(READER_VALUES);
    expect(doc.recipes.map((r: Json) => r.file)).toEqual(shipped.map((f) => `recipes/${f}`));
    for (const r of doc.recipes) {
      const name = r.file.replace(/^recipes\//, '').replace(/\.md$/, '');
      const calls = r.steps.filter((s: Json) => s.operation);
      if (NOT_SIMULATED_YET.includes(name)) {
        const failed = calls.filter((s: Json) => s.status === 'failed');
        expect(failed.length, `${r.file} is listed as not simulated yet, but passes: remove it from NOT_SIMULATED_YET`).toBeGreaterThan(0);
        for (const s of failed) expect(s.failure.kind, `${r.file} step ${s.number}: ${s.failure.message}`).toBe('not-simulated');
        continue;
      }
      expect(r.lint, r.file).toEqual([]);
      expect(calls.length, `${r.file} has steps that make calls`).toBeGreaterThan(0);
      for (const s of calls)
        expect(s.status, `${r.file} step ${s.number} (${s.operation}): ${s.failure?.message ?? s.reason}`).toBe('passed');
      expect(r.passed).toBe(true);
    }
    expect(run.code).toBe(NOT_SIMULATED_YET.length ? 1 : 0);
    expect(doc.target.kind).toBe('sandbox');
    // The upload recipe went through the uploader and followed the entry to READY.
    const upload = doc.recipes.find((r: Json) => r.file === 'recipes/upload-media.md');
    expect(upload.steps[1].request.body.kind).toBe('multipart');
    expect(upload.steps[3].entry).toMatchObject({ status: 2 });
    expect(upload.steps[3].entry.checks).toBeGreaterThan(0);
    // Secrets never reach the report.
    expect(run.out).not.toMatch(/ks=(?!\*\*\*)/);
  }, 120_000);

  it("with Kaltura's published description (--api), the sandbox follows it and every shipped recipe still passes", async (ctx) => {
    const { path, present } = sharedFile(REFERENCE_REL, 'recipes:test with the sandbox following the published description');
    if (!present) return ctx.skip();
    const { run, doc } = await json([...READER_VALUES, '--api', path]);
    const failed = doc.recipes.flatMap((r: Json) =>
      r.steps.filter((s: Json) => s.status === 'failed').map((s: Json) => `${r.file} step ${s.number}: ${s.failure?.message}`),
    );
    expect(failed).toEqual([]);
    expect(run.code).toBe(0);
    expect(doc.recipes).toHaveLength(readdirSync(join(ROOT, 'recipes')).filter((f) => f.endsWith('.md')).length);
  }, 120_000);

  it('says which value a shipped recipe leaves to the reader when it is not given', async () => {
    const { run, doc } = await json(['recipes/upload-media.md']);
    expect(run.code).toBe(1);
    const s3 = doc.recipes[0].steps[2];
    expect(s3.status).toBe('failed');
    // The description says media.add requires entry.mediaType: the runner stops before sending.
    expect(s3.failure).toMatchObject({
      kind: 'value',
      line: lineOf('recipes/upload-media.md', '"mediaType": {}'),
      hint: 'give entry.mediaType a value: --value 3.entry.mediaType=VALUE.',
    });
    expect(s3.failure.message).toMatch(/^entry\.mediaType: .*required.* Nothing was sent\.$/);
    expect(s3.request).toBeUndefined();
    expect(doc.recipes[0].steps[3]).toMatchObject({ status: 'skipped', reason: 'not run: it needs step 3, which did not pass' });
  }, 60_000);
});

describe('broken recipes fail at the right step, line and message', () => {
  it('an off-by-one reference: the server error, at the reference that sent the wrong id', async () => {
    const f = `${FIX}/off-by-one.md`;
    const { run, doc } = await json([f]);
    expect(run.code).toBe(1);
    const steps = doc.recipes[0].steps;
    expect(steps.slice(0, 3).map((s: Json) => s.status)).toEqual(['passed', 'passed', 'passed']);
    expect(steps[3].number).toBe(4);
    expect(steps[3].failure).toMatchObject({ kind: 'kaltura', code: 'ENTRY_ID_NOT_FOUND', line: lineOf(f, '"fromStep": 1') });
    expect(steps[3].failure.message).toMatch(/^ENTRY_ID_NOT_FOUND: Entry id "0_[0-9a-f]+" not found$/);
    expect(steps[3].failure.hint).toMatch(
      /^entryId was "0_[0-9a-f]+", taken from step 2 \(its response's id\): check that fromStep and path point where you mean\.$/,
    );
  }, 60_000);

  it('a wrong path into an earlier response: a recipe error at the dynamicValue, naming what is there; nothing runs', async () => {
    const f = `${FIX}/wrong-path.md`;
    const { run, doc } = await json([f]);
    expect(run.code).toBe(1);
    expect(doc.recipes[0].lint).toEqual([
      expect.objectContaining({
        kind: 'lint',
        line: lineOf(f, '"idd"'),
        message: expect.stringContaining(
          '"entryId" reads "idd" from the response of step 1 (fromStep 0), but the media.add response has no "idd": did you mean "id"?',
        ),
      }),
    ]);
    expect(doc.recipes[0].steps[1]).toMatchObject({ status: 'skipped', reason: 'not run: the recipe has errors' });
  }, 60_000);

  it('a path the response type has but this response lacks: before sending, at the dynamicValue, naming what is there', async () => {
    const f = `${FIX}/missing-at-runtime.md`;
    const { run, doc } = await json([f]);
    expect(run.code).toBe(1);
    expect(doc.recipes[0].lint).toEqual([]);
    const s2 = doc.recipes[0].steps[1];
    expect(s2).toMatchObject({ number: 2, status: 'failed' });
    expect(s2.request).toBeUndefined();
    expect(s2.failure).toMatchObject({
      kind: 'value',
      line: lineOf(f, '"objects.0.id"'),
      message: "entryId: The response of step 1 has no objects.0.id: check that step's response, or type a value. Nothing was sent.",
    });
    expect(s2.failure.hint).toMatch(/step 1's response has/);
  }, 60_000);

  it('a wrong operation path: a recipe error at the path; nothing runs', async () => {
    const f = `${FIX}/wrong-operation.md`;
    const { run, doc } = await json([f]);
    expect(run.code).toBe(1);
    expect(doc.recipes[0].lint).toEqual([
      {
        kind: 'lint',
        line: lineOf(f, '/service/media/action/ad'),
        message: 'The API has no operation "/service/media/action/ad": did you mean "/service/media/action/add"?',
      },
    ]);
    expect(doc.recipes[0].steps[0]).toMatchObject({ status: 'skipped', reason: 'not run: the recipe has errors' });
  }, 60_000);

  it('a missing required value: before sending, naming the flag; the flag then makes it pass', async () => {
    const f = `${FIX}/missing-value.md`;
    const { run, doc } = await json([f]);
    expect(run.code).toBe(1);
    const s1 = doc.recipes[0].steps[0];
    expect(s1.request).toBeUndefined();
    expect(s1.failure).toEqual({
      kind: 'value',
      message: 'entry.mediaType: mediaType is required. Nothing was sent.',
      line: lineOf(f, '"mediaType": {}'),
      hint: 'give entry.mediaType a value: --value 1.entry.mediaType=VALUE.',
    });
    const fixed = await json([f, '--value', '1.entry.mediaType=IMAGE']);
    expect(fixed.run.code).toBe(0);
    expect(fixed.doc.recipes[0].steps[0].response).toMatchObject({ mediaType: 2, name: 'Needs a type' });
  }, 60_000);

  it('a failing expect: at the expect key, with what was found; the met ones pass', async () => {
    const f = `${FIX}/failing-expect.md`;
    const { run, doc } = await json([f]);
    expect(run.code).toBe(1);
    const [s1, s2] = doc.recipes[0].steps;
    expect(s1.status).toBe('passed');
    expect(s1.expect).toEqual([
      { path: 'mediaType', pass: true, message: 'mediaType is 2, as expected', line: lineOf(f, '"expect": { "mediaType": 2 }') },
    ]);
    expect(s2.failure).toEqual({
      kind: 'expect',
      message: 'expect: name is "Actual name", expected "Expected name".',
      line: lineOf(f, '"name": "Expected name"'),
    });
    expect(s2.expect.map((x: Json) => x.pass)).toEqual([true, false, true]);
    const ok = await json([`${FIX}/passing-expect.md`]);
    expect(ok.run.code).toBe(0);
    expect(ok.doc.recipes[0].steps[1].expect.every((x: Json) => x.pass)).toBe(true);
  }, 60_000);
});

describe('reporters', () => {
  it('text: a line per step, the failure with file:line and hint, no colours when not a terminal', async () => {
    const f = `${FIX}/missing-at-runtime.md`;
    const r = await cli([f, `${FIX}/passing-expect.md`]);
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(/\u001b\[/);
    expect(r.out).toContain('target: the built-in sandbox (in this process, temporary data)');
    expect(r.out).toMatch(/✓ Step 1 media\.list {2}HTTP 200 {2}\d+ ms\n/);
    expect(r.out).toContain(`✗ Step 2 media.get`);
    expect(r.out).toContain(`${f}:${lineOf(f, '"objects.0.id"')}: entryId: The response of step 1 has no objects.0.id`);
    expect(r.out).toMatch(/hint: step 1's response has /);
    expect(r.out).toMatch(/✓ Step 2 media\.get {2}HTTP 200 {2}\d+ ms {2}expect 4\/4\n/);
    expect(r.out).toMatch(/\n1 of 2 recipes passed; steps: 3 passed, 1 failed, 0 skipped \(\d/);
  }, 60_000);

  it('junit: one test case per step, failures with type, message, file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'junit-'));
    try {
      const out = join(dir, 'report.xml');
      const r = await cli([`${FIX}/failing-expect.md`, `${FIX}/wrong-operation.md`, '--reporter', 'junit', '--output', out]);
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/0 of 2 recipes passed/);
      const xml = readFileSync(out, 'utf8');
      expect(
        xml.startsWith(
          '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="recipes:test" tests="4" failures="2" errors="0" skipped="1"',
        ),
      ).toBe(true);
      expect(xml.match(/<testcase /g)).toHaveLength(4);
      expect(xml).toContain(`<testsuite name="${FIX}/failing-expect.md" tests="2" failures="1" errors="0" skipped="0"`);
      expect(xml).toMatch(
        /<testcase classname="tests\.fixtures\.recipes-test\.failing-expect" name="Step 2: media\.get \(Read It Back\)" file="tests\/fixtures\/recipes-test\/failing-expect\.md" line="16" time="[\d.]+">\n\s+<failure message="expect: name is &quot;Actual name&quot;, expected &quot;Expected name&quot;\." type="expect">/,
      );
      expect(xml).toContain(
        `<testcase classname="tests.fixtures.recipes-test.wrong-operation" name="recipe" file="${FIX}/wrong-operation.md" line="8" time="0.000">`,
      );
      expect(xml).toContain('<skipped message="not run: the recipe has errors"/>');
      // balanced: every opened element is closed
      const open = (xml.match(/<(testsuites|testsuite|testcase)[ >]/g) ?? []).length;
      const closed = (xml.match(/<\/(testsuites|testsuite|testcase)>|<testcase [^>]*\/>/g) ?? []).length;
      expect(open).toBe(closed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('a Kaltura endpoint given by flags (a second sandbox, in this process)', () => {
  let sandbox: SandboxServer;
  let dataDir: string;
  const secret = 'endpoint-admin-secret-0123456789';
  const partnerId = 4242;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'recipes-test-endpoint-'));
    sandbox = await startSandboxServer({
      settings: {
        ...readSettings({
          NODE_ENV: 'test',
          SANDBOX_DATA_DIR: dataDir,
          SANDBOX_PARTNER_ID: String(partnerId),
          SANDBOX_ADMIN_SECRET: secret,
          SANDBOX_PROCESSING_MS: '100',
        }),
      },
      quiet: true,
    });
  });
  afterAll(async () => {
    await sandbox?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('--service-url with --partner-id and --secret: a session is started with them, and the admin secret fills fromSecrets', async () => {
    const before = sandbox.requests();
    const { run, doc } = await json([
      'recipes/start-and-inspect-session.md',
      'recipes/update-and-delete-entry.md',
      '--service-url',
      `${sandbox.url}/api_v3/`,
      '--partner-id',
      String(partnerId),
      '--secret',
      secret,
    ]);
    expect(run.code, run.out + run.err).toBe(0);
    expect(doc.target).toEqual({ kind: 'endpoint', serviceUrl: sandbox.url, partnerId });
    expect(sandbox.requests() - before).toBeGreaterThanOrEqual(1 + 3 + 5);
    expect(run.out).not.toContain(secret);
  }, 60_000);

  it('--ks: a step that needs the admin secret fails before sending and names the flag', async () => {
    const ks = await (
      await fetch(`${sandbox.url}/api_v3/service/session/action/start?format=1`, {
        method: 'POST',
        body: new URLSearchParams({ secret, partnerId: String(partnerId), type: '2' }),
      })
    ).json();
    const { run, doc } = await json(['recipes/start-and-inspect-session.md', '--service-url', sandbox.url, '--ks', ks]);
    expect(run.code).toBe(1);
    expect(run.out).not.toContain(ks);
    const [s1, s2, s3] = doc.recipes[0].steps;
    expect(s1.status).toBe('passed');
    expect(s2.failure).toMatchObject({ kind: 'value', hint: 'give secret a value: --value 2.secret=VALUE.' });
    expect(s2.failure.message).toMatch(/^secret: secret is required\./);
    expect(s3.reason).toBe('not run: it needs step 2, which did not pass');
    const given = await json([
      'recipes/start-and-inspect-session.md',
      '--service-url',
      sandbox.url,
      '--ks',
      ks,
      '--value',
      `2.secret=${secret}`,
      '--value',
      `2.partnerId=${partnerId}`,
    ]);
    expect(given.run.code, given.run.out).toBe(0);
    // The value given on the command line is a secret field: masked in the report.
    expect(given.run.out).not.toContain(secret);
  }, 60_000);

  it('a wrong secret says what to check', async () => {
    const r = await cli([
      'recipes/start-and-inspect-session.md',
      '--service-url',
      sandbox.url,
      '--partner-id',
      String(partnerId),
      '--secret',
      'wrong',
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/could not start a session: Starting a session failed: the partner ID or the admin secret is wrong/);
  }, 30_000);
});

describe('bad arguments', () => {
  it.each([
    [['--reporter', 'xml'], /--reporter must be text, junit or json \(got "xml"\)/],
    [['--ks', 'abc'], /--partner-id, --secret and --ks are for a Kaltura endpoint: pass its --service-url too/],
    [['--service-url', 'http://127.0.0.1:9'], /with --service-url, pass --partner-id and --secret .* or --ks/],
    [['--value', 'mediaType=1'], /--value mediaType=1: write STEP\.PATH=VALUE/],
    [['recipes/upload-media.md', '--value', 'other:1.x=1'], /no recipe "other" among the files given \(upload-media\.md\)/],
    [['--file', 'no-such-file.bin'], /--file no-such-file\.bin: no such file/],
    [['--timeout', '0'], /--timeout must be a number of seconds/],
    [['--bogus'], /unknown option --bogus/],
  ])(
    '%j',
    async (args, message) => {
      const r = await cli(args as string[]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
      expect(r.err).toContain('usage: npm run recipes:test');
    },
    30_000,
  );

  it('a --value the recipe has no input for fails that recipe, saying which inputs it has', async () => {
    const { run, doc } = await json(['recipes/upload-media.md', '--value', '3.entry.mediaTyp=1']);
    expect(run.code).toBe(1);
    expect(doc.recipes[0].error).toMatch(
      /--value 3\.entry\.mediaTyp=1: step 3 has no input "entry\.mediaTyp"; its inputs are entry, entry\.mediaType/,
    );
  }, 30_000);

  it('a recipe naming its own API description (METADATA openapi) is run with it, loaded relative to the target', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rt-'));
    try {
      const body =
        '# OA\n\n## Ping\n### API Call\n```json\n{ "method": "post", "path": "/service/system/action/ping", "parameters": [], "expect": { "$": true } }\n```\n';
      writeFileSync(join(dir, 'own.md'), `<!--METADATA\n{ "openapi": "/api_v3/openapi.json" }\n-->\n${body}`);
      writeFileSync(join(dir, 'gone.md'), `<!--METADATA\n{ "openapi": "/nope.json" }\n-->\n${body}`);
      const { run, doc } = await json([join(dir, 'own.md'), join(dir, 'gone.md')]);
      expect(run.code).toBe(1);
      expect(doc.recipes[0]).toMatchObject({
        passed: true,
        steps: [{ operation: 'system.ping', status: 'passed', expect: [{ path: '$', pass: true }] }],
      });
      expect(doc.recipes[1].error).toMatch(
        /^cannot load the recipe's API description \(METADATA "openapi"\): The API description http:\/\/127\.0\.0\.1:\d+\/nope\.json is not valid JSON/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('a file that is not there fails that recipe only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rt-'));
    try {
      writeFileSync(join(dir, 'ok.md'), readFileSync(join(ROOT, FIX, 'passing-expect.md')));
      const { run, doc } = await json([join(dir, 'missing.md'), join(dir, 'ok.md')]);
      expect(run.code).toBe(1);
      expect(doc.recipes[0]).toEqual({ file: join(dir, 'missing.md'), error: 'cannot read the file (no such file).', passed: false });
      expect(doc.recipes[1].passed).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
