/**
 * Runs generated samples with Kaltura's official client libraries (../shared/clients/*.tar.gz,
 * AGPL test tools: extracted at test time into the git-ignored `.tmp/clients/`, keyed by the
 * tarball's hash, never copied into the project) against a fresh sandbox (`next start`).
 *
 * One test file per language (tests/integration/codegen/clients/<lang>.test.ts) so that vitest
 * runs languages in parallel. Each runs, for every shipped recipe the sandbox serves, the whole
 * program and every step with set-up code (one after the other, with the live results of the
 * earlier steps), fills the FILL IN variables as a reader would, and checks that steps that create
 * things leave them READY with equal bytes (sha256), and that a failing call exits non-zero (a
 * kill at the timeout does not count). A shipped recipe whose calls the sandbox does not simulate
 * is reported NOT RUN (a warning and a test that says so); typed languages (java, csharp) still
 * compile its samples against the client, and compile the test recipes of the published API
 * (tests/unit/codegen/recipes/published) the same way. The browser client (ajax) runs in Chromium.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATORS } from '@/lib/codegen';
import type { LanguageId } from '@/lib/codegen';
import { FILL_IN, pathSegments } from '@/lib/codegen/plan';
import { laterReads } from '@/lib/codegen/reads';
import { fieldsToJson } from '@/lib/request/http';
import type { Connection, RequestModel } from '@/lib/request/types';
import { CLIENTS, HAVE_CLIENTS } from '../../../helpers/clients';
import { startServer, TEST_ADMIN_SECRET, TEST_PARTNER_ID, type TestServer } from '../../../helpers/server';
import type { ApiDescription } from '@/lib/description/types';
import {
  api as description,
  buildModels,
  ctxOf,
  loadRecipe,
  publishedApi,
  publishedRecipeFiles,
  recipeFiles,
} from '../../../unit/codegen/fixtures';

const run = promisify(execFile);
export { CLIENTS, HAVE_CLIENTS, clientDir } from '../../../helpers/clients';

export interface Runner {
  lang: LanguageId;
  /** Prepares the client (extract, compile) once; returns what `exec` needs. */
  setup(): Promise<void> | void;
  /**
   * Runs one program (its source) in `dir`; resolves with stdout, rejects with a readable error
   * that says `exited with N`. `file` is the file the reader chose (samples that take a path have
   * it in their code already; the browser client takes it from an `<input type="file">`).
   */
  exec(code: string, dir: string, name: string, file: string): Promise<string>;
  /** Releases what `setup` started (a browser, a static server). */
  teardown?(): Promise<void> | void;
  /**
   * Typed languages: compiles whole programs against the official client without running them
   * (recipes whose services the sandbox does not simulate); resolves with each sample's compiler
   * errors by name (none when it compiles).
   */
  compile?(samples: Array<{ name: string; code: string }>, dir: string): Promise<Map<string, string[]>>;
}

export async function sh(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; timeout?: number } = {},
): Promise<string> {
  try {
    const { stdout } = await run(cmd, args, {
      cwd: opts.cwd,
      env: { ...process.env, ...(opts.env ?? {}) },
      maxBuffer: 32 << 20,
      timeout: opts.timeout ?? 120_000,
    });
    return stdout;
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; code?: number; killed?: boolean; signal?: string };
    // A kill at the timeout is not an exit status (the JVM answers SIGTERM with 143).
    const how = err.killed
      ? `was killed after ${(opts.timeout ?? 120_000) / 1000} s (timeout, ${err.signal ?? 'no signal'})`
      : `exited with ${err.code}`;
    throw new Error(`${cmd} ${args.join(' ')} ${how}:\n${err.stderr}\n${err.stdout}`);
  }
}

/** Steps that create things in the recipes: their entries must end READY with the uploaded bytes. */
const UPLOAD_RECIPE = 'recipes/upload-media.md';

/** The calls of the recipe the sandbox does not simulate (the built-in description is what it implements). */
function notServed(models: RequestModel[]): string[] {
  return models.filter((m) => description.operationByName(m.service, m.action) === undefined).map((m) => `${m.service}.${m.action}`);
}

/**
 * A compiler's output split by sample: `fileRe` finds an error line and captures the sample's
 * index. An output with no error line for any sample (the compiler failed otherwise) is kept
 * under every sample, so it cannot pass unnoticed.
 */
