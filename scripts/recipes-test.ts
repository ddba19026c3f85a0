/**
 * `npm run recipes:test -- [FILE...]` runs recipes headless, step after step, the way the page runs
 * them (lib/runner/run-recipe.ts: the same forms, request model, chunked uploader, dynamic values
 * and choices, READY polling), and checks each step's `expect`. With no FILE, every recipes/*.md.
 *
 * Target: the built-in sandbox by default, in this process behind a plain Node HTTP server on a
 * temporary data folder, removed afterwards (lib/sandbox/node-server.ts); or a Kaltura endpoint
 * with `--service-url URL` and `--partner-id ID --secret SECRET`, or `--ks KS`.
 * Exit status: 0 when every step of every recipe passed, 1 when one failed, 2 for bad arguments.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openAsBlob, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readTextFile } from '../lib/server/read-text';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { shownPath } from './cli/paths';
import { fileURLToPath } from 'node:url';
import { loadDescriptionFromUrl } from '../lib/description';
import { API_USAGE, cliApi } from './cli/api';
import { startSession } from '../lib/connection/session';
import { buildForm } from '../lib/form/build';
import { formatDiagnostic, parseRecipe } from '../lib/recipe';
import type { Connection } from '../lib/request/types';
import { runRecipe, type RunFile } from '../lib/runner/run-recipe';
import { readSettings } from '../lib/sandbox/config';
import { startSandboxServer, type SandboxServer } from '../lib/sandbox/node-server';
import { createUploadExecutor } from '../lib/upload/step';
import { MemoryFingerprintStore } from '../lib/upload/fingerprint';
import { fetchTransport } from '../lib/upload/transport';
import { parseArgs } from './cli/args';
import {
  json,
  junit,
  paint,
  summarize,
  textRecipeHead,
  textRecipeProblems,
  textStep,
  textSummary,
  type FileReport,
  type Target,
} from './cli/reporters';
import { readTarget, TARGET_FLAGS, TARGET_USAGE } from './cli/target';
import { parseValueFlags, valuesForRecipe, VALUE_USAGE } from './cli/values';

const USAGE = `usage: npm run recipes:test -- [FILE...] [--service-url URL (--partner-id ID --secret SECRET | --ks KS)]
         [--value STEP.PATH=VALUE]... [--file PATH] [--reporter text|junit|json] [--output FILE] [--api PATH_OR_URL]...

  FILE            recipes (.md) to run; with none, every recipes/*.md
  (no --service-url)  the built-in sandbox, started here on a temporary data folder and stopped after
${TARGET_USAGE}
${VALUE_USAGE}
${API_USAGE}
  --file PATH     the file upload steps send (default: a small generated file)
  --reporter R    text (default; colours on a terminal), junit (JUnit XML), json
  --output FILE   write the report to FILE instead of the standard output
  --timeout S     longest wait for an entry to finish processing, in seconds (default 300)`;

function fail(message: string): never {
  console.error(`error: ${message}\n\n${USAGE}`);
  process.exit(2);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = parseArgs(
  process.argv.slice(2),
  { values: [...TARGET_FLAGS, '--file', '--reporter', '--output', '--timeout'], repeatable: ['--value', '--api'], bools: ['--help', '-h'] },
  fail,
);
if (args.flags.has('--help') || args.flags.has('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const reporter = args.opts['--reporter'] ?? 'text';
if (!['text', 'junit', 'json'].includes(reporter)) fail(`--reporter must be text, junit or json (got "${reporter}").`);
const target = readTarget(args.opts, fail);
if (target.serviceUrl === undefined && (target.partnerId !== undefined || target.secret !== undefined || target.ks !== undefined)) {
  fail(
    '--partner-id, --secret and --ks are for a Kaltura endpoint: pass its --service-url too (without one, the built-in sandbox runs with its own partner).',
  );
}
if (target.serviceUrl !== undefined && target.ks === undefined && (target.partnerId === undefined || target.secret === undefined)) {
  fail('with --service-url, pass --partner-id and --secret (a session is started with them), or --ks.');
}
const valueFlags = parseValueFlags(args.multi['--value'] ?? [], fail);
let timeoutMs = 300_000;
if (args.opts['--timeout'] !== undefined) {
  const n = Number(args.opts['--timeout']);
  if (!Number.isFinite(n) || n <= 0) fail(`--timeout must be a number of seconds (got "${args.opts['--timeout']}").`);
  timeoutMs = n * 1000;
}
const filePath = args.opts['--file'];
if (filePath !== undefined) {
  try {
    if (!statSync(filePath).isFile()) fail(`--file ${filePath} is not a file.`);
  } catch {
    fail(`--file ${filePath}: no such file.`);
  }
}

let files: string[] = args.positional;
if (files.length === 0) {
  const dir = process.env.RECIPES_DIR ? resolve(process.env.RECIPES_DIR) : join(root, 'recipes');
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((n) => shownPath(join(dir, n)));
  } catch {
    fail(`cannot read the recipes folder ${dir}: pass recipe files.`);
  }
  if (files.length === 0) fail(`no recipes (*.md) in ${dir}: pass recipe files.`);
}
for (const f of valueFlags) {
  if (f.recipe !== undefined && !files.some((x) => basename(x).replace(/\.md$/i, '') === f.recipe)) {
    fail(`--value ${f.raw}: no recipe "${f.recipe}" among the files given (${files.map((x) => basename(x)).join(', ')}).`);
  }
}

// Reports go to stdout (or --output); anything else, e.g. the sandbox's own lines, to stderr.
console.log = (...a: unknown[]) => console.error(...a);
const out = args.opts['--output'];
const color = reporter === 'text' && !out && process.stdout.isTTY === true && !process.env.NO_COLOR;
const p = paint(color);
let text = '';
const emit = (s: string) => {
  if (reporter !== 'text') return;
  if (out) text += s;
  else process.stdout.write(s);
};

const MIME: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
};

async function uploadFile(): Promise<RunFile> {
  if (filePath) {
    const type = MIME[extname(filePath).toLowerCase()];
    return { blob: await openAsBlob(filePath, type ? { type } : {}), name: basename(filePath), ...(type ? { mimeType: type } : {}) };
  }
  // A small file of fixed bytes (the same every run): enough for the uploader and the sandbox.
  const bytes = new Uint8Array(32 * 1024);
  let x = 2463534242;
  for (let i = 0; i < bytes.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return { blob: new Blob([bytes]), name: 'recipes-test.bin' };
}

async function main(): Promise<number> {
  const started = performance.now();
  const api = await cliApi(args.multi['--api']);
  let sandbox: SandboxServer | undefined;
  let dataDir: string | undefined;
  const controller = new AbortController();
  const cleanup = async () => {
    await sandbox?.close().catch(() => undefined);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const onSignal = () => {
    controller.abort();
    void cleanup().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let connection: Connection;
  let tgt: Target;
  try {
    if (target.serviceUrl === undefined) {
      dataDir = mkdtempSync(join(tmpdir(), 'recipes-test-'));
      const secret = randomBytes(16).toString('hex');
      // The environment's other sandbox settings (processing time, faults) apply; the data folder and partner are this run's.
      const settings = {
        ...readSettings({
          ...process.env,
          SANDBOX_DATA_DIR: dataDir,
          SANDBOX_PARTNER_ID: '',
          SANDBOX_ADMIN_SECRET: secret,
          SANDBOX_USER_SECRET: '',
        }),
      };
      // the sandbox follows the same API description as the runner (--api / RECIPES_API, else the built-in one)
      sandbox = await startSandboxServer({ settings, quiet: true, api });
      const partnerId = sandbox.core.partner.id;
      const ks = await startSession({ serviceUrl: sandbox.url, partnerId, secret });
      connection = { serviceUrl: sandbox.url, partnerId, secret, ks };
      tgt = { kind: 'sandbox', serviceUrl: sandbox.url, partnerId };
      emit(p.dim(`target: the built-in sandbox (in this process, temporary data), partner ${partnerId}\n\n`));
    } else {
      connection = { serviceUrl: target.serviceUrl };
      if (target.partnerId !== undefined) connection.partnerId = target.partnerId;
      if (target.ks) connection.ks = target.ks;
      else {
        const { partnerId, secret } = target;
        // Checked at start-up: without --ks an endpoint needs --partner-id and --secret.
        if (partnerId === undefined || secret === undefined) throw new Error('--partner-id and --secret are required without --ks');
        connection.secret = secret;
        connection.ks = await startSession({ serviceUrl: target.serviceUrl, partnerId, secret });
      }
      tgt = { kind: 'endpoint', serviceUrl: target.serviceUrl, ...(target.partnerId !== undefined ? { partnerId: target.partnerId } : {}) };
      emit(p.dim(`target: ${target.serviceUrl}${target.partnerId !== undefined ? `, partner ${target.partnerId}` : ''}\n\n`));
    }
  } catch (e) {
    await cleanup();
    console.error(`error: could not start a session: ${(e as Error)?.message ?? e}`);
    return 1;
  }

  const reports: FileReport[] = [];
  const executor = createUploadExecutor({ transport: fetchTransport, store: new MemoryFingerprintStore() });
  try {
    for (const file of files) {
      if (controller.signal.aborted) break;
      const read = readTextFile(file);
      if (!read.ok) {
        const why = read.folder ? 'this is a folder, not a recipe file' : read.why;
        const r: FileReport = { file, error: `cannot read the file (${why}).` };
        reports.push(r);
        emit(textRecipeHead(file, undefined, p) + textRecipeProblems(r, p) + '\n');
        continue;
      }
      const source = read.text;
      let recipe = parseRecipe(source, { api });
      let recipeApi = api;
      if (recipe.metadata.openapi) {
        // The recipe names its own API description (as the page, load it relative to the target).
        const url = new URL(recipe.metadata.openapi, `${connection.serviceUrl}/`).toString();
        try {
          recipeApi = await loadDescriptionFromUrl(url);
          recipe = parseRecipe(source, { api: recipeApi });
        } catch (e) {
          const r: FileReport = {
            file,
            error: `cannot load the recipe's API description (METADATA "openapi"): ${(e as Error)?.message ?? e}`,
          };
          reports.push(r);
          emit(textRecipeHead(file, recipe.title, p) + textRecipeProblems(r, p) + '\n');
          continue;
        }
      }
      const forms = recipe.steps.map((s) => buildForm(s, recipeApi));
      const given = valuesForRecipe(file, forms, valueFlags);
      emit(textRecipeHead(file, recipe.title, p));
      if (given.errors.length) {
        const r: FileReport = { file, error: given.errors.join(' ') };
        reports.push(r);
        emit(textRecipeProblems(r, p) + '\n');
        continue;
      }
      for (const d of recipe.diagnostics) if (d.severity === 'warning') console.error(formatDiagnostic(file, d));
      const report = await runRecipe({
        recipe,
        api: recipeApi,
        connection,
        values: Object.fromEntries(Object.entries(given.values).map(([k, v]) => [k, v.map((g) => ({ path: g.path, value: g.value }))])),
        file: () => uploadFile(),
        executor,
        sandbox: tgt.kind === 'sandbox',
        poll: { intervalMs: 25, maxIntervalMs: 250, limitMs: timeoutMs },
        signal: controller.signal,
        onStep: (s) => emit(textStep(file, s, p)),
      });
      const r: FileReport = { file, report };
      reports.push(r);
      emit(textRecipeProblems(r, p) + '\n');
    }
  } finally {
    await cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  const summary = summarize(reports, performance.now() - started);
  const doc =
    reporter === 'junit' ? junit(reports, summary) : reporter === 'json' ? json(reports, summary, tgt) : text + textSummary(summary, p);
  if (out) {
    try {
      writeFileSync(out, doc);
    } catch (e) {
      console.error(`error: cannot write ${out}: ${(e as Error)?.message ?? e}`);
      return 1;
    }
    process.stderr.write(textSummary(summary, paint(false)));
  } else process.stdout.write(reporter === 'text' ? textSummary(summary, p) : doc);
  const ok = reports.every((r) => !r.error && r.report?.passed);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`error: ${(e as Error)?.stack ?? e}`);
    process.exit(1);
  },
);
