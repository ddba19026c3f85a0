/**
 * `npm run recipes:code -- FILE --lang LANG [--step N | --whole] [--setup] [--service-url URL]
 * [--partner-id ID] [--secret SECRET] [--file PATH] [--value STEP.PATH=VALUE]... [--api PATH_OR_URL]...`
 * prints the code samples the recipe page shows: one step's sample (1-based, as on the page) or the
 * whole recipe as one program. The request models come from the same parseRecipe ->
 * buildForm/initialValues -> buildRequestModel path as the page; `--value` fills inputs as a reader
 * would, and a required input left without a value is named on stderr with the flag that fills it.
 */
import { statSync } from 'node:fs';
import { readTextFile } from '../lib/server/read-text';
import { basename } from 'node:path';
import { API_USAGE, cliApi } from './cli/api';
import { type GENERATORS, LANGUAGE_IDS, generatorFor, type CodegenContext } from '../lib/codegen';
import { laterReads } from '../lib/codegen/reads';
import { placeholderText } from '../lib/codegen/plan';
import { isTokenHash } from '../lib/description/kaltura/app-token-hash';
import { buildForm, initialValues } from '../lib/form';
import { buildRequestModel } from '../lib/request/build';
import { fillPlaceholders, formatDiagnostic, parseRecipe } from '../lib/recipe';
import type { RequestModel } from '../lib/request/types';
import { setPath as setValuePath } from '../lib/form/paths';
import { parseArgs } from './cli/args';
import { readTarget, toConnection, TARGET_FLAGS } from './cli/target';
import { missingRequired, parseValueFlags, valuesForRecipe, VALUE_USAGE } from './cli/values';

const USAGE = `usage: npm run recipes:code -- FILE --lang LANG [--step N | --whole] [--setup]
         [--service-url URL] [--partner-id ID] [--secret SECRET] [--ks KS] [--file PATH]
         [--value STEP.PATH=VALUE]... [--api PATH_OR_URL]...

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
${API_USAGE}
${VALUE_USAGE}`;

function fail(message: string): never {
  console.error(`error: ${message}\n\n${USAGE}`);
  process.exit(2);
}

const { opts, multi, flags, positional } = parseArgs(
  process.argv.slice(2),
  {
    values: ['--lang', '--step', ...TARGET_FLAGS, '--file'],
    repeatable: ['--value', '--api'],
    bools: ['--whole', '--setup', '--help', '-h'],
  },
  fail,
);
const valueFlags = parseValueFlags(multi['--value'] ?? [], fail);
const apiFlags = multi['--api'] ?? [];