export function compilerErrors(samples: Array<{ name: string }>, output: string, fileRe: RegExp): Map<string, string[]> {
  const errors = new Map<string, string[]>();
  for (const line of output.split('\n')) {
    const m = fileRe.exec(line);
    if (!m) continue;
    const name = samples[Number(m[1])]?.name ?? '?';
    errors.set(name, [...(errors.get(name) ?? []), line.replace(/^.*\//, '')]);
  }
  if (output.trim() && errors.size === 0) for (const s of samples) errors.set(s.name, [output]);
  return errors;
}

/** Replaces each FILL IN declaration's placeholder with a value, as a reader would. */
export function fillIn(code: string, values: Record<string, string>): string {
  let out = code;
  // Longest first: `YOUR_TOKEN` must not eat the start of `YOUR_TOKEN_HASH`.
  for (const [placeholder, value] of Object.entries(values).sort(([a], [b]) => b.length - a.length))
    out = out.split(placeholder).join(value);
  return out;
}

/**
 * What a reader pastes into the FILL IN declarations that ask for an earlier step's result
 * (`FILL IN: token of step 1's result (...)` above `token = "YOUR_TOKEN"`): the value at that path
 * of what that step printed (its live result), by placeholder.
 */
export function earlierResults(code: string, results: Record<number, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = code.split('\n');
  lines.forEach((line, i) => {
    const m = new RegExp(`${FILL_IN} (\\S+) of step (\\d+)'s result`).exec(line);
    const placeholder = m ? /YOUR_[A-Z0-9_]+/.exec(lines[i + 1] ?? '')?.[0] : undefined;
    if (!m || !placeholder) return;
    let cur = (results[Number(m[2]) - 1] as { response?: unknown } | undefined)?.response;
    for (const seg of pathSegments(m[1]!))
      cur = cur && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[seg] : undefined;
    if (cur !== undefined && cur !== null && typeof cur !== 'object') values[placeholder] = String(cur);
  });
  return values;
}

export function describeClient(runner: Runner): void {
  const lang = runner.lang;
  const g = GENERATORS[lang];
  if (!HAVE_CLIENTS) {
    console.warn(`SKIPPED: ${lang} official-client tests need ${CLIENTS} (Kaltura's client libraries); it is absent.`);
    describe.skip(`${lang} samples with the official client`, () => it('needs ../shared/clients', () => undefined));
    return;
  }

  describe(`${lang} samples run with the official client against the sandbox`, () => {
    let server: TestServer;
    let dir: string;
    let conn: Connection;
    let file: string;
    let bytes: Buffer;
    let n = 0;

    beforeAll(async () => {
      await runner.setup();
      server = await startServer();
      dir = mkdtempSync(join(tmpdir(), `clients-${lang}-`));
      conn = { serviceUrl: server.url, partnerId: TEST_PARTNER_ID, secret: TEST_ADMIN_SECRET };
      bytes = randomBytes(200_000);
      file = join(dir, `clip one (1).mp4`);
      writeFileSync(file, bytes);
    }, 900_000);

    afterAll(async () => {
      await runner.teardown?.();
      await server?.dispose();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function api(service: string, action: string, params: Record<string, string>): Promise<Record<string, unknown>> {
      const ks = (await (
        await fetch(`${server.url}/api_v3/service/session/action/start?format=1`, {
          method: 'POST',
          body: new URLSearchParams({ secret: TEST_ADMIN_SECRET, type: '2', partnerId: String(TEST_PARTNER_ID) }),
        })
      ).json()) as string;
      const r = await fetch(`${server.url}/api_v3/service/${service}/action/${action}?format=1`, {
        method: 'POST',
        body: new URLSearchParams({ ...params, ks }),
      });
      return (await r.json()) as Record<string, unknown>;
    }

    /** The entry named `name` is READY and its content has the file's sha256. */
    async function expectReady(name: string): Promise<void> {
      let entry: Record<string, unknown> | undefined;
      for (let i = 0; i < 100; i++) {
        const list = (await api('media', 'list', { 'filter[nameEqual]': name, 'pager[pageSize]': '5' })) as {
          objects?: Array<Record<string, unknown>>;
        };
        entry = list.objects?.[0];
        if (entry?.status === 2) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(entry?.status, `entry "${name}": ${JSON.stringify(entry)}`).toBe(2);
      const dl = await fetch(String(entry!.downloadUrl));
      const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
      expect(sha(Buffer.from(await dl.arrayBuffer()))).toBe(sha(bytes));
    }

    /**
     * Values the reader fills in: earlier steps' results where a FILL IN asks for one (from what
     * those steps printed), a fresh upload token for `YOUR_UPLOAD_TOKEN_ID`.
     */
    async function fillValues(code: string, results: Record<number, unknown> = {}): Promise<string> {
      const values: Record<string, string> = earlierResults(code, results);
      if (code.includes('YOUR_UPLOAD_TOKEN_ID')) values.YOUR_UPLOAD_TOKEN_ID = String((await api('uploadToken', 'add', {})).id);
      const filled = fillIn(code, values);
      const left = /YOUR_(?!ADMIN_SECRET|KS\b)[A-Z0-9_]+/.exec(filled);
      if (left && filled.includes(FILL_IN)) throw new Error(`no test value for the FILL IN placeholder ${left[0]}:\n${code}`);
      return filled;
    }

    const edit = (name: string) => (values: Record<string, unknown>, i: number) =>
      i === 2
        ? { ...values, body: { entry: { objectType: 'KalturaMediaEntry', mediaType: 1, name, description: 'line1\nline2' } } }
        : values;

    for (const recipeFile of recipeFiles()) {
      const recipe = loadRecipe(recipeFile);
      const probe = buildModels(recipe, { conn: { serviceUrl: 'http://x', partnerId: 1, secret: 's' } }).filter(
        (m): m is RequestModel => m !== null,
      );
      const missing = notServed(probe);
      if (missing.length) {
        // Not run, and said so: typed languages still compile every sample against the client.
        const how = runner.compile ? 'compiled against the official client, not run' : 'not run (they are parsed in tests/unit/codegen)';
        console.warn(
          `NOT RUN (${lang}): ${recipeFile} calls ${missing.join(', ')}, which the sandbox does not simulate: its samples are ${how}.`,
        );
        it(`${recipeFile}: NOT RUN against the sandbox (it does not simulate ${missing.join(', ')})${runner.compile ? '; every sample compiles with the official client' : ''}`, async () => {
          if (runner.compile) await expectCompiles(recipeFile, publishedApi() ?? description);
        }, 600_000);
        continue;
      }
      const isUpload = recipeFile === UPLOAD_RECIPE;

      it(`${recipeFile}: the whole program`, async () => {
        const name = `${lang} whole ${++n} "q" 日本`;
        const models = buildModels(recipe, { ...(isUpload ? { edit: edit(name) } : {}), conn, filePath: file }).filter(
          (m): m is RequestModel => m !== null,
        );
        const code = await fillValues(g.program(models, ctxOf({ connection: conn, secrets: 'shown', filePath: file })));
        const out = await runner.exec(code, dir, `whole${n}`, file);
        if (process.env.CLIENTS_DEBUG === '1') console.info(`--- ${lang} ${recipeFile} whole program printed:\n${out}`);
        expect(out).not.toMatch(/KalturaAPIException|Traceback|Fatal error/);
        if (isUpload) await expectReady(name);
      }, 300_000);

      it(`${recipeFile}: each step with set-up code, in order, with the live results`, async () => {
        const name = `${lang} steps ${++n}`;
        const results: Record<number, unknown> = {};
        for (let i = 0; i < recipe.steps.length; i++) {
          const model = buildModels(recipe, { ...(isUpload ? { edit: edit(name) } : {}), conn, filePath: file, results })[i];
          if (!model) continue;
          // What later steps read of this one's result, as the page passes it: the sample prints it.
          const reads = laterReads(recipe.steps, i);
          const code = await fillValues(
            g.step(model, ctxOf({ connection: conn, secrets: 'shown', setup: true, filePath: file, reads })),
            results,
          );
          const out = await runner.exec(code, dir, `step${n}_${i + 1}`, file);
          // The live result the page would hold: read back the way the step printed it.
          const sent = fieldsToJson(model.params);
          results[i] = { ok: true, response: liveResult(out), answers: { ...sent, body: sent } };
        }
        if (isUpload) await expectReady(name);
      }, 300_000);
    }

    /** The whole program and every step with set-up of `recipeFile` compile with the official client. */
    async function expectCompiles(recipeFile: string, api: ApiDescription): Promise<void> {
      const models = buildModels(loadRecipe(recipeFile), { api, conn, filePath: file }).filter((m): m is RequestModel => m !== null);
      const ctx = (setup: boolean) => ctxOf({ api, connection: conn, secrets: 'shown', setup, filePath: file });
      const samples = [
        { name: 'program', code: g.program(models, ctx(false)) },
        ...models.map((m) => ({ name: `step${m.stepIndex + 1}`, code: g.step(m, ctx(true)) })),
      ];
      const errors = await runner.compile!(samples, mkdtempSync(join(dir, 'compile-')));
      for (const s of samples) expect(errors.get(s.name) ?? [], `${recipeFile} ${s.name}:\n${s.code}`).toEqual([]);
    }

    if (runner.compile) {
      const published = publishedApi();
      for (const f of publishedRecipeFiles()) {
        it.skipIf(!published)(
          `${f} (services of the published API the sandbox does not simulate): every sample compiles with the official client, not run`,
          async () => {
            await expectCompiles(f, published!);
          },
          600_000,
        );
      }
    }

    it('a failing call exits non-zero', async () => {
      const recipe = loadRecipe(UPLOAD_RECIPE);
      const bad = { ...conn, secret: 'wrong-secret' };
      const models = buildModels(recipe, { conn: bad, filePath: file }).filter((m): m is RequestModel => m !== null);
      await expect(
        runner.exec(g.program(models, ctxOf({ connection: bad, secrets: 'shown', filePath: file })), dir, `failing${++n}`, file),
      ).rejects.toThrow(/exited with [1-9]/);
      await expect(
        runner.exec(g.step(models[0]!, ctxOf({ connection: bad, secrets: 'shown', setup: true })), dir, `failing${++n}`, file),
      ).rejects.toThrow(/exited with [1-9]/);
    }, 300_000);
  });
}

/**
 * A step's printed result as the page's result object: JSON when the sample prints JSON (node,
 * curl), else the `key: value` lines the other samples print (`id: 0_abc`).
 */
export function liveResult(out: string): unknown {
  const t = out.trim();
  if (/^[{["]/.test(t)) {
    try {
      return JSON.parse(t);
    } catch {
      /* not one document */
    }
  }
  const lines = t
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  // A scalar: `session.start: djJ8...`.
  const scalar = lines.length === 1 ? /^\w+\.\w+: (.*)$/.exec(lines[0]!) : null;
  if (scalar) return scalar[1];
  // `id: 1 version: 3`; a dotted key (`object.id: 0_abc`, a value a later step reads) is a path.
  const pairs = (line: string) => {
    const o: Record<string, unknown> = {};
    const re = /([\w.]+): (.*?)(?= [\w.]+: |$)/g;
    for (let m = re.exec(line); m; m = re.exec(line)) setAt(o, m[1]!, m[2]!);
    return o;
  };
  const o: Record<string, unknown> = {};
  const list = lines.findIndex((l) => l.startsWith('totalCount:'));
  if (list >= 0) {
    o.totalCount = Number(lines[list]!.slice('totalCount:'.length).trim());
    // Item lines, then lines of values read from the whole result (`objects.0.x` is read in the items).
    const items = lines.slice(list + 1);
    const end = items.findIndex((l) => !/^\w+: /.test(l) || /^[\w]+\.[\w.]+: /.test(l));
    o.objects = (end < 0 ? items : items.slice(0, end)).map(pairs);
    if (end >= 0) for (const line of items.slice(end)) for (const [k, v] of Object.entries(pairs(line))) if (!(k in o)) o[k] = v;
    return o;
  }
  for (const line of lines) for (const [k, v] of Object.entries(pairs(line))) if (!(k in o)) o[k] = v;
  return o;
}

/** Sets `path` (`object.id`) in `o`, making the objects on the way. */
function setAt(o: Record<string, unknown>, path: string, value: string): void {
  const segs = path.split('.');
  let cur = o;
  for (const seg of segs.slice(0, -1)) {
    if (typeof cur[seg] !== 'object' || cur[seg] === null) cur[seg] = {};
    cur = cur[seg] as Record<string, unknown>;
  }
  cur[segs[segs.length - 1]!] = value;
}
