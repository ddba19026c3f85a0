/**
 * `npm run recipes:code -- FILE --lang LANG [--step N | --whole] [--setup] [--service-url URL]
 * [--partner-id ID] [--secret SECRET] [--file PATH] [--api PATH_OR_URL]...` prints the code samples the recipe page shows:
 * one step's sample (1-based, as on the page) or the whole recipe as one program. The request models
 * come from the same parseRecipe -> buildForm/initialValues -> buildRequestModel path as the page.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ApiDescription } from '../lib/api';
import { loadApi, parseApiSources } from '../lib/server/api';
import { GENERATORS, LANGUAGE_IDS, generatorFor, type CodegenContext } from '../lib/codegen';
import { buildForm, initialValues } from '../lib/form';
import { buildRequestModel } from '../lib/request/build';
import { fillPlaceholders, parseRecipe } from '../lib/recipe';
import type { Connection, RequestModel } from '../lib/request/types';

const USAGE = `usage: npm run recipes:code -- FILE --lang LANG [--step N | --whole] [--setup]
         [--service-url URL] [--partner-id ID] [--secret SECRET] [--ks KS] [--file PATH]

  FILE            a recipe (.md)
  --lang LANG     one of: ${LANGUAGE_IDS.join(', ')}
  --step N        the sample of step N (1-based, as numbered on the page)
  --whole         the whole recipe as one program (set-up included)
  --setup         include the client set-up and session start in a step's sample
  --service-url   the endpoint (default http://localhost:3000, the built-in sandbox)
  --partner-id    the partner ID used by the set-up code
  --secret        the admin secret (printed in the code; without it a placeholder is printed)
  --ks            a KS to print in a step's sample (curl without --setup)
  --file PATH     the path the file parameter of an upload step opens
  --api           the API description (repeatable; default: RECIPES_API, else the built-in one)`;

function fail(message: string): never {
  console.error(`error: ${message}\n\n${USAGE}`);
  process.exit(2);
}

const VALUE_FLAGS = new Set(['--lang', '--step', '--service-url', '--partner-id', '--secret', '--ks', '--file']);
const BOOL_FLAGS = new Set(['--whole', '--setup', '--help', '-h']);

const argv = process.argv.slice(2).filter((a) => a !== '--');
const opts: Record<string, string> = {};
const apiFlags: string[] = [];
const flags = new Set<string>();
const positional: string[] = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const eq = a.indexOf('=');
  const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
  if (VALUE_FLAGS.has(name) || name === '--api') {
    const v = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : argv[++i];
    if (v === undefined || (v.startsWith('--') && eq < 0)) fail(`${name} needs a value.`);
    if (name === '--api') apiFlags.push(v);
    else opts[name] = v;
  } else if (BOOL_FLAGS.has(a)) flags.add(a);
  else if (a.startsWith('-')) fail(`unknown option ${a}.`);
  else positional.push(a);
}

if (flags.has('--help') || flags.has('-h')) {
  console.log(USAGE);
  process.exit(0);
}
if (positional.length !== 1) fail(positional.length ? `one recipe file at a time (got ${positional.join(', ')}).` : 'no recipe FILE given.');
const lang = opts['--lang'];
if (!lang) fail('--lang is required.');
if (!flags.has('--whole') && opts['--step'] === undefined) fail('pass --step N (1-based) or --whole.');
if (flags.has('--whole') && opts['--step'] !== undefined) fail('--step and --whole exclude each other.');

const file = positional[0];
let source: string;
try {
  source = readFileSync(file, 'utf8');
} catch (e) {
  fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`);
}
let api: ApiDescription;
try {
  api = (await loadApi(apiFlags.length ? apiFlags : parseApiSources(process.env.RECIPES_API))).api;
} catch (e) {
  console.error(`error: ${(e as Error)?.message ?? e}`);
  process.exit(2);
}
const recipe = parseRecipe(source, { api });
for (const d of recipe.diagnostics.filter((x) => x.severity === 'error')) console.error(`${file}:${d.line}:${d.column}: error: ${d.message}`);

let partnerId: number | undefined;
if (opts['--partner-id'] !== undefined) {
  partnerId = Number(opts['--partner-id']);
  if (!Number.isInteger(partnerId) || partnerId < 0) fail(`--partner-id must be a whole number (got "${opts['--partner-id']}").`);
}
const serviceUrl = opts['--service-url'] ?? 'http://localhost:3000';
try {
  const u = new URL(serviceUrl);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http');
} catch {
  fail(`--service-url must be an http(s) URL (got "${serviceUrl}").`);
}
const connection: Connection = {
  serviceUrl: serviceUrl.replace(/\/+$/, '').replace(/\/api_v3$/, ''),
  partnerId,
  secret: opts['--secret'],
  ks: opts['--ks'],
};

const filePath = opts['--file'];
let fileSize = 0;
if (filePath) {
  try {
    fileSize = statSync(filePath).size;
  } catch {
    // The path is only printed in the code; it need not exist here.
  }
}

const ctx: CodegenContext = {
  api,
  connection,
  setup: flags.has('--setup'),
  // Secrets given on the command line are the user's own: print them so the code runs.
  secrets: 'shown',
  filePath,
};

interface Built {
  model: RequestModel | null;
  answers: Record<string, unknown>;
}

function build(i: number): Built {
  const step = recipe.steps[i];
  const form = buildForm(step, api);
  const values = initialValues(form, connection) as Record<string, unknown>;
  for (const f of form.fields) {
    if (f.kind === 'file') {
      const v = { kind: 'file', name: filePath ? basename(filePath) : 'file', size: fileSize, path: filePath };
      setPath(values, f.path, v);
    }
  }
  const { model } = buildRequestModel({ step, form, values, results: {}, connection, api });
  return { model, answers: values };
}

function setPath(o: Record<string, unknown>, path: string, v: unknown): void {
  const segs = path.split('.');
  let cur = o;
  for (const s of segs.slice(0, -1)) {
    if (typeof cur[s] !== 'object' || cur[s] === null) cur[s] = {};
    cur = cur[s] as Record<string, unknown>;
  }
  cur[segs[segs.length - 1]] = v;
}

if (flags.has('--whole')) {
  const g = generatorFor(lang) ?? fail(`unknown --lang "${lang}": whole-recipe programs exist in ${LANGUAGE_IDS.join(', ')}.`);
  const models = recipe.steps.map((_, i) => build(i).model).filter((m): m is RequestModel => m !== null);
  if (models.length === 0) fail(`${file} has no step with an API call.`);
  process.stdout.write(g.program(models, ctx));
} else {
  const n = Number(opts['--step']);
  if (!Number.isInteger(n) || n < 1 || n > recipe.steps.length) {
    fail(`--step must be a step number from 1 to ${recipe.steps.length} (got "${opts['--step']}").`);
  }
  const step = recipe.steps[n - 1];
  const sample = step.languages.find((s) => s.language === lang);
  if (!sample) fail(`step ${n} ("${step.title}") offers no "${lang}" sample; it offers ${step.languages.map((s) => s.language).join(', ') || 'none'}.`);
  const { model, answers } = build(n - 1);
  if (!sample.auto) {
    process.stdout.write(fillPlaceholders(sample.code, answers).replace(/\n?$/, '\n'));
  } else {
    const g = generatorFor(lang) ?? fail(`no generator for "${lang}"; the step's sample must be written by hand.`);
    if (!model) fail(`step ${n} ("${step.title}") makes no API call, so there is no code to generate.`);
    process.stdout.write((g as typeof GENERATORS.node).step(model, ctx));
  }
}
