/**
 * `npm run recipes:lint` lints every recipes/*.md; `npm run recipes:lint -- FILE...` lints those.
 * Prints one line per problem, `path:line:col: error|warning: message [rule-id]` (the rules are in
 * lib/recipe/rules), and exits 1 if any error was found (0 otherwise). Paths and operations are checked against the API description:
 * `--api PATH_OR_URL` (repeatable), else RECIPES_API (comma-separated), else the built-in one. A
 * recipe whose METADATA names its own (`openapi`, a path relative to the recipe or a URL) is
 * checked against that one. URLs are fetched once and cached (see lib/server/api.ts).
 */
import { readdirSync } from 'node:fs';
import { readTextFile } from '../lib/server/read-text';
import { dirname, join, resolve } from 'node:path';
import { shownPath } from './cli/paths';
import { fileURLToPath } from 'node:url';
import type { ApiDescription } from '../lib/description';
import { formatDiagnostic, parseRecipe } from '../lib/recipe';
import { slugOfFileName, slugProblem } from '../lib/recipe/slug';
import { loadApi, loadApiSource, parseApiSources } from '../lib/server/api';
import { watchRecipes } from '../lib/server/recipe-watch';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The folder the console serves: RECIPES_DIR, else the project's recipes/. */
const recipesFolder = process.env.RECIPES_DIR ? resolve(process.env.RECIPES_DIR) : join(root, 'recipes');
const argv = process.argv.slice(2).filter((a) => a !== '--');
const apiFlags: string[] = [];
const rest: string[] = [];
const args = argv[Symbol.iterator]();
for (const a of args) {
  if (a === '--api') {
    const v = args.next().value; // the flag's value: the next argument
    if (!v) {
      console.error('error: --api needs a file path or URL of an OpenAPI/Swagger JSON document.');
      process.exit(2);
    }
    apiFlags.push(v);
  } else if (a.startsWith('--api=')) apiFlags.push(a.slice(6));
  else rest.push(a);
}
const useApi = !rest.includes('--no-api');
const watchMode = rest.includes('--watch');
const files = rest.filter((a) => !a.startsWith('--'));
const unknown = rest.filter((a) => a.startsWith('-') && !['--no-api', '--watch', '--help', '-h'].includes(a));

if (rest.includes('--help') || rest.includes('-h')) {
  console.log(
    'usage: npm run recipes:lint [-- [--api PATH_OR_URL]... [--no-api] [--watch] FILE...]\n' +
      '  with no FILE, lints every recipes/*.md\n' +
      "  --watch   lint again whenever a file is saved (path:line:col lines for editors' problem matchers)\n" +
      '  --api     the API description to check against (repeatable; default: RECIPES_API, else the built-in one)\n' +
      '  --no-api  check the recipe format only',
  );
  process.exit(0);
}
if (unknown.length) {
  console.error(`error: unknown option ${unknown[0]} (see --help).`);
  process.exit(2);
}

let targets: string[];
if (files.length) {
  targets = files;
} else {
  const dir = recipesFolder;
  let names: string[] = [];
  try {
    names = readdirSync(dir)
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .sort();
    // the console would not serve these: say so here, where the author looks
    for (const n of names)
      if (!slugOfFileName(n)) console.error(`warning: ${shownPath(join(dir, n))}: not served by the console: ${slugProblem(n)}`);
  } catch {
    console.error(`error: cannot read the recipes folder ${shownPath(dir)}: run this from the project, or pass files to lint.`);
    process.exit(1);
  }
  if (names.length === 0) {
    console.error(`warning: no recipes (*.md) found in ${shownPath(dir)}.`);
  }
  targets = names.map((n) => shownPath(join(dir, n)));
}

let api: ApiDescription | undefined;
if (useApi) {
  const sources = apiFlags.length ? apiFlags : parseApiSources(process.env.RECIPES_API);
  try {
    const loaded = await loadApi(sources);
    api = loaded.api;
    if (loaded.sources.length) console.error(`note: checking against ${loaded.label} (${api.operations().length} operations).`);
  } catch (e) {
    // Never a silent fallback: a description that was asked for and cannot be read stops the run.
    console.error(`error: ${(e as Error)?.message ?? e}`);
    process.exit(2);
  }
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** Lints `files`, printing one line per problem; returns the counts. */
async function lintFiles(files: string[]): Promise<{ errors: number; warnings: number }> {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const read = readTextFile(file);
    if (!read.ok) {
      console.log(
        read.folder
          ? `${file}: error: this is a folder, not a recipe file: pass the .md files in it.`
          : `${file}: error: cannot read the file (${read.why}): check the path.`,
      );
      errors++;
      continue;
    }
    const source = read.text;
    let recipe = parseRecipe(source, { api });
    if (api && recipe.metadata.openapi) {
      // The recipe names its own API description: check against that one instead.
      const own = recipe.metadata.openapi;
      try {
        const loaded = await loadApiSource(own, { base: dirname(file) });
        recipe = parseRecipe(source, { api: loaded.api });
      } catch (e) {
        recipe = parseRecipe(source);
        console.error(
          `${file}: note: paths and parameters not checked: the recipe's own API description (METADATA "openapi") could not be loaded: ${(e as Error)?.message ?? e}`,
        );
      }
    }
    for (const d of recipe.diagnostics) {
      console.log(formatDiagnostic(file, d));
      if (d.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { errors, warnings };
}

if (!watchMode) {
  const { errors, warnings } = await lintFiles(targets);
  console.error(`${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(targets.length, 'file')}.`);
  process.exit(errors > 0 ? 1 : 0);
}

// --watch: lint everything once, then each file again when it is saved (editors' problem
// matchers read the path:line:col lines between "Linting" and the summary line).
const round = async (files: string[]) => {
  console.log(`recipes:lint: linting ${plural(files.length, 'file')}...`);
  const { errors, warnings } = await lintFiles(files);
  console.log(
    `recipes:lint: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files.length, 'file')}. Watching for changes (Ctrl+C to stop).`,
  );
};
await round(targets);
const explicit = files.length > 0;
const folders = [...new Set((explicit ? targets : [recipesFolder]).map((t) => (explicit ? dirname(resolve(t)) : resolve(t))))];
const wanted = new Set(targets.map((t) => resolve(t)));
let queue = Promise.resolve();
for (const folder of folders) {
  watchRecipes(folder, (c) => {
    if (explicit && !wanted.has(resolve(c.file))) return;
    const shown = shownPath(c.file);
    queue = queue.then(() => (c.kind === 'delete' ? void console.log(`recipes:lint: ${shown} was deleted.`) : round([shown])));
  });
}
// Keep the process alive (the watchers themselves do not).
setInterval(() => {}, 1 << 30);
