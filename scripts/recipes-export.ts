/**
 * `npm run recipes:export -- FILE --format arazzo [--output OUT] [--source-url URL]
 * [--value STEP.PATH=VALUE]...` writes the recipe as an Arazzo 1.0 document (JSON): one workflow,
 * one step per API Call, dynamic values as `$steps.<id>.outputs`, `expect` as successCriteria
 * (lib/arazzo/export.ts). The operations refer to the OpenAPI description the console serves
 * (`{service-url}/api_v3/openapi.json`), or to the recipe's own METADATA `openapi`.
 */
import { writeFileSync } from 'node:fs';
import { readTextFile } from '../lib/server/read-text';
import { recipeToArazzo } from '../lib/arazzo/export';
import { API_USAGE, cliApi } from './cli/api';
import { buildForm } from '../lib/form/build';
import { formatDiagnostic, parseRecipe } from '../lib/recipe';
import { parseArgs } from './cli/args';
import { normaliseServiceUrl } from './cli/target';
import { parseValueFlags, slugOf, valuesForRecipe, VALUE_USAGE } from './cli/values';

const USAGE = `usage: npm run recipes:export -- FILE --format arazzo [--output OUT] [--source-url URL] [--service-url URL]
         [--value STEP.PATH=VALUE]... [--api PATH_OR_URL]...

  FILE            a recipe (.md)
  --format F      arazzo (Arazzo 1.0, JSON)
  --output OUT    write to OUT instead of the standard output
  --service-url   the console or Kaltura endpoint whose /api_v3/openapi.json the steps refer to
                  (default http://localhost:3000)
  --source-url    the OpenAPI description's URL itself (wins over --service-url)
${API_USAGE}
${VALUE_USAGE}`;

function fail(message: string): never {
  console.error(`error: ${message}\n\n${USAGE}`);
  process.exit(2);
}

const args = parseArgs(
  process.argv.slice(2),
  { values: ['--format', '--output', '--source-url', '--service-url'], repeatable: ['--value', '--api'], bools: ['--help', '-h'] },
  fail,
);
if (args.flags.has('--help') || args.flags.has('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const [file] = args.positional;
if (file === undefined || args.positional.length !== 1)
  fail(args.positional.length ? `one recipe file at a time (got ${args.positional.join(', ')}).` : 'no recipe FILE given.');
const format = args.opts['--format'];
if (format === undefined) fail('--format is required (arazzo).');
if (format !== 'arazzo') fail(`unknown --format "${format}": the one format is arazzo.`);
const valueFlags = parseValueFlags(args.multi['--value'] ?? [], fail);
for (const k of ['--source-url', '--service-url']) {
  const u = args.opts[k];
  if (u === undefined) continue;
  try {
    if (!/^https?:$/.test(new URL(u).protocol)) throw new Error();
  } catch {
    fail(`${k} must be an http(s) URL (got "${u}").`);
  }
}

const read = readTextFile(file);
if (!read.ok) fail(`cannot read ${file}: ${read.why}.`);
const source = read.text;
const api = await cliApi(args.multi['--api']);
const recipe = parseRecipe(source, recipeUsesOtherApi(source) ? {} : { api });
const errors = recipe.diagnostics.filter((d) => d.severity === 'error');
for (const d of errors) console.error(formatDiagnostic(file, d));
if (errors.length) {
  console.error(
    `error: ${file} has ${errors.length} error${errors.length === 1 ? '' : 's'}: fix ${errors.length === 1 ? 'it' : 'them'} first (npm run recipes:lint).`,
  );
  process.exit(1);
}
const forms = recipe.steps.map((s) => buildForm(s, api));
const given = valuesForRecipe(file, forms, valueFlags);
if (given.errors.length) fail(given.errors.join(' '));
const sourceUrl =
  args.opts['--source-url'] ??
  recipe.metadata.openapi ??
  `${normaliseServiceUrl(args.opts['--service-url'] ?? 'http://localhost:3000')}/api_v3/openapi.json`;
const doc = recipeToArazzo(recipe, api, {
  slug: slugOf(file),
  sourceUrl,
  values: Object.fromEntries(Object.entries(given.values).map(([k, v]) => [k, v.map((g) => ({ path: g.path, value: g.value }))])),
});
const text = JSON.stringify(doc, null, 2) + '\n';
if (args.opts['--output']) {
  try {
    writeFileSync(args.opts['--output'], text);
  } catch (e) {
    console.error(`error: cannot write ${args.opts['--output']}: ${(e as Error).message}`);
    process.exit(1);
  }
} else process.stdout.write(text);

function recipeUsesOtherApi(src: string): boolean {
  return !!parseRecipe(src).metadata.openapi;
}