if (flags.has('--help') || flags.has('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const [file] = positional;
if (file === undefined || positional.length !== 1)
  fail(positional.length ? `one recipe file at a time (got ${positional.join(', ')}).` : 'no recipe FILE given.');
const lang = opts['--lang'];
if (!lang) fail('--lang is required.');
if (!flags.has('--whole') && opts['--step'] === undefined) fail('pass --step N (1-based) or --whole.');
if (flags.has('--whole') && opts['--step'] !== undefined) fail('--step and --whole exclude each other.');

const read = readTextFile(file);
if (!read.ok) fail(`cannot read ${file}: ${read.why}.`);
const source = read.text;
const api = await cliApi(apiFlags);
const recipe = parseRecipe(source, { api });
for (const d of recipe.diagnostics.filter((x) => x.severity === 'error')) console.error(formatDiagnostic(file, d));

const connection = toConnection(readTarget(opts, fail), 'http://localhost:3000');

const filePath = opts['--file'];
let fileSize = 0;
if (filePath) {
  try {
    fileSize = statSync(filePath).size;
  } catch {
    // The path is only printed in the code; it need not exist here.
  }
}

const stepForms = recipe.steps.map((step) => ({ step, form: buildForm(step, api) }));
const forms = stepForms.map((s) => s.form);
const given = valuesForRecipe(file, forms, valueFlags);
if (given.errors.length) fail(given.errors.join(' '));
const ctx: CodegenContext = {
  api,
  connection,
  setup: flags.has('--setup'),
  // Secrets given on the command line are the user's own: print them so the code runs.
  secrets: 'shown',
};
if (filePath) ctx.filePath = filePath;

interface Built {
  model: RequestModel | null;
  answers: Record<string, unknown>;
}

function build({ step, form }: (typeof stepForms)[number], i: number): Built {
  let values = initialValues(form, connection) as Record<string, unknown>;
  for (const g of given.values[i] ?? []) values = setValuePath(values, g.path, g.value);
  for (const f of form.fields) {
    if (f.kind === 'file') {
      const v = { kind: 'file', name: filePath ? basename(filePath) : 'file', size: fileSize, path: filePath };
      setPath(values, f.path, v);
    }
  }
  const { model } = buildRequestModel({ step, form, values, results: {}, connection, api });
  if (model)
    for (const m of missingRequired(form, values)) missing.push({ ...m, computed: isTokenHash(model.service, model.action, m.path) });
  return { model, answers: values };
}

/** `computed`: an input generated code computes where it can (an app token's hash, lib/description/kaltura/app-token-hash.ts). */
const missing: Array<ReturnType<typeof missingRequired>[number] & { computed: boolean }> = [];

/**
 * Required inputs the printed `code` sends without a value: the program would fail there. An input
 * the code computes is no such input, unless the language could not and left it a FILL IN.
 */
function warnMissing(code: string): void {
  for (const m of missing) {
    if (m.computed && !code.includes(placeholderText(m.path))) continue;
    const title = recipe.steps[m.step]?.title;
    console.error(
      `warning: step ${m.step + 1}${title === undefined ? '' : ` ("${title}")`}: ${m.message} and has no value, so the program will fail there; pass ${m.flag}.`,
    );
  }
}

function setPath(o: Record<string, unknown>, path: string, v: unknown): void {
  const dot = path.lastIndexOf('.');
  let cur = o;
  for (const s of dot < 0 ? [] : path.slice(0, dot).split('.')) {
    if (typeof cur[s] !== 'object' || cur[s] === null) cur[s] = {};
    cur = cur[s] as Record<string, unknown>;
  }
  cur[path.slice(dot + 1)] = v;
}

if (flags.has('--whole')) {
  const g = generatorFor(lang) ?? fail(`unknown --lang "${lang}": whole-recipe programs exist in ${LANGUAGE_IDS.join(', ')}.`);
  const models = stepForms.map((sf, i) => build(sf, i).model).filter((m): m is RequestModel => m !== null);
  if (models.length === 0) fail(`${file} has no step with an API call.`);
  const code = g.program(models, ctx);
  warnMissing(code);
  process.stdout.write(code);
} else {
  const n = Number(opts['--step']);
  const picked = Number.isInteger(n) && n >= 1 ? stepForms[n - 1] : undefined;
  if (!picked) fail(`--step must be a step number from 1 to ${recipe.steps.length} (got "${opts['--step']}").`);
  const { step } = picked;
  const sample = step.languages.find((s) => s.language === lang);
  if (!sample)
    fail(
      `step ${n} ("${step.title}") offers no "${lang}" sample; it offers ${step.languages.map((s) => s.language).join(', ') || 'none'}.`,
    );
  const { model, answers } = build(picked, n - 1);
  if (!sample.auto) {
    process.stdout.write(fillPlaceholders(sample.code, answers).replace(/\n?$/, '\n'));
  } else {
    const g = generatorFor(lang) ?? fail(`no generator for "${lang}"; the step's sample must be written by hand.`);
    if (!model) fail(`step ${n} ("${step.title}") makes no API call, so there is no code to generate.`);
    // What later steps read of this step's result: the sample prints it, as on the page.
    const code = (g as typeof GENERATORS.node).step(model, { ...ctx, reads: laterReads(recipe.steps, n - 1) });
    warnMissing(code);
    process.stdout.write(code);
  }
}
