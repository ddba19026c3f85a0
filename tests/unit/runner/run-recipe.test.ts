/**
 * The headless runner (lib/runner/run-recipe.ts) against the real sandbox, served in this process
 * (lib/sandbox/node-server.ts): the injected chunked uploader, dropdown choices, READY polling,
 * "not simulated" actions, masked secrets, and hostile recipes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import type { ApiDescription, Operation } from '@/lib/description/types';
import { startSession } from '@/lib/connection/session';
import { parseRecipe } from '@/lib/recipe';
import type { Connection } from '@/lib/request/types';
import { runRecipe, type RecipeRunInput } from '@/lib/runner/run-recipe';
import { readSettings } from '@/lib/sandbox/config';
import { startSandboxServer, type SandboxServer } from '@/lib/sandbox/node-server';
import { MemoryFingerprintStore } from '@/lib/upload/fingerprint';
import { createUploadExecutor } from '@/lib/upload/step';
import { fetchTransport } from '@/lib/upload/transport';
import type { Transport } from '@/lib/upload/types';

const ROOT = join(import.meta.dirname, '../../..');
const api = getKalturaDescription();
const SECRET = 'runner-test-admin-secret-0123456789';
let sandbox: SandboxServer;
let dataDir: string;
let connection: Connection;
const paths: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'run-recipe-'));
  sandbox = await startSandboxServer({
    settings: {
      ...readSettings({
        NODE_ENV: 'test',
        SANDBOX_DATA_DIR: dataDir,
        SANDBOX_PARTNER_ID: '5150',
        SANDBOX_ADMIN_SECRET: SECRET,
        SANDBOX_PROCESSING_MS: '300',
      }),
    },
    quiet: true,
    onRequest: (r) => paths.push(r.path),
  });
  const ks = await startSession({ serviceUrl: sandbox.url, partnerId: 5150, secret: SECRET });
  connection = { serviceUrl: sandbox.url, partnerId: 5150, secret: SECRET, ks };
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const recipeOf = (file: string) => parseRecipe(readFileSync(join(ROOT, file), 'utf8'), { api });
const run = (x: Partial<RecipeRunInput> & Pick<RecipeRunInput, 'recipe'>) =>
  runRecipe({ api, connection, sandbox: true, poll: { intervalMs: 50, maxIntervalMs: 200 }, ...x });

describe('runRecipe against the sandbox', () => {
  it('uploads through the injected chunked uploader and follows the entry to READY; the bytes arrive whole', async () => {
    const bytes = new Uint8Array(10 * 1024 * 1024 + 123).map((_, i) => (i * 7 + (i >> 12)) % 251);
    const sends: string[] = [];
    const recording: Transport = (req) => {
      sends.push(new URL(req.http.url).pathname);
      return fetchTransport(req);
    };
    const report = await run({
      recipe: recipeOf('recipes/upload-media.md'),
      values: { 2: [{ path: 'body.entry.mediaType', value: 1 }] },
      file: () => ({ blob: new Blob([bytes]), name: 'clip.bin' }),
      executor: createUploadExecutor({ transport: recording, store: new MemoryFingerprintStore() }),
    });
    expect(report.steps.map((s) => [s.number, s.status, s.failure?.message])).toEqual([
      [1, 'passed', undefined],
      [2, 'passed', undefined],
      [3, 'passed', undefined],
      [4, 'passed', undefined],
    ]);
    expect(report.passed).toBe(true);
    // 10 MiB is over the uploader's single-request limit: several chunks, then the final one.
    const uploads = sends.filter((p) => /uploadToken\/action\/upload$/i.test(p));
    expect(uploads.length).toBeGreaterThan(2);
    expect(report.steps[1]!.response).toMatchObject({ status: 2, fileSize: bytes.length, uploadedFileSize: bytes.length });
    const entry = report.steps[3]!.entry!;
    expect(entry.status).toBe(2);
    expect(entry.checks).toBeGreaterThan(0);
    const got = await (await fetch(`${sandbox.url}/api_v3/sandbox/content/${entry.id}`)).arrayBuffer();
    expect(Buffer.compare(Buffer.from(got), Buffer.from(bytes))).toBe(0);
  }, 60_000);

  it('without an uploader the file goes in one request (the same request model)', async () => {
    const report = await run({
      recipe: recipeOf('recipes/upload-media.md'),
      values: { 2: [{ path: 'body.entry.mediaType', value: 2 }] },
      file: () => ({ blob: new Blob(['tiny']), name: 'tiny.png', mimeType: 'image/png' }),
    });
    expect(report.passed).toBe(true);
    expect(report.steps[1]!.request!.body).toMatchObject({
      kind: 'multipart',
      files: [{ field: 'fileData', name: 'tiny.png', size: 4, mimeType: 'image/png' }],
    });
    // An image is READY at once: nothing to poll.
    expect(report.steps[3]!.entry).toBeUndefined();
  }, 30_000);

  it('a dropdown filled by a call takes its first choice; a given value wins', async () => {
    const first = await run({ recipe: recipeOf('recipes/manage-upload-tokens.md') });
    expect(first.passed).toBe(true);
    const created = (first.steps[0]!.response as { id: string }).id;
    expect((first.steps[2]!.response as { id: string }).id).toBe(created);
    const given = await run({
      recipe: recipeOf('recipes/manage-upload-tokens.md'),
      values: { 2: [{ path: 'uploadTokenId', value: '0_nope' }] },
    });
    expect(given.steps[2]).toMatchObject({ status: 'failed', failure: { kind: 'kaltura', code: 'UPLOAD_TOKEN_NOT_FOUND' } });
    expect(given.steps[2]!.failure!.hint).toBe('uploadTokenId was "0_nope": check the value (--value 3.uploadTokenId=VALUE).');
    // The line of that parameter in the recipe (the error quotes no value: its code names the field).
    const lines = readFileSync(join(ROOT, 'recipes/manage-upload-tokens.md'), 'utf8').split('\n');
    const name = lines.findIndex((l, k) => k > 80 && l.includes('"name": "uploadTokenId"'));
    expect(lines[name - 1]!.trim()).toBe('{');
    expect(given.steps[2]!.failure!.line).toBe(name); // the parameter's "{", the line before its name
    expect(given.steps[3]).toMatchObject({ status: 'skipped', reason: 'not run: it needs step 3, which did not pass' });
  }, 30_000);

  it('an action the sandbox does not implement is "not simulated", not hidden', async () => {
    // A description that knows one more Kaltura action than the sandbox serves.
    const extra: Operation = { path: '/service/drmpolicy/action/list', service: 'drmPolicy', action: 'list', params: [], requiresKs: true };
    const wider: ApiDescription = Object.create(api, {
      operation: { value: (p: string) => (/drmpolicy\/action\/list/i.test(p) ? extra : api.operation(p)) },
      operationByName: {
        value: (s: string, a: string) => (s.toLowerCase() === 'drmpolicy' && a === 'list' ? extra : api.operationByName(s, a)),
      },
    });
    const recipe = parseRecipe(
      '# M\n\n## List policies\n### API Call\n```json\n{ "method": "post", "path": "/service/drmpolicy/action/list", "parameters": [] }\n```\n',
    );
    const report = await runRecipe({ recipe, api: wider, connection, sandbox: true });
    expect(report.steps[0]!.failure).toEqual({
      kind: 'not-simulated',
      code: 'SERVICE_DOES_NOT_EXISTS',
      message:
        'not simulated: the built-in sandbox does not implement drmPolicy.list yet (SERVICE_DOES_NOT_EXISTS: Service "drmPolicy" does not exists).',
      line: 4,
      hint: 'run this recipe against a Kaltura endpoint: --service-url URL --partner-id ID --secret SECRET (or --ks KS).',
    });
    const elsewhere = await runRecipe({ recipe, api: wider, connection, sandbox: false });
    expect(elsewhere.steps[0]!.failure!.message).toMatch(/^the endpoint does not have drmPolicy\.list/);
  }, 30_000);

  it('the sandbox\'s own refusals (a filter field it cannot apply) are "not simulated" too, with how to run elsewhere', async () => {
    const recipe = parseRecipe(
      '# M\n\n## List by description\n### API Call\n```json\n' +
        JSON.stringify({
          method: 'post',
          path: '/service/media/action/list',
          parameters: [
            {
              name: 'body',
              in: 'body',
              schema: {
                type: 'object',
                properties: {
                  filter: {
                    type: 'object',
                    properties: {
                      objectType: { type: 'string', consoleDefault: 'KalturaMediaEntryFilter' },
                      descriptionLike: { type: 'string', consoleDefault: 'intro' },
                    },
                  },
                },
              },
            },
          ],
        }) +
        '\n```\n',
      { api },
    );
    const report = await run({ recipe });
    const failure = report.steps[0]!.failure!;
    expect([failure.kind, failure.code]).toEqual(['not-simulated', 'SANDBOX_FILTER_NOT_SIMULATED']);
    expect(failure.message).toMatch(/^not simulated: The built-in sandbox does not filter or sort by "descriptionLike"/);
    expect(failure.hint).toMatch(/--service-url URL --partner-id ID --secret SECRET/);
    // against a real endpoint the same code would be an error of that endpoint, shown as it is
    const elsewhere = await run({ recipe, sandbox: false });
    expect(elsewhere.steps[0]!.failure!.kind).toBe('kaltura');
  }, 30_000);

  it('never reports a secret: the KS, the admin secret, or a session a step started', async () => {
    const report = await run({ recipe: recipeOf('recipes/start-and-inspect-session.md') });
    expect(report.passed).toBe(true);
    const text = JSON.stringify(report);
    const started = await (async () => {
      // the KS step 2 started is in the server's answer, which the report masks
      return report.steps[1]!.response;
    })();
    expect(started).toBe('***');
    expect(text).not.toContain(connection.ks!);
    expect(text).not.toContain(SECRET);
    expect(report.steps[1]!.request!.body).toMatchObject({ kind: 'form' });
    expect(JSON.stringify(report.steps[1]!.request)).toContain('["secret","***"]');
    expect(JSON.stringify(report.steps[2]!.request)).toContain('["session","***"]');
  }, 30_000);

  it('a required value left empty fails before anything is sent', async () => {
    const before = paths.length;
    const recipe = parseRecipe(readFileSync(join(ROOT, 'tests/fixtures/recipes-test/missing-value.md'), 'utf8'), { api });
    const report = await run({ recipe, valueHint: (i, p) => `fill step ${i + 1} ${p}` });
    expect(report.steps[0]!.failure).toMatchObject({
      kind: 'value',
      hint: 'give entry.mediaType a value: fill step 1 body.entry.mediaType.',
    });
    expect(paths.length).toBe(before);
  });
});

describe('hostile recipes', () => {
  it('a dropdown source naming another host still calls the target, and only it', async () => {
    const urls: string[] = [];
    const spy: typeof fetch = (input, init) => {
      urls.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    const src = `# H

## Pick
### API Call
\`\`\`json
{ "method": "post", "path": "/service/uploadtoken/action/get", "parameters": [
  { "name": "uploadTokenId", "dynamicEnum": { "path": "https://evil.invalid/api_v3/service/uploadtoken/action/list", "array": "objects", "value": "id",
    "parameters": [{ "name": "body", "value": "{\\"filter\\": {\\"objectType\\": \\"KalturaUploadTokenFilter\\"}}" }] } }
] }
\`\`\`
`;
    await run({
      recipe: parseRecipe(
        '# T\n\n## A\n### API Call\n```json\n{ "method": "post", "path": "/service/uploadtoken/action/add", "parameters": [] }\n```\n',
        { api },
      ),
    });
    const report = await run({ recipe: parseRecipe(src, { api }), fetchImpl: spy });
    expect(report.steps[0]!.status).toBe('passed');
    expect(urls.length).toBe(2);
    for (const u of urls) expect(u.startsWith(`${sandbox.url}/api_v3/`)).toBe(true);
  }, 30_000);

  it('keys like __proto__ in values, paths and expect stay data', async () => {
    const make = `# P

## Make
### API Call
\`\`\`json
{ "method": "post", "path": "/service/media/action/add", "parameters": [
  { "name": "body", "in": "body", "schema": { "properties": { "entry": { "properties": { "mediaType": { "consoleDefault": 2 }, "name": { "consoleDefault": "__proto__" } } } } } }
], "expect": { "__proto__": { "exists": false }, "constructor": { "exists": false }, "name": "__proto__" } }
\`\`\`
`;
    const report = await run({ recipe: parseRecipe(make, { api }) });
    expect(report.steps[0]!.status).toBe('passed');
    expect(report.steps[0]!.expect!.every((x) => x.pass)).toBe(true);
    // A reference through __proto__ is a path the response type does not have: lint refuses it
    // (with the line), and the recipe does not run.
    const read = `${make}
## Read
### API Call
\`\`\`json
{ "method": "post", "path": "/service/media/action/get", "parameters": [
  { "name": "entryId", "dynamicValue": { "fromStep": 0, "value": "__proto__.id" } }
] }
\`\`\`
`;
    const recipe = parseRecipe(read, { api });
    expect(recipe.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      expect.stringContaining(
        '"entryId" reads "__proto__.id" from the response of step 1 (fromStep 0), but the media.add response has no "__proto__"',
      ),
    ]);
    const refused = await run({ recipe });
    expect(refused.passed).toBe(false);
    expect(({} as Record<string, unknown>).id).toBeUndefined();
  }, 30_000);

  it('a pattern that could hang (nested repetition) is refused by lint, and the recipe does not run', async () => {
    const src =
      '# R\n\n## S\n### API Call\n```json\n{ "method": "post", "path": "/service/system/action/ping", "parameters": [], "expect": { "$": { "matches": "^(a+)+$" } } }\n```\n';
    const before = paths.length;
    const report = await run({ recipe: parseRecipe(src, { api }) });
    expect(report.passed).toBe(false);
    expect(report.lint[0]!.message).toMatch(/can take very long/);
    expect(paths.length).toBe(before);
  });
});
