/**
 * `npm run recipes:lint` lints every recipes/*.md; `npm run recipes:lint -- FILE...` lints those.
 * Prints one line per problem, `path:line:col: error|warning: message`, and exits 1 if any error
 * was found (0 otherwise). Paths and operations are checked against the Kaltura API description.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getKalturaDescription, type ApiDescription } from '../lib/api';
import { parseRecipe } from '../lib/recipe';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2).filter((a) => a !== '--');
const useApi = !args.includes('--no-api');
const files = args.filter((a) => !a.startsWith('--'));

if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: npm run recipes:lint [-- [--no-api] FILE...]\n  with no FILE, lints every recipes/*.md');
  process.exit(0);
}

let targets: string[];
if (files.length) {
  targets = files;
} else {
  const dir = join(root, 'recipes');
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  } catch {
    console.error(`error: cannot read the recipes folder ${relative(process.cwd(), dir) || dir}: run this from the project, or pass files to lint.`);
    process.exit(1);
  }
  if (names.length === 0) {
    console.error(`warning: no recipes (*.md) found in ${relative(process.cwd(), dir) || dir}.`);
  }
  targets = names.map((n) => relative(process.cwd(), join(dir, n)) || join(dir, n));
}

let api: ApiDescription | undefined;
if (useApi) {
  try {
    api = getKalturaDescription();
  } catch (e) {
    console.error(`warning: the Kaltura API description could not be built (${(e as Error)?.message ?? e}); paths and parameters are not checked.`);
  }
}

let errors = 0;
let warnings = 0;
for (const file of targets) {
  let source: string;
  try {
    if (statSync(file).isDirectory()) {
      console.log(`${file}: error: this is a folder, not a recipe file: pass the .md files in it.`);
      errors++;
      continue;
    }
    source = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String((e as Error)?.message ?? e);
    console.log(`${file}: error: cannot read the file (${why}): check the path.`);
    errors++;
    continue;
  }
  let recipe = parseRecipe(source, { api });
  if (api && recipe.metadata.openapi) {
    // The recipe names its own API description: the Kaltura one does not apply, and the linter
    // does not fetch anything.
    recipe = parseRecipe(source);
    console.error(`${file}: note: paths and parameters not checked (METADATA "openapi" names another API description).`);
  }
  for (const d of recipe.diagnostics) {
    console.log(`${file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
    if (d.severity === 'error') errors++;
    else warnings++;
  }
}
const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
console.error(`${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(targets.length, 'file')}.`);
process.exit(errors > 0 ? 1 : 0);
